// The two verdicts of tests/bench/peers.sh:
//   node report.js compare DIR BE,NL   every engine's true rules against ibsa's, per
//                                      scenario; prints the first disagreements and exits
//                                      1 if there is any. Never prints a speed.
//   node report.js table DIR BE,NL     the throughput table, as ratios against ibsa measured
//                                      in the same script. Only called after compare passed.
// DIR holds, per jurisdiction J: J/law.json, J/scenarios.json, J/<engine>.ids and
// J/<engine>.timing.json for the engines ibsa, zen and jre.
'use strict';

const fs = require('fs');
const path = require('path');

const PEERS = [
  { key: 'zen', name: 'ZEN', target: 10 },
  { key: 'jre', name: 'json-rules-engine', target: 100 },
];
const SHOWN = 10;

function readIds(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
    const [index, ids] = line.split('\t');
    return { index: Number(index), ids: ids ? ids.split(' ') : [] };
  });
}

// The scenarios on which `theirs` differs from `ours`, with what each side found alone.
function disagreements(ours, theirs) {
  const found = [];
  const n = Math.max(ours.length, theirs.length);
  for (let i = 0; i < n; i++) {
    const a = new Set(ours[i] ? ours[i].ids : []);
    const b = new Set(theirs[i] ? theirs[i].ids : []);
    const onlyIbsa = [...a].filter((id) => !b.has(id));
    const onlyPeer = [...b].filter((id) => !a.has(id));
    const missingLine = !ours[i] || !theirs[i] || ours[i].index !== i || theirs[i].index !== i;
    if (onlyIbsa.length || onlyPeer.length || missingLine) found.push({ scenario: i, onlyIbsa, onlyPeer, missingLine });
  }
  return found;
}

function compare(dir, jurisdictions) {
  let total = 0;
  let shown = 0;
  for (const j of jurisdictions) {
    const scenarios = JSON.parse(fs.readFileSync(path.join(dir, j, 'scenarios.json'), 'utf8')).scenarios;
    const ours = readIds(path.join(dir, j, 'ibsa.ids'));
    if (ours.length !== scenarios.length) {
      console.log(`${j}: ibsa judged ${ours.length} of ${scenarios.length} scenarios`);
      total++;
    }
    for (const peer of PEERS) {
      const found = disagreements(ours, readIds(path.join(dir, j, `${peer.key}.ids`)));
      total += found.length;
      console.log(`${j}: ${peer.name} ${found.length ? `DISAGREES with ibsa on ${found.length}` : 'agrees with ibsa on all'} of ${scenarios.length} scenarios`);
      for (const d of found.slice(0, Math.max(0, SHOWN - shown))) {
        shown++;
        const id = scenarios[d.scenario] ? scenarios[d.scenario].id : `#${d.scenario}`;
        console.log(`  scenario ${id} (${j}/scenarios.json), ${peer.name}:` +
          (d.missingLine ? ' no line for it;' : '') +
          ` holds for ibsa only: [${d.onlyIbsa.join(', ')}]; for ${peer.name} only: [${d.onlyPeer.join(', ')}]`);
      }
    }
  }
  if (total > 0) {
    console.log(`\nparity FAILED: ${total} disagreements; no speed is reported.`);
    process.exit(1);
  }
  console.log('\nparity: all three engines agree on every scenario.');
}

const whole = (x) => Math.round(x).toLocaleString('en-US');
const times = (x) => `${x >= 100 ? Math.round(x) : x.toFixed(1)}×`;

function readTiming(dir, j, key) {
  return JSON.parse(fs.readFileSync(path.join(dir, j, `${key}.timing.json`), 'utf8'));
}

function table(dir, jurisdictions) {
  const rows = [];
  const notes = new Map();
  for (const j of jurisdictions) {
    const law = JSON.parse(fs.readFileSync(path.join(dir, j, 'law.json'), 'utf8'));
    const scenarios = readIds(path.join(dir, j, 'ibsa.ids')).length;
    const t = { ibsa: readTiming(dir, j, 'ibsa'), zen: readTiming(dir, j, 'zen'), jre: readTiming(dir, j, 'jre') };
    const rate = (k) => t[k].scenarios_per_second;
    const ratio = (peer) => {
      const r = rate('ibsa') / rate(peer.key);
      return `${times(r)} (target ≥ ${peer.target}×: ${r >= peer.target ? 'met' : 'NOT met'})`;
    };
    rows.push([j, String(law.rules.length), whole(scenarios), whole(rate('ibsa')), whole(rate('zen')),
      whole(rate('jre')), ratio(PEERS[0]), ratio(PEERS[1])]);
    for (const k of ['ibsa', 'zen', 'jre']) {
      const spread = t[k].repetitions.map(whole).join(', ');
      const extra = t[k].self_reported_per_second
        ? `; by ZEN's own clock (response.performance, no N-API trip): ${whole(t[k].self_reported_per_second)}/s, ibsa/ZEN ${times(rate('ibsa') / t[k].self_reported_per_second)}`
        : '';
      notes.set(`${k}:${j}`, `${j} repetitions of ${t[k].seconds} s: ${spread}${extra}${t[k].notes && t[k].notes.length ? `; ${t[k].notes.join('; ')}` : ''}`);
      if (!notes.has(`how:${k}`)) notes.set(`how:${k}`, t[k].how + (t[k].node ? ` (node ${t[k].node})` : ''));
    }
  }
  const header = ['jurisdiction', 'rules', 'scenarios', 'ibsa /s', 'ZEN /s', 'json-rules-engine /s',
    'ibsa / ZEN', 'ibsa / json-rules-engine'];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log('\nEvaluations per second = scenarios judged per second (every rule of the jurisdiction and the EU ' +
    'in force on the date), single thread, median of the repetitions.');
  for (const [k, name] of [['ibsa', 'ibsa'], ['zen', 'ZEN'], ['jre', 'json-rules-engine']]) {
    console.log(`- ${name}: ${notes.get(`how:${k}`)}`);
    for (const j of jurisdictions) console.log(`    ${notes.get(`${k}:${j}`)}`);
  }
}

const [mode, dir, list] = process.argv.slice(2);
if (!['compare', 'table'].includes(mode) || !dir || !list) {
  console.error('usage: node report.js compare|table DIR BE,NL');
  process.exit(2);
}
(mode === 'compare' ? compare : table)(dir, list.split(','));
