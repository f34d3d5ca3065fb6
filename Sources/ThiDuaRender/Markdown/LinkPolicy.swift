/// What the renderer does with a link or image URL found in a body.
enum LinkDecision: Equatable {
    /// Keep the URL as written (relative, http(s), mailto, tel, …).
    case keep
    /// A `ref:kind/id` link; the payload is what follows `ref:`.
    case reference(String)
    /// A scheme that runs code or smuggles content in; the URL must not reach the output.
    case refuse
}

/// Which URLs may reach the output.
enum LinkPolicy {
    /// Schemes refused in links and images, lower-case.
    static let refusedSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

    /// Decides on a URL as cmark decoded it (entities and backslash escapes already resolved).
    static func decide(_ url: String) -> LinkDecision {
        let trimmed = url.drop { $0.isWhitespace || $0.unicodeScalars.allSatisfy(isIgnorable) }
        if trimmed.utf8.count >= 4, trimmed.prefix(4).lowercased() == "ref:" {
            return .reference(String(trimmed.dropFirst(4)))
        }
        return scheme(of: url).map { refusedSchemes.contains($0) } == true ? .refuse : .keep
    }

    /// The scheme a browser could read in `url`, lower-cased, after undoing the encodings an attacker
    /// may hide behind: percent and character references (repeatedly), and the whitespace, control and
    /// invisible characters that browsers strip or that editors let through (`java&#x09;script:`).
    static func scheme(of url: String) -> String? {
        var current = url
        for _ in 0..<4 {
            let decoded = decodeCharacterReferences(percentDecode(current))
            if decoded == current { break }
            current = decoded
        }
        var scheme = ""
        for scalar in current.unicodeScalars {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            if isIgnorable(scalar) { continue }
            // A character that cannot be part of a scheme means there is none: the URL is relative.
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "+" || scalar == "-" || scalar == "." else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Whitespace, C0/C1 controls, DEL and invisible format characters (zero-width space, soft hyphen, BOM).
    private static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return scalar.properties.isWhitespace || scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    /// `%XX` → the byte XX; malformed sequences stay as they are; invalid UTF-8 becomes U+FFFD.
    static func percentDecode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Numeric character references (`&#9;`, `&#x09`, the `;` optional as browsers allow) and the few
    /// named ones that matter in a scheme (`&Tab;`, `&NewLine;`, `&colon;`, `&amp;`).
    static func decodeCharacterReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: Unicode.Scalar] = ["tab": "\t", "newline": "\n", "colon": ":", "amp": "&", "nbsp": "\u{A0}"]
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&" else {
                out.append(scalars[index])
                index += 1
                continue
            }
            var cursor = index + 1
            if cursor < scalars.count, scalars[cursor] == "#" {
                cursor += 1
                var radix = 10
                if cursor < scalars.count, scalars[cursor] == "x" || scalars[cursor] == "X" {
                    radix = 16
                    cursor += 1
                }
                var digits = ""
                while cursor < scalars.count, digits.count < 8, Int(String(scalars[cursor]), radix: radix) != nil {
                    digits.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                if let value = UInt32(digits, radix: radix) {
                    out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                    if cursor < scalars.count, scalars[cursor] == ";" { cursor += 1 }
                    index = cursor
                    continue
                }
            } else {
                var name = ""
                while cursor < scalars.count, name.count < 10, scalars[cursor].properties.isAlphabetic, scalars[cursor].isASCII {
                    name.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                if cursor < scalars.count, scalars[cursor] == ";", let scalar = named[name.lowercased()] {
                    out.append(scalar)
                    index = cursor + 1
                    continue
                }
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
