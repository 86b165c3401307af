# Sourced by ibsa.sh and test.sh: installs the Debian packages the build needs when they
# are missing. Nothing else is downloaded.
IBSA_PACKAGES=(cmake g++ make libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libgtest-dev libcpp-httplib-dev libssl-dev pkg-config curl jq)

ibsa_ensure_deps() {
  local missing=()
  for package in "${IBSA_PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing packages: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}

# Configures and builds into $1 with the remaining arguments passed to cmake; prints the
# log only when something fails. The engine and the command line are compiled as unity
# builds (batches of 8 files in one translation unit; the tests are not: tests/CMakeLists.txt
# says why): the headers they share are parsed and their templates instantiated once per
# batch, which cut the engine's compile time by more than half (one batch of 8 files, from
# case/case_loader.cc to limitation/limitation.cc: 185 s one by one, 79 s as one batch, Release,
# one core).
ibsa_build() {
  local dir="$1"; shift
  local log="$dir.log"
  mkdir -p "$(dirname "$dir")"
  if ! { cmake -S . -B "$dir" -DCMAKE_UNITY_BUILD=ON "$@" && cmake --build "$dir" -j"$(nproc)"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "build failed in $dir (log: $log)" >&2
    return 1
  fi
}
