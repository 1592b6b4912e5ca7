import MeshDumpCore

/// One problem a check found in one object.
public struct Finding: Sendable, Equatable {
    /// How bad a finding is, as istioctl's levels.
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case info, warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }
    }

    public var type: MessageType
    /// The analyzer's name, as istioctl prints it (`virtualservice.GatewayAnalyzer`).
    public var analyzer: String
    /// The object the finding is about.
    public var object: FindingObject
    /// The field the finding is about (`spec.http[1].route[0].destination.subset`), if one.
    public var field: FieldPath?
    /// Where the object came from.
    public var origin: Origin
    /// Where the finding points in the object's file: the field when it could be found, else
    /// the object's start; nil when the object did not come from a file or standard input.
    public var position: Mark?
    /// What is wrong and how to fix it.
    public var message: String

    public init(type: MessageType, analyzer: String, object: FindingObject, field: FieldPath?, origin: Origin, message: String) {
        self.type = type
        self.analyzer = analyzer
        self.object = object
        self.field = field
        self.origin = origin
        self.message = message
        switch origin {
        case .file(_, _, let mark), .stdin(_, let mark): position = mark
        case .cluster, .generated: position = nil
        }
    }

    public var code: String { type.code }
    public var name: String { type.name }
    public var severity: Severity { type.severity }

    /// The file the object came from (`<stdin>` for standard input), or nil.
    public var file: String? {
        switch origin {
        case .file(let path, _, _): path
        case .stdin: "<stdin>"
        case .cluster, .generated: nil
        }
    }
}

/// The object a finding is about: apiVersion, kind, and the namespace it lives in.
public struct FindingObject: Sendable, Hashable, CustomStringConvertible {
    public var apiVersion: String
    public var kind: String
    public var namespace: String
    public var name: String

    public init(apiVersion: String, kind: String, namespace: String, name: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    public init(_ object: SnapshotObject) {
        self.init(apiVersion: object.object.apiVersion, kind: object.groupKind.kind, namespace: object.namespace, name: object.name)
    }

    /// `Kind namespace/name`, as istioctl names resources (`Kind name` without a namespace).
    public var description: String { namespace.isEmpty ? "\(kind) \(name)" : "\(kind) \(namespace)/\(name)" }
}
