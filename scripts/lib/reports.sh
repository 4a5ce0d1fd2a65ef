# shellcheck shell=bash
# Keeping and counting the JUnit XML reports of Surefire and Failsafe. Needs common.sh first.

# Removes every module's reports, so that a pass counts only what it ran itself.
clear_module_reports() {
    find "$REPO_ROOT" -path "$REPO_ROOT/target" -prune -o -path '*/node_modules' -prune -o \
        -type d \( -name surefire-reports -o -name failsafe-reports \) -path '*/target/*' -print0 |
        xargs -0 rm -rf
}

# keep_reports DIR: copies the modules' TEST-*.xml into DIR (emptied first).
keep_reports() {
    local dir=$1
    rm -rf "$dir"
    mkdir -p "$dir"
    find "$REPO_ROOT" -path "$REPO_ROOT/target" -prune -o -path '*/node_modules' -prune -o \
        -type f -name 'TEST-*.xml' \( -path '*/target/surefire-reports/*' -o -path '*/target/failsafe-reports/*' \) \
        -print0 | xargs -0 -r cp -t "$dir"
}

# count_reports DIR FAILURES_FILE: prints "tests failures errors skipped" summed over DIR's
# TEST-*.xml, and writes each failing test's name with the first lines of its message to
# FAILURES_FILE. An unreadable report counts as one test in error.
count_reports() {
    python3 - "$1" "$2" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

directory, failures_file = sys.argv[1], sys.argv[2]
totals = [0, 0, 0, 0]
lines = []

def first_lines(text, count=3, width=200):
    kept = [l.strip()[:width] for l in (text or "").strip().splitlines() if l.strip()]
    return kept[:count] or ["(no message)"]

for path in sorted(glob.glob(os.path.join(directory, "TEST-*.xml"))):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        totals[0] += 1
        totals[2] += 1
        lines.append(f"{os.path.basename(path)}: unreadable report ({e})")
        continue
    suites = [root] if root.tag == "testsuite" else root.iter("testsuite")
    for suite in suites:
        for i, key in enumerate(("tests", "failures", "errors", "skipped")):
            try:
                totals[i] += int(float(suite.get(key, "0") or 0))
            except ValueError:
                pass
        for case in suite.iter("testcase"):
            for problem in list(case.findall("failure")) + list(case.findall("error")):
                name = f"{case.get('classname', '?')}.{case.get('name', '?')}"
                message = problem.get("message") or problem.text
                kind = "FAILED" if problem.tag == "failure" else "ERROR"
                detail = first_lines(message)
                lines.append(f"{kind} {name}: {detail[0]}")
                lines.extend(f"    {l}" for l in detail[1:])

with open(failures_file, "w") as out:
    out.write("\n".join(lines) + ("\n" if lines else ""))
print(*totals)
PY
}
