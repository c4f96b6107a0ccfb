#!/usr/bin/env bash
# Prepares a machine to build, test and demo Exchange Auth Doctor. Idempotent: a second run only
# checks, and takes a few seconds. Never prompts (safe under CI=true).
#
#   Debian packages  samba (AD DC) and Kerberos tools for the lab, Chromium for the editor tests,
#                    libkrb5-dev for code-server's native module. Installed when run as root;
#                    otherwise the exact apt-get command is printed and the script stops.
#   npm packages     npm ci (npm install when there is no lockfile). The `node` devDependency puts
#                    Node 24 in node_modules/.bin, which every npm script then uses.
#   code-server      4.139.1, into a cache outside the repository:
#                    ${XDG_CACHE_HOME:-$HOME/.cache}/exchange-auth-doctor/code-server-4.139.1
#                    (override with EAD_CODE_SERVER_DIR).
#   build            npm run build.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

CODE_SERVER_VERSION=4.139.1
code_server_dir="${EAD_CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/exchange-auth-doctor/code-server-$CODE_SERVER_VERSION}"
debian_packages=(samba samba-ad-dc samba-ad-provision krb5-user ldap-utils libsasl2-modules-gssapi-mit ldb-tools winbind smbclient faketime iproute2 nftables chromium libkrb5-dev)

step_started=0
step() { step_started=$SECONDS; printf '\n== %s\n' "$*"; }
done_step() { printf '   ok (%ss)\n' "$((SECONDS - step_started))"; }
fail() { printf '\nsetup: %s\n' "$*" >&2; exit 1; }

# --- Debian packages ---------------------------------------------------------------------------
step "Debian packages"
missing=()
for p in "${debian_packages[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then missing+=("$p"); fi
done
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    fail "these Debian packages are missing: ${missing[*]}
Install them as root, then run this script again:
  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}"
  fi
  echo "   installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q || fail "apt-get update failed (see above)."
  apt-get install -y -q "${missing[@]}" || fail "apt-get install failed for: ${missing[*]}"
  # Samba's packages start their services on install; the lab runs its own DC on loopback instead.
  for svc in samba-ad-dc smbd nmbd winbind; do
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then systemctl stop "$svc" || true; fi
  done
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing although the chromium package is installed."
done_step

# --- npm packages --------------------------------------------------------------------------------
step "npm packages"
command -v npm >/dev/null 2>&1 || fail "npm is not on PATH (install the Debian packages nodejs and npm)."
stamp=node_modules/.ead-setup-stamp
if [ -f package-lock.json ]; then want="$(sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1)"; else want="no-lockfile:$(sha256sum package.json | cut -d' ' -f1)"; fi
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/node ]; then
  echo "   node_modules is up to date with package-lock.json"
else
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund || fail "npm ci failed (see above). Is the npm registry reachable?"
  else
    npm install --no-audit --no-fund || fail "npm install failed (see above). Is the npm registry reachable?"
  fi
  # npm install may rewrite the lockfile; stamp what is there now.
  if [ -f package-lock.json ]; then sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1 > "$stamp"; else echo "$want" > "$stamp"; fi
fi
[ -x node_modules/.bin/node ] || fail "node_modules/.bin/node is missing: the 'node' devDependency did not install its binary."
node_version="$(node_modules/.bin/node --version)" || fail "node_modules/.bin/node does not run."
node_major="${node_version#v}"; node_major="${node_major%%.*}"
[ "$node_major" -ge 22 ] || fail "node_modules/.bin/node is $node_version; the tools need Node 22 or later (check the 'node' devDependency)."
echo "   tools run on Node $node_version (node_modules/.bin/node)"
export PATH="$repo_root/node_modules/.bin:$PATH"
done_step

# --- code-server ---------------------------------------------------------------------------------
step "code-server $CODE_SERVER_VERSION in $code_server_dir"
marker="$code_server_dir/.ead-installed"
entry="$code_server_dir/node_modules/code-server/out/node/entry.js"
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$CODE_SERVER_VERSION" ] && [ -f "$entry" ]; then
  echo "   already installed"
else
  [ "$node_major" -eq 24 ] || fail "code-server $CODE_SERVER_VERSION installs only with Node 24; node_modules/.bin/node is $node_version."
  partial="$code_server_dir.partial"
  rm -rf "$partial"
  mkdir -p "$partial"
  echo "   installing (a few minutes; log in $partial.log)"
  # npm 11 runs a dependency's install scripts only when package.json allows them; code-server's
  # postinstall installs VS Code's own modules (and builds the Kerberos module: libkrb5-dev).
  printf '{\n  "private": true,\n  "allowScripts": { "code-server": true, "argon2": true }\n}\n' > "$partial/package.json"
  # Node 24 first on PATH (exported above): code-server's postinstall refuses other majors.
  if ! (cd "$partial" && npm install "code-server@$CODE_SERVER_VERSION" --prefix "$partial" --no-audit --no-fund \
        > "$partial.log" 2>&1); then
    tail -n 40 "$partial.log" >&2 || true
    fail "installing code-server failed (log: $partial.log). It needs the npm registry, Node 24 and libkrb5-dev."
  fi
  [ -f "$partial/node_modules/code-server/out/node/entry.js" ] || fail "code-server installed without out/node/entry.js (log: $partial.log)."
  rm -rf "$code_server_dir"
  mv "$partial" "$code_server_dir"
  mv "$partial.log" "$code_server_dir/install.log"
  echo "$CODE_SERVER_VERSION" > "$marker"
fi
# An explicit config file, or code-server writes a default one (with a password) into ~/.config.
printf 'auth: none\n' > "$code_server_dir/check.yaml"
cs_version="$(node "$entry" --config "$code_server_dir/check.yaml" --version 2>/dev/null | tail -n1)" || fail "code-server does not start: node $entry --version failed."
case "$cs_version" in "$CODE_SERVER_VERSION"*) ;; *) fail "code-server reports '$cs_version', expected $CODE_SERVER_VERSION. Delete $code_server_dir and run again." ;; esac
echo "   $cs_version"
done_step

# --- build ---------------------------------------------------------------------------------------
step "build"
npm run --silent build || fail "npm run build failed (see above)."
done_step

printf '\nsetup: ready (%ss). Next: npm run demo, or npm test\n' "$SECONDS"
