/// A language the site is published in, by its ISO 639-1 code (`vi`, `en`).
public struct Language: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let code: String
    public init(_ code: String) { self.code = code }
    public static let vi = Language("vi")
    public static let en = Language("en")
    public var description: String { code }
    public static func < (a: Language, b: Language) -> Bool { a.code < b.code }
}

/// Text given per language. Lookups fall back to the default language, and say so,
/// because a page built from untranslated text must be marked as such.
public struct LocalizedText: Hashable, Sendable {
    public private(set) var values: [Language: String]
    public init(_ values: [Language: String] = [:]) { self.values = values }
    public init(_ text: String, in language: Language) { self.values = [language: text] }

    public var isEmpty: Bool { values.isEmpty }
    public subscript(language: Language) -> String? {
        get { values[language] }
        set { values[language] = newValue }
    }

    /// The text in `language`, or in `fallback` when there is none.
    public func resolve(_ language: Language, fallback: Language) -> Resolved<String>? {
        if let text = values[language] { return Resolved(value: text, language: language, isFallback: false) }
        if let text = values[fallback] { return Resolved(value: text, language: fallback, isFallback: language != fallback) }
        return nil
    }
}

/// Anything given per language (a list of achievements, say), with the same fallback rule.
public struct Localized<Value: Hashable & Sendable>: Hashable, Sendable {
    public private(set) var values: [Language: Value]
    public init(_ values: [Language: Value] = [:]) { self.values = values }
    public subscript(language: Language) -> Value? {
        get { values[language] }
        set { values[language] = newValue }
    }
    public func resolve(_ language: Language, fallback: Language) -> Resolved<Value>? {
        if let v = values[language] { return Resolved(value: v, language: language, isFallback: false) }
        if let v = values[fallback] { return Resolved(value: v, language: fallback, isFallback: language != fallback) }
        return nil
    }
}

/// A value looked up for a language, and the language it actually came from.
public struct Resolved<Value: Sendable>: Sendable {
    public let value: Value
    public let language: Language
    /// True when the value is the default language's, shown for want of a translation.
    public let isFallback: Bool
}
