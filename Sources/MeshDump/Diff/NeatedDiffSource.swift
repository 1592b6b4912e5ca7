import MeshDumpCore

/// Another source's objects with `Neat` applied, as export writes them: what a `cluster:` side
/// is wrapped in, so a tree and the cluster it was exported from compare equal.
public struct NeatedDiffSource: DiffSource {
    public var base: any DiffSource

    public init(_ base: any DiffSource) {
        self.base = base
    }

    public var name: String { base.name }

    public func forEachObject(_ body: (Object) throws -> Void) async throws {
        let neat = Neat()
        try await base.forEachObject { object in
            if let neat = neat.apply(object) { try body(neat) }
        }
    }
}
