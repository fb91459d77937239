import JournalDomain

/// `--map NAME=GOAL` (or `NAME=GOAL/N`): records carrying the tag or project NAME are linked to that goal or
/// milestone. A record several maps match takes the first of them on the command line.
struct PeerMap: Equatable {
    let name: String
    let goal: String
    let milestone: Int?
    /// As typed, for refusals.
    let given: String

    /// Reads every --map, refusing (exit 64) one that is not NAME=GOAL and a NAME given twice.
    static func parse(_ raw: [String]) throws -> [PeerMap] {
        var maps: [PeerMap] = []
        for given in raw {
            guard let equals = given.lastIndex(of: "=") else {
                throw AppError.mapNotNameEqualsGoal(given: given)
            }
            let name = PeerLabels.bare(String(given[..<equals]).trimmingCharacters(in: .whitespaces))
            guard !name.isEmpty else {
                throw AppError.mapWithoutName(given: given)
            }
            let target: (goal: String, number: Int?)
            do {
                target = try Validate.goalOrMilestone(String(given[given.index(after: equals)...]).trimmingCharacters(in: .whitespaces))
            } catch {
                throw AppError.mapBadTarget(given: given, reason: error)
            }
            guard !maps.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw AppError.mapNameTwice(name: name)
            }
            maps.append(PeerMap(name: name, goal: target.goal, milestone: target.number, given: given))
        }
        return maps
    }

    /// Whether the record carries this map's name: as its project or one of its tags, the same ignoring case or
    /// once made tags ("Study session" is study-session); for a project also its subprojects (Taskwarrior's
    /// aws.study is in aws).
    func matches(_ record: PeerRecord) -> Bool {
        let lower = name.lowercased(), key = PeerLabels.tag(name)
        func same(_ label: String) -> Bool { label.lowercased() == lower || (key != nil && PeerLabels.tag(label) == key) }
        if let project = record.project, same(project) || project.lowercased().hasPrefix(lower + ".") { return true }
        return record.tags.contains(where: same)
    }

    /// The first map that matches, in command-line order.
    static func first(_ maps: [PeerMap], matching record: PeerRecord) -> PeerMap? {
        maps.first { $0.matches(record) }
    }
}
