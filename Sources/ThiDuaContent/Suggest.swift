/// "Did you mean …?": the closest known word to a mistyped one, by edit distance,
/// or by shared words (`ldld-tam-duong` → `ldld-huyen-tam-duong`).
enum Suggest {
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let a = Array(word.utf8)
        let wordTokens = tokens(word)
        var best: (score: Int, candidate: String)?
        for candidate in candidates where candidate != word {
            let b = Array(candidate.utf8)
            let limit = max(2, max(a.count, b.count) / 3)
            var score = Int.max
            if abs(a.count - b.count) <= limit, let d = distance(a, b, limit: limit) { score = d }
            else {
                let t = tokens(candidate)
                let shared = wordTokens.intersection(t).count
                if shared > 0, shared * 2 >= max(wordTokens.count, t.count) { score = limit + 1 + (t.count + wordTokens.count - 2 * shared) }
            }
            guard score != Int.max else { continue }
            if best == nil || score < best!.score || (score == best!.score && candidate < best!.candidate) {
                best = (score, candidate)
            }
        }
        return best?.candidate
    }

    private static func tokens(_ s: String) -> Set<Substring> {
        Set(s.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "/" || $0 == " " }))
    }

    /// Levenshtein distance, or nil once it exceeds `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        if a.isEmpty { return b.count <= limit ? b.count : nil }
        if b.isEmpty { return a.count <= limit ? a.count : nil }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
