#!/usr/bin/env bash
# The REST benchmark: one Liberty server ("bench-rest", 127.0.0.1:9080, the sample's shipped
# configuration from liberty-config) with benchmarks-rest-war, whose two deposit endpoints (the
# sample's through SourceFlow, and a hand-written JAX-RS + JPA baseline) are loaded in turns by
# benchmarks-rest-war/load/RestAlternation.java.
#
#   sourceflow-benchmarks/scripts/rest-alternation.sh DATABASE [RestAlternation arguments...]
#   e.g. rest-alternation.sh postgresql 8 64 8 10 60
#
# Build first: mvn -B install -DskipTests. PostgreSQL: 127.0.0.1:5432, user postgres, database
# "sourceflow" (created when missing).
set -euo pipefail
db=$1
shift
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
if [ "$db" = postgresql ]; then
  psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'sourceflow'" | grep -q 1 \
    || createdb -h 127.0.0.1 -U postgres sourceflow
fi
mvn -B -o -q -pl benchmarks-rest-war liberty:create liberty:deploy liberty:start \
  -Dliberty.bootstrap.sourceflow.database="$db" >/dev/null
trap 'mvn -B -o -q -pl benchmarks-rest-war liberty:stop >/dev/null' EXIT
for i in $(seq 1 120); do
  curl -sf http://127.0.0.1:9080/health/ready >/dev/null && break
  sleep 1
done
# a holder's token, signed with the key the build made (benchmarks-rest-war/target/jwt)
SAMPLE_TOKEN=$(mvn -B -o -q -pl sample-tokens exec:java -Dexec.args="benchmarks-rest-war/target/jwt load account-holder" | sed -n 1p)
export SAMPLE_TOKEN
java benchmarks-rest-war/load/RestAlternation.java "$@"
