import CYAML

/// One document of a YAML or JSON stream.
public struct Document: Sendable {
    public var value: Value
    /// 0-based position of the document in its stream.
    public var index: Int
    /// Where the document's content starts.
    public var mark: Mark
    /// Where each node starts, keyed by JSON Pointer (`/spec/rules/0`); only when asked for.
    public var positions: [String: Mark]?
    /// Where the key of each mapping entry starts, keyed by the entry's JSON Pointer; recorded
    /// with `positions`.
    public var keyPositions: [String: Mark]?
    /// The document has no content at all (`---` alone, or only comments); its value is null.
    public var isEmpty: Bool

    public init(value: Value, index: Int, mark: Mark, positions: [String: Mark]? = nil, keyPositions: [String: Mark]? = nil,
                isEmpty: Bool = false) {
        self.value = value
        self.index = index
        self.mark = mark
        self.positions = positions
        self.keyPositions = keyPositions
        self.isEmpty = isEmpty
    }
}

/// Reads a YAML stream document by document through libyaml's event parser.
///
/// Plain scalars resolve as kubectl resolves them (see `PlainScalar`), anchors and aliases are
/// expanded, `<<` merge keys are applied in document order as go-yaml v2 applies them, comments
/// are ignored. Duplicate keys and non-scalar keys are errors, since Kubernetes rejects them.
public final class YAMLReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let source: String
    private let positionDepth: Int
    private var anchors: [String: (value: Value, nodes: Int)] = [:]
    private var positions: [String: Mark] = [:]
    private var keyPositions: [String: Mark] = [:]
    private var documentIndex = 0
    private var finished = false
    private var expandedNodes = 0

    /// Nodes an alias may expand to in one document before it is taken for an attack.
    static let aliasExpansionLimit = 10_000_000
    /// Nesting deeper than this is refused rather than risking the stack.
    static let depthLimit = 512

    /// Reads `bytes`; `positionDepth` says how deep to record node positions (0: none; 2: the
    /// items of a List; `Int.max`: every node).
    public init(bytes: some Collection<UInt8>, source: String, positionDepth: Int = 0) {
        self.source = source
        self.positionDepth = positionDepth
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    /// The next document, or nil at the end of the stream.
    public func next() throws(ReadError) -> Document? {
        while !finished {
            var event = try nextEvent()
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                continue
            case YAML_STREAM_END_EVENT:
                finished = true
            case YAML_DOCUMENT_START_EVENT:
                anchors = [:]
                positions = [:]
                keyPositions = [:]
                expandedNodes = 0
                let index = documentIndex
                documentIndex += 1
                var root = try nextEvent()
                defer { yaml_event_delete(&root) }
                let mark = Self.mark(root.start_mark)
                let isEmpty = root.type == YAML_SCALAR_EVENT && root.data.scalar.length == 0
                    && root.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && root.data.scalar.tag == nil
                let (value, _) = try node(&root, path: positionDepth > 0 ? "" : nil, depth: 0)
                return Document(value: value, index: index, mark: mark, positions: positionDepth > 0 ? positions : nil,
                                keyPositions: positionDepth > 0 ? keyPositions : nil, isEmpty: isEmpty)
            default:
                throw error(at: event.start_mark, "unexpected YAML event")
            }
        }
        return nil
    }

    // MARK: - Events

    private func nextEvent() throws(ReadError) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            throw parserError()
        }
        return event
    }

    private func parserError() -> ReadError {
        let p = parser.pointee
        var message = p.problem.map { String(cString: $0) } ?? "invalid YAML"
        if let context = p.context {
            let c = Self.mark(p.context_mark)
            message += " (\(String(cString: context)) at line \(c.line), column \(c.column))"
        }
        return ReadError(source: source, mark: Self.mark(p.problem_mark), message: message)
    }

    private static func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    private func error(at m: yaml_mark_t, _ message: String) -> ReadError {
        ReadError(source: source, mark: Self.mark(m), message: message)
    }

    // MARK: - Nodes

    /// Builds the node that starts with `event`; returns it with its node count (for alias limits).
    /// `path` is the node's JSON Pointer when positions are recorded, else nil.
    private func node(_ event: inout yaml_event_t, path: String?, depth: Int) throws(ReadError) -> (Value, Int) {
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
            result = try mapping(start: event.start_mark, path: path, depth: depth)
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

    private func mapping(start: yaml_mark_t, path: String?, depth: Int) throws(ReadError) -> (Value, Int) {
        var map = Mapping()
        // Keys written explicitly (merged keys may be overridden, explicit ones may not repeat);
        // small mappings without merges check by scanning instead.
        var explicit: Set<String>? = nil
        var merged = false
        var nodes = 1
        while true {
            var keyEvent = try nextEvent()
            defer { yaml_event_delete(&keyEvent) }
            if keyEvent.type == YAML_MAPPING_END_EVENT { break }
            if isMergeKey(keyEvent) {
                var valueEvent = try nextEvent()
                defer { yaml_event_delete(&valueEvent) }
                let (source, n) = try node(&valueEvent, path: nil, depth: depth + 1)
                nodes += n
                if explicit == nil { explicit = Set(map.keys) }
                merged = true
                try merge(source, into: &map, at: valueEvent.start_mark)
                continue
            }
            let key = try mappingKey(&keyEvent, depth: depth)
            if explicit == nil && map.count < 16 {
                if map.index(forKey: key) != nil {
                    throw error(at: keyEvent.start_mark, "duplicate key \"\(key)\" in mapping")
                }
            } else {
                if explicit == nil { explicit = Set(map.keys) }
                guard explicit!.insert(key).inserted else {
                    throw error(at: keyEvent.start_mark, "duplicate key \"\(key)\" in mapping")
                }
            }
            var valueEvent = try nextEvent()
            defer { yaml_event_delete(&valueEvent) }
            let childPath = depth < positionDepth ? path.map { $0 + "/" + JSONPointer.escape(key) } : nil
            if let childPath { keyPositions[childPath] = Self.mark(keyEvent.start_mark) }
            let (value, n) = try node(&valueEvent, path: childPath, depth: depth + 1)
            nodes += n
            if merged {
                map[key] = value
            } else {
                map.appendUnchecked(key: key, value: value)
            }
        }
        return (.mapping(map), nodes)
    }

    /// A mapping key as the string Kubernetes sees: scalars resolve as values do and become their
    /// text (`8080`, `true`); collections cannot be keys in JSON.
    private func mappingKey(_ event: inout yaml_event_t, depth: Int) throws(ReadError) -> String {
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

    private func isMergeKey(_ event: yaml_event_t) -> Bool {
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
    private func merge(_ source: Value, into map: inout Mapping, at m: yaml_mark_t) throws(ReadError) {
        switch source {
        case .mapping(let src):
            for (k, v) in src { map[k] = v }
        case .sequence(let sources):
            for s in sources.reversed() {
                guard case .mapping(let src) = s else {
                    throw error(at: m, "a merge key (<<) takes a mapping or a list of mappings, not a list holding a \(s.typeName)")
                }
                for (k, v) in src { map[k] = v }
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
