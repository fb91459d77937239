@testable import JournalApp
@testable import JournalDomain
import Testing
@testable import JournalCLI

/// The line the CLI prints for each reason an import refuses a file, for a sample of its values: the sentences
/// users saw when the import parsers still built them (issue 14, item 5), so moving the words changed no byte.
@Suite("The words of each import refusal")
struct ImportProblemWordsTests {
    static let file = "/tmp/export.jsonl"
    static let afterTime = Instant(date: LocalDate(iso: "9999-12-31") ?? LocalDate(dayNumber: 0), hour: 12)

    static func line(_ problem: ExportLineProblem) -> String {
        CLIError.from(AppError.exportLine(path: file, line: 7, problem: problem)).message
    }

    static func unreadable() -> JournalEvent.DecodingFailure {
        do {
            _ = try JournalEvent(type: "goal-exploded", schemaVersion: 1, payload: "{}")
            return JournalEvent.DecodingFailure(type: "goal-exploded", reason: "read, which it should not be")
        } catch {
            return error
        }
    }

    static let exportSamples: [(ExportLineProblem, String)] = [
        (.textAfterObject, "text after the object"),
        (.expectedByte(UInt8(ascii: ":"), column: 12), "expected ':' at column 12"),
        (.expectedWholeNumber(column: 14), "expected a whole number at column 14"),
        (.unclosedString, "a string is not closed"),
        (.loneSurrogate, "a lone surrogate in a string"),
        (.invalidUnicodeEscape, "an invalid \\u escape"),
        (.invalidEscape, "an invalid escape in a string"),
        (.controlCharacterInString, "a control character in a string"),
        (.unclosedObjectOrArray, "an object or array is not closed"),
        (.keyTwice("position"), "the key position appears twice"),
        (.unknownKey("colour"), "unknown key colour"),
        (.unknownKey("events"), "unknown key events"),
        (.malformedHeadLine, "a head line has exactly \"head\" (a 64-digit hex hash) and \"events\" (a count)"),
        (.notAString(.eventId), "eventId must be a string"),
        (.notAWholeNumber(.streamVersion), "streamVersion must be a whole number"),
        (.notAnObject(.payload), "payload must be a JSON object"),
        (.notAHash(.previousHash), "previousHash must be 64 hex digits"),
        (.lineAfterHead, "there is a line after the head line; the file was altered or joined"),
        (.positionOutOfOrder(found: 9, expected: 8), "position 9 where 8 was expected; events are missing or out of order"),
        (.brokenChain, "the event does not chain to the one before it; events were removed, inserted or reordered"),
        (.headMismatch(events: 41), "the head line does not match the events before it (41 events); the file was altered"),
        (.hashMismatch, "the event's content does not match its hash; it was altered"),
        (.unreadableEvent(unreadable()), "cannot read a 'goal-exploded' event: unknown event type"),
        (.timesNotISO8601, "occurredAt and recordedAt must be ISO-8601 times"),
        (.refusedByRule(.eventTimeOutOfRange(field: .occurredAt, instant: afterTime)),
         "occurredAt 9999-12-31T12:00:00.000Z is outside the times the journal holds (1900-01-02T00:00:00.000Z to 9999-12-30T23:59:59.999Z); the journal's commands would not have recorded this event"),
        (.streamConflict(StreamRules.Conflict(eventId: "e2", position: 2, reason: "it belongs to goal aws, which is not set before it")),
         "it belongs to goal aws, which is not set before it"),
        (.eventIdConflict(eventId: "e5"), "event e5 is already in this journal with different content"),
    ]

    /// Which case a reason is. No `default`: a new case does not compile until it is listed here, and
    /// `everyCaseHasASample` then fails until it has a sample above.
    static func caseNumber(_ problem: ExportLineProblem) -> Int {
        switch problem {
        case .textAfterObject: 0
        case .expectedByte: 1
        case .expectedWholeNumber: 2
        case .unclosedString: 3
        case .loneSurrogate: 4
        case .invalidUnicodeEscape: 5
        case .invalidEscape: 6
        case .controlCharacterInString: 7
        case .unclosedObjectOrArray: 8
        case .keyTwice: 9
        case .unknownKey: 10
        case .malformedHeadLine: 11
        case .notAString: 12
        case .notAWholeNumber: 13
        case .notAnObject: 14
        case .notAHash: 15
        case .lineAfterHead: 16
        case .positionOutOfOrder: 17
        case .brokenChain: 18
        case .headMismatch: 19
        case .hashMismatch: 20
        case .unreadableEvent: 21
        case .timesNotISO8601: 22
        case .refusedByRule: 23
        case .streamConflict: 24
        case .eventIdConflict: 25
        }
    }
    static let exportCaseCount = 26

    static func syntax(_ problem: PeerJSONSyntaxProblem) -> PeerRecordProblem {
        .notJSON(PeerJSONSyntaxError(line: 3, column: 7, problem: problem))
    }

    /// With the file, the record and the tool they name.
    static let peerSamples: [(String?, PeerTool, PeerRecordProblem, String)] = [
        (nil, .taskwarrior, syntax(.expectedCommaOrBracket),
         "t.json is not JSON (line 3, column 7: expected ',' or ']'); give the output of task export (nothing was imported)"),
        (nil, .taskwarrior, .notAnExport,
         "t.json is not a Taskwarrior export (a JSON array of tasks); give the output of task export (nothing was imported)"),
        (nil, .timewarrior, .notAnExport,
         "t.json is not a Timewarrior export (a JSON array of intervals); give the output of timew export (nothing was imported)"),
        (nil, .jrnl, .notAnExport,
         "t.json is not a jrnl export (a JSON array of entries); give the output of jrnl --format json (nothing was imported)"),
        (nil, .watson, .notAnExport,
         "t.json is not a Watson export (a JSON array of frames); give the output of watson log --all --json (nothing was imported)"),
        (nil, .jrnl, .notAJrnlExport,
         "t.json is not a jrnl export (a JSON object with \"entries\"); give the output of jrnl --format json (nothing was imported)"),
        ("record 1", .watson, .notAnObject,
         "t.json record 1: is not a JSON object; give the output of watson log --all --json (nothing was imported)"),
        ("record 2 (frame abc)", .watson, .missingField("project"),
         "t.json record 2 (frame abc): it has no \"project\"; give the output of watson log --all --json (nothing was imported)"),
        ("entry 1 (2025-04-01 10:00)", .jrnl, .notAString(field: "title"),
         "t.json entry 1 (2025-04-01 10:00): \"title\" is not a string; give the output of jrnl --format json (nothing was imported)"),
        ("record 1 (interval from 2025-04-01T07:00:00Z)", .timewarrior, .notAListOfStrings(field: "tags"),
         "t.json record 1 (interval from 2025-04-01T07:00:00Z): \"tags\" is not a list of strings; give the output of timew export (nothing was imported)"),
        ("record 4 (task u1)", .taskwarrior, .listHoldsOtherThanStrings(field: "tags"),
         "t.json record 4 (task u1): \"tags\" holds something other than strings; give the output of task export (nothing was imported)"),
        ("record 1 (task u1)", .taskwarrior, .notATime(field: "entry", given: "2025-04-01\n", format: .compactUTC),
         "t.json record 1 (task u1): \"entry\" '2025-04-01\\n' is not a date and time like 20250401T090000Z; give the output of task export (nothing was imported)"),
        ("record 1 (frame abc)", .watson, .notATime(field: "stop", given: "later", format: .isoWithOffset),
         "t.json record 1 (frame abc): \"stop\" 'later' is not a date and time like 2025-04-01T09:00:00+02:00; give the output of watson log --all --json (nothing was imported)"),
        ("entry 2 (2025-04-01 25:00)", .jrnl, .jrnlDateAndTimeUnreadable,
         "t.json entry 2 (2025-04-01 25:00): its date and time are not like 2025-04-01 and 09:30; give the output of jrnl --format json (nothing was imported)"),
        ("record 1 (interval from 2025-04-01T07:00:00Z)", .timewarrior, .endsBeforeStart,
         "t.json record 1 (interval from 2025-04-01T07:00:00Z): it ends before it starts; give the output of timew export (nothing was imported)"),
        ("record 1 (frame abc)", .watson, .stopsBeforeStart,
         "t.json record 1 (frame abc): it stops before it starts; give the output of watson log --all --json (nothing was imported)"),
        ("record 5 (task u1)", .taskwarrior, .repeatsRecord(first: "record 2 (task u1)"),
         "t.json record 5 (task u1): it is the same record as record 2 (task u1) (the file repeats it); give the output of task export (nothing was imported)"),
    ]

    static func caseNumber(_ problem: PeerRecordProblem) -> Int {
        switch problem {
        case .notJSON: 0
        case .notAnExport: 1
        case .notAJrnlExport: 2
        case .notAnObject: 3
        case .missingField: 4
        case .notAString: 5
        case .notAListOfStrings: 6
        case .listHoldsOtherThanStrings: 7
        case .notATime: 8
        case .jrnlDateAndTimeUnreadable: 9
        case .endsBeforeStart: 10
        case .stopsBeforeStart: 11
        case .repeatsRecord: 12
        }
    }
    static let peerCaseCount = 13

    static let syntaxSamples: [(PeerJSONSyntaxProblem, String)] = [
        (.textAfterValue, "unexpected text after the JSON value"),
        (.endsWhereValueExpected, "the text ends where a value was expected"),
        (.expectedValue, "expected a value"),
        (.expectedLiteral("true"), "expected true"),
        (.expectedFieldName, "expected a field name in quotes"),
        (.expectedColonAfterFieldName, "expected ':' after a field name"),
        (.expectedCommaOrBrace, "expected ',' or '}'"),
        (.expectedCommaOrBracket, "expected ',' or ']'"),
        (.tooDeep(limit: 256), "nested more than 256 levels deep"),
        (.expectedDigits, "expected digits"),
        (.expectedFractionDigits, "expected digits after '.'"),
        (.expectedExponentDigits, "expected the exponent's digits"),
        (.notANumber, "not a number"),
        (.notUTF8, "the text is not UTF-8"),
        (.unclosedString, "a string is not closed"),
        (.controlCharacterInString, "a control character inside a string"),
        (.halfCharacterEscape, "a \\u escape is half a character"),
        (.unknownEscape, "an unknown escape in a string"),
        (.expectedHexDigits, "expected four hex digits after \\u"),
    ]

    static func caseNumber(_ problem: PeerJSONSyntaxProblem) -> Int {
        switch problem {
        case .textAfterValue: 0
        case .endsWhereValueExpected: 1
        case .expectedValue: 2
        case .expectedLiteral: 3
        case .expectedFieldName: 4
        case .expectedColonAfterFieldName: 5
        case .expectedCommaOrBrace: 6
        case .expectedCommaOrBracket: 7
        case .tooDeep: 8
        case .expectedDigits: 9
        case .expectedFractionDigits: 10
        case .expectedExponentDigits: 11
        case .notANumber: 12
        case .notUTF8: 13
        case .unclosedString: 14
        case .controlCharacterInString: 15
        case .halfCharacterEscape: 16
        case .unknownEscape: 17
        case .expectedHexDigits: 18
        }
    }
    static let syntaxCaseCount = 19

    @Test func everyCaseHasASample() {
        let export = Set(Self.exportSamples.map { Self.caseNumber($0.0) })
        #expect(export == Set(0..<Self.exportCaseCount), "export cases without a sample: \(Set(0..<Self.exportCaseCount).subtracting(export).sorted())")
        let peer = Set(Self.peerSamples.map { Self.caseNumber($0.2) })
        #expect(peer == Set(0..<Self.peerCaseCount), "peer cases without a sample: \(Set(0..<Self.peerCaseCount).subtracting(peer).sorted())")
        let syntax = Set(Self.syntaxSamples.map { Self.caseNumber($0.0) })
        #expect(syntax == Set(0..<Self.syntaxCaseCount), "JSON cases without a sample: \(Set(0..<Self.syntaxCaseCount).subtracting(syntax).sorted())")
    }

    @Test func eachExportLineRefusalReadsAsItDidWhenTheParserBuiltIt() {
        for (problem, reason) in Self.exportSamples {
            #expect(Self.line(problem) == "/tmp/export.jsonl line 7: \(reason) (nothing was imported)", "\(problem)")
            #expect(CLIError.from(AppError.exportLine(path: Self.file, line: 7, problem: problem)).status == .data, "\(problem)")
        }
    }

    @Test func eachPeerRefusalReadsAsItDidWhenTheReaderBuiltIt() {
        for (record, tool, problem, line) in Self.peerSamples {
            let error = AppError.peerRecord(file: "t.json", record: record, tool: tool, problem: problem)
            #expect(CLIError.from(error).message == line, "\(problem)")
            #expect(CLIError.from(error).status == .data, "\(problem)")
        }
    }

    @Test func eachJSONSyntaxProblemReadsAsItDidWhenTheParserBuiltIt() {
        for (problem, words) in Self.syntaxSamples {
            #expect(PeerJSONSyntaxError(line: 3, column: 7, problem: problem).description == "line 3, column 7: \(words)", "\(problem)")
        }
    }
}
