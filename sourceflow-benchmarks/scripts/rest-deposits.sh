#!/usr/bin/env bash
# Deposits over REST on the sample's Liberty server ("sample", 127.0.0.1:9080), measured with
# sample-war/load/DepositLoad.java: one account with 8 writers, one account with 1 writer, 64
# accounts with 8 writers. Each given checkout is measured in turn, on each database, ROUNDS times,
# so that two builds (before and after a change) are compared in one run on one machine.
#
#   sourceflow-benchmarks/scripts/rest-deposits.sh ROUNDS DATABASES CHECKOUT...
#   e.g. rest-deposits.sh 2 "derby postgresql" /tmp/before .
#
# Each checkout must be built (mvn -B install -DskipTests, which packages sample-war); its packaged WAR
# is deployed (not the loose application, whose jars would come from the shared ~/.m2). PostgreSQL:
# 127.0.0.1:5432, user postgres, database "sourceflow" (created when missing).
set -euo pipefail
rounds=$1 databases=$2
shift 2
here=$(cd "$(dirname "$0")/../.." && pwd)
load="$here/sample-war/load/DepositLoad.java"
if [[ " $databases " == *" postgresql "* ]]; then
  psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'sourceflow'" | grep -q 1 \
    || createdb -h 127.0.0.1 -U postgres sourceflow
fi
for round in $(seq 1 "$rounds"); do
  for db in $databases; do
    for checkout in "$@"; do
      label="$(cd "$checkout" && git log -1 --format=%h) $db round $round"
      (cd "$checkout" && mvn -B -o -q -pl sample-war liberty:create liberty:deploy liberty:start -DlooseApplication=false \
        -Dliberty.bootstrap.sourceflow.database="$db" >/dev/null)
      trap '(cd "$checkout" && mvn -B -o -q -pl sample-war liberty:stop >/dev/null)' EXIT
      for i in $(seq 1 120); do
        curl -sf http://127.0.0.1:9080/health/ready >/dev/null && break
        sleep 1
      done
      # a holder's token signed with the key that checkout's build made (sample-tokens; ignored by a build
      # from before the API took tokens)
      if [[ -d "$checkout/sample-tokens" ]]; then
        SAMPLE_TOKEN=$(cd "$checkout" && mvn -B -o -q -pl sample-tokens exec:java \
          -Dexec.args="sample-war/target/jwt load account-holder" | sed -n 1p)
        export SAMPLE_TOKEN
      fi
      echo "$label: $(java "$load" 8 250 1)"
      echo "$label: $(java "$load" 1 500 1)"
      echo "$label: $(java "$load" 8 250 64)"
      (cd "$checkout" && mvn -B -o -q -pl sample-war liberty:stop >/dev/null)
      trap - EXIT
    done
  done
done
