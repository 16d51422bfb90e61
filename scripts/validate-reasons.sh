#!/usr/bin/env bash
# scripts/validate-reasons.sh: checks the reasons catalogue with an independent validator.
#
#   1. Grammar/reasons.schema.json is a valid JSON Schema 2020-12.
#   2. The bundled catalogue Sources/SMTPDiagnosis/Resources/reasons.yaml validates against it, its entry ids
#      are unique, and it holds every RFC 5321 reply code and every enhanced status code X.0.0 to X.7.30.
#   3. A few files that must NOT validate are rejected (so the schema keeps its teeth): an unknown step, a
#      reply code out of range, an entry with no pattern, an entry with a failure and a code.
#   4. Any further files named on the command line (a team's --reasons files) validate too.
#
# Uses Python's jsonschema (Draft202012Validator) and PyYAML under /usr/bin/python3 (Debian python3-jsonschema,
# python3-yaml; installed with apt-get when missing). Exit status: 0 when everything holds, 1 otherwise.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON=/usr/bin/python3

if ! "$PYTHON" -c 'import jsonschema, yaml' 2>/dev/null; then
    echo "validate-reasons: installing python3-jsonschema and python3-yaml"
    if [[ $(id -u) -eq 0 ]]; then
        apt-get install -y -q python3-jsonschema python3-yaml >/dev/null \
            || { apt-get update -q >/dev/null && apt-get install -y -q python3-jsonschema python3-yaml >/dev/null; }
    else
        sudo apt-get install -y -q python3-jsonschema python3-yaml >/dev/null
    fi
fi

read -r -d '' PROGRAM <<'PYTHON' || true
import json
import sys

import yaml
from jsonschema import Draft202012Validator

root, extra = sys.argv[1], sys.argv[2:]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


with open(root + "/Grammar/reasons.schema.json", encoding="utf-8") as handle:
    schema = json.load(handle)
try:
    Draft202012Validator.check_schema(schema)
except Exception as error:  # noqa: BLE001 - report any schema defect
    fail("Grammar/reasons.schema.json is not a valid 2020-12 schema: %s" % error)
    print("validate-reasons: FAILED")
    sys.exit(1)
validator = Draft202012Validator(schema)


def validate(path, document):
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors[:20]:
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        fail("%s: %s: %s" % (path, where, error.message[:300]))
    return not errors


bundled_path = "Sources/SMTPDiagnosis/Resources/reasons.yaml"
bundled = load(root + "/" + bundled_path)
if validate(bundled_path, bundled):
    print("ok   %s validates against Grammar/reasons.schema.json" % bundled_path)

ids = [entry.get("id") for entry in bundled.get("entries", [])]
if None in ids or len(set(ids)) != len(ids):
    fail("%s: every bundled entry needs a unique id" % bundled_path)

codes = {int(row["code"]) for row in bundled.get("reply-codes", [])}
rfc5321 = {211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455, 500, 501, 502, 503, 504, 550, 551,
           552, 553, 554, 555}
for code in sorted(rfc5321 - codes):
    fail("%s: reply code %d is missing" % (bundled_path, code))

details = {row["code"].upper() for row in bundled.get("enhanced-details", [])}
wanted = ["X.0.0"]
for subject, last in [(1, 10), (2, 4), (3, 6), (4, 7), (5, 6), (6, 10), (7, 30)]:
    wanted += ["X.%d.%d" % (subject, detail) for detail in range(last + 1)]
for code in wanted:
    if code not in details:
        fail("%s: enhanced status code %s is missing" % (bundled_path, code))

must_fail = {
    "an unknown step": {"entries": [{"step": "rcpt-to", "code": 550, "reasons": ["x"]}]},
    "a reply code out of range": {"entries": [{"code": 650, "reasons": ["x"]}]},
    "an entry without a pattern": {"entries": [{"step": "rcpt", "reasons": ["x"]}]},
    "a failure and a code together": {"entries": [{"failure": "refused", "code": 421, "reasons": ["x"]}]},
    "an empty reasons list": {"entries": [{"code": 550, "reasons": []}]},
    "an unknown top-level key": {"entrys": []},
    "a malformed enhanced pattern": {"entries": [{"enhanced": "5.x.1", "reasons": ["x"]}]},
}
for label, document in must_fail.items():
    if validator.is_valid(document):
        fail("the schema accepts %s" % label)
if not any(f.startswith("the schema accepts") for f in failures):
    print("ok   the schema rejects %d invalid files" % len(must_fail))

for path in extra:
    if validate(path, load(path)):
        print("ok   %s validates" % path)

if failures:
    print("validate-reasons: FAILED (%d)" % len(failures))
    sys.exit(1)
print("validate-reasons: ok")
PYTHON

exec "$PYTHON" -c "$PROGRAM" "$ROOT" "$@"
