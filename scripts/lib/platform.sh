# shellcheck shell=bash
# Helpers for the end-to-end scripts and benchmarks that start real servers and SSH test nodes.
# Source it after setting WORK (a scratch folder the caller deletes); it defines functions and the
# arrays SERVER_PIDS (name -> pid) and SSHD_PIDS, and changes no shell options.

declare -A SERVER_PIDS=()
SSHD_PIDS=()
PLATFORM_JAR=${PLATFORM_JAR:-server/target/devops-server.jar}

# Kills every server and sshd these helpers started; call it from the caller's EXIT trap.
platform_cleanup() {
    local pid
    for pid in "${SERVER_PIDS[@]}" "${SSHD_PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}

# start_ssh_nodes PORT IP...: one sshd per loopback IP on PORT, accepting the key $WORK/id.
start_ssh_nodes() {
    local port=$1 ip
    shift
    [ -f "$WORK/id" ] || ssh-keygen -q -t ed25519 -N "" -f "$WORK/id"
    [ -f "$WORK/host" ] || ssh-keygen -q -t ed25519 -N "" -f "$WORK/host"
    cp "$WORK/id.pub" "$WORK/authorized_keys" && chmod 600 "$WORK/authorized_keys" && mkdir -p /run/sshd
    for ip in "$@"; do
        printf 'ListenAddress %s:%s\nHostKey %s\nPidFile %s\nAuthorizedKeysFile %s\nStrictModes no\nPermitRootLogin prohibit-password\nPasswordAuthentication no\nUsePAM no\nMaxStartups 50\n' \
            "$ip" "$port" "$WORK/host" "$WORK/sshd-$ip.pid" "$WORK/authorized_keys" > "$WORK/sshd-$ip.conf"
        /usr/sbin/sshd -D -e -f "$WORK/sshd-$ip.conf" 2>"$WORK/sshd-$ip.log" &
        SSHD_PIDS+=($!)
        disown $!
    done
}

# free_port IP: a TCP port nothing listens on at IP.
free_port() {
    python3 -c 'import socket,sys; s=socket.socket(); s.bind((sys.argv[1], 0)); print(s.getsockname()[1])' "$1"
}

# launch_server NAME PORT [ENV=VALUE... --] [SERVER ARGS...]: starts the jar (cwd $WORK) with the
# admin password $ADMIN_PASSWORD, without waiting; await_server PORT NAME waits for its health.
launch_server() {
    local name=$1 port=$2 env=() i
    shift 2
    for i in "$@"; do
        [ "$i" = -- ] && break
        env+=("$i")
    done
    if [ ${#env[@]} -lt $# ]; then shift $(( ${#env[@]} + 1 )); else set --; fi
    (cd "$WORK" && exec env DEVOPS_ADMIN_PASSWORD="$ADMIN_PASSWORD" "${env[@]}" \
        java -Xmx512m -jar "$OLDPWD/$PLATFORM_JAR" --server.port="$port" "$@" >> "$WORK/$name.log" 2>&1) &
    SERVER_PIDS[$name]=$!
    disown "${SERVER_PIDS[$name]}"
}

await_server() {
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return 0
        sleep 1
    done
    echo "server $2 did not start:" >&2
    tail -30 "$WORK/$2.log" >&2
    return 1
}

# start_server NAME PORT [ENV=VALUE... --] [SERVER ARGS...]: launch_server, then await_server.
start_server() {
    launch_server "$@"
    await_server "$2" "$1"
}

# kill_server NAME: kill -9, as a crash would; returns once the process is gone.
kill_server() {
    kill -9 "${SERVER_PIDS[$1]}" 2>/dev/null || true
    while kill -0 "${SERVER_PIDS[$1]}" 2>/dev/null; do sleep 0.1; done
}

# api PORT METHOD PATH [JSON]: a call as admin; fails on an HTTP error.
api() {
    curl -fsS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -X "$2" "http://127.0.0.1:$1$3" ${4:+-d "$4"}
}

# json EXPR: evaluates a Python expression over the JSON on stdin, bound to d.
json() {
    python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"
}

# await_status PORT RUN STATUS SECONDS
await_status() {
    for _ in $(seq 1 "$4"); do
        [ "$(api "$1" GET "/api/v1/runs/$2" | json "d['status']")" = "$3" ] && return 0
        sleep 1
    done
    echo "run $2 did not reach $3 in $4 s: $(api "$1" GET "/api/v1/runs/$2" | json "d['status'], d.get('message')")" >&2
    return 1
}

# ssh_fixture PORT SSH_PORT IP...: a credential with $WORK/id, a tenant and a pool using it, and
# the nodes in that pool. Prints the pool id.
ssh_fixture() {
    local port=$1 ssh_port=$2 key credential tenant pool ip
    shift 2
    key=$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' "$WORK/id")
    credential=$(api "$port" POST /api/v1/credentials "{\"name\":\"fixture_key\",\"sshUser\":\"root\",\"privateKey\":$key}" | json "d['id']")
    tenant=$(api "$port" POST /api/v1/tenants '{"name":"fixture"}' | json "d['id']")
    pool=$(api "$port" POST /api/v1/node-pools "{\"name\":\"fixture_pool\",\"tenantId\":$tenant,\"credentialId\":$credential}" | json "d['id']")
    for ip in "$@"; do
        api "$port" POST /api/v1/nodes "{\"ip\":\"$ip\",\"sshPort\":$ssh_port,\"sshUser\":\"root\",\"nodePoolId\":$pool}" >/dev/null
    done
    echo "$pool"
}
