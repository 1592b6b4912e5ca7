/// Decodes the Kubernetes objects in one input, one at a time.
///
/// The format is found from the content, not the file name: input that starts with `{` or `[`
/// and parses as JSON is JSON (one value or a stream of them), anything else is YAML (one or more
/// documents). Lists (`kind: List` and `*List` with `items`) are flattened into their items, which
/// are decoded one by one in both formats; the input itself is read in chunks as it is decoded.
/// So memory holds about one object at a time, whatever the length of the input; one document,
/// or one item of a List, may hold at most `InputBytes.documentLimit` bytes. Empty YAML
/// documents are skipped.
///
/// kubectl writes a List's `kind` after its `items`. Until the kind is known, an item that is an
/// object of its own (it has an apiVersion and a kind) is handed on at once; a document whose
/// items were handed on that then turns out not to be a List is an error.
public final class ObjectDecoder {
    /// The two formats an input can have.
    public enum Format: Sendable { case json, yaml }

    /// What is being read: JSON, or YAML (after JSON that did not parse, the JSON error, which is
    /// the one reported if YAML cannot read the first document either).
    private enum State {
        case json(JSONObjectStream)
        case yaml(YAMLObjectStream, jsonError: ReadError?)
    }

    public let input: InputBytes
    private let dropped: DroppedFields?
    private var state: State
    private var ready: [Object] = []
    private var readyIndex = 0

    /// Decodes `input`; with `tracksPositions` false, origins carry no line and column (for
    /// callers that give objects an origin of their own, such as API responses). Fields in
    /// `dropped` are skipped over, not built (a speed-up for callers that drop them anyway).
    public init(_ input: InputBytes, tracksPositions: Bool = true, dropped: DroppedFields? = nil) {
        self.input = input
        self.dropped = dropped
        input.keepsBeginning = true
        // A failure to read shows again, as an error, on the first `next()`.
        let (start, first) = (try? Self.firstByte(of: input)) ?? (0, nil)
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            state = .json(JSONObjectStream(input, at: start, tracksPositions: tracksPositions, dropped: dropped))
        } else {
            input.keepsBeginning = false
            state = .yaml(YAMLObjectStream(input, dropped: dropped), jsonError: nil)
        }
    }

    /// The format of the input.
    public var format: Format {
        switch state {
        case .json: .json
        case .yaml: .yaml
        }
    }

    /// The fields of the last List read, other than `items` (apiVersion, kind, and the
    /// `metadata` that holds an API server's `continue` token and `resourceVersion`). Set as soon
    /// as the input is known to be a List: before its first item when its kind comes first or
    /// when the whole List is in memory (an API response), else once its end is reached; complete
    /// once its end is reached.
    public var listFields: Mapping? {
        switch state {
        case .json(let stream): stream.listFields
        case .yaml(let stream, _): stream.listFields
        }
    }

    /// The next object, or nil when the input is exhausted. Throws `ReadError` for malformed
    /// input (or input that cannot be read) and `ObjectError` for a document that is not a
    /// Kubernetes object.
    public func next() throws -> Object? {
        while readyIndex == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            guard let objects = try nextObjects() else { return nil }
            ready = objects
        }
        defer { readyIndex += 1 }
        return ready[readyIndex]
    }

    /// The next few objects (maybe none); nil at the end of the input.
    private func nextObjects() throws -> [Object]? {
        switch state {
        case .json(let stream):
            do {
                let objects = try stream.next()
                if objects?.isEmpty == false || stream.documentsRead > 0 { input.keepsBeginning = false }
                return objects
            } catch let error as ReadError where input.keepsBeginning {
                // `{a: 1}` is YAML in flow style: if YAML reads it, it is YAML.
                input.keepsBeginning = false
                state = .yaml(YAMLObjectStream(input, dropped: dropped), jsonError: error)
                return []
            }
        case .yaml(let stream, let jsonError?) where stream.documentsRead == 0:
            do {
                guard let objects = try stream.next() else { throw jsonError }
                return objects
            } catch is ReadError {
                throw jsonError
            }
        case .yaml(let stream, _):
            return try stream.next()
        }
    }

    /// Where the content starts (after a UTF-8 byte order mark and whitespace), and its first byte.
    private static func firstByte(of input: InputBytes) throws(ReadError) -> (Int, UInt8?) {
        var offset = 0
        while true {
            while offset < input.windowEnd {
                switch input[offset] {
                case 0x20, 0x0A, 0x0D, 0x09:
                    offset += 1
                case 0xEF where offset == 0:
                    while input.windowEnd < 3, try input.fill() {}
                    guard input.windowEnd >= 3, input[1] == 0xBB, input[2] == 0xBF else { return (0, 0xEF) }
                    offset = 3
                case let c:
                    return (offset, c)
                }
            }
            guard try input.fill() else { return (offset, nil) }
        }
    }
}
