#!/usr/bin/env bash
# On-demand reliability checks of Oversight on PostgreSQL (docs/reliability.md, issue 17).
#
#   bash scripts/reliability.sh [crash|all]      (default: all: crash, then backup)
#
# crash:  two servers on ONE fresh database take intake concurrently; one is killed with SIGKILL
#         mid-load and restarted; the clients finish (and resend what got no answer, as clients with
#         idempotency keys do). Then: every prediction answered 2xx is in the ledger exactly once, the
#         log is gap-free, online verification passes and the offline verifier accepts a bundle.
# backup: pg_dump of the running system while intake continues, restored into a fresh database, a
#         server started on the restored copy takes new intake; its ledger is gap-free, starts with the
#         backup's entries byte for byte, verifies online and offline, and does not extend a checkpoint
#         of the original taken after the dump (docs/operator-guide.md, "Backups"). Runs after crash.
#
# Needs: JDK 17 (keytool, java), curl, jq, python3, psql, pg_dump, pg_restore, a PostgreSQL reachable as
# user postgres without password (REL_PGHOST:REL_PGPORT). Builds the app and the verifier only when
# their outputs are missing (REL_BUILD=always rebuilds). Exits non-zero with a message on any failure.
# Every server it starts is stopped on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

what=${1:-all}
case $what in crash|all) ;; *) echo "usage: $0 [crash|all]" >&2; exit 64 ;; esac

PGHOST_=${REL_PGHOST:-127.0.0.1}
PGPORT_=${REL_PGPORT:-5432}
DB=${REL_DB:-oversight_reliability}
RESTORED_DB=${REL_RESTORED_DB:-${DB}_restored}
PER_SERVER=${REL_PER_SERVER:-300}     # predictions each server is sent in the crash test
WORKERS=${REL_WORKERS:-2}            # concurrent clients per server
DURING_BACKUP=${REL_DURING_BACKUP:-120}  # predictions sent while pg_dump runs
HTTP_A=${REL_HTTP_A:-9780}; HTTPS_A=${REL_HTTPS_A:-10180}
HTTP_B=${REL_HTTP_B:-9781}; HTTPS_B=${REL_HTTPS_B:-10181}
HTTP_C=${REL_HTTP_C:-9782}; HTTPS_C=${REL_HTTPS_C:-10182}
PREFIX=${REL_SERVER_PREFIX:-reliability}
ORIGIN=oversight.local/ledger
WORK=${REL_WORK:-$ROOT/modules/app/target/reliability}
WLP=$ROOT/modules/app/target/liberty/wlp
VERIFIER=$ROOT/modules/verifier/target/oversight-verifier.jar
ADMIN_PASSWORD=rel-admin-Secret-1
KEYSTORE_PASSWORD=rel-keystore-Secret-1
PASSWORD=rel-account-Secret-1
RUN=$(date +%s)
WORKFLOW=rel-$RUN

fail() { echo "RELIABILITY FAILED: $*" >&2; exit 1; }
# any other command that fails stops the run with the same kind of message
set -E
trap 'fail "line $LINENO: \"$BASH_COMMAND\" exited with $?"' ERR
say() { echo "== $(date -u +%H:%M:%S) $*"; }

# ---------------------------------------------------------------- build (only what is missing)
war() { ls "$ROOT"/modules/app/target/*.war 2>/dev/null | head -1; }
if [[ ${REL_BUILD:-} == always || ! -x $WLP/bin/server || -z $(war) || ! -f $VERIFIER ]] \
   || ! ls "$WLP"/usr/shared/resources/oversight-lib/postgresql/*.jar >/dev/null 2>&1; then
  say "building the application and the verifier (no tests)"
  ./mvnw -B -q -pl modules/app,modules/verifier -am package -DskipTests
fi
WAR=$(war)
[[ -n $WAR && -x $WLP/bin/server && -f $VERIFIER ]] || fail "the build did not produce the server, the WAR and the verifier"

rm -rf "$WORK"; mkdir -p "$WORK"
say "work directory $WORK; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- servers
SERVERS=()
server_pid() { cat "$WLP/usr/servers/.pid/$1.pid" 2>/dev/null || true; }
cleanup() {
  for s in "${SERVERS[@]}"; do
    pid=$(server_pid "$s")
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  jobs -p | xargs -r kill 2>/dev/null || true
}
trap cleanup EXIT

# The ledger signing key and vault key, as the operator guide ("Keys") creates them. Every server of
# one system, and a server on a restored backup, needs the same keystore: it is not in the database.
keystore=$WORK/ledger-signing.p12
keytool -genkeypair -alias oversight-ledger -keyalg Ed25519 -dname CN=oversight-reliability -validity 30 \
  -keystore "$keystore" -storetype PKCS12 -storepass "$KEYSTORE_PASSWORD" 2>/dev/null
keytool -genseckey -alias oversight-vault-key -keyalg AES -keysize 256 \
  -keystore "$keystore" -storetype PKCS12 -storepass "$KEYSTORE_PASSWORD" 2>/dev/null

# make_server NAME HTTP HTTPS DATABASE: a Liberty server from liberty/ with the built WAR
make_server() {
  local dir=$WLP/usr/servers/$1
  rm -rf "$dir"
  "$WLP/bin/server" create "$1" >/dev/null
  cp "$ROOT"/liberty/*.xml "$ROOT/liberty/jvm.options" "$dir/"
  mkdir -p "$dir/apps"; cp "$WAR" "$dir/apps/oversight.war"
  cat > "$dir/bootstrap.properties" <<EOF
db=postgres
oversight.http.port=$2
oversight.https.port=$3
oversight.db.host=$PGHOST_
oversight.db.port=$PGPORT_
oversight.db.name=$4
oversight.db.user=postgres
oversight.ledger.keystore.path=$keystore
oversight.ledger.keystore.password=$KEYSTORE_PASSWORD
oversight.bootstrap.admin.password=$ADMIN_PASSWORD
EOF
  SERVERS+=("$1")
}

# start_server NAME HTTP: starts it and waits until /health/ready answers 200 (every check UP)
start_server() {
  local t0=$SECONDS
  "$WLP/bin/server" start "$1" >/dev/null 2>&1 || true
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/health/ready" || true) == 200 ]]; do
    (( SECONDS - t0 < ${REL_START_TIMEOUT:-600} )) || fail "server $1 not ready after $((SECONDS - t0)) s (see $WLP/usr/servers/$1/logs/messages.log)"
    sleep 2
  done
  say "server $1 ready on port $2 after $((SECONDS - t0)) s (pid $(server_pid "$1"))"
}

fresh_db() {
  psql -q -h "$PGHOST_" -p "$PGPORT_" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
}

# ---------------------------------------------------------------- API helpers
# api PORT METHOD PATH [JSON] [USER:PASSWORD] -> body on stdout; fails on a non-2xx answer
api() {
  local out=$WORK/api.out code
  code=$(curl -s -o "$out" -w '%{http_code}' -X "$2" -u "${5:-admin:$ADMIN_PASSWORD}" \
    -H 'Content-Type: application/json' ${4:+-d "$4"} "http://127.0.0.1:$1/api/v1/$3" || true)
  [[ $code == 2* ]] || fail "$2 /api/v1/$3 on port $1 answered $code: $(head -c 400 "$out")"
  cat "$out"
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
GOV="gov-$RUN:$PASSWORD"; INT="int-$RUN:$PASSWORD"; AUD="aud-$RUN:$PASSWORD"

# The body of the prediction with this client key: always the same, so a resend is a replay.
prediction_body() {
  local n=${1##*-}
  printf '{"clientKey":"%s","modelSnapshotId":"%s","payload":{"amount":%d,"text":"reliability %s"},"labels":["%s"],"confidence":%s}' \
    "$1" "$SNAPSHOT" $(( (n * 37) % 12000 )) "$1" "$([[ $((n % 3)) == 0 ]] && echo ok || echo card-not-present)" \
    "0.$(printf '%02d' $(( (n * 13) % 100 )))"
}

# submit PORT KEY -> one line "KEY HTTP-CODE ITEM-ID REPLAYED" (code 000: no answer)
submit() {
  local out code id replayed
  out=$(mktemp -p "$WORK")
  code=$(curl -s -o "$out" -w '%{http_code}' --max-time 60 -X POST -u "$INT" -H 'Content-Type: application/json' \
    -d "$(prediction_body "$2")" "http://127.0.0.1:$1/api/v1/workflows/$WORKFLOW/predictions" || true)
  id=$(jq -r '.id // "-"' "$out" 2>/dev/null || echo -)
  replayed=$(jq -r 'if .replayed then "replayed" else "new" end' "$out" 2>/dev/null || echo new)
  rm -f "$out"
  echo "$2 ${code:-000} ${id:--} $replayed"
}

# load PORT PREFIX FROM TO FILE: one client sending keys PREFIX-FROM..TO in order. When the server
# does not answer it records the failure and waits until the server is ready again, as a client
# with a retry policy would; the key is resent in the final pass.
load() {
  local i line
  for i in $(seq "$3" "$4"); do
    line=$(submit "$1" "$2-$i")
    echo "$line" >> "$5"
    if [[ $(cut -d' ' -f2 <<<"$line") != 2* ]]; then
      until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health/ready" || true) == 200 ]]; do sleep 1; done
    fi
  done
}

# all_entries PORT FILE [QUERY]: every sealed entry (matching QUERY) as JSON lines, paging by afterSequence
all_entries() {
  python3 - "$1" "$2" "$AUD" "${3:-}" <<'PY'
import base64, json, sys, urllib.request
port, path, cred, query = sys.argv[1:5]
auth = "Basic " + base64.b64encode(cred.encode()).decode()
after, n = None, 0
with open(path, "w") as out:
    while True:
        url = f"http://127.0.0.1:{port}/api/v1/ledger/entries?limit=1000" + (f"&{query}" if query else "") \
            + (f"&afterSequence={after}" if after is not None else "")
        req = urllib.request.Request(url, headers={"Authorization": auth})
        page = json.load(urllib.request.urlopen(req, timeout=120))
        for e in page["entries"]:
            e.pop("storedBytes", None)
            out.write(json.dumps(e) + "\n"); n += 1
        after = page.get("nextAfterSequence")
        if after is None:
            break
print(n)
PY
}

# check_gap_free FILE: sequences are exactly 0..n-1 in order
check_gap_free() {
  python3 - "$1" <<'PY' || fail "the ledger read from $1 is not gap-free"
import json, sys
seqs = [json.loads(l)["sequence"] for l in open(sys.argv[1])]
bad = [(i, s) for i, s in enumerate(seqs) if s != i]
if bad:
    print(f"  {len(bad)} positions differ, first: position {bad[0][0]} holds sequence {bad[0][1]}", file=sys.stderr); sys.exit(1)
print(f"  gap-free: {len(seqs)} entries, sequences 0..{len(seqs) - 1}")
PY
}

# verify_online PORT: POST /ledger/verify?from=0 and poll the job until it ends; requires VERIFIED
verify_online() {
  local headers=$WORK/verify.headers location state t0=$SECONDS
  curl -s -D "$headers" -o /dev/null -X POST -u "$AUD" "http://127.0.0.1:$1/api/v1/ledger/verify?from=0"
  grep -q '^HTTP/[0-9.]* 202' "$headers" || fail "POST /ledger/verify on port $1: $(head -1 "$headers")"
  location=$(grep -i '^location:' "$headers" | cut -d' ' -f2 | tr -d '\r')
  while :; do
    curl -s -u "$AUD" "$location" > "$WORK/verify.json"
    state=$(field state < "$WORK/verify.json")
    [[ $state == RUNNING ]] || break
    (( SECONDS - t0 < 600 )) || fail "online verification still RUNNING after 600 s"
    sleep 2
  done
  [[ $state == VERIFIED ]] || fail "online verification on port $1 ended $state: $(cat "$WORK/verify.json")"
  say "online verification on port $1: VERIFIED, $(field checked < "$WORK/verify.json") entries checked \
(from $(field fromSequence < "$WORK/verify.json") to $(field toSequence < "$WORK/verify.json"))"
}

# verify_offline PORT NAME: bundle from 0 + trust file, checked by the shipped offline verifier
verify_offline() {
  curl -sf -u "$AUD" "http://127.0.0.1:$1/api/v1/ledger/bundle?from=0" -o "$WORK/$2-bundle.zip" || fail "GET /ledger/bundle on port $1"
  curl -sf -u "$AUD" "http://127.0.0.1:$1/api/v1/ledger/trust" -o "$WORK/$2-trust.txt" || fail "GET /ledger/trust on port $1"
  if ! java -jar "$VERIFIER" "$WORK/$2-bundle.zip" --trust "$WORK/$2-trust.txt" --origin "$ORIGIN" > "$WORK/$2-verifier.txt" 2>&1; then
    cat "$WORK/$2-verifier.txt" >&2; fail "the offline verifier rejected the bundle of port $1"
  fi
  say "offline verifier on the bundle of port $1: $(grep -c . "$WORK/$2-verifier.txt") lines, last: $(tail -1 "$WORK/$2-verifier.txt")"
  sed 's/^/    /' "$WORK/$2-verifier.txt"
}

# wait_sealed PORT COUNT: until the workflow has COUNT routed entries sealed (the sequencer is asynchronous)
wait_sealed() {
  local t0=$SECONDS n
  while :; do
    n=$(all_entries "$1" "$WORK/routed.jsonl" "action=tasks.prediction.routed&workflow=$WORKFLOW")
    (( n >= $2 )) && break
    (( SECONDS - t0 < 180 )) || fail "only $n of $2 routed entries sealed after 180 s"
    sleep 2
  done
  say "$n routed entries sealed for $WORKFLOW"
}

# ================================================================= crash test
crash() {
  say "fresh database $DB; servers $PREFIX-a (:$HTTP_A) and $PREFIX-b (:$HTTP_B)"
  fresh_db "$DB"
  make_server "$PREFIX-a" "$HTTP_A" "$HTTPS_A" "$DB"
  make_server "$PREFIX-b" "$HTTP_B" "$HTTPS_B" "$DB"
  start_server "$PREFIX-a" "$HTTP_A"     # the first start migrates the empty database
  start_server "$PREFIX-b" "$HTTP_B"

  say "setting up workflow $WORKFLOW through the API (as TasksFixture does)"
  for role in governance integration auditor; do
    api "$HTTP_A" POST users "{\"username\":\"${role:0:3}-$RUN\",\"password\":\"$PASSWORD\",\"roles\":[\"$role\"]}" >/dev/null
  done
  api "$HTTP_A" POST workflows "{\"key\":\"$WORKFLOW\",\"name\":\"Reliability\",\"description\":\"crash test\",
    \"consequence\":\"HIGH\",\"volume\":\"LOW\",\"accuracy\":\"MEDIUM\",\"integrationMode\":\"ASYNC\",\"reviewersPerItem\":1,
    \"retentionDays\":365,\"legalHold\":false,\"piiFieldPaths\":[\"customer.email\"],\"taskKind\":\"CLASSIFICATION\",
    \"labelSelection\":\"LEAF_ONLY\"}" "$GOV" >/dev/null
  api "$HTTP_A" PUT "workflows/$WORKFLOW/taxonomy" '{"labels":[{"code":"fraud","displayName":"Fraud"},
    {"code":"card-not-present","parentCode":"fraud","displayName":"Card not present"},{"code":"ok","displayName":"OK"}]}' "$GOV" >/dev/null
  POLICY=$(api "$HTTP_A" POST "workflows/$WORKFLOW/policies" '{"autoAcceptAtOrAbove":0.9,"lowAtOrBelow":0.2,
    "lowOutcome":"ESCALATE","reviewBands":[{"atOrAbove":0.2,"tier":2},{"atOrAbove":0.6,"tier":1}],"labelThresholds":[],
    "rules":["amount > 10000 -> tier 3"],"hotlSamplingRate":0.05,
    "slaTargets":[{"tier":1,"minutesToReview":60,"maxQueueDepth":100000},{"tier":2,"minutesToReview":240,"maxQueueDepth":100000}]}' "$GOV" | field id)
  api "$HTTP_A" POST "policies/$POLICY/activation" '{}' "$GOV" >/dev/null
  SNAPSHOT=$(api "$HTTP_A" POST models "{\"workflowKey\":\"$WORKFLOW\",\"name\":\"clf\",\"version\":\"$RUN\",
    \"artifactDigest\":\"sha256:$(printf '0123456789abcdef%.0s' 1 2 3 4)\",\"labelSpace\":[\"card-not-present\",\"ok\"]}" "$GOV" | field id)
  api "$HTTP_A" POST "models/$SNAPSHOT/promotions" '{"target":"ACTIVE","reason":"reliability test"}' "$GOV" >/dev/null
  echo "$SNAPSHOT" > "$WORK/snapshot"

  local per_worker=$(( PER_SERVER / WORKERS )) w pids=()
  say "intake: $PER_SERVER predictions to each server, $WORKERS clients each"
  : > "$WORK/load-a1.txt"; : > "$WORK/load-b1.txt"   # counted below before the clients' first answers
  for w in $(seq 1 "$WORKERS"); do
    load "$HTTP_A" "a$w" 1 "$per_worker" "$WORK/load-a$w.txt" & pids+=($!)
    load "$HTTP_B" "b$w" 1 "$per_worker" "$WORK/load-b$w.txt" & pids+=($!)
  done

  # kill B with SIGKILL once it has answered about a third of its share
  local t0=$SECONDS
  until (( $(cat "$WORK"/load-b*.txt | wc -l) >= PER_SERVER / 3 )); do
    (( SECONDS - t0 < 900 )) || fail "intake too slow: B answered fewer than $((PER_SERVER / 3)) in 900 s"
    sleep 0.5
  done
  local victim; victim=$(server_pid "$PREFIX-b")
  kill -9 "$victim"
  say "SIGKILL to $PREFIX-b (pid $victim) after $(cat "$WORK"/load-b*.txt | wc -l) answers from it, $(cat "$WORK"/load-a*.txt | wc -l) from A"
  sleep 3
  start_server "$PREFIX-b" "$HTTP_B"
  say "waiting for the clients to finish"
  wait "${pids[@]}"

  cat "$WORK"/load-*.txt > "$WORK/first-pass.txt"
  local unanswered; unanswered=$(awk '$2 !~ /^2/' "$WORK/first-pass.txt" | wc -l)
  say "first pass: $(wc -l < "$WORK/first-pass.txt") requests, $(awk '$2 ~ /^2/' "$WORK/first-pass.txt" | wc -l) answered 2xx, $unanswered not (codes: $(awk '{print $2}' "$WORK/first-pass.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';'))"

  # Resend every key without a 2xx answer, alternately to A and B: a replay (200, replayed) means the
  # server had stored the prediction but its answer was lost; a new one (201/202) that it had not.
  : > "$WORK/resend.txt"
  local key port=$HTTP_A
  for key in $(awk '$2 !~ /^2/ {print $1}' "$WORK/first-pass.txt"); do
    submit "$port" "$key" >> "$WORK/resend.txt"
    port=$([[ $port == "$HTTP_A" ]] && echo "$HTTP_B" || echo "$HTTP_A")
  done
  if [[ -s $WORK/resend.txt ]]; then
    say "resent $(wc -l < "$WORK/resend.txt"): $(awk '{print $2, $4}' "$WORK/resend.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
    awk '$2 !~ /^2/' "$WORK/resend.txt" | grep -q . && fail "resent predictions were refused: $(awk '$2 !~ /^2/' "$WORK/resend.txt" | head -5)"
  fi

  # every key's last 2xx answer (the first pass or the resend) with its item id
  cat "$WORK/first-pass.txt" "$WORK/resend.txt" | awk '$2 ~ /^2/' > "$WORK/answered.txt"
  local keys; keys=$(cut -d' ' -f1 "$WORK/answered.txt" | sort -u | wc -l)
  (( keys == 2 * per_worker * WORKERS )) || fail "$keys distinct keys answered 2xx, expected $((2 * per_worker * WORKERS))"

  wait_sealed "$HTTP_B" "$keys"
  sleep 3   # let anything sealed late show up as a duplicate
  all_entries "$HTTP_B" "$WORK/routed.jsonl" "action=tasks.prediction.routed&workflow=$WORKFLOW" >/dev/null
  python3 - "$WORK/answered.txt" "$WORK/routed.jsonl" <<'PY' || fail "answered predictions and routed ledger entries do not match one to one"
import collections, json, sys
answered = collections.defaultdict(set)
for line in open(sys.argv[1]):
    key, code, item, _ = line.split()
    answered[key].add(item)
bad_keys = {k: v for k, v in answered.items() if len(v) != 1 or "-" in v}
if bad_keys:
    print(f"  keys answered with differing or missing item ids: {list(bad_keys.items())[:5]}", file=sys.stderr); sys.exit(1)
items = {next(iter(v)) for v in answered.values()}
sealed = collections.Counter(json.loads(l)["subjectId"] for l in open(sys.argv[2]))
dups = {i: c for i, c in sealed.items() if c > 1}
missing = items - sealed.keys()
extra = sealed.keys() - items
print(f"  {len(items)} items answered 2xx; {sum(sealed.values())} routed entries for {len(sealed)} items; "
      f"duplicates {len(dups)}, answered but not sealed {len(missing)}, sealed but never answered {len(extra)}")
if dups or missing or extra:
    print(f"  duplicates {list(dups.items())[:5]} missing {list(missing)[:5]} extra {list(extra)[:5]}", file=sys.stderr); sys.exit(1)
PY
  say "exactly once: every prediction answered 2xx is sealed once, nothing else was sealed for the workflow"

  say "whole ledger, read through server B"
  all_entries "$HTTP_B" "$WORK/all-entries.jsonl" >/dev/null
  check_gap_free "$WORK/all-entries.jsonl"
  verify_online "$HTTP_B"
  verify_offline "$HTTP_A" crash
  say "CRASH TEST PASSED"
}

# ================================================================= backup and restore
backup() {
  SNAPSHOT=$(cat "$WORK/snapshot")
  say "intake continues on $PREFIX-a while pg_dump runs"
  : > "$WORK/load-c.txt"
  load "$HTTP_A" c 1 "$DURING_BACKUP" "$WORK/load-c.txt" & local loader=$!
  until (( $(wc -l < "$WORK/load-c.txt") >= DURING_BACKUP / 3 )); do sleep 0.5; done
  local before; before=$(wc -l < "$WORK/load-c.txt")
  pg_dump -h "$PGHOST_" -p "$PGPORT_" -U postgres -Fc -f "$WORK/oversight.dump" "$DB"
  local after; after=$(wc -l < "$WORK/load-c.txt")
  say "pg_dump -Fc done ($(du -h "$WORK/oversight.dump" | cut -f1)); intake answers during the dump: $before before, $after after"
  wait "$loader"
  # the checkpoint an auditor would keep from the original system after the backup was taken
  curl -sf -u "$AUD" "http://127.0.0.1:$HTTP_A/api/v1/ledger/checkpoints/latest" -o "$WORK/after-dump.note" \
    || fail "GET /ledger/checkpoints/latest on port $HTTP_A"
  say "checkpoint of the original after the dump: size $(sed -n 2p "$WORK/after-dump.note")"
  awk '$2 !~ /^2/' "$WORK/load-c.txt" | grep -q . && fail "intake during the dump was refused: $(awk '$2 !~ /^2/' "$WORK/load-c.txt" | head -3)"

  say "restoring into fresh database $RESTORED_DB"
  fresh_db "$RESTORED_DB"
  pg_restore -h "$PGHOST_" -p "$PGPORT_" -U postgres --exit-on-error -d "$RESTORED_DB" "$WORK/oversight.dump"
  # what the backup holds, read before any server touches the copy
  local dumped pending
  dumped=$(psql -h "$PGHOST_" -p "$PGPORT_" -U postgres -d "$RESTORED_DB" -Atc "SELECT count(*) FROM ledger_entry")
  pending=$(psql -h "$PGHOST_" -p "$PGPORT_" -U postgres -d "$RESTORED_DB" -Atc "SELECT count(*) FROM ledger_pending")
  say "the backup holds $dumped sealed ledger entries and $pending committed records not yet sealed"
  make_server "$PREFIX-restored" "$HTTP_C" "$HTTPS_C" "$RESTORED_DB"
  start_server "$PREFIX-restored" "$HTTP_C"

  # the restored system works on: new intake is sealed after the backup's entries, signed with the same key
  local i
  for i in $(seq 1 10); do submit "$HTTP_C" "r-$i"; done > "$WORK/load-r.txt"
  awk '$2 !~ /^2/' "$WORK/load-r.txt" | grep -q . && fail "the restored server refused intake: $(awk '$2 !~ /^2/' "$WORK/load-r.txt" | head -3)"
  local t0=$SECONDS
  until (( $(all_entries "$HTTP_C" "$WORK/restored-entries.jsonl") >= dumped + pending + 10 )); do
    (( SECONDS - t0 < 120 )) || fail "the restored server did not seal its 10 new predictions within 120 s"
    sleep 2
  done
  say "the restored server took 10 new predictions: $(awk '{print $2}' "$WORK/load-r.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';') sealed after the backup's entries"
  all_entries "$HTTP_C" "$WORK/restored-entries.jsonl" >/dev/null
  check_gap_free "$WORK/restored-entries.jsonl"
  all_entries "$HTTP_A" "$WORK/original-entries.jsonl" >/dev/null
  python3 - "$WORK/restored-entries.jsonl" "$WORK/original-entries.jsonl" "$WORK/load-c.txt" "$dumped" <<'PY' || fail "the restored ledger is not a prefix of the original"
import json, sys
restored = [json.loads(l) for l in open(sys.argv[1])]
original = [json.loads(l) for l in open(sys.argv[2])]
# The entries the backup held must be the original's, byte for byte. After them the restored server
# seals what was committed but unsealed at dump time, and its own entries, at its own times: from
# there the two logs fork, as any restored backup does (an auditor's kept checkpoint detects it).
dumped = int(sys.argv[4])
same = 0
for r, o in zip(restored, original):
    if r["leafHash"] != o["leafHash"]:
        break
    same += 1
answered = {l.split()[2] for l in open(sys.argv[3]) if l.split()[1].startswith("2")}
in_restored = {e["subjectId"] for e in restored if e["actionType"] == "tasks.prediction.routed"} & answered
print(f"  restored ledger {len(restored)} entries ({dumped} from the backup), original now {len(original)}; "
      f"the first {same} are identical (leaf hashes)")
print(f"  of {len(answered)} predictions answered during the backup run, {len(in_restored)} are in the restored ledger")
if same < dumped:
    print(f"  entry {same} differs: restored {restored[same]['actionType']} vs original "
          f"{original[same]['actionType'] if same < len(original) else 'none'}", file=sys.stderr)
    sys.exit(1)
PY
  verify_online "$HTTP_C"
  verify_offline "$HTTP_C" restored
  # A restore loses what the original sealed after the dump: an auditor's later checkpoint must not
  # verify against the restored log.
  local code=0
  java -jar "$VERIFIER" "$WORK/restored-bundle.zip" --trust "$WORK/restored-trust.txt" --origin "$ORIGIN" \
    --checkpoint "$WORK/after-dump.note" > "$WORK/restored-vs-kept.txt" 2>&1 || code=$?
  (( code != 0 )) || fail "the restored log verified against a checkpoint of the original taken after the dump"
  say "the restored log against the original's later checkpoint: exit code $code, as it must not extend it"
  sed 's/^/    /' "$WORK/restored-vs-kept.txt"
  say "BACKUP AND RESTORE PASSED"
}

crash
# the backup is taken of the system the crash test leaves running, intake continuing
[[ $what == all ]] && backup
say "done"
