"""Compares godwit lint --json with squawk --reporter json on the same files (see scripts/lint-compare)."""
import json
import os
import re
import sys
from collections import defaultdict

# Rule families. LOCKING ones are hazards godwit must find wherever squawk finds them.
SQUAWK = {
    "require-concurrent-index-creation": "index without CONCURRENTLY",
    "require-concurrent-index-deletion": "drop index without CONCURRENTLY",
    "constraint-missing-not-valid": "constraint without NOT VALID",
    "adding-foreign-key-constraint": "constraint without NOT VALID",
    "disallowed-unique-constraint": "unique/primary key constraint",
    "adding-serial-primary-key-field": "unique/primary key constraint",
    "adding-field-with-default": "default or column that rewrites",
    "changing-column-type": "type change that rewrites",
    "adding-not-nullable-field": "SET NOT NULL",
    "adding-required-field": "required column",
    "ban-concurrent-index-creation-in-transaction": "CONCURRENTLY in a transaction",
    "require-lock-timeout": "lock timeout",
    "require-timeout-settings": "lock timeout",
    "renaming-column": "rename (breaks running code)",
    "renaming-table": "rename (breaks running code)",
    "ban-drop-column": "drop (breaks running code)",
    "ban-drop-table": "drop (breaks running code)",
}
GODWIT = {
    "index-not-concurrent": "index without CONCURRENTLY",
    "drop-index-not-concurrent": "drop index without CONCURRENTLY",
    "constraint-not-valid": "constraint without NOT VALID",
    "unique-constraint": "unique/primary key constraint",
    "volatile-default": "default or column that rewrites",
    "rewriting-column": "default or column that rewrites",
    "table-rewrite": "default or column that rewrites",
    "type-change": "type change that rewrites",
    "set-not-null": "SET NOT NULL",
    "required-column": "required column",
    "concurrently-in-transaction": "CONCURRENTLY in a transaction",
    "missing-lock-timeout": "lock timeout",
    "rename-column": "rename (breaks running code)",
    "rename-table": "rename (breaks running code)",
    "drop-column": "drop (breaks running code)",
    "drop-table": "drop (breaks running code)",
}
# A squawk family is also answered by these godwit families on the same statement (squawk calls a
# primary key added in an ALTER "constraint-missing-not-valid"; godwit says it builds an index under lock).
ALSO = {"constraint without NOT VALID": {"unique/primary key constraint"}}
BREAKING = {"rename (breaks running code)", "drop (breaks running code)"}
# A migration-wide family: matched per file, not per statement.
PER_FILE = {"lock timeout"}


def squawk_findings(path):
    text = open(path).read()
    out = []
    # One JSON array per squawk run (xargs may run it more than once).
    decoder = json.JSONDecoder()
    i = 0
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        value, i = decoder.raw_decode(text, i)
        out.extend(value)
    return out


SOURCES = {}


def source(path):
    if path not in SOURCES:
        SOURCES[path] = open(path, encoding="utf-8", errors="replace").read()
    return SOURCES[path]


def not_a_hazard(path, line, rule):
    """Why a squawk finding is no locking hazard, checked on the SQL itself; None when it is one."""
    text = source(path)
    if rule == "adding-field-with-default":
        at = text.splitlines()[line - 1] if line - 1 < len(text.splitlines()) else ""
        if re.search(r"DEFAULT\s+-?\d+(\.\d+)?\s*(,|;|$)", at) and "GENERATED" not in at.upper():
            return "a constant default: no rewrite since PostgreSQL 11"
    if rule in ("require-lock-timeout", "require-timeout-settings"):
        created = {m.lower() for m in re.findall(r'CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([\w.]+)"?', text, re.I)}
        touched = re.findall(r'(?:ALTER\s+TABLE\s+(?:ONLY\s+)?|\bON\s+(?!DELETE\b|UPDATE\b)|REFERENCES\s+|DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?)"?([\w.]+)"?', text, re.I)
        if all(t.lower() in created for t in touched) and not re.search(r"DROP\s+INDEX|TRUNCATE", text, re.I):
            return "only objects the migration creates, or types: no table anyone else holds"
    return None


def main(godwit_path, squawk_path, sql_dir):
    godwit = json.load(open(godwit_path))
    starts = {}   # file -> sorted statement start lines (1-based)
    g_found = defaultdict(set)   # (file, family) -> set of statement lines (0 for the migration)
    g_count = defaultdict(int)
    for report in godwit:
        f = report["migration"]
        for fd in report["findings"]:
            fam = GODWIT.get(fd["rule"], "other: " + fd["rule"])
            g_count[fam] += 1
            g_found[(f, fam)].add(fd["line"])
    s_count = defaultdict(int)
    missed = []
    matched = defaultdict(int)
    style = defaultdict(int)
    for fd in squawk_findings(squawk_path):
        f = os.path.relpath(fd["file"], sql_dir) if os.path.isabs(fd["file"]) else fd["file"]
        fam = SQUAWK.get(fd["rule_name"])
        if fam is None:
            style[fd["rule_name"]] += 1
            continue
        line = fd["line"] + 1
        why = not_a_hazard(os.path.join(sql_dir, f), line, fd["rule_name"])
        if why:
            style["%s (%s)" % (fd["rule_name"], why)] += 1
            continue
        s_count[fam] += 1
        lines = set(g_found.get((f, fam), set()))
        for other in ALSO.get(fam, ()):
            lines |= g_found.get((f, other), set())
        if fam in PER_FILE:
            ok = bool(lines)
        else:
            # The statement squawk points into: godwit reports the line its statement starts on.
            ok = any(l <= line for l in lines) if lines else False
        if ok:
            matched[fam] += 1
        else:
            missed.append((f, line, fd["rule_name"], fd["message"]))
    families = sorted(set(s_count) | set(g_count))
    files = len(godwit)
    print(f"{files} PostgreSQL migrations, {sum(len(r['findings']) for r in godwit)} godwit findings, "
          f"{sum(s_count.values()) + sum(style.values())} squawk findings")
    print()
    print(f"{'rule family':<36} {'squawk':>7} {'godwit':>7} {'squawk ones godwit found':>26}")
    for fam in families:
        kind = " (breaking)" if fam in BREAKING else ""
        print(f"{fam + kind:<36} {s_count.get(fam, 0):>7} {g_count.get(fam, 0):>7} {matched.get(fam, 0):>26}")
    if style:
        print()
        print("squawk findings that are no locking hazard (style rules, and the reason checked on the SQL): " + ", ".join(f"{k} {v}" for k, v in sorted(style.items())))
    print()
    hazards = [m for m in missed if SQUAWK[m[2]] not in BREAKING]
    if not missed:
        print("godwit found every hazard squawk found.")
    else:
        print(f"squawk findings godwit missed: {len(missed)} ({len(hazards)} locking or rewriting)")
        for f, line, rule, msg in missed[:40]:
            print(f"  {f}:{line}  {rule}: {msg}")
    return 1 if hazards else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
