/// The bounds a reader keeps to: past any of them it stops with a typed error rather than reading on.
///
/// The defaults are generous for real mail and small enough that hostile input cannot make a reader use much
/// memory or time.
public struct MessageLimits: Sendable, Hashable {
    /// The most octets a header section may have, line ends included (default 1 MiB).
    public var headerSectionOctets: Int
    /// The most fields a header section may have (default 10,000).
    public var fieldCount: Int
    /// The most octets a header line may have, its line end excluded (default 998, RFC 5322 §2.1.1).
    public var lineOctets: Int
    /// The deepest a multipart entity may be nested inside others; the message itself is depth 0 (default 16).
    public var nestingDepth: Int
    /// The most body parts all multipart entities of one message may have together (default 1,000).
    public var partCount: Int

    /// Creates limits; every argument has the default described on its property.
    public init(
        headerSectionOctets: Int = 1 << 20,
        fieldCount: Int = 10_000,
        lineOctets: Int = 998,
        nestingDepth: Int = 16,
        partCount: Int = 1_000
    ) {
        self.headerSectionOctets = headerSectionOctets
        self.fieldCount = fieldCount
        self.lineOctets = lineOctets
        self.nestingDepth = nestingDepth
        self.partCount = partCount
    }

    /// The default limits.
    public static let standard = MessageLimits()
}
