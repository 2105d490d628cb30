-- A hot article: 95% reads (alternating its oldest-first and newest-first first pages) and 5% guest
-- posts with distinct bodies and client addresses (see post.lua for why X-Forwarded-For).
-- Script arguments (after --): READ_PATH_1 READ_PATH_2 POST_PATH MODE NONCE
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local counter = 0

function init(args)
  reads = {args[1], args[2]}
  post = args[3]
  mode = args[4] or "form"
  nonce = args[5] or "0"
  if tid == nil then tid = 1 end
  -- bench/run calls wrk several times with the same arguments (warm-up, repetitions): a random
  -- start per run and thread keeps addresses and bodies distinct across all of them.
  math.randomseed(os.time() * 1000 + tid)
  start = math.random(0, 16777215)
end

function address(n)
  local a = (start + n) % 16777216
  return string.format("10.%d.%d.%d", math.floor(a / 65536), math.floor(a / 256) % 256, a % 256)
end

function request()
  counter = counter + 1
  local n = counter
  if n % 20 ~= 0 then
    return wrk.format("GET", reads[(n % 2) + 1])
  end
  local ip = address(n)
  local id = nonce .. "-" .. start .. "-" .. n
  local headers = {["X-Forwarded-For"] = ip}
  if mode == "json" then
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", post, headers,
      string.format('{"name":"Hot reader %s","body":"Hot take %s on the seawall vote"}', id, id))
  end
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  return wrk.format("POST", post, headers, "name=Hot+reader+" .. id .. "&body=Hot+take+" .. id .. "+on+the+seawall+vote")
end
