#!/usr/bin/env bash
# Every text a Dutch- or French-speaking user reads about the law, in the output of every
# bundled case, is in that language's own words and cites the law, never the project's
# research: no research file ("be-law.md"), "the brief", scenario number ("S25",
# "scenario 8"), and no English fallback marker; and, in nl, fr and en, no rule's id
# ("be.sw.136.only-to-victim": the loader prints one as the rule's citation, and refuses one
# that names no rule), where a version's id ("eu.csad.2024-02-06", what --with takes) may
# stand. Reads the JSON output's rule texts (the case's own id and title are the user's, and
# are left out).
# Usage: outputs_speak_the_law.sh IBSA RULESETS CASES_DIR
set -euo pipefail
ibsa="$1" rulesets="$2" cases="$3"
pattern='\b[a-z]{2}-(law|law-verify|new-code|eu-updates)\.md\b|shared/legal|\bthe brief\b|\b[Ss][0-9]{1,2}\b|\bscenario [0-9]+|\(en\) '
# Not inside a word, a web address or a path (as the loader reads a token: IdTokens).
rule_id='(^|[^A-Za-z0-9./:@_-])(be|nl|eu)\.[a-z]+\.[a-z0-9][a-z0-9._-]*'
version_id='\.[0-9]{4}-[0-9]{2}-[0-9]{2}$'
failures=0 checked=0
while IFS= read -r -d '' file; do
  for lang in nl fr en; do
    texts=$("$ibsa" --rulesets "$rulesets" evaluate --format json --lang "$lang" --assessed-on 2026-12-02 "$file" |
      jq -r '.findings[] | [.heading, .title, .note, .certainty_reason, .penalty.summary?, .penalty.note?,
              .penalty.certainty_reason?, (.elements[].label), (.aggravations[] | .label, .certainty_reason,
              .penalty.summary?, .penalty.certainty_reason?), (.level_notes[]?), .version.note]
             | .[] | select(. != null)')
    checked=$((checked + 1))
    if [ "$lang" != en ] && found=$(grep -E -o "$pattern" <<<"$texts" | head -3) && [ -n "$found" ]; then
      echo "$file ($lang): refers to research: $(tr '\n' ' ' <<<"$found")"
      failures=$((failures + 1))
    elif found=$(grep -E -o "$rule_id" <<<"$texts" | sed -E 's/^[^a-z]//' | grep -Ev "$version_id" | head -3) &&
         [ -n "$found" ]; then
      echo "$file ($lang): names a rule by its id: $(tr '\n' ' ' <<<"$found")"
      failures=$((failures + 1))
    fi
  done
done < <(find "$cases" -name '*.yaml' -print0 | sort -z)
echo "outputs: $((checked - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
