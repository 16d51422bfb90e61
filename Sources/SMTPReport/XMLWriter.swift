/// A small writer of indented XML: elements with escaped attributes and text.
struct XMLWriter {
    /// The document so far.
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    /// A new document, starting with the XML declaration.
    init() {}

    /// A piece of a document written elsewhere, inside `depth` open elements: no declaration.
    init(depth: Int) {
        text = ""
        self.depth = depth
    }

    /// Opens an element: `<name a="v">`.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(Self.attributes(attributes))>")
        depth += 1
    }

    /// Closes the element opened last: `</name>`.
    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// An element with no content: `<name a="v"/>`.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(Self.attributes(attributes))/>")
    }

    /// An element holding text, written as it is (the text keeps its own line breaks).
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        line("<\(name)\(Self.attributes(attributes))>\(Markup.escaped(content))</\(name)>")
    }

    private mutating func line(_ content: String) {
        text += String(repeating: "  ", count: max(0, depth)) + content + "\n"
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { name, value in
            " \(name)=\"\(Markup.escaped(value).replacingOccurrences(of: "\n", with: "&#10;"))\""
        }.joined()
    }
}
