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

    /// The conflict of applying source object `id` when its live counterpart (same group, kind,
    /// namespace and name) carries part-of label `partOf`: nil when it is this set's member;
    /// unlabelled, or labelled for another set, applying it takes it over, so the caller refuses
    /// unless told to force.
    public func takeover(_ id: ObjectID, partOf: String?) -> MembershipConflict? {
        partOf == self.id ? nil : MembershipConflict(id: id, otherSet: partOf)
    }

    /// What prune deletes: live objects carrying this set's part-of label, of a group-kind in
    /// `scope`, cluster-scoped or in one of its namespaces, that the source no longer holds
    /// (`inSource` false) — each with its uid for the delete precondition, in identity order.
    /// Anything else in `live` (other sets' members, unlabelled objects, the parent) is never a
    /// candidate.
    public func prunePlan(live: some Sequence<LiveMember>, scope: ApplySetScope, inSource: (ObjectID) -> Bool) -> [LiveMember] {
        let namespaces = Set(namespaces(in: scope))
        return live.filter { member in
            member.partOf == id && !inSource(member.id) && member.id != parent.objectID
                && scope.groupKinds.contains(GroupKind(member.id))
                && (member.id.namespace.isEmpty || namespaces.contains(member.id.namespace))
        }
        .sorted { $0.id < $1.id }
    }
}
