/// A path syntax message (internal).
struct PathError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
