import MeshDumpCore

/// A selector made of required label values, as Kubernetes' `labels.SelectorFromSet`: its text
/// is `key=value` pairs sorted by key, and an empty set selects everything.
struct LabelSet: Equatable {
    /// The pairs, sorted by key.
    let pairs: [(key: String, value: String)]

    init(_ pairs: [(key: String, value: String)]) {
        var unique: [String: String] = [:]
        for (key, value) in pairs { unique[key] = value }
        self.pairs = unique.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    /// The set written as a mapping of labels (`selector`, `matchLabels`, subset `labels`).
    init(_ value: Value?) {
        self.init(SnapshotObject.stringEntries(value))
    }

    var isEmpty: Bool { pairs.isEmpty }

    /// `app=web,istio=ingressgateway`
    var text: String { pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }

    /// The first key, as istioctl points at a selector (`ExtractLabelFromSelectorString`).
    var firstKey: String? { pairs.first?.key }

    /// Whether labels that `label` looks up hold every pair.
    func matches(_ label: (String) -> String?) -> Bool {
        pairs.allSatisfy { label($0.key) == $0.value }
    }

    /// Whether a mapping of labels (another selector) holds every pair.
    func matches(_ labels: Value?) -> Bool {
        matches { labels?[$0]?.scalarText }
    }

    /// Whether an object's labels hold every pair.
    func matches(_ object: SnapshotObject) -> Bool {
        matches(object.label)
    }

    /// This set with `other`'s pairs added, `other` winning on shared keys.
    func merging(_ other: LabelSet) -> LabelSet {
        LabelSet(pairs + other.pairs)
    }

    static func == (a: LabelSet, b: LabelSet) -> Bool { a.text == b.text }
}
