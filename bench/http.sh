#!/usr/bin/env bash
# HTTP baseline: requests/s and latency of `leadwise serve` for GET /health (no auth, no DB) and
# GET /api/v1/users/me (JWT + database), with 1 and 2 uvicorn workers, on SQLite and, when
# LEADWISE_BENCH_POSTGRES_URL is set, on PostgreSQL.
#
#   bash bench/http.sh                    # or: make bench
#   LEADWISE_BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test bash bench/http.sh
#
# The PostgreSQL URL only names the server and a database to connect to for CREATE/DROP
# DATABASE: every configuration gets a fresh database, dropped at the end.
#
# Knobs (environment): LEADWISE_BENCH_DURATION (15s), LEADWISE_BENCH_WARMUP (3s),
# LEADWISE_BENCH_THREADS (2), LEADWISE_BENCH_CONNECTIONS (32), LEADWISE_BENCH_WORKERS ("1 2"),
# LEADWISE_BENCH_MAX_LOAD (1.0) and LEADWISE_BENCH_LOAD_WAIT (300 s): wait up to that long for
# the 1-minute load average to drop below the maximum before starting, because the figures are
# meaningless while something else (a test run) is using the cores. LEADWISE_BENCH_TREE=head
# measures the committed HEAD instead of the working tree (bench/lib.sh: use_tree).
#
# Output: the Markdown table on stdout and in bench/out/http-<date>.md, wrk's raw output in
# bench/out/http-<date>/.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPORT="${OUT_DIR}/http-${STAMP}.md"
RAW_DIR="${OUT_DIR}/http-${STAMP}"
ROWS=()

measure() {
    local config="$1" endpoint="$2" url="$3" token="$4" raw
    raw="${RAW_DIR}/$(echo "${config}-${endpoint}" | tr -c 'a-zA-Z0-9-' '_').txt"
    local -a auth=()
    [[ -z "${token}" ]] || auth=(-H "Authorization: Bearer ${token}")
    run_wrk "${config} ${endpoint}" "${raw}" "${url}" "${auth[@]+"${auth[@]}"}"
    local row="| ${config} | \`GET ${endpoint}\` | ${WRK_RPS} | ${WRK_P50} | ${WRK_P99} | ${WRK_CPU} ms"
    ROWS+=("${row} | $((WRK_NON2XX + WRK_SOCKET)) | ${WRK_OTHER}% | ${WRK_STEAL}% |")
}

run_configuration() {
    local database="$1" workers="$2" config
    config="${database}, ${workers} worker$([[ "${workers}" == 1 ]] || echo s)"
    serve_configuration "${database}" "${workers}"
    measure "${config}" /health "http://127.0.0.1:${PORT}/health" ""
    measure "${config}" /api/v1/users/me "http://127.0.0.1:${PORT}/api/v1/users/me" "${TOKEN}"
    stop_server
}

# --- report ---------------------------------------------------------------------------------

write_report() {
    {
        echo "# HTTP baseline ${STAMP}"
        echo
        machine_summary
        echo "- Load: wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} --latency after a ${WARMUP}" \
            "warm-up; wrk, the server and the database share the same cores"
        echo
        echo "| config | endpoint | requests/s | p50 | p99 | server CPU/request | errors |" \
            "other CPU | steal |"
        echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
        printf '%s\n' "${ROWS[@]}"
        echo
        echo "- server CPU/request: CPU time (user + system) of all server processes during the"
        echo "  run, divided by the requests wrk completed (less sensitive to other load than"
        echo "  requests/s)."
        echo "- errors: non-2xx responses plus socket errors reported by wrk."
        cpu_column_notes
    } >"${REPORT}"
    cat "${REPORT}"
    log "written ${REPORT} (raw wrk output in ${RAW_DIR}/)"
}

main() {
    require_tools
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    WORK_DIR="$(mktemp -d -t leadwise-bench.XXXXXX)"
    mkdir -p "${RAW_DIR}"
    use_tree
    wait_for_quiet_machine

    local databases=(sqlite) database workers
    [[ -z "${POSTGRES_URL}" ]] || databases+=(postgresql)
    for database in "${databases[@]}"; do
        for workers in ${WORKER_COUNTS}; do
            run_configuration "${database}" "${workers}"
        done
    done
    write_report
}

# Run only when executed: sourcing this file only defines its functions.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    main "$@"
fi
