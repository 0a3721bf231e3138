#!/usr/bin/env bash
# The Omnichat benchmark (issue 7): generates a data set in a database of its own, measures
# the chat list (with the comparison and the floor), history, ingestion, push and memory,
# prints a markdown table and writes target/bench/report.md and report.json.
#
#   scripts/bench.sh [--scale 1] [--db omnichat_bench] [--port 8096] [--reuse] [--skip-build]
#                    [-- extra Spring arguments, e.g. --omnichat.bench.runs=50]
#
# --scale 1 is 1,000,000 conversations and 10,000,000 messages (smallest useful: 0.002).
# The database is dropped and created again unless --reuse keeps a data set of the same
# scale from an earlier run. Needs JDK 21+ and a local PostgreSQL (DB_USER/DB_PASSWORD as
# for the application).
set -euo pipefail
cd "$(dirname "$0")/.."

scale=1
db=omnichat_bench
port=8096
reuse=false
build=true
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --reuse) reuse=true; shift ;;
    --skip-build) build=false; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

source scripts/jdk.sh
select_jdk

if $build; then
  echo "Building the production jar..."
  ./mvnw -B -q -Pproduction -DskipTests package
fi
jar="$(ls target/omnichat-*.jar | grep -v -e '\.original$' -e '-bench\.jar$' | head -1)"
# The benchmark is not part of the production jar: its classes come in a jar of their own, added
# to the production jar's classpath through Spring Boot's PropertiesLauncher (loader.path).
bench_jar="$(ls target/omnichat-*-bench.jar | head -1)"

# The benchmark's Telegram channel has a made-up bot token: its background jobs (profile
# refresh) call a closed local port instead of api.telegram.org (set below).
# The production jar wants an encryption key for channel secrets: a fixed, public one is
# enough for the benchmark's own database; the webhook URLs point at this process.
export OMNICHAT_SECRET_KEY="YmVuY2gtb25seS1rZXktb21uaWNoYXQtMzItYnl0ZXM="
export OMNICHAT_PUBLIC_URL="http://localhost:$port"

recreate=true
$reuse && recreate=false
started=$(date +%s)
"$JAVA_HOME/bin/java" -Xmx2g -Duser.language=en -Duser.country=US -Dloader.path="$bench_jar" \
  -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher \
  --server.port="$port" \
  --spring.datasource.url="jdbc:postgresql://localhost:5432/$db" \
  --omnichat.db.create-if-missing=true --omnichat.db.recreate="$recreate" \
  --omnichat.bench.run=true --omnichat.bench.scale="$scale" --omnichat.bench.reuse="$reuse" \
  --omnichat.bench.command="scripts/bench.sh --scale $scale$($reuse && echo ' --reuse')" \
  --omnichat.bench.output=target/bench \
  --omnichat.channels.telegram.api-url=http://127.0.0.1:9 \
  --logging.level.root=WARN --logging.level.com.omnichat=INFO \
  "${extra[@]}"
echo "Benchmark finished in $(( $(date +%s) - started )) s; report in target/bench/report.md and report.json"
