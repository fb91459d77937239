import JournalApp
import JournalDomain
import JournalWords

/// Why a line of an export was refused, in the CLI's words (the line and "nothing was imported" are the
/// caller's).
extension ExportLineProblem {
    public var message: String {
        switch self {
        case .textAfterObject: return "text after the object"
        case .expectedByte(let byte, let column): return "expected '\(Character(Unicode.Scalar(byte)))' at column \(column)"
        case .expectedWholeNumber(let column): return "expected a whole number at column \(column)"
        case .unclosedString: return "a string is not closed"
        case .loneSurrogate: return "a lone surrogate in a string"
        case .invalidUnicodeEscape: return "an invalid \\u escape"
        case .invalidEscape: return "an invalid escape in a string"
        case .controlCharacterInString: return "a control character in a string"
        case .unclosedObjectOrArray: return "an object or array is not closed"
        case .keyTwice(let key): return "the key \(key) appears twice"
        case .unknownKey(let key): return "unknown key \(key)"
        case .malformedHeadLine: return "a head line has exactly \"head\" (a 64-digit hex hash) and \"events\" (a count)"
        case .notAString(let field): return "\(field.rawValue) must be a string"
        case .notAWholeNumber(let field): return "\(field.rawValue) must be a whole number"
        case .notAnObject(let field): return "\(field.rawValue) must be a JSON object"
        case .notAHash(let field): return "\(field.rawValue) must be 64 hex digits"
        case .lineAfterHead: return "there is a line after the head line; the file was altered or joined"
        case .positionOutOfOrder(let found, let expected):
            return "position \(found) where \(expected) was expected; events are missing or out of order"
        case .brokenChain: return "the event does not chain to the one before it; events were removed, inserted or reordered"
        case .headMismatch(let events): return "the head line does not match the events before it (\(events) events); the file was altered"
        case .hashMismatch: return "the event's content does not match its hash; it was altered"
        case .unreadableEvent(let failure): return failure.description
        case .timesNotISO8601: return "occurredAt and recordedAt must be ISO-8601 times"
        case .refusedByRule(let error): return "\(error.message); the journal's commands would not have recorded this event"
        case .streamConflict(let conflict): return conflict.reason
        case .eventIdConflict(let eventId): return "event \(eventId) is already in this journal with different content"
        }
    }
}

/// Why another tool's export or record was refused, in the CLI's words (the file, the record and the command
/// that writes the right file are the caller's).
extension PeerRecordProblem {
    public func message(_ tool: PeerTool) -> String {
        switch self {
        case .notJSON(let error): return "is not JSON (\(error.description))"
        case .notAnExport: return "is not a \(tool.displayName) export (a JSON array of \(tool.recordsName))"
        case .notAJrnlExport: return "is not a jrnl export (a JSON object with \"entries\")"
        case .notAnObject: return "is not a JSON object"
        case .missingField(let field): return "it has no \"\(field)\""
        case .notAString(let field): return "\"\(field)\" is not a string"
        case .notAListOfStrings(let field): return "\"\(field)\" is not a list of strings"
        case .listHoldsOtherThanStrings(let field): return "\"\(field)\" holds something other than strings"
        case .notATime(let field, let given, let format):
            return "\"\(field)\" '\(DateInput.printable(given))' is not a date and time like \(format.example)"
        case .jrnlDateAndTimeUnreadable: return "its date and time are not like 2025-04-01 and 09:30"
        case .endsBeforeStart: return "it ends before it starts"
        case .stopsBeforeStart: return "it stops before it starts"
        case .repeatsRecord(let first): return "it is the same record as \(first) (the file repeats it)"
        }
    }
}

/// Where text is not JSON: "line 3, column 7: expected ',' or ']'".
extension PeerJSONSyntaxError {
    public var description: String { "line \(line), column \(column): \(problem.message)" }
}

extension PeerJSONSyntaxProblem {
    public var message: String {
        switch self {
        case .textAfterValue: return "unexpected text after the JSON value"
        case .endsWhereValueExpected: return "the text ends where a value was expected"
        case .expectedValue: return "expected a value"
        case .expectedLiteral(let word): return "expected \(word)"
        case .expectedFieldName: return "expected a field name in quotes"
        case .expectedColonAfterFieldName: return "expected ':' after a field name"
        case .expectedCommaOrBrace: return "expected ',' or '}'"
        case .expectedCommaOrBracket: return "expected ',' or ']'"
        case .tooDeep(let limit): return "nested more than \(limit) levels deep"
        case .expectedDigits: return "expected digits"
        case .expectedFractionDigits: return "expected digits after '.'"
        case .expectedExponentDigits: return "expected the exponent's digits"
        case .notANumber: return "not a number"
        case .notUTF8: return "the text is not UTF-8"
        case .unclosedString: return "a string is not closed"
        case .controlCharacterInString: return "a control character inside a string"
        case .halfCharacterEscape: return "a \\u escape is half a character"
        case .unknownEscape: return "an unknown escape in a string"
        case .expectedHexDigits: return "expected four hex digits after \\u"
        }
    }
}

/// The tools by the names their users know them, and the command that writes the file each importer reads:
/// named in every refusal, as the fix.
extension PeerTool {
    public var displayName: String {
        switch self {
        case .taskwarrior: return "Taskwarrior"
        case .timewarrior: return "Timewarrior"
        case .jrnl: return "jrnl"
        case .watson: return "Watson"
        }
    }

    public var exportCommand: String {
        switch self {
        case .taskwarrior: return "task export"
        case .timewarrior: return "timew export"
        case .jrnl: return "jrnl --format json"
        case .watson: return "watson log --all --json"
        }
    }

    /// What the tool's export is an array of.
    var recordsName: String {
        switch self {
        case .taskwarrior: return "tasks"
        case .timewarrior: return "intervals"
        case .jrnl: return "entries"
        case .watson: return "frames"
        }
    }
}

extension PeerTimeFormat {
    /// A moment in the format, as the refusal shows it.
    var example: String {
        switch self {
        case .compactUTC: return "20250401T090000Z"
        case .isoWithOffset: return "2025-04-01T09:00:00+02:00"
        }
    }
}
