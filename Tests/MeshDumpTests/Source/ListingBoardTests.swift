import MeshDump
import MeshDumpCore
import Testing

/// Issue 9: the progress line of a listing: kinds done, objects so far, each kind being listed
/// of its announced total, and an estimate only when every kind left has a total.
@Suite struct ListingBoardTests {
    let vs = Kind(group: "networking.istio.io", kind: "VirtualService", resource: "virtualservices", versions: ["v1"], isDefault: true)
    let gw = Kind(group: "networking.istio.io", kind: "Gateway", resource: "gateways", versions: ["v1"], isDefault: true)
    let dr = Kind(group: "networking.istio.io", kind: "DestinationRule", resource: "destinationrules", versions: ["v1"], isDefault: true)
    let start = ContinuousClock.now

    @Test func linesFollowTheListing() {
        let board = ListingBoard(verb: "exporting", start: start)
        #expect(board.line(at: start) == "exporting: 0 objects")
        for kind in [vs, gw, dr] { board.record(ListingProgress(kind: kind, state: .waiting)) }
        #expect(board.line(at: start) == "exporting: 0 of 3 kinds, 0 objects")
        board.record(ListingProgress(kind: vs, state: .listing, received: 500, announced: 11000))
        board.record(ListingProgress(kind: gw, state: .listing))
        #expect(board.line(at: start + .seconds(5)) == "exporting: 0 of 3 kinds, 500 objects; gateways 0, virtualservices 500 of 11000")
        board.record(ListingProgress(kind: gw, state: .done, received: 1))
        board.written(501)
        #expect(board.line(at: start + .seconds(5)) == "exporting: 1 of 3 kinds, 501 objects written; virtualservices 500 of 11000")
    }

    @Test func anEstimateOnlyForLongRunsWhoseKindsAllHaveTotals() {
        let board = ListingBoard(verb: "exporting", start: start)
        board.record(ListingProgress(kind: gw, state: .done, received: 1000))
        board.record(ListingProgress(kind: vs, state: .listing, received: 1000, announced: 11000))
        // 2,000 objects in 4 s: 10,000 to come take 20 s.
        #expect(board.line(at: start + .seconds(4)) == "exporting: 1 of 2 kinds, 2000 objects; virtualservices 1000 of 11000; about 20 s left")
        #expect(board.line(at: start + .seconds(1)) == "exporting: 1 of 2 kinds, 2000 objects; virtualservices 1000 of 11000")
        board.record(ListingProgress(kind: dr, state: .waiting))
        #expect(board.line(at: start + .seconds(4)) == "exporting: 1 of 3 kinds, 2000 objects; virtualservices 1000 of 11000")
        board.record(ListingProgress(kind: dr, state: .listing, received: 10))
        #expect(!board.line(at: start + .seconds(4)).contains("left"))
        board.record(ListingProgress(kind: dr, state: .listing, received: 10, announced: 200_010))
        #expect(board.line(at: start + .seconds(4)).hasSuffix("; about 7 min left"))
    }

    @Test func moreThanTwoKindsBeingListedAreCounted() {
        let board = ListingBoard(verb: "exporting", start: start)
        let more = ["a", "b", "c", "d"].map { Kind(group: "x.io", kind: $0.uppercased(), resource: $0 + "s", versions: ["v1"], isDefault: false) }
        for kind in more { board.record(ListingProgress(kind: kind, state: .listing, received: 1)) }
        #expect(board.line(at: start) == "exporting: 0 of 4 kinds, 4 objects; as 1, bs 1, 2 more")
    }

    @Test func oneKindIsSingular() {
        let board = ListingBoard(verb: "exporting", start: start)
        board.record(ListingProgress(kind: vs, state: .done, received: 1))
        #expect(board.line(at: start) == "exporting: 1 of 1 kind, 1 object")
    }
}
