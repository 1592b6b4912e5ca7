import MeshDumpCore
import Testing
@testable import MeshDump

/// Field-level comparison: maps by key, keyed lists by identity, other lists by content.
struct ValueDifferTests {
    static func paths(_ old: Value, _ new: Value) -> [String] {
        ValueDiffer.changes(from: old, to: new).map(\.path.description)
    }

    static func route(_ name: String, weight: Int = 100) -> Value {
        ["name": .string(name), "route": [["destination": ["host": "reviews"], "weight": .int(String(weight))]]]
    }

    @Test func insertedNamedRouteIsOneInsertion() {
        let old: Value = ["spec": ["http": [Self.route("a"), Self.route("primary")]]]
        let new: Value = ["spec": ["http": [Self.route("canary"), Self.route("a"), Self.route("primary", weight: 90)]]]
        let changes = ValueDiffer.changes(from: old, to: new)
        #expect(changes == [
            FieldChange(path: FieldPath([.key("spec"), .key("http"), .entry(key: "name", identity: "canary")]),
                        oldPointer: nil, newPointer: try! JSONPointer(parsing: "/spec/http/0"), edit: .added(Self.route("canary"))),
            FieldChange(path: FieldPath([.key("spec"), .key("http"), .entry(key: "name", identity: "primary"), .key("route"), .index(0), .key("weight")]),
                        oldPointer: try! JSONPointer(parsing: "/spec/http/1/route/0/weight"),
                        newPointer: try! JSONPointer(parsing: "/spec/http/2/route/0/weight"), edit: .changed(old: 100, new: 90)),
        ])
        #expect(changes[1].path.description == "spec.http[name=primary].route[0].weight")
    }

    /// A list with an entry that has no name is aligned by content: the inserted entry is the
    /// only change.
    @Test func listWithAnUnnamedEntryAlignsByContent() {
        let unnamed: Value = ["route": [["destination": ["host": "x"]]]]
        let old: Value = ["http": [Self.route("a"), unnamed]]
        let new: Value = ["http": [Self.route("b"), Self.route("a"), unnamed]]
        #expect(Self.paths(old, new) == ["http[0]"])
    }

    static func unnamed(_ host: String, timeout: String? = nil) -> Value {
        var route: Value = ["route": [["destination": ["host": .string(host)]]]]
        if let timeout { route["timeout"] = .string(timeout) }
        return route
    }

    /// The README's claims for unnamed routes: an insertion is one `+`, a removal one `-`, a
    /// move a reorder, an edit a change in place (at its new position, with both pointers).
    @Test func unnamedRoutesReadLikeTheChange() {
        let (a, b, c) = (Self.unnamed("a"), Self.unnamed("b"), Self.unnamed("c"))
        let x = Self.unnamed("x")
        let inserted = ValueDiffer.changes(from: ["http": [a, b, c]], to: ["http": [x, a, b, c]])
        #expect(inserted.map(\.path.description) == ["http[0]"])
        #expect(inserted.map(\.edit) == [.added(x)])
        let removed = ValueDiffer.changes(from: ["http": [a, b, c]], to: ["http": [a, c]])
        #expect(removed.map(\.path.description) == ["http[1]"])
        #expect(removed.map(\.edit) == [.removed(b)])
        #expect(removed[0].oldPointer?.description == "/http/1" && removed[0].newPointer == nil)
        let moved = ValueDiffer.changes(from: ["http": [a, b, c]], to: ["http": [c, a, b]])
        #expect(moved.map(\.edit) == [.reordered(old: ["[0]", "[1]", "[2]"], new: ["[2]", "[0]", "[1]"])])
        let edited = ValueDiffer.changes(from: ["http": [a, Self.unnamed("b", timeout: "1s"), c]],
                                         to: ["http": [x, a, Self.unnamed("b", timeout: "5s"), c]])
        #expect(edited.map(\.path.description) == ["http[0]", "http[2].timeout"])
        #expect(edited[1].oldPointer?.description == "/http/1/timeout")
        #expect(edited[1].newPointer?.description == "/http/2/timeout")
        let swappedAndEdited = ValueDiffer.changes(from: ["http": [a, b]], to: ["http": [Self.unnamed("b", timeout: "1s"), a]])
        #expect(swappedAndEdited.map(\.path.description) == ["http", "http[0].timeout"])
    }

    /// Entries that share less than half their fields are a removal and an addition, not a
    /// change, unless they are the only ones at their place and share a field.
    @Test func unlikeEntriesAreRemovedAndAdded() {
        let (abc, ade, xyz): (Value, Value, Value) = (["a": 1, "b": 2, "c": 3], ["a": 1, "d": 4, "e": 5], ["x": 1, "y": 2, "z": 3])
        #expect(ValueDiffer.changes(from: ["l": [abc, 0]], to: ["l": [ade, xyz, 0]]).map(\.edit) == [.removed(abc), .added(ade), .added(xyz)])
        #expect(ValueDiffer.changes(from: ["l": [abc]], to: ["l": [xyz]]).map(\.edit) == [.removed(abc), .added(xyz)])
        #expect(Self.paths(["l": [abc]], ["l": [ade]]) == ["l[0].b", "l[0].c", "l[0].d", "l[0].e"])
    }

    /// A key field whose type changes (`8080` → `"8080"`) is one change of that field.
    @Test func typeChangeOfAKeyFieldIsOneChange() {
        let old: Value = ["portLevelSettings": [["port": ["number": 8080], "tls": ["mode": "SIMPLE"]], ["port": ["number": 9090]]]]
        let new: Value = ["portLevelSettings": [["port": ["number": "8080"], "tls": ["mode": "SIMPLE"]], ["port": ["number": 9090]]]]
        let changes = ValueDiffer.changes(from: old, to: new)
        #expect(changes.map(\.path.description) == ["portLevelSettings[port.number=8080].port.number"])
        #expect(changes.map(\.edit) == [.changed(old: 8080, new: "8080")])
    }

    /// Scalars: moved ones are a reorder, replaced ones a change in place.
    @Test func scalarListsAlignToo() {
        #expect(ValueDiffer.changes(from: ["hosts": ["a", "b", "c"]], to: ["hosts": ["c", "a", "b"]]).map(\.edit)
                == [.reordered(old: ["[0]", "[1]", "[2]"], new: ["[2]", "[0]", "[1]"])])
        #expect(Self.paths(["hosts": ["a", "b", "c"]], ["hosts": ["z", "a", "b", "c"]]) == ["hosts[0]"])
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
        #expect(changes.map(\.path.description) == ["http"])
        #expect(changes.map(\.edit) == [.reordered(old: ["a", "b", "c"], new: ["c", "a", "b"])])
    }

    @Test func insertionIsNotAReorder() {
        let old: Value = ["http": [Self.route("a"), Self.route("b")]]
        let new: Value = ["http": [Self.route("a"), Self.route("x"), Self.route("b")]]
        #expect(ValueDiffer.changes(from: old, to: new).map(\.edit) == [.added(Self.route("x"))])
    }

    @Test func positionalListsAndTypeChanges() {
        let old: Value = ["hosts": ["a", "b"], "port": "80", "tls": ["mode": "SIMPLE"], "gone": [1]]
        let new: Value = ["hosts": ["a", "c", "d"], "port": 80, "tls": "SIMPLE"]
        let changes = ValueDiffer.changes(from: old, to: new)
        #expect(changes.map(\.path.description) == ["gone", "hosts[1]", "hosts[2]", "port", "tls"])
        #expect(changes.map(\.edit) == [.removed([1]), .changed(old: "b", new: "c"), .added("d"), .changed(old: "80", new: 80),
                                         .changed(old: ["mode": "SIMPLE"], new: "SIMPLE")])
    }

    @Test func equalByMeaning() {
        let old: Value = ["a": .float("1.50"), "b": ["x": 1, "y": 2], "c": .int("0"), "d": .float("10.0"), "e": [.int("1000")]]
        let new: Value = ["b": ["y": 2, "x": 1], "c": .int("-0"), "a": .float("15e-1"), "d": .int("10"), "e": [.float("1e3")]]
        #expect(ValueDiffer.changes(from: old, to: new).isEmpty)
        #expect(ValueDiffer.changes(from: ["p": "10"], to: ["p": 10]).count == 1)
        #expect(ValueDiffer.changes(from: ["p": .float("10.5")], to: ["p": 10]).count == 1)
    }
}
