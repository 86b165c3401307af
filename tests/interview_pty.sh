#!/usr/bin/env bash
# End-to-end test of `ibsa interview` in a real pseudo-terminal (util-linux `script`):
# the officer of issue 5, in French, then a resumed interview, then one interrupted by
# Ctrl-C typed at the terminal.
# Usage: interview_pty.sh IBSA RULESETS WORKDIR
set -euo pipefail
ibsa="$1"; rulesets="$2"; work="$3"
rm -rf "$work"; mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

# How many prompts the interview has printed so far: the date prompt (any language)
# (again after a refusal), the confirmation of a date given as a time ago, and the "> " of
# each question.
prompts() { grep -a -c -E -e '^> ' -e '(Date of the facts|Date des faits|Datum van de feiten) \(' -e '\((y|j|o)/n\) ' "$1" 2>/dev/null || true; }

# Types each answer only once its prompt is on the screen, so that a slow start (a loaded
# CI machine, a sanitizer build) cannot make an answer miss its question. "^C" types the
# terminal's interrupt character, which the line discipline turns into SIGINT.
type_answers() {
  local out="$1" answers="$2" n=0 waited line
  while IFS= read -r line; do
    n=$((n + 1)); waited=0
    until [ "$(prompts "$out")" -ge "$n" ]; do
      sleep 0.1; waited=$((waited + 1))
      [ "$waited" -lt 600 ] || { echo "no prompt $n after 60 s" >&2; return 0; }
    done
    if [ "$line" = "^C" ]; then printf '\003'; else printf '%s\n' "$line"; fi
  done <<< "$answers"
  sleep 2  # let the last answer be read before the terminal closes
}

# Runs the interview in a pseudo-terminal with the given answers; its screen goes to OUT.
interview() {
  local out="$1" answers="$2"; shift 2
  : > "$out"
  type_answers "$out" "$answers" |
    script -qefc "$ibsa --rulesets $rulesets interview $*" /dev/null > "$out" 2>&1 || true
}

# 1. A new case in French: the date, then "don't know" once, a correction with "<", and quit.
interview "$work/out.txt" $'2025-10-06\n4\n?\n<\n4\nq' --jurisdiction BE --lang fr --save "$work/case.yaml"
grep -q "Qu'a fait l'auteur" "$work/out.txt" || fail "the first question is not asked in French"
grep -q "possible" "$work/out.txt" || fail "no finding line after an answer"
grep -q "type: share" "$work/case.yaml" || fail "the answer was not saved: $(cat "$work/case.yaml")"
"$ibsa" --rulesets "$rulesets" evaluate "$work/case.yaml" > /dev/null || fail "the saved case is not valid"

# 2. Resume: the answered question is not asked again; the case file grows.
interview "$work/out.txt" $'q' --case "$work/case.yaml" --lang en
grep -q "What did the perpetrator do" "$work/out.txt" && fail "a resumed interview asked an answered question"
grep -q "Saved to $work/case.yaml" "$work/out.txt" || fail "a resumed interview does not save back to its case"

# 3. Interrupted by Ctrl-C after an answer: the case file is complete and valid.
interview "$work/cut.txt" $'2025-10-06\n4\n^C' --save "$work/cut.yaml"
grep -q "type: share" "$work/cut.yaml" || fail "the answer before the interruption was lost: $(cat "$work/cut.txt")"
"$ibsa" --rulesets "$rulesets" evaluate "$work/cut.yaml" > /dev/null || fail "the interrupted case is not valid"
[ -z "$(find "$work" -maxdepth 1 -name '.cut.yaml.*')" ] || fail "a temporary file was left behind"
grep -q "Saved to $work/cut.yaml\. " "$work/cut.txt" && fail "the interview went on to its end instead of being interrupted"
# 4. Dates as people know them (Dutch): Enter alone is no date (asked again, with the forms
# allowed); a day written day first is that day.
interview "$work/nl.txt" $'\n20-10-2025\n4\nq' --jurisdiction NL --lang nl --save "$work/nl.yaml"
grep -q "Schrijf een dag" "$work/nl.txt" || fail "Enter alone was taken as a date: $(head -5 "$work/nl.txt")"
grep -q "^date: 2025-10-20$" "$work/nl.yaml" || fail "20-10-2025 was not read day first: $(cat "$work/nl.yaml")"

# 5. "About two weeks ago" becomes a range the officer confirms, saved as a range.
interview "$work/ago.txt" $'ongeveer twee weken geleden\nj\n4\nq' --jurisdiction NL --lang nl --save "$work/ago.yaml"
grep -q "Klopt dat? (j/n)" "$work/ago.txt" || fail "a time ago was not confirmed: $(head -5 "$work/ago.txt")"
grep -Eq "^date: \{from: [0-9]{4}-[0-9]{2}-[0-9]{2}, to: [0-9]{4}-[0-9]{2}-[0-9]{2}\}$" "$work/ago.yaml" ||
  fail "a time ago was not saved as a range: $(cat "$work/ago.yaml")"
"$ibsa" --rulesets "$rulesets" evaluate "$work/ago.yaml" > /dev/null || fail "the case with a range is not valid"
echo "interview: all checks passed"
