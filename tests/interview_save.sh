#!/usr/bin/env bash
# The interview's saves (issue 15, items 1-3): a save that cannot be done is said, stops
# the interview with exit 5 and leaves the file as it was; a save keeps the file's mode,
# its symbolic link, its opening comments and its expect block; a resumed case is not
# rewritten before an answer changes it; a new case file is readable by its owner only.
# The answers come from a pipe: no terminal is needed for what is checked here.
# Usage: interview_save.sh IBSA RULESETS WORKDIR
set -uo pipefail
ibsa="$1"; rulesets="$2"; work="$3"
tiny="$work/tiny"
cleanup() { mountpoint -q "$tiny" 2>/dev/null && umount "$tiny"; return 0; }
trap cleanup EXIT
cleanup
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# A case as an officer keeps it: a note at the top, a comment on a fact, an expect block.
write_case() {
  cat > "$1" <<'EOF'
# Intake of 6 October 2025, desk 3: the victim asked that the school not be told.
id: save-test
title: "Save test"
jurisdiction: BE
date: 2025-10-06
victim:
  real_person: true   # she confirmed it is her
expect:
  source: "tests/interview_save.sh"
  absent: [be.sw.417-43]
EOF
}

# interview ANSWERS ARGS...: runs the interview with ANSWERS on its input; sets $status,
# and its output in $work/out.txt and $work/err.txt.
interview() {
  local answers="$1"; shift
  printf '%s' "$answers" | "$ibsa" --rulesets "$rulesets" interview "$@" > "$work/out.txt" 2> "$work/err.txt"
  status=$?
}

leftovers() { find "$1" -maxdepth 1 -name '.*.??????' | head -1; }

# 1. A full disk: the write fails. First on a small tmpfs (CI runs as root); where it
# cannot be mounted, with a file size limit of 0 (SIGXFSZ ignored, so that write() fails
# with EFBIG as it fails with ENOSPC on a full disk).
full_disk_case="$work/full.yaml"
if mkdir -p "$tiny" && mount -t tmpfs -o size=64k tmpfs "$tiny" 2>/dev/null; then
  full_disk_case="$tiny/full.yaml"
  write_case "$full_disk_case"
  cp "$full_disk_case" "$work/full.before"
  dd if=/dev/zero of="$tiny/filler" bs=4k 2>/dev/null
  interview $'?\nq\n' --case "$full_disk_case"
  how="a full tmpfs"
else
  write_case "$full_disk_case"
  cp "$full_disk_case" "$work/full.before"
  status=0
  ( trap '' XFSZ; ulimit -f 0; exec "$ibsa" --rulesets "$rulesets" interview --case "$full_disk_case" \
      <<< $'?\nq' > "$work/out.txt" 2> "$work/err.txt" ) || status=$?
  how="a file size limit of 0"
fi
[ "$status" = 5 ] || fail "full disk ($how): exit $status, expected 5"
grep -q 'error\[E0007\]: cannot write the file' "$work/err.txt" || fail "full disk ($how): no E0007: $(cat "$work/err.txt")"
grep -q 'could NOT be saved' "$work/out.txt" || fail "full disk ($how): the screen does not say the case was not saved"
grep -q '^Saved to' "$work/out.txt" && fail "full disk ($how): the screen says 'Saved to'"
cmp -s "$full_disk_case" "$work/full.before" || fail "full disk ($how): the case file changed: $(cat "$full_disk_case")"
[ -z "$(leftovers "$(dirname "$full_disk_case")")" ] || fail "full disk ($how): a temporary file was left"
cleanup

# 2. A save that cannot be done at all is refused before the first question.
for target in "$work/no-such-folder/case.yaml" "$work" /proc/ibsa-interview-test.yaml; do
  interview $'2025-10-06\n?\nq\n' --save "$target"
  [ "$status" = 5 ] || fail "--save $target: exit $status, expected 5"
  grep -q "error\[E0007\]" "$work/err.txt" || fail "--save $target: no E0007: $(cat "$work/err.txt")"
  grep -q 'saved to\|Saved to' "$work/out.txt" && fail "--save $target: a save is announced: $(cat "$work/out.txt")"
  grep -q '^> ' "$work/out.txt" && fail "--save $target: a question was asked"
done
[ ! -e "$work/no-such-folder" ] || fail "a missing folder was created"

# 3. A new case file is created 0600, whatever the umask.
umask 022
interview $'2025-10-06\n?\nq\n' --save "$work/new.yaml"
[ "$status" = 0 ] || fail "new case: exit $status: $(cat "$work/err.txt")"
[ "$(stat -c %a "$work/new.yaml" 2>/dev/null)" = 600 ] || fail "new case file mode $(stat -c %a "$work/new.yaml" 2>/dev/null), expected 600"
grep -q 'Each answer is saved to' "$work/out.txt" || fail "new case: the start does not say where answers go"

# 4. A resumed case is not rewritten when nothing changed (quit at once).
write_case "$work/resumed.yaml"
cp "$work/resumed.yaml" "$work/resumed.before"
touch -d '2025-01-01 00:00' "$work/resumed.yaml"
interview $'q\n' --case "$work/resumed.yaml"
[ "$status" = 0 ] || fail "resume and quit: exit $status"
cmp -s "$work/resumed.yaml" "$work/resumed.before" || fail "resume and quit: the file was rewritten"
[ "$(stat -c %Y "$work/resumed.yaml")" = "$(date -d '2025-01-01 00:00' +%s)" ] || fail "resume and quit: the file was written"

# 5. An answer: mode, opening comment and expect block kept; the lost comment is named.
chmod 640 "$work/resumed.yaml"
interview $'?\nq\n' --case "$work/resumed.yaml"
[ "$status" = 0 ] || fail "resume and answer: exit $status: $(cat "$work/err.txt")"
[ "$(stat -c %a "$work/resumed.yaml")" = 640 ] || fail "the file's mode 640 became $(stat -c %a "$work/resumed.yaml")"
grep -q 'unknown' "$work/resumed.yaml" || fail "the answer was not saved: $(cat "$work/resumed.yaml")"
head -1 "$work/resumed.yaml" | grep -q '^# Intake of 6 October 2025' || fail "the opening comment was lost: $(cat "$work/resumed.yaml")"
grep -q 'source: "tests/interview_save.sh"' "$work/resumed.yaml" || fail "the expect block was lost: $(cat "$work/resumed.yaml")"
grep -q 'resumed.yaml:7:1: warning\[W0002\]' "$work/err.txt" || fail "the comment that is not kept is not named: $(cat "$work/err.txt")"
"$ibsa" --rulesets "$rulesets" test "$work/resumed.yaml" > /dev/null 2>&1
[ $? -le 1 ] || fail "the saved case cannot be run as a test case"
[ -z "$(leftovers "$work")" ] || fail "a temporary file was left"

# 6. A symbolic link stays a link to the file it named, which holds the answer.
mkdir -p "$work/real"
write_case "$work/real/case.yaml"
ln -s real/case.yaml "$work/link.yaml"
interview $'?\nq\n' --case "$work/link.yaml"
[ "$status" = 0 ] || fail "link: exit $status: $(cat "$work/err.txt")"
[ -L "$work/link.yaml" ] || fail "the symbolic link was replaced by a file"
grep -q 'unknown' "$work/real/case.yaml" || fail "the file the link names was not saved"

# The resume command printed at the end keeps the interview's language (issue 14): without
# --lang it restarted in English.
interview $'2025-10-06\n?\nq\n' --lang fr --save "$work/fr.yaml"
grep -q "ibsa interview --lang fr --case $work/fr.yaml" "$work/out.txt" ||
  fail "the resume command leaves out --lang fr: $(tail -3 "$work/out.txt")"

# 7. No core dump of a process holding what a victim said (item 15): read its limits while
# it waits for the date.
mkfifo "$work/answers"
"$ibsa" --rulesets "$rulesets" interview < "$work/answers" > "$work/core.txt" 2>&1 &
pid=$!
exec 3> "$work/answers"
for _ in $(seq 600); do grep -q 'Date of the facts' "$work/core.txt" && break; sleep 0.1; done
grep -Eq '^Max core file size +0 +0 ' "/proc/$pid/limits" || fail "interview may dump core: $(grep core "/proc/$pid/limits")"
exec 3>&-
wait "$pid"

[ "$failures" = 0 ] || exit 1
echo "interview saves: all checks passed"
