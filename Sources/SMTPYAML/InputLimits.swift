/// How much smtpspec reads from the files a person gives it (scenarios, environments, personas, reasons), so
/// that no file, however written, makes `check` or `run` take minutes or gigabytes: a YAML alias bomb, variables
/// that double each other, a matrix of millions of cases.
///
/// These are limits on *input*, not on the protocol: RFC 5321's sizes (command line, reply line, recipients a
/// server must accept) are `SMTPCore.SMTPLimits`. Every limit here is in one place, is written down in the
/// README's "Limits" table, and is reported as a located ``Diagnostic`` when crossed.
public struct InputLimits: Sendable, Hashable {
    /// The largest scenario, environment, persona or reasons file, in bytes.
    public var fileSize: Int
    /// How deeply YAML collections (mappings and lists) may nest.
    public var depth: Int
    /// How many YAML nodes (scalars, mappings and lists) a file may hold.
    public var nodes: Int
    /// The most text, in UTF-8 bytes, that the `${…}` references of one string (a variable's value, a step's
    /// argument) may fill in; text written in the string itself is bounded by ``fileSize``. Checked as each
    /// reference is filled in, so variables that double each other stop early.
    public var interpolatedLength: Int
    /// How deeply variables may refer to each other (`a` names `b`, which names `c`, …), so that resolving a long
    /// chain cannot exhaust the stack.
    public var referenceDepth: Int
    /// The most headers one `data` message may list.
    public var headersPerMessage: Int
    /// The most `rcpt` steps one case may play.
    public var recipientsPerCase: Int
    /// The most cases a `matrix` may expand to.
    public var matrixCases: Int

    /// Creates limits; by default those of ``standard``.
    public init(
        fileSize: Int = 1 << 20,
        depth: Int = 64,
        nodes: Int = 100_000,
        interpolatedLength: Int = 64 << 10,
        referenceDepth: Int = 64,
        headersPerMessage: Int = 1_000,
        recipientsPerCase: Int = 1_000,
        matrixCases: Int = 1_000_000
    ) {
        self.fileSize = fileSize
        self.depth = depth
        self.nodes = nodes
        self.interpolatedLength = interpolatedLength
        self.referenceDepth = referenceDepth
        self.headersPerMessage = headersPerMessage
        self.recipientsPerCase = recipientsPerCase
        self.matrixCases = matrixCases
    }

    /// The limits the command line uses: 1 MiB files, 64 levels, 100,000 nodes, 64 KiB filled in per string,
    /// variables 64 deep, 1,000 headers per message, 1,000 recipients per case and 1,000,000 matrix cases.
    public static let standard = InputLimits()

    /// `1 MiB`, `64 KiB` or `100 bytes`: a byte count as the README writes it.
    public static func bytes(_ count: Int) -> String {
        if count >= 1 << 20, count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count >= 1 << 10, count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }
}
