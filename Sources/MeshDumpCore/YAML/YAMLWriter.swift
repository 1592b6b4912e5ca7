import CYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes values as YAML byte-identical to `kubectl get -o yaml`, through libyaml's emitter.
///
/// kubectl prints YAML with go-yaml v2, whose emitter is a port of libyaml's; what differs is
/// decided here the way go-yaml v2 decides it: keys in `KubectlKeyOrder`, a string with a line
/// break as a literal block, a string that would read back as something else (`"yes"`, `"1.0"`,
/// `"2024-01-01"`) double-quoted, everything else plain, leaving libyaml to fall back to quotes
/// where plain is impossible (`'a: b'`). Lines fold at 80 columns, as kubectl's do. Numbers are
/// written as their text.
///
/// Where kubectl's YAML would not read back as the same object, meaning wins over bytes: a `<<`
/// key is quoted (plain it is a merge key), NEL, LS and PS stay characters rather than becoming
/// line breaks, and a string that starts with a byte order mark is escaped normally.
public enum YAMLWriter {
    /// Appends one document (no `---`, ending in a newline) to `output`.
    public static func write(_ value: Value, to output: inout [UInt8]) throws(YAMLWriteError) {
        let emitter = Emitter()
        try emitter.emitDocument(value)
        var bytes = emitter.sink.bytes
        // libyaml 0.2.5 ends a document whose last scalar keeps trailing line breaks (`|+`) with
        // a `...` marker; go-yaml v2, and so kubectl, does not. In a document whose root is a
        // collection, a `...` line at the very end can only be that marker.
        if bytes.count > 4, bytes.suffix(5).elementsEqual("\n...\n".utf8) {
            bytes.removeLast(4)
        }
        output.append(contentsOf: bytes)
    }

    /// One document as a string.
    public static func string(_ value: Value) throws(YAMLWriteError) -> String {
        var bytes: [UInt8] = []
        try write(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Several documents separated by `---` lines, none before the first.
    public static func write(documents: some Sequence<Value>, to output: inout [UInt8]) throws(YAMLWriteError) {
        var first = true
        for value in documents {
            if !first { output.append(contentsOf: "---\n".utf8) }
            first = false
            try write(value, to: &output)
        }
    }
}

/// libyaml refused an event; names what it said.
public struct YAMLWriteError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "cannot write YAML: \(message)" }
}

/// Collects what the emitter writes.
private final class ByteSink {
    var bytes: [UInt8] = []
}

/// One libyaml emitter, used for one document.
private final class Emitter {
    let emitter: UnsafeMutablePointer<yaml_emitter_t>
    let sink = ByteSink()

    init() {
        emitter = .allocate(capacity: 1)
        yaml_emitter_initialize(emitter)
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, 80)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_output(emitter, { data, buffer, size in
            let sink = Unmanaged<ByteSink>.fromOpaque(data!).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(sink).toOpaque())
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    func emitDocument(_ value: Value) throws(YAMLWriteError) {
        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&event)
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try emit(&event)
        try emitValue(value)
        yaml_document_end_event_initialize(&event, 1)
        try emit(&event)
        yaml_stream_end_event_initialize(&event)
        try emit(&event)
        guard yaml_emitter_flush(emitter) == 1 else { throw problem() }
    }

    private func emit(_ event: inout yaml_event_t) throws(YAMLWriteError) {
        guard yaml_emitter_emit(emitter, &event) == 1 else { throw problem() }
    }

    private func problem() -> YAMLWriteError {
        YAMLWriteError(message: emitter.pointee.problem.map { String(cString: $0) } ?? "emitter error")
    }

    private func emitValue(_ value: Value) throws(YAMLWriteError) {
        var event = yaml_event_t()
        switch value {
        case .null: try scalar("null", style: YAML_PLAIN_SCALAR_STYLE)
        case .bool(let b): try scalar(b ? "true" : "false", style: YAML_PLAIN_SCALAR_STYLE)
        case .int(let t), .float(let t): try scalar(t, style: YAML_PLAIN_SCALAR_STYLE)
        case .string(let s): try scalar(s, style: nil)
        case .sequence(let items):
            yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE)
            try emit(&event)
            for item in items { try emitValue(item) }
            yaml_sequence_end_event_initialize(&event)
            try emit(&event)
        case .mapping(let map):
            yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE)
            try emit(&event)
            for (key, item) in KubectlKeyOrder.sorted(map) {
                // A plain `<<` key would read back as a merge key; kubectl writes it plain anyway.
                try scalar(key, style: key == "<<" ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : nil)
                try emitValue(item)
            }
            yaml_mapping_end_event_initialize(&event)
            try emit(&event)
        }
    }

    /// Emits a scalar; a nil style means a string's style, chosen as go-yaml v2 chooses it.
    private func scalar(_ text: String, style: yaml_scalar_style_t?) throws(YAMLWriteError) {
        var event = yaml_event_t()
        var text = text
        let ok = text.withUTF8 { bytes in
            let pointer = bytes.baseAddress ?? StaticString("").utf8Start
            return yaml_scalar_event_initialize(&event, nil, nil, UnsafeMutablePointer(mutating: pointer),
                                                Int32(bytes.count), 1, 1, style ?? Self.style(of: bytes))
        }
        guard ok == 1 else { throw YAMLWriteError(message: "cannot build a scalar event") }
        try emit(&event)
    }

    /// go-yaml v2's choice for a string: literal when it has a line break, plain when it reads
    /// back as the same string, else double-quoted.
    static func style(of bytes: UnsafeBufferPointer<UInt8>) -> yaml_scalar_style_t {
        if let base = bytes.baseAddress, memchr(base, 0x0A, bytes.count) != nil { return YAML_LITERAL_SCALAR_STYLE }
        return PlainScalar.isPlainString(bytes: bytes) ? YAML_PLAIN_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE
    }
}
