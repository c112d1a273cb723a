-- A steady rate instead of wrk's closed loop: each of the 4 connections waits 40 ms between requests
-- (4 x 25 req/s = 100 req/s) and stops after its share of 10,000 requests.
local counts = {}
local threads = {}
local sent = 0

function setup(thread)
  table.insert(threads, thread)
end

function init()
  counts = { ok = 0, c5xx = 0, other = 0 }
end

function delay()
  return 40
end

function request()
  sent = sent + 1
  return wrk.format()
end

function response(status)
  if status >= 500 then counts.c5xx = counts.c5xx + 1
  elseif status >= 400 then counts.other = counts.other + 1
  else counts.ok = counts.ok + 1 end
  if counts.ok + counts.c5xx + counts.other >= 2500 then wrk.thread:stop() end
end

function done()
  local ok, c5, other = 0, 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("counts").ok; c5 = c5 + t:get("counts").c5xx; other = other + t:get("counts").other
  end
  io.write(string.format("statuses 2xx/3xx=%d 4xx=%d 5xx=%d\npaced 100 req/s target, %d answers\n", ok, other, c5, ok + other + c5))
end
