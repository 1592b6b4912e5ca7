import MeshDump
import MeshDumpCore
import MeshDumpKube

extension ApplyContext {
    /// `--create-namespaces`, the one change made before the dry run (the objects in a namespace
    /// cannot be dry-run before it exists): each missing namespace the source declares is
    /// applied from its Namespace object, first of all; the others are created bare. False, the
    /// failures reported, when one could not be made.
    func createNamespaces(_ missing: Set<String>, kinds: TargetKinds) async throws -> Bool {
        let isDeclaration = { (entry: ApplyEntry) in Self.isNamespace(entry.id) && missing.contains(entry.id.name) && entry.outcome == nil }
        var declared = Set<String>()
        ledger.forEach { _, entry in if isDeclaration(entry) { declared.insert(entry.id.name) } }
        let options = applyOptions(dryRun: false)
        try await forEachObject("creating namespaces", where: isDeclaration) { index, line in
            let entry = ledger[index]
            guard let kind = kinds[entry.id] else { return }
            do {
                _ = try await apply(entry, line: line, as: kind, options: options)
                ledger.update(index) { $0.outcome = .created }
                ledger.namespaceCreated(entry.id.name)
            } catch {
                fail(index, "cannot create the namespace: \(ApplyMessages.describe(error))")
            }
        }
        var created = true
        for name in missing.subtracting(declared).sorted() {
            do {
                if try await client.createNamespace(name, fieldManager: settings.fieldManager) { ledger.namespaceCreated(name) }
            } catch {
                diagnostics.report(Diagnostic(.error, "\(contextName): cannot create namespace \(name): \(ApplyMessages.describe(error))"))
                created = false
            }
        }
        var failed = false
        ledger.forEach { _, entry in
            if Self.isNamespace(entry.id), declared.contains(entry.id.name), entry.outcome == .failed { failed = true }
        }
        return created && !failed
    }

    /// `--dry-run --create-namespaces`: the objects in namespaces that do not exist yet cannot be
    /// dry-run; they are planned as created, unchecked, with a warning per namespace. Returns
    /// them as the plan shows them: added.
    func planUncheckedNamespaces(_ missing: Set<String>) -> [ObjectDiff] {
        var counts: [String: Int] = [:]
        var added: [ObjectDiff] = []
        ledger.updateAll { entry in
            guard missing.contains(entry.id.namespace), entry.outcome == nil else { return }
            entry.planned = .created
            entry.message = "not checked by the dry run: namespace \(entry.id.namespace) does not exist yet"
            counts[entry.id.namespace, default: 0] += 1
            added.append(ObjectDiff(id: entry.id, status: .added, old: nil, new: nil))
        }
        for (namespace, count) in counts.sorted(by: { $0.key < $1.key }) {
            diagnostics.report(Diagnostic(.warning, "namespace \(namespace) does not exist yet: \(counted(count, "object")) in it not checked by the dry run"))
        }
        return added
    }

    static func isNamespace(_ id: ObjectID) -> Bool {
        id.group.isEmpty && id.kind == "Namespace"
    }
}
