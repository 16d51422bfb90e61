extension ESMTPParameter {
    /// The parameters with their keywords upper-cased, or a 501 error for a keyword given twice (RFC 3461 §4.5
    /// for the DSN parameters; every MAIL and RCPT parameter is treated alike).
    static func keyedOnce(
        _ parameters: [ESMTPParameter]
    ) -> Result<[(keyword: String, parameter: ESMTPParameter)], CommandSyntaxError> {
        var seen = Set<String>()
        var keyed: [(keyword: String, parameter: ESMTPParameter)] = []
        for parameter in parameters {
            let keyword = parameter.keyword.uppercased()
            guard seen.insert(keyword).inserted else {
                return .failure(
                    CommandSyntaxError(
                        .badParameter,
                        "Duplicate \(keyword) parameter (RFC 3461 §4.5)",
                        keyword: keyword
                    )
                )
            }
            keyed.append((keyword, parameter))
        }
        return .success(keyed)
    }
}
