/// The fields of one protobuf message, read without a schema: field number, wire type and the
/// varint or bytes it holds (fixed-width fields are skipped).
struct ProtobufFields: Sequence, IteratorProtocol {
    enum Payload {
        case varint(UInt64)
        case bytes(ArraySlice<UInt8>)
    }

    private var rest: ArraySlice<UInt8>
    /// Whether the message ended inside a field.
    private(set) var malformed = false

    init(_ bytes: ArraySlice<UInt8>) {
        rest = bytes
    }

    mutating func next() -> (number: Int, payload: Payload)? {
        guard !rest.isEmpty, let key = varint() else { return nil }
        let number = Int(key >> 3)
        switch key & 7 {
        case 0:
            guard let value = varint() else { return fail() }
            return (number, .varint(value))
        case 2:
            guard let length = varint(), length <= UInt64(rest.count) else { return fail() }
            let bytes = rest.prefix(Int(length))
            rest = rest.dropFirst(Int(length))
            return (number, .bytes(bytes))
        case 1, 5:
            let width = key & 7 == 1 ? 8 : 4
            guard rest.count >= width else { return fail() }
            rest = rest.dropFirst(width)
            return next()
        default:
            return fail()
        }
    }

    private mutating func fail() -> (number: Int, payload: Payload)? {
        malformed = true
        rest = []
        return nil
    }

    private mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            guard let byte = rest.first else { return nil }
            rest = rest.dropFirst()
            value |= UInt64(byte & 0x7f) << UInt64(shift)
            if byte & 0x80 == 0 { return value }
        }
        return nil
    }
}

extension ProtobufFields.Payload {
    var text: String? {
        if case .bytes(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    var message: ProtobufFields? {
        if case .bytes(let bytes) = self { return ProtobufFields(bytes) }
        return nil
    }
}
