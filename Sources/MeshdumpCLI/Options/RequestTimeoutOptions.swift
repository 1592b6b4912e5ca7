import ArgumentParser
import MeshDumpKube

/// `--request-timeout`, as kubectl takes it, for every command that talks to a cluster.
struct RequestTimeoutOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How long one request to the API server may take, its answer included: whole seconds, or 30s, 2m, 1h; 0 for no limit.",
                               valueName: "duration"))
    var requestTimeout = "60s"

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
        return options
    }
}
