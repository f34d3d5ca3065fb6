import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Maps over an array on every core, returning results in input order, so that nothing
/// downstream depends on which thread finished first and parallel work still gives
/// byte-identical output. Used by loading here and by rendering and writing in ThiDuaSite.
public enum Parallel {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        if #available(macOS 15, iOS 18, *) {
            // Many small chunks, handed out as threads free up, because items differ a thousandfold in
            // cost (a campaign's page lists every member; a person's is one screen): a few large
            // chunks left a core idle at the end. Chunks rather than items: fewer lock round-trips.
            let chunkSize = max(1, items.count / (cores * 64))
            let chunks = stride(from: 0, to: items.count, by: chunkSize).map { $0..<min($0 + chunkSize, items.count) }
            let parts = Mutex<[[R]]>(Array(repeating: [], count: chunks.count))
            DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
                let part = chunks[c].map { transform(items[$0]) }
                parts.withLock { $0[c] = part }
            }
            return parts.withLock { $0.flatMap { $0 } }
        }
        return items.map(transform)
    }

    static var cores: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 4
        #endif
    }
}
