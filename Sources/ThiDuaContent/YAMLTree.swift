import ThiDuaModel
import Yams

/// A place in a file, 1-based; the column counts characters (Unicode scalars), as libyaml does.
/// Public so that the renderer and the site place their diagnostics through the same catalog.
public struct Position: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    static let fileStart = Position(line: 1, column: 1)
}

/// A YAML document as plain Sendable values with the position of every node, made from
/// Yams' composed `Node`s so that parsing can run on many threads and the result cross them.
indirect enum YAMLValue: Sendable {
    struct Entry: Sendable {
        var key: String
        var keyPosition: Position
        var value: YAMLValue
    }
    /// `isPlain`: written without quotes, so `~`, `null` and nothing at all mean "no value".
    case scalar(String, isPlain: Bool, Position)
    case sequence([YAMLValue], Position)
    case mapping([Entry], Position)

    var position: Position {
        switch self {
        case .scalar(_, _, let p), .sequence(_, let p), .mapping(_, let p): return p
        }
    }
    var isNull: Bool {
        if case .scalar(let s, true, _) = self { return s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL" }
        return false
    }
    var scalarText: String? {
        if case .scalar(let s, _, _) = self, !isNull { return s }
        return nil
    }
}

/// Parses YAML text with Yams, refusing what could make the parse itself costly or unsafe:
/// anchors and aliases (a "billion laughs" document expands exponentially, and Yams hashes
/// alias keys in full), nesting deeper than any content needs, and documents with huge node counts.
enum YAMLReader {
    static let maxDepth = 64
    static let maxNodes = 200_000

    /// The document's root (nil for an empty document), or the diagnostics that stop it.
    static func parse(_ text: String, file: String) -> (value: YAMLValue?, diagnostics: [Diagnostic]) {
        if let hazard = YAMLHazardScan.scan(text, maxDepth: maxDepth) {
            switch hazard {
            case .anchor(let p): return (nil, [DiagnosticCatalog.yamlAlias(file: file, at: p)])
            case .tooDeep(let p): return (nil, [DiagnosticCatalog.yamlTooDeep(file: file, at: p, limit: maxDepth)])
            }
        }
        do {
            // The basic resolver: every scalar stays a string (no regex per scalar); types are read per field.
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let root = try parser.singleRoot() else { return (nil, []) }
            var budget = maxNodes
            // Anchors are held weakly by the nodes and strongly by the parser: keep it alive while converting.
            let result: Result<YAMLValue, ConversionStop> = withExtendedLifetime(parser) {
                convert(root, depth: 0, budget: &budget)
            }
            switch result {
            case .success(let value): return (value, [])
            case .failure(.alias(let p)): return (nil, [DiagnosticCatalog.yamlAlias(file: file, at: p)])
            case .failure(.tooDeep(let p)): return (nil, [DiagnosticCatalog.yamlTooDeep(file: file, at: p, limit: maxDepth)])
            case .failure(.tooLarge(let p)): return (nil, [DiagnosticCatalog.yamlTooLarge(file: file, at: p, limit: maxNodes)])
            case .failure(.complexKey(let p)): return (nil, [DiagnosticCatalog.yamlComplexKey(file: file, at: p)])
            }
        } catch let error as YamlError {
            var d = diagnostic(for: error, file: file)
            if let line = d.line, lineIsTabIndented(text, line) {
                d = DiagnosticCatalog.yamlSyntax(file: file, at: Position(line: line, column: d.column ?? 1),
                                                 problem: "tab", tabs: true)
            }
            return (nil, [d])
        } catch {
            return (nil, [DiagnosticCatalog.yamlSyntax(file: file, at: .fileStart, problem: "\(error)")])
        }
    }

    /// libyaml's message for a tab is "found character that cannot start any token": say what it is.
    private static func lineIsTabIndented(_ text: String, _ line: Int) -> Bool {
        var current = 1
        var atLineStart = true
        for c in text.utf8 {
            if c == 0x0A { current += 1; atLineStart = true; if current > line { return false }; continue }
            guard current == line || current == line - 1, atLineStart else { continue }
            if c == 0x09 { return true }
            if c != 0x20 { atLineStart = false }
        }
        return false
    }

    private enum ConversionStop: Error {
        case alias(Position), tooDeep(Position), tooLarge(Position), complexKey(Position)
    }

    private static func position(_ mark: Mark?) -> Position {
        guard let m = mark else { return .fileStart }
        return Position(line: m.line, column: m.column)
    }

    private static func convert(_ node: Node, depth: Int, budget: inout Int) -> Result<YAMLValue, ConversionStop> {
        let p = position(node.mark)
        if node.anchor != nil { return .failure(.alias(p)) }
        if depth > maxDepth { return .failure(.tooDeep(p)) }
        budget -= 1
        if budget < 0 { return .failure(.tooLarge(p)) }
        switch node {
        case .scalar(let s):
            return .success(.scalar(s.string, isPlain: s.style == .plain, p))
        case .sequence(let seq):
            var items: [YAMLValue] = []
            items.reserveCapacity(seq.count)
            for child in seq {
                switch convert(child, depth: depth + 1, budget: &budget) {
                case .success(let v): items.append(v)
                case .failure(let e): return .failure(e)
                }
            }
            return .success(.sequence(items, p))
        case .mapping(let map):
            var entries: [YAMLValue.Entry] = []
            entries.reserveCapacity(map.count)
            for (key, value) in map {
                if key.anchor != nil { return .failure(.alias(position(key.mark))) }
                guard case .scalar(let k) = key else { return .failure(.complexKey(position(key.mark))) }
                switch convert(value, depth: depth + 1, budget: &budget) {
                case .success(let v): entries.append(.init(key: k.string, keyPosition: position(key.mark), value: v))
                case .failure(let e): return .failure(e)
                }
            }
            return .success(.mapping(entries, p))
        case .alias(let alias):
            return .failure(.alias(position(alias.mark)))
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return DiagnosticCatalog.yamlSyntax(file: file, at: position(mark), problem: text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DiagnosticCatalog.yamlDuplicateKey(file: file, at: position(context.mark), keys: duplicates)
        case .reader(let problem, let offset, _, _):
            return DiagnosticCatalog.yamlSyntax(file: file, at: .fileStart,
                                                problem: problem + (offset.map { " (offset \($0))" } ?? ""))
        default:
            return DiagnosticCatalog.yamlSyntax(file: file, at: .fileStart, problem: "\(error)")
        }
    }
}

/// A quick look over YAML text, before Yams composes it, for anchors (`&name`) and for
/// nesting deeper than any content needs: Yams composes recursively and hashes every
/// mapping's keys in full, so an alias used as a key could cost exponential time before
/// the composed tree could be checked. Quoted text, comments and block scalars are skipped.
enum YAMLHazardScan {
    enum Hazard: Equatable { case anchor(Position), tooDeep(Position) }

    static func scan(_ text: String, maxDepth: Int) -> Hazard? {
        let bytes = Array(text.utf8)
        var quote: UInt8 = 0  // 0, '\'' or '"': inside a quoted scalar (which may span lines)
        var flow = 0
        var blockIndent = -1  // inside a block scalar: lines indented more than this are its text
        var indents: [Int] = []
        var line = 1
        var i = 0
        while i < bytes.count {
            // One line.
            var end = i
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var indent = 0
            while i + indent < end, bytes[i + indent] == 0x20 { indent += 1 }
            let blank = i + indent == end
            if blockIndent >= 0 {
                if blank || indent > blockIndent { i = end + 1; line += 1; continue }
                blockIndent = -1
            }
            if quote == 0 && flow == 0 && !blank && bytes[i + indent] != 0x23 {
                while let last = indents.last, last > indent { indents.removeLast() }
                if indents.last != indent { indents.append(indent) }
            }
            var expectNode = quote == 0
            var j = quote == 0 ? i + indent : i
            var depthOnLine = 0
            while j < end {
                let c = bytes[j]
                if quote != 0 {
                    if c == quote {
                        if quote == 0x27, j + 1 < end, bytes[j + 1] == 0x27 { j += 2; continue }  // '' inside '…'
                        quote = 0; expectNode = false
                    } else if c == 0x5C, quote == 0x22 { j += 1 }  // \" inside "…"
                    j += 1; continue
                }
                let nextIsSpace = j + 1 >= end || bytes[j + 1] == 0x20 || bytes[j + 1] == 0x09
                switch c {
                case 0x20, 0x09:
                    j += 1; continue
                case 0x23 where j == i || bytes[j - 1] == 0x20 || bytes[j - 1] == 0x09:  // # comment
                    j = end; continue
                default: break
                }
                if expectNode {
                    switch c {
                    case 0x26 where !nextIsSpace:  // &anchor
                        return .anchor(Position(line: line, column: column(bytes, lineStart: i, at: j)))
                    case 0x27, 0x22:
                        quote = c; j += 1; continue
                    case 0x2D where nextIsSpace, 0x3F where nextIsSpace, 0x3A where nextIsSpace:  // "- ", "? ", ": "
                        depthOnLine += 1; j += 1; continue
                    case 0x5B, 0x7B:  // [ {
                        flow += 1; depthOnLine += 1; j += 1
                        if flow > maxDepth { return .tooDeep(Position(line: line, column: column(bytes, lineStart: i, at: j - 1))) }
                        continue
                    case 0x5D, 0x7D:
                        flow = max(0, flow - 1); expectNode = false; j += 1; continue
                    case 0x7C where flow == 0, 0x3E where flow == 0:  // | or > starts a block scalar
                        blockIndent = indent; j = end; continue
                    case 0x21, 0x2A:  // !tag, *alias: skip the token
                        while j < end, bytes[j] != 0x20, !(flow > 0 && (bytes[j] == 0x2C || bytes[j] == 0x5D || bytes[j] == 0x7D)) { j += 1 }
                        continue
                    case 0x2C where flow > 0:
                        j += 1; continue
                    default:
                        expectNode = false; j += 1; continue
                    }
                } else {
                    switch c {
                    case 0x3A where nextIsSpace || (flow > 0 && j + 1 < end && (bytes[j + 1] == 0x2C || bytes[j + 1] == 0x5D || bytes[j + 1] == 0x7D)):
                        expectNode = true
                    case 0x2C where flow > 0:
                        expectNode = true
                    case 0x5D where flow > 0, 0x7D where flow > 0:
                        flow -= 1
                    default: break
                    }
                    j += 1
                }
            }
            if indents.count + depthOnLine > maxDepth {
                return .tooDeep(Position(line: line, column: indent + 1))
            }
            i = end + 1; line += 1
        }
        return nil
    }

    private static func column(_ bytes: [UInt8], lineStart: Int, at offset: Int) -> Int {
        String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
    }
}
