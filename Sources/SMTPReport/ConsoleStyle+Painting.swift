extension ConsoleStyle {
    /// ANSI select-graphic-rendition codes the console reporter uses.
    enum Paint: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
    }

    /// `text` wrapped in the escape codes for `paints` when colours are on; `text` unchanged otherwise.
    func paint(_ text: String, _ paints: Paint...) -> String {
        guard color, !paints.isEmpty, !text.isEmpty else { return text }
        let codes = paints.map(\.rawValue).joined(separator: ";")
        return "\u{1B}[\(codes)m\(text)\u{1B}[0m"
    }
}
