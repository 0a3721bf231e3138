#!/usr/bin/env bash
# The fault runs (see docs/fault-run.md) against a real node: the packaged jar,
# a fake Telegram provider on loopback, a headless Chromium (/usr/bin/chromium) for the staff
# actions, and a database of their own on the local PostgreSQL.
#
#   scripts/fault-run.sh provider-outage [--down-minutes 20] [--replies 10] [--settle-minutes 15]
#   scripts/fault-run.sh db-restart [--burst-seconds 60] [--restart-after-seconds 20] [--senders 4]
#                                   [--restart-not-before 2026-12-03T16:50:00Z]
#                                   [--restart-command "pg_ctlcluster --skip-systemctl-redirect 15 main restart"]
#   common: [--db NAME] [--skip-build] [--app-properties "omnichat.x=1,omnichat.y=2"] (node settings)
#
# provider-outage: the provider refuses connections for --down-minutes while the administrator
#   replies in --replies chats; then it answers again. Passes when every reply was sent exactly
#   once and the bot token is in neither the database dump nor the node's log.
# db-restart: several senders post webhook updates while PostgreSQL is restarted (this restarts
#   the server every local database uses). Passes when every acknowledged (200) update is stored
#   exactly once.
# Figures: printed and written to target/fault-run/<scenario>.md; node log in target/cluster/.
set -euo pipefail
cd "$(dirname "$0")/.."

scenario="${1:-}"
[[ "$scenario" == provider-outage || "$scenario" == db-restart ]] || { sed -n '2,19p' "$0"; exit 2; }
shift
build=true
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --skip-build) build=false; shift ;;
    --*) args+=("$1" "$2"); shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

# A JDK 21 or newer: JAVA_HOME if set, else the default java, else a JDK 25/21 in /usr/lib/jvm.
java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if [[ -z "${JAVA_HOME:-}" || "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ]]; then
  if command -v java >/dev/null && [[ "$(java_major java)" -ge 21 ]]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  else
    shopt -s nullglob
    jdks=(/usr/lib/jvm/*-25-* /usr/lib/jvm/*-21-*)
    JAVA_HOME="${jdks[0]:-}"
  fi
fi
export JAVA_HOME
[[ -x "$JAVA_HOME/bin/java" ]] || { echo "No JDK 21+ found; set JAVA_HOME" >&2; exit 1; }
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

mkdir -p target/fault-run
if $build; then
  echo "Building the jar and the test classes..."
  ./mvnw -B -q -DskipTests package
  ./mvnw -B -q test-compile
fi
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/fault-run/classpath.txt >/dev/null
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/fault-run/classpath.txt)" \
  com.omnichat.cluster.FaultRun --scenario "$scenario" "${args[@]}"
