import MeshDump
import MeshDumpCore
import Testing

/// The entries apply keeps per object: found by identity, a second of one identity caught (also
/// after phase 2 re-addresses them), strings shared, and re-addressed configurations.
struct ApplyEntriesTests {
    static func entry(_ namespace: String, _ name: String, group: String = "networking.istio.io.example.com") -> ApplyEntry {
        ApplyEntry(id: ObjectID(group: group, kind: "VirtualService", namespace: namespace, name: name), apiVersion: "\(group)/v1",
                   origin: .file(path: "tree/\(namespace)/\(name).yaml", document: 0, mark: Mark(line: 1, column: 1)))
    }

    @Test func everyEntryIsFoundByIdentityAcrossChunks() {
        var entries = ApplyEntries()
        for i in 0..<10_000 { #expect(entries.append(Self.entry("ns-\(i % 7)", "vs-\(i)")) == nil) }
        #expect(entries.count == 10_000)
        for i in stride(from: 0, to: 10_000, by: 97) {
            #expect(entries.index(of: Self.entry("ns-\(i % 7)", "vs-\(i)").id) == i)
            #expect(entries[i].id.name == "vs-\(i)")
        }
        #expect(entries.index(of: Self.entry("ns-1", "vs-0").id) == nil)
        entries[9_999].outcome = .created
        #expect(entries.last?.outcome == .created && entries.count { $0.outcome == .created } == 1)
    }

    @Test func aSecondEntryOfOneIdentityIsTheFirstsDuplicate() {
        var entries: ApplyEntries = [Self.entry("a", "x"), Self.entry("a", "y")]
        #expect(entries.append(Self.entry("a", "x")) == 0)
        #expect(entries.count == 3 && entries.index(of: Self.entry("a", "x").id) == 0)
    }

    @Test func identitiesChangedByPhaseTwoAreIndexedAgain() {
        var entries: ApplyEntries = [Self.entry("", "x"), Self.entry("b", "y"), Self.entry("default", "x")]
        entries[0].address(Self.entry("default", "x").id)
        entries[1].address(Self.entry("b", "y").id)
        #expect(entries[0].readdressed && !entries[1].readdressed)
        let duplicate = entries.reindex()
        #expect(duplicate?.first == 0 && duplicate?.second == 2)
        entries[2].address(Self.entry("other", "x").id)
        #expect(entries.reindex() == nil)
        #expect(entries.index(of: Self.entry("other", "x").id) == 2 && entries.index(of: Self.entry("", "x").id) == nil)
    }

    @Test func groupsKindsNamespacesAndVersionsAreOneStringEach() {
        var entries = ApplyEntries()
        for i in 0..<5_000 {
            // Strings made afresh for each object, as a decoder makes them.
            let namespace = ["a", "namespace", "longer", "than", "fifteen"].joined(separator: "-")
            entries.append(Self.entry(namespace, "vs-\(i)", group: ["networking", "istio", "io", "example", "com"].joined(separator: ".")))
        }
        let first = entries[0], last = entries[4_999]
        #expect(Self.storage(first.id.group) == Self.storage(last.id.group))
        #expect(Self.storage(first.id.namespace) == Self.storage(last.id.namespace))
        #expect(Self.storage(first.apiVersion) == Self.storage(last.apiVersion))
    }

    /// Where a (long, so not inline) string keeps its bytes.
    static func storage(_ string: String) -> UnsafeRawPointer? {
        var string = string
        return string.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func aConfigurationIsSentAsSpooledUnlessReaddressed() throws {
        let object = try Object(value: ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c", "uid": "u"], "data": ["k": "v"]],
                                origin: .generated)
        let spooled = try ObjectSpool.line(object.configuration(namespace: nil))
        var entry = ApplyEntry(id: object.id, apiVersion: "v1", origin: .generated)
        #expect(try entry.configuration(spooled: spooled) == spooled)
        entry.address(ObjectID(group: "", kind: "ConfigMap", namespace: "default", name: "c"))
        var sent: [UInt8] = []
        try JSONWriter.write(object.configuration(namespace: "default"), compact: true, to: &sent)
        #expect(try entry.configuration(spooled: spooled) == sent, "what KubeClient.apply sends for the object in namespace default")
    }
}
