import MeshDumpCore

/// A fault that answers, but wrongly: a body that stalls or trickles, or a list page that lies
/// about how the list goes on or holds an object of another kind. The server computes its real
/// answer (for the query this returns), then this bends it.
struct HostileAnswer {
    let action: Fault.Action
    let isList: Bool
    /// Unique per request: renamed items get it, so every page looks new.
    let serial: Int

    /// nil for faults that answer instead of the server (`Fault.Action.status`, …).
    init?(_ action: Fault.Action, route: Route, serial: Int) {
        switch action {
        case .stallBody, .trickleBody, .repeatContinue, .overrunRemainingCount, .foreignItem, .pageUnpagedLists: break
        default: return nil
        }
        self.action = action
        if case .collection = route { isList = true } else { isList = false }
        self.serial = serial
    }

    /// The query the real answer is computed for.
    func query(for query: [String: String]) -> [String: String] {
        guard isList else { return query }
        var query = query
        switch action {
        case .pageUnpagedLists(let n) where query["limit"] == nil:
            query["limit"] = String(n)
        case .overrunRemainingCount:
            // Tokens handed out by this fault carry a `.N` suffix; the real token is before it.
            query["continue"] = query["continue"].map { String($0.prefix { $0 != "." }) }
        default:
            break
        }
        return query
    }

    func apply(to reply: Reply, query: [String: String]) -> Reply {
        var reply = reply
        switch action {
        case .stallBody(let bytes): reply.pacing = .stall(afterBytes: bytes)
        case .trickleBody(let interval): reply.pacing = .trickle(interval: interval)
        default:
            guard isList, reply.status == 200, var page = (try? JSONReader.values(reply.body, source: "reply"))?.first else { return reply }
            bend(&page, query: query)
            reply.body = JSONText.bytes(page)
        }
        return reply
    }

    private func bend(_ page: inout Value, query: [String: String]) {
        let ownToken = page[path: ["metadata", "continue"]]?.stringValue
        switch action {
        case .repeatContinue:
            guard let token = query["continue"] ?? ownToken else { return }
            page["items"] = .sequence(items(page).map { renamed($0, suffix: "-r\(serial)") })
            page["metadata"]?["continue"] = .string(token)
        case .overrunRemainingCount:
            guard let token = query["continue"] ?? ownToken else { return }
            page["items"] = .sequence(items(page).map { renamed($0, suffix: "-o\(serial)") })
            page["metadata"]?["continue"] = .string("\(token).\(serial)")
            page["metadata"]?["remainingItemCount"] = .int("1")
        case .foreignItem:
            let namespace = items(page).first?[path: ["metadata", "namespace"]] ?? "default"
            let secret: Value = ["apiVersion": "v1", "kind": "Secret", "type": "Opaque",
                                 "metadata": ["name": "intruder", "namespace": namespace],
                                 "data": ["password": "aHVudGVyMg=="]]
            page["items"] = .sequence([secret] + items(page))
        default:
            break
        }
    }

    private func items(_ page: Value) -> [Value] {
        page["items"]?.sequenceValue ?? []
    }

    private func renamed(_ item: Value, suffix: String) -> Value {
        var item = item
        if let name = item[path: ["metadata", "name"]]?.stringValue { item["metadata"]?["name"] = .string(name + suffix) }
        return item
    }
}
