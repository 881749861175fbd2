#!/usr/bin/env bash
# The integration tests' Artemis broker: one instance, bound to 127.0.0.1 only.
#
#   broker.sh create INSTANCE DIST USER SECRETS PORT HTTP_PORT [KEYSTORE]   a new instance (the old one removed)
#       SECRETS: a server.env file (sample-tokens' TestKeys) whose messaging_password is USER's password;
#       KEYSTORE: a PKCS #12 key store opened with its keystore_password: the acceptor then takes TLS only
#   broker.sh run INSTANCE       runs the broker in this process (exec), its pid in INSTANCE.pid
#   broker.sh start INSTANCE     runs it in the background, then waits for it (as await)
#   broker.sh await INSTANCE [SECONDS]   waits for AMQ221007 (server active) in its log
#   broker.sh stop INSTANCE      stops it (TERM, after 30 s KILL) and removes the pid file
#
# The pid file is the one record of a running broker: create and start first stop a broker a
# previous run left behind.
set -euo pipefail

command=${1:?command}
instance=${2:?instance directory}
pidfile="$instance.pid"
console="$instance.console.log"

running() {
  [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

stop() {
  if [[ -f "$pidfile" ]]; then
    local pid
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
      done
      if kill -0 "$pid" 2>/dev/null; then
        echo "broker $pid still running after 30 s: killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
      fi
      echo "broker $pid stopped"
    fi
    rm -f "$pidfile"
  fi
}

# await SECONDS [LINES]: only log lines after the first LINES count (a restarted broker's log holds the last run's)
await() {
  local seconds=${1:-120}
  local skip=${2:-0}
  local log="$instance/log/artemis.log"
  for _ in $(seq 1 $((seconds * 4))); do
    if [[ -f "$log" ]] && tail -n +$((skip + 1)) "$log" | grep -q 'AMQ221007'; then
      echo "broker $(cat "$pidfile") active: $(tail -n +$((skip + 1)) "$log" | grep -m1 'AMQ221007')"
      return 0
    fi
    if [[ -f "$pidfile" ]] && ! running; then
      echo "broker exited before it became active; see $console" >&2
      tail -20 "$console" >&2 || true
      return 1
    fi
    sleep 0.25
  done
  echo "broker not active after $seconds s" >&2
  return 1
}

case "$command" in
  create)
    dist=${3:?distribution}; user=${4:?user}; secrets=${5:?secrets file}; port=${6:?port}; http=${7:?http port}
    keystore=${8:-}
    password=$(sed -n 's/^messaging_password=//p' "$secrets")
    if [[ -z "$password" ]]; then
      echo "no messaging_password in $secrets" >&2
      exit 1
    fi
    stop
    rm -rf "$instance" "$console"
    bash "$dist/bin/artemis" create "$instance" --silent \
      --user "$user" --password "$password" --role amq --require-login \
      --host 127.0.0.1 --default-port "$port" --http-host 127.0.0.1 --http-port "$http" \
      --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
      --nio --no-autotune --java-memory 256M --no-autocreate \
      --queues sourceflow.commands,sourceflow.dead-letters --addresses sourceflow.events:multicast
    # --java-memory sets -Xmx only; the profile's -Xms stays 512M, and the JVM refuses to start with
    # an initial heap larger than the maximum: give -Xms the same value
    sed -i -e 's/-Xms[0-9]*[MmGg]/-Xms256M/' "$instance/etc/artemis.profile"
    if ! grep -q -- '-Xms256M -Xmx256M' "$instance/etc/artemis.profile"; then
      echo "unexpected heap settings in $instance/etc/artemis.profile" >&2
      exit 1
    fi
    # --no-autocreate: the catch-all address setting (#) creates no queue or address on first use,
    # so a misspelt name fails instead of creating a new address
    if ! grep -q '<auto-create-queues>false</auto-create-queues>' "$instance/etc/broker.xml"; then
      echo "auto-create is still on in $instance/etc/broker.xml" >&2
      exit 1
    fi
    # The SourceFlow addresses' settings (an address-setting with an exact match adds to the catch-all's):
    # - max-delivery-attempts above sourceflow.jms.max-deliveries (3), so SourceFlow parks first.
    # - redelivery-delay 0: a rolled-back message goes back to the head of its queue, before its account's
    #   later commands; with a delay the broker would set it aside and deliver them first
    #   (RedeliveryDelayTest). SourceFlow pauses itself before it fails a transient failure again
    #   (sourceflow.jms.retry-delay, 100 ms doubling up to 5 s), so the 20 deliveries ride out about a minute
    #   of outage.
    # - default-group-rebalance (every queue of the address): a consumer that joins (a server started
    #   again) takes over some accounts at once, not only accounts that appear later; pause-dispatch
    #   holds delivery until the messages in flight are acknowledged, so a moved account keeps its order.
    settings='      <address-setting match="sourceflow.commands">
         <max-delivery-attempts>20</max-delivery-attempts>
         <redelivery-delay>0</redelivery-delay>
         <default-group-rebalance>true</default-group-rebalance>
         <default-group-rebalance-pause-dispatch>true</default-group-rebalance-pause-dispatch>
      </address-setting>
      <address-setting match="sourceflow.events">
         <max-delivery-attempts>20</max-delivery-attempts>
         <redelivery-delay>0</redelivery-delay>
         <default-group-rebalance>true</default-group-rebalance>
         <default-group-rebalance-pause-dispatch>true</default-group-rebalance-pause-dispatch>
      </address-setting>
'
    SETTINGS="$settings" perl -0pi -e 's#(\s*</address-settings>)#\n$ENV{SETTINGS}$1#' "$instance/etc/broker.xml"
    if ! grep -q '<default-group-rebalance-pause-dispatch>true' "$instance/etc/broker.xml"; then
      echo "the sourceflow address settings are missing from $instance/etc/broker.xml" >&2
      exit 1
    fi
    if [[ -n "$keystore" ]]; then
      # TLS only on the core acceptor: its key store and password go into broker.xml (this test instance's
      # folder, readable by its owner only)
      keystore_password=$(sed -n 's/^keystore_password=//p' "$secrets")
      TLS=";sslEnabled=true;keyStorePath=$keystore;keyStorePassword=$keystore_password;keyStoreType=PKCS12" \
        perl -0pi -e 's#(<acceptor name="artemis">[^<]*)</acceptor>#$1$ENV{TLS}</acceptor>#' "$instance/etc/broker.xml"
      if ! grep -q '<acceptor name="artemis">[^<]*sslEnabled=true' "$instance/etc/broker.xml"; then
        echo "TLS is missing from the acceptor in $instance/etc/broker.xml" >&2
        exit 1
      fi
      chmod 600 "$instance/etc/broker.xml"
    fi
    ;;
  run)
    echo $$ > "$pidfile"
    exec bash "$instance/bin/artemis" run >> "$console" 2>&1
    ;;
  start)
    stop
    lines=0
    if [[ -f "$instance/log/artemis.log" ]]; then
      lines=$(wc -l < "$instance/log/artemis.log")
    fi
    nohup bash "$0" run "$instance" > /dev/null 2>&1 &
    for _ in $(seq 1 40); do
      [[ -f "$pidfile" ]] && break
      sleep 0.25
    done
    await "${3:-120}" "$lines"
    ;;
  await)
    await "${3:-120}"
    ;;
  stop)
    stop
    ;;
  *)
    echo "unknown command $command" >&2
    exit 2
    ;;
esac
