// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "meshdump",
    platforms: [.macOS(.v13)],
    products: [
        // The executable is `meshdump`; its target has another name, so that it and the
        // `MeshDump` module do not differ only in case (they would collide on macOS).
        .executable(name: "meshdump", targets: ["MeshdumpCLI"]),
        .executable(name: "fixture-apiserver", targets: ["fixture-apiserver"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", .upToNextMinor(from: "1.8.2")),
        .package(url: "https://github.com/swift-server/async-http-client", .upToNextMinor(from: "1.37.0")),
        .package(url: "https://github.com/apple/swift-nio", .upToNextMinor(from: "2.101.3")),
        .package(url: "https://github.com/apple/swift-nio-ssl", .upToNextMinor(from: "2.37.6")),
    ],
    targets: [
        // `BuildCommit.id` for `meshdump --version`: the git commit the package is built from.
        .plugin(name: "GitCommit", capability: .buildTool()),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "MeshDumpCore", dependencies: ["CYAML"]),
        .target(name: "MeshDump", dependencies: ["MeshDumpCore"]),
        .target(
            name: "MeshDumpKube",
            dependencies: [
                "MeshDumpCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            // Callbacks run on the caller's actor: `list` and `with` take non-Sendable closures.
            swiftSettings: [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]
        ),
        // Files, standard input and clusters as one ObjectSource: the only target that knows
        // both the pipeline (MeshDump) and the Kubernetes client.
        .target(name: "MeshDumpSources", dependencies: ["MeshDump", "MeshDumpCore", "MeshDumpKube"]),
        .target(
            name: "KubeFixtureServer",
            dependencies: [
                "MeshDumpCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .executableTarget(
            name: "MeshdumpCLI",
            dependencies: [
                "MeshDump",
                "MeshDumpCore",
                "MeshDumpKube",
                "MeshDumpSources",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["GitCommit"]
        ),
        .executableTarget(
            name: "fixture-apiserver",
            dependencies: [
                "KubeFixtureServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "kube-list-bench", dependencies: ["MeshDumpKube", "MeshDumpCore"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .target(name: "KubeTestSupport", dependencies: ["KubeFixtureServer", "MeshDumpKube", "MeshDumpCore"], path: "Tests/KubeTestSupport"),
        .testTarget(name: "MeshDumpCoreTests", dependencies: ["MeshDumpCore", "TestSupport"]),
        .testTarget(name: "MeshDumpTests", dependencies: ["MeshDump", "MeshDumpCore", "TestSupport"]),
        .testTarget(name: "MeshDumpKubeTests", dependencies: ["MeshDumpKube", "KubeFixtureServer", "KubeTestSupport", "MeshDumpCore", "TestSupport"]),
        .testTarget(name: "MeshDumpSourcesTests",
                    dependencies: ["MeshDumpSources", "MeshDump", "MeshDumpKube", "KubeFixtureServer", "KubeTestSupport", "MeshDumpCore"]),
        .testTarget(name: "KubeFixtureServerTests", dependencies: ["KubeFixtureServer", "MeshDumpCore", "TestSupport"]),
        .testTarget(name: "MeshdumpCLITests", dependencies: ["MeshdumpCLI", "fixture-apiserver", "TestSupport"]),
    ]
)
