import MeshDumpCore

extension MessageType {
    /// MD0006: a field the CRD's schema does not have.
    public static let unknownField = MessageType(
        name: "UnknownField", code: "MD0006", severity: .error,
        description: "A field the CustomResourceDefinition's schema does not have: kubectl apply (strict field validation, its default) refuses the object.")
    /// MD0007: a value the CRD's schema refuses.
    public static let invalidFieldValue = MessageType(
        name: "InvalidFieldValue", code: "MD0007", severity: .error,
        description: "A value of the wrong type, outside its enum or range, or a required field missing: the API server refuses the object.")
    /// MD0008: an apiVersion the target (or the kind's CRD) does not serve.
    public static let unservedAPIVersion = MessageType(
        name: "UnservedAPIVersion", code: "MD0008", severity: .error,
        description: "The object's apiVersion is not one the target cluster serves (or its CustomResourceDefinition serves): the API server refuses the object.")
}

/// `meshdump.SchemaAnalyzer`: what the API server would refuse. With a target cluster, objects
/// whose apiVersion it does not serve (of any kind: discovery decides, so built-in kinds and
/// kinds without a CRD there are covered). Objects of kinds a CustomResourceDefinition defines,
/// checked against that CRD's `openAPIV3Schema` for their version as the API server checks them
/// (see `SchemaValidator`); the CRD's own served versions decide when there is no target. The
/// CRDs come from the sources (the target's, or CRD files among the sources) and from
/// `--crds FILE`, which wins for a kind both define; without a target or CRDs the analyzer is
/// skipped.
public struct SchemaAnalyzer: Analyzer {
    /// CRDs given with `--crds`.
    let crds: [Object]

    public init(crds: [Object] = []) {
        self.crds = crds
    }

    public var name: String { "meshdump.SchemaAnalyzer" }
    public var messages: [MessageType] { [.unknownField, .invalidFieldValue, .unservedAPIVersion] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        var catalog = CRDCatalog(snapshot.objects(.customResourceDefinition).map(\.object))
        for crd in crds { catalog.add(crd) }
        guard !catalog.isEmpty || snapshot.target != nil else {
            report.skip("no CustomResourceDefinition in the sources and no --crds")
            return
        }
        if let target = snapshot.target {
            for (kind, versions) in target.versions.sorted(by: { $0.key < $1.key }) {
                for object in snapshot.objects(kind) where !versions.contains(object.object.version) {
                    report.add(.unservedAPIVersion, object, field: FieldPath("apiVersion"), Self.unserved(object, versions, by: target.name))
                }
            }
        }
        for (group, kind) in catalog.kinds {
            let definition = catalog.definition(group: group, kind: kind)!
            let servedByTarget = snapshot.target?.versions[GroupKind(group: group, kind: kind)]
            for object in snapshot.objects(GroupKind(group: group, kind: kind)) {
                // The target's discovery has the last word on versions (and has reported them).
                if let servedByTarget, !servedByTarget.contains(object.object.version) { continue }
                check(object, definition, report, versionReported: servedByTarget != nil)
            }
        }
    }

    /// Why the target refuses an object's apiVersion, and what would fix it.
    private static func unserved(_ object: SnapshotObject, _ versions: [String], by target: String) -> String {
        let group = object.groupKind.group
        guard let preferred = versions.first else {
            return "\(target) does not serve \(object.groupKind.kind)\(group.isEmpty ? "" : " (\(group))") at any version: kubectl apply refuses the object. "
                + "Install its CustomResourceDefinition on the target first, or leave the object out."
        }
        let apiVersions = versions.map { group.isEmpty ? $0 : "\(group)/\($0)" }
        return "apiVersion \(object.object.apiVersion) is not served by \(target) (it serves \(object.groupKind.kind) at \(apiVersions.joined(separator: ", "))): kubectl apply refuses the object. "
            + "Change apiVersion to \(group.isEmpty ? preferred : "\(group)/\(preferred)")."
    }

    private func check(_ object: SnapshotObject, _ definition: CRDCatalog.Definition, _ report: FindingReport, versionReported: Bool) {
        let version = object.object.version
        guard let served = definition.versions[version], served.served else {
            if versionReported { return }
            let servedNames = definition.versionNames.filter { definition.versions[$0]?.served ?? false }
            report.add(.unservedAPIVersion, object, field: FieldPath("apiVersion"),
                       "apiVersion \(object.object.apiVersion) is not served by CustomResourceDefinition \(definition.crdName) (it serves \(servedNames.joined(separator: ", "))): the API server refuses the object. "
                           + "Change apiVersion to \(object.groupKind.group)/\(servedNames.first ?? "?").")
            return
        }
        guard let schema = served.schema else { return }
        for violation in SchemaValidator.violations(of: object.value, schema: schema) {
            switch violation.problem {
            case .unknownField:
                report.add(.unknownField, object, field: violation.path,
                           Self.sentence(violation.message) + ": \(object.object.apiVersion) \(object.groupKind.kind) has no such field, so kubectl apply (strict field validation, its default) refuses the object. Remove it or fix its spelling.")
            case .invalidValue:
                report.add(.invalidFieldValue, object, field: violation.path,
                           Self.sentence(violation.message) + ": the API server refuses the object.")
            }
        }
    }

    /// A violation's text as the start of a sentence.
    private static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
