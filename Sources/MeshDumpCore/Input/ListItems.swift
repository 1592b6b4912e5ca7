/// The `items` of a document's top-level mapping, read one at a time before the rest of the
/// document is known, so a List never has to be held whole.
///
/// Whether the document is a List depends on its `kind`, which kubectl writes after `items`. An
/// item read while the kind is still unknown is handed on at once when it is an object of its
/// own (it has an apiVersion and a kind, as kubectl writes every item); others wait for the kind,
/// and so does every item after them, to keep the order. A document with `items` that turns out
/// not to be a List gets its waiting items back as its `items` field, or, when some were already
/// handed on, is an error.
struct ListItems {
    /// Where `items` stood among the document's keys.
    let index: Int
    private var waiting: [(value: Value, mark: Mark)] = []
    /// How many items were handed on.
    private(set) var handedOn = 0

    init(index: Int) {
        self.index = index
    }

    /// Whether `items` is read item by item, given the document's fields read so far: unless the
    /// kind is known and is not a List.
    static func streams(fields: Mapping) -> Bool {
        guard let kind = fields["kind"] else { return true }
        return ListKind.isList(kind)
    }

    /// Takes one item: returns the value to hand on now, or nil when it waits (for the kind, or
    /// for the end of a document that is not a List).
    mutating func add(_ item: Value, at mark: Mark, fields: Mapping) -> Value? {
        if let kind = fields["kind"] {
            guard ListKind.isList(kind) else {
                waiting.append((item, mark))
                return nil
            }
            handedOn += 1
            return ListKind.filled(item, fields: fields)
        }
        if waiting.isEmpty, item["apiVersion"]?.stringValue != nil, item["kind"]?.stringValue != nil {
            handedOn += 1
            return item
        }
        waiting.append((item, mark))
        return nil
    }

    /// What the document comes to once its mapping is complete.
    enum Outcome {
        /// A List: its items still to hand on, with where each starts.
        case items([(value: Value, mark: Mark)])
        /// Not a List: the whole document.
        case document(Value)
    }

    /// Completes the document with all its other `fields`; `origin` is where it starts, for errors.
    func finish(fields: Mapping, origin: Origin) throws(ObjectError) -> Outcome {
        guard let kind = fields["kind"], ListKind.isList(kind) else {
            guard handedOn == 0 else {
                let what = fields["kind"].map { "its kind is \($0.stringValue.map { "\"\($0)\"" } ?? "a \($0.typeName)")" } ?? "it has no kind"
                throw ObjectError(origin: origin, message: "the document's items were read as objects, as in a List, but \(what); "
                                  + "a document whose items are objects must be a List")
            }
            guard fields["items"] == nil else { return .document(.mapping(fields)) }  // a later `<<` replaced them
            var whole = fields
            whole.insertUnchecked(key: "items", value: .sequence(waiting.map(\.value)), at: min(index, whole.count))
            return .document(.mapping(whole))
        }
        guard fields["items"] == nil else {
            throw ObjectError(origin: origin, message: "the List's items are given twice (a merge key (<<) after them brings items too)")
        }
        return .items(waiting.map { (ListKind.filled($0.value, fields: fields), $0.mark) })
    }
}

/// What makes a document a List, and what its items inherit from it.
enum ListKind {
    /// `kind: List`, and typed lists (`VirtualServiceList`).
    static func isList(_ kind: Value) -> Bool { kind.stringValue?.hasSuffix("List") ?? false }

    /// Items of a typed list may omit apiVersion and kind (the API server does so for built-in
    /// types); they take them from the list (`VirtualServiceList` → `VirtualService`; a plain
    /// `List` says nothing about its items).
    static func filled(_ item: Value, fields: Mapping) -> Value {
        guard case .mapping(var m) = item, let listKind = fields["kind"]?.stringValue else { return item }
        if m["apiVersion"] == nil, let apiVersion = fields["apiVersion"] { m.insertUnchecked(key: "apiVersion", value: apiVersion, at: 0) }
        if m["kind"] == nil, listKind != "List" {
            m.insertUnchecked(key: "kind", value: .string(String(listKind.dropLast(4))), at: min(1, m.count))
        }
        return .mapping(m)
    }

    /// A List read whole: its fields other than `items`, and its items filled; nil when `value`
    /// is not a List.
    static func split(_ value: Value) -> (fields: Mapping, items: [Value])? {
        guard case .mapping(var fields) = value, let kind = fields["kind"], isList(kind), let items = fields["items"] else { return nil }
        let list: [Value]
        switch items {
        case .sequence(let s): list = s
        case .null: list = []
        default: return nil
        }
        fields.removeValue(forKey: "items")
        return (fields, list.map { filled($0, fields: fields) })
    }
}
