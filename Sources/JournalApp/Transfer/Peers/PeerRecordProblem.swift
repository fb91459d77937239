import JournalDomain

/// Why another tool's export, or one of its records, was refused, as data: the field and the value the file
/// holds. The front end words it, with the tool's command that writes the file it reads.
public enum PeerRecordProblem: Error, Equatable, Sendable {
    /// The file is not JSON, and where.
    case notJSON(PeerJSONSyntaxError)
    /// The file's JSON is not the array of records the tool exports.
    case notAnExport
    /// A jrnl file that is not an object with "entries".
    case notAJrnlExport
    /// A record that is not a JSON object.
    case notAnObject
    case missingField(String)
    case notAString(field: String)
    case notAListOfStrings(field: String)
    case listHoldsOtherThanStrings(field: String)
    /// A time field whose text (as given) is not in the tool's format.
    case notATime(field: String, given: String, format: PeerTimeFormat)
    /// A jrnl entry whose date and time fields are not a day and a time of day.
    case jrnlDateAndTimeUnreadable
    /// A Timewarrior interval that ends before it starts.
    case endsBeforeStart
    /// A Watson frame that stops before it starts.
    case stopsBeforeStart
    /// The record is the same as an earlier one, named `first`.
    case repeatsRecord(first: String)
}

/// Where text the peer importers read is not JSON: the line and column (in characters) of the problem.
public struct PeerJSONSyntaxError: Error, Equatable, Sendable {
    public let line: Int
    public let column: Int
    public let problem: PeerJSONSyntaxProblem
}

/// What is wrong where text is not JSON.
public enum PeerJSONSyntaxProblem: Equatable, Sendable {
    case textAfterValue
    case endsWhereValueExpected
    case expectedValue
    /// The literal (true, false or null) a letter began.
    case expectedLiteral(String)
    case expectedFieldName
    case expectedColonAfterFieldName
    case expectedCommaOrBrace
    case expectedCommaOrBracket
    /// Nested deeper than `limit` levels.
    case tooDeep(limit: Int)
    case expectedDigits
    case expectedFractionDigits
    case expectedExponentDigits
    case notANumber
    case notUTF8
    case unclosedString
    case controlCharacterInString
    case halfCharacterEscape
    case unknownEscape
    case expectedHexDigits
}
