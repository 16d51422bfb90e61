import Foundation

/// A raw SMTP conversation over a Python socket: exact bytes out, exact reply lines back.
enum RawSMTP {
    /// One step: bytes to send (may be empty) and how many replies to read after them.
    struct Step: Encodable {
        var send: String
        var replies: Int
    }

    /// The script: reads the banner, then for each step sends the bytes (latin-1) and reads that
    /// many replies; prints a JSON list of replies, each a list of lines. "<closed>" marks EOF.
    static let script = #"""
        import json, socket, sys
        port = int(sys.argv[1]); steps = json.loads(sys.argv[2])
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        f = s.makefile("rb")
        def reply():
            lines = []
            while True:
                line = f.readline()
                if not line:
                    lines.append("<closed>"); return lines
                text = line.decode("utf-8", "replace").rstrip("\r\n")
                lines.append(text)
                if len(text) < 4 or text[3] != "-":
                    return lines
        out = [reply()]
        for step in steps:
            if step["send"]:
                s.sendall(step["send"].encode("latin-1"))
            for _ in range(step["replies"]):
                out.append(reply())
        print(json.dumps(out))
        """#

    /// Runs the conversation against 127.0.0.1:`port`; the first reply is the banner.
    static func converse(port: Int, _ steps: [Step]) async throws -> [[String]] {
        let json = String(decoding: try JSONEncoder().encode(steps), as: UTF8.self)
        let output = try await ExternalClient.runPython(script, [String(port), json])
        guard output.status == 0, let data = output.stdout.data(using: .utf8),
            let replies = try? JSONDecoder().decode([[String]].self, from: data)
        else {
            throw RawSMTPError(message: "python failed (\(output.status)): \(output.stderr) \(output.stdout)")
        }
        return replies
    }

    /// One command line per step, each answered by one reply.
    static func commands(port: Int, _ lines: [String]) async throws -> [[String]] {
        try await converse(port: port, lines.map { Step(send: $0 + "\r\n", replies: 1) })
    }
}

/// The raw conversation could not be run.
struct RawSMTPError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
