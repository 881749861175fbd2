#!/usr/bin/env bash
# Consumer scaling on one Liberty server and one standalone Artemis broker: commands applied per
# second by SourceFlow's command MDB (the sample WAR) beside a plain MDB doing the same writes with
# plain JDBC (benchmarks-baseline-war), at 1, 2, 4 and 8 MDB sessions. See docs/benchmarks.md.
#
#   bash sourceflow-benchmarks/scripts/consumer-scaling.sh [SESSIONS...]     (default: 1 2 4 8)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust or password postgres). Everything else is
# built or unpacked under sourceflow-benchmarks/target/scaling: the broker (127.0.0.1:19461, console
# 19462) and the server "scaling" (HTTP 127.0.0.1:19400), both stopped at the end, also on failure.
# Results: target/scaling/consumer-scaling.csv, the table in the log (standard error), docs/consumer-scaling.png.
# SCALING_MESSAGES (default 1000) deposits per window, SCALING_ROUNDS (default 2) recorded windows per
# variant after one warm-up window each. SCALING_JFR=1 also records the server with Java Flight Recorder (profile settings), one file per
# session count: target/scaling/server-N-sessions.jfr.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
work=$root/sourceflow-benchmarks/target/scaling
sessions=("${@:-1 2 4 8}")
read -r -a sessions <<< "${sessions[*]}"
artemis_version=$(sed -n 's:.*<artemis.version>\(.*\)</artemis.version>.*:\1:p' pom.xml)
liberty_version=$(sed -n 's:.*<openliberty.version>\(.*\)</openliberty.version>.*:\1:p' pom.xml)
broker_port=19461
user=sourceflow
password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
database=sourceflow_scaling
wlp=$work/wlp
server=$wlp/usr/servers/scaling

stop_all() {
  [[ -x $wlp/bin/server ]] && "$wlp/bin/server" stop scaling > /dev/null 2>&1 || true
  bash sample-artemis/src/test/broker/broker.sh stop "$work/broker" || true
}
trap stop_all EXIT

echo "== build"
mvn -B -q package -pl sample-topology,benchmarks-baseline-war,sourceflow-artemis-rar,sourceflow-benchmarks -am -DskipTests -Dcheckstyle.skip
rm -rf "$work" && mkdir -p "$work"
mvn -B -q dependency:copy -Dartifact=org.apache.activemq:apache-artemis:$artemis_version:tar.gz:bin -DoutputDirectory="$work"
mvn -B -q dependency:copy -Dartifact=io.openliberty:openliberty-runtime:$liberty_version:zip -DoutputDirectory="$work"
mvn -B -q dependency:copy -Dartifact=org.postgresql:postgresql:42.7.13 -DoutputDirectory="$work"
tar xzf "$work/apache-artemis-$artemis_version-bin.tar.gz" -C "$work"
(cd "$work" && unzip -q "openliberty-runtime-$liberty_version.zip")

echo "== database $database"
psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"

echo "== broker"
# the broker's account, with a password made for this run; the acceptor without TLS (loopback only), as in
# the figures of docs/benchmarks.md
(umask 077 && printf 'messaging_password=%s\n' "$password" > "$work/secrets.env")
bash sample-artemis/src/test/broker/broker.sh create "$work/broker" "$work/apache-artemis-$artemis_version" \
  "$user" "$work/secrets.env" "$broker_port" 19462 > /dev/null
bash sample-artemis/src/test/broker/broker.sh start "$work/broker" 120
"$work/broker/bin/artemis" queue create --name bench.baseline --address bench.baseline --anycast --durable \
  --auto-create-address --preserve-on-no-consumers --url "tcp://127.0.0.1:$broker_port" --user "$user" --password "$password" --silent > /dev/null

echo "== server"
"$wlp/bin/server" create scaling > /dev/null
rm -f "$server/server.xml"
cp -r liberty-config/. "$server/"
rm -f "$server/README.md" "$server/jvm.options"
mkdir -p "$server/apps" "$server/jdbc" "$server/rar" "$server/configDropins/overrides"
cp sample-topology/target/sourceflow-sample.war "$server/apps/sourceflow-sample.war"
cp benchmarks-baseline-war/target/benchmarks-baseline.war "$server/apps/benchmarks-baseline.war"
cp sourceflow-artemis-rar/target/sourceflow-artemis-rar-*.rar "$server/rar/artemis.rar"
cp "$work/postgresql-42.7.13.jar" "$server/jdbc/postgresql.jar"
cp sourceflow-benchmarks/src/main/liberty/scaling.xml "$server/configDropins/overrides/scaling.xml"

csv=$work/consumer-scaling.csv
echo "sessions,variant,round,messages,seconds,per_second" > "$csv"
classpath=sourceflow-benchmarks/target/benchmarks.jar
for n in "${sessions[@]}"; do
  echo "== $n sessions"
  (umask 077 && cat > "$server/bootstrap.properties") <<PROPS
sourceflow.role=commands-artemis
sourceflow.database=postgresql
postgresql.database=$database
http.port=19400
artemis.port=$broker_port
artemis.ssl=false
messaging.user=$user
messaging.password=$password
artemis.command.sessions=$n
otel.sdk.disabled=true
PROPS
  echo "-Xmx384m" > "$server/jvm.options"
  if [[ ${SCALING_JFR:-0} == 1 ]]; then
    echo "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$work/server-$n-sessions.jfr" >> "$server/jvm.options"
  fi
  "$wlp/bin/server" start scaling > /dev/null
  for _ in $(seq 1 240); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:19400/health/ready || true) == 200 ]] && break
    sleep 0.5
  done
  java -Dscaling.sessions="$n" -Dscaling.csv="$csv" -Dscaling.messages="${SCALING_MESSAGES:-1000}" -Dscaling.rounds="${SCALING_ROUNDS:-2}" -Dscaling.wlp="$wlp" -Dscaling.server=scaling \
    -Dscaling.broker="tcp://127.0.0.1:$broker_port" -Dscaling.broker.user="$user" -Dscaling.broker.password="$password" \
    -Dscaling.jdbc="jdbc:postgresql://127.0.0.1:5432/$database" -Dscaling.jdbc.user=postgres -Dscaling.jdbc.password=postgres \
    -cp "$classpath" io.sourceflow.benchmarks.scaling.ConsumerScaling
  "$wlp/bin/server" stop scaling > /dev/null
done

java -cp "$classpath" io.sourceflow.benchmarks.scaling.ScalingPlot "$csv" docs/consumer-scaling.png
