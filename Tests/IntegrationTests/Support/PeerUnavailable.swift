/// A peer a test needs is not configured or not answering.
///
/// Thrown by ``PeerEnvironment/requirePeer(_:)``; its description says which peer and how to start it, so a
/// failing test explains itself.
struct PeerUnavailable: Error, CustomStringConvertible {
    /// The peer that is missing.
    let peer: PeerEnvironment.Peer
    /// What was wrong: the variable is unset, malformed, or nothing answers there.
    let detail: String

    /// The message a failing test shows.
    var description: String {
        "\(peer) is not available: \(detail). Run the tests through scripts/test.sh, or start the peers with "
            + "`scripts/peers.sh start` and export .peers/env (set -a; . .peers/env; set +a)."
    }
}
