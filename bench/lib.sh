#!/usr/bin/env bash
# Helpers shared by the HTTP benchmarks (bench/http.sh, bench/leads.sh, bench/profile.sh):
# settings from the environment, the quiet-machine wait, CPU accounting, starting and stopping
# `leadwise serve` on a fresh data dir or PostgreSQL database, running wrk and reading its
# output. Sourced, never run; the caller sets its own report paths.
#
# Knobs (environment): LEADWISE_BENCH_DURATION (15s), LEADWISE_BENCH_WARMUP (3s),
# LEADWISE_BENCH_THREADS (2), LEADWISE_BENCH_CONNECTIONS (32), LEADWISE_BENCH_WORKERS ("1 2"),
# LEADWISE_BENCH_MAX_LOAD (1.0) and LEADWISE_BENCH_LOAD_WAIT (300 s): wait up to that long for
# the 1-minute load average to drop below the maximum before starting, because the figures are
# meaningless while something else (a test run) is using the cores.
# LEADWISE_BENCH_POSTGRES_URL names a PostgreSQL server and a database to connect to for
# CREATE/DROP DATABASE. LEADWISE_BENCH_TREE=head measures the committed HEAD rather than the
# working tree (see use_tree).
# shellcheck disable=SC2034  # settings and results (WRK_*) are read by the scripts sourcing this
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV_BIN="${ROOT}/.venv/bin"
PYTHON="${VENV_BIN}/python"
LEADWISE="${VENV_BIN}/leadwise"

DURATION="${LEADWISE_BENCH_DURATION:-15s}"
WARMUP="${LEADWISE_BENCH_WARMUP:-3s}"
THREADS="${LEADWISE_BENCH_THREADS:-2}"
CONNECTIONS="${LEADWISE_BENCH_CONNECTIONS:-32}"
WORKER_COUNTS="${LEADWISE_BENCH_WORKERS:-1 2}"
MAX_LOAD="${LEADWISE_BENCH_MAX_LOAD:-1.0}"
LOAD_WAIT="${LEADWISE_BENCH_LOAD_WAIT:-300}"
POSTGRES_URL="${LEADWISE_BENCH_POSTGRES_URL:-}"
TREE="${LEADWISE_BENCH_TREE:-worktree}"

STAMP="$(date +%Y-%m-%d-%H%M%S)"
OUT_DIR="${ROOT}/bench/out"

# State the EXIT trap cleans up: the running server, the temp dir, the PostgreSQL databases.
SERVER_PID=""
WORK_DIR=""
CREATED_DATABASES=()

log() { printf '[bench] %s\n' "$*" >&2; }
die() {
    log "error: $*"
    exit 1
}

# --- prerequisites --------------------------------------------------------------------------

require_tools() {
    command -v wrk >/dev/null || die "wrk is not installed: apt-get install -y wrk"
    command -v curl >/dev/null || die "curl is not installed: apt-get install -y curl"
    [[ -x "${LEADWISE}" ]] || die "${LEADWISE} not found: run 'make run' or install the venv first"
    if [[ -n "${POSTGRES_URL}" ]]; then
        command -v psql >/dev/null || die "psql is not installed: apt-get install -y postgresql-client"
    fi
}

# Wait for other work (tests, builds) to finish: with 2 cores a concurrent pytest halves the
# figures. After LOAD_WAIT seconds run anyway; the "other CPU" column shows what else ran.
wait_for_quiet_machine() {
    local waited=0 load
    while :; do
        load="$(cut -d' ' -f1 /proc/loadavg)"
        if awk -v l="${load}" -v m="${MAX_LOAD}" 'BEGIN { exit !(l < m) }'; then
            log "load average ${load} < ${MAX_LOAD}: starting"
            return
        fi
        if ((waited >= LOAD_WAIT)); then
            log "warning: load average still ${load} after ${LOAD_WAIT}s; running anyway"
            return
        fi
        log "load average ${load} >= ${MAX_LOAD}; waiting (${waited}/${LOAD_WAIT}s)"
        sleep 15
        waited=$((waited + 15))
    done
}

# With LEADWISE_BENCH_TREE=head, the servers and scripts run HEAD's src/ (exported with git
# archive into the temp dir and put first on PYTHONPATH, ahead of the editable install), so that
# someone's edits in progress in src/ neither break the run nor change what it measures. Call
# after WORK_DIR is set. The commit is resolved once, here, for the report: someone may commit
# while the benchmark runs.
MEASURED_COMMIT=""
use_tree() {
    MEASURED_COMMIT="$(git -C "${ROOT}" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    case "${TREE}" in
    worktree) return 0 ;;
    head) ;;
    *) die "LEADWISE_BENCH_TREE must be worktree or head, not ${TREE}" ;;
    esac
    mkdir -p "${WORK_DIR}/head"
    git -C "${ROOT}" archive "${MEASURED_COMMIT}" src | tar -x -C "${WORK_DIR}/head"
    export PYTHONPATH="${WORK_DIR}/head/src${PYTHONPATH:+:${PYTHONPATH}}"
    log "measuring HEAD (${MEASURED_COMMIT}), not the working tree"
}

# CPU ticks as "all busy steal ours server": all = every core's ticks, busy = in processes,
# steal = taken by the hypervisor for other guests, ours = the server's process group, the
# PostgreSQL processes, and this script with its finished children (wrk); server = the server's
# process group alone. Two snapshots around a measurement give the share of the machine that
# *other* work used meanwhile (a concurrent test run on 2 cores halves the figures), the share
# the host did not give us, and the server's CPU time per request, which other load changes
# less than it changes requests/s.
cpu_snapshot() {
    local all busy steal ours server
    # busy: user + nice + system. Interrupts (our loopback traffic) and steal (the hypervisor)
    # are nobody's processes.
    read -r all busy steal < <(awk '/^cpu / {
        for (i = 2; i <= 9; i++) all += $i
        print all, $2 + $3 + $4, $9 }' /proc/stat)
    # /proc/PID/stat after "(comm) ": state ppid pgrp ... utime(12) stime cutime cstime(15)
    # (A process may exit between the glob and cat: not an error.)
    read -r ours server < <({ cat /proc/[0-9]*/stat 2>/dev/null || true; } |
        awk -v group="${SERVER_PID:-0}" -v self="$$" '
        {
            comm = $0; sub(/^[0-9]+ \(/, "", comm); sub(/\) [A-Za-z] .*$/, "", comm)
            rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " ")
        }
        f[3] == group { server += f[12] + f[13] }
        f[3] == group || comm ~ /^postgres/ { sum += f[12] + f[13] }
        $1 == self { sum += f[12] + f[13] + f[14] + f[15] }
        END { print sum + 0, server + 0 }')
    echo "${all} ${busy} ${steal} ${ours} ${server}"
}

# "other steal server": percentages of the machine used by other processes and stolen by the
# host, and the server's CPU milliseconds per request, between two cpu_snapshot outputs.
cpu_shares() {
    local requests="$3"
    local -a before after
    read -r -a before <<<"$1"
    read -r -a after <<<"$2"
    local all=$((after[0] - before[0])) busy=$((after[1] - before[1]))
    local steal=$((after[2] - before[2])) ours=$((after[3] - before[3]))
    local server=$((after[4] - before[4]))
    ((all > 0)) || all=1
    ((requests > 0)) || requests=1
    local other=$((busy - ours))
    ((other > 0)) || other=0
    echo "$((100 * other / all)) $((100 * steal / all))" \
        "$(awk -v t="${server}" -v n="${requests}" -v hz="$(getconf CLK_TCK)" \
            'BEGIN { printf "%.2f", 1000 * t / hz / n }')"
}

# --- servers --------------------------------------------------------------------------------

free_port() {
    "${PYTHON}" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Start `leadwise serve` in its own process group (setsid), so stop_server can signal uvicorn's
# worker processes too, in a throw-away data dir and working directory (no stray .env is read).
start_server() {
    local data_dir="$1" port="$2" workers="$3" database_url="$4"
    mkdir -p "${data_dir}"
    (
        cd "${data_dir}"
        export LEADWISE_DATA_DIR="${data_dir}"
        export LEADWISE_LOG__LEVEL=WARNING
        # One signing key for all worker processes, rather than the one generated in the data dir.
        LEADWISE_SECRET_KEY="$("${PYTHON}" -c 'import secrets; print(secrets.token_urlsafe(48))')"
        export LEADWISE_SECRET_KEY
        if [[ -n "${database_url}" ]]; then
            export LEADWISE_DATABASE_URL="${database_url}"
        else
            unset LEADWISE_DATABASE_URL
        fi
        exec setsid "${LEADWISE}" serve --no-worker --host 127.0.0.1 --port "${port}" \
            --workers "${workers}" >"${data_dir}/server.log" 2>&1
    ) &
    SERVER_PID=$!
}

wait_for_health() {
    local port="$1" data_dir="$2" _
    for _ in $(seq 1 120); do
        if curl -fsS "http://127.0.0.1:${port}/health" >/dev/null 2>&1; then
            return
        fi
        if ! kill -0 "${SERVER_PID}" 2>/dev/null; then
            cat "${data_dir}/server.log" >&2
            die "the server exited during start-up"
        fi
        sleep 0.5
    done
    cat "${data_dir}/server.log" >&2
    die "the server did not answer /health within 60s"
}

# SIGTERM lets uvicorn finish in-flight requests and stop its workers; SIGKILL the whole group
# only if that takes more than 15 s.
stop_server() {
    [[ -n "${SERVER_PID}" ]] || return 0
    local pid="${SERVER_PID}" _
    SERVER_PID=""
    kill -TERM -- "-${pid}" 2>/dev/null || kill -TERM "${pid}" 2>/dev/null || true
    for _ in $(seq 1 30); do
        kill -0 "${pid}" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "${pid}" 2>/dev/null; then
        log "server ${pid} ignored SIGTERM; killing its process group"
        kill -KILL -- "-${pid}" 2>/dev/null || true
    fi
    wait "${pid}" 2>/dev/null || true
}

# --- PostgreSQL -----------------------------------------------------------------------------

# The URL with its database name replaced: postgresql://u@h:p/test?x=y -> .../<name>?x=y
postgres_url_for() {
    local name="$1" base="${POSTGRES_URL%%\?*}" query=""
    [[ "${POSTGRES_URL}" == *\?* ]] && query="?${POSTGRES_URL#*\?}"
    echo "${base%/*}/${name}${query}"
}

create_database() {
    local name="$1"
    psql "${POSTGRES_URL}" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"${name}\"" >/dev/null
    CREATED_DATABASES+=("${name}")
}

drop_databases() {
    local name
    for name in "${CREATED_DATABASES[@]+"${CREATED_DATABASES[@]}"}"; do
        psql "${POSTGRES_URL}" -qc "DROP DATABASE IF EXISTS \"${name}\" WITH (FORCE)" >/dev/null ||
            log "warning: could not drop database ${name}"
    done
    CREATED_DATABASES=()
}

cleanup() {
    stop_server
    if [[ -n "${POSTGRES_URL}" ]]; then drop_databases; fi
    if [[ -n "${WORK_DIR}" ]]; then rm -rf "${WORK_DIR}"; fi
}

# --- measuring ------------------------------------------------------------------------------

# First-run setup creates the owner and returns an access token (valid 15 minutes, longer than
# one configuration takes).
create_owner_token() {
    local port="$1" body
    body="$(curl -fsS -X POST "http://127.0.0.1:${port}/api/v1/setup" \
        -H 'Content-Type: application/json' \
        -d '{"email": "bench@example.com", "password": "bench-Password-123!",
             "workspace_name": "Bench", "full_name": "Bench Owner"}')" ||
        die "POST /api/v1/setup failed"
    "${PYTHON}" -c 'import json, sys; print(json.load(sys.stdin)["data"]["tokens"]["access_token"])' \
        <<<"${body}"
}

# Fail early when the token does not work: wrk would happily measure 401 responses.
check_status() {
    local url="$1" token="$2" code
    code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${token}" "${url}")"
    [[ "${code}" == 200 ]] || die "GET ${url} answered ${code}, not 200"
}

# Pull "Requests/sec", the 50% and 99% latency, the non-2xx count and the socket errors
# (connect, read, write, timeout) out of `wrk --latency`, as "rps|p50|p99|non2xx|socket".
parse_wrk() {
    awk '
        /^ +50%/ { p50 = $2 }
        /^ +99%/ { p99 = $2 }
        /^Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        /Socket errors:/ {
            gsub(",", "")
            socket = $4 + $6 + $8 + $10
        }
        END { printf "%.0f|%s|%s|%d|%d\n", rps, p50, p99, non2xx, socket }
    '
}

# Load URL with wrk (warm-up, then the measured run into the file RAW) and set the WRK_*
# results: WRK_RPS, WRK_P50, WRK_P99, WRK_NON2XX, WRK_SOCKET, WRK_CPU (server CPU ms per
# request), WRK_OTHER and WRK_STEAL (percent of the machine). Further arguments go to wrk
# before the URL (headers, -s script). Every wrk run gets its own LEADWISE_BENCH_RUN, which
# bench/leads_create.lua puts into its emails so that no two runs create the same lead.
WRK_RPS="" WRK_P50="" WRK_P99="" WRK_NON2XX=0 WRK_SOCKET=0 WRK_CPU="" WRK_OTHER=0 WRK_STEAL=0
run_wrk() {
    local label="$1" raw="$2" url="$3"
    shift 3
    local before requests
    # Warm-up: connection pools, imports done lazily, CPU caches; its figures are discarded.
    LEADWISE_BENCH_RUN="$(date +%s%N)" \
        wrk -t"${THREADS}" -c"${CONNECTIONS}" -d"${WARMUP}" "$@" "${url}" >/dev/null
    before="$(cpu_snapshot)"
    log "${label}: wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION}"
    LEADWISE_BENCH_RUN="$(date +%s%N)" \
        wrk -t"${THREADS}" -c"${CONNECTIONS}" -d"${DURATION}" --latency "$@" "${url}" >"${raw}"
    requests="$(awk '/ requests in / { print $1 }' "${raw}")"
    read -r WRK_OTHER WRK_STEAL WRK_CPU < <(cpu_shares "${before}" "$(cpu_snapshot)" "${requests:-0}")
    ((WRK_OTHER < 10)) || log "warning: other processes used ${WRK_OTHER}% of the CPU during this run"
    ((WRK_STEAL < 10)) || log "warning: the hypervisor took ${WRK_STEAL}% of the CPU during this run"
    IFS='|' read -r WRK_RPS WRK_P50 WRK_P99 WRK_NON2XX WRK_SOCKET < <(parse_wrk <"${raw}")
    ((WRK_NON2XX + WRK_SOCKET == 0)) ||
        log "warning: $((WRK_NON2XX + WRK_SOCKET)) errors or non-2xx responses (see ${raw})"
}

# Start a server for DATABASE (sqlite|postgresql) with WORKERS processes on a fresh database,
# create the owner; sets PORT and TOKEN for the caller, and SERVE_DATA_DIR and
# SERVE_DATABASE_URL (empty for SQLite) for scripts that reach the database directly.
PORT=""
TOKEN=""
SERVE_DATA_DIR=""
SERVE_DATABASE_URL=""
serve_configuration() {
    local database="$1" workers="$2" database_url="" data_dir
    data_dir="${WORK_DIR}/${database}-${workers}"
    if [[ "${database}" == postgresql ]]; then
        [[ -n "${POSTGRES_URL}" ]] || die "set LEADWISE_BENCH_POSTGRES_URL for postgresql"
        local name="leadwise_bench_$$_${workers}"
        create_database "${name}"
        database_url="$(postgres_url_for "${name}")"
    fi
    PORT="$(free_port)"
    log "starting ${database} with ${workers} worker(s) on port ${PORT}"
    start_server "${data_dir}" "${PORT}" "${workers}" "${database_url}"
    wait_for_health "${PORT}" "${data_dir}"
    TOKEN="$(create_owner_token "${PORT}")"
    check_status "http://127.0.0.1:${PORT}/api/v1/users/me" "${TOKEN}"
    SERVE_DATA_DIR="${data_dir}"
    SERVE_DATABASE_URL="${database_url}"
}

# --- leads ----------------------------------------------------------------------------------

LEADS_CREATE_LUA="${ROOT}/bench/leads_create.lua"
SEED_LEADS="${LEADWISE_BENCH_SEED_LEADS:-100000}"

# One create through the API, checked for 201: it also creates what the API makes on first use
# (the default pipeline, the company of example.org), which bench/seed_leads.py then copies.
create_first_lead() {
    local port="$1" token="$2" code
    code="$(curl -s -o "${WORK_DIR}/first-lead.json" -w '%{http_code}' \
        -X POST "http://127.0.0.1:${port}/api/v1/leads" \
        -H "Authorization: Bearer ${token}" -H 'Content-Type: application/json' \
        -d '{"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org",
             "source": "api"}')"
    [[ "${code}" == 201 ]] ||
        die "POST /api/v1/leads answered ${code}, not 201: $(cat "${WORK_DIR}/first-lead.json")"
}

# Leads straight into the database of the configuration serve_configuration started, so that
# there are SEED_LEADS in all (with the one create_first_lead made). Runs with the server's
# settings, in its data dir (no stray .env is read).
seed_leads() {
    local started=${SECONDS}
    local -a settings=(LEADWISE_DATA_DIR="${SERVE_DATA_DIR}")
    [[ -z "${SERVE_DATABASE_URL}" ]] || settings+=(LEADWISE_DATABASE_URL="${SERVE_DATABASE_URL}")
    create_first_lead "${PORT}" "${TOKEN}"
    (cd "${SERVE_DATA_DIR}" && env -u LEADWISE_DATABASE_URL "${settings[@]}" \
        "${PYTHON}" "${ROOT}/bench/seed_leads.py" "$((SEED_LEADS - 1))") ||
        die "seeding ${SEED_LEADS} leads failed"
    log "seeded ${SEED_LEADS} leads in $((SECONDS - started))s"
}

# --- report ---------------------------------------------------------------------------------

machine_summary() {
    local cpu commit
    cpu="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
    commit="${MEASURED_COMMIT:-$(git -C "${ROOT}" rev-parse --short HEAD 2>/dev/null || echo unknown)}"
    # Uncommitted changes outside bench/ change what is measured: say so.
    if [[ "${TREE}" == head ]]; then
        commit="${commit} (HEAD as committed: LEADWISE_BENCH_TREE=head)"
    elif [[ -n "$(git -C "${ROOT}" status --porcelain -- . ':(exclude)bench' 2>/dev/null)" ]]; then
        commit="${commit} (with uncommitted changes)"
    fi
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Commit: ${commit}"
    echo "- Machine: $(nproc) cores, ${cpu:-unknown CPU}; $("${PYTHON}" -V)" \
        "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
    echo "- Stack: $("${PYTHON}" -c 'from importlib.metadata import version as v
print(", ".join(f"{p} {v(p)}" for p in ("uvicorn", "uvloop", "fastapi", "sqlalchemy", "asyncpg", "aiosqlite")))')"
    if [[ -n "${POSTGRES_URL}" ]]; then
        echo "- PostgreSQL $(psql "${POSTGRES_URL}" -tAc 'SHOW server_version' 2>/dev/null ||
            echo '?') on the same machine (a fresh database per configuration)"
    fi
}

# The footnotes of the "other CPU" and "steal" columns, shared by the reports.
cpu_column_notes() {
    echo "- other CPU: share of all cores used during the run by processes other than the"
    echo "  server, wrk and PostgreSQL (PostgreSQL work for someone else counts as ours)."
    echo "- steal: share of all cores the hypervisor gave to other guests during the run."
}
