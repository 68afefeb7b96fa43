-- wrk script: reviewers claim the next task of one queue, round-robin over BENCH_REVIEWERS
-- (comma-separated Authorization header values), and count the tasks they received.
-- Environment: BENCH_WORKFLOW, BENCH_TIER, BENCH_REVIEWERS.
local threads = {}
local counter = 0
local auths, path
claimed = 0
empty = 0
failed = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  auths = {}
  for auth in string.gmatch(os.getenv("BENCH_REVIEWERS"), "[^,]+") do
    table.insert(auths, auth)
  end
  path = "/api/v1/queues/" .. os.getenv("BENCH_WORKFLOW") .. "/" .. os.getenv("BENCH_TIER") .. "/claim-next"
  counter = math.random(0, #auths)
end

function request()
  counter = counter + 1
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = auths[(counter % #auths) + 1] }
  return wrk.format("POST", path, headers, "{}")
end

function response(status, headers, body)
  if status ~= 200 then
    failed = failed + 1
  elseif string.find(body, '"task":', 1, true) then
    claimed = claimed + 1
  else
    empty = empty + 1
  end
end

function done(summary, latency, requests)
  local c, e, f = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("claimed")
    e = e + thread:get("empty")
    f = f + thread:get("failed")
  end
  io.write(string.format("BENCH claims: %d tasks claimed, %d empty answers, %d failed requests\n", c, e, f))
end
