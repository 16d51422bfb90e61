import SMTPScenario

extension SessionPlan {
    /// The servers this session opens connections to, as the per-host limit counts them: `--server` when given
    /// (every `open` goes there), else each `open`'s host and port, or the MX domain it looks up. Sorted, once each.
    func hosts(with options: RunnerOptions) -> [String] {
        if let server = options.server { return ["\(server.host.lowercased()):\(server.port)"] }
        var hosts: Set<String> = []
        for step in steps {
            guard case .open(let open) = step.action else { continue }
            switch open.target {
            case .host(let host, let port): hosts.insert("\(host.lowercased()):\(port)")
            case .mx(let domain, let port): hosts.insert("mx \(domain.lowercased()):\(port)")
            }
        }
        return hosts.sorted()
    }
}
