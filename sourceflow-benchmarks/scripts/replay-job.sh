#!/usr/bin/env bash
# The replay job (sourceflow-batch) on one Liberty server and PostgreSQL: commands replayed per
# second in mode full and mode views at 1 and 2 partitions, beside a plain JDBC read of the same log
# rows, and the server's heap after a full GC while a job runs, at 1,000 and 5,000 accounts of 10
# commands each. See docs/benchmarks.md.
#
#   bash sourceflow-benchmarks/scripts/replay-job.sh [ACCOUNTS...]     (default: 1000 5000)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust or password postgres) and jcmd on the PATH.
# Everything else is built or unpacked under sourceflow-benchmarks/target/replay: the server "replay"
# (HTTP 127.0.0.1:19840, the shipped liberty-config with sample-batch's WAR, -Xmx512m), stopped at the
# end, also on failure; the database sourceflow_replay, made afresh for each number of accounts.
# Results: target/replay/replay-job.csv and the log (standard error). REPLAY_ROUNDS (default 3)
# recorded runs per variant after one warm-up run each.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
work=$root/sourceflow-benchmarks/target/replay
sizes=("${@:-1000 5000}")
read -r -a sizes <<< "${sizes[*]}"
liberty_version=$(sed -n 's:.*<openliberty.version>\(.*\)</openliberty.version>.*:\1:p' pom.xml)
database=sourceflow_replay
port=19840
wlp=$work/wlp
server=$wlp/usr/servers/replay

stop_server() {
  [[ -x $wlp/bin/server ]] && "$wlp/bin/server" stop replay > /dev/null 2>&1 || true
}
trap stop_server EXIT

echo "== build"
mvn -B -q package -pl sample-batch,sourceflow-benchmarks -am -DskipTests -Dcheckstyle.skip
rm -rf "$work" && mkdir -p "$work"
mvn -B -q dependency:copy -Dartifact=io.openliberty:openliberty-runtime:$liberty_version:zip -DoutputDirectory="$work"
mvn -B -q dependency:copy -Dartifact=org.postgresql:postgresql:42.7.13 -DoutputDirectory="$work"
(cd "$work" && unzip -q "openliberty-runtime-$liberty_version.zip")

echo "== server"
"$wlp/bin/server" create replay > /dev/null
rm -f "$server/server.xml"
cp -r liberty-config/. "$server/"
rm -f "$server/README.md" "$server/jvm.options"
mkdir -p "$server/apps" "$server/jdbc"
cp sample-batch/target/sourceflow-sample.war "$server/apps/sourceflow-sample.war"
cp "$work/postgresql-42.7.13.jar" "$server/jdbc/postgresql.jar"
# the key the build made (sample-batch/target/jwt, sample-tokens) verifies the client's operator token
mkdir -p "$server/jwt" && cp sample-batch/target/jwt/public.pem "$server/jwt/public.pem"
token=$(mvn -B -o -q -pl sample-tokens exec:java -Dexec.args="sample-batch/target/jwt replay-job sourceflow-admin" | sed -n 1p)
cat > "$server/bootstrap.properties" <<PROPS
sourceflow.database=postgresql
postgresql.database=$database
http.port=$port
otel.sdk.disabled=true
PROPS
echo "-Xmx512m" > "$server/jvm.options"

csv=$work/replay-job.csv
echo "accounts,variant,round,commands,seconds,per_second,heap_after_gc_mb" > "$csv"
for n in "${sizes[@]}"; do
  echo "== $n accounts"
  psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
  "$wlp/bin/server" start replay > /dev/null
  for _ in $(seq 1 240); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/health/ready || true) == 200 ]] && break
    sleep 0.5
  done
  java -Dreplay.accounts="$n" -Dreplay.rounds="${REPLAY_ROUNDS:-3}" -Dreplay.csv="$csv" \
    -Dreplay.http="http://127.0.0.1:$port" -Dreplay.token="$token" -Dreplay.pid="$wlp/usr/servers/.pid/replay.pid" \
    -Dreplay.jdbc="jdbc:postgresql://127.0.0.1:5432/$database" -Dreplay.seed=sample-batch/src/test/sql/accounts-log.sql \
    -cp sourceflow-benchmarks/target/benchmarks.jar io.sourceflow.benchmarks.replay.ReplayJobRun
  "$wlp/bin/server" stop replay > /dev/null
done
cat "$csv"
