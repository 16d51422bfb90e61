import Foundation
import SMTPMock
import Testing

/// STARTTLS over a real socket: plaintext pipelined after STARTTLS is discarded (RFC 3207 §4.2).
@Suite struct LiveStartTLSTests {
    static let script = #"""
        import socket, ssl, sys
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=30)
        def reply(read):
            lines = []
            while True:
                line = read().decode().rstrip("\r\n")
                lines.append(line)
                if len(line) < 4 or line[3] != "-":
                    return lines
        plain = s.makefile("rb")
        reply(plain.readline)
        s.sendall(b"EHLO client.example\r\n"); reply(plain.readline)
        s.sendall(b"STARTTLS\r\nNOOP\r\n")
        print(reply(plain.readline)[0])
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False; context.verify_mode = ssl.CERT_NONE
        t = context.wrap_socket(s)
        secure = t.makefile("rb")
        t.sendall(b"EHLO client.example\r\n")
        ehlo = reply(secure.readline)
        print(ehlo[0]); print("STARTTLS" in " ".join(ehlo)); print(t.version())
        """#

    @Test func plaintextPipelinedAfterSTARTTLSIsDiscarded() async throws {
        try await withMockServer(persona: try Persona.builtin(named: "postfix")) { server in
            let output = try await ExternalClient.runPython(Self.script, [String(server.address.port)])
            let lines = output.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 4, "\(output.stdout)\(output.stderr)")
            #expect(lines.first == "220 2.0.0 Ready to start TLS")
            #expect(lines.dropFirst().first == "250-mail.example.net")
            #expect(lines.dropFirst(2).first == "False")
            #expect(lines.last?.hasPrefix("TLSv1.") == true)
        }
    }
}
