import Foundation
import ThiDuaModel

/// Dates and amounts as each language writes them, with the words from the i18n file.
public extension Strings {
    /// `ngày 05 tháng 7 năm 2023` / `5 July 2023`: the pattern is `date.long` in the i18n file.
    func longDate(_ date: LocalDate) -> String { format(date, pattern: self("date.long")) }
    /// `05/7/2023`, `12/01/2024` / `5 July 2023`.
    func shortDate(_ date: LocalDate) -> String { format(date, pattern: self("date.short")) }

    private func format(_ date: LocalDate, pattern: String) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        // Official Vietnamese documents pad days below 10 and the months 1 and 2 (tháng 01, tháng 02).
        return pattern.fillingPlaceholders { name in
            switch name {
            case "day2": two(date.day)
            case "day": String(date.day)
            case "month_official": date.month <= 2 ? two(date.month) : String(date.month)
            case "month_name":
                { let months = list("date.months"); return months.count == 12 ? months[date.month - 1] : String(date.month) }()
            case "month": String(date.month)
            case "year": String(date.year)
            default: nil
            }
        }
    }

    /// `120.000.000 đồng` / `VND 120,000,000`.
    func vnd(_ amount: Int) -> String {
        self("number.vnd").replacingAll("{amount}", grouped(amount))
    }

    func grouped(_ n: Int) -> String {
        let digits = Array(String(abs(n))), separator = self("number.group_separator")
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        guard target.hasPrefix("{"), target.hasSuffix("}") else {
            guard contains(target) else { return self }
            return components(separatedBy: target).joined(separator: replacement)
        }
        let name = target.dropFirst().dropLast()
        return fillingPlaceholders { $0 == name ? replacement : nil }
    }

    /// `{name}` placeholders replaced by `value(name)` (left as they are where it gives nil), in one
    /// pass over the bytes: dates are formatted on every page, and Foundation's search for each of
    /// six placeholders in turn was a tenth of a rebuild.
    func fillingPlaceholders(_ value: (Substring) -> String?) -> String {
        guard utf8.contains(UInt8(ascii: "{")) else { return self }
        var out = "", rest = self[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { out += rest[open...]; return out }
            let name = rest[rest.index(after: open)..<close]
            if let v = value(name) { out += v } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }
}
