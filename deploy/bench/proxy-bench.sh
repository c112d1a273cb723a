#!/usr/bin/env bash
# The same authenticated lesson read, in one run on one machine: direct to course-service, through Debian's
# nginx (keepalive upstream), and through the gateway, under the same fixed wrk load. All three are warmed
# first, then measured in interleaved rounds (direct, nginx, gateway, direct, nginx, gateway, ...) so neither
# their order nor the JIT's warm-up favours one; it prints each round, the medians over the rounds of p50, p99
# and throughput, and the ratios of those medians that the gateway is held to, and the CPU time each process
# spent per request (course-service, the gateway, nginx's worker), which says where the time goes. Then 200 callers hang up
# mid-request and the next 300 requests must get no 503; then (unless QUICK=1) 10,000 requests at a steady
# 100 req/s through the gateway (paced.lua), counting 5xx and printing the rate achieved.
#
# wrk and nginx are not part of the project: Debian's packages wrk and nginx-light
# (apt-get install -y wrk nginx-light). Start the stack first, with C2 (the JIT flags empty) and the
# gateway's rate limits out of the way:
#   UPWARD_SERVICE_JIT_OPTS= UPWARD_GATEWAY_LIMITS_PER_USER_REQUESTS=100000000 \
#     UPWARD_GATEWAY_LIMITS_PER_IP_REQUESTS=100000000 ./upward up
# then: deploy/bench/proxy-bench.sh
# Knobs: BENCH_ROUNDS (5), BENCH_DURATION per round (10s), BENCH_WARMUP per path (60s: the gateway's JIT needs it), BENCH_CONNECTIONS (8),
# PACED_RATE (100), PACED_TOTAL (10000), PACED_CONNECTIONS (20).
set -euo pipefail

GATEWAY_PORT=${UPWARD_GATEWAY_PORT:-8080}
COURSE_PORT=${UPWARD_COURSE_PORT:-8081}
NGINX_PORT=${BENCH_NGINX_PORT:-18090}
PATH_UNDER_TEST=${BENCH_PATH:-/api/v1/courses/how-to-lead-upward/lessons/four-tips-to-engage}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
WARMUP=${BENCH_WARMUP:-60s}
ROUNDS=${BENCH_ROUNDS:-5}
PACED_THREADS=2
export PACED_RATE=${PACED_RATE:-100} PACED_TOTAL=${PACED_TOTAL:-10000} PACED_THREADS
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap '[ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

TOKEN=$(curl -sf "http://127.0.0.1:$GATEWAY_PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"learner1@acme","password":"upward-demo"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
[ -n "$TOKEN" ] || { echo "no token from the gateway on port $GATEWAY_PORT: is the stack up?" >&2; exit 1; }

sed -e "s/@NGINX_PORT@/$NGINX_PORT/" -e "s/@COURSE_PORT@/$COURSE_PORT/" -e "s#@WORK@#$WORK#g" \
  "$HERE/nginx.conf.template" > "$WORK/nginx.conf"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
sleep 0.5

# wrk prints latency percentiles in us, ms or s; make them ms.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[^m]s$/) n *= 1000; printf "%.2f", n }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A PORT=([direct]=$COURSE_PORT [nginx]=$NGINX_PORT [gateway]=$GATEWAY_PORT)
PATHS="direct nginx gateway"
# CPU time a process has used, in ms (utime + stime, all threads): per request it says where the time goes,
# whatever else the machine is doing.
listener() { ss -ltnp "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
cpu_ms() { awk '{ print ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"' }' "/proc/$1/stat"; }
COURSE_PID=$(listener "$COURSE_PORT"); GATEWAY_PID=$(listener "$GATEWAY_PORT"); NGINX_PID=$(cat "$WORK/nginx.pid")
NGINX_WORKER=$(pgrep -P "$NGINX_PID" | head -1)

load() { # port duration [wrk options]
  local port=$1 duration=$2; shift 2
  wrk -t1 -c"$CONNECTIONS" -d"$duration" "$@" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$PATH_UNDER_TEST"
}

echo "GET $PATH_UNDER_TEST, wrk 1 thread, $CONNECTIONS connections; warm-up $WARMUP each, then $ROUNDS interleaved rounds of $DURATION"
for name in $PATHS; do load "${PORT[$name]}" "$WARMUP" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  for name in $PATHS; do
    out="$WORK/$name.$round.txt"
    before="$(cpu_ms "$COURSE_PID") $(cpu_ms "$GATEWAY_PID") $(cpu_ms "$NGINX_WORKER")"
    load "${PORT[$name]}" "$DURATION" --latency -s "$HERE/count-status.lua" > "$out"
    after="$(cpu_ms "$COURSE_PID") $(cpu_ms "$GATEWAY_PID") $(cpu_ms "$NGINX_WORKER")"
    requests=$(awk '/requests in/ { print $1 }' "$out")
    echo "$before $after $requests" | awk '{ printf "%.3f %.3f %.3f\n", ($4 - $1) / $7, ($5 - $2) / $7, ($6 - $3) / $7 }' \
      >> "$WORK/$name.cpu"
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")"); p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    rps=$(awk '/^Requests\/sec/ { print $2 }' "$out")
    echo "$p50 $p99 $rps" >> "$WORK/$name.rounds"
    printf 'round %d %-8s p50 %7s ms   p99 %7s ms   %8s req/s   %s\n' "$round" "$name" "$p50" "$p99" "$rps" \
      "$(grep '^statuses' "$out" || true)"
  done
done

declare -A P50 P99 RPS
echo "medians over $ROUNDS rounds"
for name in $PATHS; do
  P50[$name]=$(awk '{ print $1 }' "$WORK/$name.rounds" | median)
  P99[$name]=$(awk '{ print $2 }' "$WORK/$name.rounds" | median)
  RPS[$name]=$(awk '{ print $3 }' "$WORK/$name.rounds" | median)
  printf '%-8s p50 %7s ms   p99 %7s ms   %8s req/s\n' "$name" "${P50[$name]}" "${P99[$name]}" "${RPS[$name]}"
done
echo "CPU per request (ms, medians over the rounds): course-service, the gateway, nginx's worker"
for name in $PATHS; do
  printf '%-8s course %6s   gateway %6s   nginx %6s\n' "$name" "$(awk '{ print $1 }' "$WORK/$name.cpu" | median)" \
    "$(awk '{ print $2 }' "$WORK/$name.cpu" | median)" "$(awk '{ print $3 }' "$WORK/$name.cpu" | median)"
done
awk -v dp="${P50[direct]}" -v np="${P50[nginx]}" -v gp="${P50[gateway]}" \
    -v dr="${RPS[direct]}" -v nr="${RPS[nginx]}" -v gr="${RPS[gateway]}" 'BEGIN {
  printf "gateway p50 / direct p50   %.2f  (target <= 1.10)\n", gp / dp
  printf "gateway rps / direct rps   %.2f  (target >= 0.80)\n", gr / dr
  printf "gateway p50 / nginx p50    %.2f, gateway rps / nginx rps %.2f\n", gp / np, gr / nr
  na = np - dp; ga = gp - dp
  printf "added p50: nginx %.2f ms, gateway %.2f ms, ratio %s  (target <= 1.5)\n", na, ga, (na > 0 ? sprintf("%.2f", ga / na) : "n/a (nginx added nothing measurable)")
}'

echo "200 callers hanging up mid-request, then 300 sequential requests through the gateway"
for i in $(seq 1 200); do
  curl -s -o /dev/null --max-time 0.003 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" &
done 2>/dev/null
wait
after=$(for i in $(seq 1 300); do
  curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"
done | sort | uniq -c | tr '\n' ' ')
echo "after the hang-ups: $after(status counts; no 503 expected)"

if [ "${QUICK:-0}" != 1 ]; then
  echo "$PACED_TOTAL requests through the gateway at a steady $PACED_RATE req/s, ${PACED_CONNECTIONS:-20} connections"
  wrk -t"$PACED_THREADS" -c"${PACED_CONNECTIONS:-20}" -d$(( PACED_TOTAL / PACED_RATE + 60 ))s -s "$HERE/paced.lua" \
    -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" | grep -E "^(statuses|paced)"
fi
