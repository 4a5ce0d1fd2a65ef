#!/usr/bin/env bash
# Installs the devops node agent as a systemd service on a GPU node.
#
#   sudo ./install.sh --server https://platform.example --enrollment-token dve_... [--node-ip 10.0.0.12]
#                     --ca-file /path/ca.pem | --pinned-cert-sha256 HEX
#                     [--jar ./devops-agent.jar] [--java /usr/bin/java] [--run-as root|USER]
#   sudo ./install.sh --uninstall [--purge]
#
# The agent runs commands as root, so it speaks HTTPS and trusts the platform's CA (--ca-file) or
# exactly its certificate (--pinned-cert-sha256); without either, the JDK's public CAs. A plain
# http:// server is refused unless --allow-insecure-http is given (loopback tests only).
# Runs again safely: it replaces the jar and the unit, rewrites the config and restarts the service.
# The agent runs as root by default because delivery steps install drivers and CUDA; --run-as USER
# creates that system user and runs the agent (and so every command) as that user instead.
set -euo pipefail

PREFIX=/opt/devops-agent
CONFIG_DIR=/etc/devops-agent
WORK_DIR=/var/lib/devops-agent
UNIT=/etc/systemd/system/devops-agent.service
SERVICE=devops-agent
# DESTDIR stages the files under another root (packaging, tests); the unit still names the real paths.
D="${DESTDIR:-}"

server="" token="" node_ip="" jar="" java_bin="" run_as="root" ca_file="" pin="" insecure=0 uninstall=0 purge=0

die() { echo "install.sh: $*" >&2; exit 1; }

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --server) server="${2:?}"; shift 2 ;;
    --enrollment-token) token="${2:?}"; shift 2 ;;
    --node-ip) node_ip="${2:?}"; shift 2 ;;
    --jar) jar="${2:?}"; shift 2 ;;
    --java) java_bin="${2:?}"; shift 2 ;;
    --run-as) run_as="${2:?}"; shift 2 ;;
    --ca-file) ca_file="${2:?}"; shift 2 ;;
    --pinned-cert-sha256) pin="${2:?}"; shift 2 ;;
    --allow-insecure-http) insecure=1; shift ;;
    --uninstall) uninstall=1; shift ;;
    --purge) purge=1; shift ;;
    -h|--help) usage 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage 2 ;;
  esac
done

[ "$(id -u)" -eq 0 ] || die "run as root (sudo)"
command -v systemctl >/dev/null || die "systemd is required"

if [ "$uninstall" -eq 1 ]; then
  systemctl disable --now "$SERVICE" 2>/dev/null || true
  rm -f "$D$UNIT"
  systemctl daemon-reload
  rm -rf "${D:?}$PREFIX"
  if [ "$purge" -eq 1 ]; then
    rm -rf "${D:?}$CONFIG_DIR" "${D:?}$WORK_DIR"
    echo "Removed the agent, its config and its work dir (the credential with it)."
  else
    echo "Removed the agent; kept $CONFIG_DIR and $WORK_DIR (--purge removes them)."
  fi
  exit 0
fi

[ -n "$server" ] || die "--server URL is required"
case "$server" in
  https://*) ;;
  http://*) [ "$insecure" -eq 1 ] || die "refusing the plain http:// server $server: anyone on the path could run commands as root on this node. Use https:// with --ca-file or --pinned-cert-sha256, or pass --allow-insecure-http for a loopback test" ;;
  *) die "--server must start with https://" ;;
esac
if [ -n "$ca_file" ] && [ ! -r "$ca_file" ]; then die "cannot read the CA file $ca_file"; fi
if [ -n "$pin" ] && ! printf '%s' "$pin" | tr -d ':' | grep -Eq '^[0-9A-Fa-f]{64}$'; then
  die "--pinned-cert-sha256 must be the certificate's SHA-256 in hex (64 digits, colons allowed)"
fi
if [ "${server%%://*}" = "https" ] && [ -z "$ca_file" ] && [ -z "$pin" ]; then
  echo "install.sh: note: neither --ca-file nor --pinned-cert-sha256 given; the agent trusts the JDK's public CAs" >&2
fi
if [ -z "$token" ] && [ ! -s "$D$WORK_DIR/credential" ]; then
  die "--enrollment-token is required for a first install (ask an admin: POST /api/v1/agent-enrollment-tokens)"
fi

if [ -z "$jar" ]; then
  jar="$(dirname "$0")/devops-agent.jar"
  [ -f "$jar" ] || jar="$(dirname "$0")/target/devops-agent.jar"
fi
[ -f "$jar" ] || die "cannot find devops-agent.jar; pass --jar PATH"

java_bin="${java_bin:-$(command -v java || true)}"
if [ -z "$java_bin" ] || [ ! -x "$java_bin" ]; then
  die "Java 17 or newer is required (apt-get install openjdk-17-jre-headless), or pass --java PATH"
fi
java_major="$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || die "$java_bin is Java $java_major; the agent needs 17 or newer"

if [ "$run_as" != "root" ] && ! id "$run_as" >/dev/null 2>&1; then
  useradd --system --home-dir "$WORK_DIR" --no-create-home --shell /usr/sbin/nologin "$run_as"
  echo "Created system user $run_as"
fi

install -d -m 0755 "$D$PREFIX"
install -m 0644 "$jar" "$D$PREFIX/devops-agent.jar"
install -d -m 0750 -o root -g "$(id -gn "$run_as")" "$D$CONFIG_DIR"
install -d -m 0700 -o "$run_as" -g "$(id -gn "$run_as")" "$D$WORK_DIR"

config="$CONFIG_DIR/agent.yml"
umask 027
{
  echo "# devops-agent configuration, written by install.sh; command-line flags override it."
  echo "server: $server"
  echo "work-dir: $WORK_DIR"
  if [ -n "$token" ]; then echo "enrollment-token: $token"; fi
  if [ -n "$node_ip" ]; then echo "node-ip: $node_ip"; fi
  if [ -n "$ca_file" ]; then echo "ca-file: $ca_file"; fi
  if [ -n "$pin" ]; then echo "pinned-cert-sha256: $pin"; fi
  if [ "$insecure" -eq 1 ]; then echo "allow-insecure-http: true"; fi
} > "$D$config.tmp"
chown root:"$(id -gn "$run_as")" "$D$config.tmp"
chmod 0640 "$D$config.tmp"
mv "$D$config.tmp" "$D$config"

install -d -m 0755 "$(dirname "$D$UNIT")"
cat > "$D$UNIT" <<UNIT_FILE
[Unit]
Description=devops node agent (GPU node delivery platform)
Wants=network-online.target
After=network-online.target

[Service]
Type=simple
User=$run_as
ExecStart=$java_bin -Xmx128m -XX:+UseSerialGC -jar $PREFIX/devops-agent.jar --config $config
# Exit 2 = bad configuration, 3 = refused by the server (revoked or bad token): restarting will not help.
Restart=always
RestartSec=5
RestartPreventExitStatus=2 3
# The agent gets SIGTERM and stops its commands; whatever is left of them is killed after the timeout.
KillMode=mixed
TimeoutStopSec=20
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
UNIT_FILE
chmod 0644 "$D$UNIT"

systemctl daemon-reload
systemctl enable "$SERVICE" >/dev/null
systemctl restart "$SERVICE"
echo "devops-agent installed and started. Follow it with: journalctl -u $SERVICE -f"
