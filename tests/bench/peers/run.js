// Runs the scenarios through one peer engine, as `ibsa_peers_tool run` does for ibsa:
// writes the ids of the rules that hold in each scenario (sorted, one line per scenario)
// and, when asked, times the engine the same way (sequential awaits on one thread, cycling
// through the pre-built inputs for a fixed wall time, median of several repetitions).
//
//   node run.js --engine zen|jre --law law.json --scenarios scenarios.json [--out ids]
//               [--seconds 2 --repetitions 3 --timing timing.json] [--zen-max-rows N]
'use strict';

const fs = require('fs');
const { Engine } = require('json-rules-engine');
const { ZenEngine } = require('@gorules/zen-engine');
const translate = require('./translate');

function parseArgs(argv) {
  const args = { seconds: 0, repetitions: 3, zenMaxRows: translate.MAX_ROWS_PER_RULE };
  const names = {
    '--engine': 'engine', '--law': 'law', '--scenarios': 'scenarios', '--out': 'out',
    '--seconds': 'seconds', '--repetitions': 'repetitions', '--timing': 'timing',
    '--zen-max-rows': 'zenMaxRows',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const name = names[argv[i]];
    if (!name || i + 1 >= argv.length) throw new Error(`bad argument ${argv[i]}`);
    args[name] = ['seconds', 'repetitions', 'zenMaxRows'].includes(name) ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!['zen', 'jre'].includes(args.engine)) throw new Error('--engine zen|jre');
  if (args.seconds > 0 && !args.timing) throw new Error('--seconds needs --timing');
  return args;
}

// An engine behind one interface: `run(input)` resolves to the engine's own response,
// `ids(response)` lists the rules that hold (possibly repeated), `input(facts)` builds the
// engine's input ahead of timing.
function jsonRulesEngine(law) {
  const engine = new Engine(translate.toJsonRulesEngine(law), { allowUndefinedFacts: false });
  return {
    how: 'await engine.run(facts); one Engine holding one rule per ibsa rule (all/any/not, ' +
      'built-in operators, no custom operator); facts a flat object per scenario, pre-built',
    notes: [],
    input: (facts) => translate.jreInput(law, facts),
    run: (input) => engine.run(input),
    ids: (response) => response.events.map((e) => e.type),
  };
}

function zen(law, maxRows) {
  const { graph, rows, expressionRules } = translate.toZen(law, maxRows);
  const decision = new ZenEngine().createDecision(graph);
  const notes = [`one decision table of ${rows} rows for ${law.rules.length} rules`];
  notes.push(expressionRules.length
    ? `${expressionRules.length} rules as one expression cell each (DNF over ${maxRows} rows): ` +
      expressionRules.join(', ')
    : `every rule as DNF rows (at most ${maxRows} per rule); no expression cell`);
  return {
    how: 'await decision.evaluate(input); decision = new ZenEngine().createDecision(JDM graph ' +
      'request -> decision table, hit policy collect -> response), created once; input a ' +
      'nested object per scenario, pre-built',
    notes,
    input: (facts) => translate.zenInput(law, facts),
    run: (input) => decision.evaluate(input),
    ids: (response) => response.result.map((row) => row.rule),
    // ZEN times itself inside the engine, without the trip through N-API.
    selfReported: (response) => parseDuration(response.performance),
  };
}

// "412.3µs", "1.2ms", "850ns" -> seconds.
function parseDuration(text) {
  const match = /^([0-9.]+)\s*(ns|µs|us|ms|s)$/.exec(String(text).trim());
  if (!match) throw new Error(`cannot read ZEN's performance '${text}'`);
  const scale = { ns: 1e-9, 'µs': 1e-6, us: 1e-6, ms: 1e-3, s: 1 }[match[2]];
  return Number(match[1]) * scale;
}

// The ids of the rules that hold in each scenario, one line each: index, tab, sorted ids.
async function trueRules(engine, inputs) {
  const lines = [];
  for (let i = 0; i < inputs.length; i++) {
    const ids = [...new Set(engine.ids(await engine.run(inputs[i])))].sort();
    lines.push(`${i}\t${ids.join(' ')}`);
  }
  return lines.join('\n') + '\n';
}

// Scenarios evaluated per second, cycling through them for `seconds` of wall time; the
// clock is read every 16 scenarios, as in the C++ runner.
async function throughput(engine, inputs, seconds) {
  const budget = BigInt(Math.round(seconds * 1e9));
  let done = 0;
  let next = 0;
  const start = process.hrtime.bigint();
  while (process.hrtime.bigint() - start < budget) {
    for (let k = 0; k < 16; k++) {
      await engine.run(inputs[next]);
      next = next + 1 === inputs.length ? 0 : next + 1;
    }
    done += 16;
  }
  return done / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function timing(name, engine, inputs, args) {
  await throughput(engine, inputs, 0.5);  // warm-up: the JIT, the engine's caches
  const runs = [];
  for (let r = 0; r < args.repetitions; r++) runs.push(await throughput(engine, inputs, args.seconds));
  const result = {
    engine: name, how: engine.how, notes: engine.notes, node: process.version,
    seconds: args.seconds, repetitions: runs, scenarios_per_second: median(runs),
  };
  if (engine.selfReported) result.self_reported_per_second = await selfReported(engine, inputs);
  return result;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Scenarios per second by the engine's own clock (median time of one pass over at most
// 2,000 scenarios): what the engine costs without the calling convention around it.
async function selfReported(engine, inputs) {
  const times = [];
  for (const input of inputs.slice(0, 2000)) times.push(engine.selfReported(await engine.run(input)));
  return 1 / median(times);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const law = JSON.parse(fs.readFileSync(args.law, 'utf8'));
  const document = JSON.parse(fs.readFileSync(args.scenarios, 'utf8'));
  if (document.jurisdiction !== law.jurisdiction || document.date !== law.date) {
    throw new Error('the scenarios and the export are not for the same jurisdiction and date');
  }
  const engine = args.engine === 'zen' ? zen(law, args.zenMaxRows) : jsonRulesEngine(law);
  const inputs = document.scenarios.map((s) => engine.input(s.facts));
  if (args.out) fs.writeFileSync(args.out, await trueRules(engine, inputs));
  if (args.seconds > 0) {
    const result = await timing(args.engine, engine, inputs, args);
    fs.writeFileSync(args.timing, JSON.stringify(result, null, 1) + '\n');
  }
}

main().catch((error) => {
  console.error(`run.js: ${error.stack || error}`);
  process.exit(1);
});
