import CResolv

/// One resource record of a DNS response's answer section, copied out of the message, with the whole message
/// kept so compressed names in its data can be expanded.
struct AnswerRecord: Sendable {
    /// The record type (`ns_t_mx`, `ns_t_a`, ...).
    var type: UInt32
    /// The record data.
    var data: [UInt8]
    /// The whole response message.
    private var message: [UInt8]
    /// Where the data starts within the message.
    private var dataOffset: Int

    /// Parses the answer section of a response with `ns_initparse`/`ns_parserr`.
    static func parse(_ message: [UInt8]) -> Result<[AnswerRecord], DNSQueryError> {
        message.withUnsafeBufferPointer { buffer -> Result<[AnswerRecord], DNSQueryError> in
            guard let base = buffer.baseAddress else { return .failure(.malformedResponse) }
            var handle = ns_msg()
            guard ns_initparse(base, Int32(buffer.count), &handle) == 0 else {
                return .failure(.malformedResponse)
            }
            let count = Int(handle._counts.1)
            var records: [AnswerRecord] = []
            for index in 0..<count {
                var record = ns_rr()
                guard ns_parserr(&handle, ns_s_an, Int32(index), &record) == 0, let rdata = record.rdata else {
                    return .failure(.malformedResponse)
                }
                let offset = rdata - base
                let length = Int(record.rdlength)
                guard offset >= 0, offset + length <= buffer.count else {
                    return .failure(.malformedResponse)
                }
                records.append(
                    AnswerRecord(
                        type: UInt32(record.type),
                        data: Array(buffer[offset..<(offset + length)]),
                        message: message,
                        dataOffset: offset
                    )
                )
            }
            return .success(records)
        }
    }

    /// Expands the (possibly compressed) domain name at `offset` within the record data with `dn_expand`.
    func expandName(atDataOffset offset: Int) -> String? {
        guard offset < data.count else { return nil }
        return message.withUnsafeBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var name = [CChar](repeating: 0, count: 1025)
            let used = dn_expand(base, base + buffer.count, base + dataOffset + offset, &name, Int32(name.count))
            guard used > 0 else { return nil }
            return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
