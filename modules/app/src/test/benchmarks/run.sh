#!/usr/bin/env bash
# On-demand benchmarks of the hot paths (docs/benchmarks.md, issue 16), in one run, each with its
# ratio to GET /health/live measured on the same server in the same run (absolute numbers move from
# run to run on a shared machine; the ratios are what the goals are stated in).
#
#   bash modules/app/src/test/benchmarks/run.sh [all | a comma-separated list of me,intake,batch,claim,review,dashboard]
#
# GET /health/live is measured in every run.
# By default it starts its own Liberty server on a FRESH PostgreSQL database (dropped and created),
# the way the operator guide describes (db=postgres, a keystore, a bootstrap administrator), runs the
# benchmarks, prints a summary table and stops the server. With BENCH_BASE=http://host:port and
# BENCH_ADMIN_PASSWORD it runs against a server that is already running instead (BENCH_DB then names
# that server's database, for the SQL checks).
#
# Settings (environment): BENCH_DB (oversight_bench), BENCH_HTTP_PORT (9185), BENCH_HTTPS_PORT (9545),
# BENCH_SERVER (benchmark: the Liberty server's name), BENCH_PGHOST/BENCH_PGPORT (127.0.0.1:5432, user
# postgres without password), BENCH_SECONDS (30: each measured window), BENCH_WARMUP (10),
# BENCH_JFR=directory (a JFR recording of the server, settings=profile, over each measured window:
# directory/<path>.jfr),
# BENCH_DB_SETTINGS (space-separated name=value PostgreSQL settings of the benchmark database, e.g.
# synchronous_commit=off), BENCH_SERVER_SETTINGS (space-separated name=value server variables added to
# the started server's bootstrap.properties, e.g. oversight.db.pool.max=10),
# BENCH_ROUND_TRIPS=1 (count the SQL statements and transactions of 20
# sequential calls of each path from PostgreSQL's statement log; needs a readable BENCH_PG_LOG, /var/log/postgresql/postgresql-15-main.log;
# the server's background pollers then wait a minute between rounds, so that run's throughput
# numbers are not comparable and only its counts count).
#
# Claim-next and the round trip are measured twice: as fast as the server answers (closed loop), and
# paced at BENCH_CLAIM_RATE (500) claims and BENCH_REVIEW_RATE (250) round trips a second, the goals'
# rates, for the latency at that load.
#
# Needs: wrk, curl, python3, psql, a JDK 17 (java, keytool, jcmd). Builds the application when its
# WAR or the Liberty installation is missing. Creates its own workflow, policy, model snapshot,
# accounts, token and qualifications through the public API.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH_DIR/../../../../.." && pwd)
cd "$BENCH_DIR"

what=${1:-all}
PGHOST_=${BENCH_PGHOST:-127.0.0.1}
PGPORT_=${BENCH_PGPORT:-5432}
DB=${BENCH_DB:-oversight_bench}
HTTP_PORT=${BENCH_HTTP_PORT:-9185}
HTTPS_PORT=${BENCH_HTTPS_PORT:-9545}
SERVER=${BENCH_SERVER:-benchmark}
DURATION=${BENCH_SECONDS:-30}
WARMUP=${BENCH_WARMUP:-10}
PG_LOG=${BENCH_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
WLP=$ROOT/modules/app/target/liberty/wlp
WORK=$ROOT/modules/app/target/benchmark
RUN=$(date +%s)
WORKFLOW="bench-$RUN"
PASSWORD="bench-Password-$RUN"
SUMMARY=$WORK/summary.txt
sql() { psql -h "$PGHOST_" -p "$PGPORT_" -U postgres -d "$DB" -Atqc "$1"; }
say() { echo "== $(date -u +%H:%M:%S) $*"; }
wants() { [[ $what == all || ,$what, == *,$1,* ]]; }

rm -rf "$WORK"; mkdir -p "$WORK"; : > "$SUMMARY"

# ---------------------------------------------------------------- the server
SERVER_PID=""
stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    "$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || kill "$SERVER_PID" 2>/dev/null || true
  fi
}
if [[ -n ${BENCH_BASE:-} ]]; then
  BASE=$BENCH_BASE
  ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:?with BENCH_BASE set BENCH_ADMIN_PASSWORD to the admin password}
else
  BASE=http://127.0.0.1:$HTTP_PORT
  ADMIN_PASSWORD=bench-admin-Secret-$RUN
  war() { ls "$ROOT"/modules/app/target/*.war 2>/dev/null | head -1; }
  if [[ ! -x $WLP/bin/server || -z $(war) ]] || ! ls "$WLP"/usr/shared/resources/oversight-lib/postgresql/*.jar >/dev/null 2>&1; then
    say "building the application (no tests)"
    (cd "$ROOT" && ./mvnw -B -q -pl modules/app -am package -DskipTests)
  fi
  say "fresh database $DB"
  psql -q -h "$PGHOST_" -p "$PGPORT_" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
  if [[ ${BENCH_ROUND_TRIPS:-0} == 1 ]]; then
    psql -q -h "$PGHOST_" -p "$PGPORT_" -U postgres -d postgres -c "ALTER DATABASE $DB SET log_statement = 'all'" >/dev/null
  fi
  for setting in ${BENCH_DB_SETTINGS:-}; do # e.g. synchronous_commit=off: its effect, for the operator guide
    psql -q -h "$PGHOST_" -p "$PGPORT_" -U postgres -d postgres -v ON_ERROR_STOP=1 \
      -c "ALTER DATABASE $DB SET ${setting%%=*} = '${setting#*=}'" >/dev/null
    say "database setting $setting"
  done
  keystore=$WORK/ledger-signing.p12
  keytool -genkeypair -alias oversight-ledger -keyalg Ed25519 -dname CN=oversight-benchmark -validity 30 \
    -keystore "$keystore" -storetype PKCS12 -storepass "$ADMIN_PASSWORD" 2>/dev/null
  keytool -genseckey -alias oversight-vault-key -keyalg AES -keysize 256 \
    -keystore "$keystore" -storetype PKCS12 -storepass "$ADMIN_PASSWORD" 2>/dev/null
  dir=$WLP/usr/servers/$SERVER
  rm -rf "$dir"
  "$WLP/bin/server" create "$SERVER" >/dev/null
  cp "$ROOT"/liberty/*.xml "$ROOT/liberty/jvm.options" "$dir/"
  mkdir -p "$dir/apps"; cp "$(war)" "$dir/apps/oversight.war"
  cat > "$dir/bootstrap.properties" <<EOF
db=postgres
oversight.http.port=$HTTP_PORT
oversight.https.port=$HTTPS_PORT
oversight.db.host=$PGHOST_
oversight.db.port=$PGPORT_
oversight.db.name=$DB
oversight.db.user=postgres
oversight.ledger.keystore.path=$keystore
oversight.ledger.keystore.password=$ADMIN_PASSWORD
oversight.bootstrap.admin.password=$ADMIN_PASSWORD
EOF
  for setting in ${BENCH_SERVER_SETTINGS:-}; do # e.g. oversight.db.pool.max=10: its effect, for the operator guide
    echo "$setting" >> "$dir/bootstrap.properties"
    say "server setting $setting"
  done
  if [[ ${BENCH_ROUND_TRIPS:-0} == 1 ]]; then
    # the background pollers' statements would drown those of the calls counted: they wait a minute
    printf '%s\n' oversight.ledger.sequencer.poll-millis=60000 oversight.tasks.inlinePollMillis=60000 \
      oversight.tasks.webhookPollMillis=60000 oversight.tasks.leaseReaperSeconds=600 oversight.tasks.slaMonitorSeconds=600 \
      oversight.monitors.tickSeconds=600 oversight.review.deadEndSweepSeconds=600 >> "$dir/bootstrap.properties"
  fi
  trap stop_server EXIT
  say "starting server $SERVER on port $HTTP_PORT"
  "$WLP/bin/server" start "$SERVER" >/dev/null 2>&1 || true
  SERVER_PID=$(cat "$WLP/usr/servers/.pid/$SERVER.pid")
  t0=$SECONDS
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready" || true) == 200 ]]; do
    if (( SECONDS - t0 > 600 )); then echo "server not ready after 600 s: see $dir/logs/messages.log" >&2; exit 1; fi
    sleep 2
  done
  say "server ready after $((SECONDS - t0)) s (pid $SERVER_PID)"
fi
ADMIN="admin:$ADMIN_PASSWORD"
say "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- helpers
api() { # method path [json] [user:password]
  curl -sf -X "$1" -u "${4:-$ADMIN}" -H 'Content-Type: application/json' ${3:+-d "$3"} "$BASE/api/v1/$2"
}
basic() { printf 'Basic %s' "$(printf '%s' "$1" | base64 -w0)"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

# record_profile NAME: with BENCH_JFR set, records the server over the next measured window
record_profile() { # NAME [DELAY-SECONDS]
  if [[ -n ${BENCH_JFR:-} && -n $SERVER_PID ]]; then
    mkdir -p "$BENCH_JFR"
    jcmd "$SERVER_PID" JFR.start name="$1" settings=profile ${2:+delay=${2}s} duration="${DURATION}s" \
      filename="$BENCH_JFR/$1.jfr" >/dev/null
  fi
}

# cpu_ticks: "SERVER POSTGRES" CPU time used so far, in clock ticks (user + system), by the server's
# JVM and by the benchmark database's PostgreSQL backends plus the cluster's WAL writer, checkpointer
# and background writer (shared with other databases: run on a quiet machine). Differences over a
# measured window give the CPU cost per request, which is what bounds throughput on 2 cores.
cpu_ticks() {
  python3 - "${SERVER_PID:-0}" "$DB" <<'PY'
import os, sys
server, db = sys.argv[1], sys.argv[2]
def ticks(pid):
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError):
        return 0
pg = 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        cmd = open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace")
    except OSError:
        continue
    if cmd.startswith("postgres: ") and (f" {db} " in cmd or any(w in cmd for w in ("walwriter", "checkpointer", "background writer"))):
        pg += ticks(pid)
print(ticks(server) if server != "0" else 0, pg)
PY
}

# cpu_cost NAME UNITS BEFORE AFTER: appends "NAME|server ms|postgres ms" per unit (request, prediction,
# claim) over the window between the two cpu_ticks snapshots
cpu_cost() {
  python3 - "$@" "$(getconf CLK_TCK)" "$WORK/cpu.txt" <<'PY'
import sys
name, units, before, after, hz, out = sys.argv[1], float(sys.argv[2]), sys.argv[3].split(), sys.argv[4].split(), int(sys.argv[5]), sys.argv[6]
if units > 0:
    server, pg = ((int(a) - int(b)) * 1000.0 / hz / units for a, b in zip(after, before))
    open(out, "a").write(f"{name}|{server:.3f}|{pg:.3f}\n")
PY
}

# measure NAME UNIT-FACTOR wrk-arguments...: a warm-up, then the measured window; prints wrk's
# report and appends "NAME|per-second|p50 ms|p99 ms" to the summary (per-second = requests/s x FACTOR)
measure() {
  local name=$1 factor=$2 out
  shift 2
  wrk -d"${WARMUP}s" "$@" >/dev/null
  record_profile "$name"
  local before; before=$(cpu_ticks)
  wrk -d"${DURATION}s" --latency "$@" | tee "$WORK/$name.txt"
  cpu_cost "$name" "$(python3 -c "import re,sys; print(float(re.search(r'Requests/sec:\s+([\d.]+)', open(sys.argv[1]).read()).group(1)) * $DURATION * $factor)" "$WORK/$name.txt")" "$before" "$(cpu_ticks)"
  python3 - "$name" "$factor" "$SUMMARY" "$WORK/$name.txt" <<'PY'
import re, sys
name, factor, summary = sys.argv[1], float(sys.argv[2]), sys.argv[3]
text = open(sys.argv[4]).read()
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)) * factor
def ms(p):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % p, text, re.M)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
with open(summary, "a") as f:
    f.write(f"{name}|{rate:.1f}|{ms(50):.1f}|{ms(99):.1f}|{non2xx.group(1) if non2xx else 0}\n")
PY
}

# round_trips NAME command...: runs the command 20 times in sequence and prints the statements and
# transactions PostgreSQL logged for the benchmark database meanwhile, per call, less what the
# server's background work (sequencer, reapers) logged in an idle window of the same length.
round_trips() {
  [[ ${BENCH_ROUND_TRIPS:-0} == 1 && -z ${BENCH_BASE:-} ]] || return 0
  local name=$1 before after t0 t1 idle_statements idle_commits
  shift
  count() { python3 - "$PG_LOG" "$1" <<'PY'
import sys
path, start = sys.argv[1], int(sys.argv[2])
statements = commits = 0
with open(path, "rb") as f:
    f.seek(start)
    for line in f:
        if b"LOG:  execute " in line or b"LOG:  statement: " in line:
            statements += 1
            if line.rstrip().endswith(b"COMMIT"):
                commits += 1
print(statements, commits)
PY
  }
  sleep 1; before=$(stat -c %s "$PG_LOG"); t0=$(date +%s.%N)
  for _ in $(seq 20); do "$@" >/dev/null; done
  t1=$(date +%s.%N); after=$(stat -c %s "$PG_LOG")
  read -r s c < <(count "$before")
  sleep 1; before=$(stat -c %s "$PG_LOG")
  sleep "$(python3 -c "print(max(0.2, $t1 - $t0))")"
  read -r idle_statements idle_commits < <(count "$before")
  python3 -c "print('BENCH round trips %-20s %.1f statements, %.1f commits per call (20 calls; idle background %d statements, %d commits subtracted)' % ('$name', max(0, $s - $idle_statements) / 20, max(0, $c - $idle_commits) / 20, $idle_statements, $idle_commits))" \
    | tee -a "$WORK/round-trips.txt"
}

# ---------------------------------------------------------------- set-up through the public API
say "setting up workflow $WORKFLOW"
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
TOKEN=$(api POST "users/int-$RUN/tokens" '{"name":"benchmark"}' | field secret)
export BENCH_WORKFLOW=$WORKFLOW BENCH_SNAPSHOT=$SNAPSHOT BENCH_AUTH=$(basic "int-$RUN:$PASSWORD")
INT_AUTH=$BENCH_AUTH

# ---------------------------------------------------------------- GET /health/live (the reference)
say "GET /health/live: wrk -t2 -c32"
measure live 1 -t2 -c32 "$BASE/health/live"

# ---------------------------------------------------------------- the authenticated trivial call
if wants me; then
  say "GET /api/v1/me, Basic (cached credential): wrk -t2 -c32"
  measure me-basic 1 -t2 -c32 -H "Authorization: $INT_AUTH" "$BASE/api/v1/me"
  say "GET /api/v1/me, Bearer token: wrk -t2 -c32"
  measure me-token 1 -t2 -c32 -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me"
  round_trips me-basic curl -sf -H "Authorization: $INT_AUTH" "$BASE/api/v1/me"
  round_trips me-token curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me"
fi

# ---------------------------------------------------------------- intake, one prediction per request
if wants intake; then
  say "intake: wrk -t2 -c32, one prediction per request"
  curl -sf -o /dev/null -X POST -H "Authorization: $INT_AUTH" -H 'Content-Type: application/json' \
    -d "{\"clientKey\":\"warm\",\"modelSnapshotId\":\"$SNAPSHOT\",\"payload\":{},\"labels\":[\"ok\"],\"confidence\":0.5}" \
    "$BASE/api/v1/workflows/$WORKFLOW/predictions"
  measure intake 1 -t2 -c32 -s intake.lua "$BASE"
  n=0
  one_prediction() {
    n=$((n + 1))
    curl -sf -X POST -H "Authorization: $INT_AUTH" -H 'Content-Type: application/json' \
      -d "{\"clientKey\":\"rt-$RUN-$n\",\"modelSnapshotId\":\"$SNAPSHOT\",\"payload\":{\"amount\":$n,\"customer\":{\"email\":\"c$n@example.com\"},\"text\":\"t\"},\"labels\":[\"card-not-present\"],\"confidence\":0.3}" \
      "$BASE/api/v1/workflows/$WORKFLOW/predictions"
  }
  round_trips intake one_prediction
fi

# ---------------------------------------------------------------- :batch intake
if wants batch; then
  say "batch intake: wrk -t2 -c4, ${BENCH_BATCH_SIZE:-1000} predictions per request"
  measure batch "${BENCH_BATCH_SIZE:-1000}" -t2 -c4 --timeout 30s -s batch.lua "$BASE"
fi

# load_tier2_tasks KEY_PREFIX BATCHES: BATCHES x 1,000 predictions at confidence 0.3 (the tier-2 band)
load_tier2_tasks() {
  for batch in $(seq 1 "$2"); do
    python3 - "$SNAPSHOT" "$1" "$batch" > "$WORK/batch.json" <<'PY'
import json, sys
snapshot, prefix, batch = sys.argv[1], sys.argv[2], sys.argv[3]
print(json.dumps({"predictions": [{"clientKey": f"{prefix}-{batch}-{i}", "modelSnapshotId": snapshot,
    "payload": {"amount": i, "text": f"item {batch} {i}"}, "labels": ["card-not-present"],
    "confidence": 0.3} for i in range(1000)]}))
PY
    curl -sf -o /dev/null -X POST -H "Authorization: $INT_AUTH" -H 'Content-Type: application/json' \
      --data-binary @"$WORK/batch.json" "$BASE/api/v1/workflows/$WORKFLOW/predictions:batch"
  done
}

# settle: waits (at most 90 s) until the server has sealed the ledger records, folded the monitor
# observations and sent the webhooks the loading or the phase before left behind, so that a measured
# window does not also pay for them (a closed-loop round trip leaves some 2,000 webhooks unsent, which
# the paced window after it sent in its first seconds). Skipped with BENCH_ROUND_TRIPS=1, whose
# pollers wait a minute.
settle() {
  [[ ${BENCH_ROUND_TRIPS:-0} == 1 ]] && return 0
  local t0=$SECONDS
  until (( $(sql "SELECT (SELECT count(*) FROM ledger_pending) + (SELECT count(*) FROM gov_observation)
      + (SELECT count(*) FROM task_webhook_delivery WHERE status = 'PENDING')") < 1000 )); do
    if (( SECONDS - t0 >= 90 )); then echo "   the loading's backlog is still there after 90 s"; return 0; fi
    sleep 1
  done
  echo "   the backlog (ledger records to seal, observations to fold, webhooks to send) settled after $((SECONDS - t0)) s"
}

# paced NAME RATE MODE [WEBHOOK-PORT]: the 50 REVIEWERS at RATE operations a second in all
# (ReviewRoundTrip.java, open loop, each operation timed from when it was due), MODE round-trips or
# claims; appends
# "NAME|offered|achieved|p50|p95|p99" to paced.txt. A closed loop cannot show the latency at a given
# load: its 50 callers wait 50 / throughput on average whatever the server's own time.
paced() {
  settle # the work the run before it left behind (sealing, observations) is not this load's
  BENCH_REVIEWERS=$REVIEWERS java ReviewRoundTrip.java --base "$BASE" --workflow "$WORKFLOW" --tier 2 \
    --warmup "$WARMUP" --seconds "$DURATION" --rate "$2" --mode "$3" --webhook-port "${4:-0}" | tee "$WORK/paced-$3.txt" || true
  python3 - "$WORK/paced-$3.txt" "$1" "$2" "$WORK/paced.txt" <<'PY'
import re, sys
text, name, offered, out = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3], sys.argv[4]
rate = re.search(r"= ([\d.]+) (?:claims|round trips)/s", text)
lat = re.search(r"BENCH (?:claim-next|round trip \(completion \+ claim-next\)) ms: p50 ([\d.]+), p90 [\d.]+, p95 ([\d.]+), p99 ([\d.]+)", text)
if rate and lat:
    open(out, "a").write(f"{name}|{offered}|{rate.group(1)}|{lat.group(1)}|{lat.group(2)}|{lat.group(3)}\n")
PY
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

# ---------------------------------------------------------------- claim-next
if wants claim; then
  say "claim-next: 50 reviewers"
  load_tier2_tasks claim 40
  make_reviewers rev
  settle
  export BENCH_TIER=2 BENCH_REVIEWERS=$REVIEWERS
  # warm-up: each reviewer's first call verifies their password (PBKDF2), which is not claim-next's cost
  wrk -t2 -c50 -d"${WARMUP}s" -s claim.lua "$BASE" >/dev/null
  record_profile claim-next
  before=$(cpu_ticks)
  wrk -t2 -c50 -d"${DURATION}s" --latency -s claim.lua "$BASE" | tee "$WORK/claim.txt"
  cpu_cost claim-next "$(sed -n 's/^BENCH claims: \([0-9]*\) tasks claimed.*/\1/p' "$WORK/claim.txt")" "$before" "$(cpu_ticks)"
  python3 - "$WORK/claim.txt" "$DURATION" "$SUMMARY" <<'PY'
import re, sys
text, seconds = open(sys.argv[1]).read(), int(sys.argv[2])
claimed = int(re.search(r"BENCH claims: (\d+) tasks claimed", text).group(1))
def ms(p):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % p, text, re.M)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
open(sys.argv[3], "a").write(f"claim-next|{claimed / seconds:.1f}|{ms(50):.1f}|{ms(99):.1f}|0\n")
PY
  CLAIM_RATE=${BENCH_CLAIM_RATE:-500}
  say "claim-next paced at $CLAIM_RATE a second by the same 50 reviewers"
  load_tier2_tasks claim-paced $(( CLAIM_RATE * (WARMUP + DURATION) / 1000 + 2 ))
  paced "claim-next" "$CLAIM_RATE" claims
  echo "== double assignments (tasks claimed more than once; expect 0):"
  sql "SELECT count(*) FROM task_task WHERE workflow_key = '$WORKFLOW' AND claims > 1"
fi

# ---------------------------------------------------------------- decision round trip
if wants review; then
  # The decision round trip (completion + claim-next) by 50 reviewers, timed by ReviewRoundTrip.java
  # (JDK 17 source launcher, no build). BENCH_REVIEW_ITEMS: tasks loaded (default 30000);
  # BENCH_WEBHOOK_PORT: the driver answers the workflow's webhook there (default 19099, 0 for none);
  # BENCH_ANALYZE=1: ANALYZE the task tables once the tasks are loaded (a server whose PostgreSQL runs
  # autovacuum would do it itself; this machine's has it off, see docs/benchmarks.md).
  ITEMS=${BENCH_REVIEW_ITEMS:-30000}
  WEBHOOK_PORT=${BENCH_WEBHOOK_PORT:-19099}
  say "review round trip: 50 reviewers, ${WARMUP} s warm-up, ${DURATION} s measured"
  # no fatigue caps and no gold: every claim is a real tier-2 task and no reviewer is paused
  api PUT "workflows/$WORKFLOW/review-settings" '{"maxItemsPerSession":0,"maxItemsPerHour":0,"goldRate":0}' "$GOV" >/dev/null
  if [[ $WEBHOOK_PORT != 0 ]]; then # each decision then also queues a webhook delivery (outbox row)
    api PUT "workflows/$WORKFLOW/intake-settings" "{\"webhookUrl\":\"http://127.0.0.1:$WEBHOOK_PORT/decisions\"}" "$GOV" >/dev/null
  fi
  echo "   loading $ITEMS tier-2 tasks (confidence 0.3, 1,000 per batch request)"
  load_tier2_tasks review $(( (ITEMS + 999) / 1000 ))
  if [[ ${BENCH_ANALYZE:-0} == 1 ]]; then
    echo "   ANALYZE of the task tables"
    sql "ANALYZE task_task; ANALYZE task_item; ANALYZE task_item_reviewer"
  fi
  make_reviewers rrev
  if [[ ${BENCH_ROUND_TRIPS:-0} == 1 ]]; then # one reviewer, sequential: claim alone, then claim + completion
    RT_AUTH=${REVIEWERS%%,*}
    claim_one() {
      curl -sSf -X POST -H "Authorization: $RT_AUTH" -H 'Content-Type: application/json' -d '{}' \
        "$BASE/api/v1/queues/$WORKFLOW/2/claim-next"
    }
    claim_and_complete() {
      local id
      id=$(claim_one | python3 -c 'import json,sys; print(json.load(sys.stdin)["tasks"][0]["task"]["id"])')
      curl -sSf -X POST -H "Authorization: $RT_AUTH" -H 'Content-Type: application/json' -d '{"verdict":"APPROVE"}' \
        "$BASE/api/v1/tasks/$id/completion"
    }
    round_trips claim-next claim_one
    round_trips claim+completion claim_and_complete
  fi
  settle
  review_rc=0
  # the driver warms up and measures in one process: profile and CPU count start after its warm-up
  record_profile review "$WARMUP"
  (sleep "$WARMUP"; cpu_ticks > "$WORK/review-cpu-before.txt") &
  BENCH_REVIEWERS=$REVIEWERS java ReviewRoundTrip.java --base "$BASE" --workflow "$WORKFLOW" --tier 2 \
    --warmup "$WARMUP" --seconds "$DURATION" --webhook-port "$WEBHOOK_PORT" | tee "$WORK/review.txt" || review_rc=$?
  cpu_cost "round trip" "$(sed -n 's/^BENCH round trips measured: \([0-9]*\) in.*/\1/p' "$WORK/review.txt")" \
    "$(cat "$WORK/review-cpu-before.txt")" "$(cpu_ticks)"
  python3 - "$WORK/review.txt" "$SUMMARY" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rate = re.search(r"= ([\d.]+) round trips/s", text)
lat = re.search(r"round trip \(completion \+ claim-next\) ms: p50 ([\d.]+),.*p99 ([\d.]+)", text)
if rate and lat:
    open(sys.argv[2], "a").write(f"round trip|{rate.group(1)}|{lat.group(1)}|{lat.group(2)}|0\n")
PY
  REVIEW_RATE=${BENCH_REVIEW_RATE:-250}
  say "review round trip paced at $REVIEW_RATE a second by the same 50 reviewers"
  paced "round trip" "$REVIEW_RATE" round-trips "$WEBHOOK_PORT"
  echo "== tasks claimed more than once (expect 0):"
  sql "SELECT count(*) FROM task_task WHERE workflow_key = '$WORKFLOW' AND claims > 1"
  [[ $review_rc == 0 ]] || echo "ReviewRoundTrip.java exited with $review_rc (failed requests or empty claims)"
fi

# ---------------------------------------------------------------- queue dashboard
if wants dashboard; then
  say "queue dashboard with 1,000,000 open tasks"
  ITEM=$(sql "SELECT id FROM task_item WHERE workflow_key = '$WORKFLOW' LIMIT 1")
  psql -h "$PGHOST_" -p "$PGPORT_" -U postgres -d "$DB" -qc "INSERT INTO task_task (id, item_id, workflow_key, tier, purpose, slot,
    status, priority, sla_deadline, uncertainty, sim_hash, claims, created_at)
    SELECT md5(random()::text || g)::uuid::text, '$ITEM', '$WORKFLOW', 1 + g % 3, 'REVIEW', 1, 'OPEN', g % 5,
      now() + interval '1 hour', random(), 0, 0, now() - (g || ' seconds')::interval
    FROM generate_series(1, 1000000) g; ANALYZE task_task;"
  curl -sf -o /dev/null -u "$GOV" "$BASE/api/v1/queues"
  round_trips dashboard curl -sf -u "$GOV" "$BASE/api/v1/queues"
  for i in $(seq 1 20); do
    curl -sf -o /dev/null -w '%{time_total}\n' -u "$GOV" "$BASE/api/v1/queues"
  done | sort -n | tee "$WORK/dashboard.txt" | awk '{t[NR]=$1} END {printf "BENCH dashboard: min %.3f s, median %.3f s, max %.3f s over %d calls\n", t[1], t[int((NR+1)/2)], t[NR], NR}'
  python3 - "$WORK/dashboard.txt" "$SUMMARY" <<'PY'
import sys
t = sorted(float(x) * 1000 for x in open(sys.argv[1]) if x.strip())
open(sys.argv[2], "a").write(f"dashboard|{1000 / t[len(t) // 2]:.1f}|{t[len(t) // 2]:.1f}|{t[-1]:.1f}|0\n")
PY
fi

# ---------------------------------------------------------------- summary
say "summary (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$SUMMARY" <<'PY'
import sys
rows = [line.rstrip("\n").split("|") for line in open(sys.argv[1]) if line.strip()]
live = next(float(r[1]) for r in rows if r[0] == "live")
units = {"batch": "predictions/s", "claim-next": "claims/s", "round trip": "round trips/s", "dashboard": "calls/s (sequential)"}
print(f"BENCH {'path':<12} {'per second':>12} {'unit':<21} {'ratio to live':>13} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
for name, rate, p50, p99, bad in rows:
    rate = float(rate)
    print(f"BENCH {name:<12} {rate:>12.1f} {units.get(name, 'requests/s'):<21} {rate / live:>12.1%} {float(p50):>8.1f} {float(p99):>8.1f} {bad:>8}")
PY
if [[ -f $WORK/paced.txt ]]; then
  echo "BENCH at a given load (open loop, timed from when each call was due):"
  awk -F'|' '{printf "BENCH paced %-12s offered %7.1f/s achieved %7.1f/s  p50 %7.1f  p95 %7.1f  p99 %7.1f ms\n", $1, $2, $3, $4, $5, $6}' "$WORK/paced.txt"
fi
if [[ -f $WORK/cpu.txt ]]; then
  echo "BENCH CPU per unit of work (ms; the server's JVM, the benchmark database's PostgreSQL processes):"
  awk -F'|' '{printf "BENCH cpu %-12s server %8.3f ms  postgres %8.3f ms  total %8.3f ms\n", $1, $2, $3, $2 + $3}' "$WORK/cpu.txt"
fi
[[ -f $WORK/round-trips.txt ]] && cat "$WORK/round-trips.txt"
exit "${review_rc:-0}"
