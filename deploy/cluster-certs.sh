#!/usr/bin/env bash
# Makes a deployment's own certificate authority and the certificates for mutual TLS on the Orleans
# ports (ARIA_CLUSTER_TLS_CERT, ARIA_CLUSTER_TLS_CA; docs/SDK.md "Security model"):
#   deploy/cluster-certs.sh [folder] [client-name ...]
# writes into folder (default deploy/certs):
#   ca.pem       the authority's certificate: every silo and every SDK client trusts exactly this
#   ca.key       the authority's key: keep it offline; it is what makes a new member
#   silo.pfx     the silos' certificate and key (server and client authentication: silos dial each other)
#   NAME.pfx     one client certificate per name given (default: client), for AriaProClientOptions.UseTls
# The PFX files are encrypted with $ARIA_CLUSTER_TLS_CERT_PASSWORD (required), so they may be readable
# by the silo container's user; ca.key stays readable by you alone. An existing authority in the folder
# is reused, so running it again with a new name adds a client.
set -euo pipefail
folder="${1:-$(dirname "$0")/certs}"
shift || true
clients=("$@")
[ ${#clients[@]} -gt 0 ] || clients=(client)
: "${ARIA_CLUSTER_TLS_CERT_PASSWORD:?set ARIA_CLUSTER_TLS_CERT_PASSWORD: it encrypts the PFX files (the silos need it too)}"
days=825

mkdir -p "$folder"
umask 077
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$folder/ca.key" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -days 3650 \
    -subj "/CN=AriaPro cluster CA" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$folder/ca.key" -out "$folder/ca.pem" 2>/dev/null
  echo "cluster-certs: made the authority $folder/ca.pem"
fi

issue() { # name usage
  local name="$1" usage="$2"
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -subj "/CN=$name" \
    -keyout "$work/$name.key" -out "$work/$name.csr" 2>/dev/null
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=%s\nsubjectAltName=DNS:%s\n' "$usage" "$name" > "$work/$name.ext"
  openssl x509 -req -in "$work/$name.csr" -CA "$folder/ca.pem" -CAkey "$folder/ca.key" -CAcreateserial \
    -days "$days" -sha256 -extfile "$work/$name.ext" -out "$work/$name.pem" 2>/dev/null
  openssl pkcs12 -export -inkey "$work/$name.key" -in "$work/$name.pem" -name "$name" \
    -passout env:ARIA_CLUSTER_TLS_CERT_PASSWORD -out "$folder/$name.pfx"
  echo "cluster-certs: issued $folder/$name.pfx"
}

issue silo serverAuth,clientAuth
for client in "${clients[@]}"; do
  issue "$client" clientAuth
done
# The silo container's user (not you) reads them through a read-only mount; the password guards the keys.
chmod 644 "$folder"/*.pfx "$folder/ca.pem"
