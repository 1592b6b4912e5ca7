import Foundation
import PackagePlugin

/// Before every build, runs `scripts/build-commit.sh`, which writes `BuildCommit.swift` into the
/// target: `BuildCommit.id`, the git commit the package is built from, or "unknown" outside a
/// git checkout.
@main
struct GitCommitPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        return [.prebuildCommand(
            displayName: "Reading the git commit for \(target.name)",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [package.appending(path: "scripts/build-commit.sh").path, package.path, output.path],
            outputFilesDirectory: output)]
    }
}
