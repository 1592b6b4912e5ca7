import Foundation
import MeshDumpCore
import Testing
import TestSupport
@testable import MeshDump

/// What an export pulls in from files: the dump the fixture server's generated mesh makes
/// (`testdata/export/dependencies/make-dump.sh`), read again for Pods, Secrets and Namespaces.
struct DependencyResolverTests {
    static let dump = FileSource(paths: [TestPaths.root + "/testdata/export/dependencies/dump.yaml"], name: "dumps")

    static func needs(_ options: DependencyOptions, kinds: String) async throws -> DependencyCollector.Needs {
        let collector = DependencyCollector(options: options)
        _ = try await dump.read(ReadRequest(filter: ObjectFilter(kinds: try KindSelection(parsing: [kinds])))) { collector.observe($0) }
        return collector.needs
    }

    @Test func secretsAloneComeWithoutNamespaces() async throws {
        let options = DependencyOptions(secrets: true)
        let diagnostics = DiagnosticCollector()
        let pulled = try await DependencyResolver(options: options, lookup: Self.dump, source: "dumps", diagnostics: diagnostics)
            .resolve(try await Self.needs(options, kinds: "dr"))
        #expect(pulled.map(\.object.id.description) == ["Secret payments-0/external-api-client"])
        #expect(pulled.map(\.reason) == ["for DestinationRule payments-0/external-api"])
        #expect(diagnostics.diagnostics.isEmpty)
    }

    @Test func namespacesAloneComeWithoutSecrets() async throws {
        let options = DependencyOptions(namespaces: true)
        let pulled = try await DependencyResolver(options: options, lookup: Self.dump, source: "dumps", diagnostics: DiagnosticCollector())
            .resolve(try await Self.needs(options, kinds: "gw"))
        #expect(pulled.map(\.object.id.description) == ["Namespace checkout-0", "Namespace istio-ingress", "Namespace payments-0"])
        #expect(pulled.allSatisfy { $0.object.value["status"] != nil }, "as read: neat comes after")
    }

    /// A namespace the dump has no Namespace object for is a warning, not a failure.
    @Test func aMissingNamespaceIsAWarning() async throws {
        var needs = DependencyCollector.Needs()
        needs.namespaces = ["payments-0", "gone"]
        let diagnostics = DiagnosticCollector()
        let pulled = try await DependencyResolver(options: DependencyOptions(namespaces: true), lookup: Self.dump, source: "dumps", diagnostics: diagnostics)
            .resolve(needs)
        #expect(pulled.map(\.object.name) == ["payments-0"])
        #expect(diagnostics.diagnostics.map(\.message) == ["dumps has no Namespace gone, so --with-namespaces cannot export it"])
    }

    @Test func standardInputCannotBeReadTwice() async throws {
        await #expect(throws: UsageError.self) { _ = try await FileSource(paths: ["-"]).objects(identifiedBy: []) }
    }
}
