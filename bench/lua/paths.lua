-- GETs the paths given as script arguments in turn (bench/run's server warm-up).
local i = 0

function init(args)
  paths = args
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
