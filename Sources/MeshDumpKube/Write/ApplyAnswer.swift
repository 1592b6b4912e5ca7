import MeshDumpCore

/// The server's answer to a server-side apply, kept as it came and decoded only as far as the
/// caller asks: a create needs nothing of it, an update's outcome its resourceVersion, a dry
/// run's comparison with the live object all of it.
public struct ApplyAnswer: Sendable {
    /// 201 when the apply created the object, 200 when it existed.
    public let status: Int
    /// The server's warnings (unknown fields with `fieldValidation=Warn`, deprecated versions).
    public let warnings: [String]
    private let body: [UInt8]
    /// The request path, for messages and the object's origin.
    private let path: String
    private let context: String

    init(_ response: Response, context: String) {
        status = response.status
        warnings = response.warnings
        body = response.body
        path = String(response.path.prefix { $0 != "?" })
        self.context = context
    }

    /// The apply created the object.
    public var created: Bool { status == 201 }

    /// The object as the server answered: as stored, or as it would be after a dry run.
    public func object() throws(WriteError) -> Object {
        do {
            guard var object = try ObjectDecoder(InputBytes(body, source: path), tracksPositions: false).next() else {
                throw KubeError.malformedResponse("\(path): empty answer")
            }
            object.origin = .cluster(context: context, path: path)
            return object
        } catch let error as KubeError {
            throw .failed(error)
        } catch {
            throw .failed(.malformedResponse("\(path): \(error)"))
        }
    }

    /// The answer's `metadata.resourceVersion`, read without decoding the rest.
    public func resourceVersion() throws(WriteError) -> String? {
        do {
            return try JSONReader.value(at: ["metadata", "resourceVersion"], in: body, source: path)?.stringValue
        } catch {
            throw .failed(.malformedResponse("\(path): \(error)"))
        }
    }
}
