import MeshDumpCore

/// The paging state of one collection: `limit` and `continue`, and recovery from
/// 410 Expired without ever looping.
///
/// An expired continue token is answered by going on with the token the 410 Status carries
/// (the server's "inconsistent continue"; a warning says the list may be inconsistent). When
/// there is none, or it expires too, the collection is listed again in one request without
/// paging, as client-go's pager does; objects already delivered (up to the last key, in the
/// server's key order) are skipped so each object arrives once. A third 410 fails the kind.
///
/// A list must end: a continue token that an earlier page already carried, a list that goes on
/// after sending the objects its `remainingItemCount` announced, and an unpaged list that still
/// carries a continue token (so holds only part of the collection) each fail the kind.
struct Pager {
    private enum Mode { case paged, inconsistent, unpaged }

    let kind: ServedKind
    let namespace: String?
    let pageSize: Int
    let diagnostics: any DiagnosticSink
    private var mode = Mode.paged
    private var token: String?
    private var done = false
    private var lastKey: [UInt8]?
    private var skipThrough: [UInt8]?
    /// Every continue token received, to refuse one that comes again.
    private var seenTokens: Set<String> = []
    /// The tightest `remainingItemCount` received: the objects it announced, and the pages and
    /// objects received since.
    private var announced: (objects: Int, pagesSince: Int, received: Int)?

    init(kind: ServedKind, namespace: String?, pageSize: Int, diagnostics: any DiagnosticSink) {
        self.kind = kind
        self.namespace = namespace
        self.pageSize = pageSize
        self.diagnostics = diagnostics
    }

    /// The paging parameters of the next request, or nil when the collection is complete.
    func nextQuery() -> [(String, String)]? {
        if done { return nil }
        if mode == .unpaged { return [] }
        var query = [("limit", String(pageSize))]
        if let token { query.append(("continue", token)) }
        return query
    }

    /// The paging parameters of the page after one whose continue token is `token`; nil when
    /// no such page will be asked for (not paging).
    func query(continuing token: String) -> [(String, String)]? {
        mode == .unpaged || seenTokens.contains(token) ? nil : [("limit", String(pageSize)), ("continue", token)]
    }

    /// The server answered 410 Expired to the last request.
    mutating func expired(_ response: Response) throws(KubeError) {
        guard token != nil, mode != .unpaged else { throw response.error }
        let what = namespace.map { "\(kind) in namespace \($0)" } ?? "\(kind)"
        let status = StatusBody(code: response.status, body: response.body)
        // Either way a new list begins: what the old one announced no longer holds.
        announced = nil
        if mode == .paged, let fresh = status.continueToken {
            mode = .inconsistent
            token = fresh
            seenTokens.insert(fresh)
            diagnostics.report(Diagnostic(.warning, "\(what): the list's continue token expired (410 Expired); went on with the token the server offered, so the list may be inconsistent: objects changed while it was read may be missing or stale"))
            return
        }
        mode = .unpaged
        token = nil
        skipThrough = lastKey
        diagnostics.report(Diagnostic(.warning, "\(what): the list's continue token expired (410 Expired); listed it again in one request without paging, skipping the objects already received"))
    }

    /// Whether `object` is new (not delivered before a re-list).
    func accepts(_ object: Object) -> Bool {
        guard let skipThrough else { return true }
        return skipThrough.lexicographicallyPrecedes(Self.key(object))
    }

    mutating func delivered(_ object: Object) {
        lastKey = Self.key(object)
    }

    /// A page of `path` arrived with `end`'s continue token, remaining count and objects.
    mutating func pageDone(_ end: PageReader.PageEnd, path: String) throws(KubeError) {
        if var counted = announced {
            counted.pagesSince += 1
            counted.received += end.received
            announced = counted
        }
        guard let next = end.continueToken else {
            done = true
            return
        }
        if mode == .unpaged {
            throw KubeError.malformedResponse("GET \(path): the list was asked for whole (no limit) but the answer carries a continue token, so it holds only part of the collection")
        }
        if seenTokens.contains(next) {
            throw KubeError.malformedResponse("GET \(path): the server sent a continue token that an earlier page already carried; the list would never end")
        }
        if let counted = announced {
            if counted.received >= counted.objects {
                throw KubeError.malformedResponse("GET \(path): the server announced \(Self.count(counted.objects, "more object")) (remainingItemCount) and has since sent \(counted.received) in \(Self.count(counted.pagesSince, "more page")), yet the list goes on")
            }
            if end.received == 0 {
                throw KubeError.malformedResponse("GET \(path): a page without objects continues the list, which has \(counted.objects - counted.received) objects to come by its remainingItemCount")
            }
        }
        if let remaining = end.remainingItemCount, remaining < announced.map({ $0.objects - $0.received }) ?? .max {
            announced = (remaining, 0, 0)
        }
        seenTokens.insert(next)
        token = next
    }

    /// `1 more object`, `7 more objects`.
    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// The object's place in the server's list order (its storage key: `namespace/name`).
    static func key(_ object: Object) -> [UInt8] {
        object.namespace.isEmpty ? Array(object.name.utf8) : Array("\(object.namespace)/\(object.name)".utf8)
    }
}
