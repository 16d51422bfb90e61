import Foundation
import SMTPCore
import SMTPScenario

extension StepResult: Codable {
    private enum CodingKeys: String, CodingKey {
        case index, verb, name, location, sentLines, reply, intermediateReplies, verdict, failure, expected
        case startedAt, duration, captured, tls, peer, substeps
    }

    /// A reply as JSON sees it: the code and every line's text.
    private struct CodedReply: Codable {
        var code: Int
        var lines: [String]

        init(_ reply: Reply) {
            code = reply.code.value
            lines = reply.lines
        }

        func decoded(at path: [any CodingKey]) throws -> Reply {
            guard let replyCode = ReplyCode(code) else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(codingPath: path, debugDescription: "\(code) is not a reply code")
                )
            }
            return Reply(code: replyCode, lines: lines)
        }
    }

    /// Decodes a result written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index = try container.decode(Int.self, forKey: .index)
        verb = try container.decode(Verb.self, forKey: .verb)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        location = try container.decode(SourceLocation.self, forKey: .location)
        sentLines = try container.decode([String].self, forKey: .sentLines)
        reply = try container.decodeIfPresent(CodedReply.self, forKey: .reply)?.decoded(at: container.codingPath)
        intermediateReplies = try container.decode([CodedReply].self, forKey: .intermediateReplies).map {
            try $0.decoded(at: container.codingPath)
        }
        verdict = try container.decode(StepVerdict.self, forKey: .verdict)
        failure = try container.decodeIfPresent(StepFailure.self, forKey: .failure)
        expected = try container.decode(String.self, forKey: .expected)
        startedAt = try container.decode(Date.self, forKey: .startedAt)
        duration = try container.decode(Duration.self, forKey: .duration)
        captured = try container.decode([String: String].self, forKey: .captured)
        tls = try container.decodeIfPresent(TLSFacts.self, forKey: .tls)
        peer = try container.decodeIfPresent(String.self, forKey: .peer)
        substeps = try container.decode([StepResult].self, forKey: .substeps)
    }

    /// Encodes the result; a reply becomes `{code, lines}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(verb, forKey: .verb)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encode(location, forKey: .location)
        try container.encode(sentLines, forKey: .sentLines)
        try container.encodeIfPresent(reply.map(CodedReply.init), forKey: .reply)
        try container.encode(intermediateReplies.map(CodedReply.init), forKey: .intermediateReplies)
        try container.encode(verdict, forKey: .verdict)
        try container.encodeIfPresent(failure, forKey: .failure)
        try container.encode(expected, forKey: .expected)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(duration, forKey: .duration)
        try container.encode(captured, forKey: .captured)
        try container.encodeIfPresent(tls, forKey: .tls)
        try container.encodeIfPresent(peer, forKey: .peer)
        try container.encode(substeps, forKey: .substeps)
    }
}
