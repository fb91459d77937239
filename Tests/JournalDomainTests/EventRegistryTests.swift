import Foundation
@testable import JournalDomain
import JournalTestSupport
import Testing

/// The registry (one payload type per kind, each with its name, version and field table) and the generic table
/// reader it drives. FastDecodingTests holds every type's reader to JSONDecoder; these hold the tables to the types.
@Suite("The event registry")
struct EventRegistryTests {
    @Test func everyKindHasItsOwnNameAndItsPayloadTypeCarriesItBack() {
        let names = JournalEvent.Kind.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count, "\(names)")
        for kind in JournalEvent.Kind.allCases {
            #expect(JournalEvent.Kind(rawValue: kind.rawValue) == kind)
            #expect(kind.rawValue == kind.payloadType.kindName)
            #expect(blankEvent(of: kind.payloadType).kind == kind, "\(kind)")
            #expect(blankEvent(of: kind.payloadType).payload.event == blankEvent(of: kind.payloadType))
        }
        // The names as they were before the registry: stored rows keep them forever.
        #expect(names == ["direction-set", "goal-set", "milestone-planned", "milestone-done", "milestone-revised", "progress-measured",
                          "activity-logged", "goal-revised", "goal-completed", "goal-dropped", "review-recorded", "partner-named",
                          "event-retracted", "timer-started", "timer-stopped", "timer-cancelled"])
    }

    /// A stored property the table forgets would send every payload that has it to JSONDecoder; a key the type
    /// does not have would never be written. Either way the table and the Codable keys must be the same set.
    @Test func everyFieldTableListsExactlyItsTypesStoredKeys() {
        let tables: [(String, [String], [String])] = JournalEvent.Kind.allCases.map { tableAndProperties(of: $0.payloadType) } + [
            tableAndProperties(of: MilestoneWhen.self), tableAndProperties(of: TitleChange.self),
            tableAndProperties(of: ScheduleChange.self), tableAndProperties(of: FieldChange.self),
        ]
        for (type, keys, properties) in tables {
            #expect(keys.count == Set(keys).count, "\(type): \(keys)")
            #expect(Set(keys) == Set(properties), "\(type): table \(keys), properties \(properties)")
            #expect(!keys.isEmpty && keys.count <= 32, "\(type)")
            #expect(keys == keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }), "\(type): kept in the stored order")
        }
    }

    @Test func theHandWrittenActivityReaderAgreesWithItsTable() throws {
        var g = HostileEventGenerator(seed: 0xAC71_0001)
        var rng = SplitMix64(seed: 0xAC71_0002)
        let replacements = Array(#"{}[]":,nultrfe019.-"#.utf8)
        for i in 0..<3000 {
            guard case .activityLogged(let activity) = g.event(kindIndex: JournalEvent.Kind.allCases.firstIndex(of: .activityLogged) ?? 0).event
            else { continue }
            var bytes = Array(try JournalEvent.activityLogged(activity).payloadJSON().utf8)
            if i % 2 == 1, !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = replacements.randomElement(using: &rng) ?? 0x20
            }
            for version in 1...ActivityLogged.schemaVersion {
                let byHand = bytes.withUnsafeBufferPointer { ActivityLogged.fastEvent($0, schemaVersion: version) }
                let byTable = bytes.withUnsafeBufferPointer { buffer -> JournalEvent? in
                    var s = FastJSONScanner(buffer)
                    guard let value = ActivityLogged.read(&s, schemaVersion: version), s.atEnd else { return nil }
                    return .activityLogged(value)
                }
                #expect(byHand == byTable, "v\(version) \(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }

    // MARK: - The generic reader, on a type of its own

    /// Every kind of field the tables use, with a key added in version 2: what a new payload type gets for free.
    struct Probe: FastReadable, Codable, Equatable {
        var name: String
        var count: Int
        var note: String?
        var labels: [String]
        var when: MilestoneWhen?
        var blockers: [Blocker]

        enum CodingKeys: String, CodingKey { case name, count, note, labels, when, blockers }

        init(name: String, count: Int, note: String? = nil, labels: [String] = [], when: MilestoneWhen? = nil, blockers: [Blocker]) {
            self.name = name
            self.count = count
            self.note = note
            self.labels = labels
            self.when = when
            self.blockers = blockers
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            count = try c.decode(Int.self, forKey: .count)
            note = try c.decodeIfPresent(String.self, forKey: .note)
            labels = try c.decodeIfPresent([String].self, forKey: .labels) ?? []
            when = try c.decodeIfPresent(MilestoneWhen.self, forKey: .when)
            blockers = try c.decode([Blocker].self, forKey: .blockers)
        }

        static var blank: Self { Probe(name: "", count: 0, blockers: []) }
        static let fields = FieldTable<Self>([
            .required("name") { $0.name = $1 },
            .required("count") { $0.count = $1 },
            .optional("note") { $0.note = $1 },
            .defaulted("labels", since: 2) { $0.labels = $1 },
            .optional("when") { $0.when = $1 },
            .required("blockers") { $0.blockers = $1 },
        ])
    }

    static let probePayloads = [
        #"{"blockers":[],"count":1,"name":"a"}"#,
        #"{"name":"a","count":1,"blockers":["other"]}"#,
        #"{"blockers":["wrong-goal","lost-interest"],"count":-5,"labels":["x","y"],"name":"","note":"n","when":{"due":"2025-06-01"}}"#,
        #"{"blockers":[],"count":1,"labels":null,"name":"a","note":null,"when":null}"#,
        #"{"blockers":[],"count":1,"name":"a","when":{"quarter":"2025-Q3","weeks":[2,3]}}"#,
        #"{"blockers":[],"count":1}"#,
        #"{"blockers":[],"name":"a"}"#,
        #"{"count":1,"name":"a"}"#,
        #"{"blockers":null,"count":1,"name":"a"}"#,
        #"{"blockers":["nope"],"count":1,"name":"a"}"#,
        #"{"blockers":[],"count":1,"name":"a","name":"b"}"#,
        #"{"blockers":[],"count":1,"name":"a","extra":1}"#,
        #"{"blockers":[],"count":1.5,"name":"a"}"#,
        #"{"blockers":[],"count":1,"name":null}"#,
        #"{"blockers":[],"count":1,"name":"a","when":{"due":"2025-02-30"}}"#,
        #"{"blockers":[],"count":1,"name":"a","when":{"weeks":[1]}}"#,
        #"{"blockers":[],"count":1,"name":"a"} "#,
        #"{"blockers":[],"count":1,"name":"a"}x"#,
        #"{"blockers":[] ,"count":1,"name":"a"}"#,
        #"{}"#, #"[]"#, "", "null",
    ]

    @Test(arguments: probePayloads)
    func aTableReadsWhatJSONDecoderReadsOrGivesUp(_ payload: String) throws {
        let reference = try? JSONDecoder().decode(Probe.self, from: Data(payload.utf8))
        let fast = Array(payload.utf8).withUnsafeBufferPointer { bytes -> Probe? in
            var s = FastJSONScanner(bytes)
            guard let value = Probe.read(&s, schemaVersion: 2), s.atEnd else { return nil }
            return value
        }
        if let fast { #expect(fast == reference, "\(payload)") }
        // What our encoder writes (sorted keys, no whitespace) is always read by the table itself.
        if let reference, payload == String(decoding: try sortedEncoder.encode(reference), as: UTF8.self) {
            #expect(fast == reference, "not read by the table: \(payload)")
        }
    }

    @Test func aKeyFromALaterVersionIsUnknownToAnOlderPayload() {
        let payload = #"{"blockers":[],"count":1,"labels":["x"],"name":"a"}"#
        func read(_ version: Int) -> Probe? {
            Array(payload.utf8).withUnsafeBufferPointer { bytes in
                var s = FastJSONScanner(bytes)
                return Probe.read(&s, schemaVersion: version)
            }
        }
        #expect(read(2) == Probe(name: "a", count: 1, labels: ["x"], blockers: []))
        #expect(read(1) == nil, "left to JSONDecoder and version 1's shape")
    }

    @Test func kindNamesAreLookedUpByTheirExactBytes() {
        let table = KindNameTable(JournalEvent.Kind.allCases)
        for kind in JournalEvent.Kind.allCases {
            #expect(Array(kind.rawValue.utf8).withUnsafeBufferPointer { table.kind(named: $0) } == kind)
            var bytes = Array(kind.rawValue.utf8)
            for i in bytes.indices {
                let original = bytes[i]
                bytes[i] = original ^ 0x01
                #expect(bytes.withUnsafeBufferPointer { table.kind(named: $0) } == nil, "\(String(decoding: bytes, as: UTF8.self))")
                bytes[i] = original
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { table.kind(named: $0) } == nil)
        #expect(Array(String(repeating: "x", count: 300).utf8).withUnsafeBufferPointer { table.kind(named: $0) } == nil)
        // A table of only some kinds knows only those.
        let partial = KindNameTable([.goalSet, .goalDropped])
        #expect(Array("goal-dropped".utf8).withUnsafeBufferPointer { partial.kind(named: $0) } == .goalDropped)
        #expect(Array("goal-revised".utf8).withUnsafeBufferPointer { partial.kind(named: $0) } == nil)
    }
}

private let sortedEncoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
}()

private func blankEvent<P: EventPayload>(of type: P.Type) -> JournalEvent { P.blank.event }

/// The table's keys and the type's stored property names (its synthesized Codable keys), for one type.
private func tableAndProperties<T: FastReadable>(of type: T.Type) -> (String, [String], [String]) {
    let keys = T.fields.fields.map { field in field.key.withUTF8Buffer { String(decoding: $0, as: UTF8.self) } }
    let properties = Mirror(reflecting: T.blank).children.compactMap(\.label)
    return ("\(T.self)", keys, properties)
}
