#!/usr/bin/env bash
# scripts/validate-examples.sh: checks the scenario language's files with an independent validator.
#
#   1. Grammar/scenario.schema.json and Grammar/environment.schema.json are valid JSON Schema 2020-12.
#   2. Every Examples/**/*.smtp.yaml and PeerExamples/*.smtp.yaml validates against the scenario schema, and every
#      Examples/**/environments/*.yaml against the environment schema (Examples/personas/ belongs to the mock
#      and is not checked here). Each example starts with `# yaml-language-server: $schema=<relative path>`
#      pointing at the right schema, and a scenario names its mock persona in a `# persona: NAME` comment.
#   3. The invalid corpus Tests/Fixtures/invalid/*.smtp.yaml: each file says in a leading comment whether the
#      schema can see its error:
#        # schema: rejects   the YAML loader or the schema must REJECT the file;
#        # schema: accepts   the error is one only the compiler can find (undefined variables, CR/LF that
#                            arrives through interpolation, RFC 5321 address limits); the schema must ACCEPT
#                            the file, so the label stays honest.
#      Each file has a sibling *.expected: one `<message substring> @ <line>:<col>` per error that
#      `smtpspec check` must report (the Swift tests compare them; this script checks their format and that
#      every location is inside the file; lines starting with # are comments).
#   4. With SMTPSPEC=path/to/smtpspec in the environment, also runs `smtpspec check`: Examples must exit 0, and
#      each corpus file must exit 2 with exactly the errors of its *.expected (message substring and location).
#
# Validation uses Python's jsonschema (Draft202012Validator) and PyYAML under /usr/bin/python3 (Debian
# python3-jsonschema and python3-yaml, installed with apt-get when missing). YAML is read as YAML 1.2 (core
# schema), like yaml-language-server and smtpspec: `on:` is a key, `yes` is a string; duplicate keys are errors.
#
# Exit status: 0 when everything holds, 1 otherwise (every failure is printed).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON=/usr/bin/python3

if ! "$PYTHON" -c 'import jsonschema, yaml' 2>/dev/null; then
    echo "validate-examples: installing python3-jsonschema and python3-yaml"
    if [[ $(id -u) -eq 0 ]]; then
        apt-get install -y -q python3-jsonschema python3-yaml >/dev/null \
            || { apt-get update -q >/dev/null && apt-get install -y -q python3-jsonschema python3-yaml >/dev/null; }
    else
        sudo apt-get install -y -q python3-jsonschema python3-yaml >/dev/null
    fi
fi

exec "$PYTHON" - "$ROOT" <<'PYTHON'
import glob
import json
import os
import re
import sys

import jsonschema
import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

ROOT = sys.argv[1]
os.chdir(ROOT)
failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


# ---------------------------------------------------------------------------------- YAML 1.2 loading
class LoadError(Exception):
    def __init__(self, message, line, column):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


CORE = [
    (re.compile(r"^(?:~|null|Null|NULL|)$"), lambda v: None),
    (re.compile(r"^(?:true|True|TRUE)$"), lambda v: True),
    (re.compile(r"^(?:false|False|FALSE)$"), lambda v: False),
    (re.compile(r"^[-+]?[0-9]+$"), lambda v: int(v)),
    (re.compile(r"^0o[0-7]+$"), lambda v: int(v[2:], 8)),
    (re.compile(r"^0x[0-9a-fA-F]+$"), lambda v: int(v[2:], 16)),
    (re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"), lambda v: float(v)),
    (re.compile(r"^[-+]?\.(?:inf|Inf|INF)$"), lambda v: float(v.replace(".", "", 1))),
    (re.compile(r"^\.(?:nan|NaN|NAN)$"), lambda v: float("nan")),
]
EXPLICIT = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda v: v.lower() == "true",
    "tag:yaml.org,2002:null": lambda v: None,
}
IMPLICIT_RESOLVER = yaml.resolver.Resolver()


def scalar(node):
    if node.style is None:
        implicit = IMPLICIT_RESOLVER.resolve(yaml.ScalarNode, node.value, (True, False))
        if node.tag == implicit:  # no explicit tag: resolve as YAML 1.2 core does
            for pattern, convert in CORE:
                if pattern.match(node.value):
                    return convert(node.value)
            return node.value
    if node.tag in EXPLICIT:
        try:
            return EXPLICIT[node.tag](node.value)
        except ValueError:
            return node.value
    return node.value


def construct(node, path, marks):
    """The plain Python value of a node; marks[path] = (line, col) of values, marks[path + ('<key>',)] of keys."""
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        return scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [construct(item, path + (i,), marks) for i, item in enumerate(node.value)]
    result = {}
    for key_node, value_node in node.value:
        key = construct(key_node, path + ("<key>",), marks)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            raise LoadError("duplicate key '%s'" % key, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        marks[path + (key, "<key>")] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        result[key] = construct(value_node, path + (key,), marks)
    return result


def load(path):
    """(value, marks) of a YAML file; raises LoadError."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    try:
        node = yaml.compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise LoadError("invalid YAML: %s" % error.problem, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1)
    marks = {}
    if node is None:
        return None, marks
    return construct(node, (), marks), marks


# ---------------------------------------------------------------------------------- schema errors
def short(value, limit=160):
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def explain(error):
    """One readable line per schema error, with the most useful location."""
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    message = error.message
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(schema.get("properties", {}))
        extra = [k for k in error.instance if k not in known]
        if extra:
            return [("unknown key '%s'" % key, path + (key, "<key>")) for key in extra]
    if error.validator == "oneOf" and str(schema.get("$comment", "")).startswith("Exactly one verb"):
        verbs = [branch["required"][0] for branch in schema["oneOf"]]
        present = [key for key in error.instance if key in verbs] if isinstance(error.instance, dict) else []
        if len(present) > 1:
            return [("a step must have exactly one verb; this one has %d: %s" % (len(present), ", ".join(present)),
                     path + (present[1], "<key>"))]
        return [("a step must have exactly one verb; this one has none", path)]
    own_message = schema.get("errorMessage")
    if error.validator == "not" and isinstance(error.validator_value, dict):
        own_message = error.validator_value.get("errorMessage")
    if own_message and error.validator not in ("pattern", "required", "dependentRequired", "propertyNames"):
        return [("%s: %s" % (short(error.instance), own_message), path)]
    if error.validator in ("anyOf", "oneOf") and error.context:
        # Explain the alternative the value was meant for: drop those whose type does not fit, then take
        # the one whose errors go deepest into the value.
        branches = {}
        for inner in error.context:
            branches.setdefault(inner.relative_schema_path[0], []).append(inner)
        viable = [errors for errors in branches.values()
                  if not any(e.validator in ("type", "enum", "const") and not e.relative_path for e in errors)]
        if viable:
            chosen = max(viable, key=lambda errors: max(len(e.relative_path) for e in errors))
            return [item for inner in chosen for item in explain(inner)]
        types = []
        for inner in error.context:
            if inner.validator == "type":
                expected = inner.validator_value
                types += expected if isinstance(expected, list) else [expected]
            elif inner.validator == "enum":
                types += [json.dumps(v) for v in inner.validator_value]
        if types:
            return [("%s is not %s" % (short(error.instance), " or ".join(dict.fromkeys(types))), path)]
        return explain(best_match(error.context))
    if error.validator == "pattern":
        hint = schema.get("patternErrorMessage")
        message = "%s does not match the %s%s" % (short(error.instance), schema.get("title", "pattern"),
                                                  (": " + hint) if hint else "")
    elif error.validator == "dependentRequired":
        message = error.message
    return [(message if len(message) < 300 else message[:297] + "...", path)]


def locate(marks, path):
    while path not in marks and path:
        path = path[:-1]
    return marks.get(path, (1, 1))


def schema_errors(validator, value, marks):
    explained = []
    for error in validator.iter_errors(value):
        explained += explain(error)
    # As smtpspec does: a step whose only "verb" is an unknown key gets the unknown key, not also "has none".
    unknown_at = {path[:-2] for message, path in explained if message.startswith("unknown key")}
    problems = set()
    for message, path in explained:
        if message.endswith("this one has none") and path in unknown_at:
            continue
        line, column = locate(marks, path)
        problems.add((line, column, message))
    return sorted(problems)


# ---------------------------------------------------------------------------------- the checks
def load_schema(path):
    try:
        with open(path, encoding="utf-8") as handle:
            schema = json.load(handle)
        Draft202012Validator.check_schema(schema)
    except Exception as error:  # noqa: BLE001 - any problem with the schema is a failure to report
        fail("%s: not a valid JSON Schema 2020-12: %s" % (path, error))
        return None
    if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
        fail("%s: $schema must be https://json-schema.org/draft/2020-12/schema" % path)
    return Draft202012Validator(schema)


SCENARIO_SCHEMA = "Grammar/scenario.schema.json"
ENVIRONMENT_SCHEMA = "Grammar/environment.schema.json"
scenario_validator = load_schema(SCENARIO_SCHEMA)
environment_validator = load_schema(ENVIRONMENT_SCHEMA)
if scenario_validator is None or environment_validator is None:
    print("validate-examples: FAILED (schemas)")
    sys.exit(1)


def leading_comments(path):
    lines = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            lines.append(line.rstrip("\n"))
    return lines


def check_header(path, schema_path, want_persona):
    comments = leading_comments(path)
    first = comments[0] if comments else ""
    match = re.match(r"^# yaml-language-server: \$schema=(\S+)$", first)
    if not match:
        fail("%s:1:1: the first line must be '# yaml-language-server: $schema=%s'"
             % (path, os.path.relpath(schema_path, os.path.dirname(path))))
    elif os.path.normpath(os.path.join(os.path.dirname(path), match.group(1))) != os.path.normpath(schema_path):
        fail("%s:1:1: $schema=%s does not point at %s (write $schema=%s)"
             % (path, match.group(1), schema_path, os.path.relpath(schema_path, os.path.dirname(path))))
    if want_persona and not any(re.match(r"^# persona: [A-Za-z0-9._/-]+\s*$", line) for line in comments):
        fail("%s: no '# persona: NAME' comment in the leading comments naming the mock persona it is written for"
             % path)


def validate(path, validator):
    """The problems of one file: [(line, col, message)]; a load error is one problem."""
    try:
        value, marks = load(path)
    except LoadError as error:
        return [(error.line, error.column, error.message)]
    except (OSError, UnicodeDecodeError) as error:
        return [(1, 1, "cannot read: %s" % error)]
    return schema_errors(validator, value, marks)


examples = sorted(p for p in glob.glob("Examples/**/*.smtp.yaml", recursive=True)
                  if not p.startswith("Examples/personas/"))
environments = sorted(p for p in glob.glob("Examples/**/environments/*.yaml", recursive=True)
                      if not p.startswith("Examples/personas/"))
if not examples:
    fail("Examples/: no *.smtp.yaml files")

# PeerExamples/: scenarios for the real peers (scripts/peers.sh), which README's main command does not play;
# they name no mock persona.
peer_examples = sorted(glob.glob("PeerExamples/*.smtp.yaml"))

for path, for_mock in [(p, True) for p in examples] + [(p, False) for p in peer_examples]:
    check_header(path, SCENARIO_SCHEMA, want_persona=for_mock)
    problems = validate(path, scenario_validator)
    for line, column, message in problems:
        fail("%s:%d:%d: %s" % (path, line, column, message))
    if not problems:
        print("ok   %s" % path)
    if not problems and for_mock:
        named = [m.group(1) for line in leading_comments(path)
                 for m in [re.match(r"^# persona: (\S+)\s*$", line)] if m]
        value, _ = load(path)
        if isinstance(value, dict) and "persona" in value and named and value["persona"] != named[0]:
            fail("%s: persona: %s disagrees with the comment '# persona: %s'" % (path, value["persona"], named[0]))

for path in environments:
    check_header(path, ENVIRONMENT_SCHEMA, want_persona=False)
    problems = validate(path, environment_validator)
    for line, column, message in problems:
        fail("%s:%d:%d: %s" % (path, line, column, message))
    if not problems:
        print("ok   %s" % path)

EXPECTED_LINE = re.compile(r"^(.+) @ ([0-9]+):([0-9]+)$")
corpus = sorted(glob.glob("Tests/Fixtures/invalid/*.smtp.yaml"))
if not corpus:
    fail("Tests/Fixtures/invalid/: no *.smtp.yaml files")
rejected, accepted = [], []
for path in corpus:
    markers = [m.group(1) for line in leading_comments(path)
               for m in [re.match(r"^# schema: (rejects|accepts)\b", line)] if m]
    if len(markers) != 1:
        fail("%s: needs exactly one leading comment '# schema: rejects' or '# schema: accepts'" % path)
        continue
    with open(path, encoding="utf-8") as handle:
        source_lines = handle.read().split("\n")
    expected_path = path[: -len(".smtp.yaml")] + ".expected"
    if not os.path.exists(expected_path):
        fail("%s: missing %s" % (path, expected_path))
    else:
        with open(expected_path, encoding="utf-8") as handle:
            entries = [line for line in handle.read().split("\n") if line and not line.startswith("#")]
        if not entries:
            fail("%s: empty" % expected_path)
        for number, entry in enumerate(entries, 1):
            match = EXPECTED_LINE.match(entry)
            if not match:
                fail("%s:%d: not '<message substring> @ <line>:<col>': %r" % (expected_path, number, entry))
                continue
            line, column = int(match.group(2)), int(match.group(3))
            if not (1 <= line <= len(source_lines) and 1 <= column <= len(source_lines[line - 1]) + 1):
                fail("%s:%d: %d:%d is not inside %s" % (expected_path, number, line, column, path))
    problems = validate(path, scenario_validator)
    if markers[0] == "rejects":
        if problems:
            rejected.append(path)
            line, column, message = problems[0]
            print("ok   %s rejected: %d:%d: %s" % (path, line, column, message))
        else:
            fail("%s: marked '# schema: rejects' but the schema accepts it" % path)
    else:
        if problems:
            for line, column, message in problems:
                fail("%s:%d:%d: marked '# schema: accepts' (compiler-only) but the schema rejects it: %s"
                     % (path, line, column, message))
        else:
            accepted.append(path)
            print("ok   %s accepted by the schema (compiler-only error)" % path)

# ---------------------------------------------------------------------------------- the compiler, when given
SMTPSPEC = os.environ.get("SMTPSPEC")
if SMTPSPEC:
    import subprocess

    DIAGNOSTIC = re.compile(r"^(error|warning): (.*)\n +--> (.+):([0-9]+):([0-9]+)$", re.M)

    def smtpspec_check(paths):
        run = subprocess.run([SMTPSPEC, "check", *paths], capture_output=True, text=True, timeout=300)
        found = [(m.group(3), m.group(2), int(m.group(4)), int(m.group(5)))
                 for m in DIAGNOSTIC.finditer(run.stderr) if m.group(1) == "error"]
        return run.returncode, found, run.stderr

    status, found, stderr = smtpspec_check(examples)
    if status != 0:
        fail("smtpspec check Examples exits %d, not 0:\n%s" % (status, stderr))
    status, found, stderr = smtpspec_check(peer_examples)
    if status != 0:
        fail("smtpspec check PeerExamples exits %d, not 0:\n%s" % (status, stderr))
    for path in corpus:
        expected_path = path[: -len(".smtp.yaml")] + ".expected"
        if not os.path.exists(expected_path):
            continue
        with open(expected_path, encoding="utf-8") as handle:
            wanted = [EXPECTED_LINE.match(line) for line in handle.read().split("\n")
                      if line and not line.startswith("#")]
        status, found, stderr = smtpspec_check([path])
        problems = []
        if status != 2:
            problems.append("exits %d, not 2" % status)
        unmatched = [(message, line, column) for _, message, line, column in found]
        for want in filter(None, wanted):
            text, line, column = want.group(1), int(want.group(2)), int(want.group(3))
            hit = next((d for d in unmatched if text in d[0] and d[1:] == (line, column)), None)
            if hit:
                unmatched.remove(hit)
            else:
                near = [d for d in unmatched if text in d[0] or d[1:] == (line, column)]
                problems.append("expected '%s @ %d:%d'%s" % (text, line, column,
                                (", got " + "; ".join("'%s @ %d:%d'" % d for d in near)) if near else ", not reported"))
        problems += ["unexpected error '%s @ %d:%d'" % d for d in unmatched]
        if problems:
            for problem in problems:
                fail("smtpspec check %s: %s" % (path, problem))
        else:
            print("ok   smtpspec check %s: %d error(s) as expected" % (path, len(found)))

print()
print("validate-examples: %d examples, %d environments; corpus: %d rejected by the schema, %d compiler-only"
      % (len(examples), len(environments), len(rejected), len(accepted)))
if failures:
    print("validate-examples: FAILED (%d problems)" % len(failures))
    sys.exit(1)
print("validate-examples: passed")
PYTHON
