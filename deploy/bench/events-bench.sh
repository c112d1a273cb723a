#!/usr/bin/env bash
# The event path on one running stack, in one run: raw Kafka produce->consume (Kafka's own EndToEndLatency,
# acks=all, 400 B), then submit -> visible in progress through the gateway at a paced rate, with the split
# of outbox occurred_at -> inbox received_at into relay and consumer, then progress-service's throughput
# (scored attempts produced straight to upward.assessment, timed until all are in its inbox).
#
# Start the stack first as ./upward up does (its services on C1 only: on two cores, C2 compiling the hot paths of
# the four services takes more CPU than the requests for the first minutes), with the gateway's rate limits out of the way:
#   UPWARD_GATEWAY_LIMITS_PER_USER_REQUESTS=100000000 UPWARD_GATEWAY_LIMITS_PER_IP_REQUESTS=100000000 ./upward up
# then: deploy/bench/events-bench.sh     (same UPWARD_*_PORT variables as the stack)
# Knobs: BENCH_RATE (30 submissions/s), BENCH_COUNT (600), BENCH_WARMUP (900 submissions first, unmeasured: the
# JIT compiles the hot paths in the first tens of seconds), BENCH_SUBMITTERS (60 new learners, their tokens signed
# with the stack's local key, UPWARD_JWT_PRIVATE_KEY or .data/keys), BENCH_EVENTS (20000),
# BENCH_LEARNERS (500), BENCH_RAW_MESSAGES (2000). SKIP_RAW=1, SKIP_VISIBLE=1, SKIP_THROUGHPUT=1 leave a part out.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
KAFKA="127.0.0.1:${UPWARD_KAFKA_PORT:-59092}"
LIB="$HERE/events/target/lib"

if [ ! -d "$LIB" ]; then
  "$ROOT/mvnw" -q -f "$HERE/events/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIB"
fi
JAVA_RUN=(java -Xmx256m -cp "$LIB/*")

if [ "${SKIP_RAW:-}" != 1 ]; then
  echo "raw Kafka on the same broker: EndToEndLatency, ${BENCH_RAW_MESSAGES:-2000} x 400 B, acks=all"
  # The tool creates its topic when missing; it prints the average and the 50th/99th/99.9th percentiles.
  "${JAVA_RUN[@]}" org.apache.kafka.tools.EndToEndLatency "$KAFKA" bench.end-to-end-latency \
    "${BENCH_RAW_MESSAGES:-2000}" all 400 2>/dev/null | grep -E "Avg latency|Percentiles" | sed 's/^/  /'
fi
if [ "${SKIP_VISIBLE:-}" != 1 ]; then
  "${JAVA_RUN[@]}" "$HERE/events/EventsBench.java" visible "${BENCH_RATE:-30}" "${BENCH_COUNT:-600}" "${BENCH_WARMUP:-900}" \
    "${UPWARD_JWT_PRIVATE_KEY:-$ROOT/.data/keys/jwt-private.pem}" "${BENCH_SUBMITTERS:-60}"
fi
if [ "${SKIP_THROUGHPUT:-}" != 1 ]; then
  "${JAVA_RUN[@]}" "$HERE/events/EventsBench.java" throughput "${BENCH_EVENTS:-20000}" "${BENCH_LEARNERS:-500}"
fi
