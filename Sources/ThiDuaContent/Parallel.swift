import Dispatch
import Foundation
import Synchronization

/// Maps over an array on every core, returning results in input order, so that
/// nothing downstream depends on which thread finished first.
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 16 else { return items.map(transform) }
        if #available(macOS 15, iOS 18, *) {
            let chunkCount = min(items.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 8)
            let parts = Mutex<[[R]]>(Array(repeating: [], count: chunkCount))
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let lower = items.count * chunk / chunkCount, upper = items.count * (chunk + 1) / chunkCount
                let part = items[lower..<upper].map(transform)
                parts.withLock { $0[chunk] = part }
            }
            return parts.withLock { $0.flatMap { $0 } }
        }
        return items.map(transform)
    }
}
