import Foundation
import Testing

@testable import SMTPMock

/// The bounded store: the newest messages stay, older ones are evicted, and past the content budget the oldest keep
/// their headers only.
@Suite struct MessageStoreTests {
    static func message(_ number: Int, bodyOctets: Int = 10) -> ReceivedMessage {
        let content =
            Array("Subject: \(number)\r\n\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "b"), count: bodyOctets)
        return ReceivedMessage(
            reversePath: "a@example.org",
            mailParameters: [],
            recipients: [.init(forwardPath: "b@example.net", parameters: [])],
            content: content,
            queueID: "Q\(number)"
        )
    }

    @Test func theOldestMessagesAreEvictedPastTheCount() {
        let store = MessageStore(retention: MessageRetention(messages: 3, contentOctets: 1 << 20))
        for number in 1...10 { store.append(Self.message(number)) }
        #expect(store.all.map(\.queueID) == ["Q8", "Q9", "Q10"])
        #expect(store.count == 3)
        #expect(store.acceptedCount == 10)
        #expect(store.evictedCount == 7)
    }

    @Test func pastTheContentBudgetTheOldestKeepTheirHeadersOnly() {
        let store = MessageStore(retention: MessageRetention(messages: 100, contentOctets: 2_500_000))
        for number in 1...5 { store.append(Self.message(number, bodyOctets: 1_000_000)) }
        let kept = store.all
        #expect(kept.count == 5)
        #expect(kept.prefix(3).allSatisfy { $0.isContentTrimmed })
        #expect(!kept[3].isContentTrimmed && !kept[4].isContentTrimmed)
        #expect(kept[0].text == "Subject: 1\r\n\r\n")
        #expect(kept[0].octets == kept[4].octets)
        #expect(store.contentOctets <= 2_500_000)
    }

    @Test func theStandaloneRetentionKeepsEnvelopesAndHeadersButNoBodies() {
        let store = MessageStore(retention: .standalone)
        for number in 1...250 { store.append(Self.message(number, bodyOctets: 100_000)) }
        #expect(store.count == 100)
        #expect(store.all.allSatisfy { $0.isContentTrimmed && $0.content.count < 100 })
        #expect(store.all.last?.forwardPaths == ["b@example.net"])
    }

    @Test func aHeaderSectionIsCutAt16KiB() {
        var message = ReceivedMessage(
            reversePath: "",
            mailParameters: [],
            recipients: [],
            content: [UInt8](repeating: UInt8(ascii: "h"), count: 100_000)
        )
        message.trimContent()
        #expect(message.content.count == MessageRetention.headerOctets)
        #expect(message.octets == 100_000)
    }

    @Test func readersRemoveWhatTheyNoLongerAwait() {
        let store = MessageStore()
        for number in 1...4 { store.append(Self.message(number)) }
        #expect(store.remove { $0.queueID == "Q2" || $0.queueID == "Q3" } == 2)
        #expect(store.all.map(\.queueID) == ["Q1", "Q4"])
        store.removeAll()
        #expect(store.count == 0)
        #expect(store.contentOctets == 0)
    }
}

/// The greylist forgets its oldest pairs past its capacity.
@Suite struct GreylistCapacityTests {
    @Test func theOldestPairsAreForgottenPastTheCapacity() {
        let greylist = Greylist(capacity: 100)
        for number in 0..<1_000 {
            #expect(greylist.isFirstAttempt(sender: "s\(number)@example.org", recipient: "r@example.net"))
        }
        #expect(greylist.count == 100)
        #expect(!greylist.isFirstAttempt(sender: "s999@example.org", recipient: "r@example.net"))
        #expect(greylist.isFirstAttempt(sender: "s0@example.org", recipient: "r@example.net"))
    }
}
