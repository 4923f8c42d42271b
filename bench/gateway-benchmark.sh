#!/usr/bin/env bash
# Gateway vs HAProxy, side by side in one run: HAProxy 2.6 (Debian) and our gateway-service, each in turn in front
# of the same three static backends (one nginx, three loopback ports), the same TLS front side and certificate, the
# same wrk settings and the same CPU pinning (balancer alone on one core, wrk and nginx on the other). Interleaved
# rounds (HAProxy, gateway, HAProxy, gateway ...), medians; prints a Markdown table with req/s, p50, p99, the
# balancer's CPU per request and the ratios against the targets (gateway >= 0.6x HAProxy's req/s, p99 <= 2x).
#
# Usage: bench/gateway-benchmark.sh [--quick] [--rounds N] [--duration S] [--warmup S] [--warmup-max S] [--connections N]
#          [--threads N] [--file tiny|1k|16k] [--jvm-opts "..."] [--variant NAME "extra JVM options"]... [--keep]
#          [--no-build]
#   or as environment variables: BENCH_ROUNDS=5 BENCH_DURATION=30 BENCH_WARMUP=60 BENCH_CONNECTIONS=64
#   BENCH_WARMUP_MAX=300 BENCH_THREADS=1 BENCH_FILE=tiny GATEWAY_JVM_OPTS="..." BENCH_BALANCER_CPU=0 BENCH_LOAD_CPU=1.
#   --warmup S / --warmup-max S: each gateway is warmed up (not counted) with the same wrk settings in slices of 10 s
#     for at least S s (default 60) and then until its JIT compiler threads use under 5 % of its CPU in a slice, for
#     at most --warmup-max s (default 300): JIT work follows the number of requests served, not the time.
#   --quick: a smoke check (1 round of 3 s after a 5 s warm-up), about a minute with the gateway's start; its
#     figures mean nothing (the gateway is still being compiled).
#   --jvm-opts: replaces the gateway's JVM options (default_jvm_opts below). Spring properties can go there too, as
#     -Dname=value (system properties win over the environment variables this script sets).
#   --variant NAME "OPTS": one more gateway, "gateway-NAME", started beside the first with OPTS added to its JVM
#     options (a -XX:+Use...GC there replaces the base collector) and measured in the same interleaved rounds, e.g.
#     --variant io1 -Dreactor.netty.ioWorkerCount=1. For comparing settings; the targets apply to each row.
#   --keep: keep the temporary folder (logs, configuration, wrk output); kept anyway when requests failed.
#   --no-build: use gateway-service/target/gateway-service.jar as it is (by default it is built first, offline:
#     ./mvnw -q -o -pl gateway-service -am package -DskipTests).
# The defaults (5 rounds of 30 s after 1-5 minutes of warm-up) take 8-12 minutes. Installs haproxy, nginx and wrk
# with apt-get when missing. Exit status: 0 when every request got a 2xx answer (whatever the targets say),
# 1 otherwise. See docs/benchmarks.md ("Gateway vs HAProxy").
set -euo pipefail
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# --- Everything the script knows about the gateway: its jar and the environment variables it reads. -----------
gateway_jar="$root/gateway-service/target/gateway-service.jar"
gateway_env() { # the gateway's environment; $1 = folder with the certificate and key, $2 = HTTPS port, $3 = management port
  # The backend group, as the gateway's configuration file (docs/gateway.md); no health-uri, so no active checks,
  # as HAProxy runs here without them.
  cat > "$1/gateway.yml" <<YAML
foobar:
  balancing:
    groups:
      web-service:
        algorithm: round-robin
        backends:
          - {name: web-1, uri: "http://127.0.0.1:$backend_port_1"}
          - {name: web-2, uri: "http://127.0.0.1:$backend_port_2"}
          - {name: web-3, uri: "http://127.0.0.1:$backend_port_3"}
YAML
  # Rate limiting, the access log and trace sampling off: HAProxy runs here without their equivalents.
  echo FOOBAR_HTTPS_PORT="$2" FOOBAR_HTTP_REDIRECT_PORT=0 FOOBAR_MANAGEMENT_PORT="$3" FOOBAR_BIND_ADDRESS=127.0.0.1 \
    FOOBAR_TLS_CERTIFICATE="file:$1/www.foobar.com.crt" FOOBAR_TLS_PRIVATE_KEY="file:$1/www.foobar.com.key" \
    FOOBAR_GATEWAY_CONFIG="$1/gateway.yml" FOOBAR_GATEWAY_RATELIMIT_ENABLED=false \
    FOOBAR_GATEWAY_ACCESSLOG_ENABLED=false FOOBAR_TRACE_SAMPLING=0 \
    FOOBAR_TOPOLOGY_HEADERS=false FOOBAR_NODE_NAME=gateway-1
}
gateway_readiness_path=/actuator/health/readiness
# The launcher's options for every node (AotStartupCache.JVM_OPTIONS, without its AOT cache): the gateway as we run it.
# Under taskset the JVM sees one CPU, where the serial collector is also its own choice. G1 or a fixed, pre-touched
# 512 MiB heap did not lower the CPU per request (docs/benchmarks.md) and more than doubled the RSS.
default_jvm_opts="-XX:+UseSerialGC -Xms32m -Xmx256m -XX:+ExitOnOutOfMemoryError"
# -------------------------------------------------------------------------------------------------------------

rounds="${BENCH_ROUNDS:-5}"; duration="${BENCH_DURATION:-30}"; warmup="${BENCH_WARMUP:-60}"; warmup_max="${BENCH_WARMUP_MAX:-300}"
connections="${BENCH_CONNECTIONS:-64}"; threads="${BENCH_THREADS:-1}"; file="${BENCH_FILE:-tiny}"
jvm_opts="${GATEWAY_JVM_OPTS:-$default_jvm_opts}"
balancer_cpu="${BENCH_BALANCER_CPU:-0}"; load_cpu="${BENCH_LOAD_CPU:-1}"
backend_port_1=18101; backend_port_2=18102; backend_port_3=18103
haproxy_port=18443; gateway_port=18444; management_port=18481
haproxy_warmup=5
keep=false; build=true
gateways=(gateway); declare -A variant_opts=()
while (($#)); do
  case "$1" in
    --quick) rounds=1; duration=3; warmup=5; warmup_max=5; haproxy_warmup=2 ;;
    --rounds) rounds="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --warmup-max) warmup_max="$2"; shift ;;
    --connections) connections="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    --file) file="$2"; shift ;;
    --jvm-opts) jvm_opts="$2"; shift ;;
    --variant) gateways+=("gateway-$2"); variant_opts["gateway-$2"]="$3"; shift 2 ;;
    --keep) keep=true ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$file" in tiny) path=/index.html ;; 1k) path=/1k.bin ;; 16k) path=/16k.bin ;;
  *) echo "--file must be tiny, 1k or 16k" >&2; exit 2 ;; esac

progress() { echo "# $(date -u +%T) $*" >&2; }
variant_jvm_opts() { # $1 = base options, $2 = a variant's extra options; a collector in $2 replaces the base's
  local base="$1"
  [[ "$2" =~ -XX:\+Use[A-Za-z0-9]+GC ]] && base="$(sed -E 's/ *-XX:\+Use[A-Za-z0-9]+GC//' <<< "$base")"
  echo "$base${2:+ $2}" | sed 's/^ *//'
}

# --- Tools: Debian's packages when missing. -------------------------------------------------------------------
missing=()
for tool in haproxy:haproxy nginx:nginx wrk:wrk taskset:util-linux openssl:openssl curl:curl; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if ((${#missing[@]})); then
  progress "installing ${missing[*]} with apt-get"
  as_root=(); ((EUID == 0)) || as_root=(sudo)
  "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >&2 \
    || { "${as_root[@]}" apt-get update >&2 && "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >&2; }
fi
if [[ "$build" == true || ! -f "$gateway_jar" ]]; then
  progress "building gateway-service (./mvnw -q -o -pl gateway-service -am package -DskipTests)"
  ./mvnw -q -o -pl gateway-service -am package -DskipTests
fi
ports=("$backend_port_1" "$backend_port_2" "$backend_port_3" "$haproxy_port")
for ((i = 0; i < ${#gateways[@]}; i++)); do ports+=($((gateway_port + i)) $((management_port + i))); done
for port in "${ports[@]}"; do
  if [[ -n "$(ss -Htln "sport = :$port")" ]]; then echo "port $port is in use; stop what listens there first" >&2; exit 1; fi
done

# --- Processes started here, stopped by pid on any exit (Ctrl-C included). ------------------------------------
work="$(mktemp -d /tmp/gateway-bench.XXXXXX)"
chmod 755 "$work" # nginx's worker runs as nobody when started by root and reads www/ from here
declare -A pids=(); started=() # name -> pid; names in start order
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
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do # in reverse order: the balancers before their backends
    progress "stopping ${started[i]} (pid ${pids[${started[i]}]})"; stop_pid "${pids[${started[i]}]}"
  done
  if [[ "$keep" == true ]]; then progress "logs and configuration kept in $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# awk rather than head -1 below: a writer cut off by head fails the pipeline under pipefail.
java_version="$("$JAVA_HOME/bin/java" -version 2>&1 | awk 'NR == 1')"
haproxy_version="$(haproxy -v | awk 'NR == 1 {print $3}')"
echo "# bench/gateway-benchmark.sh: $(date -u '+%F %T UTC'), $(hostname), nproc=$(nproc)," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME")"
echo "# HAProxy $haproxy_version, $(nginx -v 2>&1 | cut -d' ' -f3), $(wrk -v 2>&1 | awk 'NR == 1 {print $1, $2}'), $java_version"
echo "# gateway jar: $(cd "$root" && git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD -- gateway-service 2>/dev/null || echo ' + uncommitted gateway-service changes'), built $(date -u -r "$gateway_jar" '+%F %T UTC')"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Certificate: throwaway self-signed EC P-256 (as the launcher makes) for www.foobar.com and 127.0.0.1.
mkdir -p "$work/tls"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=www.foobar.com \
  -addext "subjectAltName=DNS:www.foobar.com,IP:127.0.0.1" \
  -keyout "$work/tls/www.foobar.com.key" -out "$work/tls/www.foobar.com.crt" 2>/dev/null
cat "$work/tls/www.foobar.com.crt" "$work/tls/www.foobar.com.key" > "$work/tls/www.foobar.com.pem"
chmod 600 "$work/tls/"*.key "$work/tls/"*.pem

fill_in() { # $1 = template; the @NAME@ placeholders it uses
  sed -e "s|@WORK@|$work|g" -e "s|@HAPROXY_PORT@|$haproxy_port|g" -e "s|@BACKEND_PORT_1@|$backend_port_1|g" \
    -e "s|@BACKEND_PORT_2@|$backend_port_2|g" -e "s|@BACKEND_PORT_3@|$backend_port_3|g" "$1"
}
await_http() { # $1 = name, $2 = pid, $3 = URL answering 200 when ready, $4 = seconds allowed
  local deadline=$((SECONDS + $4))
  until curl -skf -o /dev/null --max-time 2 "$3"; do
    kill -0 "$2" 2>/dev/null || { echo "$1 (pid $2) exited while starting; its log:" >&2; cat "$work/$1.log" >&2; exit 1; }
    ((SECONDS < deadline)) || { echo "$1 not ready after $4 s; its log:" >&2; tail -50 "$work/$1.log" >&2; exit 1; }
    sleep 0.2
  done
}

# Static backend: nginx, pinned with wrk.
mkdir -p "$work/www" "$work/nginx/tmp"
printf 'foobar ok\n' > "$work/www/index.html"
head -c 1024 /dev/urandom > "$work/www/1k.bin"
head -c 16384 /dev/urandom > "$work/www/16k.bin"
fill_in bench/gateway-benchmark/nginx.conf > "$work/nginx/nginx.conf"
nginx_command=(taskset -c "$load_cpu" nginx -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf")
echo "# nginx: ${nginx_command[*]}"
"${nginx_command[@]}" > "$work/nginx.log" 2>&1 &
pids[nginx]=$!; started+=(nginx)
for port in "$backend_port_1" "$backend_port_2" "$backend_port_3"; do await_http nginx "${pids[nginx]}" "http://127.0.0.1:$port$path" 10; done
progress "nginx ready on ports $backend_port_1-$backend_port_3 (pid ${pids[nginx]})"

# HAProxy, pinned alone.
fill_in bench/gateway-benchmark/haproxy.cfg > "$work/haproxy.cfg"
haproxy_command=(taskset -c "$balancer_cpu" haproxy -db -f "$work/haproxy.cfg")
echo "# HAProxy: ${haproxy_command[*]} (bench/gateway-benchmark/haproxy.cfg)"
"${haproxy_command[@]}" > "$work/haproxy.log" 2>&1 &
pids[haproxy]=$!; started+=(haproxy)
await_http haproxy "${pids[haproxy]}" "https://127.0.0.1:$haproxy_port$path" 10
progress "HAProxy ready on port $haproxy_port (pid ${pids[haproxy]})"

# The gateway (and any --variant), pinned alone; each ready when its readiness probe says so.
declare -A https_ports=() management_ports=() final_opts=()
index=0
for name in "${gateways[@]}"; do
  https_ports[$name]=$((gateway_port + index)); management_ports[$name]=$((management_port + index)); index=$((index + 1))
  final_opts[$name]="$(variant_jvm_opts "$jvm_opts" "${variant_opts[$name]:-}")"
  read -r -a gateway_vars <<< "$(gateway_env "$work/tls" "${https_ports[$name]}" "${management_ports[$name]}")"
  read -r -a jvm_args <<< "${final_opts[$name]}"
  gateway_command=(env "${gateway_vars[@]}" taskset -c "$balancer_cpu" "$JAVA_HOME/bin/java" "${jvm_args[@]}" -jar "$gateway_jar")
  echo "# $name: ${gateway_command[*]}" | sed "s|$work|\$WORK|g"
  (cd "$work" && exec "${gateway_command[@]}") > "$work/$name.log" 2>&1 &
  pids[$name]=$!; started+=("$name")
done
start=$SECONDS
for name in "${gateways[@]}"; do
  await_http "$name" "${pids[$name]}" "http://127.0.0.1:${management_ports[$name]}$gateway_readiness_path" 300
  progress "$name ready on port ${https_ports[$name]} after $((SECONDS - start)) s (pid ${pids[$name]})"
done
https_ports[haproxy]=$haproxy_port
balancers=(haproxy "${gateways[@]}")

# Every balancer answers 200 and goes round the three backends.
for name in "${balancers[@]}"; do
  url="https://127.0.0.1:${https_ports[$name]}$path"
  seen="$(curl -sk -D - -o /dev/null "$url" "$url" "$url" "$url" "$url" "$url" | tr -d '\r' \
    | awk '/^HTTP\// {codes = codes $2 " "} tolower($1) == "x-static-backend:" {b[$2]++} END {n = 0; for (k in b) n++; print codes "| " n}')"
  [[ "$seen" == "200 200 200 200 200 200 | 3" ]] || { echo "$name check failed (status codes | backends seen): $seen" >&2; exit 1; }
done
progress "${balancers[*]} answer 200 and use all three backends"

# --- Load. ---------------------------------------------------------------------------------------------------
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime of all the process's threads
jit_ticks() { # utime + stime of the JVM's JIT compiler threads (0 for other processes)
  local task ticks=0
  for task in /proc/"$1"/task/*; do
    [[ "$(cat "$task/comm" 2>/dev/null)" == C[12]\ Compiler* ]] || continue
    ticks=$((ticks + $(sed 's/^.*) //' "$task/stat" | awk '{print $12 + $13}')))
  done
  echo "$ticks"
}
core_busy_ticks() { awk -v cpu="cpu$1" '$1 == cpu {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
ticks_per_second="$(getconf CLK_TCK)"
to_ms() { # wrk's 1.23ms / 456.00us / 1.02s
  awk -v v="$1" 'BEGIN {n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.3f", n}'
}
echo "# wrk: taskset -c $load_cpu wrk -t$threads -c$connections -d${duration}s --latency https://127.0.0.1:PORT$path (file: $file)"
declare -A results=() # name -> lines "req/s p50_ms p99_ms cpu_us_per_req balancer_busy_% load_busy_% errors jit_%"
run_wrk() { # $1 = name, $2 = seconds, $3 = output file; appends a result line unless $4 = warmup (sets jit_share)
  local pid="${pids[$1]}" out="$3" before_cpu before_jit before_b before_l before_t after_cpu after_jit after_b after_l after_t
  before_cpu="$(cpu_ticks "$pid")"; before_jit="$(jit_ticks "$pid")"; before_t="$(date +%s.%N)"
  before_b="$(core_busy_ticks "$balancer_cpu")"; before_l="$(core_busy_ticks "$load_cpu")"
  taskset -c "$load_cpu" wrk "-t$threads" "-c$connections" "-d${2}s" --latency "https://127.0.0.1:${https_ports[$1]}$path" > "$out"
  after_cpu="$(cpu_ticks "$pid")"; after_jit="$(jit_ticks "$pid")"; after_t="$(date +%s.%N)"
  after_b="$(core_busy_ticks "$balancer_cpu")"; after_l="$(core_busy_ticks "$load_cpu")"
  if [[ "${4:-}" == warmup ]]; then
    jit_share=$(((after_cpu - before_cpu) ? 100 * (after_jit - before_jit) / (after_cpu - before_cpu) : 0)); return 0
  fi
  local rps requests p50 p99 errors
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  requests="$(awk '/ requests in / {print $1}' "$out")"
  p50="$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")"
  errors="$(awk '/^ +Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$out")"
  results[$1]+="$(awk -v rps="$rps" -v p50="$p50" -v p99="$p99" -v req="$requests" -v hz="$ticks_per_second" \
    -v cpu=$((after_cpu - before_cpu)) -v jit=$((after_jit - before_jit)) -v b=$((after_b - before_b)) \
    -v l=$((after_l - before_l)) -v s="$(echo "$after_t - $before_t" | bc)" -v err="$errors" \
    'BEGIN {printf "%s %s %s %.1f %.0f %.0f %d %.0f\n", rps, p50, p99, cpu / hz * 1e6 / req, 100 * b / hz / s, 100 * l / hz / s, err, cpu ? 100 * jit / cpu : 0}')"$'\n'
  progress "$1: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
}

mkdir -p "$work/wrk"
progress "warm-up, not counted, same wrk settings: HAProxy ${haproxy_warmup} s; each gateway at least ${warmup} s, then" \
  "until the JIT compiler uses under 5 % of its CPU in 10 s, at most ${warmup_max} s"
run_wrk haproxy "$haproxy_warmup" "$work/wrk/haproxy-warmup.txt" warmup
declare -A warmed_up=()
for name in "${gateways[@]}"; do
  warm=0
  while :; do
    slice=$((warmup - warm > 10 ? 10 : warmup - warm)); ((slice > 0)) || slice=10
    ((warm + slice <= warmup_max)) || slice=$((warmup_max - warm))
    ((slice > 0)) || break
    run_wrk "$name" "$slice" "$work/wrk/$name-warmup-$warm.txt" warmup
    warm=$((warm + slice))
    ((warm >= warmup && jit_share < 5)) && break
  done
  warmed_up[$name]="$warm s (JIT compiler at $jit_share % of its CPU in the last slice)"
  progress "$name warmed up for ${warmed_up[$name]}"
done
for round in $(seq "$rounds"); do
  progress "round $round of $rounds"
  for name in "${balancers[@]}"; do run_wrk "$name" "$duration" "$work/wrk/$name-$round.txt"; done
done
declare -A rss_mib=() event_loops=()
for name in "${balancers[@]}"; do rss_mib[$name]=$(($(awk '/^VmRSS/ {print $2}' "/proc/${pids[$name]}/status") / 1024)); done
for name in "${gateways[@]}"; do
  event_loops[$name]="$("$JAVA_HOME/bin/jcmd" "${pids[$name]}" Thread.print 2>/dev/null \
    | grep -oE '^"reactor-http-[a-z]+-[0-9]+"' | sed -E 's/"reactor-http-([a-z]+)-[0-9]+"/\1/' | sort | uniq -c | awk '{printf "%s %s", $1, $2}')"
done

# --- Report. -------------------------------------------------------------------------------------------------
column_median() { # $1 = name, $2 = column (1-based)
  printf '%s' "${results[$1]}" | awk -v c="$2" '{print $c}' | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}
column_sum() { printf '%s' "${results[$1]}" | awk -v c="$2" '{n += $c} END {print n + 0}'; }
column_list() { printf '%s' "${results[$1]}" | awk -v c="$2" '{printf "%s%.0f", (NR > 1 ? " " : ""), $c}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN {ok = (op == ">=") ? v >= t : v <= t; print (ok ? "PASS" : "FAIL")}'; }
echo
echo "Balancer alone on CPU $balancer_cpu, wrk and nginx on CPU $load_cpu; wrk -t$threads -c$connections, ${duration} s" \
  "per run, $rounds interleaved rounds (${balancers[*]}), medians; file: $file ($(stat -c %s "$work/www${path}") bytes)."
echo
echo "| balancer | req/s | p50 | p99 | balancer CPU µs/request | of which JIT compiler | CPU $balancer_cpu busy | CPU $load_cpu busy | errors | RSS after | req/s of each round |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for name in "${balancers[@]}"; do
  label="$name"; jit=—
  [[ "$name" == haproxy ]] && label="HAProxy ${haproxy_version%%-*}, nbthread 1"
  [[ "$name" == gateway ]] && label="gateway-service"
  [[ "$name" == haproxy ]] || jit="$(column_median "$name" 8) %"
  printf '| %s | %.0f | %.2f ms | %.2f ms | %s | %s | %s %% | %s %% | %s | %s MiB | %s |\n' "$label" "$(column_median "$name" 1)" \
    "$(column_median "$name" 2)" "$(column_median "$name" 3)" "$(column_median "$name" 4)" "$jit" \
    "$(column_median "$name" 5)" "$(column_median "$name" 6)" "$(column_sum "$name" 7)" "${rss_mib[$name]}" "$(column_list "$name" 1)"
done
echo
echo "| against HAProxy (ratio of the medians) | req/s (target >= 0.6) | p50 | p99 (target <= 2) | CPU/request |"
echo "| --- | --- | --- | --- | --- |"
for name in "${gateways[@]}"; do
  throughput_ratio="$(ratio "$(column_median "$name" 1)" "$(column_median haproxy 1)")"
  p99_ratio="$(ratio "$(column_median "$name" 3)" "$(column_median haproxy 3)")"
  echo "| ${name/#gateway/gateway-service} | **$throughput_ratio** $(verdict "$throughput_ratio" 0.6 '>=') |" \
    "$(ratio "$(column_median "$name" 2)" "$(column_median haproxy 2)") | **$p99_ratio** $(verdict "$p99_ratio" 2 '<=') |" \
    "$(ratio "$(column_median "$name" 4)" "$(column_median haproxy 4)") |"
done
echo
for name in "${gateways[@]}"; do
  echo "$name: warm-up ${warmed_up[$name]}; event loops ${event_loops[$name]:-unknown}; JVM options: ${final_opts[$name]}"
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
total_errors=0
for name in "${balancers[@]}"; do total_errors=$((total_errors + $(column_sum "$name" 7))); done
if ((total_errors > 0)); then echo "# $total_errors requests failed (non-2xx/3xx or socket errors), see the wrk output" >&2; keep=true; exit 1; fi
