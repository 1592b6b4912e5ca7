import MeshDumpCore

/// The entries of an apply, in spool order, findable by identity: phase 1 builds them (a
/// second object of one identity is found as it is appended), phase 2 finds listed objects in
/// them, prune what the source no longer holds.
///
/// Built to stay small for 100,000 objects: entries sit in fixed-size chunks (growing never
/// copies them all), the identity index is one table of 32-bit positions that compares
/// identities against the entries themselves, and each entry's group, kind, namespace and
/// apiVersion share one string with every other entry that has the same.
public struct ApplyEntries: RandomAccessCollection, Sendable {
    private static let chunkShift = 12
    private static let chunkMask = (1 << chunkShift) - 1
    private var chunks: [[ApplyEntry]] = []
    public private(set) var count = 0
    /// Open addressing, linear probing: 0 is a free slot, `n` the entry at position `n - 1`.
    private var slots: [Int32] = []
    /// The one copy of each group, kind, namespace and apiVersion.
    private var strings: [String: String] = [:]

    public init() {}

    public init(_ entries: some Sequence<ApplyEntry>) {
        for entry in entries { append(entry) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> ApplyEntry {
        get { chunks[position >> Self.chunkShift][position & Self.chunkMask] }
        set { chunks[position >> Self.chunkShift][position & Self.chunkMask] = newValue }
    }

    /// Appends `entry`; returns the position of an entry already there with its identity (the
    /// index keeps finding that one), nil when it is the first.
    @discardableResult
    public mutating func append(_ entry: ApplyEntry) -> Int? {
        var entry = entry
        entry.id = ObjectID(group: shared(entry.id.group), kind: shared(entry.id.kind), namespace: shared(entry.id.namespace), name: entry.id.name)
        entry.apiVersion = shared(entry.apiVersion)
        if (count + 1) * 2 > slots.count { rebuildIndex(capacity: Swift.max(64, slots.count * 2)) }
        if count & Self.chunkMask == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkMask + 1)
        }
        chunks[chunks.count - 1].append(entry)
        count += 1
        return insert(count - 1)
    }

    /// The position of the first entry with identity `id`.
    public func index(of id: ObjectID) -> Int? {
        guard !slots.isEmpty else { return nil }
        var slot = id.hashValue & (slots.count - 1)
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if self[position].id == id { return position }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Indexes the entries again after their identities changed (phase 2 gives each its identity
    /// on the target); returns the positions of the first entry that now has the identity of an
    /// earlier one, and of that earlier one.
    public mutating func reindex() -> (first: Int, second: Int)? {
        var duplicate: (first: Int, second: Int)?
        rebuildIndex(capacity: slots.count) { first, second in
            if duplicate == nil { duplicate = (first, second) }
        }
        return duplicate
    }

    /// Indexes `position`; returns the position of an entry indexed before with its identity.
    private mutating func insert(_ position: Int) -> Int? {
        let id = self[position].id
        var slot = id.hashValue & (slots.count - 1)
        while slots[slot] != 0 {
            let other = Int(slots[slot]) - 1
            if self[other].id == id { return other }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = Int32(position + 1)
        return nil
    }

    /// Indexes every entry afresh in `capacity` slots, telling `duplicate` of each entry whose
    /// identity an earlier one has.
    private mutating func rebuildIndex(capacity: Int, duplicate: (Int, Int) -> Void = { _, _ in }) {
        slots = [Int32](repeating: 0, count: capacity)
        for position in indices {
            if let first = insert(position) { duplicate(first, position) }
        }
    }

    private mutating func shared(_ string: String) -> String {
        if let one = strings[string] { return one }
        strings[string] = string
        return string
    }
}

extension ApplyEntries: ExpressibleByArrayLiteral {
    public init(arrayLiteral entries: ApplyEntry...) {
        self.init(entries)
    }
}
