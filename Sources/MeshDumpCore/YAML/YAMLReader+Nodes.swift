import CYAML

/// Building values from libyaml's events: collections, keys, merges, scalars.
extension YAMLReader {
    /// Builds the node that starts with `event`; returns it with its node count (for alias limits).
    /// `path` is the node's JSON Pointer when positions are recorded, else nil; fields `dropped`
    /// names are skipped over, not built.
    func node(_ event: inout yaml_event_t, path: String?, depth: Int, dropped: DroppedFields? = nil) throws(ReadError) -> (Value, Int) {
        guard depth < Self.depthLimit else {
            throw error(at: event.start_mark, "nesting deeper than \(Self.depthLimit) levels")
        }
        if let path { positions[path] = Self.mark(event.start_mark) }
        let result: (Value, Int)
        let anchor: UnsafeMutablePointer<yaml_char_t>?
        switch event.type {
        case YAML_SCALAR_EVENT:
            anchor = event.data.scalar.anchor
            result = (try scalar(event), 1)
        case YAML_SEQUENCE_START_EVENT:
            anchor = event.data.sequence_start.anchor
            result = try sequence(path: path, depth: depth)
        case YAML_MAPPING_START_EVENT:
            anchor = event.data.mapping_start.anchor
            result = try mapping(path: path, depth: depth, dropped: dropped)
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            guard let anchored = anchors[name] else {
                throw error(at: event.start_mark, "unknown anchor '\(name)' referenced")
            }
            expandedNodes += anchored.nodes
            guard expandedNodes <= Self.aliasExpansionLimit else {
                throw error(at: event.start_mark, "aliases expand to more than \(Self.aliasExpansionLimit) nodes")
            }
            return anchored
        default:
            throw error(at: event.start_mark, "unexpected YAML event")
        }
        if let anchor {
            anchors[String(cString: anchor)] = result
        }
        return result
    }

    private func sequence(path: String?, depth: Int) throws(ReadError) -> (Value, Int) {
        var items: [Value] = []
        var nodes = 1
        while true {
            var event = try nextEvent()
            defer { yaml_event_delete(&event) }
            if event.type == YAML_SEQUENCE_END_EVENT { break }
            let childPath = depth < positionDepth ? path.map { $0 + "/" + String(items.count) } : nil
            let (item, n) = try node(&event, path: childPath, depth: depth + 1)
            items.append(item)
            nodes += n
        }
        return (.sequence(items), nodes)
    }

    private func mapping(path: String?, depth: Int, dropped: DroppedFields?) throws(ReadError) -> (Value, Int) {
        var builder = MappingBuilder()
        var nodes = 1
        while true {
            var keyEvent = try nextEvent()
            defer { yaml_event_delete(&keyEvent) }
            if keyEvent.type == YAML_MAPPING_END_EVENT { break }
            if isMergeKey(keyEvent) {
                let (source, n, at) = try mergeSource(depth: depth)
                nodes += n
                try merge(source, into: &builder, at: at)
                continue
            }
            let key = try mappingKey(&keyEvent, depth: depth)
            var valueEvent = try nextEvent()
            defer { yaml_event_delete(&valueEvent) }
            let below = dropped?.child(key)
            if below?.isDropped == true {
                try skip(&valueEvent, depth: depth + 1)
                try add(key, nil, to: &builder, at: keyEvent.start_mark)
                continue
            }
            let childPath = depth < positionDepth ? path.map { $0 + "/" + JSONPointer.escape(key) } : nil
            if let childPath { keyPositions[childPath] = Self.mark(keyEvent.start_mark) }
            let (value, n) = try node(&valueEvent, path: childPath, depth: depth + 1, dropped: below)
            nodes += n
            try add(key, value, to: &builder, at: keyEvent.start_mark)
        }
        return (.mapping(builder.map), nodes)
    }

    /// Adds an entry written in the mapping; a key written twice is an error.
    func add(_ key: String, _ value: Value?, to builder: inout MappingBuilder, at m: yaml_mark_t) throws(ReadError) {
        guard builder.add(key, value) else { throw error(at: m, "duplicate key \"\(key)\" in mapping") }
    }

    /// The value of a `<<` key just read: the mapping (or list of mappings) to merge, its node
    /// count and where it starts.
    func mergeSource(depth: Int) throws(ReadError) -> (Value, Int, yaml_mark_t) {
        var valueEvent = try nextEvent()
        defer { yaml_event_delete(&valueEvent) }
        let (source, n) = try node(&valueEvent, path: nil, depth: depth + 1)
        return (source, n, valueEvent.start_mark)
    }

    /// Consumes the node that starts with `event` without building it (a field the caller
    /// drops); an anchored node inside is built all the same, since an alias may need it later.
    func skip(_ event: inout yaml_event_t, depth: Int) throws(ReadError) {
        guard depth < Self.depthLimit else {
            throw error(at: event.start_mark, "nesting deeper than \(Self.depthLimit) levels")
        }
        let anchor: UnsafeMutablePointer<yaml_char_t>?
        switch event.type {
        case YAML_ALIAS_EVENT: return
        case YAML_SCALAR_EVENT: anchor = event.data.scalar.anchor
        case YAML_SEQUENCE_START_EVENT: anchor = event.data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: anchor = event.data.mapping_start.anchor
        default: throw error(at: event.start_mark, "unexpected YAML event")
        }
        if anchor != nil {
            _ = try node(&event, path: nil, depth: depth)
            return
        }
        guard event.type != YAML_SCALAR_EVENT else { return }
        while true {
            var child = try nextEvent()
            defer { yaml_event_delete(&child) }
            if child.type == YAML_SEQUENCE_END_EVENT || child.type == YAML_MAPPING_END_EVENT { return }
            try skip(&child, depth: depth + 1)
        }
    }

    /// A mapping key as the string Kubernetes sees: scalars resolve as values do and become their
    /// text (`8080`, `true`); collections cannot be keys in JSON.
    func mappingKey(_ event: inout yaml_event_t, depth: Int) throws(ReadError) -> String {
        let start = event.start_mark
        let (key, _) = try node(&event, path: nil, depth: depth + 1)
        switch key {
        case .string(let s): return s
        case .int(let t), .float(let t): return t
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .sequence, .mapping:
            throw error(at: start, "a \(key.typeName) cannot be a mapping key; Kubernetes objects need string keys")
        }
    }

    func isMergeKey(_ event: yaml_event_t) -> Bool {
        guard event.type == YAML_SCALAR_EVENT, event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE,
            event.data.scalar.length == 2, event.data.scalar.anchor == nil
        else { return false }
        let v = event.data.scalar.value!
        guard v[0] == UInt8(ascii: "<"), v[1] == UInt8(ascii: "<") else { return false }
        guard let tag = event.data.scalar.tag else { return true }
        return String(cString: tag) == "tag:yaml.org,2002:merge"
    }

    /// go-yaml v2 merges in document order: each `<<` source writes its keys into the mapping
    /// (a list of sources from last to first, so earlier sources win), and keys after it override.
    func merge(_ source: Value, into builder: inout MappingBuilder, at m: yaml_mark_t) throws(ReadError) {
        switch source {
        case .mapping(let src):
            builder.merge(src)
        case .sequence(let sources):
            for s in sources.reversed() {
                guard case .mapping(let src) = s else {
                    throw error(at: m, "a merge key (<<) takes a mapping or a list of mappings, not a list holding a \(s.typeName)")
                }
                builder.merge(src)
            }
        default:
            throw error(at: m, "a merge key (<<) takes a mapping or a list of mappings, not a \(source.typeName)")
        }
    }

    // MARK: - Scalars

    private func scalar(_ event: yaml_event_t) throws(ReadError) -> Value {
        let s = event.data.scalar
        let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
        let tag = s.tag.map { String(cString: $0) }
        switch tag {
        case nil:
            return s.style == YAML_PLAIN_SCALAR_STYLE ? PlainScalar.value(text) : .string(text)
        case "tag:yaml.org,2002:str", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:timestamp", "!":
            return .string(text)
        case "tag:yaml.org,2002:null":
            guard case .null = PlainScalar.value(text) else {
                throw error(at: event.start_mark, "\"\(text)\" is tagged !!null but is not null")
            }
            return .null
        case "tag:yaml.org,2002:bool":
            guard case .bool(let b) = PlainScalar.value(text) else {
                throw error(at: event.start_mark, "\"\(text)\" is tagged !!bool but is not a boolean")
            }
            return .bool(b)
        case "tag:yaml.org,2002:int":
            guard case .int(let t) = PlainScalar.value(text) else {
                throw error(at: event.start_mark, "\"\(text)\" is tagged !!int but is not an integer")
            }
            return .int(t)
        case "tag:yaml.org,2002:float":
            switch PlainScalar.value(text) {
            case .float(let t): return .float(t)
            case .int(let t): return .float(t)
            default: throw error(at: event.start_mark, "\"\(text)\" is tagged !!float but is not a number")
            }
        default:
            // Application tags (`!foo`) carry no meaning for Kubernetes: keep the text.
            return .string(text)
        }
    }
}

/// A mapping being built from YAML: a key written twice is an error, but keys brought in by a
/// `<<` merge may be overridden by keys written after it (as go-yaml v2 does).
struct MappingBuilder {
    private(set) var map = Mapping()
    /// Keys written without their value being kept (a dropped field; a List's items, handed on
    /// one by one).
    private var claimed: [String] = []
    /// Keys written explicitly, once a merge (or size) makes scanning not enough: merged keys
    /// may be overridden, explicit ones may not repeat. Small mappings scan instead.
    private var explicit: Set<String>? = nil
    private var merged = false

    /// Adds a written entry; false when the key was already written. A nil value claims the key
    /// without storing a value.
    mutating func add(_ key: String, _ value: Value?) -> Bool {
        if explicit == nil && map.count + claimed.count < 16 {
            if map.index(forKey: key) != nil || claimed.contains(key) { return false }
        } else {
            if explicit == nil { explicit = Set(map.keys).union(claimed) }
            guard explicit?.insert(key).inserted == true else { return false }
        }
        guard let value else {
            claimed.append(key)
            if merged { map.removeValue(forKey: key) }
            return true
        }
        if merged {
            map[key] = value
        } else {
            map.appendUnchecked(key: key, value: value)
        }
        return true
    }

    /// Writes the entries of a merge source into the mapping.
    mutating func merge(_ source: Mapping) {
        if explicit == nil { explicit = Set(map.keys).union(claimed) }
        merged = true
        for (k, v) in source { map[k] = v }
    }
}
