#!/usr/bin/env bash
# Where does a request's time go? Loads one endpoint with wrk and records one API worker with
# py-spy, then buckets the samples (bench/pyspy_summary.py).
#
#   bash bench/profile.sh [sqlite|postgresql] [workers] [[METHOD ]path]
#   LEADWISE_BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test \
#       bash bench/profile.sh postgresql 2 /api/v1/users/me
#   ... bash bench/profile.sh postgresql 2 '/api/v1/leads?limit=50'
#   ... bash bench/profile.sh postgresql 2 'POST /api/v1/leads'
#
# Defaults: sqlite, 1 worker, GET /api/v1/users/me. Under /api/v1/leads the database first gets
# LEADWISE_BENCH_SEED_LEADS (100000; 0 for none) leads as in bench/leads.sh, and POST sends a
# new lead per request (bench/leads_create.lua; the only POST this script knows).
# LEADWISE_BENCH_PROFILE_SECONDS (10) is the recording length; LEADWISE_BENCH_PROFILE_NATIVE=1
# adds C frames (shows syscalls such as write).
# py-spy is a tool, not a project dependency: .venv/bin/pip install py-spy
#
# Output: the summary on stdout and in bench/out/profile-<date>.md, py-spy's raw stacks in
# bench/out/profile-<date>.txt (feed them to flamegraph.pl or speedscope for a picture).
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PROFILE_SECONDS="${LEADWISE_BENCH_PROFILE_SECONDS:-10}"
PROFILE_RAW="${OUT_DIR}/profile-${STAMP}.txt"
PROFILE_REPORT="${OUT_DIR}/profile-${STAMP}.md"

find_py_spy() {
    if [[ -x "${VENV_BIN}/py-spy" ]]; then
        echo "${VENV_BIN}/py-spy"
    elif command -v py-spy >/dev/null; then
        command -v py-spy
    else
        die "py-spy is not installed: ${VENV_BIN}/pip install py-spy"
    fi
}

# The process to record: with one worker uvicorn serves in the `leadwise serve` process itself;
# with more, in children started through multiprocessing's spawn_main (take the first).
worker_pid() {
    local workers="$1" pid
    if [[ "${workers}" == 1 ]]; then
        echo "${SERVER_PID}"
        return
    fi
    pid="$(pgrep -P "${SERVER_PID}" -f spawn_main | head -1 || true)"
    [[ -n "${pid}" ]] || die "no uvicorn worker process found under ${SERVER_PID}"
    echo "${pid}"
}

profile_main() {
    local database="${1:-sqlite}" workers="${2:-1}" request="${3:-/api/v1/users/me}"
    local method=GET path="${request}" py_spy url pid wrk_pid wrk_out seeded=0
    if [[ "${request}" == *" "* ]]; then
        method="${request%% *}" path="${request#* }"
    fi
    local -a script=()
    case "${method} ${path}" in
    "GET "*) ;;
    "POST /api/v1/leads") script=(-s "${LEADS_CREATE_LUA}") ;;
    *) die "${method} ${path}: only GET requests and POST /api/v1/leads can be profiled" ;;
    esac
    require_tools
    py_spy="$(find_py_spy)"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    WORK_DIR="$(mktemp -d -t leadwise-profile.XXXXXX)"
    use_tree
    mkdir -p "${OUT_DIR}"
    wait_for_quiet_machine

    serve_configuration "${database}" "${workers}"
    if [[ "${path}" == /api/v1/leads* ]] && ((SEED_LEADS > 0)); then
        seed_leads
        seeded="${SEED_LEADS}"
    fi
    url="http://127.0.0.1:${PORT}${path}"
    pid="$(worker_pid "${workers}")"
    local -a auth=(-H "Authorization: Bearer ${TOKEN}" "${script[@]+"${script[@]}"}")

    LEADWISE_BENCH_RUN="$(date +%s%N)" \
        wrk -t"${THREADS}" -c"${CONNECTIONS}" -d"${WARMUP}" "${auth[@]}" "${url}" >/dev/null
    # Keep the load on for the whole recording, with a second of margin at both ends.
    wrk_out="${WORK_DIR}/wrk.txt"
    LEADWISE_BENCH_RUN="$(date +%s%N)" \
        wrk -t"${THREADS}" -c"${CONNECTIONS}" -d"$((PROFILE_SECONDS + 2))s" "${auth[@]}" "${url}" \
        >"${wrk_out}" &
    wrk_pid=$!
    sleep 1
    local -a native=()
    [[ "${LEADWISE_BENCH_PROFILE_NATIVE:-0}" != 1 ]] || native=(--native)
    log "recording worker ${pid} for ${PROFILE_SECONDS}s under ${method} ${path} load"
    "${py_spy}" record --pid "${pid}" --duration "${PROFILE_SECONDS}" --rate 100 --format raw \
        "${native[@]+"${native[@]}"}" --output "${PROFILE_RAW}" >/dev/null 2>&1
    wait "${wrk_pid}"

    {
        echo "# py-spy profile ${STAMP}: ${method} ${path}, ${database}, ${workers} worker(s)"
        echo
        machine_summary
        ((seeded == 0)) || echo "- Data: ${seeded} leads seeded before the load (bench/seed_leads.py)"
        echo "- Recorded: worker pid ${pid}, ${PROFILE_SECONDS}s at 100 Hz${native[*]+" (--native)"}," \
            "under" \
            "wrk -t${THREADS} -c${CONNECTIONS}:" \
            "$(awk '/^Requests\/sec:/ { print $2 }' "${wrk_out}") requests/s with the profiler" \
            "attached ($(awk '/Non-2xx/ { print $NF }' "${wrk_out}" | grep . || echo 0) non-2xx)"
        echo
        "${PYTHON}" "${ROOT}/bench/pyspy_summary.py" "${PROFILE_RAW}"
    } >"${PROFILE_REPORT}"
    cat "${PROFILE_REPORT}"
    log "written ${PROFILE_REPORT} (raw stacks in ${PROFILE_RAW})"
}

profile_main "$@"
