-- wrk script for bench/pages.sh's SERVED warm-up: cycles through the paths given after "--", so the portal has
-- served every page before any is measured, as a server in production has.
local paths = {}
local next_path = 0

function init(args)
  for _, path in ipairs(args) do
    paths[#paths + 1] = path
  end
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
