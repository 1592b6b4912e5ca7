/// The objects of a YAML input, a few at a time (for `ObjectDecoder`): a document whose root is a
/// mapping is read entry by entry, so the items of a List are built and handed on one by one.
final class YAMLObjectStream {
    private let reader: YAMLReader
    private let source: String
    /// Fields skipped over, not built, because the caller drops them anyway.
    private let dropped: DroppedFields?
    private var document: OpenDocument?
    /// How many documents were read to their end.
    private(set) var documentsRead = 0
    /// The fields other than `items` of the last List, once it is known to be one.
    private(set) var listFields: Mapping?

    init(_ input: InputBytes, dropped: DroppedFields?) {
        reader = YAMLReader(input)
        source = input.source
        self.dropped = dropped
    }

    /// The next objects (none while a document is under way); nil at the end of the input.
    func next() throws -> [Object]? {
        guard let document else { return try startDocument() }
        if document.readingItems {
            guard let (item, mark) = try reader.nextItem(dropped: dropped) else {
                document.readingItems = false
                return []
            }
            return try document.add(item: item, at: mark).map { [$0] } ?? []
        }
        if try reader.readRootEntries(into: &document.fields, dropped: dropped, opensItems: ListItems.streams) {
            document.openItems()
            if document.isKnownList { listFields = document.fields.map }
            return []
        }
        self.document = nil
        documentsRead += 1
        let (objects, list) = try document.finish()
        if let list { listFields = list }
        return objects
    }

    private func startDocument() throws -> [Object]? {
        guard let (index, mark, root) = try reader.nextRoot(dropped: dropped) else { return nil }
        switch root {
        case .mapping:
            document = OpenDocument(source: source, index: index, mark: mark)
            return []
        case .value(let value, let isEmpty):
            documentsRead += 1
            if isEmpty { return [] }
            let (objects, list) = try OpenDocument.objects(of: value, source: source, index: index, mark: mark)
            if let list { listFields = list }
            return objects
        }
    }
}
