import Foundation
@testable import JournalApp
import JournalDomain
import Testing

/// An import's refusals are data: the case and the values the file holds, with no words (the CLI's
/// ImportProblemWordsTests holds the words).
@Suite struct ImportProblemTests {
    func firstFailure(_ text: String) -> (line: Int, problem: ExportLineProblem)? {
        Array(text.utf8).withUnsafeBufferPointer { ChunkCheck($0, 0..<$0.count).failure }
    }

    static let zeros = String(repeating: "0", count: 64)

    @Test func anExportLineNamesTheFieldTheColumnAndTheKeyAsTheFileSpellsIt() throws {
        let cases: [(String, Int, ExportLineProblem)] = [
            (#"{"position":1 "eventId":"a"}"#, 1, .expectedByte(UInt8(ascii: "}"), column: 15)),
            (#"{"position":1,"position":2}"#, 1, .keyTwice("position")),
            ("\n" + #"{"position":1,"colour":2}"#, 2, .unknownKey("colour")),
            (#"{"position":"1"}"#, 1, .notAWholeNumber(.position)),
            (#"{"position":1,"eventId":7}"#, 1, .notAString(.eventId)),
            (#"{"position":x}"#, 1, .expectedWholeNumber(column: 13)),
            (#"{"head":"\#(Self.zeros)","events":0}"# + "\n{}", 2, .lineAfterHead),
            (#"{"head":"00","events":0}"#, 1, .malformedHeadLine),
        ]
        for (text, line, problem) in cases {
            let failure = try #require(firstFailure(text), "\(text)")
            #expect(failure.line == line && failure.problem == problem, "\(text): \(failure)")
        }
    }

    @Test func theJSONReaderOfOtherToolsSaysWhereAndWhat() {
        #expect(throws: PeerJSONSyntaxError(line: 1, column: 6, problem: .expectedCommaOrBracket)) {
            try PeerJSONParser.parse(Array("[1, 2".utf8))
        }
        #expect(throws: PeerJSONSyntaxError(line: 2, column: 11, problem: .expectedLiteral("true"))) {
            try PeerJSONParser.parse(Array("[{\"a\": 1},\n {\"b\": tru}]".utf8))
        }
    }

    @Test func aPeerRecordsRefusalCarriesTheRecordTheToolAndTheValueAsGiven() throws {
        let time = try at("2025-07-05T10:00")
        func refusal(_ tool: PeerTool, _ json: PeerJSON) -> AppError? {
            do {
                _ = try tool.records(in: json, source: PeerSource(file: "f.json", tool: tool), time: time)
                return nil
            } catch {
                return error as? AppError
            }
        }
        let interval = PeerJSON.object(["start": .string("20250401T070000Z"), "end": .string("20250401T060000Z")])
        #expect(refusal(.timewarrior, .array([interval]))
            == .peerRecord(file: "f.json", record: "record 1 (interval from 2025-04-01T07:00:00Z)", tool: .timewarrior, problem: .endsBeforeStart))
        let task = PeerJSON.object(["uuid": .string("u1"), "status": .string("completed"), "description": .string("d"),
                                    "entry": .string("2025-04-01\n")])
        #expect(refusal(.taskwarrior, .array([task]))
            == .peerRecord(file: "f.json", record: "record 1 (task u1)", tool: .taskwarrior,
                           problem: .notATime(field: "entry", given: "2025-04-01\n", format: .compactUTC)))
        #expect(refusal(.jrnl, .object([:])) == .peerRecord(file: "f.json", record: nil, tool: .jrnl, problem: .notAJrnlExport))
    }
}
