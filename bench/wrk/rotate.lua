-- wrk script for MiniAuth benchmarks.
--   wrk ... -s rotate.lua URL -- health              GET /actuator/health
--   wrk ... -s rotate.lua URL -- me TOKENS_FILE      GET /user/me, rotating through many users' tokens
-- Both modes build each request in Lua, so the generator's cost is the same for both.
-- done() prints one RESULT line with p50/p99/p99.9 (ms) and the error count
-- (socket errors plus non-2xx/3xx answers, as wrk counts them).

local mode = "health"
local tokens = {}
local idx = 0

-- setup() runs in wrk's main Lua state, once per thread and before that thread's init():
-- it gives each thread its number
local threads = 0
function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  mode = args[1] or "health"
  if mode == "me" then
    for line in io.lines(args[2]) do
      if #line > 0 then tokens[#tokens + 1] = line end
    end
    -- each wrk thread starts at a different place in the list, spread by the golden ratio
    -- (LuaJIT's math.random starts from the same seed in every thread, so it would not do)
    idx = math.floor(#tokens * (((thread_number or 0) * 0.6180339887) % 1))
  end
end

function request()
  if mode == "me" then
    idx = idx % #tokens + 1
    return wrk.format("GET", "/user/me", { ["Authorization"] = "Bearer " .. tokens[idx] })
  end
  return wrk.format("GET", "/actuator/health")
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f errors=%d p50=%.3f p99=%.3f p999=%.3f note=%s\n",
    summary.requests, summary.duration / 1e6, errors,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000,
    (errors > 0) and string.format("connect=%d,read=%d,write=%d,status=%d,timeout=%d",
      e.connect, e.read, e.write, e.status, e.timeout) or "-"))
end
