#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser

/// `--color`: whether output is coloured.
enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// On for `always`; for `auto`, when the stream is a terminal, `TERM` is not `dumb` and
    /// `NO_COLOR` is not set.
    func isOn(for terminal: Terminal) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if getenv("NO_COLOR").map({ $0.pointee != 0 }) ?? false { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return terminal.isTTY
        }
    }
}
