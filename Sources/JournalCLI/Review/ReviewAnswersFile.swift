import JournalApp
import JournalDomain

/// A review's answers read from a `--from` file: the five answers and the blockers, nothing else.
extension ReviewAnswers: Decodable {
    public init(from decoder: Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: AnswerKey.self)
        try c.onlyKeys(Self.fileKeys)
        planned = try c.text("planned")
        accomplished = try c.text("accomplished")
        obstacles = try c.text("obstacles")
        learned = try c.text("learned")
        next = try c.text("next")
        let key = AnswerKey("blockers")
        if c.contains(key), try !c.decodeNil(forKey: key) {
            let names: [String]
            if let list = try? c.decode([String].self, forKey: key) { names = list } else { names = [try c.decode(String.self, forKey: key)] }
            blockers = try names.map { name throws(DomainError) in try Validate.blocker(name, option: "blockers") }
        }
    }
}
