#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and error, written unbuffered with write(2).
struct Terminal {
    let fd: Int32

    static let standardOutput = Terminal(fd: 1)
    static let standardError = Terminal(fd: 2)

    func write(_ text: String) {
        write(Array(text.utf8))
    }

    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }

    /// Whether this stream is a terminal.
    var isTTY: Bool { isatty(fd) == 1 }

    static func exit(_ code: Int32) -> Never {
        Glibc.exit(code)
    }
}

/// Prints `meshdump: error: …` and exits with `code`.
func fail(_ message: String, code: Int32 = 1) -> Never {
    Terminal.standardError.write("meshdump: error: \(message)\n")
    Terminal.exit(code)
}
