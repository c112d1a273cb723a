-- Counts answers by status class, so a benchmark also shows whether anything failed.
local counts = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init()
  counts = { ok = 0, c4xx = 0, c5xx = 0 }
end

function response(status)
  if status >= 500 then counts.c5xx = counts.c5xx + 1
  elseif status >= 400 then counts.c4xx = counts.c4xx + 1
  else counts.ok = counts.ok + 1 end
end

function done()
  local ok, c4, c5 = 0, 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("counts").ok; c4 = c4 + t:get("counts").c4xx; c5 = c5 + t:get("counts").c5xx
  end
  io.write(string.format("statuses 2xx/3xx=%d 4xx=%d 5xx=%d\n", ok, c4, c5))
end
