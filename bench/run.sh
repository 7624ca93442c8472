#!/usr/bin/env bash
# The benchmark harness of issue 4 in one command:
#
#   bash bench/run.sh [county|province|both]      (default: county)
#   bash bench/run.sh public    the public report page under 200 readers vs nginx
#
# It installs what it needs from Debian if missing (wrk, nginx, sqlite3,
# psql), builds zhenggai and bench/harness, generates data with
# `zhenggai gen` into a temporary folder (SQLite) and into a fresh
# PostgreSQL database zg_bench_* (dropped afterwards), serves it on
# loopback, loads it with wrk, times the dashboards' SQL in the program and
# bare, and rewrites the section of BENCHMARKS.md between
# <!-- harness:begin --> and <!-- harness:end -->. Every step has a
# timeout; processes, folders and databases are cleaned up on exit.
#
# Knobs (environment):
#   BENCH_DURATION=10s       wrk duration per page
#   BENCH_BACKENDS=sqlite,postgres
#   BENCH_PG=postgres://postgres@127.0.0.1:5432   the PostgreSQL server
#   PROVINCE_UNITS=N         generate the province size with N units
#                            (reported as "province-lite (N units)")
#   BENCH_GROWTH=1           with county: also 2× the units, one unit compared
#   BENCH_GEN_TIMEOUT=40m    time allowed to one `zhenggai gen`
#   BENCH_TIMEOUT=4h         time allowed to the whole run
#   BENCH_OUT=BENCHMARKS.md  the file to rewrite
#   BENCH_RESULTS=/tmp/zhenggai-bench-results   plans and logs, kept
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-county}
if [[ $what == public ]]; then
	# The public report page under 200 readers against nginx (issue 6).
	command -v wrk >/dev/null && command -v nginx >/dev/null || {
		timeout 300 apt-get update -qq
		DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends wrk nginx-light >/dev/null
	}
	work=$(mktemp -d /tmp/zhenggai-bench-public.XXXXXX)
	trap 'rm -rf "$work"' EXIT
	timeout 600 go build -o "$work/zhenggai" ./cmd/zhenggai
	timeout 600 go build -o "$work/harness" ./bench/harness
	timeout 600 "$work/harness" public --bin "$work/zhenggai" --work "$work" --out "${BENCH_OUT:-BENCHMARKS.md}" \
		--duration "${BENCH_DURATION:-10s}" --connections "${BENCH_READERS:-200}"
	exit
fi
case $what in
county) sizes=county ;;
province) sizes=province ;;
both) sizes=county,province ;;
*)
	echo "usage: bash bench/run.sh [county|province|both]" >&2
	exit 2
	;;
esac

backends=${BENCH_BACKENDS:-sqlite,postgres}
pg=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
results=${BENCH_RESULTS:-/tmp/zhenggai-bench-results}/$(date +%Y%m%d-%H%M%S)

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Tools from Debian, only those missing.
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx-light)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v psql >/dev/null || missing+=(postgresql-client)
if ((${#missing[@]})); then
	log "installing ${missing[*]}"
	timeout 300 apt-get update -qq
	DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL: start the machine's cluster if it is not running.
if [[ $backends == *postgres* ]]; then
	hostport=${pg#postgres://}
	hostport=${hostport#*@}
	host=${hostport%%:*}
	port=${hostport##*:}
	port=${port%%/*}
	if ! timeout 10 pg_isready -q -h "$host" -p "$port" 2>/dev/null; then
		if command -v pg_lsclusters >/dev/null; then
			read -r ver name _ < <(pg_lsclusters -h | awk -v p="$port" '$3 == p')
			if [[ -n ${ver:-} ]]; then
				log "starting PostgreSQL $ver/$name"
				timeout 60 pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start || true
			fi
		fi
		timeout 30 bash -c "until pg_isready -q -h '$host' -p '$port'; do sleep 1; done" || {
			echo "PostgreSQL is not running at $host:$port; set BENCH_BACKENDS=sqlite to measure SQLite alone" >&2
			exit 1
		}
	fi
fi

work=$(mktemp -d /tmp/zhenggai-bench.XXXXXX)
harness_pid=
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [[ -n $harness_pid ]] && kill -0 "$harness_pid" 2>/dev/null; then
		kill -TERM "$harness_pid" 2>/dev/null || true
		timeout 30 tail --pid="$harness_pid" -f /dev/null || kill -KILL "$harness_pid" 2>/dev/null || true
	fi
	# The harness drops its databases; this is for a harness that was killed.
	if [[ $backends == *postgres* ]] && [[ -f $work/.started ]]; then
		for db in $(timeout 20 psql -X -At -d "$pg/postgres" -c "SELECT datname FROM pg_database WHERE datname LIKE 'zg\_bench\_%'" 2>/dev/null); do
			timeout 60 psql -X -q -d "$pg/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
		done
	fi
	rm -rf "$work"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "checking that the SQL the harness copies is still the store's"
timeout 300 go test -count=1 -run 'TestStoreSQLUnchanged|TestCopyHasStoreSQL' ./bench/harness >&2

log "building"
timeout 600 go build -o "$work/zhenggai" ./cmd/zhenggai
timeout 600 go build -o "$work/harness" ./bench/harness
if ! "$work/zhenggai" gen --help >/dev/null 2>&1 && ! "$work/zhenggai" --help 2>&1 | grep -q '^ *gen '; then
	echo "this build of zhenggai has no gen command yet (issue 4, item 3)" >&2
	exit 1
fi

growth=true
[[ ${BENCH_GROWTH:-1} == 0 ]] && growth=false
touch "$work/.started"
log "running; plans and logs go to $results"
timeout --signal=TERM --kill-after=60 "${BENCH_TIMEOUT:-4h}" \
	"$work/harness" run \
	--bin "$work/zhenggai" --work "$work" \
	--out "${BENCH_OUT:-BENCHMARKS.md}" --results "$results" \
	--command "bash bench/run.sh $what${PROVINCE_UNITS:+ (PROVINCE_UNITS=$PROVINCE_UNITS)}" \
	--sizes "$sizes" --backends "$backends" --pg "$pg" \
	--duration "${BENCH_DURATION:-10s}" \
	--gen-timeout "${BENCH_GEN_TIMEOUT:-40m}" \
	--province-units "${PROVINCE_UNITS:-0}" \
	--growth="$growth" &
harness_pid=$!
wait "$harness_pid"
