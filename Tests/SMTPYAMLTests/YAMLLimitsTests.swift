import Foundation
import SMTPYAML
import Testing

@Suite("The YAML reader refuses aliases, merge keys and files past its limits, at the offending place")
struct YAMLLimitsTests {
    /// The diagnostic parsing `text` throws, or `nil` when it parses.
    private func refusal(_ text: String, limits: InputLimits = .standard) -> Diagnostic? {
        do {
            _ = try YAMLDocument.parse(SourceFile(path: "t.yaml", text: text), limits: limits)
            return nil
        } catch {
            return error
        }
    }

    /// The billion-laughs file: `levels` anchored lists of ten, each naming the one before ten times.
    private func bombText(levels: Int) -> String {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<levels {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(previous)]\n"
        }
        return text
    }

    @Test("an alias bomb is refused at its first alias, before anything expands it", arguments: [7, 10])
    func aliasBomb(levels: Int) throws {
        let text = bombText(levels: levels)
        #expect(text.utf8.count < 1_000)
        let diagnostic = try #require(refusal(text))
        #expect(diagnostic.message == "YAML aliases are not supported: '*a0'")
        #expect(diagnostic.location == SourceLocation(file: "t.yaml", line: 2, column: 10))
        #expect(diagnostic.span == 3)
        let rendered = diagnostic.rendered(source: SourceFile(path: "t.yaml", text: text))
        #expect(rendered.contains(" --> t.yaml:2:10\n"))
        #expect(rendered.contains("2 | a1: &a1 [*a0, "))
        #expect(rendered.contains("\n  |          ^^^ "))
    }

    @Test("an aliased complex key is refused before Yams would hash its expansion")
    func aliasedComplexKey() throws {
        var text = bombText(levels: 10)
        text += "? *a9\n: x\n"
        let diagnostic = try #require(refusal(text))
        // The first alias of the file is the one reported; a file whose only alias is the key gets it there.
        #expect(diagnostic.location?.line == 2)
        let alone = try #require(refusal("a: &a [x]\n? *a\n: y\n"))
        #expect(alone.message == "YAML aliases are not supported: '*a'")
        #expect(alone.location == SourceLocation(file: "t.yaml", line: 2, column: 3))
    }

    @Test("a merge key is refused at the '<<'; a quoted '<<' is an ordinary key")
    func mergeKey() throws {
        let diagnostic = try #require(refusal("base: {a: 1}\nstep:\n  <<: {a: 2}\n  b: 3\n"))
        #expect(diagnostic.message == "YAML merge keys ('<<') are not supported")
        #expect(diagnostic.location == SourceLocation(file: "t.yaml", line: 3, column: 3))
        let withAlias = try #require(refusal("base: &b {a: 1}\nstep: {<<: *b}\n"))
        #expect(withAlias.message.contains("merge keys"))
        #expect(withAlias.location == SourceLocation(file: "t.yaml", line: 2, column: 8))
        #expect(refusal("'<<': x\nv: <<\n") == nil)
    }

    @Test("an anchor with no alias is harmless")
    func anchorAlone() {
        #expect(refusal("a: &x [1, 2]\nb: &y text\n") == nil)
    }

    @Test("nesting is refused past the depth limit, at the collection that goes one level too deep")
    func depth() throws {
        let limit = InputLimits.standard.depth
        // The root mapping is level 1, so `limit - 1` lists fit under it and one more does not.
        let fits = "k: " + String(repeating: "[", count: limit - 1) + String(repeating: "]", count: limit - 1) + "\n"
        #expect(refusal(fits) == nil)
        let deep = "k: " + String(repeating: "[", count: 70) + "x" + String(repeating: "]", count: 70)
        let diagnostic = try #require(refusal(deep))
        #expect(diagnostic.message == "YAML nested more than \(limit) levels deep")
        #expect(diagnostic.location == SourceLocation(file: "t.yaml", line: 1, column: 4 + limit - 1))
        // 100,000 levels on one line: libyaml's scanner meets its own limit (1,000) reading ahead; still too deep.
        let bomb = "k: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(try #require(refusal(bomb)).message == "YAML nested more than \(limit) levels deep")
        let blocks = (0..<100).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined()
        let block = try #require(refusal(blocks))
        #expect(block.message == "YAML nested more than \(limit) levels deep")
        #expect(block.location == SourceLocation(file: "t.yaml", line: limit + 1, column: 2 * limit + 1))
    }

    @Test("nodes are counted: the first one past the limit is refused")
    func nodes() throws {
        let limits = InputLimits(nodes: 10)
        // A root mapping, a key, a list: 3 nodes; the 8th item of the list is the 11th node.
        #expect(refusal("k: [1, 2, 3, 4, 5, 6, 7]\n", limits: limits) == nil)
        let diagnostic = try #require(refusal("k: [1, 2, 3, 4, 5, 6, 7, 8]\n", limits: limits))
        #expect(diagnostic.message == "file has more than 10 YAML nodes")
        #expect(diagnostic.location == SourceLocation(file: "t.yaml", line: 1, column: 26))
        let many = "k: [" + Array(repeating: "x", count: 100_001).joined(separator: ",") + "]\n"
        #expect(try #require(refusal(many)).message == "file has more than 100000 YAML nodes")
    }

    @Test("text held in memory is held to the file size, placed at the first byte past it")
    func sizeInMemory() throws {
        let limits = InputLimits(fileSize: 20)
        #expect(refusal("a: 1234567890123456\n", limits: limits) == nil)
        let diagnostic = try #require(refusal("a: 1\nb: é234567890123\n", limits: limits))
        #expect(diagnostic.message == "file is larger than 20 bytes")
        // Bytes 0-4 are line 1; 'é' takes two bytes but one column, so byte 20 is line 2, column 15.
        #expect(diagnostic.location == SourceLocation(file: "t.yaml", line: 2, column: 15))
    }

    @Test("a file on disk larger than the limit is refused having read only the limit and one byte")
    func sizeOnDisk() throws {
        let path = NSTemporaryDirectory() + "smtpspec-limits-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let line = "# " + String(repeating: "x", count: 1_021) + "\n"
        let text = "a: 1\n" + String(repeating: line, count: 1_030)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > 1 << 20)
        do {
            _ = try SourceFile.read(path: path)
            Issue.record("read a file of \(text.utf8.count) bytes")
        } catch {
            #expect(error.message == "file is larger than 1 MiB")
            // 5 bytes of line 1, then 1,024-byte lines: byte 1,048,576 is byte 1,019 of line 1,025.
            #expect(error.location == SourceLocation(file: path, line: 1_025, column: 1_020))
        }
        #expect(throws: Never.self) { try SourceFile.read(path: path, maxBytes: 2 << 20) }
    }
}
