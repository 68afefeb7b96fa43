#!/usr/bin/env bash
# On-demand benchmarks of intake, claim-next and the queue dashboard (docs/benchmarks.md) against a
# running server on PostgreSQL. Load comes from wrk in a separate process on loopback.
#
#   BENCH_BASE=http://localhost:9080 BENCH_ADMIN_PASSWORD=... BENCH_DB=oversight \
#     bash modules/app/src/test/benchmarks/run.sh [intake|claim|dashboard|all|review]
#
# Needs: wrk, curl, python3, psql (for the dashboard's 1M tasks). Creates its own workflow, model
# snapshot, accounts and qualifications through the public API, so it can run on any database.
set -euo pipefail
cd "$(dirname "$0")"

BASE=${BENCH_BASE:-http://localhost:9080}
ADMIN="admin:${BENCH_ADMIN_PASSWORD:?set BENCH_ADMIN_PASSWORD to the admin password}"
DB=${BENCH_DB:-oversight}
DURATION=${BENCH_SECONDS:-30}
RUN=$(date +%s)
WORKFLOW="bench-$RUN"
PASSWORD="bench-Password-$RUN"
what=${1:-all}

api() { # method path [json] [user:password]
  curl -sf -X "$1" -u "${4:-$ADMIN}" -H 'Content-Type: application/json' ${3:+-d "$3"} "$BASE/api/v1/$2"
}
basic() { printf 'Basic %s' "$(printf '%s' "$1" | base64 -w0)"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

echo "== setting up workflow $WORKFLOW"
api POST users "{\"username\":\"gov-$RUN\",\"password\":\"$PASSWORD\",\"roles\":[\"governance\"]}" >/dev/null
api POST users "{\"username\":\"int-$RUN\",\"password\":\"$PASSWORD\",\"roles\":[\"integration\"]}" >/dev/null
GOV="gov-$RUN:$PASSWORD"
api POST workflows "{\"key\":\"$WORKFLOW\",\"name\":\"Benchmark\",\"description\":\"load\",\"consequence\":\"HIGH\",
  \"volume\":\"HIGH\",\"accuracy\":\"MEDIUM\",\"integrationMode\":\"ASYNC\",\"reviewersPerItem\":1,\"retentionDays\":365,
  \"legalHold\":false,\"piiFieldPaths\":[\"customer.email\"],\"taskKind\":\"CLASSIFICATION\",\"labelSelection\":\"LEAF_ONLY\"}" "$GOV" >/dev/null
api PUT "workflows/$WORKFLOW/taxonomy" '{"labels":[{"code":"fraud","displayName":"Fraud"},
  {"code":"card-not-present","parentCode":"fraud","displayName":"Card not present"},{"code":"ok","displayName":"OK"}]}' "$GOV" >/dev/null
POLICY=$(api POST "workflows/$WORKFLOW/policies" '{"autoAcceptAtOrAbove":0.9,"lowAtOrBelow":0.1,"lowOutcome":"ESCALATE",
  "reviewBands":[{"atOrAbove":0.1,"tier":2},{"atOrAbove":0.6,"tier":1}],"labelThresholds":[],
  "rules":["amount > 8500 -> tier 3"],"hotlSamplingRate":0.05,
  "slaTargets":[{"tier":1,"minutesToReview":60,"maxQueueDepth":1000000},{"tier":2,"minutesToReview":240,"maxQueueDepth":1000000}]}' "$GOV" | field id)
api POST "policies/$POLICY/activation" '{}' "$GOV" >/dev/null
SNAPSHOT=$(api POST models "{\"workflowKey\":\"$WORKFLOW\",\"name\":\"bench\",\"version\":\"$RUN\",
  \"artifactDigest\":\"sha256:$(printf '%064d' 7)\",\"labelSpace\":[\"card-not-present\",\"ok\"]}" "$GOV" | field id)
api POST "models/$SNAPSHOT/promotions" '{"target":"ACTIVE","reason":"benchmark"}' "$GOV" >/dev/null
export BENCH_WORKFLOW=$WORKFLOW BENCH_SNAPSHOT=$SNAPSHOT BENCH_AUTH=$(basic "int-$RUN:$PASSWORD")

if [[ $what == intake || $what == all ]]; then
  echo "== intake: wrk -t2 -c32 -d${DURATION}s, one prediction per request"
  curl -sf -o /dev/null -X POST -u "int-$RUN:$PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"clientKey\":\"warm\",\"modelSnapshotId\":\"$SNAPSHOT\",\"payload\":{},\"labels\":[\"ok\"],\"confidence\":0.5}" \
    "$BASE/api/v1/workflows/$WORKFLOW/predictions"
  wrk -t2 -c32 -d10s -s intake.lua "$BASE" >/dev/null
  wrk -t2 -c32 -d"${DURATION}s" --latency -s intake.lua "$BASE"
fi

# load_tier2_tasks KEY_PREFIX BATCHES: BATCHES x 1,000 predictions at confidence 0.3 (the tier-2 band)
load_tier2_tasks() {
  for batch in $(seq 1 "$2"); do
    python3 - "$SNAPSHOT" "$1" "$batch" > /tmp/bench-batch.json <<'PY'
import json, sys
snapshot, prefix, batch = sys.argv[1], sys.argv[2], sys.argv[3]
print(json.dumps({"predictions": [{"clientKey": f"{prefix}-{batch}-{i}", "modelSnapshotId": snapshot,
    "payload": {"amount": i, "text": f"item {batch} {i}"}, "labels": ["card-not-present"],
    "confidence": 0.3} for i in range(1000)]}))
PY
    curl -sf -o /dev/null -X POST -u "int-$RUN:$PASSWORD" -H 'Content-Type: application/json' \
      --data-binary @/tmp/bench-batch.json "$BASE/api/v1/workflows/$WORKFLOW/predictions:batch"
  done
}

# make_reviewers NAME_PREFIX: 50 reviewer accounts qualified for tier 2; REVIEWERS holds their Basic credentials
make_reviewers() {
  REVIEWERS=""
  for r in $(seq 1 50); do
    api POST users "{\"username\":\"$1$r-$RUN\",\"password\":\"$PASSWORD\",\"roles\":[\"reviewer\"]}" >/dev/null
    api PUT "qualifications/$1$r-$RUN/$WORKFLOW" '{"maxTier":2}' >/dev/null
    REVIEWERS="$REVIEWERS${REVIEWERS:+,}$(basic "$1$r-$RUN:$PASSWORD")"
  done
}

if [[ $what == claim || $what == all ]]; then
  echo "== claim-next: 50 reviewers"
  load_tier2_tasks claim 40
  make_reviewers rev
  export BENCH_TIER=2 BENCH_REVIEWERS=$REVIEWERS
  wrk -t2 -c50 -d"${DURATION}s" --latency -s claim.lua "$BASE"
  echo "== double assignments (tasks claimed more than once; expect 0):"
  psql -h 127.0.0.1 -U postgres -d "$DB" -Atc \
    "SELECT count(*) FROM task_task WHERE workflow_key = '$WORKFLOW' AND claims > 1"
fi

if [[ $what == dashboard || $what == all ]]; then
  echo "== queue dashboard with 1,000,000 open tasks"
  ITEM=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT id FROM task_item WHERE workflow_key = '$WORKFLOW' LIMIT 1")
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc "INSERT INTO task_task (id, item_id, workflow_key, tier, purpose, slot,
    status, priority, sla_deadline, uncertainty, sim_hash, claims, created_at)
    SELECT md5(random()::text || g)::uuid::text, '$ITEM', '$WORKFLOW', 1 + g % 3, 'REVIEW', 1, 'OPEN', g % 5,
      now() + interval '1 hour', random(), 0, 0, now() - (g || ' seconds')::interval
    FROM generate_series(1, 1000000) g; ANALYZE task_task;"
  curl -sf -o /dev/null -u "gov-$RUN:$PASSWORD" "$BASE/api/v1/queues"
  for i in $(seq 1 20); do
    curl -sf -o /dev/null -w '%{time_total}\n' -u "gov-$RUN:$PASSWORD" "$BASE/api/v1/queues"
  done | sort -n | awk '{t[NR]=$1} END {printf "BENCH dashboard: min %.3f s, median %.3f s, max %.3f s over %d calls\n", t[1], t[int((NR+1)/2)], t[NR], NR}'
fi

if [[ $what == review ]]; then
  # Not part of "all". The decision round trip (completion + claim-next) by 50 reviewers, timed by
  # ReviewRoundTrip.java (JDK 17 source launcher, no build). BENCH_REVIEW_ITEMS: tasks loaded (default
  # 30000); BENCH_WARMUP: warm-up seconds (default 10); BENCH_SECONDS: measured seconds;
  # BENCH_WEBHOOK_PORT: the driver answers the workflow's webhook there (default 19099, 0 for none);
  # BENCH_ANALYZE=1: ANALYZE the task tables once the tasks are loaded (a server whose PostgreSQL runs
  # autovacuum would do it itself; this machine's has it off, see docs/benchmarks.md).
  ITEMS=${BENCH_REVIEW_ITEMS:-30000}
  WEBHOOK_PORT=${BENCH_WEBHOOK_PORT:-19099}
  echo "== review round trip: 50 reviewers, ${BENCH_WARMUP:-10} s warm-up, ${DURATION} s measured"
  # no fatigue caps and no gold: every claim is a real tier-2 task and no reviewer is paused
  api PUT "workflows/$WORKFLOW/review-settings" '{"maxItemsPerSession":0,"maxItemsPerHour":0,"goldRate":0}' "$GOV" >/dev/null
  if [[ $WEBHOOK_PORT != 0 ]]; then # each decision then also queues a webhook delivery (outbox row)
    api PUT "workflows/$WORKFLOW/intake-settings" "{\"webhookUrl\":\"http://127.0.0.1:$WEBHOOK_PORT/decisions\"}" "$GOV" >/dev/null
  fi
  echo "   loading $ITEMS tier-2 tasks (confidence 0.3, 1,000 per batch request)"
  load_tier2_tasks review $(( (ITEMS + 999) / 1000 ))
  if [[ ${BENCH_ANALYZE:-0} == 1 ]]; then
    echo "   ANALYZE of the task tables"
    psql -h 127.0.0.1 -U postgres -d "$DB" -qc "ANALYZE task_task; ANALYZE task_item; ANALYZE task_item_reviewer"
  fi
  make_reviewers rrev
  rc=0
  BENCH_REVIEWERS=$REVIEWERS java ReviewRoundTrip.java --base "$BASE" --workflow "$WORKFLOW" --tier 2 \
    --warmup "${BENCH_WARMUP:-10}" --seconds "$DURATION" --webhook-port "$WEBHOOK_PORT" || rc=$?
  echo "== tasks claimed more than once (expect 0):"
  psql -h 127.0.0.1 -U postgres -d "$DB" -Atc \
    "SELECT count(*) FROM task_task WHERE workflow_key = '$WORKFLOW' AND claims > 1"
  exit $rc
fi
