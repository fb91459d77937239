// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "journal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "journal", targets: ["journal"]),
        // Developers' tool: writes a realistic synthetic journal through the real store (see Tools/gen-smoke.sh).
        .executable(name: "journal-gen", targets: ["journal-gen"]),
        // The sync helper, installed beside `journal` (docs/sync.md).
        .executable(name: "journal-remote", targets: ["journal-remote"]),
        // For Tools/Benchmarks, a separate package that measures the fast paths against their references
        // (docs/fast-paths.md): a package sees another's products only.
        .library(name: "JournalDomain", targets: ["JournalDomain"]),
        .library(name: "JournalStore", targets: ["JournalStore"]),
        .library(name: "Projections", targets: ["Projections"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // Only for the sync helper `journal-remote` (docs/sync.md): never linked into `journal`, whose start-up
        // would pay for NIO's and a second BoringSSL's protocol conformances.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The system SQLite (Debian: libsqlite3-dev), linked directly; see Sources/JournalStore/SQLite.swift.
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Events, commands and pure decisions: no SQLite, no clock, no printing.
        .target(name: "JournalDomain", path: "Sources/JournalDomain"),
        // The hash chain's encoding (SHA-256 over the canonical fields), the sync protocol and remote URLs, shared by the
        // local store and the sync helper, which must not link SQLite (and journal must not link NIO).
        .target(
            name: "JournalChain",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/JournalChain"
        ),
        // The append-only, hash-chained event log: the only place with SQL.
        .target(
            name: "JournalStore",
            dependencies: [
                "CSQLite",
                "JournalChain",
                "JournalDomain",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/JournalStore"
        ),
        // Read models: pure folds over events.
        .target(name: "Projections", dependencies: ["JournalDomain"], path: "Projections"),
        // The words the CLI shows for the domain's and the store's errors: sentences, flag names, the commands
        // that fix them.
        .target(name: "JournalWords", dependencies: ["JournalDomain", "JournalStore"], path: "Sources/JournalWords"),
        // The application core: carries out commands, undo, plans and reviews, loads the read models of each
        // report, exports and imports, on a store (generic over the ports), with "now" and the values given; no
        // ArgumentParser, no standard output, no environment reads.
        .target(name: "JournalApp", dependencies: ["JournalDomain", "JournalStore", "Projections"], path: "Sources/JournalApp"),
        // The presentations: pure functions from read models to text, markdown, HTML, SVG and JSON, for any front
        // end; no ArgumentParser, no printing, no environment, terminal or clock reads (colour comes in as a Palette).
        .target(name: "JournalViews", dependencies: ["JournalDomain", "Projections"], path: "Sources/JournalViews"),
        // The command line: parse, call domain and store, render.
        .target(
            name: "JournalCLI",
            dependencies: [
                "JournalApp",
                "JournalDomain",
                "JournalStore",
                "JournalViews",
                "JournalWords",
                "Projections",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/JournalCLI"
        ),
        // glibc's mallopt, for the executable's allocator tuning (see Sources/journal/main.swift).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .executableTarget(name: "journal", dependencies: ["JournalCLI", "CMalloc"], path: "Sources/journal"),
        // The sync helper's server side: the shared log on PostgreSQL (schema, push, pull), through postgres-nio.
        .target(
            name: "JournalRemote",
            dependencies: ["JournalChain", .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Sources/JournalRemote"
        ),
        // `journal-remote URL JOURNAL`: JSON lines on stdin/stdout, run by `journal sync` (as git runs git-remote-*).
        .executableTarget(name: "journal-remote", dependencies: ["JournalRemote", "JournalChain", .product(name: "PostgresNIO", package: "postgres-nio")], path: "Sources/journal-remote"),
        .executableTarget(name: "journal-gen", dependencies: ["JournalDomain", "JournalStore", "JournalWords"], path: "Tools/JournalGen"),
        // What the test targets share: the seeded random source, the event generators, the hand-built log and
        // temporary folders. A regular target, so that every test target can depend on it.
        .target(name: "JournalTestSupport", dependencies: ["JournalDomain"], path: "Tests/Support"),
        .testTarget(name: "JournalDomainTests", dependencies: ["JournalDomain", "JournalTestSupport"]),
        .testTarget(name: "JournalStoreTests", dependencies: ["JournalStore", "JournalDomain", "JournalTestSupport", "CSQLite"]),
        .testTarget(name: "ProjectionsTests", dependencies: ["Projections", "JournalDomain", "JournalTestSupport"]),
        .testTarget(name: "JournalViewsTests", dependencies: ["JournalViews", "JournalDomain", "JournalTestSupport"]),
        // The application's behaviour, in-process on the in-memory store (and a check that SQLite gives the same).
        .testTarget(name: "JournalAppTests", dependencies: ["JournalApp", "JournalStore", "JournalDomain", "JournalTestSupport", "Projections"]),
        .testTarget(name: "JournalCLITests", dependencies: ["JournalApp", "JournalCLI", "JournalStore", "JournalTestSupport", "JournalViews", "JournalWords", "journal"], exclude: ["Golden", "PeerFixtures"]),
        // Against a real PostgreSQL server: run under Tools/pg/with-server.sh (bash Tools/test.sh does), fails without one.
        .testTarget(name: "JournalRemoteTests", dependencies: [
            "JournalRemote", "JournalChain", "JournalTestSupport", "journal", "journal-remote",
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
