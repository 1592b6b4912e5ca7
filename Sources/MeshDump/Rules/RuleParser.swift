import MeshDumpCore

/// Reads one entry of `rules:` into a `Rule`, checking every field.
struct RuleParser {
    /// The rule's 0-based position among all rules, for its default name.
    var number: Int

    static let ruleKeys = ["name", "match", "setLabels", "removeLabels", "setAnnotations", "removeAnnotations", "drop", "patch"]
    static let matchKeys = ["kinds", "namespaces", "names", "labels", "where"]
    static let patchKeys: [String: [String]] = [
        "add": ["op", "path", "value"], "remove": ["op", "path"], "replace": ["op", "path", "value"],
        "move": ["op", "from", "path"], "copy": ["op", "from", "path"], "test": ["op", "path", "value"],
    ]

    func parse(_ node: RulesNode) throws(RulesFileError) -> Rule {
        var rule = Rule(name: "rules[\(number)]", origin: node.origin, match: ObjectMatch(), setLabels: [], removeLabels: [],
                        setAnnotations: [], removeAnnotations: [], drop: false, patch: nil)
        for (key, child) in try node.entries(allowed: Self.ruleKeys, what: "a rule (a mapping with match and what to do)") {
            switch key {
            case "name":
                let name = try child.string()
                guard !name.isEmpty else { throw child.error("must not be empty") }
                rule.name = name
            case "match": rule.match = try match(child)
            case "setLabels": rule.setLabels = try metadataMap(child, labels: true)
            case "setAnnotations": rule.setAnnotations = try metadataMap(child, labels: false)
            case "removeLabels": rule.removeLabels = try keys(child, what: "label keys")
            case "removeAnnotations": rule.removeAnnotations = try keys(child, what: "annotation keys")
            case "drop": rule.drop = try child.bool()
            case "patch": rule.patch = try patch(child)
            default: continue
            }
        }
        let edits = !rule.setLabels.isEmpty || !rule.removeLabels.isEmpty || !rule.setAnnotations.isEmpty
            || !rule.removeAnnotations.isEmpty || !(rule.patch?.operations.isEmpty ?? true)
        if rule.drop && edits {
            throw node.error("drops what it matches, so it cannot also edit it; split it into two rules")
        }
        if !rule.drop && !edits {
            throw node.error("does nothing: give it drop: true, setLabels, removeLabels, setAnnotations, removeAnnotations or patch")
        }
        return rule
    }

    private func match(_ node: RulesNode) throws(RulesFileError) -> ObjectMatch {
        var match = ObjectMatch()
        for (key, child) in try node.entries(allowed: Self.matchKeys, what: "a mapping of kinds, namespaces, names, labels, where") {
            switch key {
            case "kinds":
                var kinds: [Kind] = []
                for (name, item) in try child.strings(what: "kind names") {
                    guard let kind = KnownKinds.named(name) else {
                        let close = Suggestion.close(to: name, in: KnownKinds.all.map(\.kind) + KnownKinds.names)
                        throw item.error("unknown kind \"\(name)\"" + (close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?")
                                         + " (Istio, Gateway API and built-in Kubernetes kinds, by kind, resource or short name)")
                    }
                    kinds.append(kind)
                }
                match.kinds = kinds
            case "namespaces": match.namespaces = try globs(child, what: "namespace", isValid: KubernetesNames.isNamespace, charset: "abcdefghijklmnopqrstuvwxyz0123456789-")
            case "names": match.names = try globs(child, what: "name", isValid: KubernetesNames.isObjectName, charset: "abcdefghijklmnopqrstuvwxyz0123456789-.")
            case "labels": match.labels = try selector(child)
            case "where":
                for item in try child.items(what: "a list of {path: /json/pointer, equals: value}") {
                    _ = try item.entries(allowed: ["path", "equals"], what: "a mapping {path: /json/pointer, equals: value}")
                    guard let path = item.child("path") else { throw item.error("missing path") }
                    guard let equals = item.child("equals") else { throw item.error("missing equals") }
                    match.conditions.append(FieldCondition(path: try pointer(path), equals: equals.value))
                }
            default: continue
            }
        }
        return match
    }

    /// Globs that must be able to match a name (`Team-*` never matches a namespace).
    private func globs(_ node: RulesNode, what: String, isValid: (String) -> Bool, charset: String) throws(RulesFileError) -> [Glob] {
        var out: [Glob] = []
        for (text, item) in try node.strings(what: "\(what) globs") {
            let glob: Glob
            do {
                glob = try Glob(text)
            } catch {
                throw item.error(error.description)
            }
            if glob.isLiteral ? !isValid(text) : glob.literals.contains(where: { !charset.utf8.contains($0) }) {
                throw item.error("\"\(text)\" can never match a \(what): \(what)s are lowercase letters, digits and \(what == "name" ? "\"-\" or \".\"" : "\"-\"")")
            }
            out.append(glob)
        }
        return out
    }

    private func selector(_ node: RulesNode) throws(RulesFileError) -> LabelSelector {
        if case .mapping = node.value {
            var pairs: [(key: String, value: String)] = []
            for (key, value, entry) in try node.stringMap(what: "labels") {
                guard KubernetesNames.isLabelKey(key) else { throw entry.keyError("\"\(key)\" is not a label key") }
                guard KubernetesNames.isLabelValue(value) else { throw entry.error("\"\(value)\" is not a label value") }
                pairs.append((key, value))
            }
            return LabelSelector(equalities: pairs)
        }
        let text = try node.string(what: "a label selector (\"app=web,tier!=db\") or a mapping of labels")
        do {
            return try LabelSelector(parsing: text)
        } catch {
            throw node.error(error.description)
        }
    }

    private func metadataMap(_ node: RulesNode, labels: Bool) throws(RulesFileError) -> [(key: String, value: String)] {
        let what = labels ? "label" : "annotation"
        var out: [(key: String, value: String)] = []
        for (key, value) in try node.entries(what: "a mapping of \(what)s") {
            guard KubernetesNames.isLabelKey(key) else { throw value.keyError("\"\(key)\" is not a valid \(what) key") }
            guard case .string(let text) = value.value else {
                throw value.error("\(what) values are strings, not \(value.value.typeNameWithArticle)" + (value.value.isScalar ? "; quote it" : ""))
            }
            if labels, !KubernetesNames.isLabelValue(text) {
                throw value.error("\"\(text)\" is not a label value (at most 63 letters, digits, \"-\", \"_\", \".\", starting and ending alphanumeric)")
            }
            out.append((key, text))
        }
        return out
    }

    private func keys(_ node: RulesNode, what: String) throws(RulesFileError) -> [String] {
        var out: [String] = []
        for (key, item) in try node.strings(what: what) {
            guard KubernetesNames.isLabelKey(key) else { throw item.error("\"\(key)\" is not a valid key") }
            out.append(key)
        }
        return out
    }

    private func pointer(_ node: RulesNode) throws(RulesFileError) -> JSONPointer {
        let text = try node.string(what: "a JSON Pointer such as /spec/hosts/0")
        do {
            return try JSONPointer(parsing: text)
        } catch {
            throw node.error(error.description)
        }
    }

    /// A JSON Patch, checked member by member so each mistake has its own position.
    private func patch(_ node: RulesNode) throws(RulesFileError) -> JSONPatch {
        var operations: [JSONPatchOperation] = []
        for item in try node.items(what: "a list of JSON Patch operations") {
            guard case .mapping = item.value else { throw item.error("must be an operation {op, path, …}, not \(item.value.typeNameWithArticle)") }
            guard let opNode = item.child("op") else { throw item.error("missing op (one of \(JSONPatchOperation.names.joined(separator: ", ")))") }
            let op = try opNode.string()
            guard let allowed = Self.patchKeys[op] else {
                var message = "unknown op \"\(op)\"; expected one of \(JSONPatchOperation.names.joined(separator: ", "))"
                if let near = Suggestion.nearest(to: op, in: JSONPatchOperation.names) { message = "unknown op \"\(op)\"; did you mean \"\(near)\"?" }
                throw opNode.error(message)
            }
            _ = try item.entries(allowed: allowed, what: "an operation")
            for required in allowed where item.child(required) == nil {
                throw item.error("\(op) needs \(required)")
            }
            _ = try pointer(item.child("path")!)
            if let from = item.child("from") { _ = try pointer(from) }
            do {
                operations.append(try JSONPatchOperation(parsing: item.value))
            } catch {
                throw item.error(error.description)
            }
        }
        return JSONPatch(operations: operations)
    }
}
