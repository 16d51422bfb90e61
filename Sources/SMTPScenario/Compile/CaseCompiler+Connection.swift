import SMTPCore
import SMTPYAML

extension CaseCompiler {
    /// Compiles `open`: host and port (split after interpolation), or MX domain, TLS settings.
    mutating func compileOpen(_ open: OpenAST, at location: SourceLocation) -> OpenPlan? {
        let tls = compileTLS(open.tls)
        let defaultPort = open.implicitTLS ? 465 : 25
        var port: Int?
        if let written = open.port {
            port = compilePort(written)
            if port == nil { return nil }
        }
        let target: OpenPlan.Target
        if let mx = open.mx {
            guard let domain = interpolator.text(mx)?.literalOrReport(mx, &interpolator.diagnostics) else { return nil }
            checkDomainText(domain, at: mx, allowLiteral: false)
            target = .mx(domain: domain, port: port ?? defaultPort)
        } else if let hostValue = open.host {
            guard let text = interpolator.text(hostValue)?.literalOrReport(hostValue, &interpolator.diagnostics)
            else { return nil }
            // Split after interpolation: `${server}` may carry a port. A host written beside `port` is a host alone.
            let parsed =
                open.port == nil
                ? HostPort.parse(text) : HostPort.parseHost(text).map { HostPort(host: $0, port: port) }
            switch parsed {
            case .success(let address):
                target = .host(address.host, port: address.port ?? defaultPort)
            case .failure(let problem):
                report(problem, in: hostValue)
                return nil
            }
        } else {
            return nil
        }
        return OpenPlan(
            target: target,
            each: open.each,
            tls: open.implicitTLS ? .implicit : .none,
            tlsOptions: tls ?? TLSPlan(),
            connectTimeout: open.timeout?.value ?? StepDefaults.connect
        )
    }

    private mutating func compilePort(_ value: Located<String>) -> Int? {
        guard let text = interpolator.text(value)?.literalOrReport(value, &interpolator.diagnostics) else { return nil }
        switch HostPort.port(text) {
        case .success(let port): return port
        case .failure(let problem):
            report(problem, in: value)
            return nil
        }
    }

    /// Reports a host:port problem at its place in the written value.
    private mutating func report(_ problem: HostPort.Problem, in value: Located<String>) {
        error(problem.message, at: interpolator.place(value, offset: problem.offset), note: problem.note)
    }

    /// Compiles `verify`, `ca-file` and `server-name`.
    mutating func compileTLS(_ tls: TLSAST) -> TLSPlan? {
        var plan = TLSPlan(verify: tls.verify)
        if let caFile = tls.caFile {
            guard let path = interpolator.text(caFile)?.literalOrReport(caFile, &interpolator.diagnostics) else {
                return nil
            }
            plan.caFile = path.hasPrefix("/") ? path : directory + "/" + path
        }
        if let serverName = tls.serverName {
            guard let name = interpolator.text(serverName)?.literalOrReport(serverName, &interpolator.diagnostics)
            else { return nil }
            plan.serverName = name
        }
        return plan
    }

    /// Compiles `auth`; the password is always secret.
    mutating func compileAuth(_ auth: AuthAST) -> PlannedAction? {
        guard let username = argument(auth.username, of: .auth), let rawPassword = argument(auth.password, of: .auth)
        else { return nil }
        let password = PlanText(
            rawPassword.segments.map { segment in
                if case .literal(let text) = segment {
                    interpolator.secrets.insert(text)
                    return .secret(text)
                }
                if case .secret(let text) = segment { interpolator.secrets.insert(text) }
                return segment
            }
        )
        return .auth(
            AuthPlan(
                mechanism: auth.mechanism.value,
                username: username,
                password: password,
                allowPlaintext: auth.allowPlaintext
            )
        )
    }
}
