-- GET /api/v1/availability for random stays of 1 to 14 nights in the next year.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
math.randomseed(os.time())

local function date(days_ahead)
  return os.date("!%Y-%m-%d", os.time() + days_ahead * 86400)
end

request = function()
  local start = math.random(2, 360)
  local nights = math.random(1, 14)
  return wrk.format("GET", "/api/v1/availability?checkIn=" .. date(start) .. "&checkOut=" .. date(start + nights) .. "&guests=2")
end
