import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDumpCore
@testable import MeshDumpKube

/// Everything a list delivered, and its result.
struct Listed {
    var objects: [Object]
    var result: KindListResult
    var diagnostics: [Diagnostic]
    var keys: [String] { objects.map { "\($0.namespace)/\($0.name)" } }
}

/// Collects objects delivered from several tasks.
final class ObjectBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Object] = []
    func append(_ object: Object) { lock.withLock { stored.append(object) } }
    var objects: [Object] { lock.withLock { stored } }
}

extension KubeClient {
    /// Lists `resource` (by name, among the default kinds) and collects what arrives.
    func collect(_ resource: String, filter: ListFilter = ListFilter()) async throws -> Listed {
        let discovery = try await discover(IstioKinds.defaults)
        guard let kind = discovery.served.first(where: { $0.resource == resource }) else { throw KubeError.malformedResponse("\(resource) not served") }
        let sink = DiagnosticCollector()
        var objects: [Object] = []
        let result = try await list(kind, filter: filter, diagnostics: sink) { objects.append($0) }
        return Listed(objects: objects, result: result, diagnostics: sink.diagnostics)
    }
}

/// The keys `namespace/name` the cluster holds for a kind, in list order.
func expectedKeys(_ generator: ClusterGenerator, kind: String) -> [String] {
    var keys: [String] = []
    for n in 0..<generator.namespaces {
        for j in 0..<generator.objectsPerKind {
            let service = ClusterGenerator.services[j % ClusterGenerator.services.count]
            let name = j < ClusterGenerator.services.count ? service : "\(service)-\(j / ClusterGenerator.services.count)"
            keys.append("\(ClusterGenerator.namespaceName(n))/\(name)")
        }
    }
    return keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
}
