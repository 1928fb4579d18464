#!/usr/bin/env bash
# Proves the broker security set-up on this machine: makes a dynamic-security file with
# init-dynsec.sh, starts Mosquitto with mosquitto.conf on a free loopback port in a temp dir, checks
# who may connect, publish and subscribe (backend, dynsec admin, a device provisioned the way the
# backend does it), then stops that broker and removes the dir. Exit status 0 = every check passed.
#   bash deploy/mosquitto/verify-local.sh
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=sc/v1
admin=dynsec-admin admin_pw=verify-admin-pw-1
backend=sc-backend backend_pw=verify-backend-pw-1
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
dir=$(mktemp -d)
broker_pid=
failures=0

cleanup() {
  if [ -n "$broker_pid" ]; then kill "$broker_pid" 2>/dev/null; wait "$broker_pid" 2>/dev/null; fi
  rm -rf "$dir"
}
trap cleanup EXIT

pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }

# Subscribes as $1/$2 (client id $3) to $4 for up to $5 s, printing what arrived (or the error).
listen() { mosquitto_sub -p "$port" -u "$1" -P "$2" -i "$3" -t "$4" -q 1 -C 1 -W "$5" 2>&1; }
# Publishes $5 on $4 as $1/$2 (client id $3), QoS 1.
say() { mosquitto_pub -p "$port" -u "$1" -P "$2" -i "$3" -t "$4" -q 1 -m "$5" 2>&1; }
# Runs `listen` in the background, publishes, and prints what the listener got ("" = nothing).
heard_after() { # <sub user> <sub pw> <sub client id> <sub topic> <pub user> <pub pw> <pub client id> <pub topic> <msg>
  local out="$dir/heard.$RANDOM"
  listen "$1" "$2" "$3" "$4" 2 >"$out" &
  local l=$!
  sleep 0.4
  say "$5" "$6" "$7" "$8" "$9" >/dev/null
  wait "$l"
  grep -v '^Timed out$' "$out"
}

MQTT_DYNSEC_USERNAME=$admin MQTT_DYNSEC_PASSWORD=$admin_pw MQTT_USERNAME=$backend MQTT_PASSWORD=$backend_pw MQTT_TOPIC_ROOT=$root \
  sh "$here/init-dynsec.sh" "$dir/dynamic-security.json" || { echo "init-dynsec.sh failed"; exit 1; }
sed "s/^listener .*/listener $port 127.0.0.1/" "$here/mosquitto.conf" >"$dir/broker.conf"
(cd "$dir" && exec mosquitto -c "$dir/broker.conf" >"$dir/broker.log" 2>&1) &
broker_pid=$!
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
echo "broker: mosquitto $(mosquitto -h | head -1 | awk '{print $3}') on 127.0.0.1:$port, dir $dir"

# Connections
if mosquitto_pub -p "$port" -i anon -t "$root/x" -m hi >/dev/null 2>&1; then
  fail "anonymous client was let in"; else pass "anonymous client refused"; fi
if say "$backend" wrong-password b1 "$root/x" hi >/dev/null; then fail "wrong password accepted"; else pass "wrong password refused"; fi

# The backend's account
got=$(heard_after "$backend" "$backend_pw" obs "$root/devices/+/events" "$backend" "$backend_pw" b-pub "$root/devices/g9/events" '{"n":1}')
[ "$got" = '{"n":1}' ] && pass "backend publishes and subscribes (wildcards) under $root/#" || fail "backend pub/sub under root: '$got'"
got=$(heard_after "$backend" "$backend_pw" obs "\$share/api/$root/devices/+/events" "$backend" "$backend_pw" b-pub "$root/devices/g9/events" '{"n":2}')
[ "$got" = '{"n":2}' ] && pass "backend shared subscription \$share/api/$root/... receives" || fail "backend shared subscription: '$got'"
got=$(listen "$backend" "$backend_pw" b-out "other/#" 1)
case "$got" in *denied*) pass "backend may not subscribe outside $root" ;; *) fail "backend subscribed outside root: '$got'" ;; esac

# The dynsec admin reaches $CONTROL only: its publishes under the root are dropped
got=$(heard_after "$backend" "$backend_pw" obs "$root/devices/g9/commands" "$admin" "$admin_pw" a-pub "$root/devices/g9/commands" '{"x":1}')
[ -z "$got" ] && pass "dynsec admin cannot publish under $root" || fail "dynsec admin published under root: '$got'"

# docker-compose's healthcheck of the broker
got=$(mosquitto_sub -p "$port" -u "$admin" -P "$admin_pw" -t '$SYS/broker/uptime' -C 1 -W 3 2>&1)
case "$got" in *seconds*) pass "dynsec admin reads \$SYS/broker/uptime (the compose healthcheck)" ;; *) fail "healthcheck query: '$got'" ;; esac

# A device provisioned the way the backend does it: JSON commands on $CONTROL/dynamic-security/v1
# (as the dynsec admin), one role per device with literal topics (no %c/%u substitution in 2.0.11).
dynsec() { # <json commands array> -> prints the broker's response
  mosquitto_rr -p "$port" -u "$admin" -P "$admin_pw" -t '$CONTROL/dynamic-security/v1' -e '$CONTROL/dynamic-security/v1/response' \
    -m "{\"commands\":$1}" -W 5 2>&1
}
dev=gate-0001 other=gate-0002 dev_pw=verify-device-pw-1
acls=""
for t in status events telemetry acks; do acls="$acls{\"acltype\":\"publishClientSend\",\"topic\":\"$root/devices/$dev/$t\",\"allow\":true},"; done
for t in commands config; do acls="$acls{\"acltype\":\"subscribeLiteral\",\"topic\":\"$root/devices/$dev/$t\",\"allow\":true},"; done
resp=$(dynsec "[{\"command\":\"createRole\",\"rolename\":\"device-$dev\",\"acls\":[${acls%,}],\"correlationData\":\"c1\"},
  {\"command\":\"createClient\",\"username\":\"$dev\",\"clientid\":\"$dev\",\"password\":\"$dev_pw\",\"roles\":[{\"rolename\":\"device-$dev\"}],\"correlationData\":\"c2\"}]")
case "$resp" in *error*|'') fail "provisioning via \$CONTROL: $resp" ;; *) pass "provisioned through \$CONTROL/dynamic-security/v1: $resp" ;; esac
grep -q "\"device-$dev\"" "$dir/dynamic-security.json" && pass "the broker saved the new client and role to the dynsec file" || fail "dynsec file lacks the new role"
resp=$(dynsec "[{\"command\":\"createClient\",\"username\":\"$dev\",\"password\":\"x\",\"correlationData\":\"c3\"}]")
case "$resp" in *'"error"'*) pass "a duplicate createClient is answered with an error: $resp" ;; *) fail "duplicate createClient: $resp" ;; esac

got=$(heard_after "$backend" "$backend_pw" obs "$root/devices/$dev/events" "$dev" "$dev_pw" "$dev" "$root/devices/$dev/events" '{"id":"e1"}')
[ "$got" = '{"id":"e1"}' ] && pass "device publishes its own events" || fail "device own events: '$got'"
got=$(heard_after "$backend" "$backend_pw" obs "$root/devices/$other/events" "$dev" "$dev_pw" "$dev" "$root/devices/$other/events" '{"id":"e2"}')
[ -z "$got" ] && pass "device cannot publish as another device" || fail "device published as another: '$got'"
got=$(heard_after "$backend" "$backend_pw" obs "$root/devices/$dev/commands" "$dev" "$dev_pw" "$dev" "$root/devices/$dev/commands" '{"type":"gate.open"}')
[ -z "$got" ] && pass "device cannot publish commands" || fail "device published a command: '$got'"
got=$(heard_after "$dev" "$dev_pw" "$dev" "$root/devices/$dev/commands" "$backend" "$backend_pw" b-cmd "$root/devices/$dev/commands" '{"type":"gate.open"}')
[ "$got" = '{"type":"gate.open"}' ] && pass "device receives its own commands" || fail "device own commands: '$got'"
got=$(mosquitto_sub -p "$port" -u "$dev" -P "$dev_pw" -i "$dev" -t "$root/devices/$other/commands" -C 1 -W 1 2>&1)
case "$got" in *denied*) pass "device cannot subscribe to another device's commands" ;; *) fail "device subscribed to another's commands: '$got'" ;; esac
if say "$dev" "$dev_pw" "not-$dev" "$root/devices/$dev/events" '{}' >/dev/null; then fail "device connected with a foreign client id"; else pass "device must use its own client id"; fi

# Rotation: the new password works, the old one no longer does.
new_pw=verify-device-pw-2
resp=$(dynsec "[{\"command\":\"setClientPassword\",\"username\":\"$dev\",\"password\":\"$new_pw\"}]")
if ! say "$dev" "$dev_pw" "$dev" "$root/devices/$dev/events" '{}' >/dev/null && say "$dev" "$new_pw" "$dev" "$root/devices/$dev/events" '{}' >/dev/null; then
  pass "rotated password replaces the old one"; else fail "rotation: $resp"; fi

# Decommission: deleting the client kicks its live connection and refuses new ones.
mosquitto_sub -p "$port" -u "$dev" -P "$new_pw" -i "$dev" -t "$root/devices/$dev/commands" -W 10 >/dev/null 2>&1 &
live=$!
sleep 0.5
resp=$(dynsec "[{\"command\":\"deleteClient\",\"username\":\"$dev\"},{\"command\":\"deleteRole\",\"rolename\":\"device-$dev\"}]")
kicked=no
for _ in $(seq 1 20); do kill -0 "$live" 2>/dev/null || { kicked=yes; break; }; sleep 0.1; done
[ "$kicked" = yes ] && pass "deleting a device kicks its open connection" || { fail "deleted device stayed connected"; kill "$live" 2>/dev/null; }
wait "$live" 2>/dev/null
if say "$dev" "$new_pw" "$dev" "$root/devices/$dev/events" '{}' >/dev/null; then fail "deleted device still connects"; else pass "deleted (decommissioned) device refused"; fi
grep -q "\"device-$dev\"" "$dir/dynamic-security.json" && fail "dynsec file still lists the deleted role" || pass "the deletion is saved to the dynsec file"

echo
if [ "$failures" -eq 0 ]; then echo "all checks passed"; else echo "$failures check(s) failed; broker log:"; cat "$dir/broker.log"; fi
[ "$failures" -eq 0 ]
