import Foundation
import SMTPCore
import SMTPMessage
import SMTPScenario

/// Decides whether an arrived message is the one an await step waits for, and whether it shows what the step
/// expects. Pure: no I/O, so that it is tested on message text alone.
///
/// A message is this case's when its own top-level Message-ID is the one the case sent (a notification that
/// quotes it is not); a notification is this case's when its returned headers carry that Message-ID or its
/// `Original-Envelope-Id` is the case's ENVID.
struct ArrivalMatcher {
    /// What is awaited.
    let kind: AwaitPlan.Kind
    /// The Message-ID the case sent.
    let messageID: MessageID?
    /// The ENVID of its transaction.
    let envelopeID: String?
    /// `to`: the recipient it must have arrived for.
    let recipient: String?
    /// The checks, with every value filled in.
    let expectation: ArrivalExpectation
    /// The reverse-path `envelope-from` asks for.
    let envelopeFrom: String?
    /// The notification recipient `recipient` asks for.
    let notifiedRecipient: String?

    /// What one arrived message is to the step.
    enum Verdict {
        /// Not this case's message.
        case other
        /// This case's, and it shows what the step expects.
        case passed(ArrivalSummary)
        /// This case's, but it does not; the mismatches say how.
        case failed([Mismatch], ArrivalSummary)
        /// This case's message, but for other recipients than `to`.
        case forOthers(Mismatch, ArrivalSummary)
    }

    /// Judges `arrived`.
    func judge(_ arrived: ArrivedMessage) -> Verdict {
        guard let message = try? Message(parsing: arrived.content) else { return .other }
        switch kind {
        case .message: return judgeMessage(message, arrived)
        case .dsn: return judgeNotification(message, arrived)
        }
    }

    /// What a report shows of a message that is not this case's.
    static func summary(of arrived: ArrivedMessage) -> ArrivalSummary {
        guard let message = try? Message(parsing: arrived.content) else {
            return ArrivalSummary(
                origin: arrived.origin,
                reversePath: arrived.reversePath,
                recipients: arrived.recipients
            )
        }
        var summary = baseSummary(message, arrived)
        if let notification = try? DeliveryStatusNotification(message: message) {
            summary.notification = notified(notification.recipients)
        }
        return summary
    }

    private func judgeMessage(_ message: Message, _ arrived: ArrivedMessage) -> Verdict {
        guard let messageID, message.messageID == messageID else { return .other }
        var summary = Self.baseSummary(message, arrived)
        summary.isThisCase = true
        if let recipient {
            let arrivedFor = arrived.recipients ?? summary.deliveredTo
            if !arrivedFor.contains(where: { Self.sameAddress($0, recipient) }) {
                return .forOthers(.arrivedForOthers(expected: recipient, observed: arrivedFor), summary)
            }
        }
        switch expectation {
        case .nothing:
            return .failed([.arrivedUnexpectedly(.message)], summary)
        case .dsn:
            return .passed(summary)
        case .message(let checks):
            var mismatches: [Mismatch] = []
            for condition in checks.headers {
                let values = message.headers.values(named: condition.name)
                switch condition.test {
                case .present where values.isEmpty, .absent where !values.isEmpty:
                    mismatches.append(.header(condition, observed: values))
                case .matches(let pattern) where !values.contains(where: { Self.search(pattern, in: $0) }):
                    mismatches.append(.header(condition, observed: values))
                default:
                    break
                }
            }
            if let pattern = checks.body {
                if arrived.isContentTrimmed {
                    mismatches.append(
                        .sourceFailed(
                            "the server kept only the message's headers (its content budget was spent), so "
                                + "the body cannot be checked"
                        )
                    )
                } else if !Self.search(pattern, in: message.body) {
                    mismatches.append(.body(pattern: pattern))
                }
            }
            if let envelopeFrom {
                let observed = arrived.reversePath ?? Self.returnPath(message)
                if observed.map({ !Self.sameAddress($0, envelopeFrom) }) ?? true {
                    mismatches.append(.envelopeFrom(expected: envelopeFrom, observed: observed))
                }
            }
            return mismatches.isEmpty ? .passed(summary) : .failed(mismatches, summary)
        }
    }

    private func judgeNotification(_ message: Message, _ arrived: ArrivedMessage) -> Verdict {
        guard let notification = try? DeliveryStatusNotification(message: message) else { return .other }
        // The returned Message-ID decides when the notification returns one: an ENVID may be shared by cases (a
        // fixed `envid:`), a Message-ID sent by this case is its own. Without returned headers, the ENVID decides.
        if let returned = notification.returnedMessageID {
            guard returned == messageID else { return .other }
        } else {
            guard let envelopeID, notification.perMessage.originalEnvelopeID == envelopeID else { return .other }
        }
        var summary = Self.baseSummary(message, arrived)
        summary.isThisCase = true
        summary.notification = Self.notified(notification.recipients)
        guard case .dsn(let checks) = expectation else {
            if case .nothing = expectation { return .failed([.arrivedUnexpectedly(.dsn)], summary) }
            return .passed(summary)
        }
        var groups = summary.notification
        if let wanted = notifiedRecipient {
            let named = notification.recipients.filter { fields in
                [fields.originalRecipient?.address, fields.finalRecipient.mailbox?.description]
                    .compactMap { $0 }.contains { Self.sameAddress($0, wanted) }
            }
            guard !named.isEmpty else {
                return .failed([.notificationRecipient(expected: wanted, observed: groups.map(\.recipient))], summary)
            }
            groups = Self.notified(named)
            // The recipients the step asked about come first: reports explain those.
            summary.notification = groups + summary.notification.filter { !groups.contains($0) }
        }
        let withAction = checks.action.map { action in groups.filter { $0.action == action } } ?? groups
        if let action = checks.action, withAction.isEmpty {
            return .failed([.notificationAction(expected: action, observed: groups.map(\.action))], summary)
        }
        if let status = checks.status, !withAction.contains(where: { status.matches($0.status) }) {
            return .failed([.notificationStatus(expected: status, observed: withAction.map(\.status))], summary)
        }
        return .passed(summary)
    }

    private static func baseSummary(_ message: Message, _ arrived: ArrivedMessage) -> ArrivalSummary {
        ArrivalSummary(
            origin: arrived.origin,
            reversePath: arrived.reversePath ?? returnPath(message),
            recipients: arrived.recipients,
            messageID: message.headers["Message-ID"].map { $0.trimmingCharacters(in: .whitespaces) },
            subject: message.headers["Subject"].map { $0.trimmingCharacters(in: .whitespaces) },
            from: message.headers["From"].map { $0.trimmingCharacters(in: .whitespaces) },
            deliveredTo: message.headers.values(named: "Delivered-To").map(bareAddress),
            receivedAt: arrived.receivedAt
        )
    }

    private static func notified(_ recipients: [DSNRecipientFields]) -> [ArrivalSummary.NotifiedRecipient] {
        recipients.map { fields in
            ArrivalSummary.NotifiedRecipient(
                recipient: fields.originalRecipient?.address ?? fields.finalRecipient.value,
                action: fields.action,
                status: fields.status,
                diagnosticCode: fields.diagnosticCode?.description,
                remoteMTA: fields.remoteMTA?.value
            )
        }
    }

    /// The Return-Path a mailbox recorded (the reverse-path at final delivery), without angle brackets.
    private static func returnPath(_ message: Message) -> String? {
        message.headers["Return-Path"].map(bareAddress)
    }

    /// `<kate@x>` or ` kate@x ` as `kate@x`.
    static func bareAddress(_ text: String) -> String {
        var value = text.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("<"), value.hasSuffix(">") { value = String(value.dropFirst().dropLast()) }
        return value
    }

    /// Whether two addresses are the same mailbox: the domain compared without case, the local part as written
    /// (RFC 5321 §2.4), angle brackets ignored.
    static func sameAddress(_ left: String, _ right: String) -> Bool {
        let a = bareAddress(left)
        let b = bareAddress(right)
        guard let atA = a.lastIndex(of: "@"), let atB = b.lastIndex(of: "@") else { return a == b }
        return a[..<atA] == b[..<atB] && a[atA...].lowercased() == b[atB...].lowercased()
    }

    /// Whether `pattern` (checked when the scenario was compiled) has a match in `text`.
    static func search(_ pattern: String, in text: String) -> Bool {
        guard let regex = CompiledPatterns.expression(pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
