import Testing
@testable import JournalDomain

/// Issue 19, items 6, 9 and 10: what a title or a text may be, at the door and (through EventRules) in imports.
@Suite struct TextRulesTests {
    @Test func aTitleIsLimitedInBytesAsWellAsCharacters() throws {
        // One character of 500 combining marks is 1,001 bytes: under 200 characters, over the 800 bytes.
        let flood = "e" + String(repeating: "\u{0301}", count: 500)
        #expect(flood.count == 1)
        #expect(throws: DomainError.self) { try Validate.title(flood, what: "goal title") }
        let fits = "e" + String(repeating: "\u{0301}", count: 399)
        #expect(try Validate.title(fits, what: "goal title") == fits)
        #expect(throws: DomainError.self) { try Validate.text(String(repeating: "\u{00e9}", count: 40_001), what: "reason") }
    }

    @Test(arguments: ["\u{200B}", "\u{FEFF}", "\u{2060}\u{200D}", "\u{0301}\u{0301}", " \u{200B} "])
    func textThatShowsNothingIsEmpty(_ text: String) {
        #expect(throws: DomainError.self) { try Validate.title(text, what: "goal title") }
        #expect(throws: DomainError.self) { try Validate.text(text, what: "reason") }
    }

    @Test(arguments: ["ab\u{202E}cd", "\u{2066}x\u{2069}", "x\u{202A}y"])
    func bidiOverridesAndIsolatesAreRefused(_ text: String) {
        #expect(throws: DomainError.self) { try Validate.title(text, what: "goal title") }
        #expect(throws: DomainError.self) { try Validate.text(text, what: "reason") }
    }

    @Test(arguments: ["Read\u{200B}txt", "\u{1F469}\u{200D}\u{1F4BB} pairing", "مرحبا\u{200F} world", "<img src=x>", "$(touch x)"])
    func visibleTextWithInvisibleOrOddCharactersInsideIsKept(_ text: String) throws {
        #expect(try Validate.title(text, what: "goal title") == text)
    }
}
