import MeshDumpCore

/// Removes what the API server owns from an object and keeps everything its author wrote.
///
/// Like kubectl-neat it keeps only `name`, `generateName`, `namespace`, `labels` and
/// `annotations` of the metadata (dropping the `kubectl.kubernetes.io/last-applied-configuration`
/// and `deployment.kubernetes.io/revision` annotations, the ApplySet `part-of` label the applying
/// tool maintains, and labels or annotations left empty) and drops `status`. Unlike kubectl-neat it never drops a field because it is empty: an
/// AuthorizationPolicy's `rules: [{}]` allows all and `spec: {}` denies all, a header match
/// `{x-user: {}}` tests for presence, `exportTo: []` hides a service. Scalars are kept exactly.
/// A few built-in kinds lose more of what the server sets, and service-account token Secrets
/// are left out (`Neat+BuiltInKinds`).
public struct Neat: ObjectStage {
    /// Metadata fields an object's author sets; everything else in metadata is the server's.
    public static let keptMetadata: Set<String> = ["name", "generateName", "namespace", "labels", "annotations"]
    /// Annotations the server or kubectl maintain.
    public static let droppedAnnotations: Set<String> = [
        "kubectl.kubernetes.io/last-applied-configuration",
        "deployment.kubernetes.io/revision",
    ]
    /// Labels the applying tool maintains: a member's ApplySet label, which `apply --prune` adds
    /// to what it applies, so an applied tree and its cluster compare equal, and a tree exported
    /// from one set can be applied into another.
    public static let droppedLabels: Set<String> = [ApplySetKeys.partOf]

    /// The biggest fields neat removes whole, which readers may skip (`DroppedFields`).
    public static let droppedFields = DroppedFields(paths: [
        ["status"], ["metadata", "managedFields"],
        ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"],
    ])

    public init() {}

    public func apply(_ object: Object) -> Object? {
        guard case .kept(let object) = outcome(of: object) else { return nil }
        return object
    }

    public func outcome(of object: Object) -> StageOutcome {
        if let reason = Self.skipReason(object.value) { return .dropped(reason: reason) }
        var object = object
        object.value = neat(object.value)
        return .kept(object)
    }

    /// The neat form of an object's value.
    public func neat(_ value: Value) -> Value {
        guard case .mapping(var top) = value else { return value }
        top.removeValue(forKey: "status")
        if case .mapping(let metadata)? = top["metadata"] {
            top["metadata"] = .mapping(neatMetadata(metadata))
        }
        Self.neatBuiltIn(&top)
        return .mapping(top)
    }

    private func neatMetadata(_ metadata: Mapping) -> Mapping {
        var kept = Mapping(minimumCapacity: 5)
        for (key, value) in metadata where Self.keptMetadata.contains(key) {
            switch (key, value) {
            case ("annotations", .mapping(var annotations)):
                for dropped in Self.droppedAnnotations { annotations.removeValue(forKey: dropped) }
                if !annotations.isEmpty { kept.appendUnchecked(key: key, value: .mapping(annotations)) }
            case ("labels", .mapping(var labels)):
                for dropped in Self.droppedLabels { labels.removeValue(forKey: dropped) }
                if !labels.isEmpty { kept.appendUnchecked(key: key, value: .mapping(labels)) }
            case ("labels", .null), ("annotations", .null):
                continue
            default:
                kept.appendUnchecked(key: key, value: value)
            }
        }
        return kept
    }
}
