import MeshDumpCore

extension ApplySet {
    /// `object` labelled as a member. An object already labelled for this set is fine; one
    /// labelled for another set is refused (the KEP treats such input as invalid).
    public func member(_ object: Object) throws(ApplySetError) -> Object {
        let labels = object.value[path: ["metadata", "labels"]]
        if let label = labels?[ApplySetKeys.partOf] {
            guard label.stringValue == id else {
                throw .labelledForAnotherSet(object: object.id, origin: object.origin, label: label.stringValue ?? "\(label)")
            }
            return object
        }
        var labelled = object
        var newLabels = labels?.mappingValue ?? Mapping()
        newLabels[ApplySetKeys.partOf] = .string(id)
        labelled.value["metadata"]?["labels"] = .mapping(newLabels)
        return labelled
    }

    /// Source objects whose live counterpart (same group, kind, namespace and name) exists but is
    /// not this set's member: unlabelled, or labelled for another set. Applying them takes them
    /// over, so the caller refuses unless told to force. In identity order.
    public func takeovers(source: some Sequence<ObjectID>, live: some Sequence<LiveMember>) -> [MembershipConflict] {
        var owners: [ObjectID: String?] = [:]
        for member in live { owners[member.id] = .some(member.partOf) }
        var conflicts: [MembershipConflict] = []
        for id in Set(source) {
            guard let owner = owners[id], owner != self.id else { continue }
            conflicts.append(MembershipConflict(id: id, otherSet: owner))
        }
        return conflicts.sorted { $0.id < $1.id }
    }

    /// What prune deletes: live objects carrying this set's part-of label, of a group-kind in
    /// `scope`, cluster-scoped or in one of its namespaces, that the source no longer holds —
    /// each with its uid for the delete precondition, in identity order. Anything else in `live`
    /// (other sets' members, unlabelled objects, the parent) is never a candidate.
    public func prunePlan(source: Set<ObjectID>, live: some Sequence<LiveMember>, scope: ApplySetScope) -> [LiveMember] {
        let namespaces = Set(namespaces(in: scope))
        return live.filter { member in
            member.partOf == id && !source.contains(member.id) && member.id != parent.objectID
                && scope.groupKinds.contains(GroupKind(member.id))
                && (member.id.namespace.isEmpty || namespaces.contains(member.id.namespace))
        }
        .sorted { $0.id < $1.id }
    }
}
