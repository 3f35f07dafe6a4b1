#!/usr/bin/env bash
# Installs every system package BackendForge's build, run and tests need (Debian 12).
# Idempotent: re-running it only installs what is missing.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake ninja-build ccache pkg-config clang-format git
  # C++ libraries
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-system1.81-dev
  nlohmann-json3-dev libvalijson-dev libkainjow-mustache-dev
  libsqlitecpp-dev libsqlite3-dev sqlite3 libgit2-dev libsodium-dev libssl-dev
  libspdlog-dev libfmt-dev libcurl4-openssl-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev libhiredis-dev libmongoc-dev libpugixml-dev
  # fuzzing
  clang libclang-rt-14-dev
  # runtime: sandbox and process limits
  bubblewrap util-linux socat
  # services and tools used by the slow test tier and benchmarks
  postgresql redis-server chromium chromium-driver wrk hyperfine
  # server integration tests: TLS certificates and an HTTPS client
  openssl curl
  # generated apps' toolchains (present on the build machines; listed so a bare Debian works)
  nodejs npm python3 python3-pip python3-venv
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js/npm/python may come from outside apt (nvm, pyenv): skip those if the commands exist.
filtered=()
for p in "${missing[@]}"; do
  case "$p" in
    nodejs) command -v node >/dev/null || filtered+=("$p") ;;
    npm) command -v npm >/dev/null || filtered+=("$p") ;;
    python3) command -v python3 >/dev/null || filtered+=("$p") ;;
    python3-pip) command -v pip3 >/dev/null || python3 -m pip --version >/dev/null 2>&1 || filtered+=("$p") ;;
    python3-venv) python3 -c 'import venv' >/dev/null 2>&1 || filtered+=("$p") ;;
    *) filtered+=("$p") ;;
  esac
done

if [ ${#filtered[@]} -eq 0 ]; then
  echo "setup: all system packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${filtered[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${filtered[@]}"
# The postgresql package starts a cluster; tests start their own on free ports.
if command -v systemctl >/dev/null 2>&1; then $SUDO systemctl disable --now postgresql redis-server >/dev/null 2>&1 || true; fi
echo "setup: done"
