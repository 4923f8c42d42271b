#!/bin/bash
# docker-compose.yml's one-shot `init` step: on the first start, random database passwords and a development CA
# with a www.foobar.com certificate, in the `secrets` volume that each service mounts the part it needs of.
# Later starts keep what is there.
set -euo pipefail
dir=/secrets
umask 077
mkdir -p "$dir/db" "$dir/app" "$dir/tls" "$dir/grafana"

if [ ! -s "$dir/db/app-password" ]; then
  for name in root-password app-password replication-password; do
    openssl rand -hex 24 > "$dir/db/$name"
  done
  # The application reads its password as the property foobar.datasource.password (a Spring config tree).
  cp "$dir/db/app-password" "$dir/app/foobar.datasource.password"
fi
[ -s "$dir/grafana/admin-password" ] || openssl rand -hex 16 > "$dir/grafana/admin-password"

if [ ! -s "$dir/tls/tls.crt" ]; then
  cd "$dir/tls"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/CN=foobar.com development CA (docker compose)" -keyout ca.key -out ca.crt \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=www.foobar.com" \
    -keyout tls.key -out tls.csr
  openssl x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 397 -out tls.crt \
    -extfile <(printf 'subjectAltName=DNS:www.foobar.com,DNS:foobar.com\nextendedKeyUsage=serverAuth\n')
  rm -f tls.csr ca.srl ca.key
  chmod 644 ca.crt tls.crt
fi

# MySQL runs as uid 999 (the image's mysql user), the services as 10001 (docker/Dockerfile), Grafana as 472.
chown -R 999:999 "$dir/db"
chown -R 10001:10001 "$dir/app" "$dir/tls"
chown -R 472:0 "$dir/grafana"
