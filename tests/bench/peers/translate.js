// Translates the neutral document that `ibsa_peers_tool export` writes (rules with condition
// trees over facts, rule references already expanded) into the peers' own formats:
//   - json-rules-engine: one rule per ibsa rule, its condition tree kept as all/any/not with
//     built-in operators only (no custom operator is needed);
//   - GoRules ZEN: one JDM graph, request -> decision table (hit policy "collect") ->
//     response, with one row per conjunction of the rule's disjunctive normal form, one
//     input column per fact. A rule whose DNF would exceed `maxRows` rows (default
//     MAX_ROWS_PER_RULE) gets a single row whose one cell, in an extra column, is the whole
//     condition as a ZEN expression (the runner reports which rules).
// Dates arrive as days since 1970-01-01, so every comparison is between numbers.
'use strict';

// Where a DNF "explodes". The largest in the bundled law (2025) are NL's two referral rules
// (75 and 77 rows): as rows they measured faster in ZEN than as expression cells (the
// whole table, about 270 against 400 µs per evaluation by ZEN's own clock), so they stay
// rows; the expression cell is for larger ones.
const MAX_ROWS_PER_RULE = 256;

// --- Conditions in negation normal form -----------------------------------------------

const NEGATED = {
  is: 'is_not', is_not: 'is',
  '<': '>=', '>=': '<', '<=': '>', '>': '<=',
  in: 'not_in', not_in: 'in',
  has: 'not_has', not_has: 'has',
  has_any: 'not_has_any', not_has_any: 'has_any',
};

// Pushes every `not` down to the fact tests, which have a negated operator each.
function nnf(c, negate = false) {
  if (c.all) {
    const parts = c.all.map((x) => nnf(x, negate));
    return negate ? { any: parts } : { all: parts };
  }
  if (c.any) {
    const parts = c.any.map((x) => nnf(x, negate));
    return negate ? { all: parts } : { any: parts };
  }
  if (c.not) return nnf(c.not, !negate);
  return { fact: c.fact, op: negate ? NEGATED[c.op] : c.op, value: c.value };
}

class TooManyTerms extends Error {}

// Disjunctive normal form of an NNF condition: a list of conjunctions of fact tests.
// Throws TooManyTerms past `limit` conjunctions.
function dnf(c, limit) {
  if (c.any) {
    const terms = c.any.flatMap((x) => dnf(x, limit));
    if (terms.length > limit) throw new TooManyTerms();
    return terms;
  }
  if (c.all) {
    let terms = [[]];
    for (const part of c.all) {
      const next = [];
      for (const right of dnf(part, limit)) {
        for (const left of terms) next.push(left.concat(right));
        if (next.length > limit) throw new TooManyTerms();
      }
      terms = next;
    }
    return terms;
  }
  return [[c]];
}

// Drops repeated tests and conjunctions that test one bool both ways (they never hold).
function simplify(terms, facts) {
  const out = [];
  for (const term of terms) {
    const seen = new Map();
    for (const t of term) seen.set(JSON.stringify(t), t);
    const unique = [...seen.values()];
    const contradictory = unique.some((a) => facts.get(a.fact).type === 'bool' &&
      unique.some((b) => b.fact === a.fact && JSON.stringify(b) !== JSON.stringify(a) &&
        truthOfBoolTest(b) !== truthOfBoolTest(a)));
    if (!contradictory) out.push(unique);
  }
  return out;
}

function truthOfBoolTest(t) {
  return (t.op === 'is') === (t.value === true);
}

// --- json-rules-engine ----------------------------------------------------------------

const JRE_OPERATOR = {
  is: 'equal', is_not: 'notEqual',
  '<': 'lessThan', '<=': 'lessThanInclusive', '>': 'greaterThan', '>=': 'greaterThanInclusive',
  in: 'in', not_in: 'notIn',
  has: 'contains',
};

function jreCondition(c) {
  if (c.all) return { all: c.all.map(jreCondition) };
  if (c.any) return { any: c.any.map(jreCondition) };
  if (c.not) return { not: jreCondition(c.not) };
  // "has any of" is a disjunction of "contains", so no custom operator is needed.
  if (c.op === 'has_any') {
    return { any: c.value.map((v) => ({ fact: c.fact, operator: 'contains', value: v })) };
  }
  return { fact: c.fact, operator: JRE_OPERATOR[c.op], value: c.value };
}

// One json-rules-engine rule per ibsa rule; its event's type is the rule's id.
function toJsonRulesEngine(law) {
  return law.rules.map((rule) => ({
    name: rule.id,
    conditions: jreCondition(rule.when),  // `when` is always an `all`
    event: { type: rule.id },
  }));
}

// The facts a json-rules-engine run reads: those the rules test, by their ibsa names.
function jreInput(law, facts) {
  const input = {};
  for (const f of law.facts) input[f.name] = facts[f.name];
  return input;
}

// --- GoRules ZEN ----------------------------------------------------------------------

function zenLiteral(v) {
  if (typeof v === 'string') return `'${v}'`;
  return String(v);
}

function zenList(values) {
  return `[${values.map(zenLiteral).join(', ')}]`;
}

// A fact test on `subject` ($ in a column cell, the fact's path in an expression).
function zenTest(t, subject) {
  switch (t.op) {
    case 'is': return `${subject} == ${zenLiteral(t.value)}`;
    case 'is_not': return `${subject} != ${zenLiteral(t.value)}`;
    case '<': case '<=': case '>': case '>=': return `${subject} ${t.op} ${zenLiteral(t.value)}`;
    case 'in': return `${subject} in ${zenList(t.value)}`;
    case 'not_in': return `not (${subject} in ${zenList(t.value)})`;
    case 'has': return `contains(${subject}, ${zenLiteral(t.value)})`;
    case 'not_has': return `not contains(${subject}, ${zenLiteral(t.value)})`;
    case 'has_any': return `some(${subject}, # in ${zenList(t.value)})`;
    case 'not_has_any': return `not some(${subject}, # in ${zenList(t.value)})`;
    default: throw new Error(`unknown operator ${t.op}`);
  }
}

// A cell of a fact's column: the plain unary forms where ZEN has them ("'a', 'b'",
// "< 18", "true"), else tests on $ joined with `and`.
function zenCell(tests) {
  if (tests.length === 1) {
    const t = tests[0];
    if (t.op === 'is') return zenLiteral(t.value);
    if (t.op === 'in') return t.value.map(zenLiteral).join(', ');
    if (['<', '<=', '>', '>='].includes(t.op)) return `${t.op} ${zenLiteral(t.value)}`;
  }
  return tests.map((t) => zenTest(t, '$')).join(' and ');
}

// The whole condition as one ZEN expression (standard mode) over the input's paths.
function zenExpression(c) {
  if (c.all) return `(${c.all.map(zenExpression).join(' and ') || 'true'})`;
  if (c.any) return `(${c.any.map(zenExpression).join(' or ')})`;
  if (c.not) return `not ${zenExpression(c.not)}`;
  return `(${zenTest(c, c.fact)})`;
}

const EXPRESSION_COLUMN = 'expression';
const OUTPUT_COLUMN = 'rule';

// The rows of one rule: one per DNF conjunction, or one expression row if that explodes.
function zenRows(rule, facts, columnOf, maxRows) {
  let terms;
  try {
    terms = simplify(dnf(nnf(rule.when), maxRows), facts);
  } catch (e) {
    if (!(e instanceof TooManyTerms)) throw e;
    return { expression: true, rows: [{ [EXPRESSION_COLUMN]: zenExpression(rule.when) }] };
  }
  const rows = terms.map((term) => {
    const row = {};
    const byFact = new Map();
    for (const t of term) byFact.set(t.fact, [...(byFact.get(t.fact) || []), t]);
    for (const [fact, tests] of byFact) row[columnOf(fact)] = zenCell(tests);
    return row;
  });
  return { expression: false, rows };
}

// The JDM graph and what the translation had to do.
function toZen(law, maxRows = MAX_ROWS_PER_RULE) {
  const facts = new Map(law.facts.map((f) => [f.name, f]));
  const columnOf = (name) => `in:${name}`;
  const inputs = law.facts.map((f) => ({ id: columnOf(f.name), name: f.name, field: f.name }));
  const outputs = [{ id: 'out:rule', name: 'rule', field: OUTPUT_COLUMN }];
  const rows = [];
  const expressionRules = [];
  for (const rule of law.rules) {
    const translated = zenRows(rule, facts, columnOf, maxRows);
    if (translated.expression) expressionRules.push(rule.id);
    for (const cells of translated.rows) {
      // Every cell present: ZEN fails a row whose cell is missing; "" is "any value".
      const row = { _id: `r${rows.length}` };
      for (const input of inputs) row[input.id] = cells[input.id] || '';
      if (cells[EXPRESSION_COLUMN]) row[EXPRESSION_COLUMN] = cells[EXPRESSION_COLUMN];
      row['out:rule'] = zenLiteral(rule.id);
      rows.push(row);
    }
  }
  // A column without a field evaluates its cells as standard expressions on the input.
  if (expressionRules.length) {
    inputs.push({ id: EXPRESSION_COLUMN, name: 'condition' });
    for (const row of rows) row[EXPRESSION_COLUMN] = row[EXPRESSION_COLUMN] || '';
  }
  const graph = {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'rules', type: 'decisionTableNode', name: 'Rules', position: { x: 200, y: 0 },
        content: { hitPolicy: 'collect', inputs, outputs, rules: rows },
      },
      { id: 'response', type: 'outputNode', name: 'Response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', type: 'edge', sourceId: 'request', targetId: 'rules' },
      { id: 'e2', type: 'edge', sourceId: 'rules', targetId: 'response' },
    ],
  };
  return { graph, rows: rows.length, expressionRules };
}

// The input of a ZEN evaluation: the facts the rules test, nested by their dotted names
// ("victim.age" is victim: {age}), as ZEN paths read them.
function zenInput(law, facts) {
  const input = {};
  for (const f of law.facts) {
    const path = f.name.split('.');
    let at = input;
    for (const key of path.slice(0, -1)) at = at[key] || (at[key] = {});
    at[path[path.length - 1]] = facts[f.name];
  }
  return input;
}

module.exports = { toJsonRulesEngine, jreInput, toZen, zenInput, MAX_ROWS_PER_RULE };
