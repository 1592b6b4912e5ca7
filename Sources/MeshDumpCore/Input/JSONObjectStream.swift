/// The objects of a JSON input (one value or a stream of values), a few at a time (for
/// `ObjectDecoder`).
///
/// The input is read in chunks as it is consumed; each value is parsed by `JSONParser` once it is
/// whole in memory (`JSONExtent` finds its end). A top-level object is read member by member, so
/// the items of a List are parsed and handed on one by one. When a List's items are already in
/// memory whole (an API response), the fields after them are read first, so the List's fields
/// (its continue token) are known before its first item.
final class JSONObjectStream {
    private let input: InputBytes
    private let tracksPositions: Bool
    private let dropped: DroppedFields?
    /// Where reading goes on.
    private var pos: Int
    private var documentIndex = 0
    private var document: OpenDocument?
    private var firstMember = true
    private var firstItem = true
    /// Items skipped to read the fields after them first: where they start.
    private var skippedItems: Int?
    /// Where the document ends, once the fields after its skipped items were read.
    private var documentEnd: Int?
    /// How many documents were read to their end.
    private(set) var documentsRead = 0
    /// The fields other than `items` of the last List, once it is known to be one.
    private(set) var listFields: Mapping?

    init(_ input: InputBytes, at offset: Int, tracksPositions: Bool, dropped: DroppedFields?) {
        self.input = input
        pos = offset
        self.tracksPositions = tracksPositions
        self.dropped = dropped
    }

    /// The next objects (none while a document is under way); nil at the end of the input.
    func next() throws -> [Object]? {
        guard let document else { return try startDocument() }
        return document.readingItems ? try nextItem(of: document) : try nextMember(of: document)
    }

    private func startDocument() throws -> [Object]? {
        var first: UInt8?
        while true {
            input.release(before: pos)
            input.startUnit(at: pos)
            first = try skipWhitespace(&pos, readingMore: false)
            guard first == nil, try input.fill() else { break }
        }
        guard let first else { return nil }
        let index = documentIndex
        documentIndex += 1
        let mark = mark(at: pos)
        guard first == UInt8(ascii: "{") else {
            _ = try ensureValue(at: pos)
            let value = try parse { (p: inout JSONParser) throws(ReadError) in try p.parseValue() }
            documentsRead += 1
            let (objects, list) = try OpenDocument.objects(of: value, source: input.source, index: index, mark: mark)
            if let list { listFields = list }
            return objects
        }
        pos += 1
        document = OpenDocument(source: input.source, index: index, mark: mark)
        firstMember = true
        return []
    }

    private func nextMember(of document: OpenDocument) throws -> [Object]? {
        try ensureKey()
        guard let key = try parse({ (p: inout JSONParser) throws(ReadError) in try p.nextKey(first: &firstMember) }) else {
            return try endObject(document)
        }
        let keyOffset = input.windowStart + key.offset
        _ = try skipWhitespace(&pos)
        if key.name == "items", pos < input.windowEnd, input[pos] == UInt8(ascii: "["), ListItems.streams(fields: document.fields.map) {
            try add(key.name, nil, to: document, at: keyOffset)
            document.openItems()
            if document.isKnownList {
                listFields = document.fields.map
            } else if case .end(let end) = bufferedExtent(at: pos) {
                document.readingItems = false
                skippedItems = pos
                pos = end
                return []
            }
            pos += 1
            firstItem = true
            return []
        }
        _ = try ensureValue(at: pos)
        let below = dropped?.child(key.name)
        if below?.isDropped == true {
            try parse { (p: inout JSONParser) throws(ReadError) in try p.skipValue() }
            try add(key.name, nil, to: document, at: keyOffset)
        } else {
            let value = try parse { (p: inout JSONParser) throws(ReadError) in try p.parseValue(depth: 1, dropped: below) }
            try add(key.name, value, to: document, at: keyOffset)
        }
        return []
    }

    /// After the document's closing brace: its end, or (when its items were skipped) its items.
    private func endObject(_ document: OpenDocument) throws -> [Object]? {
        if let itemsStart = skippedItems {
            skippedItems = nil
            documentEnd = pos
            if document.isKnownList { listFields = document.fields.map }
            pos = itemsStart + 1
            firstItem = true
            document.readingItems = true
            return []
        }
        self.document = nil
        documentsRead += 1
        let (objects, list) = try document.finish()
        if let list { listFields = list }
        return objects
    }

    private func nextItem(of document: OpenDocument) throws -> [Object]? {
        var p = pos
        if try skipWhitespace(&p) == UInt8(ascii: ",") {
            p += 1
            _ = try skipWhitespace(&p)
        }
        guard try parse({ (p: inout JSONParser) throws(ReadError) in try p.nextElement(first: &firstItem) }) else {
            document.readingItems = false
            input.startUnit(at: pos)
            if let end = documentEnd {
                documentEnd = nil
                pos = end
                return try endObject(document)
            }
            return []
        }
        let start = pos
        input.release(before: start)
        input.startUnit(at: start)
        _ = try ensureValue(at: start)
        let item = try parse { (p: inout JSONParser) throws(ReadError) in try p.parseValue(depth: 1, dropped: dropped) }
        return try document.add(item: item, at: mark(at: start)).map { [$0] } ?? []
    }

    private func add(_ key: String, _ value: Value?, to document: OpenDocument, at offset: Int) throws(ReadError) {
        guard document.fields.add(key, value) else {
            throw ReadError(source: input.displayName, mark: input.mark(at: offset), message: JSONParser.duplicateKeyMessage(key))
        }
    }

    // MARK: - Reading enough

    /// Parses at `pos` over what is in memory, then moves `pos` past what was parsed.
    private func parse<T>(_ body: (inout JSONParser) throws(ReadError) -> T) throws(ReadError) -> T {
        var parser = JSONParser(input.window, source: input.displayName, position: pos - input.windowStart,
                                startMark: input.windowStartMark)
        defer { pos = input.windowStart + parser.pos }
        return try body(&parser)
    }

    /// Moves `offset` past whitespace, reading more while `readingMore`: the byte there, or nil
    /// at the end of what was read.
    private func skipWhitespace(_ offset: inout Int, readingMore: Bool = true) throws(ReadError) -> UInt8? {
        while true {
            while offset < input.windowEnd {
                switch input[offset] {
                case 0x20, 0x0A, 0x0D, 0x09: offset += 1
                case let c: return c
                }
            }
            guard readingMore, try input.fill() else { return nil }
        }
    }

    /// Reads until the value starting at `offset` is whole in memory (or the input ends, or a
    /// byte that cannot be JSON stops it; the parser then reports it): where it ends.
    private func ensureValue(at offset: Int) throws(ReadError) -> Int {
        if input.isComplete { return input.windowEnd }
        var extent = JSONExtent(at: offset)
        while true {
            switch extent.scan(input.window, start: input.windowStart) {
            case .end(let end): return end
            case .invalid(let at): return at + 1
            case .needsMore: guard try input.fill() else { return input.windowEnd }
            }
        }
    }

    /// Reads until the next key and its colon are in memory (or whatever stands there instead).
    private func ensureKey() throws(ReadError) {
        var p = pos
        var c = try skipWhitespace(&p)
        if c == UInt8(ascii: ",") {
            p += 1
            c = try skipWhitespace(&p)
        }
        guard c == UInt8(ascii: "\"") else { return }
        p = try ensureValue(at: p)
        _ = try skipWhitespace(&p)
    }

    /// Where the value at `offset` ends when it is already whole in memory.
    private func bufferedExtent(at offset: Int) -> JSONExtent.Result {
        var extent = JSONExtent(at: offset)
        return extent.scan(input.window, start: input.windowStart)
    }

    private func mark(at offset: Int) -> Mark {
        tracksPositions ? input.mark(at: offset) : Mark(line: 0, column: 0)
    }
}
