import ArgumentParser
import MeshDumpKube

/// `--request-timeout` and `--chunk-size`, as kubectl takes them, for every command that lists
/// from a cluster.
struct ClientRequestOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How long one request to the API server may take, its answer included: whole seconds, or 30s, 2m, 1h; 0 for no limit.",
                               valueName: "duration"))
    var requestTimeout = "60s"

    @Option(help: ArgumentHelp("Objects asked for per page of a list (kubectl's --chunk-size).", valueName: "n"))
    var chunkSize = ClientOptions().pageSize

    func validate() throws {
        _ = try clientOptions()
    }

    /// How the client talks to the API server, as these options ask.
    func clientOptions() throws -> ClientOptions {
        var options = ClientOptions()
        do {
            options.requestTimeout = try RequestTimeout.parse(requestTimeout)
        } catch {
            throw ValidationError(error.description)
        }
        guard chunkSize >= 1 else { throw ValidationError("--chunk-size must be at least 1 (meshdump always pages its lists)") }
        options.pageSize = chunkSize
        return options
    }
}
