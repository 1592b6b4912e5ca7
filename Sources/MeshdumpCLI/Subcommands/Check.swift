#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import MeshDump
import MeshDumpCore
import MeshDumpSources

/// `meshdump check`: istioctl analyze's checks on a tree before it is applied, alone or over the target cluster.
struct Check: AsyncParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a tree of Istio configuration before applying it: istioctl analyze's analyzers, offline or against the target cluster.",
        discussion: discussion("""
            Each SOURCE is a directory (every .yaml, .yml and .json file below it), a file, - \
            for standard input, or cluster: / cluster:CONTEXT for a live cluster; files may hold \
            any kind (Services, Pods, Secrets, Namespaces and the mesh ConfigMap are used when \
            present). A later SOURCE's object replaces an earlier one's of the same identity, so \
            files given after cluster: overlay it: the mesh as it will be after the apply. From \
            a cluster, check lists the Istio kinds, Gateway API Gateways, Services, and the \
            metadata of Namespaces, Pods and sidecar injector webhooks; then the Secrets of the \
            namespaces the mesh's credentialNames point at (values are never printed) and the \
            istio ConfigMap of the root namespace. The last cluster is the target: objects of \
            the other SOURCEs at an apiVersion it does not serve are reported (MD0008), and its \
            CustomResourceDefinitions check their fields. Objects without a namespace are in \
            -n's first value, else default. An analyzer needing a kind the sources do not hold \
            is skipped, and said so. Mesh settings come from --mesh-config (a MeshConfig or the \
            istio ConfigMap), else the istio ConfigMap among the sources (a file's, else the \
            cluster's), else Istio's defaults; flags win. Exit status: 0 nothing at or above \
            --fail-on, 1 findings, 2 usage or read errors.

            Analyzers (and the codes they report), for --disable:
            \(Analyzers.all.map { "  \($0.name) (\($0.messages.map(\.code).joined(separator: ", ")))" }.joined(separator: "\n"))
            """)
    )

    static let examples = """
          # A tree before it is applied
          meshdump check testdata/check/broken

          # The mesh as it will be once the tree is applied to the target cluster
          meshdump check migrated/ cluster:new

          # For a code review tool, failing only on errors
          meshdump check migrated/ -o sarif --fail-on error > check.sarif
        """

    @Argument(help: ArgumentHelp("A directory, a file, - for standard input, or cluster:[CONTEXT].", valueName: "SOURCE"), completion: .file())
    var sources: [String]

    @OptionGroup(title: "What to report")
    var scope: CheckScopeOptions

    @OptionGroup(title: "Mesh")
    var mesh: MeshSettingsOptions

    @OptionGroup(title: "Output")
    var output: CheckOutputOptions

    @OptionGroup(title: "Cluster")
    var cluster: ClusterSourceOptions

    func validate() throws {
        let specs = try sources.map { try SourceSpec(parsing: $0) }
        if cluster.given, !specs.contains(where: \.isCluster) {
            throw ValidationError("--context and --kubeconfig apply to a cluster: SOURCE, and none is given")
        }
    }

    func run() async throws {
        let diagnostics = DiagnosticCollector(forwardingTo: StandardErrorDiagnostics())
        let result: CheckResult
        do {
            let findingScope = try scope.findingScope()
            let crdObjects = try FileSource(paths: mesh.crds).objects()
            if let file = mesh.crds.first, !crdObjects.contains(where: { $0.kind == "CustomResourceDefinition" }) {
                throw CheckUsageError("--crds \(file): no CustomResourceDefinition in it")
            }
            let run = try CheckRun(analyzers: Analyzers.all(crds: crdObjects), disabled: scope.disable, scope: findingScope)
            let resolver = try cluster.resolver(diagnostics: diagnostics)
            var snapshot = try await MeshSnapshot.read(try sources.map { try resolver.source(for: try SourceSpec(parsing: $0)) },
                                                      defaultNamespace: scope.namespaces.first ?? "default",
                                                      meshConfigMap: mesh.meshConfig == nil ? MeshSettings.configMapID(mesh.overrides) : nil,
                                                      now: Int64(time(nil)))
            snapshot.mesh = try MeshSettings.resolve(file: mesh.meshConfig, snapshot: snapshot, overrides: mesh.overrides)
            result = run.run(snapshot)
        } catch {
            fail("\(error)", code: 2)
        }
        var bytes: [UInt8] = []
        do {
            try output.format.render(result, colored: output.color.isOn(for: .standardOutput), to: &bytes)
        } catch {
            fail("\(error)", code: 2)
        }
        Terminal.standardOutput.write(bytes)
        RunEnd.exit(diagnostics, failed: result.fails(at: output.failOn))
    }
}
