// swift-tools-version:6.1
import PackageDescription

import Foundation

// Micro-benchmarks of journal's fast paths against their simple references (docs/fast-paths.md). A package of its
// own, so that the main package neither depends on package-benchmark nor builds it.
//
// JOURNAL_PACKAGE_PATH points at another checkout of journal (a scratch copy with one fast path switched off,
// say), so that the same benchmarks measure both builds; by default, the checkout this folder is in.
let journalPath = ProcessInfo.processInfo.environment["JOURNAL_PACKAGE_PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "../.."
// SwiftPM names a package found by path after its folder, which is whatever the clone was called.
let journalIdentity = URL(fileURLWithPath: journalPath, relativeTo: URL(fileURLWithPath: Context.packageDirectory + "/"))
    .standardizedFileURL.lastPathComponent

let package = Package(
    name: "JournalBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: journalPath),
        // Only the malloc interposer: the runtime interposer's package is not one this project's machines carry.
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "FastPaths",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "JournalDomain", package: journalIdentity),
                .product(name: "JournalStore", package: journalIdentity),
                .product(name: "Projections", package: journalIdentity),
            ],
            path: "Benchmarks/FastPaths",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
