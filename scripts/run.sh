#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Builds the platform when its jar is missing or older than the sources, then starts it from the
# repository root, so that the embedded H2 database lives in ./data/ and survives restarts.
#
# Usage: scripts/run.sh [SERVER_ARGS...]   (for instance --server.port=9090)
# Environment: DB_URL/DB_USER/DB_PASSWORD for MySQL, SERVER_PORT, DEVOPS_ADMIN_PASSWORD,
# JAVA_OPTS (extra JVM options); see README.md.
set -euo pipefail

# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO_ROOT"

JAR=server/target/devops-server.jar

# True when the jar is missing or any input of the build is newer than it.
needs_build() {
    [ -f "$JAR" ] || return 0
    local inputs=() path
    for path in pom.xml server/pom.xml web/pom.xml agent/pom.xml server/src web/src web/package.json \
        web/package-lock.json web/index.html web/vite.config.ts web/tsconfig.json content; do
        [ -e "$path" ] && inputs+=("$path")
    done
    [ -n "$(find "${inputs[@]}" -newer "$JAR" -print -quit)" ]
}

if needs_build; then
    problems="$(build_tool_problems)"
    if [ -n "$problems" ]; then
        printf '%s\n' "$problems" >&2
        die 2 "install the tools above to build the platform, then re-run scripts/run.sh"
    fi
    info "Building the platform (mvn -B -q -DskipTests package); the first build downloads dependencies and takes a few minutes"
    if ! mvn -B -q -DskipTests package; then
        die 1 "the build failed (see Maven's output above)"
    fi
    [ -f "$JAR" ] || die 1 "the build finished but $JAR is missing"
    touch "$JAR" # the jar may be left as it was when nothing changed: mark it up to date
else
    major="$(java_major)"
    [ -n "$major" ] || die 2 "java is missing: install a JDK ${MIN_JAVA_MAJOR}+ (Debian: apt-get install openjdk-17-jdk-headless)"
    [ "$major" -ge "$MIN_JAVA_MAJOR" ] || die 2 "java ${major} is too old: install a JDK ${MIN_JAVA_MAJOR}+"
fi

info "Sign in at http://localhost:${SERVER_PORT:-8080} as admin"
if [ -n "${DEVOPS_ADMIN_PASSWORD:-}" ]; then
    info "  Password: DEVOPS_ADMIN_PASSWORD's value if this is the first start; otherwise the admin's current password."
else
    info "  At the first start the server generates the admin password and logs it once: look for the line"
    info "  containing 'Generated the first admin password' below (or set DEVOPS_ADMIN_PASSWORD, 10+ characters,"
    info "  before the first start). Later starts keep the password you have."
fi
if [ -z "${DB_URL:-}" ]; then
    info "  Data: embedded H2 database in $REPO_ROOT/data/ (kept across restarts)"
fi

java_opts=()
if [ -n "${JAVA_OPTS:-}" ]; then
    read -r -a java_opts <<<"$JAVA_OPTS"
fi
exec java "${java_opts[@]}" -jar "$JAR" "$@"
