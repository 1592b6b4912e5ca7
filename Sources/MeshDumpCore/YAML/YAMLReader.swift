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
/// The input is handed to libyaml in chunks, so a long stream is never held whole; one document
/// may hold at most `InputBytes.documentLimit` bytes.
public final class YAMLReader {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    let input: InputBytes
    let source: String
    let positionDepth: Int
    var anchors: [String: (value: Value, nodes: Int)] = [:]
    var positions: [String: Mark] = [:]
    var keyPositions: [String: Mark] = [:]
    var documentIndex = 0
    var finished = false
    var expandedNodes = 0
    /// How much of the input was handed to libyaml.
    private var fed = 0
    /// Why the input could not be handed on (a read failure, or a document over the limit).
    private var inputError: ReadError?

    /// Nodes an alias may expand to in one document before it is taken for an attack.
    static let aliasExpansionLimit = 10_000_000
    /// Nesting deeper than this is refused rather than risking the stack.
    static let depthLimit = 512
    /// Bytes kept behind what libyaml was handed, to place the errors it finds in them (it reads
    /// ahead by at most 16 KB).
    private static let keptBehind = 64 << 10

    /// Reads `bytes`; `positionDepth` says how deep to record node positions (0: none; 2: the
    /// items of a List; `Int.max`: every node).
    public convenience init(bytes: some Collection<UInt8>, source: String, positionDepth: Int = 0) {
        self.init(InputBytes(bytes, source: source), positionDepth: positionDepth)
    }

    /// Reads `input` from where it starts, in chunks.
    public init(_ input: InputBytes, positionDepth: Int = 0) {
        self.input = input
        source = input.displayName
        self.positionDepth = positionDepth
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_input(parser, { data, buffer, size, read in
            let reader = Unmanaged<YAMLReader>.fromOpaque(data!).takeUnretainedValue()
            guard let n = reader.feed(buffer!, size) else { return 0 }
            read!.pointee = n
            return 1
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next document, or nil at the end of the stream.
    public func next() throws(ReadError) -> Document? {
        guard let (index, root) = try nextDocumentStart() else { return nil }
        var event = root
        defer { yaml_event_delete(&event) }
        let mark = Self.mark(event.start_mark)
        let isEmpty = Self.isEmpty(event)
        let (value, _) = try node(&event, path: positionDepth > 0 ? "" : nil, depth: 0)
        return Document(value: value, index: index, mark: mark, positions: positionDepth > 0 ? positions : nil,
                        keyPositions: positionDepth > 0 ? keyPositions : nil, isEmpty: isEmpty)
    }

    /// Whether a document whose content starts with `event` has no content at all.
    static func isEmpty(_ event: yaml_event_t) -> Bool {
        event.type == YAML_SCALAR_EVENT && event.data.scalar.length == 0
            && event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && event.data.scalar.tag == nil
    }

    /// Moves to the next document: its index and the first event of its content (the caller
    /// deletes it), or nil at the end of the stream.
    func nextDocumentStart() throws(ReadError) -> (index: Int, root: yaml_event_t)? {
        while !finished {
            var event = try nextEvent()
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_START_EVENT:
                // libyaml reads an implicit first document's first scalar before it says the
                // document started: the limit counts from the start of the stream until then.
                startUnit(at: event.start_mark)
            case YAML_DOCUMENT_END_EVENT:
                startUnit(at: event.end_mark)
            case YAML_STREAM_END_EVENT:
                finished = true
            case YAML_DOCUMENT_START_EVENT:
                anchors = [:]
                positions = [:]
                keyPositions = [:]
                expandedNodes = 0
                let index = documentIndex
                documentIndex += 1
                startUnit(at: event.start_mark)
                return (index, try nextEvent())
            default:
                throw error(at: event.start_mark, "unexpected YAML event")
            }
        }
        return nil
    }

    // MARK: - Input

    /// Hands libyaml up to `size` bytes; nil when the input failed (libyaml then reports an
    /// input error, which `parserError` replaces with `inputError`).
    private func feed(_ buffer: UnsafeMutablePointer<UInt8>, _ size: Int) -> Int? {
        do {
            while fed == input.windowEnd {
                guard try input.fill() else { return 0 }
            }
        } catch {
            inputError = error
            return nil
        }
        let n = min(size, input.windowEnd - fed)
        buffer.update(from: input.address(of: fed), count: n)
        fed += n
        input.release(before: fed - Self.keptBehind)
        return n
    }

    /// A unit of the input (a document, or an item of a List read item by item) starts at `m`:
    /// the size limit counts from here.
    func startUnit(at m: yaml_mark_t) {
        input.startUnit(at: fed, mark: Self.mark(m))
    }

    // MARK: - Events

    func nextEvent() throws(ReadError) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            throw parserError()
        }
        return event
    }

    private func parserError() -> ReadError {
        if let inputError { return inputError }
        let p = parser.pointee
        var message = p.problem.map { String(cString: $0) } ?? "invalid YAML"
        if p.error == YAML_READER_ERROR {
            // libyaml places reader errors (bad UTF-8, control characters) by byte offset only.
            if p.problem_value >= 0 {
                let hex = String(p.problem_value, radix: 16, uppercase: true)
                message += " (0x" + String(repeating: "0", count: hex.count % 2) + hex + ")"
            }
            let offset = Int(p.problem_offset)
            let mark = offset >= input.windowStart && offset <= input.windowEnd ? input.mark(at: offset) : Self.mark(p.problem_mark)
            return ReadError(source: source, mark: mark, message: message)
        }
        if let context = p.context {
            let c = Self.mark(p.context_mark)
            message += " (\(String(cString: context)) at line \(c.line), column \(c.column))"
        }
        return ReadError(source: source, mark: Self.mark(p.problem_mark), message: message)
    }

    static func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    func error(at m: yaml_mark_t, _ message: String) -> ReadError {
        ReadError(source: source, mark: Self.mark(m), message: message)
    }
}
