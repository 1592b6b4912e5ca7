// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "meshdump",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "meshdump", targets: ["meshdump"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "MeshDumpCore", dependencies: ["CYAML"]),
        .target(name: "MeshDump", dependencies: ["MeshDumpCore"]),
        .executableTarget(
            name: "meshdump",
            dependencies: [
                "MeshDump",
                "MeshDumpCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MeshDumpCoreTests", dependencies: ["MeshDumpCore"]),
        .testTarget(name: "MeshDumpTests", dependencies: ["MeshDump", "MeshDumpCore"]),
        .testTarget(name: "meshdumpCLITests", dependencies: ["meshdump"]),
    ]
)
