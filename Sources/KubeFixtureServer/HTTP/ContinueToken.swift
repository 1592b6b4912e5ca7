import Foundation
import MeshDumpCore

/// The API server's continue token: base64url JSON `{"v":"meta.k8s.io/v1","rv":N,"start":"KEY\u0000"}`
/// naming where the next page starts.
struct ContinueToken: Equatable {
    var resourceVersion: Int
    /// The next page starts at the first key not before this one.
    var start: [UInt8]

    /// The token that continues after `key`.
    init(after key: [UInt8], resourceVersion: Int) {
        self.resourceVersion = resourceVersion
        start = key + [0]
    }

    init?(decoding text: String) {
        var b64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard let data = Data(base64Encoded: b64),
              let document = try? YAMLReader(bytes: [UInt8](data), source: "continue").next(),
              document.value["v"]?.stringValue == "meta.k8s.io/v1",
              case .int(let rv)? = document.value["rv"], let resourceVersion = Int(rv),
              let start = document.value["start"]?.stringValue else { return nil }
        self.resourceVersion = resourceVersion
        self.start = Array(start.utf8)
    }

    var encoded: String {
        let json: Value = ["v": "meta.k8s.io/v1", "rv": .int(String(resourceVersion)), "start": .string(String(decoding: start, as: UTF8.self))]
        return Data(JSONText.bytes(json)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
