import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDumpCore
import Testing
@testable import MeshDumpKube
import TestSupport

/// Every injectable fault, with what the client visibly does about it.
@Suite struct FaultTests {
    let generator = ClusterGenerator(namespaces: 3, kinds: 11, objectsPerKind: 10)

    func cluster() throws -> FixtureCluster {
        var cluster = FixtureCluster()
        try generator.populate(&cluster)
        return cluster
    }

    func client(_ server: FixtureAPIServer, timeout: Duration = .seconds(5), attempts: Int = 3) throws -> KubeClient {
        var options = testOptions
        options.pageSize = 7
        options.requestTimeout = timeout
        options.retry = RetryPolicy(maxAttempts: attempts, baseDelay: .milliseconds(10))
        return KubeClient(connection: ClusterConnection(contextName: "f", server: try ServerAddress(parsing: server.url)), options: options)
    }

    func lists(_ server: FixtureAPIServer, _ resource: String) -> [LoggedRequest] {
        server.log.requests.filter { $0.path.hasSuffix("/\(resource)") }
    }

    @Test func tooManyRequestsWaitsForRetryAfter() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.status(429, retryAfter: 1), match: .init(resource: "gateways"), times: 1))
            let client = try client(server)
            let start = ContinuousClock.now
            let listed = try await client.collect("gateways")
            let elapsed = ContinuousClock.now - start
            await client.shutdown()
            #expect(listed.result.succeeded && listed.keys == expectedKeys(generator, kind: "Gateway"))
            #expect(elapsed >= .seconds(1))
            #expect(lists(server, "gateways").map(\.status).prefix(2) == [429, 200])
        }
    }

    @Test func serverErrorsAreRetriedThenFailTheKindWithTheServersMessage() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.status(500), match: .init(resource: "sidecars"), times: 2))
            server.faults.add(Fault(.status(503), match: .init(resource: "telemetries")))
            let client = try client(server)
            let kinds = try await client.discover(IstioKinds.defaults).served
            let results = try await client.list(kinds, diagnostics: DiagnosticCollector()) { _, _ in }
            await client.shutdown()
            let byResource = Dictionary(uniqueKeysWithValues: results.map { ($0.kind.resource, $0) })
            #expect(byResource["sidecars"]?.succeeded == true && byResource["sidecars"]?.objects == 30)
            #expect(lists(server, "sidecars").map(\.status).prefix(3) == [500, 500, 200])
            #expect(byResource["telemetries"]?.error == .status(code: 503, reason: "ServiceUnavailable",
                message: "The server is currently unable to handle the request", path: "/apis/telemetry.istio.io/v1/telemetries?limit=7"))
            #expect(lists(server, "telemetries").count == 3)
            #expect(results.filter(\.succeeded).count == 10)
        }
    }

    @Test func forbiddenKindFailsAloneWithRBACsMessage() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.forbidden, match: .init(resource: "envoyfilters")))
            let client = try client(server)
            let kinds = try await client.discover(IstioKinds.defaults).served
            let results = try await client.list(kinds, diagnostics: DiagnosticCollector()) { _, _ in }
            await client.shutdown()
            let failed = results.filter { !$0.succeeded }
            #expect(failed.map(\.kind.resource) == ["envoyfilters"])
            #expect(failed.first?.error?.message == "envoyfilters.networking.istio.io is forbidden: User \"system:anonymous\" cannot list resource \"envoyfilters\" in API group \"networking.istio.io\" at the cluster scope")
            #expect(failed.first?.listedPerNamespace == true)
            #expect(failed.first?.forbiddenNamespaces == ["catalog-0", "checkout-0", "payments-0"])
        }
    }

    @Test func forbiddenClusterWideListFallsBackToNamespaces() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.forbidden, match: .init(clusterWideListsOnly: true, pathPrefix: "/apis/")))
            let client = try client(server)
            let listed = try await client.collect("authorizationpolicies", filter: ListFilter(excludedNamespaces: [try Glob("checkout-*")]))
            await client.shutdown()
            #expect(listed.result.succeeded && listed.result.listedPerNamespace)
            #expect(listed.keys == expectedKeys(generator, kind: "AuthorizationPolicy").filter { !$0.hasPrefix("checkout-") })
            #expect(listed.diagnostics.map(\.description) == [
                "warning: authorizationpolicies.security.istio.io: cannot list cluster-wide (authorizationpolicies.security.istio.io is forbidden: User \"system:anonymous\" cannot list resource \"authorizationpolicies\" in API group \"security.istio.io\" at the cluster scope); listed 2 namespaces one by one",
            ])
            #expect(lists(server, "authorizationpolicies").map(\.path).filter { $0.contains("/namespaces/") }.count == 4)
        }
    }

    @Test(.enabled(if: Tools.installed("openssl"), "openssl is not installed (it makes the test certificates)"))
    func rbacLimitedUserListsTheNamespacesItMay() async throws {
        let pki = try SharedCertificates.get()
        let auth = ServerAuth(tokens: ["t": "dev"], namespaceScopedUsers: ["dev": ["payments-0", "catalog-0"]])
        try await withServer(try cluster(), auth: auth, tls: try pki.serverTLS()) { server in
            var text = KubeconfigText(server: server.url)
            text.certificateAuthorityPEM = try pki.read(pki.caCertificate)
            text.token = "t"
            let client = KubeClient(connection: try connection(text), options: testOptions)
            let listed = try await client.collect("serviceentries")
            await client.shutdown()
            #expect(listed.result.succeeded)
            #expect(listed.result.namespaces == ["catalog-0", "payments-0"])
            #expect(listed.result.forbiddenNamespaces == ["checkout-0"])
            #expect(listed.objects.count == 20)
            #expect(listed.diagnostics.first?.message.hasSuffix("listed 2 namespaces one by one; forbidden in 1 (checkout-0)") == true)
        }
    }

    @Test(arguments: [true, false])
    func expiredContinueTokenNeverLosesOrRepeatsObjects(serverOffersToken: Bool) async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.expired(offerContinue: serverOffersToken), match: .init(resource: "destinationrules", continueOnly: true), times: 1))
            let client = try client(server)
            let listed = try await client.collect("destinationrules")
            await client.shutdown()
            #expect(listed.result.succeeded)
            #expect(listed.keys == expectedKeys(generator, kind: "DestinationRule"))
            let requests = lists(server, "destinationrules")
            #expect(requests.map(\.status).contains(410))
            if serverOffersToken {
                #expect(listed.diagnostics.first?.message.contains("went on with the token the server offered, so the list may be inconsistent") == true)
                #expect(requests.allSatisfy { $0.query["limit"] == "7" })
            } else {
                #expect(listed.diagnostics.first?.message.contains("listed it again in one request without paging") == true)
                #expect(requests.last?.query == [:])
                #expect(requests.count == 3)
            }
        }
    }

    @Test func expiringAgainAndAgainFailsInsteadOfLooping() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.expired(offerContinue: true), match: .init(resource: "sidecars", continueOnly: true)))
            let client = try client(server)
            let listed = try await client.collect("sidecars")
            await client.shutdown()
            #expect(listed.result.succeeded)
            #expect(listed.keys == expectedKeys(generator, kind: "Sidecar"))
            #expect(listed.diagnostics.count == 2)
            #expect(lists(server, "sidecars").map(\.status) == [200, 410, 410, 200])
        }
    }

    @Test func slowAnswersTimeOutAndAreRetried() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.delay(.milliseconds(700)), match: .init(resource: "proxyconfigs"), times: 1))
            server.faults.add(Fault(.delay(.seconds(2)), match: .init(resource: "telemetries")))
            let client = try client(server, timeout: .milliseconds(400), attempts: 2)
            let slowOnce = try await client.collect("proxyconfigs")
            #expect(slowOnce.result.succeeded && slowOnce.objects.count == 30)
            let alwaysSlow = try await client.collect("telemetries")
            await client.shutdown()
            #expect(alwaysSlow.objects.isEmpty)
            #expect(alwaysSlow.result.error?.description.hasSuffix("/apis/telemetry.istio.io/v1/telemetries?limit=7: no complete answer within 0.4 seconds (request timeout) (after 2 attempts)") == true,
                    "\(String(describing: alwaysSlow.result.error))")
        }
    }

    @Test func droppedConnectionsAreRetried() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.dropConnection, match: .init(resource: "peerauthentications", continueOnly: true), times: 2))
            server.faults.add(Fault(.dropConnection, match: .init(resource: "requestauthentications")))
            let client = try client(server)
            let recovered = try await client.collect("peerauthentications")
            #expect(recovered.result.succeeded && recovered.keys == expectedKeys(generator, kind: "PeerAuthentication"))
            #expect(lists(server, "peerauthentications").map(\.status).prefix(4) == [200, 0, 0, 200])
            let failed = try await client.collect("requestauthentications")
            await client.shutdown()
            #expect(failed.result.error?.description.contains("the server closed the connection before answering (after 3 attempts)") == true,
                    "\(String(describing: failed.result.error))")
        }
    }

    @Test func discoveryFailureIsThrown() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.status(500), match: .init(pathPrefix: "/apis")))
            let client = try client(server)
            let error = await #expect(throws: KubeError.self) { _ = try await client.discover(IstioKinds.defaults) }
            await client.shutdown()
            #expect(error?.statusCode == 500)
            #expect(server.log.requests.count == 3)
        }
    }
}
