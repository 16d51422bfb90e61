/// Where a catalogue entry or table row comes from: the catalogue bundled with smtpspec, or a team's file.
public enum CatalogueOrigin: Sendable, Hashable {
    /// The bundled `reasons.yaml`.
    case bundled
    /// A team's `--reasons FILE`, by its path.
    case team(path: String)

    /// Whether this is a team's file.
    public var isTeam: Bool {
        if case .team = self { return true }
        return false
    }
}
