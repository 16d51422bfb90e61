import SMTPCore

/// A piece of a message whose fence must wait for the run: a header name or value that holds a capture. The
/// runner fills the captures in and applies SMTPCore's ``WireFence`` for ``slot`` before anything of the step is
/// sent.
public struct FencedText: Sendable, Hashable {
    /// The text, with its captures.
    public var text: PlanText
    /// Where it lands.
    public var slot: WireSlot
    /// The place in words, for the refusal: "header 'Subject'" (secrets masked).
    public var what: String

    /// Creates a fenced text.
    public init(_ text: PlanText, slot: WireSlot, what: String) {
        self.text = text
        self.slot = slot
        self.what = what
    }
}
