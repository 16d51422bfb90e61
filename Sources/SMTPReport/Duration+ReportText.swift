import SMTPCore

extension Duration {
    /// SMTPCore's `shortText` under the name FailureExplanation+Building.swift still calls; that file belongs to
    /// the explanation rework, which should call `shortText` and delete this.
    var reportText: String { shortText }
}
