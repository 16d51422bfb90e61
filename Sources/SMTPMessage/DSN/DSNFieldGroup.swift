/// One group of a delivery-status part's fields (RFC 3464 §2.1) with the checks every group needs: fields
/// that may appear once, required fields, `type; value` fields.
struct DSNFieldGroup {
    /// The group's fields.
    let section: HeaderSection
    /// The group's number: 0 per-message, 1 and up per-recipient.
    let group: Int

    /// The value of the field `name`, `nil` when absent; throws when it appears more than once.
    func single(_ name: String) throws(DSNError) -> String? {
        let values = section.values(named: name)
        guard values.count <= 1 else { throw .duplicateField(name: name, group: group) }
        return values.first
    }

    /// The value of the field `name`; throws when it is absent or appears more than once.
    func required(_ name: String) throws(DSNError) -> String {
        guard let value = try single(name) else { throw .missingField(name: name, group: group) }
        return value
    }

    /// The `type; value` field `name`, `nil` when absent.
    func typed(_ name: String, allowEmptyValue: Bool = false) throws(DSNError) -> DSNTypedValue? {
        guard let text = try single(name) else { return nil }
        guard let value = DSNTypedValue(parsing: text, allowEmptyValue: allowEmptyValue) else {
            throw .invalidTypedField(name: name, group: group)
        }
        return value
    }

    /// The `type; value` field `name`; throws when it is absent.
    func requiredTyped(_ name: String) throws(DSNError) -> DSNTypedValue {
        guard let value = try typed(name) else { throw .missingField(name: name, group: group) }
        return value
    }
}
