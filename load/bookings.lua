-- POST /api/v1/bookings: one-night holds on random dates one to four years ahead, by the logged-in guests whose access
-- tokens are the lines of ACCESS_TOKENS_FILE, in turn.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
math.randomseed(os.time())

local tokens = {}
for line in io.lines(os.getenv("ACCESS_TOKENS_FILE")) do
  if line ~= "" then tokens[#tokens + 1] = line end
end
local turn = math.random(#tokens)
local room_type = os.getenv("ROOM_TYPE_ID")

request = function()
  turn = turn % #tokens + 1
  local token = tokens[turn]
  local start = os.time() + math.random(400, 1800) * 86400
  local body = string.format('{"roomTypeId":"%s","checkIn":"%s","checkOut":"%s","guests":1}', room_type,
    os.date("!%Y-%m-%d", start), os.date("!%Y-%m-%d", start + 86400))
  return wrk.format("POST", "/api/v1/bookings",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
