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
            guard var host = interpolator.text(hostValue)?.literalOrReport(hostValue, &interpolator.diagnostics)
            else { return nil }
            if open.port == nil {
                var problems: [Diagnostic] = []
                guard let (splitHost, splitPort) = HostPort.split(host, at: hostValue.location, diagnostics: &problems)
                else {
                    interpolator.diagnostics += problems
                    return nil
                }
                host = splitHost.value
                if let splitPort {
                    port = compilePort(splitPort)
                    if port == nil { return nil }
                }
            }
            if host.isEmpty {
                error("'open' has an empty host", at: hostValue.location)
                return nil
            }
            if host.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" || $0 == "/" }) {
                error("'\(host)' is not a host name or address", at: hostValue.location)
                return nil
            }
            target = .host(host, port: port ?? defaultPort)
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
        guard let port = Int(text), (1...65535).contains(port) else {
            error(
                "'\(text)' is not a port number",
                at: value.location,
                note: "ports are 1 to 65535; SMTP uses 25, 465 or 587"
            )
            return nil
        }
        return port
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
