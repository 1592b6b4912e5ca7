import Testing
@testable import KubeFixtureServer

/// `fixture-apiserver --fault`: every action and match option, and what is refused.
@Suite struct FaultSpecTests {
    @Test func specsBecomeFaults() throws {
        let stall = try Fault(spec: "stall-body=100,resource=gateways,times=2")
        guard case .stallBody(afterBytes: 100) = stall.action else { Issue.record("\(stall.action)"); return }
        #expect(stall.match.resource == "gateways" && stall.times == 2)
        let status = try Fault(spec: "status=429,retry-after=3,path=/apis,cluster-wide,continue-only")
        guard case .status(429, retryAfter: 3) = status.action else { Issue.record("\(status.action)"); return }
        #expect(status.match.pathPrefix == "/apis" && status.match.clusterWideListsOnly && status.match.continueOnly && status.times == nil)
        let write = try Fault(spec: "conflict,name=reviews,method=patch")
        #expect(write.match.name == "reviews" && write.match.method == "PATCH" && write.match.dryRun == nil)
        #expect(try Fault(spec: "delay=10ms,method=PATCH,dry-run=false").match.dryRun == false)
        #expect(try Fault(spec: "delay=10ms,dry-run=true").match.dryRun == true)
        guard case .trickleBody(interval: .milliseconds(250)) = try Fault(spec: "trickle-body=250ms").action,
              case .delay(.seconds(120)) = try Fault(spec: "delay=2m").action,
              case .pageUnpagedLists(13) = try Fault(spec: "page-unpaged-lists=13").action,
              case .repeatContinue = try Fault(spec: "repeat-continue").action,
              case .overrunRemainingCount = try Fault(spec: "overrun-remaining-count").action,
              case .foreignItem = try Fault(spec: "foreign-item").action,
              case .expired(offerContinue: true) = try Fault(spec: "expired-with-continue").action,
              case .dropConnection = try Fault(spec: "drop").action,
              case .reject(code: 422, reason: "Invalid", _) = try Fault(spec: "reject=422").action,
              case .conflict = try Fault(spec: "conflict").action else {
            Issue.record("an action was not parsed")
            return
        }
    }

    @Test(arguments: ["", "explode", "status", "status=abc", "delay=2", "stall-body=100,resource", "drop,colour=red", "times=x", "delay=1s,dry-run=yes"])
    func badSpecsAreRefused(_ spec: String) {
        #expect(throws: FaultSpecError.self) { try Fault(spec: spec) }
    }
}
