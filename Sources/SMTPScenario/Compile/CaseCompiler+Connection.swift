import Foundation
import SMTPCore
import SMTPYAML

extension CaseCompiler {
    /// Compiles `open`: host and port (split after interpolation), or MX domain, TLS settings. The host goes
    /// through the wire fence; a host or port read from a secret makes its parts secrets too.
    mutating func compileOpen(_ open: OpenAST, at location: SourceLocation) -> OpenPlan? {
        let tls = compileTLS(open.tls)
        let defaultPort = open.implicitTLS ? 465 : 25
        var port: Int?
        var portFailed = false
        if let written = open.port {
            // A bad port does not stop the host from being checked too.
            port = compilePort(written)
            portFailed = port == nil
        }
        let target: OpenPlan.Target
        if let mx = open.mx {
            guard let planned = fenced(mx, slot: .host, what: "the MX domain of 'open'"),
                let domain = planned.literalOrReport(mx, &interpolator.diagnostics)
            else { return nil }
            checkDomainText(planned, at: mx, allowLiteral: false)
            derive(domain, from: planned)
            target = .mx(domain: domain, port: port ?? defaultPort)
        } else if let hostValue = open.host {
            guard let planned = fenced(hostValue, slot: .host, what: "the host of 'open'"),
                let text = planned.literalOrReport(hostValue, &interpolator.diagnostics)
            else { return nil }
            // Split after interpolation: `${server}` may carry a port. A host written beside `port` is a host alone.
            let parsed =
                open.port == nil
                ? HostPort.parse(text) : HostPort.parseHost(text).map { HostPort(host: $0, port: port) }
            switch parsed {
            case .success(let address):
                derive(address.host, from: planned)
                if open.port == nil, let written = address.port {
                    // The port is the end of the text: a secret only when a secret wrote it.
                    let digits = String(written).count
                    let count = text.unicodeScalars.count
                    if planned.hasSecret(inScalars: (count - digits)..<count) { derive(String(written), from: planned) }
                }
                target = .host(address.host, port: address.port ?? defaultPort)
            case .failure(let problem):
                report(problem, in: hostValue, planned, secret: "'open' needs a host, host:port or [v6]:port")
                return nil
            }
        } else {
            return nil
        }
        if portFailed { return nil }
        return OpenPlan(
            target: target,
            each: open.each,
            tls: open.implicitTLS ? .implicit : .none,
            tlsOptions: tls ?? TLSPlan(),
            connectTimeout: open.timeout?.value ?? StepDefaults.connect
        )
    }

    private mutating func compilePort(_ value: Located<String>) -> Int? {
        guard let planned = fenced(value, slot: .host, what: "the port of 'open'"),
            let text = planned.literalOrReport(value, &interpolator.diagnostics)
        else { return nil }
        switch HostPort.port(text) {
        case .success(let port):
            derive(String(port), from: planned)
            return port
        case .failure(let problem):
            report(problem, in: value, planned, secret: "'port' must be a port number from 1 to 65535")
            return nil
        }
    }

    /// Reports a host:port problem at its place in the written value; for a secret value, `secret` at the value.
    private mutating func report(
        _ problem: HostPort.Problem,
        in value: Located<String>,
        _ planned: PlanText,
        secret: String
    ) {
        if planned.containsSecret {
            error(secret, at: value.location, note: Self.secretNote, span: writtenSpan(value))
        } else {
            error(problem.message, at: interpolator.place(value, offset: problem.offset), note: problem.note)
        }
    }

    /// Compiles `verify`, `ca-file` and `server-name`. A `ca-file` that cannot be read is an error here, before
    /// anything is sent.
    mutating func compileTLS(_ tls: TLSAST) -> TLSPlan? {
        var plan = TLSPlan(verify: tls.verify)
        if let caFile = tls.caFile {
            guard let planned = interpolator.text(caFile),
                let path = planned.literalOrReport(caFile, &interpolator.diagnostics)
            else {
                return nil
            }
            let full = path.hasPrefix("/") ? path : directory + "/" + path
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) || isDirectory.boolValue
                || !FileManager.default.isReadableFile(atPath: full)
            {
                problem(
                    in: planned,
                    at: caFile,
                    "cannot read ca-file '\(Self.quoted(path))'",
                    secret: "cannot read the ca-file",
                    note: "a PEM file of CA certificates; paths are relative to the scenario file",
                    span: writtenSpan(caFile)
                )
                return nil
            }
            plan.caFile = full
        }
        if let serverName = tls.serverName {
            guard let planned = fenced(serverName, slot: .host, what: "the server-name of 'starttls'"),
                let name = planned.literalOrReport(serverName, &interpolator.diagnostics)
            else { return nil }
            derive(name, from: planned)
            plan.serverName = name
        }
        return plan
    }

    /// Compiles `auth`; the password is always secret. Both go through the wire fence for credentials (no CR, LF,
    /// NUL or SOH), the password as a secret from the start, so that no message shows it.
    mutating func compileAuth(_ auth: AuthAST) -> PlannedAction? {
        // Both are fenced, so that a bad user name does not hide a bad password.
        let username = fenced(auth.username, slot: .credential, what: "the user name of 'auth'")
        guard let password = password(auth.password, what: "the password of 'auth'"), let username else {
            return nil
        }
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

extension CaseCompiler {
    /// A password: interpolated, every piece of it a secret (never shown), and fenced as a credential.
    mutating func password(_ value: Located<String>, what: String) -> PlanText? {
        guard let raw = interpolator.interpolate(value) else { return nil }
        let password = PlanText(
            raw.text.segments.map { segment in
                if case .literal(let text) = segment {
                    interpolator.secrets.insert(text)
                    return .secret(text)
                }
                if case .secret(let text) = segment { interpolator.secrets.insert(text) }
                return segment
            }
        )
        return fence(password, slot: .credential, what: what, at: value) ? password : nil
    }
}

extension PlanText {
    /// Whether any scalar in `range` of ``wire(captures:)`` (captures empty) comes from a secret.
    func hasSecret(inScalars range: Range<Int>) -> Bool {
        range.contains { isSecret(atScalar: $0) }
    }
}
