import Dispatch
import Synchronization

/// Maps over `items` on every core, keeping the input order in the result, so that
/// parallel work still gives byte-identical output.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let results = Mutex<[R?]>(Array(repeating: nil, count: items.count))
    // Chunks, not single items: fewer lock round-trips, and each thread works on neighbours. Many small
    // chunks, handed out as threads free up, because items differ a thousandfold in cost (a campaign's
    // page lists every member; a person's is one screen): a few large chunks left a core idle at the end.
    let chunkSize = max(1, items.count / (ProcessInfoCores.count * 64))
    let chunks = stride(from: 0, to: items.count, by: chunkSize).map { $0..<min($0 + chunkSize, items.count) }
    DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
        let range = chunks[c]
        let local = range.map { transform(items[$0]) }
        results.withLock { all in for (offset, r) in local.enumerated() { all[range.lowerBound + offset] = r } }
    }
    return results.withLock { $0.map { $0! } }
}

enum ProcessInfoCores {
    static var count: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 4
        #endif
    }
}
#if canImport(Glibc)
import Glibc
#endif
