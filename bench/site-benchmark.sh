#!/usr/bin/env bash
# The whole site against the seeds' own stack, side by side in one run: our local topology (gateway-1/2 -> web-1..3
# -> app-1..3 -> MariaDB primary + replicas) and HAProxy 2.6 (Debian) in front of three nginx 1.22 (Debian) as the
# three web servers, in front of the *same* application servers and databases. Both answer HTTPS for
# www.foobar.com with the same certificate; both take mutual TLS on every internal hop (HAProxy -> nginx with a
# gateway tier certificate, nginx -> app-N with web-N's), keep-alive everywhere. Two requests: GET
# /api/posts?limit=20 (a 20-post timeline read) and GET / (the static page). After a warm-up, interleaved rounds
# (ours, theirs, ours, theirs ..., for each request), medians; each round also reads every process's CPU time from
# /proc/PID/stat, summed per tier (ours: gateways, web servers, app servers, databases; theirs: HAProxy, nginx
# masters and workers, the same app servers and databases). Prints Markdown tables of the medians and of every
# round, and checks issue 16's targets (API >= 0.75x theirs' req/s, front tiers' CPU per API request <= 3x,
# static >= 0.3x, app CPU per 20-post read <= 0.6 ms) as PASS/MISS.
#
# Usage: bench/site-benchmark.sh [--root DIR] [--quick] [--rounds N] [--duration S] [--warmup S] [--warmup-max S]
#          [--connections N] [--threads N] [--accept-encoding VALUE] [--peer-access-log auto|on|off]
#          [--restart-topology] [--no-start] [--keep]
#   or as environment variables: BENCH_ROOT=DIR BENCH_ROUNDS=3 BENCH_DURATION=30 BENCH_WARMUP=240
#   BENCH_WARMUP_MAX=600 BENCH_CONNECTIONS=16 BENCH_THREADS=1 BENCH_ACCEPT_ENCODING= BENCH_PEER_ACCESS_LOG=auto
#   BENCH_HAPROXY_PORT=19443 BENCH_NGINX_PORT=19101 (web server N on BENCH_NGINX_PORT + N - 1).
#   --root DIR: the repository whose topology is measured (default: the one this script is in). Its running
#     topology (`./foobar status --json`) is used as it is; when none runs, the script starts one with
#     `FOOBAR_GATEWAY_RATELIMIT_ENABLED=false ./foobar up` and stops it at the end with `./foobar down`. A running
#     one with the per-IP rate limit on is refused (it answers 429 to a one-address load test), with the commands to
#     restart it; --restart-topology does that restart itself (and leaves the new topology running at the end, as
#     it found one running). --no-start: never start or restart one, fail instead. Seeds demo posts
#     (`./foobar seed`) when the timeline has fewer than 20.
#   --warmup S / --warmup-max S: not counted; cycles of the four loads (ours and theirs, API and static, the same
#     wrk settings, slices of 15 s) for at least S s in all (default 240), then on until the JIT compiler threads of
#     our JVMs use under 5 % of those JVMs' CPU in a cycle, for at most --warmup-max s (default 600).
#   --quick: a smoke check for CI (1 round of 5 s per request and stack after a 12 s warm-up), about a minute plus
#     the topology's start; its figures mean nothing (the JVMs are still being compiled).
#   --connections N / --threads N: wrk -cN / -tN (default -t1 -c16, as issue 16 measured).
#   --accept-encoding VALUE: an Accept-Encoding header on every request (default: none, as wrk sends; e.g. "br,
#     gzip" to get the precompressed variants as a browser would).
#   --peer-access-log: whether HAProxy and nginx write an access line per request (Debian's defaults do). auto
#     (default): as the topology does, i.e. off when its nodes run with FOOBAR_OBSERVABILITY_ACCESSLOG_ENABLED=false.
#   --keep: keep the temporary folder (configuration, logs, every wrk output); kept anyway when requests failed.
# Defaults (3 rounds of 30 s after 4-10 minutes of warm-up) take 10-16 minutes. Installs haproxy, nginx, wrk, jq
# (and nginx's brotli_static module when Debian has it) with apt-get when missing. Everything the script starts is
# stopped by its pid on exit, Ctrl-C included. Exit status: 0 when every measured request got a 2xx answer
# (whatever the targets say), 1 otherwise or when the topology cannot be used. See docs/benchmarks.md ("The whole
# site against the seeds' stack").
set -euo pipefail
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
bench_dir="$(cd "$(dirname "$0")" && pwd)"
command_line=("$0" "$@")
root="${BENCH_ROOT:-$(cd "$bench_dir/.." && pwd)}"

rounds="${BENCH_ROUNDS:-3}"; duration="${BENCH_DURATION:-30}"; warmup="${BENCH_WARMUP:-240}"; warmup_max="${BENCH_WARMUP_MAX:-600}"
connections="${BENCH_CONNECTIONS:-16}"; threads="${BENCH_THREADS:-1}"; accept_encoding="${BENCH_ACCEPT_ENCODING:-}"
peer_access_log="${BENCH_PEER_ACCESS_LOG:-auto}"
haproxy_port="${BENCH_HAPROXY_PORT:-19443}"; nginx_port="${BENCH_NGINX_PORT:-19101}"
warmup_slice=15; idle_seconds=10
keep=false; restart=false; may_start=true
while (($#)); do
  case "$1" in
    --root) root="$(cd "$2" && pwd)"; shift ;;
    --quick) rounds=1; duration=5; warmup=12; warmup_max=12; warmup_slice=3; idle_seconds=2 ;;
    --rounds) rounds="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --warmup-max) warmup_max="$2"; shift ;;
    --connections) connections="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    --accept-encoding) accept_encoding="$2"; shift ;;
    --peer-access-log) peer_access_log="$2"; shift ;;
    --restart-topology) restart=true ;;
    --no-start) may_start=false ;;
    --keep) keep=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$peer_access_log" in auto|on|off) ;; *) echo "--peer-access-log must be auto, on or off" >&2; exit 2 ;; esac
((warmup_max >= warmup)) || warmup_max=$warmup
[[ -x "$root/foobar" ]] || { echo "$root has no ./foobar: --root must name a foobar-infra checkout" >&2; exit 2; }
tls="$root/.foobar/tls"
static="$root/web-service/target/classes/static"
cd "$root"

progress() { echo "# $(date -u +%T) $*" >&2; }
requests=(api static)
declare -A request_paths=([api]='/api/posts?limit=20' [static]=/)
declare -A request_labels=([api]='`GET /api/posts?limit=20`' [static]='`GET /` (static page)')
stacks=(ours theirs)

# --- Tools: Debian's packages when missing. -------------------------------------------------------------------
as_root=(); ((EUID == 0)) || as_root=(sudo)
apt_install() { # $@ = packages; apt-get update only when the first try fails (stale or empty lists)
  "${as_root[@]}" apt-get install -y --no-install-recommends "$@" >&2 \
    || { "${as_root[@]}" apt-get update >&2 && "${as_root[@]}" apt-get install -y --no-install-recommends "$@" >&2; }
}
missing=()
for tool in haproxy:haproxy nginx:nginx wrk:wrk jq:jq curl:curl ss:iproute2; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if ((${#missing[@]})); then progress "installing ${missing[*]} with apt-get"; apt_install "${missing[@]}"; fi
# brotli_static is not in Debian's nginx itself; bookworm packages it as a dynamic module. Without it nginx serves
# the .gz variants only (wrk asks for no encoding unless --accept-encoding says so).
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if [[ ! -f "$brotli_module" ]]; then
  progress "installing libnginx-mod-http-brotli-static with apt-get (optional)"
  apt_install libnginx-mod-http-brotli-static || true
fi
if [[ -f "$brotli_module" ]]; then brotli="brotli_static on (Debian's libnginx-mod-http-brotli-static)"
else brotli="no brotli_static (libnginx-mod-http-brotli-static is not installable here): .gz variants only"; fi
[[ -d "$static" ]] || { echo "no $static: build web-service first (./mvnw -q -pl web-service -am package -DskipTests)" >&2; exit 1; }
for port in "$haproxy_port" "$nginx_port" $((nginx_port + 1)) $((nginx_port + 2)); do
  if [[ -n "$(ss -Htln "sport = :$port")" ]]; then echo "port $port is in use; stop what listens there first (or set BENCH_HAPROXY_PORT / BENCH_NGINX_PORT)" >&2; exit 1; fi
done

# --- Processes started here, stopped by pid on any exit (Ctrl-C included); a topology started here by ./foobar down.
work="$(mktemp -d /tmp/site-bench.XXXXXX)"
chmod 755 "$work" # nginx's workers run as nobody when started by root, and read and write under here
declare -A pids=(); started=() # name -> pid; names in start order
topology_started=false
stop_pid() { # $1 = pid: TERM, up to 15 s to exit, then KILL
  local pid="$1" deadline=$((SECONDS + 15))
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do # in reverse order: HAProxy before its web servers
    progress "stopping ${started[i]} (pid ${pids[${started[i]}]})"; stop_pid "${pids[${started[i]}]}"
  done
  if [[ "$topology_started" == true ]]; then progress "stopping the topology this script started (./foobar down)"; ./foobar down >&2 || true; fi
  if [[ "$keep" == true ]]; then progress "logs, configuration and wrk output kept in $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Our topology: the running one, or one started here with the rate limit off. --------------------------------
topology_json() { ./foobar status --json 2> "$work/status.err" || true; }
start_topology() {
  progress "starting the topology: FOOBAR_GATEWAY_RATELIMIT_ENABLED=false ./foobar up (in $root)"
  FOOBAR_GATEWAY_RATELIMIT_ENABLED=false ./foobar up >&2 || { echo "./foobar up failed (see above)" >&2; exit 1; }
}
rate_limit_of() { # $1 = a gateway's pid: on, off or unknown (its environment or command line turns it off)
  local environment cmdline
  environment="$(tr '\0' '\n' < "/proc/$1/environ" 2>/dev/null)" || { echo unknown; return; }
  cmdline="$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null)"
  if grep -qix 'FOOBAR_GATEWAY_RATELIMIT_ENABLED=false' <<< "$environment" \
      || grep -qi -- '-Dfoobar.gateway.rate-limit.enabled=false' <<< "$cmdline"; then echo off; else echo on; fi
}
status="$(topology_json)"
jq -e .nodes <<< "$status" > /dev/null 2>&1 \
  || { echo "./foobar status --json in $root gave no status document:" >&2; cat "$work/status.err" >&2; exit 1; }
if [[ "$(jq '.nodes | length' <<< "$status")" == 0 ]]; then
  [[ "$may_start" == true ]] || { echo "no topology runs in $root (./foobar status --json: no nodes), and --no-start says not to start one" >&2; exit 1; }
  start_topology; topology_started=true; status="$(topology_json)"
fi
unhealthy="$(jq -r '[.nodes[] | select(.healthy | not) | .name] | join(", ")' <<< "$status")"
[[ -z "$unhealthy" ]] || { echo "the topology in $root is not healthy ($unhealthy down; ./foobar status); try again once it is" >&2; exit 1; }
gateway_pids=($(jq -r '.nodes[] | select(.role == "gateway") | .pid' <<< "$status"))
limited=""
for pid in "${gateway_pids[@]}"; do [[ "$(rate_limit_of "$pid")" == on ]] && limited+=" $pid"; done
if [[ -n "$limited" ]]; then
  if [[ "$restart" != true || "$may_start" != true ]]; then
    cat >&2 <<EOF
The topology in $root runs with the gateways' per-IP rate limit on (pids$limited): it answers 429 to most of a
load test from one address. Restart it with the limit off, then run this again:
  (cd $root && ./foobar down && FOOBAR_GATEWAY_RATELIMIT_ENABLED=false ./foobar up && ./foobar seed)
or let this script do that restart: ${command_line[*]} --restart-topology (the new topology stays running afterwards).
EOF
    exit 1
  fi
  progress "the topology runs with the per-IP rate limit on; restarting it with the limit off (--restart-topology)"
  ./foobar down >&2; start_topology; status="$(topology_json)"
  gateway_pids=($(jq -r '.nodes[] | select(.role == "gateway") | .pid' <<< "$status"))
fi
for pid in "${gateway_pids[@]}"; do
  [[ "$(rate_limit_of "$pid")" == unknown ]] && progress "cannot read gateway pid $pid's environment: assuming its rate limit is off (429s would show as errors)"
done
declare -A tier_pids=([ours:balancer]="" [ours:web]="" [ours:app]="" [ours:db]="") # "ours:web" etc. -> space-separated pids
declare -A node_of_pid=()
while read -r name role pid; do
  case "$role" in gateway) tier=balancer ;; web) tier=web ;; app) tier=app ;; db-*) tier=db ;; *) tier="" ;; esac
  [[ -n "$tier" ]] || { progress "node $name has role $role, not counted in any tier"; continue; }
  tier_pids[ours:$tier]+="$pid "; node_of_pid[$pid]="$name"
done < <(jq -r '.nodes[] | "\(.name) \(.role) \(.pid)"' <<< "$status")
tier_pids[theirs:app]="${tier_pids[ours:app]}"; tier_pids[theirs:db]="${tier_pids[ours:db]}"
gateway_port="$(jq -r '[.nodes[] | select(.role == "gateway") | .ports.https][0]' <<< "$status")"
app_ports=($(jq -r '.nodes[] | select(.role == "app") | .ports.http' <<< "$status"))
counts="$(jq -r '[([.nodes[] | select(.role == "gateway")] | length), ([.nodes[] | select(.role == "web")] | length), (.nodes | map(select(.role == "app")) | length)] | join(" ")' <<< "$status")"
# Three nginx stand for three web servers, each in front of its own application server.
[[ "$counts" != 0\ * && "$counts" != *\ 0\ * && "${#app_ports[@]}" == 3 ]] || {
  read -r g w a <<< "$counts"
  echo "the topology in $root has $g gateways, $w web servers and $a application servers (./foobar status; still starting?):" \
    "this compares the whole topology, with three application servers, against HAProxy and three nginx" >&2; exit 1; }
# Checked only now: a fresh clone has no certificates until the topology it starts has made them.
for file in www.foobar.com.crt www.foobar.com.key dev-ca.crt internal/app-ca.crt internal/web-ca.crt \
    internal/gateway-ca.crt internal/gateway-1.crt internal/web-1.crt; do
  [[ -f "$tls/$file" ]] || missing_tls="$tls/$file"
done
[[ -z "${missing_tls:-}" ]] || { echo "no $missing_tls: the topology's certificates are not where ./foobar up writes them" >&2; exit 1; }

# Settings the topology's service nodes share in their environment (what `VAR=... ./foobar up` passed through,
# and the launcher's own common ones): they change the figures, so they go in the report.
common_settings="$(for pid in ${tier_pids[ours:balancer]} ${tier_pids[ours:web]} ${tier_pids[ours:app]}; do
    tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -E '^(FOOBAR_|JAVA_TOOL_OPTIONS=|JDK_JAVA_OPTIONS=)' \
      | grep -vE '^[^=]*(PASSWORD|SECRET|TOKEN)' | sort -u
  done | sort | uniq -c | awk -v n="$(wc -w <<< "${tier_pids[ours:balancer]} ${tier_pids[ours:web]} ${tier_pids[ours:app]}")" \
    '$1 == n {print $2}' | tr '\n' ' ')"
if [[ "$peer_access_log" == auto ]]; then
  peer_access_log=on
  grep -qi 'FOOBAR_OBSERVABILITY_ACCESSLOG_ENABLED=false' <<< "$common_settings" && peer_access_log=off
fi

# The site's name must reach 127.0.0.1 for wrk (which sends the URL's host as SNI and Host); without an
# /etc/hosts entry, wrk goes to 127.0.0.1 with a Host header (both front sides accept it) and curl uses --resolve.
host=www.foobar.com
if getent hosts "$host" | awk '{print $1}' | grep -qx '127\.[0-9.]*' && [[ "${BENCH_HOST_RESOLVE:-auto}" != ip ]]; then
  url_host="$host"; host_header=()
else
  url_host=127.0.0.1; host_header=(-H "Host: $host")
fi
declare -A front_ports=([ours]="$gateway_port" [theirs]="$haproxy_port")
site_curl() { # $1 = stack, $2 = path, then curl's options; verifies the site certificate against the dev CA
  local stack="$1" path="$2"; shift 2
  curl -s --max-time 10 --cacert "$tls/dev-ca.crt" --resolve "$host:${front_ports[$stack]}:127.0.0.1" "$@" \
    "https://$host:${front_ports[$stack]}$path"
}
post_count() { site_curl ours '/api/posts?limit=20' | jq 'if type == "array" then length else 0 end' 2>/dev/null || echo 0; }
if (($(post_count) < 20)); then
  progress "fewer than 20 posts on the timeline: seeding demo posts (./foobar seed)"
  ./foobar seed >&2
  (($(post_count) >= 20)) || { echo "still fewer than 20 posts after ./foobar seed" >&2; exit 1; }
fi

# --- The seeds' stack: three nginx web servers, HAProxy in front. --------------------------------------------
mkdir -p "$work/tls"
cat "$tls/www.foobar.com.crt" "$tls/www.foobar.com.key" > "$work/tls/www.foobar.com.pem"
cat "$tls/internal/gateway-1.crt" "$tls/internal/gateway-1.key" > "$work/tls/gateway-1.pem"
chmod 600 "$work/tls/"*.pem
if [[ "$peer_access_log" == on ]]; then
  nginx_access_log="access_log @WORK@/nginx-@N@/access.log combined;"
  haproxy_log_global="log stdout format raw local0"; haproxy_log_defaults="log global\n    option httplog"
else
  nginx_access_log="access_log off;"; haproxy_log_global="# no access log (--peer-access-log off)"; haproxy_log_defaults="# no access log"
fi
if [[ -f "$brotli_module" ]]; then brotli_load="load_module $brotli_module;"; brotli_static="brotli_static on;"
else brotli_load="# no brotli module"; brotli_static="# no brotli_static: Debian's libnginx-mod-http-brotli-static is missing"; fi
fill_in() { # $1 = template, $2 = web server number (nginx); the @NAME@ placeholders the templates use
  local n="${2:-0}" a b
  a=$(( (n % 3) + 1 )); b=$(( ((n + 1) % 3) + 1 )) # the other two application servers, as backups
  sed -e "s|@ACCESS_LOG@|$nginx_access_log|g" -e "s|@LOG_GLOBAL@|$haproxy_log_global|g" \
    -e "s|@LOG_DEFAULTS@|$haproxy_log_defaults|g" -e "s|@BROTLI_MODULE@|$brotli_load|g" \
    -e "s|@BROTLI_STATIC@|$brotli_static|g" -e "s|@WORK@|$work|g" -e "s|@TLS@|$tls|g" -e "s|@STATIC@|$static|g" \
    -e "s|@N@|$n|g" -e "s|@NGINX_PORT@|$((nginx_port + n - 1))|g" -e "s|@HAPROXY_PORT@|$haproxy_port|g" \
    -e "s|@NGINX_PORT_1@|$nginx_port|g" -e "s|@NGINX_PORT_2@|$((nginx_port + 1))|g" -e "s|@NGINX_PORT_3@|$((nginx_port + 2))|g" \
    -e "s|@APP_PORT@|${app_ports[n - 1]:-0}|g" -e "s|@BACKUP_PORT_A@|${app_ports[a - 1]}|g" -e "s|@BACKUP_PORT_B@|${app_ports[b - 1]}|g" "$1"
}
await() { # $1 = name, $2 = pid, $3 = seconds allowed, then a command that succeeds when ready
  local name="$1" pid="$2" deadline=$((SECONDS + $3)); shift 3
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || { echo "$name (pid $pid) exited while starting; its log:" >&2; cat "$work/$name.log" >&2; exit 1; }
    ((SECONDS < deadline)) || { echo "$name not ready after $3 s; its log:" >&2; tail -50 "$work/$name.log" >&2; exit 1; }
    sleep 0.2
  done
}
nginx_ready() { # $1 = N: answers / over mutual TLS as HAProxy would call it
  curl -sf -o /dev/null --max-time 2 --cert "$tls/internal/gateway-1.crt" --key "$tls/internal/gateway-1.key" \
    --cacert "$tls/internal/web-ca.crt" --resolve "web-$1:$((nginx_port + $1 - 1)):127.0.0.1" "https://web-$1:$((nginx_port + $1 - 1))/healthz"
}
for n in 1 2 3; do
  mkdir -p "$work/nginx-$n/tmp"
  fill_in "$bench_dir/site-benchmark/nginx.conf" "$n" > "$work/nginx-$n/nginx.conf"
  nginx -p "$work/nginx-$n" -e "$work/nginx-$n/error.log" -c "$work/nginx-$n/nginx.conf" > "$work/nginx-$n.log" 2>&1 &
  pids[nginx-$n]=$!; started+=("nginx-$n")
done
for n in 1 2 3; do await "nginx-$n" "${pids[nginx-$n]}" 10 nginx_ready "$n"; done
progress "nginx-1..3 ready on ports $nginx_port-$((nginx_port + 2)) (pids ${pids[nginx-1]} ${pids[nginx-2]} ${pids[nginx-3]})"
fill_in "$bench_dir/site-benchmark/haproxy.cfg" > "$work/haproxy.cfg"
haproxy -c -q -f "$work/haproxy.cfg" || { echo "HAProxy refuses $work/haproxy.cfg (above)" >&2; keep=true; exit 1; }
haproxy -db -f "$work/haproxy.cfg" > "$work/haproxy.log" 2>&1 &
pids[haproxy]=$!; started+=(haproxy)
await haproxy "${pids[haproxy]}" 10 site_curl theirs / -f -o /dev/null
progress "HAProxy ready on port $haproxy_port (pid ${pids[haproxy]})"
tier_pids[theirs:balancer]="${pids[haproxy]}"
nginx_pids() { # the nginx masters and their workers, read again each time (a worker that died is replaced)
  local n
  for n in 1 2 3; do echo -n "${pids[nginx-$n]} $(ps -o pid= --ppid "${pids[nginx-$n]}" | tr '\n' ' ')"; done
}

# Both stacks answer both requests with a 2xx; the API read returns 20 posts; theirs goes round the three nginx and
# each nginx reaches its own application server (the app's X-Served-By), as web-N prefers app-N.
for stack in "${stacks[@]}"; do
  for request in "${requests[@]}"; do
    code="$(site_curl "$stack" "${request_paths[$request]}" -o "$work/check-$stack-$request" -w '%{http_code}')"
    [[ "$code" == 2* ]] || { echo "$stack: GET ${request_paths[$request]} answered $code" >&2; exit 1; }
  done
  count="$(jq length "$work/check-$stack-api")"
  ((count == 20)) || { echo "$stack: GET /api/posts?limit=20 returned $count posts, not 20" >&2; exit 1; }
done
seen="$(for i in 1 2 3 4 5 6; do site_curl theirs '/api/posts?limit=20' -D - -o /dev/null; done | tr -d '\r' \
  | awk '/^HTTP\// {web = ""; app = ""} tolower($1) == "x-web-server:" {web = $2} tolower($1) == "x-served-by:" {app = $2}
         /^$/ && web != "" {pairs[web " " app]++} END {for (p in pairs) print p}' | sort | tr '\n' ',')"
[[ "$seen" == "nginx-1 app-1,nginx-2 app-2,nginx-3 app-3," ]] \
  || { echo "HAProxy -> nginx -> app check failed (web server and app server seen): $seen" >&2; keep=true; exit 1; }
progress "both stacks answer; HAProxy goes round nginx-1..3, each to its own app server"

# --- Load. ---------------------------------------------------------------------------------------------------
ticks_per_second="$(getconf CLK_TCK)"
stat_fields() { sed 's/^.*) //' "/proc/$1/stat"; } # the fields after the command name, which may hold spaces
cpu_ticks() { # $@ = pids: their utime + stime summed (all threads); fails when one is gone
  local pid ticks=0 fields
  for pid in "$@"; do
    fields="$(stat_fields "$pid" 2>/dev/null)" || { echo "gone:$pid"; return; }
    ticks=$((ticks + $(awk '{print $12 + $13}' <<< "$fields")))
  done
  echo "$ticks"
}
jit_ticks() { # $@ = JVM pids: utime + stime of their JIT compiler threads
  local pid task ticks=0
  for pid in "$@"; do
    for task in /proc/"$pid"/task/*; do
      [[ "$(cat "$task/comm" 2>/dev/null)" == C[12]\ Compiler* ]] || continue
      ticks=$((ticks + $(sed 's/^.*) //' "$task/stat" 2>/dev/null | awk '{print $12 + $13}')))
    done
  done
  echo "$ticks"
}
tiers=(balancer web app db)
declare -A tier_labels=([ours:balancer]="gateways" [ours:web]="web servers" [theirs:balancer]="HAProxy" [theirs:web]="nginx")
pids_of() { # $1 = stack, $2 = tier
  if [[ "$1:$2" == theirs:web ]]; then nginx_pids; else echo "${tier_pids[$1:$2]}"; fi
}
gone_check() { # $1 = cpu_ticks' answer: stop with a clear message when a process of either stack is gone
  [[ "$1" == gone:* ]] || return 0
  local pid="${1#gone:}"
  echo "pid $pid (${node_of_pid[$pid]:-HAProxy or nginx}) is gone: the topology was stopped or restarted during the run (./foobar status)" >&2
  keep=true; exit 1
}
to_ms() { # wrk's 1.23ms / 456.00us / 1.02s / 1.00m
  awk -v v="$1" 'BEGIN {n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n}'
}
wrk_headers=("${host_header[@]}")
[[ -z "$accept_encoding" ]] || wrk_headers+=(-H "Accept-Encoding: $accept_encoding")
# A request slower than 10 s counts as a socket error (wrk's default is 2 s, below the site's own timeouts).
wrk_options=("-t$threads" "-c$connections" --timeout 10s --latency)
declare -A results=() # "request:stack" -> lines "round req/s p50 p99 non2xx socket_errors cpu_ms(balancer web app db front) requests"
run_wrk() { # $1 = stack, $2 = request, $3 = seconds, $4 = output file, $5 = round (or "warmup": sets last_rps)
  local stack="$1" request="$2" out="$4" tier before=() after=() t0 t1 value
  for tier in "${tiers[@]}"; do value="$(cpu_ticks $(pids_of "$stack" "$tier"))"; gone_check "$value"; before+=("$value"); done
  wrk "${wrk_options[@]}" "-d${3}s" "${wrk_headers[@]}" "https://$url_host:${front_ports[$stack]}${request_paths[$request]}" > "$out"
  for tier in "${tiers[@]}"; do value="$(cpu_ticks $(pids_of "$stack" "$tier"))"; gone_check "$value"; after+=("$value"); done
  local rps requests non2xx socket_errors p50 p99
  rps="$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")"
  requests="$(awk '/ requests in / {print $1}' "$out")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {n += $NF} END {print n + 0}' "$out")"
  socket_errors="$(awk '/Socket errors:/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$out")"
  if [[ "$5" == warmup ]]; then
    last_rps="$rps"; warmup_errors=$((warmup_errors + non2xx + socket_errors)); return 0
  fi
  p50="$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")"
  local line
  line="$(awk -v req="${requests:-0}" -v hz="$ticks_per_second" -v b="$((after[0] - before[0]))" -v w="$((after[1] - before[1]))" \
    -v a="$((after[2] - before[2]))" -v d="$((after[3] - before[3]))" \
    'function ms(t) {return req ? t / hz * 1000 / req : 0}
     BEGIN {printf "%.3f %.3f %.3f %.3f %.3f", ms(b), ms(w), ms(a), ms(d), ms(b + w)}')"
  results[$request:$stack]+="$5 $rps $p50 $p99 $non2xx $socket_errors $line ${requests:-0}"$'\n'
  read -r cb cw ca cd _ <<< "$line"
  progress "round $5, $request, $stack: $rps req/s, p50 $p50 ms, p99 $p99 ms, non-2xx $non2xx, socket errors $socket_errors;" \
    "CPU ms/request: ${tier_labels[$stack:balancer]} $cb, ${tier_labels[$stack:web]} $cw, app servers $ca, databases $cd"
}

java_version="$("$JAVA_HOME/bin/java" -version 2>&1 | awk 'NR == 1')"
haproxy_version="$(haproxy -v | awk 'NR == 1 {print $3}')"
nginx_version="$(nginx -v 2>&1 | awk '{print $3}')"
echo "# bench/site-benchmark.sh: $(date -u '+%F %T UTC'), $(hostname), nproc=$(nproc)," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME")"
echo "# HAProxy $haproxy_version, $nginx_version, $(wrk -v 2>&1 | awk 'NR == 1 {print $1, $2}'), $java_version"
echo "# topology: $root at $(git -C "$root" rev-parse --short HEAD 2>/dev/null)$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' + uncommitted changes')," \
  "$( [[ "$topology_started" == true ]] && echo "started by this script" || echo "already running" ), gateways on port $gateway_port"
echo "# topology settings (the environment its gateway, web and app nodes share): ${common_settings:-none}"
echo "# peer: HAProxy on $haproxy_port (TLS 1.2/1.3, round robin, keep-alive, http-reuse always, health checks 1 s)" \
  "-> mutual TLS -> nginx-1..3 on $nginx_port-$((nginx_port + 2)) (static files from web-service's build, gzip_static;" \
  "$brotli; /api/ -> mutual TLS, upstream keep-alive -> app-N); access lines: $peer_access_log"
echo "# wrk ${wrk_options[*]} -dNs$( ((${#wrk_headers[@]})) && printf ' %q' "${wrk_headers[@]}") https://$url_host:PORT/PATH"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$work/wrk"
jvm_pids=(${tier_pids[ours:balancer]} ${tier_pids[ours:web]} ${tier_pids[ours:app]})
progress "warm-up, not counted: cycles of ${warmup_slice} s per stack and request for at least ${warmup} s in all, then" \
  "until the JIT compilers use under 5 % of our JVMs' CPU in a cycle, at most ${warmup_max} s"
warm=0; warmup_errors=0; jit_share=100
while ((warm < warmup_max)); do
  jvm_before="$(cpu_ticks "${jvm_pids[@]}")"; gone_check "$jvm_before"; jit_before="$(jit_ticks "${jvm_pids[@]}")"
  figures=""
  for request in "${requests[@]}"; do
    for stack in "${stacks[@]}"; do
      run_wrk "$stack" "$request" "$warmup_slice" "$work/wrk/warmup-$warm-$request-$stack.txt" warmup
      figures+=" $request/$stack $last_rps req/s,"
    done
  done
  jvm_after="$(cpu_ticks "${jvm_pids[@]}")"; gone_check "$jvm_after"; jit_after="$(jit_ticks "${jvm_pids[@]}")"
  jit_share=$(( (jvm_after - jvm_before) ? 100 * (jit_after - jit_before) / (jvm_after - jvm_before) : 0 ))
  warm=$((warm + 4 * warmup_slice))
  progress "warm-up ${warm} s:${figures} JIT compilers at ${jit_share} % of our JVMs' CPU"
  ((warm >= warmup && jit_share < 5)) && break
done
warmed_up="$warm s (JIT compiler threads at $jit_share % of our JVMs' CPU in the last cycle; $warmup_errors failed requests during it)"
# What each tier spends with no load from here (health checks, metrics, timers; or someone else's load): it is in
# every per-request figure, a larger share the fewer requests a round serves, so the report shows it. A measuring
# window, not a wait for readiness.
declare -A idle_ms=()
ticks_before=(); for stack in "${stacks[@]}"; do for tier in "${tiers[@]}"; do ticks_before+=("$(cpu_ticks $(pids_of "$stack" "$tier"))"); done; done
sleep "$idle_seconds"
i=0
for stack in "${stacks[@]}"; do
  for tier in "${tiers[@]}"; do
    value="$(cpu_ticks $(pids_of "$stack" "$tier"))"; gone_check "$value"
    idle_ms[$stack:$tier]="$(awk -v t="$((value - ticks_before[i]))" -v hz="$ticks_per_second" -v s="$idle_seconds" 'BEGIN {printf "%.0f", t / hz * 1000 / s}')"
    i=$((i + 1))
  done
done
idle_line="gateways ${idle_ms[ours:balancer]}, web servers ${idle_ms[ours:web]}, app servers ${idle_ms[ours:app]}, databases ${idle_ms[ours:db]}; HAProxy ${idle_ms[theirs:balancer]}, nginx ${idle_ms[theirs:web]}"
progress "CPU with no load, ms per second over ${idle_seconds} s: $idle_line"
idle_total=$((idle_ms[ours:balancer] + idle_ms[ours:web] + idle_ms[ours:app] + idle_ms[ours:db]))
if ((idle_total > 300)); then
  progress "WARNING: the topology uses $idle_total ms of CPU a second with no load from here: something else loads it (another load test?), and every per-request CPU figure below includes that work"
fi
for round in $(seq "$rounds"); do
  for request in "${requests[@]}"; do
    for stack in "${stacks[@]}"; do run_wrk "$stack" "$request" "$duration" "$work/wrk/$round-$request-$stack.txt" "$round"; done
  done
done

# --- Report. -------------------------------------------------------------------------------------------------
# Columns of a result line: 1 round, 2 req/s, 3 p50, 4 p99, 5 non-2xx, 6 socket errors, 7-11 CPU ms/request
# (balancer, web, app, db, balancer + web), 12 requests.
column_median() { # $1 = "request:stack", $2 = column
  printf '%s' "${results[$1]}" | awk -v c="$2" '{print $c}' | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}
column_sum() { printf '%s' "${results[$1]}" | awk -v c="$2" '{n += $c} END {print n + 0}'; }
column_list() { printf '%s' "${results[$1]}" | awk -v c="$2" '{printf "%s%s", (NR > 1 ? " " : ""), $c}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b == 0) print "n/a"; else printf "%.2f", a / b}'; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN {if (v == "n/a") {print "n/a"; exit} ok = (op == ">=") ? v >= t : v <= t; print (ok ? "PASS" : "MISS")}'; }
declare -A stack_labels=([ours]="ours: gateway-1/2 → web-1..3 → app-1..3" [theirs]="theirs: HAProxy ${haproxy_version%%-*} → nginx-1..3 → app-1..3")
echo
echo "wrk -t$threads -c$connections over HTTPS, ${duration} s per run, $rounds interleaved rounds (ours, theirs, for each" \
  "request), medians; warm-up $warmed_up. CPU: ms per request, summed over each tier's processes (/proc/PID/stat)."
for request in "${requests[@]}"; do
  echo
  echo "${request_labels[$request]}"
  echo
  echo "| stack | req/s | p50 | p99 | balancers' CPU | web servers' | app servers' | databases' | front tiers (balancers + web) | non-2xx | socket errors | req/s of each round |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for stack in "${stacks[@]}"; do
    key="$request:$stack"
    printf '| %s | **%s** | %s ms | %s ms | %s ms | %s ms | %s ms | %s ms | **%s ms** | %s | %s | %s |\n' "${stack_labels[$stack]}" \
      "$(column_median "$key" 2)" "$(column_median "$key" 3)" "$(column_median "$key" 4)" "$(column_median "$key" 7)" \
      "$(column_median "$key" 8)" "$(column_median "$key" 9)" "$(column_median "$key" 10)" "$(column_median "$key" 11)" \
      "$(column_sum "$key" 5)" "$(column_sum "$key" 6)" "$(column_list "$key" 2)"
  done
  # A static request never reaches the application servers or databases: their CPU there is background only.
  back_ratios=(— —)
  [[ "$request" == static ]] || back_ratios=("$(ratio "$(column_median "$request:ours" 9)" "$(column_median "$request:theirs" 9)")" \
    "$(ratio "$(column_median "$request:ours" 10)" "$(column_median "$request:theirs" 10)")")
  printf '| ours / theirs | **%s** | %s | %s | %s | %s | %s | %s | **%s** | | | |\n' \
    "$(ratio "$(column_median "$request:ours" 2)" "$(column_median "$request:theirs" 2)")" \
    "$(ratio "$(column_median "$request:ours" 3)" "$(column_median "$request:theirs" 3)")" \
    "$(ratio "$(column_median "$request:ours" 4)" "$(column_median "$request:theirs" 4)")" \
    "$(ratio "$(column_median "$request:ours" 7)" "$(column_median "$request:theirs" 7)")" \
    "$(ratio "$(column_median "$request:ours" 8)" "$(column_median "$request:theirs" 8)")" \
    "${back_ratios[0]}" "${back_ratios[1]}" \
    "$(ratio "$(column_median "$request:ours" 11)" "$(column_median "$request:theirs" 11)")"
done
api_ratio="$(ratio "$(column_median api:ours 2)" "$(column_median api:theirs 2)")"
front_ratio="$(ratio "$(column_median api:ours 11)" "$(column_median api:theirs 11)")"
static_ratio="$(ratio "$(column_median static:ours 2)" "$(column_median static:theirs 2)")"
app_cpu="$(column_median api:ours 9)"
app_cpu_net="$(awk -v c="$app_cpu" -v idle="${idle_ms[ours:app]}" -v rps="$(column_median api:ours 2)" 'BEGIN {printf "%.3f", rps ? c - idle / rps : c}')"
echo
echo "| issue 16's target | measured | |"
echo "| --- | --- | --- |"
echo "| API read req/s ≥ 0.75x theirs | ${api_ratio}x | $(verdict "$api_ratio" 0.75 '>=') |"
echo "| front tiers' CPU per API read ≤ 3x HAProxy + nginx | ${front_ratio}x | $(verdict "$front_ratio" 3 '<=') |"
echo "| static page req/s ≥ 0.3x theirs | ${static_ratio}x | $(verdict "$static_ratio" 0.3 '>=') |"
echo "| app servers' CPU per 20-post read ≤ 0.6 ms (ours) | $app_cpu ms ($app_cpu_net ms without their CPU at no load) | $(verdict "$app_cpu" 0.6 '<=') |"
echo
echo "CPU with no load (ms per second over ${idle_seconds} s, in every figure above): $idle_line."
echo
echo "Every round (CPU in ms per request: balancers / web servers / app servers / databases):"
echo
echo "| round | request | stack | req/s | p50 | p99 | CPU per request | non-2xx | socket errors | requests |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for round in $(seq "$rounds"); do
  for request in "${requests[@]}"; do
    for stack in "${stacks[@]}"; do
      printf '%s' "${results[$request:$stack]}" | awk -v r="$round" -v req="${request_paths[$request]}" -v s="$stack" '$1 == r {
        printf "| %s | `%s` | %s | %s | %s ms | %s ms | %s / %s / %s / %s | %s | %s | %s |\n", r, req, s, $2, $3, $4, $7, $8, $9, $10, $5, $6, $12}'
    done
  done
done
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
total_errors=0
for key in "${!results[@]}"; do total_errors=$((total_errors + $(column_sum "$key" 5) + $(column_sum "$key" 6))); done
if ((total_errors > 0)); then echo "# $total_errors measured requests failed (non-2xx/3xx or socket errors), see the wrk output in $work" >&2; keep=true; exit 1; fi
