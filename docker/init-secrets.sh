#!/bin/bash
# docker-compose.yml's one-shot `init` step: on the first start, random database passwords, a development CA with a
# www.foobar.com certificate, and the tiers' mutual-TLS material, in the `secrets` volume that each service mounts
# the part it needs of. Later starts keep what is there. The folder is /secrets unless given as the argument
# (deployment-checks runs the script into a temporary folder).
set -euo pipefail
dir=${1:-/secrets}
umask 077
mkdir -p "$dir/db" "$dir/app" "$dir/tls" "$dir/grafana" "$dir/internal-tls"

if [ ! -s "$dir/db/app-password" ]; then
  for name in root-password app-password replication-password; do
    openssl rand -hex 24 > "$dir/db/$name"
  done
  # The application reads its password as the property foobar.datasource.password (a Spring config tree).
  cp "$dir/db/app-password" "$dir/app/foobar.datasource.password"
fi
[ -s "$dir/grafana/admin-password" ] || openssl rand -hex 16 > "$dir/grafana/admin-password"

# A self-signed CA: authority NAME OUT-PREFIX (writes OUT-PREFIX.crt and .key).
authority() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 -subj "/CN=$1" \
    -keyout "$2.key" -out "$2.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
}

# A certificate signed by a CA: leaf CA-PREFIX OUT-PREFIX CN SUBJECT-ALT-NAMES EXTENDED-KEY-USAGES. The key is
# PKCS#8, as the services' PEM SSL bundles read it.
leaf() {
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$3" -keyout "$2.key" -out "$2.csr"
  openssl x509 -req -in "$2.csr" -CA "$1.crt" -CAkey "$1.key" -set_serial "0x$(openssl rand -hex 16)" -days 397 \
    -out "$2.crt" -extfile <(printf 'subjectAltName=%s\nextendedKeyUsage=%s\nkeyUsage=critical,digitalSignature\n' \
      "$4" "$5")
  rm -f "$2.csr"
}

if [ ! -s "$dir/tls/tls.crt" ]; then
  authority "foobar.com development CA (docker compose)" "$dir/tls/ca"
  leaf "$dir/tls/ca" "$dir/tls/tls" www.foobar.com DNS:www.foobar.com,DNS:foobar.com serverAuth
  rm -f "$dir/tls/ca.key"
  chmod 644 "$dir/tls/ca.crt" "$dir/tls/tls.crt"
fi

# Mutual TLS between the tiers (docs/architecture.md, "Security between the tiers"): a CA per tier, and for every
# container a folder internal-tls/<container> it mounts at /run/secrets/internal-tls: its certificate, named after
# the container (the host name its caller uses), for serving and calling; caller-ca.crt, the CA of the tier that
# may call it; upstream-ca.crt, the CA of the tier it calls. The CAs' keys are not kept: `docker compose down -v`
# starts afresh. deployment-checks (InternalTlsMaterialTests) checks this against the compose file and the launcher.
# FOOBAR_INTERNAL_TLS_NODES names other hosts per tier: the Kubernetes Services for the local overlay (docs/deploy.md).
declare -A nodes
for entry in ${FOOBAR_INTERNAL_TLS_NODES:-gateway=gateway-1,gateway-2 web=web-1,web-2,web-3 app=app-1,app-2,app-3}; do
  list=${entry#*=}
  nodes[${entry%%=*}]=${list//,/ }
done
declare -A caller=([web]=gateway [app]=web)
declare -A upstream=([gateway]=web [web]=app)
internal="$dir/internal-tls"
if [ ! -s "$internal/ca/app-ca.crt" ]; then
  mkdir -p "$internal/ca"
  for tier in "${!nodes[@]}"; do
    authority "foobar-infra $tier tier CA (docker compose)" "$internal/ca/$tier-ca"
    for node in ${nodes[$tier]}; do
      mkdir -p "$internal/$node"
      leaf "$internal/ca/$tier-ca" "$internal/$node/tls" "$node" "DNS:$node" serverAuth,clientAuth
    done
  done
  for tier in "${!nodes[@]}"; do
    for node in ${nodes[$tier]}; do
      [ -z "${caller[$tier]:-}" ] || cp "$internal/ca/${caller[$tier]}-ca.crt" "$internal/$node/caller-ca.crt"
      [ -z "${upstream[$tier]:-}" ] || cp "$internal/ca/${upstream[$tier]}-ca.crt" "$internal/$node/upstream-ca.crt"
    done
  done
  rm -f "$internal"/ca/*.key
fi

# MySQL runs as uid 999 (the image's mysql user), the services as 10001 (docker/Dockerfile), Grafana as 472.
if [ "$(id -u)" = 0 ]; then
  chown -R 999:999 "$dir/db"
  chown -R 10001:10001 "$dir/app" "$dir/tls" "$dir/internal-tls"
  chown -R 472:0 "$dir/grafana"
fi
