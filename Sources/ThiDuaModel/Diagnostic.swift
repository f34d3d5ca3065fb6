/// A problem found in a site, as data: where, how bad, a stable code, and what
/// to do, in every language the tool speaks. Printed once, at the end, by the caller.
public struct Diagnostic: Hashable, Comparable, Sendable {
    public enum Severity: String, Hashable, Comparable, Sendable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }
    public var severity: Severity
    /// Stable, for tools and documentation; printed as its raw value (`ref.unknown`, `yaml.syntax`).
    public var code: DiagnosticCode
    /// Relative to the site folder (`content/individuals/lo-thi-mai.vi.md`).
    public var file: String?
    /// 1-based; nil when the problem is the file as a whole.
    public var line: Int?
    public var column: Int?
    public var message: LocalizedText
    /// How to fix it, where one can be guessed.
    public var fix: LocalizedText?

    public init(_ severity: Severity, _ code: DiagnosticCode, file: String?, line: Int? = nil, column: Int? = nil,
                message: LocalizedText, fix: LocalizedText? = nil) {
        self.severity = severity; self.code = code; self.file = file; self.line = line; self.column = column
        self.message = message; self.fix = fix
    }

    /// Errors and warnings sorted by file, then position, then code: the order a reader fixes them in.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        let ka = (a.file ?? "", a.line ?? 0, a.column ?? 0, a.code, a.message[.en] ?? "")
        let kb = (b.file ?? "", b.line ?? 0, b.column ?? 0, b.code, b.message[.en] ?? "")
        return ka < kb
    }
}

public extension Array where Element == Diagnostic {
    var hasErrors: Bool { contains { $0.severity == .error } }
}
