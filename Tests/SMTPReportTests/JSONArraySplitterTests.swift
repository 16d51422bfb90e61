import Foundation
import Testing

@testable import SMTPReport

/// How a merge finds a report's cases without decoding them: each element's bytes, the rest of the document with
/// the array emptied, and a clear refusal of what is not a JSON object.
@Suite("JSONArraySplitter")
struct JSONArraySplitterTests {
    static func split(_ text: String) throws -> (rest: String, elements: [String]) {
        let data = Data(text.utf8)
        let (rest, elements) = try JSONArraySplitter.split(data, member: "cases")
        return (String(decoding: rest, as: UTF8.self), elements.map { String(decoding: data[$0], as: UTF8.self) })
    }

    @Test("elements with strings, escapes, brackets inside strings and nesting come out whole")
    func elements() throws {
        let text = """
            {"format": "x", "note": "a \\"cases\\": [1] }", "cases": [
              {"name": "a]}", "steps": [{"q": "\\\\"}, [1, [2]]]},
              42 , "s,t", true, null,
              {"empty": {}}
            ], "after": {"cases": [9]}}
            """
        let (rest, elements) = try Self.split(text)
        #expect(
            elements == [
                #"{"name": "a]}", "steps": [{"q": "\\"}, [1, [2]]]}"#, "42", #""s,t""#, "true", "null",
                #"{"empty": {}}"#,
            ]
        )
        #expect(rest == #"{"format": "x", "note": "a \"cases\": [1] }", "cases": [], "after": {"cases": [9]}}"#)
        // The rest is the document without its cases, and reads as JSON.
        let object = try JSONSerialization.jsonObject(with: Data(rest.utf8)) as? [String: Any]
        #expect((object?["cases"] as? [Any])?.isEmpty == true)
    }

    @Test("an empty array, and a document without the member")
    func emptyAndAbsent() throws {
        #expect(try Self.split(#"{"cases": []}"#).elements.isEmpty)
        let absent = try Self.split(#" { "other" : 1 } "#)
        #expect(absent.elements.isEmpty && absent.rest == #" { "other" : 1 } "#)
        #expect(try Self.split("{}").elements.isEmpty)
        // A comma before a closing bracket, which Foundation's reader takes too.
        #expect(try Self.split(#"{"cases": [1, 2,], "a": 1,}"#).elements.count == 2)
    }

    @Test("a slice of a larger buffer gives ranges in that buffer, and a byte order mark is skipped")
    func sliceAndByteOrderMark() throws {
        let whole = Data(("xxxx" + #"{"cases": [1, [2]]}"#).utf8)
        let slice = whole[4...]
        let (_, elements) = try JSONArraySplitter.split(slice, member: "cases")
        #expect(elements.map { String(decoding: whole[$0], as: UTF8.self) } == ["1", "[2]"])
        let marked = Data([0xEF, 0xBB, 0xBF] + Array(#"{"cases": [3]}"#.utf8))
        #expect(try JSONArraySplitter.split(marked, member: "cases").elements.count == 1)
    }

    @Test(
        "what is not an object of that shape is refused, never crashes",
        arguments: [
            "", "[1, 2]", #"{"cases": [1, 2"#, #"{"cases": [1 2]}"#, #"{"cases": ["open]}"#, #"{"a" 1}"#,
            #"{"cases": [{"a": [}]}"#, "{\"cases\": [", #"{"a": 1"#, #"{"a": }"#,
            #"{"cases": ["a\"#,
        ]
    )
    func refused(_ text: String) {
        #expect(throws: JSONArraySplitter.Malformed.self) { try Self.split(text) }
    }
}
