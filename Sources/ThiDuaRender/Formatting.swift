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

    /// A count as the language groups its digits: `1.234` / `1,234`.
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

/// Shares and large amounts, each rounded to one decimal as reports print them: `12,5 %`,
/// `1,2 tỷ đồng` / `12.5%`, `VND 1.2 billion`. The words and separators are the i18n file's.
public extension Strings {
    /// `part` of `whole` as a percentage (`12,5 %` / `12.5%`); nil when there is no whole.
    func percent(_ part: Int, of whole: Int) -> String? {
        guard whole > 0 else { return nil }
        let tenths = (part * 1000 + whole / 2) / whole
        return self("number.percent").replacingAll("{n}", tenthsText(tenths))
    }

    /// An amount in đồng as a report shows it: billions (tỷ) and millions (triệu) to one decimal,
    /// smaller amounts in full (`1,2 tỷ đồng`, `350 triệu đồng`, `120.000 đồng`).
    func vndShort(_ amount: Int) -> String {
        for (scale, key) in [(1_000_000_000, "number.vnd_billion"), (1_000_000, "number.vnd_million")] where abs(amount) >= scale {
            let tenths = (abs(amount) * 10 + scale / 2) / scale
            return self(key).replacingAll("{amount}", (amount < 0 ? "-" : "") + tenthsText(tenths))
        }
        return vnd(amount)
    }

    /// `125` tenths → `12,5` / `12.5`; whole numbers without a decimal (`50`).
    private func tenthsText(_ tenths: Int) -> String {
        let whole = grouped(tenths / 10), rest = tenths % 10
        return rest == 0 ? whole : whole + self("number.decimal_separator") + String(rest)
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
