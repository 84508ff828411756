-- POST /api/v1/bookings: one-night holds on random dates one to four years ahead, as one logged-in guest.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
math.randomseed(os.time())

local token = os.getenv("ACCESS_TOKEN")
local room_type = os.getenv("ROOM_TYPE_ID")

request = function()
  local start = os.time() + math.random(400, 1800) * 86400
  local body = string.format('{"roomTypeId":"%s","checkIn":"%s","checkOut":"%s","guests":1}', room_type,
    os.date("!%Y-%m-%d", start), os.date("!%Y-%m-%d", start + 86400))
  return wrk.format("POST", "/api/v1/bookings",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
