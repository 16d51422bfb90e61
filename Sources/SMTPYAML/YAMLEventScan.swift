import CYaml

/// A pass over libyaml's event stream, before anything builds a tree, that refuses what could make a small file
/// expand into a huge one: aliases (`*name`, the alias bomb), merge keys (`<<`), nesting deeper than
/// ``InputLimits/depth`` and more nodes than ``InputLimits/nodes``.
///
/// Yams composes a tree and expands every alias in it (its duplicate-key check even hashes an aliased key's whole
/// expansion) before a caller sees a node, so the check has to read the events itself. It uses the libyaml that
/// Yams bundles (its `CYaml` module, which SwiftPM makes importable by Yams' dependents although Yams does not
/// list it as a product), so there is no second copy of libyaml to link and nothing to install. Should a Yams
/// release hide it, a system-library target for Debian's libyaml-dev (`pkgConfig: "yaml-0.1"`, like CResolv)
/// gives the same functions. A syntax error ends the pass
/// quietly: composing the file reports it, with the same message as always. One is the pass's own: libyaml's
/// scanner reads ahead up to 1,024 characters to see whether a flow collection is a key, and refuses nesting of
/// 1,000 levels or more met on the way; that is reported as too deep, where libyaml stopped.
enum YAMLEventScan {
    /// What kind of collection an open node is, and for a mapping whether the next node is a key.
    private enum Frame {
        case sequence
        case mapping(nextIsKey: Bool)
    }

    /// The first aliased, merged, too deep or one-too-many node of `source`, or `nil` when there is none.
    static func firstProblem(in source: SourceFile, limits: InputLimits) -> Diagnostic? {
        var text = source.text
        return text.withUTF8 { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var scan = Scan(source: source, limits: limits)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let outcome = scan.take(event)
                yaml_event_delete(&event)
                switch outcome {
                case .more: continue
                case .done: return nil
                case .refused(let diagnostic): return diagnostic
                }
            }
            guard let problem = parser.problem, String(cString: problem).hasPrefix("Maximum nesting level") else {
                return nil
            }
            let mark = parser.problem_mark
            return scan.tooDeep(at: source.location(line: mark.line + 1, column: mark.column + 1))
        }
    }

    /// The state of one pass: the open collections and the nodes counted so far.
    private struct Scan {
        enum Outcome {
            case more
            case done
            case refused(Diagnostic)
        }

        let source: SourceFile
        let limits: InputLimits
        var frames: [Frame] = []
        var nodes = 0

        init(source: SourceFile, limits: InputLimits) {
            self.source = source
            self.limits = limits
        }

        mutating func take(_ event: yaml_event_t) -> Outcome {
            let location = source.location(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .done
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                return .refused(
                    Diagnostic(
                        message: "YAML aliases are not supported: '*\(name)'",
                        location: location,
                        note: "write the value out, or put it in a variable under vars and use ${name}",
                        span: name.count + 1
                    )
                )
            case YAML_SCALAR_EVENT:
                if isKey, event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE, event.data.scalar.length == 2,
                    event.data.scalar.value[0] == UInt8(ascii: "<"), event.data.scalar.value[1] == UInt8(ascii: "<")
                {
                    return .refused(
                        Diagnostic(
                            message: "YAML merge keys ('<<') are not supported",
                            location: location,
                            note: "write the keys out in this mapping",
                            span: 2
                        )
                    )
                }
                if let refused = count(at: location) { return .refused(refused) }
                nodeEnded()
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if let refused = count(at: location) { return .refused(refused) }
                if frames.count >= limits.depth { return .refused(tooDeep(at: location)) }
                frames.append(event.type == YAML_SEQUENCE_START_EVENT ? .sequence : .mapping(nextIsKey: true))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if !frames.isEmpty { frames.removeLast() }
                nodeEnded()
            default:
                break
            }
            return .more
        }

        /// The error for a collection nested one level deeper than the limit.
        func tooDeep(at location: SourceLocation) -> Diagnostic {
            Diagnostic(
                message: "YAML nested more than \(limits.depth) levels deep",
                location: location,
                note: "smtpspec reads mappings and lists nested at most \(limits.depth) levels deep"
            )
        }

        /// Whether the next node is a mapping's key.
        private var isKey: Bool {
            if case .mapping(nextIsKey: true) = frames.last { return true }
            return false
        }

        /// Counts one more node; the error when it is one too many.
        private mutating func count(at location: SourceLocation) -> Diagnostic? {
            nodes += 1
            guard nodes > limits.nodes else { return nil }
            return Diagnostic(
                message: "file has more than \(limits.nodes) YAML nodes",
                location: location,
                note: "smtpspec reads at most \(limits.nodes) scalars, mappings and lists per file; "
                    + "this is the first one past that"
            )
        }

        /// A node (a scalar, or a collection at its end) is complete: a mapping expects a value after a key, and
        /// a key after a value.
        private mutating func nodeEnded() {
            guard case .mapping(let nextIsKey) = frames.last else { return }
            frames[frames.count - 1] = .mapping(nextIsKey: !nextIsKey)
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
