import CYAML

/// Reading a document's top-level mapping entry by entry, so that the items of a List are built
/// one at a time (for `ObjectDecoder`) instead of the whole document at once.
extension YAMLReader {
    /// How a document starts.
    enum Root {
        /// A mapping, to be read with `readRootEntries`.
        case mapping
        /// Anything else, built whole; `isEmpty` when the document has no content at all.
        case value(Value, isEmpty: Bool)
    }

    /// Moves to the next document: its index, where its content starts and how; nil at the end of
    /// the stream.
    func nextRoot(dropped: DroppedFields?) throws(ReadError) -> (index: Int, mark: Mark, root: Root)? {
        guard let (index, first) = try nextDocumentStart() else { return nil }
        var event = first
        defer { yaml_event_delete(&event) }
        let mark = Self.mark(event.start_mark)
        if event.type == YAML_MAPPING_START_EVENT { return (index, mark, .mapping) }
        let isEmpty = Self.isEmpty(event)
        let (value, _) = try node(&event, path: nil, depth: 0, dropped: dropped)
        return (index, mark, .value(value, isEmpty: isEmpty))
    }

    /// Reads entries of the top-level mapping into `builder`: up to the end of the mapping
    /// (returns false), or up to an `items` sequence that `opensItems` (given the fields so far)
    /// chooses to read item by item (returns true; read them with `nextItem`, then call this
    /// again). An anchored sequence is read whole, since an alias may repeat it. Fields `dropped`
    /// names are skipped over, not built.
    func readRootEntries(into builder: inout MappingBuilder, dropped: DroppedFields?,
                         opensItems: (Mapping) -> Bool) throws(ReadError) -> Bool {
        while true {
            var keyEvent = try nextEvent()
            defer { yaml_event_delete(&keyEvent) }
            if keyEvent.type == YAML_MAPPING_END_EVENT { return false }
            if isMergeKey(keyEvent) {
                let (source, _, at) = try mergeSource(depth: 0)
                try merge(source, into: &builder, at: at)
                continue
            }
            let key = try mappingKey(&keyEvent, depth: 0)
            var valueEvent = try nextEvent()
            defer { yaml_event_delete(&valueEvent) }
            if key == "items", valueEvent.type == YAML_SEQUENCE_START_EVENT, valueEvent.data.sequence_start.anchor == nil,
                opensItems(builder.map) {
                try add(key, nil, to: &builder, at: keyEvent.start_mark)
                return true
            }
            let below = dropped?.child(key)
            if below?.isDropped == true {
                try skip(&valueEvent, depth: 1)
                try add(key, nil, to: &builder, at: keyEvent.start_mark)
                continue
            }
            let (value, _) = try node(&valueEvent, path: nil, depth: 1, dropped: below)
            try add(key, value, to: &builder, at: keyEvent.start_mark)
        }
    }

    /// The next item of the sequence `readRootEntries` opened (without the fields `dropped` names),
    /// with where it starts; nil after its last. Each item is a unit of its own for the input's
    /// size limit.
    func nextItem(dropped: DroppedFields?) throws(ReadError) -> (value: Value, mark: Mark)? {
        var event = try nextEvent()
        defer { yaml_event_delete(&event) }
        startUnit(at: event.start_mark)
        if event.type == YAML_SEQUENCE_END_EVENT { return nil }
        let (value, _) = try node(&event, path: nil, depth: 2, dropped: dropped)
        return (value, Self.mark(event.start_mark))
    }
}
