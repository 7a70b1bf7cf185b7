-- wrk script: POST /api/v1/leads with a new lead in every request (bench/leads.sh and
-- bench/profile.sh). The email holds the run (LEADWISE_BENCH_RUN, set per wrk run by
-- bench/lib.sh), the wrk thread and a per-thread counter, so no two requests, nor the
-- warm-up and the measured run, send the same lead: the figures are those of real creates.
-- The bearer token comes from wrk's -H option; a body for the bare app (bench/bare_app.py)
-- has the same shape.

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local run = os.getenv("LEADWISE_BENCH_RUN") or tostring(os.time())
local threads = 0

-- Runs in wrk's main Lua state, once per thread before it starts: number the threads.
function setup(thread)
    threads = threads + 1
    thread:set("id", threads)
end

local counter = 0

function request()
    counter = counter + 1
    local body = string.format(
        '{"first_name":"Ada%d","last_name":"Lovelace%d",'
            .. '"email":"ada.%s.%d.%d@example.org","source":"api"}',
        id, counter, run, id, counter
    )
    return wrk.format(nil, nil, nil, body)
end
