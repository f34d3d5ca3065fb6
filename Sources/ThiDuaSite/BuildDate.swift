import Foundation
import ThiDuaModel

/// The day a site is built for (CONTENT-MODEL section 9): `--date YYYY-MM-DD`, else
/// `SOURCE_DATE_EPOCH` (seconds since 1970, read as a UTC day, the reproducible-builds convention),
/// else today on this machine's calendar. The same content and the same day give the same bytes.
public enum BuildDate {
    public enum Problem: Error, Equatable, Sendable {
        /// `--date` not written `YYYY-MM-DD`, or a day that does not exist.
        case malformedOption(String)
        /// `SOURCE_DATE_EPOCH` not a whole number of seconds.
        case malformedEpoch(String)

        /// What to tell the person who ran the command.
        public var message: LocalizedText {
            switch self {
            case .malformedOption(let v):
                LocalizedText([.vi: "--date '\(v)' không đúng dạng YYYY-MM-DD (ví dụ --date 2026-12-02).",
                               .en: "--date '\(v)' is not a date written YYYY-MM-DD (e.g. --date 2026-12-02)."])
            case .malformedEpoch(let v):
                LocalizedText([.vi: "SOURCE_DATE_EPOCH='\(v)' không phải số giây kể từ 1970-01-01 (một số nguyên).",
                               .en: "SOURCE_DATE_EPOCH='\(v)' is not a whole number of seconds since 1970-01-01."])
            }
        }
    }

    public static func resolve(option: String?, environment: [String: String], now: Date = Date(),
                               calendar: Calendar = .current) -> Result<LocalDate, Problem> {
        if let option {
            guard let d = LocalDate(iso: option) else { return .failure(.malformedOption(option)) }
            return .success(d)
        }
        if let raw = environment["SOURCE_DATE_EPOCH"], !raw.isEmpty {
            guard raw.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let seconds = Int(raw),
                  let d = LocalDate(dayNumber: seconds / 86_400) else { return .failure(.malformedEpoch(raw)) }
            return .success(d)
        }
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return .success(LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Site.unsetBuildDate)
    }
}
