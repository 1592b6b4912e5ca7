import MeshDumpCore

/// One destination of a VirtualService route or mirror, with the field it is at.
struct RouteDestination {
    enum Kind {
        /// `spec.{tcp,tls,http}[i].route[j].destination`
        case route
        /// `spec.http[i].mirror`
        case mirror
        /// `spec.http[i].mirrors[j].destination`
        case mirrors
    }

    var kind: Kind
    /// The destination mapping (`host`, `subset`, `port`).
    var destination: Value
    /// Where the destination mapping is.
    var field: FieldPath

    var host: String { destination["host"]?.stringValue ?? "" }
    var subset: String { destination["subset"]?.stringValue ?? "" }
    /// `port.number`, nil when the destination names no port.
    var port: Value? { destination["port"].flatMap { $0 == .null ? nil : $0 } }

    /// The route destinations of a VirtualService's spec: tcp, then tls, then http routes (the
    /// order istioctl reports them in).
    static func routes(of spec: Value) -> [RouteDestination] {
        var found: [RouteDestination] = []
        for section in ["tcp", "tls", "http"] {
            for (i, rule) in (spec[section]?.sequenceValue ?? []).enumerated() {
                for (j, route) in (rule["route"]?.sequenceValue ?? []).enumerated() {
                    let field = FieldPath("spec", section).index(i).key("route").index(j).key("destination")
                    found.append(RouteDestination(kind: .route, destination: route["destination"] ?? .null, field: field))
                }
            }
        }
        return found
    }

    /// The HTTP mirrors of a VirtualService's spec: each rule's `mirror`, then its `mirrors`.
    static func mirrors(of spec: Value) -> [RouteDestination] {
        var found: [RouteDestination] = []
        for (i, rule) in (spec["http"]?.sequenceValue ?? []).enumerated() {
            if let mirror = rule["mirror"], mirror != .null {
                found.append(RouteDestination(kind: .mirror, destination: mirror, field: FieldPath("spec", "http").index(i).key("mirror")))
            }
            for (j, mirror) in (rule["mirrors"]?.sequenceValue ?? []).enumerated() {
                let field = FieldPath("spec", "http").index(i).key("mirrors").index(j).key("destination")
                found.append(RouteDestination(kind: .mirrors, destination: mirror["destination"] ?? .null, field: field))
            }
        }
        return found
    }
}

extension SnapshotObject {
    /// A list of strings in the spec (`hosts`, `gateways`, `exportTo`); empty when absent.
    func specStrings(_ key: String) -> [String] {
        spec[key]?.sequenceValue?.compactMap(\.scalarText) ?? []
    }
}
