/// The one payload read by hand rather than by its field table: activities are nearly every event, and the table's
/// generic loop costs them about a fifth more instructions (a closure per field, one more copy of the payload on the
/// way out). Its table stays the definition; a test holds this reader to it and both to JSONDecoder.
extension ActivityLogged {
    static func fastEvent(_ bytes: UnsafeBufferPointer<UInt8>, schemaVersion: Int) -> JournalEvent? {
        var s = FastJSONScanner(bytes)
        guard let activity = readByHand(&s, tags: schemaVersion != 1), s.atEnd else { return nil }
        return .activityLogged(activity)
    }

    /// `tags: false` for schema version 1, which had none (a "tags" key there is not version 1's, so JSONDecoder
    /// reads it through ActivityLoggedV1, as Upcasting.swift says).
    @inline(__always)
    static func readByHand(_ s: inout FastJSONScanner, tags allowsTags: Bool) -> ActivityLogged? {
        var seen: UInt32 = 0
        var text: String?, goal: String?, milestone: Int?, minutes: Int?, tags: [String]?, amends: String?
        let ok = s.object { s, key in
            if s.key(key, is: "text") {
                guard once(&seen, 0), let v = s.string() else { return false }
                text = v
            } else if s.key(key, is: "goal") {
                guard once(&seen, 1), let v = s.nullable({ $0.string() }) else { return false }
                goal = v
            } else if s.key(key, is: "minutes") {
                guard once(&seen, 2), let v = s.nullable({ $0.int() }) else { return false }
                minutes = v
            } else if s.key(key, is: "milestone") {
                guard once(&seen, 3), let v = s.nullable({ $0.int() }) else { return false }
                milestone = v
            } else if allowsTags, s.key(key, is: "tags") {
                guard once(&seen, 4), let v = s.nullable({ $0.array { $0.string() } }) else { return false }
                tags = v
            } else if allowsTags, s.key(key, is: "amends") {
                guard once(&seen, 5), let v = s.nullable({ $0.string() }) else { return false }
                amends = v
            } else {
                return false
            }
            return true
        }
        guard ok, let text else { return nil }
        return ActivityLogged(text: text, goal: goal, milestone: milestone, minutes: minutes, tags: tags ?? [], amends: amends)
    }

    /// Marks field `bit` as read; false if it was read before (a repeated key is left to JSONDecoder).
    @inline(__always)
    private static func once(_ seen: inout UInt32, _ bit: UInt32) -> Bool {
        let mask: UInt32 = 1 << bit
        guard seen & mask == 0 else { return false }
        seen |= mask
        return true
    }
}
