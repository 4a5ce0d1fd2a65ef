#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Runs every test: the whole Maven build on H2, again on MariaDB, then scripts/tests/*.sh.
# The agent's, the CLI's and the web console's (Vitest) tests touch no database: when the H2 pass has built
# and run them, the MariaDB pass runs the server's tests only (and reuses the web build), less those marked
# @DatabaseIndependent (real Ansible or the code's structure, no database of theirs).
# Ends with the line "N passed, M failed", counted from the JUnit XML reports; exits 1 when
# anything failed, 2 when the machine lacks something it could not install.
#
# Usage: scripts/test.sh [h2] [mariadb] [scripts] [-- MAVEN_ARGS...]
#   With no pass named, all three run. MAVEN_ARGS go to both Maven passes, for instance
#   -- -Dtest='NodesApiTests' -Dsurefire.failIfNoSpecifiedTests=false
# The MariaDB pass uses DEVOPS_TEST_DB_HOST/PORT/USER/PASSWORD/NAME (see scripts/lib/mariadb.sh).
# Maven's output goes to target/test-logs/<pass>.log, the reports to target/test-results/<pass>/.
set -uo pipefail

# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/prereqs.sh
. "$REPO_ROOT/scripts/lib/prereqs.sh"
# shellcheck source=lib/reports.sh
. "$REPO_ROOT/scripts/lib/reports.sh"

cd "$REPO_ROOT" || exit 2
RESULTS_DIR="$REPO_ROOT/target/test-results"
LOG_DIR="$REPO_ROOT/target/test-logs"
SCRIPT_TIMEOUT="${DEVOPS_TEST_SCRIPT_TIMEOUT:-1800}"

PASSES=()
MAVEN_ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        h2 | mariadb | scripts) PASSES+=("$1") ;;
        --)
            shift
            MAVEN_ARGS=("$@")
            break
            ;;
        -h | --help)
            awk 'NR > 2 && /^#/ { sub(/^# ?/, ""); print; next } NR > 2 { exit }' "$0"
            exit 0
            ;;
        *) die 2 "unknown argument '$1' (passes: h2 mariadb scripts; Maven arguments go after --)" ;;
    esac
    shift
done
[ ${#PASSES[@]} -gt 0 ] || PASSES=(h2 mariadb scripts)
wants() { [[ " ${PASSES[*]} " == *" $1 "* ]]; }

mkdir -p "$LOG_DIR" "$RESULTS_DIR"
ensure_test_prereqs
if wants mariadb || wants scripts; then
    # shellcheck source=lib/mariadb.sh
    . "$REPO_ROOT/scripts/lib/mariadb.sh"
    ensure_test_db_server
fi

# Per pass: name, passed, failed, skipped, seconds.
SUMMARY_NAMES=()
SUMMARY_PASSED=()
SUMMARY_FAILED=()
SUMMARY_SKIPPED=()
SUMMARY_SECONDS=()
record() {
    SUMMARY_NAMES+=("$1")
    SUMMARY_PASSED+=("$2")
    SUMMARY_FAILED+=("$3")
    SUMMARY_SKIPPED+=("$4")
    SUMMARY_SECONDS+=("$5")
}

# Prints the first lines of FILE indented, and how many more there are.
show_head() {
    local file=$1 count=$2 total
    total=$(wc -l <"$file")
    sed -n "1,${count}p" "$file" | sed 's/^/    /'
    [ "$total" -le "$count" ] || info "    ... $((total - count)) more lines in ${file#"$REPO_ROOT"/}"
}

# mvn_verify LOG OFFLINE ENV_ARGS...: one Maven build with tests; test failures do not stop it
# (they are read from the reports), so its exit code says whether the build itself worked.
mvn_verify() {
    local log=$1 offline=$2
    shift 2
    local flags=(-B --no-transfer-progress --fail-at-end -Dmaven.test.failure.ignore=true)
    [ "$offline" = yes ] && flags+=(--offline)
    env "$@" mvn "${flags[@]}" verify "${PASS_MAVEN_ARGS[@]}" "${MAVEN_ARGS[@]}" >"$log" 2>&1
}

# Extra Maven arguments of the next pass; LAST_BUILD_RC is the exit code of the last pass's build.
PASS_MAVEN_ARGS=()
LAST_BUILD_RC=""


# maven_pass NAME ENV_ARGS...: runs the build, keeps its reports and records its counts.
maven_pass() {
    local name=$1
    shift
    local log="$LOG_DIR/$name.log" failures="$LOG_DIR/$name.failures" start rc offline=no
    local tests failed_tests errors skipped passed failed
    # Later passes reuse what the first downloaded; online again only if something is missing.
    [ ${#SUMMARY_NAMES[@]} -gt 0 ] && offline=yes
    info "==> $name: mvn verify (log: ${log#"$REPO_ROOT"/})"
    start=$SECONDS
    clear_module_reports
    mvn_verify "$log" "$offline" "$@"
    rc=$?
    if [ "$rc" -ne 0 ] && [ "$offline" = yes ] &&
        grep -qE 'offline mode|has not been downloaded from it before' "$log"; then
        info "    $name: an artifact is missing offline; building again online"
        clear_module_reports
        mvn_verify "$log" no "$@"
        rc=$?
    fi
    LAST_BUILD_RC=$rc
    keep_reports "$RESULTS_DIR/$name"
    : >"$failures"
    read -r tests failed_tests errors skipped < <(count_reports "$RESULTS_DIR/$name" "$failures")
    if [ -z "${skipped:-}" ]; then
        tests=0 failed_tests=0 errors=1 skipped=0
        echo "UNCOUNTED: the reports in ${RESULTS_DIR#"$REPO_ROOT"/}/$name could not be read" >>"$failures"
    fi
    passed=$((tests - failed_tests - errors - skipped))
    failed=$((failed_tests + errors))
    if [ "$rc" -ne 0 ]; then
        failed=$((failed + 1))
        echo "BUILD FAILED: mvn exited with $rc" >>"$failures"
        grep -E '^\[ERROR\] .|^npm (error|ERR!) .|error TS[0-9]+' "$log" | head -n 15 | sed 's/^/    /' >>"$failures"
    elif [ "$tests" -eq 0 ]; then
        failed=$((failed + 1))
        echo "NO TESTS: the build passed but left no TEST-*.xml report" >>"$failures"
    fi
    record "$name" "$passed" "$failed" "$skipped" $((SECONDS - start))
    info "    $name: $passed passed, $failed failed, $skipped skipped ($(duration $((SECONDS - start))))"
    if [ "$failed" -gt 0 ]; then
        show_head "$failures" 40
    fi
}

# Every executable scripts/tests/*.sh is one test: exit 0 passed, anything else failed. Each runs
# from the repository root after the Maven passes (so server/target/devops-server.jar exists),
# with DEVOPS_TEST_DB_HOST/PORT/USER/PASSWORD set to the reachable MariaDB.
scripts_pass() {
    local start=$SECONDS passed=0 failed=0 script name log rc
    local runner=()
    have timeout && runner=(timeout "$SCRIPT_TIMEOUT")
    shopt -s nullglob
    local scripts=("$REPO_ROOT"/scripts/tests/*.sh)
    shopt -u nullglob
    info "==> scripts: ${#scripts[@]} in scripts/tests/ (logs: target/test-logs/scripts/)"
    mkdir -p "$LOG_DIR/scripts"
    for script in "${scripts[@]}"; do
        name="$(basename "$script")"
        if [ ! -x "$script" ]; then
            warn "scripts/tests/$name is not executable: skipped (chmod +x it to run it as a test)"
            continue
        fi
        log="$LOG_DIR/scripts/${name%.sh}.log"
        env "DEVOPS_TEST_DB_HOST=$TEST_DB_HOST" "DEVOPS_TEST_DB_PORT=$TEST_DB_PORT" \
            "DEVOPS_TEST_DB_USER=$TEST_DB_USER" "DEVOPS_TEST_DB_PASSWORD=$TEST_DB_PASSWORD" \
            "${runner[@]}" "$script" >"$log" 2>&1 </dev/null
        rc=$?
        if [ "$rc" -eq 0 ]; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
            info "    FAILED scripts/tests/$name (exit $rc; log: ${log#"$REPO_ROOT"/}):"
            tail -n 20 "$log" | sed 's/^/      /'
        fi
    done
    record scripts "$passed" "$failed" 0 $((SECONDS - start))
    info "    scripts: $passed passed, $failed failed ($(duration $((SECONDS - start))))"
}

wants h2 && maven_pass h2 -u DEVOPS_TEST_DB -u DEVOPS_TEST_DB_URL -u DEVOPS_TEST_DB_USER -u DEVOPS_TEST_DB_PASSWORD
if wants mariadb; then
    if [ "$LAST_BUILD_RC" = 0 ]; then
        PASS_MAVEN_ARGS=(-Dagent.tests.skip=true -Dcli.tests.skip=true -Dweb.tests.skip=true -Dexec.skip=true
            -DexcludedGroups=database-independent)
        info "    (the agent's, the CLI's and the console's tests ran in the h2 pass, and so did the server's tests"
        info "     marked @DatabaseIndependent: the mariadb pass runs the server's tests that use its database)"
    fi
    if fresh_test_db; then
        maven_pass mariadb DEVOPS_TEST_DB=mariadb "DEVOPS_TEST_DB_URL=$(test_db_url)" \
            "DEVOPS_TEST_DB_USER=$TEST_DB_USER" "DEVOPS_TEST_DB_PASSWORD=$TEST_DB_PASSWORD"
    else
        info "    mariadb: could not create the database $TEST_DB_NAME"
        record mariadb 0 1 0 0
    fi
fi
PASS_MAVEN_ARGS=()
wants scripts && scripts_pass

total_passed=0
total_failed=0
total_skipped=0
info ""
info "Summary"
for i in "${!SUMMARY_NAMES[@]}"; do
    info "  ${SUMMARY_NAMES[$i]}: ${SUMMARY_PASSED[$i]} passed, ${SUMMARY_FAILED[$i]} failed, ${SUMMARY_SKIPPED[$i]} skipped ($(duration "${SUMMARY_SECONDS[$i]}"))"
    total_passed=$((total_passed + SUMMARY_PASSED[i]))
    total_failed=$((total_failed + SUMMARY_FAILED[i]))
    total_skipped=$((total_skipped + SUMMARY_SKIPPED[i]))
done
info "(${total_skipped} skipped; all passes took $(duration "$SECONDS"))"
info "${total_passed} passed, ${total_failed} failed"
[ "$total_failed" -eq 0 ]
