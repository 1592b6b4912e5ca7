// The rule stage alone, in process: loads a rules file and a tree, then times RuleStage.apply
// over every object (best of five passes, one task). Built by bench/rewrite.sh against the
// release objects of MeshDump and MeshDumpCore.
import Glibc
import MeshDump
import MeshDumpCore
import Synchronization

final class CountingSink: DiagnosticSink {
    let count = Mutex(0)
    func report(_ diagnostic: Diagnostic) { count.withLock { $0 += 1 } }
}

func fixed(_ x: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let n = Int((x * scale).rounded())
    let whole = n / Int(scale)
    let frac = String(n % Int(scale))
    return digits == 0 ? String(whole) : "\(whole)." + String(repeating: "0", count: digits - frac.count) + frac
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: rewrite-stage RULES TREE")
    exit(2)
}
let rules = try RuleSet.load(paths: [arguments[1]])
let t0 = now()
let objects = try FileSource(paths: [arguments[2]]).objects()
let readTime = now() - t0
var best = Double.infinity
var written = 0
var warnings = 0
for _ in 0..<5 {
    let sink = CountingSink()
    let stage = RuleStage(rules: rules, diagnostics: sink)
    written = 0
    let start = now()
    for object in objects where stage.apply(object) != nil { written += 1 }
    best = min(best, now() - start)
    warnings = sink.count.withLock { $0 }
}
print("objects: \(objects.count) read in \(fixed(readTime, 3)) s, \(written) kept, \(warnings) warnings")
print("rule stage: \(fixed(best * 1000, 1)) ms, \(Int(Double(objects.count) / best)) objects/s, \(fixed(best * 1e6 / Double(objects.count), 2)) µs/object")
