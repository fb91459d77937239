import Foundation

/// Old payload shapes, read as they were written and turned into today's. Stored rows are never rewritten (the
/// hash chain covers their bytes): a row keeps its schema version forever, and every read of an old row goes
/// through its version's shape and the upcast below. A new version of a type adds a shape here, never edits one.

/// activity-logged, schema version 1 (until tags were added in version 2).
struct ActivityLoggedV1: Decodable {
    var text: String
    var goal: String?
    var milestone: Int?
    var minutes: Int?

    /// Version 1 knew no tags: an old activity has none.
    var upcast: ActivityLogged {
        ActivityLogged(text: text, goal: goal, milestone: milestone, minutes: minutes, tags: [])
    }
}

extension ActivityLogged {
    static func referenceDecode(_ data: Data, schemaVersion: Int, with decoder: JSONDecoder) throws -> Self {
        schemaVersion == 1 ? try decoder.decode(ActivityLoggedV1.self, from: data).upcast : try decoder.decode(Self.self, from: data)
    }
}
