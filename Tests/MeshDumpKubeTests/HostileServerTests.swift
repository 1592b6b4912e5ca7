import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDumpCore
import Testing
@testable import MeshDumpKube

/// Issue 11: servers that stall, page forever, answer with the wrong objects or the wrong
/// certificate. Each fails the kind (or the connection) with a message, in bounded time.
@Suite struct HostileServerTests {
    /// 15 objects per kind: pages of 7 make three pages.
    let generator = ClusterGenerator(namespaces: 3, kinds: 11, objectsPerKind: 5)

    func cluster() throws -> FixtureCluster {
        var cluster = FixtureCluster()
        try generator.populate(&cluster)
        return cluster
    }

    /// Runs `body` with a client of `server` (pages of 7, two attempts per request), shut down however it ends.
    func withClient<T: Sendable>(_ server: FixtureAPIServer, timeout: Duration? = .seconds(5),
                                 _ body: (KubeClient) async throws -> T) async throws -> T {
        var options = testOptions
        options.pageSize = 7
        options.requestTimeout = timeout
        options.retry = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(10))
        return try await KubeClient.with(ClusterConnection(contextName: "h", server: try ServerAddress(parsing: server.url)), options: options, body)
    }

    func lists(_ server: FixtureAPIServer, _ resource: String) -> [LoggedRequest] {
        server.log.requests.filter { $0.path.hasSuffix("/\(resource)") }
    }

    @Test(.timeLimit(.minutes(1)), arguments: [Fault.Action.stallBody(afterBytes: 100), .trickleBody(interval: .milliseconds(100))])
    func issue11_bodyThatStallsOrTricklesTimesOutNamingTheServer(_ action: Fault.Action) async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(action, match: .init(resource: "gateways")))
            let (listed, elapsed, others) = try await withClient(server, timeout: .seconds(2)) { client in
                let start = ContinuousClock.now
                let listed = try await client.collect("gateways")
                return (listed, ContinuousClock.now - start, try await client.collect("sidecars"))
            }
            let message = listed.result.error?.description ?? ""
            #expect(message.hasPrefix("GET \(server.url)/apis/networking.istio.io/v1/gateways?limit=7: "), "\(message)")
            #expect(message.contains("no complete answer within 2.0 seconds (--request-timeout) (after 2 attempts)"), "\(message)")
            if case .trickleBody = action { #expect(message.contains("the answer stopped after "), "\(message)") }
            #expect(elapsed < .seconds(45), "two attempts of 2 s, and discovery, on a busy machine")
            #expect(lists(server, "gateways").count == 2)
            #expect(others.result.succeeded && others.objects.count == 15)
        }
    }

    /// `--request-timeout 0`: no bound, so a slow answer that a 0.5 s bound cuts off arrives whole.
    @Test func issue11_noRequestTimeoutWaitsForASlowAnswer() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.trickleBody(interval: .milliseconds(2)), match: .init(pathPrefix: "/version")))
            let version = try await withClient(server, timeout: nil) { try await $0.serverVersion() }
            #expect(version.hasPrefix("v1."))
            let error = await #expect(throws: KubeError.self) {
                _ = try await withClient(server, timeout: .milliseconds(500)) { try await $0.serverVersion() }
            }
            #expect(error?.description.contains("/version: ") == true && error?.description.contains("within 0.5 seconds (--request-timeout)") == true,
                    "\(String(describing: error))")
        }
    }

    @Test func issue11_repeatedContinueTokenFailsTheKind() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.repeatContinue, match: .init(resource: "virtualservices")))
            let listed = try await withClient(server) { try await $0.collect("virtualservices") }
            #expect(listed.result.error?.description == "GET /apis/networking.istio.io/v1/virtualservices?limit=7&continue=\(try #require(lists(server, "virtualservices").last?.query["continue"])): the server sent a continue token that an earlier page already carried; the list would never end")
            #expect(lists(server, "virtualservices").count == 2)
        }
    }

    @Test func issue11_listLongerThanItsRemainingItemCountFailsTheKind() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.overrunRemainingCount, match: .init(resource: "destinationrules")))
            let listed = try await withClient(server) { try await $0.collect("destinationrules") }
            let message = listed.result.error?.description ?? ""
            #expect(message.hasSuffix(": the server announced 1 more object (remainingItemCount) and has since sent 7 in 1 more page, yet the list goes on"), "\(message)")
            // The third page is asked for ahead as soon as the second's continue token is read, and
            // dropped when the second turns out too long: whether that request reaches the server
            // first is a race.
            #expect((2...3).contains(lists(server, "destinationrules").count))
        }
    }

    @Test func issue11_itemOfAnotherKindFailsTheKindNamingIt() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.foreignItem, match: .init(resource: "gateways")))
            let listed = try await withClient(server) { try await $0.collect("gateways") }
            #expect(listed.result.error?.description == "GET /apis/networking.istio.io/v1/gateways?limit=7: the list of Gateway (networking.istio.io/v1) holds Secret catalog-0/intruder (v1), an object of another kind")
            #expect(listed.objects.isEmpty)
        }
    }

    @Test func issue11_itemOfAnotherNamespaceInANamespacesListFailsTheKind() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.foreignItem, match: .init(resource: "gateways")))
            let listed = try await withClient(server) { try await $0.collect("gateways", filter: ListFilter(namespaces: ["payments-0"])) }
            #expect(listed.result.error?.description.contains("holds Secret payments-0/intruder (v1), an object of another kind") == true)
        }
    }

    /// After a 410 without a token to go on with, the collection is listed again without paging;
    /// a server that still pages it must not pass for a complete list (13 of 15 objects, exit 0).
    @Test func issue11_unpagedRelistThatStillContinuesFailsTheKind() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.expired(offerContinue: false), match: .init(resource: "serviceentries", continueOnly: true), times: 1))
            server.faults.add(Fault(.pageUnpagedLists(13), match: .init(resource: "serviceentries")))
            let listed = try await withClient(server) { try await $0.collect("serviceentries") }
            #expect(listed.result.error?.description == "GET /apis/networking.istio.io/v1/serviceentries: the list was asked for whole (no limit) but the answer carries a continue token, so it holds only part of the collection")
            #expect(lists(server, "serviceentries").map(\.status) == [200, 410, 200])
        }
    }

    /// The fixture certificate is valid for 127.0.0.1 and localhost, not for the
    /// tls-server-name the kubeconfig asks for: refused before any request (or token) is sent.
    @Test func issue11_certificateNotValidForTheTLSServerNameIsRefused() async throws {
        let pki = try SharedCertificates.get()
        try await withServer(try cluster(), auth: ServerAuth(tokens: ["t": "admin"]), tls: try pki.serverTLS()) { server in
            var text = KubeconfigText(server: server.url)
            text.certificateAuthorityPEM = try pki.read(pki.caCertificate)
            text.token = "t"
            text.tlsServerName = "kubernetes.fixture"
            let refused = await #expect(throws: KubeError.self) {
                try await KubeClient.with(try connection(text), options: testOptions) { _ = try await $0.serverVersion() }
            }
            #expect(refused?.description == "GET https://kubernetes.fixture:\(server.port)/version: TLS failed: the server's certificate is not valid for kubernetes.fixture (the context's tls-server-name); it is valid for localhost, 127.0.0.1")
            #expect(server.log.requests.isEmpty)
            text.tlsServerName = "localhost"
            let version = try await KubeClient.with(try connection(text), options: testOptions) { try await $0.serverVersion() }
            #expect(version.hasPrefix("v1."))
        }
    }

    @Test func issue11_namesAreEscapedInRequestPaths() {
        let kind = ServedKind(kind: IstioKinds.defaults[0], version: "v1")
        #expect(kind.collectionPath(namespace: "a/b c") == "/apis/networking.istio.io/v1/namespaces/a%2Fb%20c/virtualservices")
        #expect(kind.objectPath(namespace: "ns", name: "x?y%") == "/apis/networking.istio.io/v1/namespaces/ns/virtualservices/x%3Fy%25")
    }

    @Test func identityMatchingFollowsGo() {
        #expect(ServerIdentity.matches(pattern: "*.example.com", host: "api.example.com"))
        #expect(!ServerIdentity.matches(pattern: "*.example.com", host: "a.b.example.com"))
        #expect(!ServerIdentity.matches(pattern: "*.example.com", host: "example.com"))
        #expect(ServerIdentity.matches(pattern: "Kubernetes.Default.", host: "kubernetes.default"))
        #expect(!ServerIdentity.matches(pattern: "api*.example.com", host: "api1.example.com"))
    }
}
