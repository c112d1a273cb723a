-- A steady rate instead of wrk's closed loop (wrk2, which does this natively, is not packaged by Debian):
-- each thread hands out send times on a fixed schedule of PACED_RATE / threads requests per second, spread
-- over its connections, so a slow answer delays one connection and not the rate. Each thread stops after its
-- share of PACED_TOTAL answers and prints the rate it achieved, measured on the wall clock.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } upward_timeval;
  int gettimeofday(upward_timeval *tv, void *tz);
]]
local function now_ms()
  local tv = ffi.new("upward_timeval")
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

local threads = {}
local rate = tonumber(os.getenv("PACED_RATE") or "100")
local total = tonumber(os.getenv("PACED_TOTAL") or "10000")
-- wrk's -t, which the Lua states cannot see: the bench passes the same number.
local thread_count = tonumber(os.getenv("PACED_THREADS") or "2")

function setup(thread)
  table.insert(threads, thread)
end

function init()
  ok, c4xx, c5xx = 0, 0, 0
  share = math.floor(total / thread_count + 0.5)
  interval = 1000 * thread_count / rate
end

function delay()
  local t = now_ms()
  if next_due == nil then
    next_due, started = t, t
  end
  local wait = next_due - t
  next_due = next_due + interval
  return wait > 0 and wait or 0
end

function response(status)
  if status >= 500 then c5xx = c5xx + 1
  elseif status >= 400 then c4xx = c4xx + 1
  else ok = ok + 1 end
  if ok + c4xx + c5xx >= share then
    elapsed = now_ms() - started
    wrk.thread:stop()
  end
end

function done()
  local o, c4, c5, longest = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); c4 = c4 + t:get("c4xx"); c5 = c5 + t:get("c5xx")
    longest = math.max(longest, t:get("elapsed") or 0)
  end
  local answers = o + c4 + c5
  io.write(string.format("statuses 2xx/3xx=%d 4xx=%d 5xx=%d\n", o, c4, c5))
  io.write(string.format("paced %d answers in %.1f s: %.1f req/s achieved (target %d)\n",
    answers, longest / 1000, answers / (longest / 1000), rate))
end
