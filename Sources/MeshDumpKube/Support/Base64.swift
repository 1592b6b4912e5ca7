#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Standard base64 (with padding), as Go's `encoding/base64` reads kubeconfig `*-data` fields:
/// line breaks are ignored, anything else that is not base64 is an error.
enum Base64 {
    static func decode(_ text: String) -> [UInt8]? {
        let cleaned = text.filter { $0 != "\n" && $0 != "\r" }
        return Data(base64Encoded: cleaned).map { [UInt8]($0) }
    }

    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }
}
