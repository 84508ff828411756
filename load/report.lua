-- Shared by the wrk scenarios: counts answers by status in each thread, then prints requests/s, latency percentiles and
-- the answers by kind, for people and as one 'result:' line for scripts/load-test.sh's table:
--   result: <req/s> <p50 ms> <p95 ms> <p99 ms> <2xx> <409> <other 4xx> <5xx> <socket errors>
-- TARGETS="127.0.0.1:8099,127.0.0.1:8101" sends each wrk thread to one of them in turn (two replicas, no proxy).
local threads = {}

function setup(thread)
  local targets = {}
  for host, port in string.gmatch(os.getenv("TARGETS") or "", "([^,:]+):(%d+)") do
    table.insert(targets, { host, port })
  end
  if #targets > 0 then
    local target = targets[(#threads % #targets) + 1]
    thread.addr = wrk.lookup(target[1], target[2])[1]
  end
  table.insert(threads, thread)
end

statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local ok, conflicts, client, server = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      if status < 300 then ok = ok + count
      elseif status == 409 then conflicts = conflicts + count
      elseif status < 500 then client = client + count
      else server = server + count end
    end
  end
  local errors = summary.errors
  local socket = errors.connect + errors.read + errors.write + errors.timeout
  local rate = summary.requests / (summary.duration / 1e6)
  local p50, p95, p99 = latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000
  io.write(string.format("requests: %d in %.1fs = %.0f req/s\n", summary.requests, summary.duration / 1e6, rate))
  io.write(string.format("latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n", p50, p95, p99, latency.max / 1000))
  io.write(string.format("answers: 2xx %d, 409 %d, other 4xx %d, 5xx %d; socket errors %d (connect %d, read %d, write %d, timeout %d)\n",
    ok, conflicts, client, server, socket, errors.connect, errors.read, errors.write, errors.timeout))
  io.write(string.format("result: %.1f %.1f %.1f %.1f %d %d %d %d %d\n", rate, p50, p95, p99, ok, conflicts, client, server, socket))
end
