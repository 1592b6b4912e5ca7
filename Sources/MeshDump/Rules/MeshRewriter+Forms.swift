import MeshDumpCore

extension MeshRewriter {
    /// Rewrites the references of one object, counting what each mapping entry changed.
    struct Context {
        let rewriter: MeshRewriter
        /// The object's namespace before the move (short references are relative to it).
        let namespace: String
        let newNamespace: String
        var tally: [Int]

        /// What the mappings make of a reference.
        mutating func rewrite(_ reference: Reference) -> ReferenceRewrite {
            let s = reference.value
            switch reference.form {
            case .host: return ReferenceRewrite(host(s))
            case .namespacedHost: return ReferenceRewrite(namespacedHost(s))
            case .gateway: return ReferenceRewrite(gateway(s))
            case .namespace: return namespaceName(s)
            case .namespaceList: return namespaceList(s)
            case .principal: return principal(s)
            case .serviceAccount: return ReferenceRewrite(serviceAccount(s))
            case .trustDomain: return ReferenceRewrite(trustDomainName(s))
            case .subjectAltName: return s.hasPrefix("spiffe://") ? principal(String(s.dropFirst(9))).prefixed("spiffe://") : ReferenceRewrite(host(s))
            case .envoyCluster: return ReferenceRewrite(envoyCluster(s))
            case .url: return ReferenceRewrite(url(s))
            case .regex: return regex(s)
            }
        }

        private mutating func count(_ entry: Int) { tally[entry] += 1 }

        /// `hosts` entries first (exact, then the longest `*.suffix`), then a namespace move of an
        /// in-cluster name `x.<ns>.svc[.<clusterDomain>]`. A `:port` suffix is kept. Works on UTF-8
        /// bytes: this runs for every host of every object.
        mutating func host(_ s: String) -> String? {
            let u = s.utf8
            var nameEnd = u.endIndex
            if let colon = u.lastIndex(of: UInt8(ascii: ":")), colon != u.startIndex {
                let port = u[u.index(after: colon)...]
                let isPort = !port.isEmpty && (port.elementsEqual("*".utf8) || port.allSatisfy { $0 >= 48 && $0 <= 57 })
                if isPort && !u[..<colon].contains(UInt8(ascii: ":")) { nameEnd = colon }
            }
            let name = u[..<nameEnd]
            let port = Substring(u[nameEnd...])
            if !rewriter.exactHosts.isEmpty, let target = rewriter.exactHosts[String(Substring(name))] {
                count(target.entry)
                return target.to + port
            }
            for w in rewriter.wildcardHosts where name.count > w.from.utf8.count && Self.hasSuffix(name, w.from.utf8) {
                count(w.entry)
                return String(Substring(name.dropLast(w.from.utf8.count))) + w.to + port
            }
            for suffix in rewriter.serviceSuffixes where Self.hasSuffix(name, suffix.utf8) {
                let rest = name.dropLast(suffix.utf8.count)
                guard let dot = rest.lastIndex(of: UInt8(ascii: ".")) else { return nil }
                guard let target = rewriter.namespaces[String(Substring(rest[rest.index(after: dot)...]))] else { return nil }
                count(target.entry)
                return String(Substring(rest[...dot])) + target.to + suffix + port
            }
            return nil
        }

        private static func hasSuffix(_ s: Substring.UTF8View, _ suffix: String.UTF8View) -> Bool {
            s.count >= suffix.count && s.suffix(suffix.count).elementsEqual(suffix)
        }

        /// `ns/host`: a named namespace (or Sidecar's excluding `~ns`) moves; `.`, `*`, `~` stay;
        /// the host part is a host.
        mutating func namespacedHost(_ s: String) -> String? {
            guard let slash = s.firstIndex(of: "/") else { return host(s) }
            var ns = String(s[..<slash])
            let hostPart = String(s[s.index(after: slash)...])
            let excluded = ns.hasPrefix("~") && ns.count > 1
            if let target = rewriter.namespaces[excluded ? String(ns.dropFirst()) : ns] {
                count(target.entry)
                ns = (excluded ? "~" : "") + target.to
            }
            let result = ns + "/" + (host(hostPart) ?? hostPart)
            return result == s ? nil : result
        }

        /// `ns/name`, or `name` in the object's namespace: a `gateways` entry for the gateway wins,
        /// else a qualified reference follows its namespace's move. `mesh` is no gateway.
        mutating func gateway(_ s: String) -> String? {
            guard s != "mesh" else { return nil }
            let slash = s.firstIndex(of: "/")
            let ns = slash.map { String(s[..<$0]) } ?? namespace
            let name = slash.map { String(s[s.index(after: $0)...]) } ?? s
            if let (to, entry) = rewriter.gateways[GatewayName(namespace: ns, name: name)] {
                count(entry)
                return slash == nil && to.namespace == newNamespace ? to.name : to.description
            }
            if slash != nil, let target = rewriter.namespaces[ns] {
                count(target.entry)
                return target.to + "/" + name
            }
            return nil
        }

        /// A namespace name; `prefix*`/`*suffix` patterns cannot be rewritten and are reported
        /// when they cover a moved namespace.
        mutating func namespaceName(_ s: String) -> ReferenceRewrite {
            if let target = rewriter.namespaces[s] {
                count(target.entry)
                return .rewritten(target.to)
            }
            return patternMention(s).map { .mentioned($0) } ?? .unchanged
        }

        /// `a,b, c`: each name follows its move; spacing is kept.
        mutating func namespaceList(_ s: String) -> ReferenceRewrite {
            var changed = false
            var mention: String? = nil
            let items = s.split(separator: ",", omittingEmptySubsequences: false).map { item -> String in
                let leading = item.prefix(while: { $0 == " " })
                let trailing = item.reversed().prefix(while: { $0 == " " })
                let name = item.dropFirst(leading.count).dropLast(trailing.count)
                switch namespaceName(String(name)) {
                case .rewritten(let new, _):
                    changed = true
                    return leading + new + String(trailing)
                case .mentioned(let message):
                    mention = mention ?? message
                    return String(item)
                case .unchanged:
                    return String(item)
                }
            }
            if changed { return .rewritten(items.joined(separator: ","), mention: mention) }
            return mention.map { .mentioned($0) } ?? .unchanged
        }

        /// Why a `prefix*`/`*suffix` namespace pattern that covers a moved namespace is not
        /// rewritten; nil for other text.
        private func patternMention(_ pattern: String) -> String? {
            guard pattern != "*", pattern.hasPrefix("*") || pattern.hasSuffix("*") else { return nil }
            let covered = rewriter.namespaces.keys.sorted().filter { ns in
                pattern.hasPrefix("*") ? ns.hasSuffix(pattern.dropFirst()) : ns.hasPrefix(pattern.dropLast())
            }
            guard !covered.isEmpty else { return nil }
            let moves = covered.map { "\($0) (moving to \(rewriter.namespaces[$0]!.to))" }.joined(separator: ", ")
            return "\"\(pattern)\" also matches \(moves); a pattern is not rewritten"
        }

        /// A regular expression is never rewritten; one that mentions a mapped name once its
        /// escapes are undone (`reviews\.team-000\.svc`) is reported.
        func regex(_ s: String) -> ReferenceRewrite {
            var text = ""
            var escaped = false
            for c in s.unicodeScalars {
                if escaped || c != "\\" {
                    if escaped, c.properties.isAlphabetic || ("0"..."9").contains(c) { text.unicodeScalars.append("\\") }
                    text.unicodeScalars.append(c)
                    escaped = false
                } else {
                    escaped = true
                }
            }
            let names = rewriter.scanner.mentionedNames(in: text)
            guard !names.isEmpty else { return .unchanged }
            return .mentioned("regular expression mentions \(names.joined(separator: ", ")); not rewritten")
        }

        /// `<td>/ns/<ns>/sa/<sa>`: the trust domain and the namespace follow their mappings; a
        /// namespace segment with `*` is a pattern, reported if it covers a moved namespace.
        /// Works on UTF-8 indices and builds a string only when something changes.
        mutating func principal(_ s: String) -> ReferenceRewrite {
            let u = s.utf8
            let slash = u.firstIndex(of: UInt8(ascii: "/")) ?? u.endIndex
            var trustDomain = Substring(u[..<slash])
            var namespace: Substring? = nil
            var rest = Substring(u[slash...])
            if rest.utf8.starts(with: "/ns/".utf8) {
                let nsStart = u.index(slash, offsetBy: 4)
                let nsEnd = u[nsStart...].firstIndex(of: UInt8(ascii: "/")) ?? u.endIndex
                namespace = Substring(u[nsStart..<nsEnd])
                rest = Substring(u[nsEnd...])
            }
            var changed = false
            var mention: String? = nil
            if let td = rewriter.trustDomain, trustDomain == td.from {
                trustDomain = Substring(td.to)
                count(td.entry)
                changed = true
            }
            if let ns = namespace {
                if let target = rewriter.namespaces[String(ns)] {
                    namespace = Substring(target.to)
                    count(target.entry)
                    changed = true
                } else if ns.contains("*") {
                    mention = patternMention(String(ns))
                }
            }
            guard changed else { return mention.map { .mentioned($0) } ?? .unchanged }
            return .rewritten(namespace.map { trustDomain + "/ns/" + $0 + rest } ?? String(trustDomain + rest), mention: mention)
        }

        /// `ns/account` follows its namespace; a bare `account` is relative and stays.
        mutating func serviceAccount(_ s: String) -> String? {
            guard let slash = s.firstIndex(of: "/"), let target = rewriter.namespaces[String(s[..<slash])] else { return nil }
            count(target.entry)
            return target.to + s[slash...]
        }

        mutating func trustDomainName(_ s: String) -> String? {
            guard let td = rewriter.trustDomain, s == td.from else { return nil }
            count(td.entry)
            return td.to
        }

        /// `outbound|9080|v1|reviews.a.svc.cluster.local` (or with `_.`): the host part is a host.
        mutating func envoyCluster(_ s: String) -> String? {
            for separator in ["|", "_."] {
                var parts = s.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 4 else { continue }
                guard let newHost = host(parts[3]) else { return nil }
                parts[3] = newHost
                return parts.joined(separator: separator)
            }
            return nil
        }

        /// `scheme://[user@]host[:port]/…`: the host (with its port) is a host.
        mutating func url(_ s: String) -> String? {
            guard let scheme = s.firstRange(of: "://") else { return nil }
            let start = scheme.upperBound
            let end = s[start...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? s.endIndex
            var authority = s[start..<end]
            var userinfo = Substring()
            if let at = authority.lastIndex(of: "@") {
                userinfo = authority[...at]
                authority = authority[authority.index(after: at)...]
            }
            guard !authority.hasPrefix("["), let newHost = host(String(authority)) else { return nil }
            return s[..<start] + userinfo + newHost + s[end...]
        }
    }
}
