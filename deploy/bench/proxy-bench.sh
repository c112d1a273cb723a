#!/usr/bin/env bash
# The same authenticated lesson read, in one run on one machine: direct to course-service, through Debian's
# nginx (keepalive upstream), and through the gateway, under the same fixed wrk load. Prints p50, p99 and
# throughput for each, and the ratios the gateway is held to. Then (unless QUICK=1) 10,000 requests paced at
# 100 req/s through the gateway, counting 5xx. In between, 200 callers hang up mid-request and the next 300
# requests must get no 503.
#
# Start the stack first, with the gateway's rate limits out of the way:
#   UPWARD_GATEWAY_LIMITS_PER_USER_REQUESTS=100000000 UPWARD_GATEWAY_LIMITS_PER_IP_REQUESTS=100000000 ./upward up
# then: deploy/bench/proxy-bench.sh   (needs wrk and nginx: apt-get install -y wrk nginx-light)
set -euo pipefail

GATEWAY_PORT=${UPWARD_GATEWAY_PORT:-8080}
COURSE_PORT=${UPWARD_COURSE_PORT:-8081}
NGINX_PORT=${BENCH_NGINX_PORT:-18090}
PATH_UNDER_TEST=${BENCH_PATH:-/api/v1/courses/how-to-lead-upward/lessons/four-tips-to-engage}
DURATION=${BENCH_DURATION:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
WARMUP=${BENCH_WARMUP:-10s}
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

declare -A P50 P99 RPS
# wrk prints latency percentiles in us, ms or s; make them ms.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[^m]s$/) n *= 1000; printf "%.2f", n }'; }
measure() {
  local name=$1 port=$2
  wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$PATH_UNDER_TEST" >/dev/null
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/count-status.lua" \
    -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$PATH_UNDER_TEST" > "$WORK/$name.txt"
  P50[$name]=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$WORK/$name.txt")")
  P99[$name]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$WORK/$name.txt")")
  RPS[$name]=$(awk '/^Requests\/sec/ { print $2 }' "$WORK/$name.txt")
  printf '%-8s p50 %7s ms   p99 %7s ms   %8s req/s   %s\n' "$name" "${P50[$name]}" "${P99[$name]}" "${RPS[$name]}" \
    "$(grep '^statuses' "$WORK/$name.txt" || true)"
}

echo "GET $PATH_UNDER_TEST, wrk 1 thread, $CONNECTIONS connections, $DURATION after $WARMUP warm-up"
measure direct "$COURSE_PORT"
measure nginx "$NGINX_PORT"
measure gateway "$GATEWAY_PORT"
awk -v dp="${P50[direct]}" -v np="${P50[nginx]}" -v gp="${P50[gateway]}" \
    -v dr="${RPS[direct]}" -v gr="${RPS[gateway]}" 'BEGIN {
  printf "gateway p50 / direct p50   %.2f  (target <= 1.10)\n", gp / dp
  printf "gateway rps / direct rps   %.2f  (target >= 0.80)\n", gr / dr
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
  echo "10,000 requests through the gateway, paced to about 100 req/s (about 100 s)"
  wrk -t6 -c6 -d130s -s "$HERE/paced.lua" -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" | grep -E "^(statuses|paced|Requests)"
fi
