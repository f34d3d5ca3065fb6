/// A calendar date as written in content (`YYYY-MM-DD`), with no time and no zone:
/// decisions and recognitions are dated by day, and output must not depend on the machine's zone.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the date does not exist (`2023-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; nil for any other shape or an impossible date.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2023-07-05`
    public var iso: String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
    public var description: String { iso }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// A span of dates, both ends included.
public struct Period: Hashable, Sendable {
    public let from: LocalDate
    public let to: LocalDate
    public init(from: LocalDate, to: LocalDate) { self.from = from; self.to = to }
}

extension LocalDate {
    /// Days since 1970-01-01 (negative before): a day count to step and compare by, whatever the month.
    /// Howard Hinnant's days-from-civil, exact for the proleptic Gregorian calendar.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `dayNumber` days after 1970-01-01 (nil outside years 1–9999).
    public init?(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (dayNumber + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    /// The date `days` later (earlier when negative); nil past year 9999.
    public func adding(days: Int) -> LocalDate? { LocalDate(dayNumber: dayNumber + days) }
}

/// Which days are working days (ngày làm việc): Monday to Friday, except the site's `holidays`.
/// What the public-comment window is measured in (Nghị định 98/2023/NĐ-CP, art. 46).
public struct WorkingCalendar: Hashable, Sendable {
    public let holidays: Set<LocalDate>
    public init(holidays: some Sequence<LocalDate>) { self.holidays = Set(holidays) }

    public func isWorkingDay(_ date: LocalDate) -> Bool { !date.isWeekend && !holidays.contains(date) }

    /// The working days from `from` to `to`, both included; 0 when `to` is before `from`.
    public func workingDays(from: LocalDate, to: LocalDate) -> Int {
        guard from <= to else { return 0 }
        let first = from.dayNumber, last = to.dayNumber
        // Whole weeks hold five weekdays each; only the rest is walked day by day.
        let span = last - first + 1, weeks = span / 7
        var count = weeks * 5
        var day = first + weeks * 7
        while day <= last {
            let r = (day + 3) % 7, weekday = (r < 0 ? r + 7 : r) + 1
            if weekday < 6 { count += 1 }
            day += 1
        }
        for h in holidays where h >= from && h <= to && !h.isWeekend { count -= 1 }
        return count
    }
}
