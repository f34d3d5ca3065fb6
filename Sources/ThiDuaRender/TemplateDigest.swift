import ThiDuaModel

extension TemplateSet {
    /// A digest of a template and of every partial and parent it uses, however deep: a page is
    /// rendered anew when any file its template reaches changes, and only then.
    public func closureDigest(of name: String) -> UInt64 {
        var seen: Set<String> = [], queue = [name]
        while let next = queue.popLast() {
            guard seen.insert(next).inserted, let text = sources[next] else { continue }
            queue += Self.partialReferences(in: text).map(\.2)
        }
        var h = StableHasher()
        for file in seen.sorted() {
            h.combine(file)
            h.combine(sources[file] ?? "")
        }
        return h.value
    }
}

extension Views {
    /// The fields every template sees whatever the page (`lang`, `t`, `site`): the same on every
    /// page of a language, so their digest is taken once.
    public func sharedDigest(_ lang: Language) -> UInt64 { data.shared(lang).value.digest() }
}
