#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import MeshDump
import Synchronization

/// SIGINT, SIGTERM and SIGHUP throw away the trees being written (and put back what was carried
/// over from the old tree) before the process ends with 128 + the signal's number, as the
/// signal itself would have ended it. While that happens, the rest of the program (which now
/// fails to write into the vanished staging folder) neither prints nor exits: the signal's exit
/// status wins.
enum SignalCleanup {
    /// Kept alive for the life of the process.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    private static let terminating = Atomic<Bool>(false)

    static func install() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                terminating.store(true, ordering: .sequentiallyConsistent)
                StagingRegistry.discardAll()
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Waits for the end when a signal is being handled; returns at once otherwise.
    static func waitIfTerminating() {
        while terminating.load(ordering: .sequentiallyConsistent) { pause() }
    }
}
