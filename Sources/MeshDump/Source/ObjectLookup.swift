import MeshDumpCore

/// A source that can also hand over particular objects: by identity, or by label across every
/// namespace. Export uses it for what `--with-namespaces` and `--with-secrets` pull in (the
/// Namespace objects, the Secrets Gateways name and the gateway Pods that say where those live),
/// which `--kinds` did not ask for.
///
/// A cluster GETs and lists; files are read again (standard input cannot be). Objects come
/// back as read, not neated, with their origin.
public protocol ObjectLookup: Sendable {
    /// Those of `ids` that exist (of kinds meshdump knows: `KnownKinds`), in any order.
    func objects(identifiedBy ids: [ObjectID]) async throws -> [Object]

    /// For each selector, in order, the objects of `kind` in every namespace whose labels it matches.
    func objects(of kind: Kind, matching selectors: [LabelSelector]) async throws -> [[Object]]
}
