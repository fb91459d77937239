import Foundation
@testable import JournalDomain
import Testing

/// activity-logged gained `tags` in schema version 2; version 1 rows are read through ActivityLoggedV1.
@Suite("Schema versions and the activity upcaster")
struct UpcastingTests {
    /// What the reference path reads a version 1 activity as: its own shape, upcast.
    func referenceV1(_ payload: String) throws -> ActivityLogged {
        try JSONDecoder().decode(ActivityLoggedV1.self, from: Data(payload.utf8)).upcast
    }

    func decode(_ payload: String, version: Int) throws -> JournalEvent {
        let viaString = Result { try JournalEvent(type: "activity-logged", schemaVersion: version, payload: payload) }
        // The byte-reading initializer (the log's replay) must agree with the String one, value for value.
        var bytes = Array(payload.utf8)
        let viaBytes = Result {
            try bytes.withUnsafeMutableBufferPointer { payloadBuffer in
                try Array("activity-logged".utf8).withUnsafeBufferPointer { type in
                    try JournalEvent(typeUTF8: type, schemaVersion: version, payloadUTF8: UnsafeBufferPointer(payloadBuffer))
                }
            }
        }
        switch (viaString, viaBytes) {
        case (.success(let a), .success(let b)): #expect(a == b, "\(payload)")
        case (.failure, .failure): break
        default: Issue.record("the two readers disagree on \(payload): \(viaString) against \(viaBytes)")
        }
        return try viaString.get()
    }

    @Test func versionOneActivitiesReadWithNoTags() throws {
        let payloads = [
            #"{"goal":"aws","milestone":1,"minutes":45,"text":"Edited a draft"}"#,
            #"{"minutes":40,"text":"Read a paper on streaming joins"}"#,
            #"{"text":"Löpning: 5 km \"easy\" — café ☕"}"#,
            #"{"goal":null,"milestone":null,"minutes":null,"text":"nulls"}"#,
            #"{ "text" : "spaced" , "minutes" : 5 }"#,   // not our encoder's form: the reference path reads it
        ]
        for payload in payloads {
            let event = try decode(payload, version: 1)
            #expect(event == .activityLogged(try referenceV1(payload)), "\(payload)")
            guard case .activityLogged(let activity) = event else { Issue.record("not an activity"); continue }
            #expect(activity.tags == [])
        }
    }

    @Test func aTagsKeyInAVersionOneRowIsNotVersionOnesAndIsLeftOut() throws {
        // Version 1 never wrote tags; read as version 1 (as JSONDecoder reads any unknown key), they are not there.
        let event = try decode(#"{"tags":["x"],"text":"t"}"#, version: 1)
        #expect(event == .activityLogged(ActivityLogged(text: "t")))
    }

    @Test func versionTwoCarriesTags() throws {
        #expect(try decode(#"{"minutes":5,"tags":["deep-work","writing"],"text":"t"}"#, version: 2)
                == .activityLogged(ActivityLogged(text: "t", minutes: 5, tags: ["deep-work", "writing"])))
        #expect(try decode(#"{"text":"t"}"#, version: 2) == .activityLogged(ActivityLogged(text: "t")))
        #expect(try decode(#"{"tags":null,"text":"t"}"#, version: 2) == .activityLogged(ActivityLogged(text: "t")))
        #expect(try decode(#"{"tags":[],"text":"t"}"#, version: 2) == .activityLogged(ActivityLogged(text: "t")))
        #expect(throws: JournalEvent.DecodingFailure.self) { try decode(#"{"tags":[1],"text":"t"}"#, version: 2) }
        #expect(throws: JournalEvent.DecodingFailure.self) { try decode(#"{"tags":"x","text":"t"}"#, version: 2) }
    }

    @Test func newEventsAreWrittenAtTheirKindsVersionAndUntaggedOnesKeepVersionOnesBytes() throws {
        #expect(JournalEvent.Kind.activityLogged.schemaVersion == 2)
        for kind in JournalEvent.Kind.allCases where kind != .activityLogged { #expect(kind.schemaVersion == 1, "\(kind)") }
        let untagged = JournalEvent.activityLogged(ActivityLogged(text: "Edited a draft", goal: "aws", milestone: 1, minutes: 45))
        #expect(untagged.schemaVersion == 2)
        #expect(try untagged.payloadJSON() == #"{"goal":"aws","milestone":1,"minutes":45,"text":"Edited a draft"}"#)
        let tagged = JournalEvent.activityLogged(ActivityLogged(text: "t", tags: ["b", "a"]))
        #expect(try tagged.payloadJSON() == #"{"tags":["b","a"],"text":"t"}"#, "tags keep their order")
        #expect(try JournalEvent(type: "activity-logged", schemaVersion: 2, payload: try tagged.payloadJSON()) == tagged)
    }

    @Test func aVersionNewerThanTheKindsIsRefusedNamingTheFix() throws {
        for (type, version, payload) in [("activity-logged", 3, #"{"text":"t"}"#), ("goal-set", 2, #"{"key":"a","quarter":"2025-Q2","title":"t"}"#),
                                         ("activity-logged", 0, #"{"text":"t"}"#)] {
            do {
                _ = try JournalEvent(type: type, schemaVersion: version, payload: payload)
                Issue.record("\(type) version \(version) was read")
            } catch let failure {
                #expect(failure.type == type)
                if version > 0 { #expect(failure.reason.contains("newer than this journal knows") && failure.reason.contains("upgrade")) }
            }
        }
    }

    @Test func tagsAreKeysWithoutTheirSigilEachOnce() throws {
        #expect(try Validate.tags(["@work", "+deep-work", "#work", "reading"]) == ["work", "deep-work", "reading"])
        #expect(throws: DomainError.self) { try Validate.tags(["Work"]) }
        #expect(throws: DomainError.self) { try Validate.tags(["two words"]) }
        #expect(throws: DomainError.self) { try Validate.tags(["#"]) }
        #expect(throws: DomainError.self) { try Validate.tags((1...11).map { "t\($0)" }) }
        #expect(try Validate.tags((1...10).map { "t\($0)" }).count == 10)
    }
}
