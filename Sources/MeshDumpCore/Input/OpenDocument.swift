/// A document whose top-level mapping is being read entry by entry (by the JSON and YAML object
/// streams), with the items of a List handed on as they are read.
final class OpenDocument {
    /// The input's source, the document's 0-based index in it and where it starts.
    let source: String
    let index: Int
    let mark: Mark
    /// The entries read so far, without `items` when those are read item by item.
    var fields = MappingBuilder()
    /// The items, once `items` was opened to be read item by item.
    var items: ListItems?
    /// Whether the items are being read now.
    var readingItems = false

    init(source: String, index: Int, mark: Mark) {
        self.source = source
        self.index = index
        self.mark = mark
    }

    /// Opens `items` (the fields read so far decide whether it is read item by item).
    func openItems() {
        items = ListItems(index: fields.map.count)
        readingItems = true
    }

    /// Whether the document is known to be a List already (its kind came before its items).
    var isKnownList: Bool { fields.map["kind"].map(ListKind.isList) ?? false }

    /// Takes one item read at `mark`: the object to hand on now, if any.
    func add(item: Value, at mark: Mark) throws(ObjectError) -> Object? {
        guard let value = items?.add(item, at: mark, fields: fields.map) ?? nil else { return nil }
        return try Object(value: value, origin: origin(mark))
    }

    /// The objects still to hand on once the mapping is complete, and the List's fields other
    /// than `items` when the document is a List.
    func finish() throws(ObjectError) -> (objects: [Object], listFields: Mapping?) {
        guard let items else { return try Self.objects(of: .mapping(fields.map), source: source, index: index, mark: mark) }
        switch try items.finish(fields: fields.map, origin: origin(mark)) {
        case .items(let rest):
            var objects: [Object] = []
            for item in rest { objects.append(try Object(value: item.value, origin: origin(item.mark))) }
            return (objects, fields.map)
        case .document(let value):
            return ([try Object(value: value, origin: origin(mark))], nil)
        }
    }

    private func origin(_ mark: Mark) -> Origin {
        Origin(source: source, document: index, mark: mark)
    }

    /// The objects of a document read whole: its items when it is a List (with the List's fields
    /// other than `items`), else the document itself.
    static func objects(of value: Value, source: String, index: Int, mark: Mark) throws(ObjectError) -> (objects: [Object], listFields: Mapping?) {
        let origin = Origin(source: source, document: index, mark: mark)
        guard let list = ListKind.split(value) else { return ([try Object(value: value, origin: origin)], nil) }
        var objects: [Object] = []
        for item in list.items { objects.append(try Object(value: item, origin: origin)) }
        return (objects, list.fields)
    }
}
