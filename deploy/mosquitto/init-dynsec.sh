#!/bin/sh
# Creates the broker's dynamic-security file: the dynsec admin (used by the backend to provision
# devices through $CONTROL/dynamic-security/v1) and the backend's own client, whose role may
# publish and subscribe everything under the topic root. POSIX sh: runs on Debian and in the
# Alpine-based eclipse-mosquitto image.
#
# Usage: init-dynsec.sh [--force] <dynamic-security.json>
#   An existing file is left alone (exit 0) unless --force is given.
# Environment:
#   MQTT_DYNSEC_USERNAME     dynsec admin username           (default: dynsec-admin)
#   MQTT_DYNSEC_PASSWORD     dynsec admin password           (required)
#   MQTT_USERNAME            the backend's broker username   (default: sc-backend)
#   MQTT_PASSWORD            the backend's broker password   (required)
#   MQTT_TOPIC_ROOT          topic root the backend owns     (default: sc/v1)
#   MOSQUITTO_DYNSEC_PLUGIN  path of mosquitto_dynamic_security.so (default: the Debian or the
#                            eclipse-mosquitto location, whichever exists)
set -eu

force=0
if [ "${1:-}" = "--force" ]; then force=1; shift; fi
if [ $# -ne 1 ]; then
  echo "usage: $0 [--force] <dynamic-security.json>" >&2
  exit 2
fi
target=$1

admin_user=${MQTT_DYNSEC_USERNAME:-dynsec-admin}
admin_password=${MQTT_DYNSEC_PASSWORD:-}
backend_user=${MQTT_USERNAME:-sc-backend}
backend_password=${MQTT_PASSWORD:-}
topic_root=${MQTT_TOPIC_ROOT:-sc/v1}
backend_role=backend

fail() { echo "init-dynsec: $*" >&2; exit 1; }

[ -n "$admin_password" ] || fail "MQTT_DYNSEC_PASSWORD is required"
[ -n "$backend_password" ] || fail "MQTT_PASSWORD is required"
[ "$admin_user" != "$backend_user" ] || fail "MQTT_DYNSEC_USERNAME and MQTT_USERNAME must differ"
case "$topic_root" in
  ''|*'#'*|*'+'*|/*|*/) fail "MQTT_TOPIC_ROOT must be slash-separated segments without wildcards, got '$topic_root'" ;;
esac

if [ -e "$target" ] && [ "$force" -eq 0 ]; then
  echo "init-dynsec: $target exists, left as is (use --force to recreate)"
  exit 0
fi

plugin=${MOSQUITTO_DYNSEC_PLUGIN:-}
if [ -z "$plugin" ]; then
  for p in /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so /usr/lib/aarch64-linux-gnu/mosquitto_dynamic_security.so \
           /usr/lib/mosquitto_dynamic_security.so /usr/local/lib/mosquitto_dynamic_security.so; do
    if [ -f "$p" ]; then plugin=$p; break; fi
  done
fi
[ -n "$plugin" ] && [ -f "$plugin" ] || fail "mosquitto_dynamic_security.so not found; set MOSQUITTO_DYNSEC_PLUGIN"

target_dir=$(dirname "$target")
mkdir -p "$target_dir"
# Built next to the target and renamed at the end, so a failed run never leaves a half-made file.
work_json="$target.init.$$"
work_dir=$(mktemp -d)
broker_pid=
cleanup() {
  if [ -n "$broker_pid" ]; then kill "$broker_pid" 2>/dev/null || true; wait "$broker_pid" 2>/dev/null || true; fi
  rm -rf "$work_dir"
  rm -f "$work_json"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# `dynsec init` only writes the admin; everything else goes through a running broker.
mosquitto_ctrl dynsec init "$work_json" "$admin_user" "$admin_password" >/dev/null

# A private broker on a unix socket (no TCP port to collide with) applies the remaining changes.
sock="$work_dir/ctl.sock"
cat > "$work_dir/init.conf" <<EOF
per_listener_settings false
allow_anonymous false
plugin $plugin
plugin_opt_config_file $work_json
listener 0 $sock
persistence false
log_dest none
user $(id -un)
EOF
mosquitto -c "$work_dir/init.conf" >"$work_dir/broker.log" 2>&1 &
broker_pid=$!
i=0
until [ -S "$sock" ]; do
  i=$((i + 1))
  [ "$i" -le 100 ] || fail "the temporary broker did not start"
  kill -0 "$broker_pid" 2>/dev/null || { cat "$work_dir/broker.log" >&2; fail "the temporary broker exited"; }
  sleep 0.1
done

# The password is on mosquitto_ctrl's command line for a moment; this runs once, at deploy time.
ctl() {
  if ! out=$(mosquitto_ctrl --unix "$sock" -u "$admin_user" -P "$admin_password" dynsec "$@" 2>&1); then
    echo "$out" >&2
    fail "mosquitto_ctrl dynsec $1 failed"
  fi
  case "$out" in *Error*) echo "$out" >&2; fail "mosquitto_ctrl dynsec $1 failed" ;; esac
}

ctl createRole "$backend_role"
# Everything under the root: device topics, commands, retained config. $CONTROL stays with the
# admin (the backend uses the admin account for provisioning).
ctl addRoleACL "$backend_role" publishClientSend "$topic_root/#" allow
ctl addRoleACL "$backend_role" publishClientReceive "$topic_root/#" allow
ctl addRoleACL "$backend_role" subscribePattern "$topic_root/#" allow
ctl addRoleACL "$backend_role" unsubscribePattern "$topic_root/#" allow
# Mosquitto 2.0 checks a shared subscription's ACL against the whole filter, $share/<group>/ included.
ctl addRoleACL "$backend_role" subscribePattern "\$share/+/$topic_root/#" allow
ctl addRoleACL "$backend_role" unsubscribePattern "\$share/+/$topic_root/#" allow
ctl createClient "$backend_user" -p "$backend_password"
ctl addClientRole "$backend_user" "$backend_role"

kill "$broker_pid"
wait "$broker_pid" 2>/dev/null || true
broker_pid=

chmod 600 "$work_json"
mv -f "$work_json" "$target"
echo "init-dynsec: wrote $target (admin '$admin_user', backend client '$backend_user' with role '$backend_role' on '$topic_root/#')"
# Mosquitto started as root switches to the mosquitto user before it reads the file, and saves
# changes by writing <file>.new and renaming it: the user needs the file and its directory.
if [ "$(id -u)" = 0 ] && id mosquitto >/dev/null 2>&1; then
  chown mosquitto:mosquitto "$target" "$target_dir"
  echo "init-dynsec: gave $target and its directory to the mosquitto user"
fi
