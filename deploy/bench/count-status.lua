-- Counts answers by status class, so a benchmark also shows whether anything failed.
-- Plain number globals: wrk's thread:get copies numbers between threads, not tables.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init()
  ok, c4xx, c5xx = 0, 0, 0
end

function response(status)
  if status >= 500 then c5xx = c5xx + 1
  elseif status >= 400 then c4xx = c4xx + 1
  else ok = ok + 1 end
end

function done()
  local o, c4, c5 = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); c4 = c4 + t:get("c4xx"); c5 = c5 + t:get("c5xx")
  end
  io.write(string.format("statuses 2xx/3xx=%d 4xx=%d 5xx=%d\n", o, c4, c5))
end
