#!/usr/bin/env bash
# Odd paths as the case or as the snapshot beside the binary (issue 15, item 12): a named
# pipe, a file of /proc, a folder, a device, a sparse file of gigabytes. Each is refused
# with E0001 (or, for the snapshot, passed over for the YAML) before anything hangs or
# is read whole. `timeout` only guards against a hang, which is the defect itself.
# Usage: odd_paths.sh IBSA RULESETS DEMO_CASE WORKDIR
set -uo pipefail
ibsa="$1"; rulesets="$2"; demo="$3"; work="$4"
rm -rf "$work"; mkdir -p "$work"
failures=0
# A cap on virtual memory makes reading a sparse file of gigabytes whole fail loudly; a
# build with AddressSanitizer reserves terabytes of address space for its shadow, so there
# the cap is left off (ASan's own allocator limit then plays its part).
memory_cap=4194304
# (ldd's output is read whole: under pipefail, `ldd | grep -q` fails when grep stops reading early)
case "$(ldd "$ibsa" 2>/dev/null)" in *libasan*) memory_cap=unlimited ;; esac
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# run NAME EXPECTED_EXIT PATTERN COMMAND...: the command must exit so and print PATTERN.
run() {
  local name="$1" expected="$2" pattern="$3"; shift 3
  ( ulimit -v "$memory_cap"; exec timeout 60 "$@" ) > "$work/out.txt" 2>&1
  local status=$?
  [ "$status" != 124 ] || { fail "$name: hangs"; return; }
  [ "$status" = "$expected" ] || fail "$name: exit $status, expected $expected: $(head -c 600 "$work/out.txt")"
  grep -Eq -- "$pattern" "$work/out.txt" || fail "$name: no '$pattern' in: $(head -c 600 "$work/out.txt")"
}

evaluate() { echo "$ibsa" --rulesets "$rulesets" evaluate "$@"; }

# As the case.
mkfifo "$work/pipe.yaml"
run "a named pipe nobody writes to" 2 'pipe.yaml: error\[E0001\]: cannot read file: the pipe is empty' $(evaluate "$work/pipe.yaml")
run "a file of /proc (its size says 0)" 2 'ostype:1:1: error\[E0104\].*' $(evaluate /proc/sys/kernel/ostype)
grep -q 'Linux' "$work/out.txt" || fail "a file of /proc was read as empty: $(cat "$work/out.txt")"
run "a folder" 2 'error\[E0001\]: cannot read file: it is a folder' $(evaluate "$work")
run "a device" 2 'zero: error\[E0001\]: cannot read file: it is a device' $(evaluate /dev/zero)
truncate -s 6G "$work/sparse.yaml"
run "a sparse file of 6 GB" 2 'sparse.yaml: error\[E0001\]: file is larger than' $(evaluate "$work/sparse.yaml")
# A pipe with a writer is read: `ibsa evaluate /dev/stdin < case` and `<(...)` work.
cat "$demo" | ( ulimit -v "$memory_cap"; exec timeout 60 "$ibsa" --rulesets "$rulesets" evaluate /dev/stdin ) > "$work/out.txt" 2>&1 \
  || fail "a case from a pipe: $(head -c 600 "$work/out.txt")"

# As ibsa.law beside the binary: the CLI uses the YAML instead, and answers.
mkdir -p "$work/bin"
cp "$ibsa" "$work/bin/ibsa"
for kind in folder pipe sparse; do
  rm -rf "$work/bin/ibsa.law"
  case "$kind" in
    folder) mkdir "$work/bin/ibsa.law" ;;
    pipe) mkfifo "$work/bin/ibsa.law" ;;
    sparse) truncate -s 6G "$work/bin/ibsa.law" ;;
  esac
  run "a $kind named ibsa.law beside the binary" 0 'APPLIES  art\. 417/10 Criminal Code' \
    "$work/bin/ibsa" --rulesets "$rulesets" evaluate "$demo"
done
rm -rf "$work/bin" "$work/sparse.yaml"

[ "$failures" = 0 ] || exit 1
echo "odd paths: all checks passed"
