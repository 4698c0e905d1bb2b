-- wrk script: provisions users into many tenants, round-robin, like Azure AD syncing many customers
-- (user n of the run goes to tenant n mod #tenants, so each gets total/#tenants).
-- Environment:
--   TENANTS_FILE      "tenantId token" lines (create_tenants.py)
--   USERS_TOTAL       users to create in all, split over the WRK_THREADS (= wrk's -t) threads, or
--   USERS_PER_THREAD  users each wrk thread creates (used when USERS_TOTAL is unset)
--   NAME_PREFIX       unset/empty: random unique userNames; else userName = "<prefix>-<n>@contoso.com"
--                     with n = 0 .. total-1 (so later lookups can pick existing users)
--   DONE_DIR          each thread creates the file DONE_DIR/<thread index> when its last answer is in
-- Exactly that many creates are sent: once a thread has sent its share, its connections idle (delay())
-- and the thread stops when the last of its answers has arrived. wrk's main thread still sleeps for
-- -d, so run wrk with a long -d (e.g. 24h) and send it SIGINT once all DONE_DIR files exist (lib.sh's
-- provision_users does). Needs at least one create per connection. done() prints one line:
--   RESULT created=<201s> failed=<others> duration_us=<first request to last answer> p50_us=... p99_us=... max_us=... mean_us=...
local ffi = require("ffi")
ffi.cdef [[ typedef struct { long tv_sec; long tv_usec; } bench_timeval; int gettimeofday(bench_timeval *tv, void *tz); ]]
local timeval = ffi.new("bench_timeval")
local function now_us()
  ffi.C.gettimeofday(timeval, nil)
  return tonumber(timeval.tv_sec) * 1000000 + tonumber(timeval.tv_usec)
end

local tenants = {}
for line in io.lines(os.getenv("TENANTS_FILE")) do
  local id, token = line:match("^(%S+) (%S+)$")
  if id then tenants[#tenants + 1] = { path = "/tenants/" .. id .. "/scim/v2/Users", auth = "Bearer " .. token } end
end
local prefix = os.getenv("NAME_PREFIX") or ""
local threads = {}
math.randomseed(os.time())

function setup(thread)
  thread:set("tag", tostring(math.random(1, 1000000000)) .. "-" .. #threads)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

local quota, first, sent, granted, received = 0, 0, 0, 0, 0
-- globals: done() reads them with thread:get
created, failed, first_error, started_us, finished_us = 0, 0, "", 0, 0

function init(args)
  local total = tonumber(os.getenv("USERS_TOTAL") or "")
  if total then
    local nthreads = tonumber(os.getenv("WRK_THREADS") or "") or error("USERS_TOTAL needs WRK_THREADS (wrk's -t)")
    local share, rest = math.floor(total / nthreads), total % nthreads
    quota = share + ((offset < rest) and 1 or 0)
    first = offset * share + math.min(offset, rest)
  else
    quota = tonumber(os.getenv("USERS_PER_THREAD") or "1000000")
    first = offset * quota
  end
end

function request()
  if granted == 0 then
    -- wrk calls request() once in thread 0 outside any connection (to check for pipelining); every real
    -- request is preceded by delay() (c->delayed starts true when a script has delay()). Not counted.
    return wrk.format("GET", "/health/live")
  end
  granted = granted - 1
  sent = sent + 1
  if started_us == 0 then started_us = now_us() end
  local n = first + sent - 1   -- 0 .. total-1 over all threads
  local tenant = tenants[(n % #tenants) + 1]
  local name
  if prefix ~= "" then name = string.format("%s-%d", prefix, n) else name = string.format("u%s-%d", tag, sent) end
  local body = string.format(
    '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s@contoso.com","externalId":"%s","active":true,' ..
    '"name":{"givenName":"Given","familyName":"Family"},"emails":[{"type":"work","value":"%s@contoso.com","primary":true}],' ..
    '"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"%d","department":"Sales"}}',
    name, name, name, sent)
  return wrk.format("POST", tenant.path, { ["Content-Type"] = "application/scim+json", ["Authorization"] = tenant.auth }, body)
end

-- Called before every request on a connection: grants one more create while the share is not used up,
-- otherwise parks the connection (its timer never fires before the thread stops).
function delay()
  if sent + granted >= quota then return 3600000 end
  granted = granted + 1
  return 0
end

function response(status, headers, body)
  received = received + 1
  if status == 201 then
    created = created + 1
  else
    failed = failed + 1
    if first_error == "" then first_error = status .. " " .. string.sub(body or "", 1, 300) end
  end
  if received >= quota then
    finished_us = now_us()
    local dir = os.getenv("DONE_DIR")
    if dir then local f = io.open(dir .. "/" .. offset, "w"); f:write("done\n"); f:close() end
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local c, f, from, to = 0, 0, math.huge, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created"); f = f + t:get("failed")
    from = math.min(from, t:get("started_us")); to = math.max(to, t:get("finished_us"))
    local e = t:get("first_error")
    if e ~= "" then io.stderr:write("provision.lua: first failure: " .. e .. "\n") end
  end
  io.write(string.format("RESULT created=%d failed=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d mean_us=%.0f\n",
    c, f, to - from, latency:percentile(50), latency:percentile(99), latency.max, latency.mean))
end
