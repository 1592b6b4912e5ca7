import MeshDumpCore
import Testing
@testable import MeshDump

/// Field-level comparison: maps by key, keyed lists by identity, other lists by position.
struct ValueDifferTests {
    typealias C = DiffPath.Component

    static func route(_ name: String, weight: Int = 100) -> Value {
        ["name": .string(name), "route": [["destination": ["host": "reviews"], "weight": .int(String(weight))]]]
    }

    @Test func insertedNamedRouteIsOneInsertion() {
        let old: Value = ["spec": ["http": [Self.route("a"), Self.route("primary")]]]
        let new: Value = ["spec": ["http": [Self.route("canary"), Self.route("a"), Self.route("primary", weight: 90)]]]
        let changes = ValueDiffer.changes(from: old, to: new)
        #expect(changes == [
            FieldChange(path: DiffPath([.key("spec"), .key("http"), .entry(key: "name", identity: "canary", oldIndex: nil, newIndex: 0)]),
                        edit: .added(Self.route("canary"))),
            FieldChange(path: DiffPath([.key("spec"), .key("http"), .entry(key: "name", identity: "primary", oldIndex: 1, newIndex: 2),
                                        .key("route"), .index(0), .key("weight")]),
                        edit: .changed(old: 100, new: 90)),
        ])
        #expect(changes[1].path.description == "spec.http[name=primary].route[0].weight")
        #expect(changes[1].path.oldPointer?.description == "/spec/http/1/route/0/weight")
        #expect(changes[1].path.newPointer?.description == "/spec/http/2/route/0/weight")
        #expect(changes[0].path.oldPointer == nil)
    }

    @Test func listWithAnUnnamedEntryComparesByPosition() {
        let unnamed: Value = ["route": [["destination": ["host": "x"]]]]
        let old: Value = ["http": [Self.route("a"), unnamed]]
        let new: Value = ["http": [Self.route("b"), Self.route("a"), unnamed]]
        let paths = ValueDiffer.changes(from: old, to: new).map(\.path.description)
        #expect(paths == ["http[0].name", "http[1].name", "http[1].route[0].destination.host", "http[1].route[0].weight", "http[2]"])
    }

    @Test func identifyingKeysInIstioOrder() {
        // Port-level settings by port.number, ServiceEntry ports by name before number,
        // Sidecar egress by hosts.
        let pls: Value = ["portLevelSettings": [["port": ["number": 80], "tls": ["mode": "SIMPLE"]]]]
        let pls2: Value = ["portLevelSettings": [["port": ["number": 443], "tls": ["mode": "SIMPLE"]],
                                                  ["port": ["number": 80], "tls": ["mode": "DISABLE"]]]]
        #expect(ValueDiffer.changes(from: pls, to: pls2).map(\.path.description) == [
            "portLevelSettings[port.number=443]", "portLevelSettings[port.number=80].tls.mode",
        ])
        let ports: Value = ["ports": [["name": "http", "number": 80]]]
        let ports2: Value = ["ports": [["name": "grpc", "number": 81], ["name": "http", "number": 80]]]
        #expect(ValueDiffer.changes(from: ports, to: ports2).map(\.path.description) == ["ports[name=grpc]"])
        let numbered: Value = ["ports": [["number": 80, "protocol": "HTTP"]]]
        let numbered2: Value = ["ports": [["number": 81, "protocol": "TCP"], ["number": 80, "protocol": "HTTP"]]]
        #expect(ValueDiffer.changes(from: numbered, to: numbered2).map(\.path.description) == ["ports[number=81]"])
        let egress: Value = ["egress": [["hosts": ["./*", "istio-system/*"]]]]
        let egress2: Value = ["egress": [["hosts": ["./*", "istio-system/*"], "port": ["number": 1]], ["hosts": ["*/x.com"]]]]
        #expect(ValueDiffer.changes(from: egress, to: egress2).map(\.path.description) == [
            "egress[hosts=./*,istio-system/*].port", "egress[hosts=*/x.com]",
        ])
    }

    @Test func duplicateNamesFallBackToTheNextKeyOrPosition() {
        let old: Value = ["l": [["name": "a", "host": "x"], ["name": "a", "host": "y"]]]
        let new: Value = ["l": [["name": "a", "host": "z"], ["name": "a", "host": "x"], ["name": "a", "host": "y"]]]
        #expect(ValueDiffer.changes(from: old, to: new).map(\.path.description) == ["l[host=z]"])
    }

    @Test func reorderOfSharedEntriesIsReported() {
        let old: Value = ["http": [Self.route("a"), Self.route("b"), Self.route("c")]]
        let new: Value = ["http": [Self.route("c"), Self.route("a"), Self.route("b")]]
        let changes = ValueDiffer.changes(from: old, to: new)
        #expect(changes == [FieldChange(path: DiffPath([.key("http")]), edit: .reordered(old: ["a", "b", "c"], new: ["c", "a", "b"]))])
    }

    @Test func insertionIsNotAReorder() {
        let old: Value = ["http": [Self.route("a"), Self.route("b")]]
        let new: Value = ["http": [Self.route("a"), Self.route("x"), Self.route("b")]]
        #expect(ValueDiffer.changes(from: old, to: new).map(\.edit) == [.added(Self.route("x"))])
    }

    @Test func positionalListsAndTypeChanges() {
        let old: Value = ["hosts": ["a", "b"], "port": "80", "tls": ["mode": "SIMPLE"], "gone": [1]]
        let new: Value = ["hosts": ["a", "c", "d"], "port": 80, "tls": "SIMPLE"]
        #expect(ValueDiffer.changes(from: old, to: new) == [
            FieldChange(path: DiffPath([.key("gone")]), edit: .removed([1])),
            FieldChange(path: DiffPath([.key("hosts"), .index(1)]), edit: .changed(old: "b", new: "c")),
            FieldChange(path: DiffPath([.key("hosts"), .index(2)]), edit: .added("d")),
            FieldChange(path: DiffPath([.key("port")]), edit: .changed(old: "80", new: 80)),
            FieldChange(path: DiffPath([.key("tls")]), edit: .changed(old: ["mode": "SIMPLE"], new: "SIMPLE")),
        ])
    }

    @Test func equalByMeaning() {
        let old: Value = ["a": .float("1.50"), "b": ["x": 1, "y": 2], "c": .int("0"), "d": .float("10.0"), "e": [.int("1000")]]
        let new: Value = ["b": ["y": 2, "x": 1], "c": .int("-0"), "a": .float("15e-1"), "d": .int("10"), "e": [.float("1e3")]]
        #expect(ValueDiffer.changes(from: old, to: new).isEmpty)
        #expect(ValueDiffer.changes(from: ["p": "10"], to: ["p": 10]).count == 1)
        #expect(ValueDiffer.changes(from: ["p": .float("10.5")], to: ["p": 10]).count == 1)
    }

    @Test(arguments: [
        (DiffPath([.key("metadata"), .key("annotations"), .key("sidecar.istio.io/inject")]), "metadata.annotations[\"sidecar.istio.io/inject\"]"),
        (DiffPath([.key("spec"), .key("http"), .entry(key: "name", identity: "send to bar", oldIndex: 0, newIndex: 0)]), "spec.http[name=\"send to bar\"]"),
        (DiffPath([.key("a b"), .index(3)]), "[\"a b\"][3]"),
        (DiffPath([.key("x"), .key("")]), "x[\"\"]"),
        (DiffPath([.key("@type")]), "@type"),
    ])
    func pathSyntax(path: DiffPath, text: String) {
        #expect(path.description == text)
    }
}
