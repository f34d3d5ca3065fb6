import Mustache
import ThiDuaModel

/// A value handed to a template: strings, flags, lists and objects, and nothing else.
/// Sendable, so pages render in parallel; looked up by key (no reflection), which is
/// what makes variable lookup cheap in swift-mustache.
public enum TemplateValue: Sendable, MustacheParent, MustacheCustomRenderable, CustomStringConvertible {
    case string(String)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    public func child(named name: String) -> Any? {
        guard case .object(let fields) = self, let value = fields[name] else { return nil }
        return value.unwrapped
    }

    /// What the engine should see: a Bool or an Array, so that sections behave as Mustache
    /// defines them; text and objects stay as themselves. Text as a custom renderable is
    /// escaped and written by the engine as a String would be, with one type check where a
    /// String takes five (Lambda, Optional, and String(describing:)'s own), which are most of
    /// the engine's time on a large site.
    var unwrapped: Any {
        switch self {
        case .string, .object: return self
        case .bool(let b): return b
        case .list(let items): return items
        }
    }

    public var renderText: String {
        if case .string(let s) = self { return s }
        return ""
    }

    /// Never null: empty values are left out of objects, so `{{#key}}` already skips them.
    public var isNull: Bool { false }

    public var description: String {
        if case .string(let s) = self { return s }
        return ""
    }

    public subscript(key: String) -> TemplateValue? {
        guard case .object(let fields) = self else { return nil }
        return fields[key]
    }
}

/// Builds an object without writing `.string(…)` at every line; nil values are left out,
/// so `{{#key}}` sections skip them.
public struct TemplateObject: Sendable {
    public private(set) var fields: [String: TemplateValue] = [:]
    public init() {}
    public subscript(key: String) -> String? {
        get { if case .string(let s)? = fields[key] { return s } else { return nil } }
        set { fields[key] = newValue.map(TemplateValue.string) }
    }
    public mutating func set(_ key: String, _ value: TemplateValue?) { fields[key] = value }
    public mutating func set(_ key: String, _ value: Bool) { fields[key] = value ? .bool(true) : nil }
    /// A list, given to templates as `{items, count}` and left out when empty, so a template
    /// writes its heading once inside `{{#key}}…{{/key}}` and loops over `{{#items}}`.
    public mutating func set(_ key: String, list: [TemplateValue]) {
        fields[key] = list.isEmpty ? nil : .object(["items": .list(list), "count": .string(String(list.count))])
    }
    public var value: TemplateValue { .object(fields) }
}

extension TemplateValue {
    /// A digest of the value that is the same on every run: of a card, a menu, the values every
    /// page shares, for what a rebuild compares. Objects are unordered (a dictionary's order
    /// differs from run to run), so their fields combine by a sum of each field's own digest,
    /// which does not depend on the order they are visited in.
    public func digest() -> UInt64 {
        var h = StableHasher()
        feed(into: &h)
        return h.value
    }

    func feed(into h: inout StableHasher) {
        switch self {
        case .string(let s): h.combine(1 as UInt64); h.combine(s)
        case .bool(let b): h.combine(2 as UInt64); h.combine(b)
        case .list(let items):
            h.combine(3 as UInt64); h.combine(items.count)
            for item in items { item.feed(into: &h) }
        case .object(let fields):
            var sum: UInt64 = 0
            for (key, value) in fields {
                var f = StableHasher()
                f.combine(key)
                value.feed(into: &f)
                sum &+= f.value
            }
            h.combine(4 as UInt64); h.combine(fields.count); h.combine(sum)
        }
    }
}
