#!/usr/bin/env bash
# Prints docs/api.md: the API's reference with curl examples and the output they give
# today, from a real `ibsa serve` on loopback. CI checks that docs/api.md is current.
# Usage: scripts/api-doc.sh IBSA RULESETS
set -euo pipefail
ibsa=$(realpath "$1"); rulesets=$(realpath "$2")
cd "$(dirname "$0")/.."  # the examples name files of the repository
out=$(mktemp); trap 'kill "$pid" 2>/dev/null; rm -f "$out"' EXIT
"$ibsa" --rulesets "$rulesets" serve --port 0 --quiet > "$out" &
pid=$!
for _ in $(seq 100); do grep -q "http://" "$out" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$out" | cut -d: -f2)
# The examples are written for port 8080; they run against the port the server got.
run() {
  local shown="$1"
  echo '```sh'
  echo "$shown"
  echo '```'
  echo '```'
  bash -c "${shown//8080/$port}"
  echo '```'
}

cat <<'EOF'
# HTTP API (`ibsa serve`)

`ibsa serve` serves the intake page and a JSON API on this machine:

```sh
./ibsa.sh serve                      # builds, then serves http://127.0.0.1:8080/
ibsa serve --port 0                  # any free port; the first line says which
ibsa serve --bind 0.0.0.0 --allow-host intake.example   # other machines too: warned, not advised
```

It listens on 127.0.0.1 unless `--bind` says otherwise, and answers only requests addressed
(`Host`) to `localhost`, `127.0.0.1` or `::1`, to the address it is bound to, or to a name
given with `--allow-host` (a web page elsewhere cannot reach it by rebinding its own name to
this machine's address). A `POST` to the API must send `Content-Type: application/json`, and
a request that names another site in `Origin` is refused: a page elsewhere cannot make the
server work. Nothing a request contains is stored or logged: the log on standard error has
one line per request, `METHOD PATH STATUS TIME`, with every byte of the path outside
printable ASCII written `%XX` (`--quiet` turns it off). SIGINT or SIGTERM stops the server.
Responses say `Cache-Control: no-store`, and the page runs under a Content-Security-Policy
that allows nothing from elsewhere.

Limits: a request (request line, headers, body) must arrive whole within `--timeout` seconds
(default 10) of its first byte, and the first request of a connection within as many of the
connection; a response must be taken within as many; a connection idle between requests is
closed after 5 s, and after 100 requests. Request line and headers: 32 KiB; bodies: 256 KiB;
JSON nesting: 32 levels. At most `--max-connections` (default 128) connections are served at
once, each on a thread of its own, so that slow or idle clients cannot keep others waiting;
one more is answered 503 at once. Pipelined requests are answered in turn; a `Range` header is
ignored (answers are whole); a request with two `Content-Length` headers, or one and
`Transfer-Encoding`, is refused. `HEAD` works for the page's files.

The answers are the CLI's own: `/api/evaluate` returns what `ibsa evaluate --format json`
prints for the same case and options, byte for byte ([json-format.md](json-format.md)), and
so on for each endpoint (tested in `tests/unit/api_test.cc` and `tests/unit/server_test.cc`).

| endpoint | body | answer | CLI equivalent |
|---|---|---|---|
| `POST /api/evaluate` | `case`, and optionally `as_of`, `assessed_on`, `with`, `lang`, `explain`, `next_questions`, `reader` | the result ([json-format.md](json-format.md)) | `evaluate --format json` |
| `POST /api/next-questions` | as `/api/evaluate` | the result with `next_questions` | `evaluate --format json --next-questions` |
| `POST /api/report` | as `/api/evaluate`, and `format`: `html` (default) or `markdown` | the report, `text/html` or `text/markdown` | `evaluate --format html` |
| `POST /api/letter` | as `/api/evaluate` without `reader`, and `kind`: `dsa-notice` or `gdpr-erasure`; optionally `name`, `email`, `address`, `to` (the sender and the service, written into the letter only; else marked blanks `[...]`) | the letter, `text/plain`; `assessed_on` is its date | `letter` |
| `POST /api/handover` | as `/api/evaluate`, and `format`: `html` (default) or `markdown` | the handover pack for the police or the lawyer (action plan, facts, elements met and open, evidence, open questions), `text/html` or `text/markdown` | `handover` |
| `POST /api/case` | `case` | `{"case": the case as a JSON object, "yaml": the same as YAML}` | (the interview's `--save`) |
| `POST /api/interview` | as `/api/evaluate`, and optionally `steps` (as the last answer gave them), `action` and `for_lawyer` | `{"steps", "asked_again", "case", "question", "findings", "ranked"}`: the interview after the action (see below) | `interview` |
| `POST /api/gaps` | `jurisdiction`, and optionally `date`, `with`, `lang` | the summary and the gap patterns | `gaps --format json` |
| `POST /api/diff` | `jurisdiction`, and `from` + `to`, or `vs`, or `with`; optionally `date`, `lang` | the changed patterns | `diff --format json` |
| `GET /api/rulesets` | | every instrument version: jurisdiction, instrument, title, dates, status, number of rules | |
| `GET /api/facts` | | the vocabulary: each fact's type, values and their labels, label, question and sensitivity, intake `stage`, `intake` (`decides`, `basic` or `for_lawyer`) and `why`, in nl, fr and en | |

`case` is either a JSON object (the case file's keys: `{"id": ..., "jurisdiction": "BE",
"date": "2025-10-06", "victim": {"age": 15}, "acts": [{"type": "share"}]}`, see
[case-format.md](case-format.md)) or a string holding a YAML or JSON case file. A fact the
case does not state is unknown; `"unknown"` says so explicitly (asked, and not known).
`assessed_on` defaults to today; `lang` to `en`. Dates are `YYYY-MM-DD`.

`reader` says who will read the action plan: `police`, `lawyer` or `support` (a support
service). The plan then leaves out the actions that turn to that reader (`to:` in
`rulesets/actions.yaml`: "report to the police" is no action to show the police officer),
as `ibsa interview --reader` does; the report (`/api/report`) also leaves out the findings of
those rules (the referral "report to the police"), the other findings stay as they are (and in
the JSON of `/api/evaluate`, and the handover pack, for whoever takes the case over). Without it the plan is
everyone's (the victim's, or of someone helping them). It applies to every answer with a
plan: `/api/evaluate`, `/api/next-questions`, `/api/report`, `/api/handover` and the end of
`/api/interview`. Any other value is refused (422, `field` `/reader`, the readers allowed).

## Errors

Every error is JSON, with the HTTP status, a message, the offending field as a JSON pointer
into the request body (`""` for the body as a whole), and, when the engine found it, its
stable code ([errors.md](errors.md)) and help lines:

| status | when |
|---|---|
| 400 | the body is not JSON, not an object, nested deeper than 32 levels, or a key is unknown or of the wrong type; the request gives its length twice; it is not valid HTTP |
| 403 | the request was addressed (`Host`) to a name this server does not answer to, or comes from another site (`Origin`) |
| 404 | no such endpoint or page |
| 405 | the endpoint takes another method |
| 408 | the request did not arrive whole within `--timeout` seconds |
| 413 | the body is over 256 KiB |
| 415 | a `POST` to the API without `Content-Type: application/json` |
| 422 | well-formed, but the case or an option is not valid: an unknown fact, a value outside the allowed set, a proposal that does not exist, an assessment date before all the encoded law (E0303) |
| 431 | the request line and headers are over 32 KiB |
| 503 | `--max-connections` connections are being served; try again |

## Examples

The outputs below are real: `scripts/api-doc.sh` runs each command against `ibsa serve`
and writes this file, and CI checks that it is current. Long answers are cut with `jq`.
EOF

echo
echo "### Which law is encoded"
run "curl -s http://127.0.0.1:8080/api/rulesets | jq -c '.versions[] | select(.jurisdiction == \"NL\" and .instrument == \"Sr\") | {id, in_force_from, in_force_until, status, rules}'"
echo
echo "### A fact and its question"
run "curl -s http://127.0.0.1:8080/api/facts | jq '.facts[] | select(.name == \"perpetrator.relationship\") | {name, type, sensitivity, stage, intake, question: .question.fr, why: .why.fr, values: [.values[].label.fr]}'"
echo
echo "### Evaluate a partial case"
echo
echo "What an intake officer knows at first: a classmate shared an app-made image of a 15-year-old."
run "curl -s http://127.0.0.1:8080/api/evaluate -H 'Content-Type: application/json' -d '{
  \"case\": {\"id\": \"partial-classmate-app\", \"jurisdiction\": \"BE\", \"date\": \"2025-10-06\",
           \"victim\": {\"real_person\": true, \"age\": 15}, \"image\": {\"technique\": \"undress\"},
           \"perpetrator\": {\"relationship\": \"peer\"}, \"acts\": [{\"type\": \"create\"}, {\"type\": \"share\"}]},
  \"assessed_on\": \"2026-11-21\"}' | jq -c '.findings[] | select(.kind == \"offence\") | [.status, .article, .instrument, .certainty]'"
echo
echo "### The questions to ask next"
run "curl -s http://127.0.0.1:8080/api/next-questions -H 'Content-Type: application/json' -d '{
  \"case\": {\"id\": \"partial-classmate-app\", \"jurisdiction\": \"BE\", \"date\": \"2025-10-06\",
           \"victim\": {\"real_person\": true, \"age\": 15}, \"image\": {\"technique\": \"undress\"},
           \"perpetrator\": {\"relationship\": \"peer\"}, \"acts\": [{\"type\": \"create\"}, {\"type\": \"share\"}]},
  \"assessed_on\": \"2026-11-21\", \"lang\": \"nl\"}' | jq -c '.next_questions[:3][] | {fact, sensitivity, decides: (.decides | length)}'"
echo
echo "### A case file, as YAML, with a report in French"
run "jq -n --rawfile case cases/demo/be-ex-partner-undress-posted.yaml '{case: \$case, lang: \"fr\", format: \"html\", assessed_on: \"2026-11-21\"}' |
  curl -s http://127.0.0.1:8080/api/report -H 'Content-Type: application/json' -d @- | grep -o '<h2>[^<]*</h2>'"
echo
echo "### The plan as the police officer reads it"
echo
echo "The same case's action plan, for everyone and then with \`\"reader\": \"police\"\`: the complaint to the police is left out."
run "for reader in null '\"police\"'; do
  jq -n --rawfile case cases/demo/be-ex-partner-undress-posted.yaml --argjson reader \"\$reader\" '{case: \$case, assessed_on: \"2026-11-21\", reader: \$reader}' |
    curl -s http://127.0.0.1:8080/api/evaluate -H 'Content-Type: application/json' -d @- | jq -c '[.actions[].id]'
done"
echo
echo "### A notice to the platform (art. 16 DSA) from a case file"
echo
echo "The sender's name and e-mail are written into the answer only, never kept or logged."
run "jq -n --rawfile case cases/demo/be-ex-partner-undress-evidence.yaml '{case: \$case, kind: \"dsa-notice\", lang: \"en\", assessed_on: \"2026-11-21\", name: \"A. Person\", email: \"a.person@example.org\"}' |
  curl -s http://127.0.0.1:8080/api/letter -H 'Content-Type: application/json' -d @- | head -12"
echo
echo "### The handover pack for the police or the lawyer, in Dutch"
run "jq -n --rawfile case cases/demo/be-ex-partner-undress-evidence.yaml '{case: \$case, lang: \"nl\", format: \"html\", assessed_on: \"2026-11-21\"}' |
  curl -s http://127.0.0.1:8080/api/handover -H 'Content-Type: application/json' -d @- | grep -o '<h2>[^<]*</h2>'"
echo
echo "### Normalise a case (YAML in, JSON and YAML out)"
run "curl -s http://127.0.0.1:8080/api/case -H 'Content-Type: application/json' -d '{\"case\": \"id: x\\njurisdiction: NL\\ndate: 2025-01-10\\nvictim: {age: unknown}\\nacts: [threaten]\\n\"}'"
echo
echo "### One question at a time"
echo
cat <<'EOF'
The interview of `ibsa interview`, kept by the client, in the same order (the intake's stages,
docs/ruleset-format.md; the facts the record needs; the providers' internals only with
`"for_lawyer": true`, the lawyer's follow-up; what the starting case states `unknown` offered
again, first): each request gives the starting `case`, the `steps` taken so far (as the
previous answer returned them) and one `action`:
`{"answer": "..."}` (what the terminal accepts: yes/no in nl, fr or en, a value's number or
name, a number, a date, values separated by commas or `-` for none), `{"acts": [...]}` (the
question of the acts answered act by act, as a case lists them: each `{"type", "date"?,
"certain"?}`, the date of the facts when no `date`, `"certain": false` for an act reported as
possible, not established; `[]` for none), `{"dont_know": true}` (the fact is written as
unknown; an act reported as uncertain stays uncertain and is no longer asked about),
`{"not_said": true}` (prefer not to say: the fact is listed in the case's `not_said` and not
asked again), `{"ask": "fact"}` (that fact becomes the question now, out of the interview's order: the
next action answers it and the interview then goes on in its order) or `{"back": true}`
(undoes the last step, whatever it was, an asking too; with no step, nothing changes).
Without `action`, the answer is the state the steps lead to. The answer gives the new
`steps` (each `{"fact", "member"?, "answer"}`, `{"fact", "acts"}`, `{"fact", "member"?,
"dont_know": true}`, `{"fact", "member"?, "not_said": true}` or `{"fact", "ask": true}`),
`asked_again` (the facts the starting case states unknown that are offered again), the current
`case` (as `/api/case` returns it), the `question` to ask (`fact`, `member` for an uncertain
act, `type`, `text` and `hint` in `lang`, `why`: the one line that says why it is asked, in
`lang`, `stage`, `asked_again`: whether it is offered again, `sensitivity`, `decides`: how
many findings its answer decides, `choices`: each
`answer` to send and its `label`; for an uncertain act also `member_label`) or `null` when no
answer could change a finding, the `findings` (the `/api/evaluate` result, its `actions` the
plan for the case the interview is at) and `ranked`: the places in `findings.findings` in the
order that matters to the person in front of the officer (what applies and is settled, then
what applies on a reading not settled, then what may apply; offences first), the order in which
`ibsa interview` ends, so that a page ends the same way without ranking anything itself; with a
`reader`, without the findings whose actions turn to that reader (as the plan leaves them out and
`ibsa interview --reader` ends). A step that
no longer answers the question it is sent for is refused (422, `field` `/steps/N`), and so
is a wrong answer (422, `field` `/action/answer`, with the engine's words); an act is
refused at its place (`/action/acts/N/type`, `/action/acts/N/date`, or under
`/steps/N/acts/` when sent back).
EOF
run "curl -s http://127.0.0.1:8080/api/interview -H 'Content-Type: application/json' -d '{
  \"case\": {\"id\": \"intake\", \"jurisdiction\": \"BE\", \"date\": \"2025-10-06\"},
  \"steps\": [{\"fact\": \"acts\", \"answer\": \"share\"}], \"action\": {\"dont_know\": true},
  \"assessed_on\": \"2026-11-21\", \"lang\": \"fr\"}' | jq -c '{steps, case, question: (.question | {fact, stage, text, why, hint, choices: [.choices[].answer]}), findings: (.findings.findings | length)}'"
echo
echo "The plan for the case the interview is at, and the findings in \`ranked\` order (the page ends with them):"
read -r -d '' example <<'EOS' || true
curl -s http://127.0.0.1:8080/api/interview -H 'Content-Type: application/json' \
  -d "{\"case\": $(jq -Rs . cases/demo/be-ex-partner-undress-posted.yaml), \"assessed_on\": \"2026-11-21\", \"lang\": \"fr\"}" |
  jq -c '.findings as $r | {plan: [.findings.actions[:2][] | {class_title, plan_title, by_label, deadline: .deadline.brief}],
    ranked: [.ranked[:3][] | $r.findings[.] | "\(.heading) : \(.citation // "-"), \(.title)"]}'
EOS
run "$example"
echo
echo "The acts act by act: the one not established is then asked about."
run "curl -s http://127.0.0.1:8080/api/interview -H 'Content-Type: application/json' -d '{
  \"case\": {\"id\": \"intake\", \"jurisdiction\": \"BE\", \"date\": \"2025-10-06\"},
  \"action\": {\"acts\": [{\"type\": \"create\", \"date\": \"2025-09-28\"}, {\"type\": \"publish\", \"certain\": false}]},
  \"assessed_on\": \"2026-11-21\"}' | jq -c '{steps, acts: .case.acts, question: (.question | {fact, member, member_label, choices: [.choices[].answer]})}'"
echo
echo "### Legal gaps in Belgium"
run "curl -s http://127.0.0.1:8080/api/gaps -H 'Content-Type: application/json' -d '{\"jurisdiction\": \"BE\", \"date\": \"2025-06-01\"}' |
  jq -c '.summary[] | {harm, covered, by_reading, not_covered}'"
echo
echo "Each constraint of a pattern is a phrase and data (see [json-format.md](json-format.md#gap-and-diff-patterns)):"
run "curl -s http://127.0.0.1:8080/api/gaps -H 'Content-Type: application/json' -d '{\"jurisdiction\": \"BE\", \"date\": \"2025-06-01\"}' |
  jq -c '.harms[0].not_covered.patterns[0].constraints[0:3][]'"
echo
echo "### What changed in the Netherlands on 1 July 2024"
run "curl -s http://127.0.0.1:8080/api/diff -H 'Content-Type: application/json' -d '{\"jurisdiction\": \"NL\", \"from\": \"2024-06-30\", \"to\": \"2024-07-01\"}' |
  jq -c '.changes[] | {rule, kind, change}' | sort -u | head -5"
echo
echo "### Errors"
run "curl -s http://127.0.0.1:8080/api/evaluate -H 'Content-Type: application/json' -d '{\"case\": {\"id\": \"x\", \"jurisdiction\": \"BE\", \"date\": \"2025-01-01\", \"image\": {\"technique\": \"undres\"}}}'"
run "curl -s http://127.0.0.1:8080/api/evaluate -H 'Content-Type: application/json' -d '{\"case\": {}, \"langue\": \"fr\"}'"
run "curl -s http://127.0.0.1:8080/api/evaluate -H 'Content-Type: application/json' -d '{\"case\": {\"id\": \"x\", \"jurisdiction\": \"BE\", \"date\": \"2025-01-01\"}, \"reader\": \"officer\"}'"
run "head -c 300000 /dev/zero | curl -s http://127.0.0.1:8080/api/evaluate -H 'Content-Type: application/json' --data-binary @- -w ' HTTP %{http_code}\n'"
