/// Decodes the Kubernetes objects in one input, one at a time.
///
/// The format is found from the content, not the file name: input that starts with `{` or `[`
/// and parses as JSON is JSON (one value or a stream of them), anything else is YAML (one or more
/// documents). Lists (`kind: List` and `*List` with `items`) are flattened into their items; a
/// JSON List's items are decoded one by one, so a 100 MB list is never held as values at once.
/// Empty YAML documents are skipped.
public final class ObjectDecoder {
    /// The two formats an input can have.
    public enum Format: Sendable { case json, yaml }

    public let input: InputBytes
    public private(set) var format: Format
    /// Whether objects get their line and column (callers that replace the origin skip it).
    private let tracksPositions: Bool
    /// Fields of JSON objects left out while decoding, because the caller drops them anyway.
    private let dropped: DroppedFields?
    private var json: JSONParser
    private var yaml: YAMLReader?
    private var marks = MarkTracker()
    private var queue: [Object] = []
    private var queueIndex = 0
    private var items: ListItems?
    private var documentIndex = 0
    private var decodedAny = false

    /// The fields of the last List read, other than `items` (apiVersion, kind, and the
    /// `metadata` that holds an API server's `continue` token and `resourceVersion`). Set once
    /// the List's first item is returned (or its end reached, when it is empty).
    public private(set) var listFields: Mapping?

    /// A JSON List whose items are still to be decoded.
    private struct ListItems {
        var apiVersion: Value?
        var itemKind: String?
        var document: Int
        var first = true
        /// Where to continue after the list's closing bracket.
        var end: Int
    }

    /// Decodes `input`; with `tracksPositions` false, origins carry no line and column (for
    /// callers that give objects an origin of their own, such as API responses). Fields in
    /// `dropped` are skipped over in JSON input (a speed-up only: YAML keeps them).
    public init(_ input: InputBytes, tracksPositions: Bool = true, dropped: DroppedFields? = nil) {
        self.input = input
        self.tracksPositions = tracksPositions
        self.dropped = dropped
        json = JSONParser(input.buffer, source: input.displayName)
        json.skipWhitespace()
        if json.current == 0xEF, input.buffer.count >= 3, input.buffer[1] == 0xBB, input.buffer[2] == 0xBF {
            json.pos = 3  // UTF-8 byte order mark
            json.skipWhitespace()
        }
        let first = json.current
        format = (first == UInt8(ascii: "{") || first == UInt8(ascii: "[")) ? .json : .yaml
        if format == .yaml { startYAML() }
    }

    private func startYAML() {
        format = .yaml
        yaml = YAMLReader(bytes: input.buffer, source: input.displayName, positionDepth: 2)
    }

    /// The next object, or nil when the input is exhausted. Throws `ReadError` for malformed
    /// input and `ObjectError` for a document that is not a Kubernetes object.
    public func next() throws -> Object? {
        while true {
            if queueIndex < queue.count {
                defer { queueIndex += 1 }
                return queue[queueIndex]
            }
            queue.removeAll(keepingCapacity: true)
            queueIndex = 0
            switch format {
            case .yaml:
                guard let document = try yaml!.next() else { return nil }
                if !document.isEmpty { try enqueue(document) }
            case .json:
                if items != nil {
                    if let object = try nextListItem() { return object }
                    continue
                }
                json.skipWhitespace()
                if json.atEnd { return nil }
                do {
                    try readJSONValue()
                    decodedAny = true
                } catch let jsonError as ReadError where !decodedAny {
                    // `{a: 1}` is YAML in flow style: if YAML reads it, it is YAML.
                    startYAML()
                    do {
                        guard let document = try yaml!.next() else { throw jsonError }
                        if !document.isEmpty { try enqueue(document) }
                    } catch is ReadError {
                        throw jsonError
                    }
                }
            }
        }
    }

    // MARK: - YAML

    private func enqueue(_ document: Document) throws(ObjectError) {
        let origin = Origin(source: input.source, document: document.index, mark: document.mark)
        guard let list = Self.listParts(document.value) else {
            queue.append(try Object(value: document.value, origin: origin))
            return
        }
        listFields = document.value.mappingValue.map { fields in
            var fields = fields
            fields.removeValue(forKey: "items")
            return fields
        }
        for (i, item) in list.items.enumerated() {
            let mark = document.positions?["/items/\(i)"] ?? document.mark
            let itemOrigin = Origin(source: input.source, document: document.index, mark: mark)
            queue.append(try Object(value: Self.filled(item, apiVersion: list.apiVersion, kind: list.itemKind), origin: itemOrigin))
        }
    }

    /// The items of a List, with what they inherit from it; nil when `value` is not a List.
    private static func listParts(_ value: Value) -> (items: [Value], apiVersion: Value?, itemKind: String?)? {
        guard let kind = value["kind"]?.stringValue, isListKind(kind), let itemsValue = value["items"] else { return nil }
        let items: [Value]
        switch itemsValue {
        case .sequence(let s): items = s
        case .null: items = []
        default: return nil
        }
        return (items, value["apiVersion"], itemKind(ofList: kind))
    }

    static func isListKind(_ kind: String) -> Bool { kind.hasSuffix("List") }

    /// `VirtualServiceList` → `VirtualService`; a plain `List` says nothing about its items.
    static func itemKind(ofList kind: String) -> String? {
        kind == "List" ? nil : String(kind.dropLast(4))
    }

    /// Items of a typed list may omit apiVersion and kind (the API server does so for built-in
    /// types); they take them from the list.
    private static func filled(_ item: Value, apiVersion: Value?, kind: String?) -> Value {
        guard case .mapping(var m) = item else { return item }
        if m["apiVersion"] == nil, let apiVersion { m.insertUnchecked(key: "apiVersion", value: apiVersion, at: 0) }
        if m["kind"] == nil, let kind { m.insertUnchecked(key: "kind", value: .string(kind), at: min(1, m.count)) }
        return .mapping(m)
    }

    // MARK: - JSON

    private func origin(atOffset offset: Int, document: Int) -> Origin {
        Origin(source: input.source, document: document,
               mark: tracksPositions ? marks.mark(at: offset, in: input.buffer) : Mark(line: 0, column: 0))
    }

    /// Reads one top-level JSON value. An object's `items` array is skipped over first; if the
    /// object turns out to be a List, its items are then decoded one at a time.
    private func readJSONValue() throws {
        let start = json.pos
        let document = documentIndex
        documentIndex += 1
        guard json.current == UInt8(ascii: "{") else {
            let value = try json.parseValue()
            try enqueue(Document(value: value, index: document, mark: marks.mark(at: start, in: input.buffer)))
            return
        }
        json.pos += 1
        var map = Mapping()
        var seen: Set<String>? = nil
        var itemsAt: (offset: Int, index: Int)? = nil
        json.skipWhitespace()
        if json.current == UInt8(ascii: "}") {
            json.pos += 1
        } else {
            loop: while true {
                json.skipWhitespace()
                guard json.current == UInt8(ascii: "\"") else { throw json.error("expected a string key") }
                let keyStart = json.pos
                let key = try json.parseString()
                try json.checkUnique(key, in: map, seen: &seen, at: keyStart)
                json.skipWhitespace()
                guard json.current == UInt8(ascii: ":") else { throw json.error("expected ':' after a key") }
                json.pos += 1
                json.skipWhitespace()
                let droppedBelow = dropped?.child(key)
                if key == "items", json.current == UInt8(ascii: "[") {
                    itemsAt = (json.pos, map.count)
                    try json.skipValue()
                } else if droppedBelow?.isDropped == true {
                    try json.skipValue()
                } else {
                    map.appendUnchecked(key: key, value: try json.parseValue(depth: 1, dropped: droppedBelow))
                }
                json.skipWhitespace()
                switch json.current {
                case UInt8(ascii: ","): json.pos += 1
                case UInt8(ascii: "}"): json.pos += 1; break loop
                default: throw json.error("expected ',' or '}' in an object")
                }
            }
        }
        if let itemsAt {
            if let kind = map["kind"]?.stringValue, Self.isListKind(kind) {
                listFields = map
                items = ListItems(apiVersion: map["apiVersion"], itemKind: Self.itemKind(ofList: kind), document: document, end: json.pos)
                json.pos = itemsAt.offset + 1
                return
            }
            let end = json.pos
            json.pos = itemsAt.offset
            let value = try json.parseValue(depth: 1)
            json.pos = end
            map.insertUnchecked(key: "items", value: value, at: itemsAt.index)
        }
        try enqueue(Document(value: .mapping(map), index: document, mark: marks.mark(at: start, in: input.buffer)))
    }

    /// The next item of the List being read, or nil (and the List is done) at its end.
    private func nextListItem() throws -> Object? {
        guard var list = items else { return nil }
        json.skipWhitespace()
        if list.first {
            list.first = false
        } else if json.current == UInt8(ascii: ",") {
            json.pos += 1
            json.skipWhitespace()
        } else if json.current != UInt8(ascii: "]") {
            throw json.error("expected ',' or ']' in an array")
        }
        if json.current == UInt8(ascii: "]") {
            json.pos = list.end
            items = nil
            return nil
        }
        items = list
        let start = json.pos
        let value = try json.parseValue(depth: 1, dropped: dropped)
        let filledValue = Self.filled(value, apiVersion: list.apiVersion, kind: list.itemKind)
        return try Object(value: filledValue, origin: origin(atOffset: start, document: list.document))
    }
}
