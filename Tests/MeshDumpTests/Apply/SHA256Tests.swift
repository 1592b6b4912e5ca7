import Testing
@testable import MeshDump

/// The hand-written SHA-256 and base64url against published vectors.
struct SHA256Tests {
    func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// FIPS 180-4 examples (one block, two blocks) and the empty message.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func digests(message: String, expected: String) {
        #expect(hex(SHA256.digest(Array(message.utf8))) == expected)
    }

    @Test func aMillionAs() {
        #expect(hex(SHA256.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// RFC 4648 §10 vectors without padding, and the two URL-safe characters.
    @Test func base64URL() {
        let cases = ["": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy"]
        for (input, expected) in cases { #expect(Base64URL.encode(Array(input.utf8)) == expected) }
        #expect(Base64URL.encode([0xfb, 0xff, 0xbf]) == "-_-_")
    }
}
