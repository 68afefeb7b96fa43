-- wrk script: one prediction per request, each with a fresh client key, confidences spread over
-- every routing band (auto-accept, tiers 1 and 2, escalation) so routing, tasks and ledger all work.
-- Environment: BENCH_WORKFLOW, BENCH_SNAPSHOT, BENCH_AUTH (the Authorization header value).
local counter = 0
local prefix, path, headers, snapshot
-- Each wrk thread has its own Lua state with the same unseeded math.random, so the thread number
-- (set by setup) keeps the threads' client keys apart; without it they sent the same keys.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  prefix = "bench-" .. tostring(thread_number) .. "-" .. tostring(math.random(1, 1e9)) .. "-" .. tostring(os.time())
  path = "/api/v1/workflows/" .. os.getenv("BENCH_WORKFLOW") .. "/predictions"
  snapshot = os.getenv("BENCH_SNAPSHOT")
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = os.getenv("BENCH_AUTH") }
end

function request()
  counter = counter + 1
  local confidence = 0.05 + (counter % 95) / 100
  local body = string.format(
    '{"clientKey":"%s-%d","modelSnapshotId":"%s","payload":{"amount":%d,"customer":{"email":"c%d@example.com"},' ..
    '"text":"disputed charge number %d at merchant %d"},"labels":["card-not-present"],"confidence":%.2f}',
    prefix, counter, snapshot, counter % 9000, counter, counter, counter % 97, confidence)
  return wrk.format("POST", path, headers, body)
end

statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  for status, n in pairs(total) do
    io.write(string.format("BENCH intake: HTTP %d: %d responses\n", status, n))
  end
end
