#!/usr/bin/env bash
# End-to-end test of `ibsa interview` in a real pseudo-terminal (util-linux `script`):
# the officer of issue 5, in French, then a resumed interview, then an interrupted one.
# Usage: interview_pty.sh IBSA RULESETS WORKDIR
set -euo pipefail
ibsa="$1"; rulesets="$2"; work="$3"
rm -rf "$work"; mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

# Runs the interview in a pseudo-terminal, typing the given lines with pauses so that each
# answer meets its question.
interview() {
  local answers="$1"; shift
  { sleep 1; while IFS= read -r line; do printf '%s\n' "$line"; sleep 0.3; done <<< "$answers"; sleep 1; } |
    script -qefc "$ibsa --rulesets $rulesets interview $*" /dev/null > "$work/out.txt" 2>&1 || true
}

# 1. A new case in French: the date, then "don't know" once, a correction with "<", and quit.
interview $'2025-10-06\n4\n?\n<\n4\nq' --jurisdiction BE --lang fr --save "$work/case.yaml"
grep -q "Qu'a fait l'auteur" "$work/out.txt" || fail "the first question is not asked in French"
grep -q "possible" "$work/out.txt" || fail "no finding line after an answer"
grep -q "type: share" "$work/case.yaml" || fail "the answer was not saved: $(cat "$work/case.yaml")"
"$ibsa" --rulesets "$rulesets" evaluate "$work/case.yaml" > /dev/null || fail "the saved case is not valid"

# 2. Resume: the answered question is not asked again; the case file grows.
interview $'q' --case "$work/case.yaml" --lang en
grep -q "What did the perpetrator do" "$work/out.txt" && fail "a resumed interview asked an answered question"
grep -q "Saved to $work/case.yaml" "$work/out.txt" || fail "a resumed interview does not save back to its case"

# 3. Interrupted (Ctrl-C) after an answer: the case file is complete and valid.
{ sleep 1; printf '2025-10-06\n'; sleep 0.5; printf '4\n'; sleep 9; } |
  script -qefc "timeout -s INT 8 $ibsa --rulesets $rulesets interview --save $work/cut.yaml" /dev/null > "$work/cut.txt" 2>&1 || true
grep -q "type: share" "$work/cut.yaml" || fail "the answer before the interruption was lost"
"$ibsa" --rulesets "$rulesets" evaluate "$work/cut.yaml" > /dev/null || fail "the interrupted case is not valid"
[ ! -e "$work/cut.yaml.tmp" ] || fail "a temporary file was left behind"
echo "interview: all checks passed"
