#!/usr/bin/env bash
# Leads: requests/s and latency of `POST /api/v1/leads` (a new lead in every request) and
# `GET /api/v1/leads?limit=50` with 100,000 leads in the database, with 1 and 2 uvicorn workers,
# on SQLite and, when LEADWISE_BENCH_POSTGRES_URL is set, on PostgreSQL. On PostgreSQL the same
# load also goes to a bare FastAPI + asyncpg app (bench/bare_app.py: one INSERT, one 50-row
# SELECT, no auth) on a copy of the same rows, so that Leadwise's overhead reads as a ratio.
#
#   bash bench/leads.sh                   # or: make bench-leads
#   LEADWISE_BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test bash bench/leads.sh
#
# Per configuration: a fresh data dir and database, `leadwise serve --no-worker`, the owner from
# POST /api/v1/setup, one lead created through the API (checked for 201), then 99,999 more
# inserted directly by bench/seed_leads.py (seconds instead of the many minutes 100k API calls
# would take; ANALYZE on PostgreSQL). The list is measured first, on exactly 100,000 leads;
# the creates then add a few thousand.
#
# Knobs: those of bench/lib.sh (duration, warm-up, threads, connections, workers, load wait),
# LEADWISE_BENCH_TREE=head (measure the committed HEAD, not the working tree someone may be
# editing), LEADWISE_BENCH_DATABASES ("sqlite postgresql") and LEADWISE_BENCH_SEED_LEADS (100000).
#
# Output: the Markdown tables on stdout and in bench/out/leads-<date>.md, wrk's raw output in
# bench/out/leads-<date>/.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPORT="${OUT_DIR}/leads-${STAMP}.md"
RAW_DIR="${OUT_DIR}/leads-${STAMP}"
LIST_PATH="/api/v1/leads?limit=50"
ROWS=()
CONFIGS=()
# "config|app|operation" -> "requests/s p99", for the ratio and target tables.
declare -A RESULTS=()

# Fail early on an answer wrk would happily count as a request: 401, 404, 422, 500.
check_code() {
    local expected="$1" method="$2" url="$3" token="$4" code
    local -a args=(-X "${method}")
    [[ -z "${token}" ]] || args+=(-H "Authorization: Bearer ${token}")
    [[ "${method}" != POST ]] || args+=(-H 'Content-Type: application/json'
        -d '{"first_name": "Check", "email": "check@example.org", "source": "api"}')
    code="$(curl -s -o "${WORK_DIR}/check.json" -w '%{http_code}' "${args[@]}" "${url}")"
    [[ "${code}" == "${expected}" ]] ||
        die "${method} ${url} answered ${code}, not ${expected}: $(head -c 500 "${WORK_DIR}/check.json")"
}

# measure CONFIG APP OPERATION(create|list) URL TOKEN: one table row and one RESULTS entry.
measure() {
    local config="$1" app="$2" operation="$3" url="$4" token="$5" raw shown row
    local -a args=()
    [[ -z "${token}" ]] || args+=(-H "Authorization: Bearer ${token}")
    shown="GET /${url#http://*/}"
    if [[ "${operation}" == create ]]; then
        args+=(-s "${LEADS_CREATE_LUA}")
        shown="POST /${url#http://*/}"
    fi
    raw="${RAW_DIR}/$(echo "${config}-${app}-${operation}" | tr -c 'a-zA-Z0-9-' '_').txt"
    run_wrk "${config} ${app} ${operation}" "${raw}" "${url}" "${args[@]+"${args[@]}"}"
    row="| ${config} | ${app} | \`${shown}\` | ${WRK_RPS} | ${WRK_P50} | ${WRK_P99} | ${WRK_CPU} ms"
    ROWS+=("${row} | ${WRK_NON2XX} | ${WRK_SOCKET} | ${WRK_OTHER}% | ${WRK_STEAL}% |")
    RESULTS["${config}|${app}|${operation}"]="${WRK_RPS} ${WRK_P99}"
}

# bare_leads: a copy of the seeded leads (same columns, rows, indexes and CHECKs) with database
# defaults for what the bare app does not send, and the workspace foreign key Leadwise's inserts
# also check. Made before any measurement, so it holds the same 100,000 rows.
make_bare_table() {
    psql "${SERVE_DATABASE_URL}" -v ON_ERROR_STOP=1 -q <<'SQL'
CREATE TABLE bare_leads (LIKE leads INCLUDING ALL);
INSERT INTO bare_leads SELECT * FROM leads;
ALTER TABLE bare_leads
    ADD FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    ALTER id SET DEFAULT gen_random_uuid(),
    ALTER created_at SET DEFAULT now(),
    ALTER updated_at SET DEFAULT now(),
    ALTER source_details SET DEFAULT '{}',
    ALTER lifecycle SET DEFAULT 'lead',
    ALTER custom_fields SET DEFAULT '{}',
    ALTER consents SET DEFAULT '{}',
    ALTER do_not_contact SET DEFAULT false,
    ALTER enrichment SET DEFAULT '{}';
ANALYZE bare_leads;
SQL
}

# uvicorn with the same worker count, loop and HTTP parser defaults as `leadwise serve` (no
# access log either), in its own process group like start_server.
start_bare_server() {
    local data_dir="$1" port="$2" workers="$3" workspace_id
    workspace_id="$(psql "${SERVE_DATABASE_URL}" -tAc 'SELECT workspace_id FROM bare_leads LIMIT 1')"
    mkdir -p "${data_dir}"
    (
        cd "${data_dir}"
        export BARE_DATABASE_URL="${SERVE_DATABASE_URL}" BARE_WORKSPACE_ID="${workspace_id}"
        exec setsid "${VENV_BIN}/uvicorn" --app-dir "${ROOT}/bench" bare_app:app \
            --host 127.0.0.1 --port "${port}" --workers "${workers}" --no-access-log \
            --log-level warning >"${data_dir}/server.log" 2>&1
    ) &
    SERVER_PID=$!
}

run_configuration() {
    local database="$1" workers="$2" config base
    config="${database}, ${workers} worker$([[ "${workers}" == 1 ]] || echo s)"
    CONFIGS+=("${config}")
    serve_configuration "${database}" "${workers}"
    seed_leads
    [[ "${database}" != postgresql ]] || make_bare_table
    base="http://127.0.0.1:${PORT}"
    check_code 200 GET "${base}${LIST_PATH}" "${TOKEN}"
    measure "${config}" Leadwise list "${base}${LIST_PATH}" "${TOKEN}"
    measure "${config}" Leadwise create "${base}/api/v1/leads" "${TOKEN}"
    stop_server

    # The bare app needs asyncpg: PostgreSQL only (the targets are set on PostgreSQL).
    [[ "${database}" == postgresql ]] || return 0
    PORT="$(free_port)"
    log "starting the bare app with ${workers} worker(s) on port ${PORT}"
    start_bare_server "${WORK_DIR}/bare-${workers}" "${PORT}" "${workers}"
    wait_for_health "${PORT}" "${WORK_DIR}/bare-${workers}"
    base="http://127.0.0.1:${PORT}"
    check_code 200 GET "${base}/leads?limit=50" ""
    check_code 201 POST "${base}/leads" ""
    measure "${config}" bare list "${base}/leads?limit=50" ""
    measure "${config}" bare create "${base}/leads" ""
    stop_server
}

# --- report ---------------------------------------------------------------------------------

# wrk's latency ("850.00us", "12.34ms", "1.02s") in milliseconds.
to_ms() {
    awk -v t="$1" 'BEGIN {
        if (t ~ /us$/) f = 0.001; else if (t ~ /ms$/) f = 1; else if (t ~ /m$/) f = 60000
        else f = 1000
        sub(/[a-z]+$/, "", t); printf "%.2f", t * f }'
}

# "Leadwise / bare = ratio" for one configuration and operation, or a dash without bare.
ratio_cell() {
    local config="$1" operation="$2" ours theirs _
    read -r ours _ <<<"${RESULTS["${config}|Leadwise|${operation}"]:-0 0}"
    read -r theirs _ <<<"${RESULTS["${config}|bare|${operation}"]:-0 0}"
    if ((theirs == 0)); then
        echo "${ours} / — "
        return
    fi
    echo "${ours} / ${theirs} = $(awk -v a="${ours}" -v b="${theirs}" 'BEGIN { printf "%.2f", a / b }')"
}

# The issue's targets, on PostgreSQL with 2 workers and 32 connections.
targets() {
    local config="postgresql, 2 workers" create_rps bare_rps list_rps list_p99 _ verdict
    if [[ -z "${RESULTS["${config}|Leadwise|list"]:-}" ]]; then
        echo "Targets are set on PostgreSQL with 2 workers: not measured in this run."
        return
    fi
    read -r create_rps _ <<<"${RESULTS["${config}|Leadwise|create"]}"
    read -r bare_rps _ <<<"${RESULTS["${config}|bare|create"]}"
    read -r list_rps list_p99 <<<"${RESULTS["${config}|Leadwise|list"]}"
    echo "| target (PostgreSQL, 2 workers, ${CONNECTIONS} connections) | measured | met |"
    echo "|---|---:|---|"
    verdict="$(awk -v a="${create_rps}" -v b="${bare_rps}" 'BEGIN { print (2 * a >= b) ? "yes" : "no" }')"
    echo "| creates ≥ half the bare app's rate (≥ $((bare_rps / 2)) req/s) | ${create_rps} req/s | ${verdict} |"
    verdict="$( ((list_rps >= 800)) && echo yes || echo no)"
    echo "| lists ≥ 800 req/s | ${list_rps} req/s | ${verdict} |"
    verdict="$(awk -v p="$(to_ms "${list_p99}")" 'BEGIN { print (p < 100) ? "yes" : "no" }')"
    echo "| lists p99 < 100 ms | ${list_p99} | ${verdict} |"
}

write_report() {
    local config
    {
        echo "# Leads benchmark ${STAMP}"
        echo
        machine_summary
        echo "- Data: ${SEED_LEADS} leads in one workspace before the first request (one created" \
            "through the API, the rest inserted by bench/seed_leads.py like it), the list measured" \
            "first; every POST creates a new lead (bench/leads_create.lua)"
        echo "- Load: wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} --latency after a ${WARMUP}" \
            "warm-up; wrk, the server and the database share the same cores"
        echo
        echo "| config | app | endpoint | requests/s | p50 | p99 | server CPU/request | non-2xx |" \
            "socket errors | other CPU | steal |"
        echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        printf '%s\n' "${ROWS[@]}"
        echo
        echo "Requests/s, Leadwise / bare app (bare: PostgreSQL only):"
        echo
        echo "| config | creates | lists |"
        echo "|---|---:|---:|"
        for config in "${CONFIGS[@]}"; do
            echo "| ${config} | $(ratio_cell "${config}" create) | $(ratio_cell "${config}" list) |"
        done
        echo
        targets
        echo
        echo "- bare: bench/bare_app.py, FastAPI + asyncpg (pool of 20 per worker, like Leadwise's),"
        echo "  one INSERT … RETURNING * or one 50-row SELECT per request, no authentication, on"
        echo "  bare_leads, a copy of the seeded leads table."
        echo "- server CPU/request: CPU time (user + system) of all server processes during the"
        echo "  run, divided by the requests wrk completed (less sensitive to other load than"
        echo "  requests/s). PostgreSQL's own CPU is not in it."
        cpu_column_notes
    } >"${REPORT}"
    cat "${REPORT}"
    log "written ${REPORT} (raw wrk output in ${RAW_DIR}/)"
}

main() {
    require_tools
    [[ -x "${VENV_BIN}/uvicorn" ]] || die "${VENV_BIN}/uvicorn not found"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    WORK_DIR="$(mktemp -d -t leadwise-bench.XXXXXX)"
    mkdir -p "${RAW_DIR}"
    use_tree
    wait_for_quiet_machine

    local databases=() database workers
    # LEADWISE_BENCH_DATABASES="postgresql" measures only that one (A/B runs of one change).
    read -r -a databases <<<"${LEADWISE_BENCH_DATABASES:-sqlite ${POSTGRES_URL:+postgresql}}"
    for database in "${databases[@]}"; do
        for workers in ${WORKER_COUNTS}; do
            run_configuration "${database}" "${workers}"
        done
    done
    write_report
}

main "$@"
