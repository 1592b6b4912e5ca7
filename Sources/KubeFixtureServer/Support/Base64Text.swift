import Foundation

enum Base64Text {
    static func decode(_ text: String) -> [UInt8]? { Data(base64Encoded: text).map { [UInt8]($0) } }
    static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
