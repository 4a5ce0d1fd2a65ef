# shellcheck shell=bash
# The MariaDB/MySQL the tests' second pass runs on. Needs common.sh sourced first.
#
# Settings (environment):
#   DEVOPS_TEST_DB_HOST (127.0.0.1), DEVOPS_TEST_DB_PORT (3306), DEVOPS_TEST_DB_USER (root),
#   DEVOPS_TEST_DB_PASSWORD (empty), DEVOPS_TEST_DB_NAME (devops_test; must start with devops_test:
#   the scripts drop and create only the tests' own databases).

TEST_DB_HOST="${DEVOPS_TEST_DB_HOST:-127.0.0.1}"
TEST_DB_PORT="${DEVOPS_TEST_DB_PORT:-3306}"
TEST_DB_USER="${DEVOPS_TEST_DB_USER:-root}"
TEST_DB_PASSWORD="${DEVOPS_TEST_DB_PASSWORD:-}"
TEST_DB_NAME="${DEVOPS_TEST_DB_NAME:-devops_test}"
MARIADBD=/usr/sbin/mariadbd

case "$TEST_DB_NAME" in
    devops_test | devops_test_*) ;;
    *) die 2 "DEVOPS_TEST_DB_NAME must be devops_test or start with devops_test_ (got '$TEST_DB_NAME')" ;;
esac
case "$TEST_DB_NAME" in
    *[!A-Za-z0-9_]*) die 2 "DEVOPS_TEST_DB_NAME may hold only letters, digits and _ (got '$TEST_DB_NAME')" ;;
esac

db_client() {
    if have mariadb; then echo mariadb; else echo mysql; fi
}

# test_db_sql SQL: runs SQL as the tests' user over TCP; prints results, errors to stderr.
test_db_sql() {
    MYSQL_PWD="$TEST_DB_PASSWORD" "$(db_client)" --protocol=TCP -h "$TEST_DB_HOST" -P "$TEST_DB_PORT" \
        -u "$TEST_DB_USER" --batch --skip-column-names -e "$1"
}

test_db_url() {
    echo "jdbc:mariadb://${TEST_DB_HOST}:${TEST_DB_PORT}/${TEST_DB_NAME}"
}

is_local_host() {
    case "$TEST_DB_HOST" in 127.* | localhost | ::1) return 0 ;; *) return 1 ;; esac
}

# Starts the local mariadbd as Debian's packages install it, and waits up to 30 s for it.
start_local_mariadb() {
    local i
    info "Starting MariaDB ($MARIADBD)"
    if id mysql >/dev/null 2>&1; then
        install -d -o mysql -g mysql -m 0755 /run/mysqld
        if [ ! -d /var/lib/mysql/mysql ] && have mariadb-install-db; then
            mariadb-install-db --user=mysql >"$LOG_DIR/mariadb-install-db.log" 2>&1 ||
                warn "mariadb-install-db failed (log: $LOG_DIR/mariadb-install-db.log)"
        fi
    fi
    start-stop-daemon --start --oknodo --background --exec "$MARIADBD" ||
        die 2 "could not start $MARIADBD; start MariaDB yourself and re-run"
    for i in $(seq 1 30); do
        if test_db_sql "SELECT 1" >/dev/null 2>&1; then
            info "MariaDB is up after ${i}s"
            return 0
        fi
        sleep 1
    done
    return 1
}

# A brand-new Debian MariaDB lets root in only through the socket, so when this run installed the
# server itself, it gives the tests a user of their own, with rights on devops_test* only.
create_test_user_on_fresh_server() {
    local client
    client="$(db_client)"
    info "Creating the user devops_test on the MariaDB this run installed"
    "$client" -u root -e "
        CREATE USER IF NOT EXISTS 'devops_test'@'localhost' IDENTIFIED BY 'devops_test';
        CREATE USER IF NOT EXISTS 'devops_test'@'127.0.0.1' IDENTIFIED BY 'devops_test';
        GRANT ALL PRIVILEGES ON \`devops\\_test%\`.* TO 'devops_test'@'localhost';
        GRANT ALL PRIVILEGES ON \`devops\\_test%\`.* TO 'devops_test'@'127.0.0.1';" || return 1
    TEST_DB_USER=devops_test
    TEST_DB_PASSWORD=devops_test
}

# Makes sure the database server answers, starting the local one when it can; exits 2 otherwise.
ensure_test_db_server() {
    local where="${TEST_DB_USER}@${TEST_DB_HOST}:${TEST_DB_PORT}" error
    if test_db_sql "SELECT 1" >/dev/null 2>&1; then
        return 0
    fi
    # Only when no mariadbd runs yet: a running one that refuses us will not change its mind.
    if is_local_host && [ "$(id -u)" -eq 0 ] && [ -x "$MARIADBD" ] &&
        ! start-stop-daemon --status --exec "$MARIADBD" >/dev/null 2>&1; then
        start_local_mariadb && return 0
    fi
    error="$(test_db_sql "SELECT 1" 2>&1 >/dev/null || true)"
    if [[ "$error" == *"Access denied"* ]] && [ -z "${DEVOPS_TEST_DB_USER:-}" ] &&
        [[ " ${INSTALLED_PACKAGES:-} " == *" mariadb-server "* ]]; then
        create_test_user_on_fresh_server && test_db_sql "SELECT 1" >/dev/null 2>&1 && return 0
    fi
    printf '%s\n' "$error" >&2
    if [[ "$error" == *"Access denied"* ]]; then
        die 2 "MariaDB at $where refuses the login: set DEVOPS_TEST_DB_USER and DEVOPS_TEST_DB_PASSWORD to a user that may create and drop the database $TEST_DB_NAME"
    fi
    die 2 "no MariaDB/MySQL answers at $where: start one (as root on Debian: apt-get install mariadb-server, then start-stop-daemon --start --oknodo --background --exec $MARIADBD), or point DEVOPS_TEST_DB_HOST/PORT/USER/PASSWORD at one"
}

# Drops and re-creates the tests' own database.
fresh_test_db() {
    test_db_sql "DROP DATABASE IF EXISTS \`$TEST_DB_NAME\`;
        CREATE DATABASE \`$TEST_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
}
