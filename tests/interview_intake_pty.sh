#!/usr/bin/env bash
# Two intakes of issue 14 typed into `ibsa interview` in a real pseudo-terminal (util-linux
# `script`), each in nl, fr and en: a Belgian 16-year-old's report of a sexual deepfake shared in
# a class group chat, and a Dutch adult's sextortion (an intimate image, then a money demand
# weeks later). Each answer is chosen from the scenario by the fact whose question is on the
# screen (found in facts.yaml in the interview's language), so the scenario is written once
# for the three languages; a question the scenario does not answer is answered "don't know".
# Checked: the greeting, the disclaimer and the help line come before the first prompt; every
# question has its why-line; fewer questions than before (22 and 27); no question a victim
# cannot answer (a fact marked `intake: for_lawyer`); relationship and when the victim found
# out are in the saved file; it ends with the action plan, without "report to the police" on
# the police officer's screen; after an answer only what changed is printed.
# Usage: interview_intake_pty.sh IBSA RULESETS WORKDIR
set -euo pipefail
ibsa="$1"; rulesets="$2"; work="$3"
facts="$rulesets/facts.yaml"
rm -rf "$work"; mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

# The prompts printed so far: the date prompt (any language) and the "> " of each question.
prompts() { grep -a -c -E -e '^> ' -e '(Date of the facts|Date des faits|Datum van de feiten) \(' -e '\((y|j|o)/n\) ' "$1" 2>/dev/null || true; }

# The question on the screen: the line after the last empty line, without an uncertain act's
# " [member]".
question_on_screen() {
  tr -d '\r' < "$1" | awk 'prev == "" { q = $0 } { prev = $0 } END { print q }' | sed -E 's/ \[[a-z_]+\]$//'
}

# The fact whose question in language $2 is $1 (facts.yaml writes each on its own line).
fact_of_question() {
  awk -v text="$1" -v lang="$2" '
    /^  - name: / { name = $3 }
    index($0, "      " lang ": \"") == 1 {
      t = substr($0, length(lang) + 10); t = substr(t, 1, length(t) - 1)
      if (t == text) { print name; exit }
    }' "$facts"
}

# Answers each prompt once it is on the screen: the date first, then for each question the
# scenario's answer for its fact ("?" when the scenario has none). Logs the facts asked.
converse() {
  local out="$1" lang="$2" date="$3" scenario="$4" asked="$5" n=0 waited question fact answer
  : > "$asked"
  while :; do
    n=$((n + 1)); waited=0
    until [ "$(prompts "$out")" -ge "$n" ]; do
      sleep 0.1; waited=$((waited + 1))
      if [ "$waited" -ge 100 ]; then sleep 1; return 0; fi  # no prompt for 10 s: the interview is over
    done
    if [ "$n" -eq 1 ]; then printf '%s\n' "$date"; continue; fi
    question="$(question_on_screen "$out")"
    fact="$(fact_of_question "$question" "$lang")"
    [ -n "$fact" ] || { echo "UNKNOWN QUESTION: $question" >> "$asked"; printf 'q\n'; sleep 1; return 0; }
    echo "$fact" >> "$asked"
    answer="$(awk -F'\t' -v f="$fact" '$1 == f { print $2; exit }' "$scenario")"
    printf '%s\n' "${answer:-?}"
  done
}

# One intake: a new case in language $2 under $3's law, saved to $work/$1.yaml.
intake() {
  local name="$1" lang="$2" jurisdiction="$3" date="$4" scenario="$5"
  local out="$work/$name.txt"
  : > "$out"
  converse "$out" "$lang" "$date" "$scenario" "$work/$name.asked" |
    script -qefc "$ibsa --rulesets $rulesets interview --jurisdiction $jurisdiction --lang $lang --save $work/$name.yaml" \
      /dev/null > "$out" 2>&1 || true
}

# The facts the intake never asks: the providers' internals.
for_lawyer="$(awk '/^  - name: / { name = $3 } /^    intake: for_lawyer/ { print name }' "$facts")"
[ -n "$for_lawyer" ] || fail "facts.yaml marks no fact for_lawyer"

# Checks an intake's screen, its questions and its saved case. $3: fewer questions than this.
# (No `... | grep -q` nor an awk that exits early here: the reader stopping first would fail
# the writer with SIGPIPE, which pipefail makes the check's failure.)
check_intake() {
  local name="$1" lang="$2" limit="$3" plan="$4" police="$5"
  local out="$work/$name.txt" asked="$work/$name.asked" case="$work/$name.yaml"
  grep -q "UNKNOWN QUESTION" "$asked" && fail "$name: a question not found in facts.yaml: $(grep UNKNOWN "$asked")"
  local count; count=$(wc -l < "$asked")
  echo "$name: $count questions: $(tr '\n' ' ' < "$asked")"
  [ "$count" -lt "$limit" ] || fail "$name: $count questions, not fewer than $limit"
  for fact in $for_lawyer; do
    grep -qx "$fact" "$asked" && fail "$name: asked '$fact', which only a lawyer can find out"
  done
  # The greeting, the disclaimer and the help line come before the first prompt.
  local before; before="$(tr -d '\r' < "$out" | awk '/(Date of the facts|Date des faits|Datum van de feiten) \(/ { done = 1 } !done { print }')"
  grep -q "^ibsa" <<< "$before" || fail "$name: no greeting before the date prompt"
  grep -q -e '? = ' <<< "$before" || fail "$name: no help line before the date prompt"
  [ "$(wc -l <<< "$before")" -ge 4 ] || fail "$name: no disclaimer before the date prompt"
  # Every question says why it is asked: as many why-lines as questions.
  local whys; whys=$(grep -a -c -E '^  (Why this question|Waarom deze vraag|Pourquoi cette question)' "$out" || true)
  [ "$whys" -eq "$count" ] || fail "$name: $whys why-lines for $count questions"
  # A calm screen: no findings reprinted after each answer, only changes (+, ?, -).
  local lines; lines=$(tr -d '\r' < "$out" | awk '/^> / { on = 1; next } on && /^$/ { on = 0 } on' | grep -c -v -E '^  [-+?] ' || true)
  [ "$lines" -eq 0 ] || fail "$name: $lines lines after an answer that are not changes"
  grep -q "relationship:" "$case" || fail "$name: the relationship is not in the saved case: $(cat "$case")"
  grep -q "learned_on:" "$case" || fail "$name: when the victim found out is not in the saved case"
  "$ibsa" --rulesets "$rulesets" evaluate "$case" > /dev/null || fail "$name: the saved case is not valid"
  local screen; screen="$(tr -d '\r' < "$out")"
  grep -q -F "== $plan ==" <<< "$screen" || fail "$name: no action plan at the end"
  grep -q -F "$police" <<< "$screen" && fail "$name: '$police' shown to the police officer"
  return 0
}

# The Belgian 16-year-old: a face swap made and shared by a classmate in the class group chat.
printf '%s\t%s\n' \
  acts share victim.real_person yes victim.age 16 image.technique face_swap \
  image.content nudity image.medium image image.realistic yes victim.identifiable yes \
  victim.consent_creation no victim.consent_sharing no service.type messaging \
  distribution.recipients_several yes perpetrator.relationship peer perpetrator.age 16 \
  victim.learned_on 2026-11-18 perpetrator.demand none perpetrator.threat_violence no \
  distribution.doxing no service.notified no victim.holds_image no > "$work/be-minor.tsv"
# The Dutch adult: an intimate picture she sent him, then weeks later a demand for money.
printf '%s\t%s\n' \
  acts "possess 2026-09-01, threaten" victim.real_person yes victim.age 34 image.technique authentic \
  image.content nudity image.medium image victim.identifiable yes victim.consent_creation yes \
  victim.consent_sharing no victim.private_setting yes perpetrator.demand money victim.complied no \
  service.type messaging perpetrator.relationship none victim.learned_on 2026-10-15 \
  perpetrator.threat_violence no perpetrator.false_identity yes distribution.recipients_several no \
  service.notified no victim.holds_image yes > "$work/nl-adult.tsv"

# The plan's heading, and the titles of the referrals to the police (BE, NL), per language.
for lang in fr nl en; do
  case "$lang" in
    fr) plan="Plan d'action : que faire maintenant"; be_police="Porter plainte à la police"
        nl_police="Porter plainte auprès de la police" ;;
    nl) plan="Actieplan: wat nu te doen"; be_police="Aangifte bij de politie"; nl_police="Aangifte doen bij de politie" ;;
    en) plan="Action plan: what to do now"; be_police="Report to the police"; nl_police="Report to the police" ;;
  esac
  intake "be-minor-$lang" "$lang" BE 2026-11-16 "$work/be-minor.tsv"
  check_intake "be-minor-$lang" "$lang" 22 "$plan" "$be_police"
  intake "nl-adult-$lang" "$lang" NL 2026-10-15 "$work/nl-adult.tsv"
  check_intake "nl-adult-$lang" "$lang" 27 "$plan" "$nl_police"
done
# Resumed: what was answered "don't know" is offered again, first, after one line that says
# so; the language stays the one asked for.
resumed="$work/be-minor-fr-resumed.txt"
: > "$resumed"
printf '?\nq\n' | script -qefc "$ibsa --rulesets $rulesets interview --lang fr --case $work/be-minor-fr.yaml" /dev/null \
  > "$resumed" 2>&1 || true
# The facts answered "don't know": asked, and not answered by the scenario.
dont_knows="$(awk -F'\t' 'NR == FNR { known[$1] = 1; next } !($1 in known)' "$work/be-minor.tsv" "$work/be-minor-fr.asked")"
[ -n "$dont_knows" ] || fail "the French intake answered no question \"don't know\""
grep -a -q "Reposées d'abord, car elles n'étaient pas connues la dernière fois" "$resumed" ||
  fail "the resumed intake does not say that don't-knows are asked again: $(tr -d '\r' < "$resumed" | head -20)"
first_again="$(tr -d '\r' < "$resumed" | awk '/^Reposées d.abord/ { on = 1; next } on && !done && prev == "" && $0 != "" { print; done = 1 } { prev = $0 }')"
first_fact="$(fact_of_question "$first_again" fr)"
grep -qx -- "$first_fact" <<< "$dont_knows" ||
  fail "the resumed intake first asks '$first_again' ($first_fact), not a question answered \"don't know\""
grep -a -q "ibsa interview --lang fr --case" "$resumed" || fail "the resume line does not keep --lang fr"
echo "intake interviews: all checks passed"
