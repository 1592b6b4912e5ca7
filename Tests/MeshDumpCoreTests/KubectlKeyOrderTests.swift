import Testing
@testable import MeshDumpCore

/// Keys sort as kubectl's YAML library sorts them.
struct KubectlKeyOrderTests {
    @Test func naturalOrder() {
        let keys = ["a10", "a9", "b", "Z", "_x", "8080", "10000", "a", "A", "a01", "a1", "ä"]
        let sorted = keys.sorted(by: KubectlKeyOrder.areInIncreasingOrder)
        #expect(sorted == ["_x", "8080", "10000", "A", "Z", "a", "a1", "a01", "a9", "a10", "b", "ä"])
    }
}
