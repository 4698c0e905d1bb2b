-- wrk script: GETs with the tenant's token, optionally a random number in the path, checking each body.
-- Environment:
--   TOKEN         the tenant's bearer token
--   PATH_TEMPLATE the request path (already URL-encoded); each "{n}" becomes a random integer 0 .. N-1
--   N             range of {n} (default 1)
--   EXPECT        a plain substring every good answer's body contains (default: status 200 is enough)
-- done() prints one line: RESULT requests=... ok=... bad=... duration_us=... rps=... p50_us=... p99_us=... max_us=... mean_us=...
local template = os.getenv("PATH_TEMPLATE")
local n = tonumber(os.getenv("N") or "1")
local expect = os.getenv("EXPECT") or ""
local headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

ok, bad, first_bad = 0, 0, ""   -- globals: done() reads them with thread:get

function init(args)
  math.randomseed(os.time() * 1000 + (index or 0))
end

function request()
  local path = template:gsub("{n}", function() return tostring(math.random(0, n - 1)) end)
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  if status == 200 and (expect == "" or string.find(body, expect, 1, true)) then
    ok = ok + 1
  else
    bad = bad + 1
    if first_bad == "" then first_bad = status .. " " .. string.sub(body or "", 1, 300) end
  end
end

function done(summary, latency, requests)
  local o, b = 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); b = b + t:get("bad")
    local e = t:get("first_bad")
    if e ~= "" then io.stderr:write("get.lua: first unexpected answer: " .. e .. "\n") end
  end
  io.write(string.format("RESULT requests=%d ok=%d bad=%d duration_us=%d rps=%.0f p50_us=%d p99_us=%d max_us=%d mean_us=%.0f\n",
    summary.requests, o, b, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max, latency.mean))
end
