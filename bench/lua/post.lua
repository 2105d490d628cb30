-- Guests posting comments: every request has its own body and its own client address.
-- Tribune believes X-Forwarded-For because bench/run starts it with TRIBUNE_TRUSTED_PROXIES=127.0.0.1,
-- so rate limits and repeat-post rules see many real readers, not one loopback client.
-- Script arguments (after --): PATH MODE NONCE, MODE = form (POST /articles/{slug}/comments)
-- or json (POST /api/v1/discussions/{id}/comments).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local words = {"harbour", "ferry", "seawall", "council", "budget", "tender", "residents", "vote", "rent",
               "library", "strike", "route", "fares", "winter", "flood", "district", "mayor", "plan"}
local counter = 0

function init(args)
  path = args[1]
  mode = args[2] or "form"
  nonce = args[3] or "0"
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

function text(n)
  local t = {}
  for i = 1, 12 + (n % 20) do
    t[#t + 1] = words[((n * 7 + i * 13) % #words) + 1]
  end
  return table.concat(t, " ")
end

function request()
  counter = counter + 1
  local n = counter
  local ip = address(n)
  local id = nonce .. "-" .. start .. "-" .. n
  local body = "Comment " .. id .. ": " .. text(n)
  local name = "Reader " .. id
  local headers = {["X-Forwarded-For"] = ip}
  if mode == "json" then
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", path, headers,
      string.format('{"name":"%s","body":"%s"}', name, body))
  end
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  return wrk.format("POST", path, headers,
    "name=" .. name:gsub(" ", "+") .. "&body=" .. body:gsub(" ", "+"):gsub(":", "%%3A"))
end
