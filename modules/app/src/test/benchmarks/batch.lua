-- wrk script: :batch intake, BENCH_BATCH_SIZE predictions (default 1000) per request, each with a
-- fresh client key, confidences spread over every routing band, a personal-data field to tokenise.
-- Environment: BENCH_WORKFLOW, BENCH_SNAPSHOT, BENCH_AUTH (the Authorization header value).
local counter = 0
local prefix, path, headers, snapshot, size
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  prefix = "batch-" .. tostring(thread_number) .. "-" .. tostring(math.random(1, 1e9)) .. "-" .. tostring(os.time())
  path = "/api/v1/workflows/" .. os.getenv("BENCH_WORKFLOW") .. "/predictions:batch"
  snapshot = os.getenv("BENCH_SNAPSHOT")
  size = tonumber(os.getenv("BENCH_BATCH_SIZE") or "1000")
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = os.getenv("BENCH_AUTH") }
end

function request()
  local predictions = {}
  for i = 1, size do
    counter = counter + 1
    predictions[i] = string.format(
      '{"clientKey":"%s-%d","modelSnapshotId":"%s","payload":{"amount":%d,"customer":{"email":"c%d@example.com"},' ..
      '"text":"disputed charge number %d at merchant %d"},"labels":["card-not-present"],"confidence":%.2f}',
      prefix, counter, snapshot, counter % 9000, counter, counter, counter % 97, 0.05 + (counter % 95) / 100)
  end
  return wrk.format("POST", path, headers, '{"predictions":[' .. table.concat(predictions, ",") .. "]}")
end

statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  -- done() runs in wrk's main Lua state, where init() never ran: read the size again
  local size = tonumber(os.getenv("BENCH_BATCH_SIZE") or "1000")
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  for status, n in pairs(total) do
    io.write(string.format("BENCH batch: HTTP %d: %d responses of %d predictions\n", status, n, size))
  end
end
