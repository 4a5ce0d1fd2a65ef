# shellcheck shell=bash
# What the tests need from the machine, and installing it with apt when we can.
# Needs common.sh sourced first.

# THE one list of Debian packages the tests need, as "command:package": the package is installed
# when the command is missing. Later issues add theirs here (ansible-playbook:ansible-core,
# sshd:openssh-server, chromium:chromium), moving them up from TEST_PACKAGES_OPTIONAL.
TEST_PACKAGES_REQUIRED=(
    java:openjdk-17-jdk-headless
    mvn:maven
    node:nodejs
    npm:npm
    python3:python3
    mariadb:mariadb-client
    mariadbd:mariadb-server
    ansible-playbook:ansible-core
    sshd:openssh-server
    chromium:chromium
    shellcheck:shellcheck
    ssh-keygen:openssh-client
    # Become passwords are proven against a real sudo (AnsiblePlaybooksTests).
    sudo:sudo
    # A file rather than a command: without a CJK font the zh-CN screenshots show empty boxes.
    /usr/share/fonts/truetype/wqy/wqy-microhei.ttc:fonts-wqy-microhei
    # Power cycles go through the real ipmitool to OpenIPMI's BMC simulator (IpmiPowerCycleTests).
    ipmi_sim:openipmi
    ipmitool:ipmitool
)
# Not needed by any test yet: only reported when missing, never installed, never a failure.
TEST_PACKAGES_OPTIONAL=(
    sshpass:sshpass
    ansible-lint:ansible-lint
)

# Daemons live in sbin, which a non-root PATH may lack. An absolute path names a file instead.
has_command() {
    if [[ "$1" == /* ]]; then
        [ -e "$1" ]
    else
        PATH="$PATH:/usr/sbin:/sbin" command -v "$1" >/dev/null 2>&1
    fi
}

# Packages of the "command:package" arguments whose command is missing.
missing_packages() {
    local entry
    for entry in "$@"; do
        has_command "${entry%%:*}" || printf '%s\n' "${entry#*:}"
    done
}

# Installs the missing required packages when running as root with apt-get; otherwise says what
# to install and exits 2. Sets INSTALLED_PACKAGES to what it installed.
ensure_test_prereqs() {
    local missing optional problems
    # shellcheck disable=SC2034 # read by mariadb.sh
    INSTALLED_PACKAGES=""
    missing="$(missing_packages "${TEST_PACKAGES_REQUIRED[@]}" | tr '\n' ' ')"
    missing="${missing% }"
    if [ -n "$missing" ]; then
        if [ "$(id -u)" -eq 0 ] && have apt-get; then
            info "Installing missing packages: $missing"
            # shellcheck disable=SC2086 # one package a word
            if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
                DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing; } >"$LOG_DIR/apt-get.log" 2>&1; then
                tail -n 20 "$LOG_DIR/apt-get.log" >&2
                die 2 "apt-get could not install: $missing (log: $LOG_DIR/apt-get.log)"
            fi
            # shellcheck disable=SC2034 # read by mariadb.sh
            INSTALLED_PACKAGES="$missing"
        else
            die 2 "missing packages; install them with: sudo apt-get install $missing"
        fi
    fi
    problems="$(build_tool_problems)"
    if [ -n "$problems" ]; then
        printf '%s\n' "$problems" >&2
        die 2 "the build tools above need fixing before the tests can run"
    fi
    optional="$(missing_packages "${TEST_PACKAGES_OPTIONAL[@]}" | tr '\n' ' ')"
    if [ -n "$optional" ]; then
        info "Note: not installed, not needed yet: ${optional% }"
    fi
}
