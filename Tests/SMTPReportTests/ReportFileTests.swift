import Foundation
import Testing

@testable import SMTPReport

/// How a merge reads a shard's report: by offset from the open file, a window at a time, so that a file cut short
/// while it is read is an error (a mapped file would end the process with SIGBUS) and a large file costs a window.
@Suite("Report files read by offset")
struct ReportFileTests {
    static func withFile(_ bytes: [UInt8], _ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).json")
            .path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    static func truncate(_ path: String, to size: Int) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }

    @Test("a file that becomes shorter after it was opened gives an error naming where it now ends")
    func shrinking() throws {
        try Self.withFile(Array(repeating: UInt8(ascii: "x"), count: 100)) { path in
            let file = try ReportFile(path: path, maximumSize: 1000)
            #expect(try file.read(90..<100).count == 10)
            try Self.truncate(path, to: 40)
            let error = #expect(throws: ReportFile.Failure.self) { try file.read(30..<100) }
            guard case .shrank(100, 40)? = error else {
                Issue.record("not the shrinking: \(String(describing: error))")
                return
            }
            // The scan reads a window up to the size the file had when it was opened: it ends, and says why.
            var bytes = ReportFileBytes(file: file)
            #expect(bytes.byte(at: 10) == nil)
            #expect(bytes.byte(at: 0) == nil)
            guard case .shrank(100, 40)? = bytes.failure else {
                Issue.record("no failure: \(String(describing: bytes.failure))")
                return
            }
        }
    }

    @Test("a file larger than the limit, a directory and a missing file are refused when opened")
    func refusedWhenOpened() throws {
        try Self.withFile(Array(repeating: 0x20, count: 11)) { path in
            #expect(throws: ReportFile.Failure.tooLarge(size: 11)) { try ReportFile(path: path, maximumSize: 10) }
        }
        #expect(throws: ReportFile.Failure.unreadable("not a regular file")) {
            try ReportFile(path: FileManager.default.temporaryDirectory.path, maximumSize: 10)
        }
        #expect(throws: ReportFile.Failure.unreadable("No such file or directory")) {
            try ReportFile(path: "/nonexistent/report.json", maximumSize: 10)
        }
    }

    @Test("a released file is opened again for each read, and refused once its path names another file")
    func released() throws {
        try Self.withFile(Array("0123456789".utf8)) { path in
            let file = try ReportFile(path: path, maximumSize: 100)
            file.release()
            #expect(try file.read(2..<5) == Data("234".utf8))
            let other = path + ".new"
            try Data("0123456789".utf8).write(to: URL(fileURLWithPath: other))
            #expect(rename(other, path) == 0)
            #expect(throws: ReportFile.Failure.replaced) { try file.read(2..<5) }
        }
    }

    @Test("a report of several windows splits as it does in memory, elements across window edges included")
    func manyWindows() throws {
        // About 2.6 windows of cases of uneven sizes, so that elements, strings and escapes straddle the edges.
        var text = #"{"format": "smtpspec-report", "cases": ["#
        for number in 0..<9_000 {
            if number > 0 { text += ", " }
            let padding = String(repeating: "ab\\\"]}", count: number % 61)
            text += #"{"index": \#(number), "name": "case \#(number) \#(padding)", "steps": [[1], {"a": "]"}]}"#
        }
        text += #"], "after": {"cases": [1]}}"#
        let bytes = Array(text.utf8)
        #expect(bytes.count > 2 * ReportFileBytes.windowSize)
        let inMemory = try JSONArraySplitter.split(Data(bytes), member: "cases")
        try Self.withFile(bytes) { path in
            let file = try ReportFile(path: path, maximumSize: bytes.count)
            var windowed = ReportFileBytes(file: file)
            let located = try #require(try JSONArraySplitter.locate(member: "cases", in: &windowed))
            #expect(windowed.failure == nil)
            #expect(located.elements.count == 9_000)
            #expect(located.elements == inMemory.elements)
            let last = try #require(located.elements.last)
            #expect(try file.read(last) == Data(bytes[last]))
        }
        // The member's name across the first window's edge: read again from its start, behind the window.
        let padding = String(repeating: "p", count: ReportFileBytes.windowSize - 14)
        let straddling = Array((#"{"pad": ""# + padding + #"", "cases": [1, [2]]}"#).utf8)
        let name = try #require(straddling.indices.first { straddling[$0...].starts(with: Array("\"cases\"".utf8)) })
        #expect(name < ReportFileBytes.windowSize && name + 7 > ReportFileBytes.windowSize)
        try Self.withFile(straddling) { path in
            var windowed = ReportFileBytes(file: try ReportFile(path: path, maximumSize: straddling.count))
            let located = try #require(try JSONArraySplitter.locate(member: "cases", in: &windowed))
            #expect(located.elements.map { String(decoding: straddling[$0], as: UTF8.self) } == ["1", "[2]"])
        }
    }
}
