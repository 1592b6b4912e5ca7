#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Runs an exec plugin to completion off the concurrency pool, with standard input closed and
/// both outputs captured (posix_spawn and poll, so no Foundation is needed). Bounded: a plugin
/// that runs longer than its time limit, or prints more than its output limit, is killed and
/// reported; of its standard error only the end is kept.
enum ProcessRunner {
    struct Output: Sendable {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]
    }

    /// How long a plugin may run and how much it may print on standard output.
    struct Limits: Sendable {
        var time: Duration
        var outputBytes: Int
    }

    /// Standard error kept, from its end.
    static let standardErrorKept = 64 * 1024

    static func run(command: String, arguments: [String], environment: [String: String], limits: Limits) async throws(KubeError) -> Output {
        guard let executable = locate(command, path: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") else {
            throw KubeError.credentials("exec plugin \(command): executable not found")
        }
        let result: Result<Output, KubeError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: runBlocking(command, executable, arguments, environment, limits))
            }
        }
        return try result.get()
    }

    private static func runBlocking(_ command: String, _ executable: String, _ arguments: [String], _ environment: [String: String],
                                    _ limits: Limits) -> Result<Output, KubeError> {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            return .failure(KubeError.credentials("exec plugin \(command) could not be started: \(String(cString: strerror(errno)))"))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        defer {
            close(outPipe[0])
            close(errPipe[0])
        }
        guard spawned == 0 else {
            return .failure(KubeError.credentials("exec plugin \(command) could not be started: \(String(cString: strerror(spawned)))"))
        }
        let drained = drain(outPipe[0], errPipe[0], limits: limits)
        if drained.stop != nil { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        switch drained.stop {
        case .timedOut?:
            return .failure(KubeError.credentials("exec plugin \(command) did not finish within \(limits.time) and was stopped; run it yourself to see what it waits for (meshdump gives it no terminal)"))
        case .printedTooMuch?:
            return .failure(KubeError.credentials("exec plugin \(command) printed more than \(limits.outputBytes) bytes and was stopped; an ExecCredential is a few kilobytes"))
        case nil:
            // WIFEXITED / WEXITSTATUS, and 128 + signal for a killed plugin, as shells report it.
            let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            return .success(Output(status: exitStatus, standardOutput: drained.output, standardError: drained.errors))
        }
    }

    private enum Stop { case timedOut, printedTooMuch }

    /// Reads both pipes until both close, whichever has data first, or until a limit is reached.
    private static func drain(_ out: Int32, _ err: Int32, limits: Limits) -> (output: [UInt8], errors: [UInt8], stop: Stop?) {
        var collected: [[UInt8]] = [[], []]
        var fds = [pollfd(fd: out, events: Int16(POLLIN), revents: 0), pollfd(fd: err, events: Int16(POLLIN), revents: 0)]
        var open = 2
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = ContinuousClock.now + limits.time
        while open > 0 {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return (collected[0], collected[1], .timedOut) }
            let (seconds, attoseconds) = left.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            guard poll(&fds, nfds_t(fds.count), milliseconds) >= 0 || errno == EINTR else { break }
            for k in fds.indices where fds[k].fd >= 0 && fds[k].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[k].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    collected[k].append(contentsOf: buffer[..<n])
                    if k == 0, collected[0].count > limits.outputBytes { return (collected[0], collected[1], .printedTooMuch) }
                    if k == 1, collected[1].count > 2 * standardErrorKept { collected[1].removeFirst(collected[1].count - standardErrorKept) }
                } else if n == 0 || errno != EINTR {
                    fds[k].fd = -1
                    open -= 1
                }
            }
        }
        return (collected[0], collected[1], nil)
    }

    /// `command` itself when it holds a `/`, else the first executable of that name on PATH.
    static func locate(_ command: String, path: String) -> String? {
        if command.contains("/") { return access(command, X_OK) == 0 ? command : nil }
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(command)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
