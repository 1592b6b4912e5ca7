import MeshDumpCore

/// Why meshdump will not work with an ApplySet, or with an object for it. The messages follow
/// kubectl's, naming the parent or the object.
public enum ApplySetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The parent exists but its tooling annotation names another tool.
    case otherTool(parent: ApplySetParent, tool: String, expected: String)
    /// The parent exists without a tooling annotation: no tool claims it.
    case missingTooling(parent: ApplySetParent)
    /// The parent exists without the id label.
    case missingID(parent: ApplySetParent)
    /// The parent's id label is not the id its identity gives: copied from another set.
    case wrongID(parent: ApplySetParent, found: String, expected: String)
    /// The parent does not record its members' group-kinds, so they cannot be found.
    case missingGroupKinds(parent: ApplySetParent)
    /// An object to apply already carries the part-of label of another set.
    case labelledForAnotherSet(object: ObjectID, origin: Origin, label: String)

    public var description: String {
        switch self {
        case .otherTool(let parent, let tool, let expected):
            "ApplySet parent \(parent) already exists and is managed by tooling \"\(tool)\" instead of \"\(expected)\""
        case .missingTooling(let parent):
            "ApplySet parent \(parent) already exists and is missing required annotation \"\(ApplySetKeys.tooling)\""
        case .missingID(let parent):
            "ApplySet parent \(parent) exists and does not have required label \(ApplySetKeys.id)"
        case .wrongID(let parent, let found, let expected):
            "ApplySet parent \(parent) exists and has incorrect value for label \"\(ApplySetKeys.id)\" (got: \(found), want: \(expected))"
        case .missingGroupKinds(let parent):
            "ApplySet parent \(parent) has no \"\(ApplySetKeys.containsGroupKinds)\" annotation, so its members cannot be found"
        case .labelledForAnotherSet(let object, let origin, let label):
            "\(origin): \(object) already carries \(ApplySetKeys.partOf)=\(label), the label of another ApplySet"
        }
    }
}
