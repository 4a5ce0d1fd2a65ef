#!/usr/bin/env bash
# Benchmark: N hand-off certificates (default 1000) built, signed and verified with the server's own
# classes (canonical JSON of an 8-GPU node with 13 checks, Ed25519 from the JDK), no database or HTTP;
# then the first one is verified with the documented openssl command, and again with one byte changed.
# Usage: scripts/bench/certificates.sh [N]   (needs: mvn -B -DskipTests package; openssl 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000}
jar=${PLATFORM_JAR:-server/target/devops-server.jar}
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && unzip -q "$OLDPWD/$jar" 'BOOT-INF/*')
echo "## $n certificates ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
java -cp "$work/BOOT-INF/classes:$work/BOOT-INF/lib/*" scripts/bench/CertificateBench.java "$n" "$work"
openssl pkeyutl -verify -pubin -inkey "$work/key.pem" -rawin -in "$work/cert.json" -sigfile "$work/sig.bin"
printf 'X' | dd of="$work/cert.json" bs=1 seek=10 conv=notrunc status=none
if openssl pkeyutl -verify -pubin -inkey "$work/key.pem" -rawin -in "$work/cert.json" -sigfile "$work/sig.bin" >/dev/null 2>&1; then
  echo "FAILED: a changed certificate verified" >&2; exit 1
fi
echo "openssl: the certificate verifies, and fails with one byte changed"
