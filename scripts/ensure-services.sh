#!/usr/bin/env bash
# Starts whichever of PostgreSQL, Redis and Mosquitto is not answering on its usual local port,
# with the commands this project's machines use, then waits until all three answer.
set -euo pipefail

up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! up 5432; then
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
fi
if ! up 6379; then
  echo "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi
if ! up 1883; then
  echo "starting Mosquitto"
  mosquitto -d -c /etc/mosquitto/mosquitto.conf
fi

for port in 5432 6379 1883; do
  for _ in $(seq 1 60); do up "$port" && break; sleep 0.5; done
  up "$port" || { echo "service on port $port did not come up" >&2; exit 1; }
done
echo "services up: postgres:5432 redis:6379 mosquitto:1883"
