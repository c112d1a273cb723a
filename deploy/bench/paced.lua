-- A paced rate instead of wrk's closed loop: each of the 6 connections waits 40 ms after an answer before
-- its next request; with the lesson read's ~18 ms that is about 6 x 17 = 100 req/s. Each thread stops after
-- its share (1,667) of 10,000 requests; wrk's Requests/sec line shows the rate reached.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init()
  ok, c4xx, c5xx = 0, 0, 0
end

function delay()
  return 40
end

function response(status)
  if status >= 500 then c5xx = c5xx + 1
  elseif status >= 400 then c4xx = c4xx + 1
  else ok = ok + 1 end
  if ok + c4xx + c5xx >= 1667 then wrk.thread:stop() end
end

function done()
  local o, c4, c5 = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); c4 = c4 + t:get("c4xx"); c5 = c5 + t:get("c5xx")
  end
  io.write(string.format("statuses 2xx/3xx=%d 4xx=%d 5xx=%d\npaced 100 req/s target, %d answers\n", o, c4, c5, o + c4 + c5))
end
