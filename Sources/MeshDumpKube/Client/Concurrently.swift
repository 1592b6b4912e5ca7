/// Runs work for several items with at most `limit` running at once.
public enum Concurrently {
    /// `transform` of each item, in the items' order. The first error cancels the rest and is
    /// rethrown.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], limit: Int, _ transform: @escaping @Sendable (Item) async throws -> Result
    ) async throws -> [Result] {
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: items.count)
            var next = 0
            func start() {
                let index = next
                let item = items[index]
                group.addTask { (index, try await transform(item)) }
                next += 1
            }
            while next < min(max(limit, 1), items.count) { start() }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < items.count { start() }
            }
            return results.map { $0! }
        }
    }
}

extension Concurrently {
    /// Runs `body` on each item `next` hands out (until it returns nil), at most `limit` at once,
    /// asking for the next item only when one finishes, so the items never need to be in memory
    /// together. The first error (from `next` or `body`) cancels the rest and is rethrown.
    public static func forEach<Item: Sendable>(limit: Int, next: () throws -> Item?,
                                               _ body: @escaping @Sendable (Item) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0, exhausted = false
            while true {
                while !exhausted, running < max(limit, 1) {
                    guard let item = try next() else {
                        exhausted = true
                        break
                    }
                    group.addTask { try await body(item) }
                    running += 1
                }
                guard running > 0 else { return }
                try await group.next()
                running -= 1
            }
        }
    }
}
