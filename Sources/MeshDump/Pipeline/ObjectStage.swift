import MeshDumpCore

/// A step objects pass through: one object in, the object (changed or not) or nil (dropped) out.
///
/// Every command is a pipeline, as in kustomize's kio: a source produces objects, stages
/// transform them one at a time, a sink writes them. Stages are pure: no I/O, and problems they
/// can recover from go to a `DiagnosticSink`. `finish()` runs once after the last object, for
/// what a stage can only say at the end (rules that matched nothing).
public protocol ObjectStage: Sendable {
    func apply(_ object: Object) throws -> Object?
    func finish()
}

extension ObjectStage {
    public func finish() {}
}

/// Stages run in order; an object dropped by one stage is not seen by the next.
public struct StageChain: ObjectStage {
    public var stages: [any ObjectStage]

    public init(_ stages: [any ObjectStage]) {
        self.stages = stages
    }

    public func apply(_ object: Object) throws -> Object? {
        var current = object
        for stage in stages {
            guard let next = try stage.apply(current) else { return nil }
            current = next
        }
        return current
    }

    public func finish() {
        for stage in stages { stage.finish() }
    }
}
