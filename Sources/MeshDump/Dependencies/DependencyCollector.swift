import MeshDumpCore
import Synchronization

/// What one source's exported objects need, gathered as they are written (as read from the
/// source, before neat and rules, since lookups happen there): the namespaces they live in, the
/// Secrets they name, and the Namespaces and Secrets the export already holds (which are not
/// pulled in twice). Safe to call from several tasks.
final class DependencyCollector: Sendable {
    let options: DependencyOptions
    private let state = Mutex(Needs())

    /// What the objects seen so far need.
    struct Needs: Sendable {
        var namespaces: Set<String> = []
        var secrets: [SecretReference] = []
        var exported: Set<ObjectID> = []
    }

    init(options: DependencyOptions) {
        self.options = options
    }

    /// Notes an exported object.
    func observe(_ object: Object) {
        let id = object.id
        let references = options.secrets ? SecretReference.references(in: object) : []
        let isDependency = id.group.isEmpty && (id.kind == "Namespace" || id.kind == "Secret")
        state.withLock { needs in
            if options.namespaces, !id.namespace.isEmpty { needs.namespaces.insert(id.namespace) }
            if isDependency { needs.exported.insert(id) }
            needs.secrets += references
        }
    }

    var needs: Needs { state.withLock { $0 } }
}
