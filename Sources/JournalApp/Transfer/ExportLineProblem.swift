import JournalDomain

/// Why a line of an export was refused, as data: the field, the column, the values the file holds, or the rule
/// that refused the event. The front end words it (the CLI's Support/ImportProblemWords.swift). Built only when a
/// line fails: the import's success path never makes one.
public enum ExportLineProblem: Error, Equatable, Sendable {
    // The line as JSON

    /// Something other than space after the line's object closes.
    case textAfterObject
    /// The byte that had to come next (a brace, a colon, a quote, a letter of true or false), at the line's column.
    case expectedByte(UInt8, column: Int)
    /// A value that is not a whole number of at most 19 bytes, from the line's column.
    case expectedWholeNumber(column: Int)
    case unclosedString
    case loneSurrogate
    case invalidUnicodeEscape
    case invalidEscape
    case controlCharacterInString
    case unclosedObjectOrArray

    // The line's fields

    /// A key the line gives twice, as the file spells it.
    case keyTwice(String)
    /// A key an export line does not have, as the file spells it.
    case unknownKey(String)
    /// A head line with other keys, or without its hash or count.
    case malformedHeadLine
    case notAString(ExportField)
    case notAWholeNumber(ExportField)
    case notAnObject(ExportField)
    case notAHash(ExportField)

    // The line among the others

    case lineAfterHead
    /// An event at `found` where the chain is at `expected`.
    case positionOutOfOrder(found: Int64, expected: Int64)
    /// An event whose previous hash is not the hash of the event before it.
    case brokenChain
    /// The head line's hash or count differs from the events before it (`events` of them).
    case headMismatch(events: Int)

    // The event

    /// The event's fields hash to something other than its hash.
    case hashMismatch
    /// The event's type, schema version or payload cannot be read.
    indirect case unreadableEvent(JournalEvent.DecodingFailure)
    /// occurredAt or recordedAt that is not an ISO-8601 time.
    case timesNotISO8601
    /// A value the commands would have refused, with the domain's refusal.
    indirect case refusedByRule(DomainError)
    /// The event breaks a rule of its stream, given what the journal and the file hold before it.
    indirect case streamConflict(StreamRules.Conflict)
    /// The journal holds an event with this id and other content.
    case eventIdConflict(eventId: String)
}

/// The fields of an exported event, by the keys an export writes.
public enum ExportField: String, Sendable {
    case position, eventId, streamId, streamVersion, type, schemaVersion, payload, metadata, occurredAt, recordedAt,
         previousHash, hash
}
