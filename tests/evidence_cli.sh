#!/usr/bin/env bash
# `ibsa evidence` end to end (issue 13): a file's hash is computed here and equals
# sha256sum's; the item is appended to the case file, which keeps its opening comment and
# expect block and still reads; the file's name and content are not written; a case about a
# minor gets no hash (exit 6, the file not even opened) but a URL-only item; a bad --supports
# leaves the file as it was; JSON stays JSON; an interview that resumes the case keeps the log.
# Usage: evidence_cli.sh IBSA RULESETS WORKDIR
set -uo pipefail
ibsa="$1"; rulesets="$2"; work="$3"
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
run() { "$ibsa" --rulesets "$rulesets" "$@" > "$work/out.txt" 2> "$work/err.txt"; status=$?; }

cat > "$work/adult.yaml" <<'YAML'
# Intake of 14 March 2025: evidence kept by the person shown.
id: evidence-test
jurisdiction: BE
date: 2025-03-14
victim: {real_person: true, age: 29, identifiable: true, consent_sharing: false}
image: {technique: undress, content: nudity, realistic: true, appears_minor: false}
acts: [share]
distribution: {only_to_victim: false}
expect:
  source: "tests/evidence_cli.sh"
  applies: [be.sw.417-9]
YAML
printf 'not an image, a stand-in for a screenshot\n' > "$work/secret-screenshot-name.png"
expected=$(sha256sum "$work/secret-screenshot-name.png" | cut -d' ' -f1)

# 1. A file and its address: the hash is sha256sum's, and it is in the case.
run evidence add "$work/adult.yaml" "$work/secret-screenshot-name.png" --url https://example.org/p/1 \
    --service "Example Messenger" --seen-on 2025-03-14 --supports be.sw.417-9.dissemination
[ "$status" = 0 ] || fail "add with a file: exit $status $(cat "$work/err.txt")"
grep -qx "sha256 $expected" "$work/out.txt" || fail "printed hash is not sha256sum's: $(cat "$work/out.txt")"
grep -q "sha256: $expected" "$work/adult.yaml" || fail "the hash is not in the case"
grep -q "secret-screenshot-name" "$work/adult.yaml" && fail "the file's name was written into the case"
grep -q "stand-in" "$work/adult.yaml" && fail "the file's content was written into the case"
head -1 "$work/adult.yaml" | grep -q "^# Intake of 14 March 2025" || fail "the opening comment was lost"
grep -q 'source: "tests/evidence_cli.sh"' "$work/adult.yaml" || fail "the expect block was lost"
run test "$work/adult.yaml"
[ "$status" = 0 ] || fail "the saved case no longer passes: $(cat "$work/out.txt" "$work/err.txt")"

# 2. A second, URL-only item; list shows both, numbered.
run evidence add "$work/adult.yaml" --url https://example.org/users/acc --supports malicious_or_profit
[ "$status" = 0 ] || fail "URL-only add: exit $status $(cat "$work/err.txt")"
grep -q "evidence item 2 added" "$work/out.txt" || fail "second item not numbered 2: $(cat "$work/out.txt")"
run evidence list "$work/adult.yaml"
grep -q "#1 https://example.org/p/1 (service Example Messenger; seen 2025-03-14; SHA-256 $expected)" "$work/out.txt" \
  || fail "list: $(cat "$work/out.txt")"
grep -q "#2 https://example.org/users/acc" "$work/out.txt" || fail "list lacks item 2"
run evaluate "$work/adult.yaml"
grep -q "evidence #1: https://example.org/p/1" "$work/out.txt" || fail "evaluate does not list the evidence"

# 3. A --supports that names no element: E0123, the file untouched.
cp "$work/adult.yaml" "$work/before.yaml"
run evidence add "$work/adult.yaml" --url https://example.org/x --supports be.sw.417-9
[ "$status" = 4 ] || fail "bad --supports: exit $status"
grep -q "E0123" "$work/err.txt" || fail "bad --supports: $(cat "$work/err.txt")"
cmp -s "$work/adult.yaml" "$work/before.yaml" || fail "a refused item changed the file"
run evidence add "$work/adult.yaml" --url example.org/x
[ "$status" = 4 ] && grep -q "E0120" "$work/err.txt" || fail "bad --url: exit $status $(cat "$work/err.txt")"
cmp -s "$work/adult.yaml" "$work/before.yaml" || fail "a refused url changed the file"

# 4. A minor: no file is hashed, not even opened (a missing file is not an E0001), exit 6;
# the URL-only item is taken.
cat > "$work/minor.yaml" <<'YAML'
id: minor-test
jurisdiction: BE
date: 2025-03-14
victim: {real_person: true, age: 15}
image: {technique: undress, content: nudity}
acts: [share]
YAML
cp "$work/minor.yaml" "$work/minor.before"
run evidence add "$work/minor.yaml" "$work/no-such-file.png" --url https://example.org/m/1
[ "$status" = 6 ] || fail "minor: exit $status, not 6: $(cat "$work/err.txt")"
grep -q "error\[E0125\]: no file is hashed for this case: the case states that the person shown is a minor" "$work/err.txt" \
  || fail "minor: $(cat "$work/err.txt")"
grep -q "\[be.sw.173\]" "$work/err.txt" || fail "minor: the possession offence is not named"
grep -q "E0001" "$work/err.txt" && fail "minor: the file was opened"
cmp -s "$work/minor.yaml" "$work/minor.before" || fail "minor: the case changed"
run evidence add "$work/minor.yaml" --url https://example.org/m/1 --seen-on 2025-03-14
[ "$status" = 0 ] || fail "minor, URL only: exit $status $(cat "$work/err.txt")"
grep -q "sha256" "$work/minor.yaml" && fail "minor: a hash was written"
run evaluate "$work/minor.yaml"
grep -q "! Child sexual abuse material: report where it is" "$work/out.txt" || fail "minor: no 'report the location' line"

# 5. A JSON case stays JSON.
"$ibsa" --rulesets "$rulesets" evaluate --format json "$work/adult.yaml" > /dev/null
printf '{"id": "j", "jurisdiction": "NL", "date": "2025-03-14", "victim": {"age": 30, "real_person": true}, "image": {"appears_minor": false}}\n' > "$work/case.json"
run evidence add "$work/case.json" "$work/secret-screenshot-name.png"
[ "$status" = 0 ] || fail "json add: exit $status $(cat "$work/err.txt")"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['evidence'][0]['sha256']==sys.argv[2]" \
  "$work/case.json" "$expected" || fail "json case: $(cat "$work/case.json")"

# 6. An interview that resumes the case keeps its evidence log.
printf '?\nq\n' | "$ibsa" --rulesets "$rulesets" interview --case "$work/adult.yaml" > "$work/out.txt" 2> "$work/err.txt"
grep -q "sha256: $expected" "$work/adult.yaml" || fail "the interview dropped the evidence: $(cat "$work/adult.yaml")"
grep -q "url: https://example.org/users/acc" "$work/adult.yaml" || fail "the interview dropped item 2"
grep -q "unknown" "$work/adult.yaml" || fail "the interview did not save its answer: $(cat "$work/adult.yaml")"

if [ "$failures" = 0 ]; then echo "evidence: all checks passed"; else exit 1; fi
