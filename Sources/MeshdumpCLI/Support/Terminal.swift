#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and error, written unbuffered with write(2).
///
/// Every write to standard output is checked: one that fails (a full disk, a closed descriptor)
/// ends the run with exit 2 naming the output, so a truncated result is never reported as
/// success; a reader that went away (`| head`) ends it quietly, as SIGPIPE ends other tools.
/// Failures to write to standard error are ignored: there is nowhere left to report them.
struct Terminal {
    let fd: Int32

    static let standardOutput = Terminal(fd: 1)
    static let standardError = Terminal(fd: 2)

    /// Whether standard output was closed when meshdump started (`>&-`).
    nonisolated(unsafe) private static var outputWasClosed = false

    /// Opens /dev/null on any of descriptors 0–2 that is closed, before anything else opens a
    /// file: otherwise the first file opened would become "standard output" and receive it.
    /// A closed standard output is remembered, and writing to it fails as writing to a closed
    /// descriptor does.
    static func reserveStandardStreams() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            _ = open("/dev/null", O_RDWR)
            if fd == 1 { outputWasClosed = true }
        }
    }

    func write(_ text: String) {
        write(Array(text.utf8))
    }

    func write(_ bytes: [UInt8]) {
        if fd == 1 && Self.outputWasClosed { return failed(EBADF) }
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let n = Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if n < 0 {
                    if errno == EINTR { continue }
                    failed(errno)
                    return
                }
                offset += n
            }
        }
    }

    private func failed(_ code: Int32) {
        guard fd == 1 else { return }
        if code == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        fail("cannot write to standard output: \(String(cString: strerror(code)))", code: 2)
    }

    /// Whether this stream is a terminal.
    var isTTY: Bool { isatty(fd) == 1 }

    static func exit(_ code: Int32) -> Never {
        SignalCleanup.waitIfTerminating()
        #if canImport(Glibc)
        Glibc.exit(code)
        #else
        Darwin.exit(code)
        #endif
    }
}

/// Prints `meshdump: error: …` (`kubectl meshdump: error: …` as a kubectl plugin) and exits
/// with `code`.
func fail(_ message: String, code: Int32 = 1) -> Never {
    SignalCleanup.waitIfTerminating()
    Terminal.standardError.write("\(Invocation.commandName): error: \(message)\n")
    Terminal.exit(code)
}
