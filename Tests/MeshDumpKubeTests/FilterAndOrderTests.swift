import MeshDumpCore
import Testing
@testable import MeshDumpKube

@Suite struct FilterAndOrderTests {
    @Test func versionsSortAsKubernetesSortsThem() {
        let sorted = ["v1alpha1", "v1beta1", "v1", "v2beta1", "v1alpha3", "foo", "v2", "v1beta2"].sorted(by: KubeVersionOrder.isNewer)
        #expect(sorted == ["v2", "v1", "v2beta1", "v1beta2", "v1beta1", "v1alpha3", "v1alpha1", "foo"])
    }

    @Test func filtersBecomeServerSideQueries() throws {
        let filter = ListFilter(namespaces: ["b", "a", "b", "kube-x"], excludedNamespaces: try ["kube-*", "istio-system"].map(Glob.init),
                                labelSelector: "app=x")
        #expect(filter.explicitNamespaces == ["a", "b"])
        #expect(filter.clusterWideQuery.map { "\($0.0)=\($0.1)" } == ["labelSelector=app=x", "fieldSelector=metadata.namespace!=istio-system"])
        #expect(URLEncoding.query([("labelSelector", "app in (a,b)"), ("continue", "eyJ=")]) == "?labelSelector=app+in+%28a%2Cb%29&continue=eyJ%3D")
    }

    @Test func retryDelaysHonourRetryAfterAndGrow() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(100), maxDelay: .milliseconds(300), maxRetryAfter: .seconds(10))
        #expect(policy.delay(afterAttempt: 1, retryAfter: "3") == .seconds(3))
        #expect(policy.delay(afterAttempt: 1, retryAfter: "600") == .seconds(10))
        let first = policy.delay(afterAttempt: 1, retryAfter: nil)
        #expect(first >= .milliseconds(100) && first < .milliseconds(126))
        let capped = policy.delay(afterAttempt: 4, retryAfter: nil)
        #expect(capped >= .milliseconds(300) && capped < .milliseconds(376))
    }
}
