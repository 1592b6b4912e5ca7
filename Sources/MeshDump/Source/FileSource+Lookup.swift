import MeshDumpCore

/// Files and folders looked up by reading them again, once per call: what `--with-namespaces`
/// and `--with-secrets` pull in must be in the dumps. Standard input, read once already, cannot
/// be read again.
extension FileSource: ObjectLookup {
    public func objects(identifiedBy ids: [ObjectID]) async throws -> [Object] {
        let wanted = Set(ids)
        let kinds = KindSelection(kinds: Set(ids.map { GroupKind(group: $0.group, kind: $0.kind) }).sorted().compactMap {
            KnownKinds.kind(group: $0.group, kind: $0.kind)
        })
        return try rereadable().objects(ReadRequest(filter: ObjectFilter(kinds: kinds))).filter { wanted.contains($0.id) }
    }

    public func objects(of kind: Kind, matching selectors: [LabelSelector]) async throws -> [[Object]] {
        let all = try rereadable().objects(ReadRequest(filter: ObjectFilter(kinds: KindSelection(kinds: [kind]))))
        return selectors.map { selector in
            all.filter { object in
                let labels = object.value[path: ["metadata", "labels"]]
                return selector.matches { labels?[$0]?.stringValue }
            }
        }
    }

    /// The source, unless it reads standard input.
    private func rereadable() throws(UsageError) -> FileSource {
        guard !paths.contains("-") else {
            throw UsageError("--with-namespaces and --with-secrets read the inputs twice, which standard input cannot be: give files")
        }
        return self
    }
}
