import Foundation

/// Finds, in the bytes of a JSON object, one top-level member's array and the place of each of its elements,
/// without decoding them: a merge then decodes a shard's report without its cases, and each case on its own when
/// it needs it, so its memory does not grow with the number of cases.
///
/// It only walks the structure (strings, nesting, commas; a comma before a closing bracket is let through, as
/// Foundation's reader does); the elements and the rest are checked by the decoder.
/// It keeps no stack (nesting is a count), so no input can make it recurse.
public struct JSONArraySplitter {
    /// Why the bytes are not an object of the expected shape.
    public struct Malformed: Error, CustomStringConvertible {
        /// What was wrong and at which byte.
        public var description: String
    }

    /// The object with the member's array emptied (`"key": []`), and the byte range of each element, in order.
    /// Without that member the object is as it was, with no elements.
    public static func split(_ data: Data, member key: String) throws(Malformed) -> (rest: Data, elements: [Range<Int>])
    {
        let found: (array: Range<Int>, elements: [Range<Int>])?
        do {
            found = try data.withUnsafeBytes { buffer in
                var bytes = buffer.bindMemory(to: UInt8.self)
                return try locate(member: key, in: &bytes)
            }
        } catch let malformed as Malformed {
            throw malformed
        } catch {
            throw Malformed(description: "\(error)")
        }
        guard let found else { return (data, []) }
        var rest = Data(capacity: data.count - found.array.count + 2)
        rest.append(data[data.startIndex..<data.startIndex + found.array.lowerBound])
        rest.append(contentsOf: Array("[]".utf8))
        rest.append(data[(data.startIndex + found.array.upperBound)...])
        return (rest, found.elements.map { (data.startIndex + $0.lowerBound)..<(data.startIndex + $0.upperBound) })
    }

    /// Where the array under `key` is in `bytes` (the object's first such member), and each of its elements;
    /// `nil` when the object has no such array.
    static func locate<Bytes: ScannedBytes>(
        member key: String,
        in bytes: inout Bytes
    ) throws(Malformed) -> (array: Range<Int>, elements: [Range<Int>])? {
        var scanner = Scanner(bytes: bytes)
        defer { bytes = scanner.bytes }
        return try scanner.member(Array(key.utf8))
    }

    private struct Scanner<Bytes: ScannedBytes> {
        var bytes: Bytes
        var index = 0

        /// Walks the top-level object; returns the range of `key`'s array (from `[` to `]` inclusive) and its
        /// elements.
        mutating func member(_ key: [UInt8]) throws(Malformed) -> (array: Range<Int>, elements: [Range<Int>])? {
            // A UTF-8 byte order mark, which Foundation's reader skips too.
            if peek(at: 0) == 0xEF, peek(at: 1) == 0xBB, peek(at: 2) == 0xBF { index = 3 }
            skipSpace()
            try expect(UInt8(ascii: "{"))
            var found: (array: Range<Int>, elements: [Range<Int>])?
            skipSpace()
            if peek() == UInt8(ascii: "}") { return nil }
            while true {
                skipSpace()
                // A comma before the end, as Foundation's reader also allows.
                if peek() == UInt8(ascii: "}") {
                    index += 1
                    return found
                }
                let name = try string()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                if found == nil, matches(name, key), peek() == UInt8(ascii: "[") {
                    found = try array()
                } else {
                    try value()
                }
                skipSpace()
                guard let next = peek() else { throw problem("the object does not end") }
                index += 1
                if next == UInt8(ascii: "}") { return found }
                guard next == UInt8(ascii: ",") else { throw problem("',' or '}' expected") }
            }
        }

        /// An array at `index`: its range and its elements' ranges.
        private mutating func array() throws(Malformed) -> (array: Range<Int>, elements: [Range<Int>]) {
            let start = index
            index += 1
            var elements: [Range<Int>] = []
            skipSpace()
            if peek() == UInt8(ascii: "]") {
                index += 1
                return (start..<index, [])
            }
            while true {
                skipSpace()
                if peek() == UInt8(ascii: "]") {
                    index += 1
                    return (start..<index, elements)
                }
                let elementStart = index
                try value()
                elements.append(elementStart..<index)
                skipSpace()
                guard let next = peek() else { throw problem("the array does not end") }
                index += 1
                if next == UInt8(ascii: "]") { return (start..<index, elements) }
                guard next == UInt8(ascii: ",") else { throw problem("',' or ']' expected") }
            }
        }

        /// Passes over one value of any kind, nested ones included.
        private mutating func value() throws(Malformed) {
            guard let first = peek() else { throw problem("a value expected") }
            switch first {
            case UInt8(ascii: "\""):
                _ = try string()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                repeat {
                    guard let byte = peek() else { throw problem("an object or array does not end") }
                    switch byte {
                    case UInt8(ascii: "\""):
                        _ = try string()
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                    default: break
                    }
                    index += 1
                } while depth > 0
            default:
                let start = index
                while let byte = peek(), !Self.endsScalar(byte) { index += 1 }
                guard index > start else { throw problem("a value expected") }
            }
        }

        /// A string at `index` (after it on return): the range of its content, escapes left as they are.
        private mutating func string() throws(Malformed) -> Range<Int> {
            try expect(UInt8(ascii: "\""))
            let start = index
            while let byte = peek() {
                index += 1
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    return start..<(index - 1)
                }
            }
            throw problem("a string does not end")
        }

        private static func endsScalar(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || isSpace(byte)
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        }

        private mutating func peek() -> UInt8? {
            bytes.byte(at: index)
        }

        private mutating func peek(at position: Int) -> UInt8? {
            bytes.byte(at: position)
        }

        /// Whether the bytes at `range` are `key`'s.
        private mutating func matches(_ range: Range<Int>, _ key: [UInt8]) -> Bool {
            guard range.count == key.count else { return false }
            for (offset, byte) in key.enumerated() where bytes.byte(at: range.lowerBound + offset) != byte {
                return false
            }
            return true
        }

        private mutating func skipSpace() {
            while let byte = peek(), Self.isSpace(byte) { index += 1 }
        }

        private mutating func expect(_ byte: UInt8) throws(Malformed) {
            guard peek() == byte else {
                throw problem("'\(Character(Unicode.Scalar(byte)))' expected")
            }
            index += 1
        }

        private func problem(_ text: String) -> Malformed {
            Malformed(description: "\(text) at byte \(index)")
        }
    }
}

/// The bytes ``JSONArraySplitter`` scans, read nearly always forwards: a buffer in memory, or a file read a window
/// at a time.
protocol ScannedBytes {
    /// The byte at `index`, or `nil` past the end (or when it cannot be read).
    mutating func byte(at index: Int) -> UInt8?
}

extension UnsafeBufferPointer<UInt8>: ScannedBytes {
    func byte(at index: Int) -> UInt8? {
        index < count ? self[index] : nil
    }
}
