import Crypto
import Foundation
import SMTPCore

extension MockSession {
    mutating func data(_ argument: String, actions: inout [SessionAction]) {
        guard argument.isEmpty else {
            return actions.append(.reply(reply(.noArguments, ReplyValues(argument: argument, usage: "DATA"))))
        }
        guard let current = transaction else { return actions.append(.reply(reply(.needMail))) }
        if current.usedBDAT || current.envelope.body == .binaryMIME {
            return actions.append(.reply(reply(.badSequence)))
        }
        guard !current.recipients.isEmpty else {
            return actions.append(.reply(reply(current.refusedRecipients > 0 ? .noValidRecipients : .needRcpt)))
        }
        actions.append(.reply(reply(.dataStart)))
        actions.append(.beginContent)
        transaction?.chunks = []
        transaction?.contentOctets = 0
        mode = .data(DotUnstuffer(maxMessageSize: sizeLimit))
    }

    mutating func bdat(_ argument: String, actions: inout [SessionAction]) {
        guard offers("CHUNKING") else {
            return actions.append(.reply(reply(.unknownCommand, ReplyValues(argument: "BDAT"))))
        }
        guard let (size, last) = Self.bdatArguments(argument) else {
            return actions.append(
                .reply(reply(.syntaxError, ReplyValues(argument: argument, usage: "BDAT <octets> [LAST]")))
            )
        }
        var refusal: Reply?
        if let current = transaction {
            if current.recipients.isEmpty {
                refusal = reply(current.refusedRecipients > 0 ? .noValidRecipients : .needRcpt)
            }
        } else {
            refusal = reply(.needMail)
        }
        if refusal == nil, transaction?.usedBDAT == false {
            transaction?.usedBDAT = true
            actions.append(.beginContent)
        }
        mode = .bdat(remaining: size, last: last, refusal: refusal)
    }

    /// Keeps the octets of a BDAT chunk (unless the chunk is refused or over the size limit).
    mutating func receiveChunk(
        _ bytes: ArraySlice<UInt8>,
        remaining: Int,
        last: Bool,
        refusal: Reply?,
        actions: inout [SessionAction]
    ) {
        mode = .bdat(remaining: remaining, last: last, refusal: refusal)
        guard refusal == nil, let current = transaction, !current.chunksTooBig else { return }
        if current.contentOctets + bytes.count > sizeLimit {
            transaction?.chunksTooBig = true
            transaction?.chunks = []
        } else {
            absorb(bytes, actions: &actions)
        }
    }

    /// Takes message content as it arrives: counts it, keeps up to ``keptContentLimit`` octets in memory (for
    /// `MESSAGE` rules and the received message), and when the server spools hands every octet on to it.
    mutating func absorb(_ bytes: some Collection<UInt8>, actions: inout [SessionAction]) {
        guard !bytes.isEmpty, let kept = transaction?.chunks.count else { return }
        transaction?.contentOctets += bytes.count
        if environment.spoolsContent { actions.append(.content(Array(bytes))) }
        let room = keptContentLimit - kept
        if room > 0 { transaction?.chunks.append(contentsOf: bytes.prefix(room)) }
    }

    /// Answers a BDAT chunk once all its octets have arrived.
    mutating func finishChunk(last: Bool, refusal: Reply?, actions: inout [SessionAction]) {
        if let refusal { return actions.append(.reply(refusal)) }
        guard let current = transaction else { return actions.append(.reply(reply(.needMail))) }
        if current.chunksTooBig {
            transaction = nil
            return actions.append(.reply(reply(.messageTooBig)))
        }
        guard last else {
            return actions.append(.reply(reply(.bdatOK, ReplyValues(octets: String(current.contentOctets)))))
        }
        accept(current, viaBDAT: true, actions: &actions)
    }

    /// Answers the end of DATA: refuse an over-long line or size, otherwise keep the message. The content itself
    /// came through ``absorb(_:actions:)`` as it arrived.
    mutating func finishData(_ message: DotUnstuffedMessage, actions: inout [SessionAction]) {
        guard let current = transaction else { return actions.append(.reply(reply(.needMail))) }
        if message.sizeExceeded {
            transaction = nil
            return actions.append(.reply(reply(.messageTooBig)))
        }
        if message.overlongLines > 0 {
            transaction = nil
            return actions.append(.reply(reply(.textLineTooLong)))
        }
        accept(current, viaBDAT: false, actions: &actions)
    }

    private mutating func accept(_ current: MailTransaction, viaBDAT: Bool, actions: inout [SessionAction]) {
        transaction = nil
        let content = current.chunks
        // Only `MESSAGE` rules read the text: without one, the content is not decoded for every message.
        let text = hasMessageRules ? String(decoding: content, as: UTF8.self) : ""
        var replacement: Reply?
        switch applyRules(command: "MESSAGE", argument: text, actions: &actions) {
        case .disconnected:
            actions.append(.close)
            mode = .closed
            return
        case .refused(let refusal, let close):
            actions.append(.reply(refusal))
            if close {
                actions.append(.close)
                mode = .closed
            }
            return
        case .proceed(let positive):
            replacement = positive
        }
        messagesAccepted += 1
        let ids = identifiers()
        var message = ReceivedMessage(
            reversePath: current.reversePath,
            mailParameters: current.parameters,
            recipients: current.recipients,
            content: content,
            viaBDAT: viaBDAT,
            helo: helo ?? "",
            authenticatedUser: authenticatedUser,
            tls: tlsActive,
            queueID: ids.queueID
        )
        if current.contentOctets > content.count {
            // Only the start was kept in memory (the spool has it all): keep its header section.
            message.trimContent()
            message.octets = current.contentOctets
        }
        actions.append(.deliver(message))
        actions.append(.reply(replacement ?? reply(.queued, ReplyValues(identifiers: ids))))
    }

    /// Identifiers for the accepted message, derived from the connection and message numbers so
    /// the same conversation always gets the same ones.
    private func identifiers() -> MessageIdentifiers {
        var seed = "\(persona.hostname)/\(environment.connectionNumber)/\(messagesAccepted)"
        var hasher = SHA256()
        seed.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hasher.finalize().withUnsafeBytes { digest in
            // The GUID's 32 hex digits (8-4-4-4-12) and the queue id's first 10, upper case, written in place.
            let guid = String(unsafeUninitializedCapacity: 36) { out in
                var at = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        out[at] = UInt8(ascii: "-")
                        at += 1
                    }
                    out[at] = Self.hexDigits[Int(digest[index] >> 4)]
                    out[at + 1] = Self.hexDigits[Int(digest[index] & 0x0F)]
                    at += 2
                }
                return at
            }
            let queue = String(unsafeUninitializedCapacity: 10) { out in
                for index in 0..<5 {
                    out[2 * index] = Self.upperHexDigits[Int(digest[index] >> 4)]
                    out[2 * index + 1] = Self.upperHexDigits[Int(digest[index] & 0x0F)]
                }
                return 10
            }
            let internalID = digest.prefix(6).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } % 10_000_000_000_000
            return MessageIdentifiers(messageID: guid, internalID: String(internalID), queueID: queue)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let upperHexDigits = Array("0123456789ABCDEF".utf8)
}
