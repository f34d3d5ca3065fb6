import Foundation
import ThiDuaModel

/// Dates and amounts as each language writes them, with the words from the i18n file.
public extension Strings {
    /// `ngày 05 tháng 7 năm 2023` / `5 July 2023`: the pattern is `date.long` in the i18n file.
    func longDate(_ date: LocalDate) -> String { format(date, pattern: self("date.long")) }
    /// `05/7/2023`, `12/01/2024` / `5 July 2023`.
    func shortDate(_ date: LocalDate) -> String { format(date, pattern: self("date.short")) }

    private func format(_ date: LocalDate, pattern: String) -> String {
        let months = list("date.months")
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        // Official Vietnamese documents pad days below 10 and the months 1 and 2 (tháng 01, tháng 02).
        return pattern
            .replacingAll("{day2}", two(date.day))
            .replacingAll("{day}", String(date.day))
            .replacingAll("{month_official}", date.month <= 2 ? two(date.month) : String(date.month))
            .replacingAll("{month_name}", months.count == 12 ? months[date.month - 1] : String(date.month))
            .replacingAll("{month}", String(date.month))
            .replacingAll("{year}", String(date.year))
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
        guard contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
