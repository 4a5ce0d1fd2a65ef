# shellcheck shell=bash
# Shared helpers for scripts/run.sh and scripts/test.sh. Source it; it defines functions only
# (and REPO_ROOT), and changes no shell options of the caller.

# The repository root: the folder above scripts/.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO_ROOT

# The oldest versions the build works with: Java 17 (the parent pom), Node.js 20.19 (Vite 7).
MIN_JAVA_MAJOR=17
MIN_NODE_VERSION=20.19

info() { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
# die CODE MESSAGE...: print the message and exit with CODE (2 = something to install or set up).
die() {
    local code=$1
    shift
    printf 'error: %s\n' "$*" >&2
    exit "$code"
}

have() { command -v "$1" >/dev/null 2>&1; }

# The major version of the java on PATH (17, 21, ...), or nothing when there is none.
java_major() {
    have java || return 0
    java -version 2>&1 | awk -F'"' '/version/ {
        split($2, v, ".")
        print (v[1] == "1" ? v[2] : v[1])
        exit
    }'
}

# "20.19.0"-style version of the node on PATH, or nothing.
node_version() {
    have node || return 0
    node --version 2>/dev/null | sed 's/^v//'
}

# version_at_least HAVE WANT: true when dotted version HAVE >= WANT.
version_at_least() {
    [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]
}

# Problems with the build tools (java, mvn, npm, node), one a line; nothing when all is well.
build_tool_problems() {
    local major node
    major="$(java_major)"
    if [ -z "$major" ]; then
        echo "java is missing: install a JDK ${MIN_JAVA_MAJOR}+ (Debian: apt-get install openjdk-17-jdk-headless)"
    elif [ "$major" -lt "$MIN_JAVA_MAJOR" ]; then
        echo "java ${major} is too old: install a JDK ${MIN_JAVA_MAJOR}+ (Debian: apt-get install openjdk-17-jdk-headless) and put it first on PATH"
    fi
    have mvn || echo "mvn is missing: install Apache Maven 3.6.3+ (Debian: apt-get install maven)"
    node="$(node_version)"
    if [ -z "$node" ]; then
        echo "node is missing: install Node.js ${MIN_NODE_VERSION}+ (Debian: apt-get install nodejs; Debian 12's own nodejs is 18, too old for Vite 7, so use a Node.js 20.19+ or 22 package)"
    elif ! version_at_least "$node" "$MIN_NODE_VERSION"; then
        echo "node ${node} is too old: the web build (Vite 7) needs Node.js ${MIN_NODE_VERSION}+"
    fi
    have npm || echo "npm is missing: install npm (Debian: apt-get install npm; NodeSource's nodejs package includes it)"
}

# Seconds as "4m05s".
duration() {
    printf '%dm%02ds' $(($1 / 60)) $(($1 % 60))
}
