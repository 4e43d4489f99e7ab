// Writes docs/performance.md from one benchmark run, so that the page says
// what was measured and cannot drift from it:
//   docs/performance.json        the run (bash scripts/bench.sh --json docs/performance.json)
//   scripts/performance.template.md  the prose, with {{placeholders}} and a
//                                [[budget:NAME]] wherever a budget is explained
//   scripts/budgets.mjs          every budget: one the run did not measure is
//                                listed as "not measured"
//   docs/decisions.tsv           the history of decisions, one a line
//
//   node scripts/performance.mjs           rewrite docs/performance.md
//   node scripts/performance.mjs --check   fail if docs/performance.md is not
//                                          what the committed files make
//
// It reports figures and never judges them: --check compares text, and no
// figure, however slow, makes it fail.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUDGETS, judged } from './budgets.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FILES = {
  json: 'docs/performance.json',
  template: 'scripts/performance.template.md',
  decisions: 'docs/decisions.tsv',
  bench: 'scripts/bench.mjs',
  budgets: 'scripts/budgets.mjs',
  out: 'docs/performance.md',
};
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');

const fail = (message) => {
  console.error(`performance.mjs: ${message}`);
  process.exit(1);
};

// Figures, written as the benchmark prints them.
const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
const bytes = (b) => (b >= 1e6 ? mb(b) : kb(b));
const number = (x) => (x === null || x === undefined ? null : x);
const show = (value, unit) => {
  if (number(value) === null) return '–';
  if (unit === 'bytes') return bytes(value);
  if (unit === 'ms') return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${ms(value)} ms`;
  if (unit === 'score') return String(value);
  if (unit === 'shift') return value === 0 ? '0' : value < 0.001 ? value.toExponential(1) : value.toFixed(3);
  return value.toFixed(2);
};
// A median with the range of the loads, in the median's unit.
const spread = (s) => (s.median >= 1000
  ? `${(s.median / 1000).toFixed(2)} s (${(s.min / 1000).toFixed(2)}–${(s.max / 1000).toFixed(2)})`
  : `${ms(s.median)} ms (${ms(s.min)}–${ms(s.max)})`);
const minutes = (seconds) => (seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`);

/** The defaults of scripts/bench.mjs, read from it, so that a run can be
 *  called reduced or full as the benchmark now defines it. */
function benchDefaults() {
  const source = read(FILES.bench);
  const option = (name) => {
    const found = source.match(new RegExp(`args\\.${name} \\?\\? '?([0-9,]+)'?`));
    if (!found) fail(`cannot find the default of --${name} in ${FILES.bench}`);
    return found[1];
  };
  return { loads: Number(option('loads')), reps: Number(option('reps')), scales: option('scales').split(',').map(Number), throttle: Number(option('throttle')) };
}

/** Every budget of scripts/budgets.mjs, as the run judged it, in the
 *  run's order; those it did not measure after them, "not measured". A
 *  budget the run has and the list no longer does is left out. */
function budgetsOf(json) {
  const run = (json.budgets ?? []).filter((b) => b.name in BUDGETS);
  const missing = Object.keys(BUDGETS).filter((name) => !run.some((b) => b.name === name));
  return [...run, ...missing.map((name) => judged(name, null))];
}

function stamp(json) {
  const o = json.options;
  const defaults = benchDefaults();
  const only = o.only?.length ? ` --only ${o.only.join(',')}` : '';
  const command = `bash scripts/bench.sh --loads ${o.loads} --reps ${o.reps} --scales ${o.scales.join(',')} --throttle ${o.throttle}${only} --json ${FILES.json}`;
  const missing = defaults.scales.filter((s) => !o.scales.includes(s));
  const full = !only && o.loads >= defaults.loads && o.reps >= defaults.reps && o.throttle === defaults.throttle && missing.length === 0;
  const budgets = budgetsOf(json);
  const measured = budgets.filter((b) => b.met !== null);
  const met = measured.filter((b) => b.met);
  const commit = json.commit ? `\`${json.commit}\`${json.dirty ? ' (with uncommitted changes outside docs/)' : ''}` : 'an unnamed commit';
  return [
    `Measured on commit ${commit}, ${json.date.slice(0, 10)}, by`,
    '',
    '```sh',
    command,
    '```',
    '',
    full
      ? `This is the full run: ${o.loads} cold loads per dataset, ${o.reps} repetitions of each action.`
      : only
        ? `This is a partial run: of the benchmark's parts, only ${o.only.join(', ')}, with ${o.loads} cold loads and ${o.reps} repetitions where they make any (the full run: every part, ${defaults.loads} and ${defaults.reps}).`
        : `This is a reduced run: ${o.loads} cold loads per dataset and ${o.reps} repetitions of each action, where the full run makes ${defaults.loads} and ${defaults.reps}${missing.length ? `, and without the full run's ${missing.map((s) => `${s}x`).join(' and ')} data` : ''}${o.throttle === defaults.throttle ? '' : `, and the CPU ${o.throttle > 1 ? `slowed ${o.throttle} times` : 'not slowed'}`}. Its medians and percentiles are rougher than a full run's.`,
    '',
    `${met.length} of ${budgets.length} budgets met${measured.length < budgets.length ? ` (${budgets.length - measured.length} not measured in this run)` : ''}. The first rows are the budgets; the rest are the figures of the same run behind them.`,
  ].join('\n');
}

function table(json) {
  const rows = [];
  const row = (figure, value, budget = '', met = '') => rows.push(`| ${figure} | ${value} | ${budget} | ${met} |`);
  const heading = (text) => rows.push(`| **${text}** | | | |`);
  heading('Budgets');
  for (const b of budgetsOf(json)) {
    const verdict = b.met === null ? 'not measured' : b.met ? 'met' : '**missed**';
    row(b.label, show(b.measured, b.unit), `${b.atLeast ? '≥' : '≤'} ${show(b.limit, b.unit)}`, verdict);
  }

  const absent = () => row('not measured in this run', '–', '–');
  heading('Sizes');
  if (json.appCode) row('wasm, main piece, raw / gzipped', `${kb(json.appCode.raw)} / ${kb(json.appCode.gzip)}`, '–');
  if (json.appCodeSplitOff) row('wasm split off (charts, table, comparison, profile, downloads), raw / gzipped', `${kb(json.appCodeSplitOff.raw)} / ${kb(json.appCodeSplitOff.gzip)}`, '–');
  if (json.dist) row('dist/: files, raw / gzipped (each file)', `${json.dist.files.toLocaleString('en')}, ${mb(json.dist.raw)} / ${mb(json.dist.gzip)}`, '–');
  const first = json.bytesBeforeFirstCard;
  if (first) {
    for (const [part, size] of Object.entries(first.parts)) row(`before the first card: ${part}, raw / gzipped`, `${kb(size.raw)} / ${kb(size.gzip)}`, '–');
  }
  if (!json.appCode && !json.dist && !first) absent();

  // The order of the largest shares first, as the benchmark prints them.
  const shares = (t) => Object.entries(t).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${bytes(v)}`).join(', ');
  heading('Bytes over the wire, first visit (gzip, cold cache, until the network is idle for 3 s)');
  if (json.wire) {
    for (const w of json.wire.slow) row(`${w.label}, slow connection: by whom`, shares(w.byInitiator), '–');
    for (const w of json.wire.fast) {
      const prefetch = w.prefetch ? `, then the texts' prefetch ${bytes(w.prefetch.bytes)} from ${Math.round(w.prefetch.startAfterLoad)} ms after the load event` : ', no prefetch';
      row(`${w.label}, fast connection: the page${w.prefetch ? ', the prefetch' : ''}`, `${bytes(w.page.bytes)}${prefetch}`, '–');
    }
  } else absent();

  heading('Bytes over the wire, second visit (the home page and a review page again, same browser)');
  if (json.repeat) {
    for (const [connection, r] of Object.entries(json.repeat)) {
      const page = (key) => r.second.find((x) => x.key === key);
      row(`${connection} connection: first visit / second visit`, `${bytes(r.first.bytes)} / ${bytes(r.bytes)} (home ${bytes(page('home').bytes)}, review page ${bytes(page('review').bytes)}; ${r.second.every((x) => x.controlled) ? 'served by the service worker' : 'not served by the service worker'})`, '–');
    }
  } else absent();

  const search = json.firstSearch;
  heading(`The first search${search ? `, CPU slowed ${search.cpuSlowdown}x` : ''}`);
  if (search) {
    if (search.first) row(`first search ("${search.word}"), to its count (${search.recommendations.toLocaleString('en')} recommendations)`, spread(search.first), '–');
    if (search.answered) row('first search: the page\'s first answer', spread(search.answered), '–');
    if (search.warm) row('warm search, the texts in: median / p95', `${ms(search.warm.median)} / ${ms(search.warm.p95)} ms`, '–');
  } else absent();

  const datasets = json.datasets ?? [];
  heading('Loading (median of the cold loads, their range in brackets)');
  if (!datasets.length) absent();
  if (json.staticPage) row('static page (the limit): first card painted', spread(json.staticPage.firstCard), '–');
  for (const d of datasets) {
    const plain = d.scale === 1 && d.cpuSlowdown === 1;
    row(`${d.name}: first card painted`, spread(d.firstCard), '–');
    // The real data's ratio is a budget above.
    if (!plain) row(`${d.name}: first card / static page`, d.firstCardRatio.toFixed(2), '–');
    row(`${d.name}: interactive (a filter answered)`, spread(d.interactive), '–');
    // At 16x, all texts loaded is a budget above.
    if (d.scale !== 16 || d.cpuSlowdown !== 1) row(`${d.name}: all texts loaded`, spread(d.textsLoaded), '–');
    if (d.scale > 1) row(`${d.name}: the search reads its word index`, show(d.searchIndexed.median, 'ms'), '–');
    row(`${d.name}: packed texts downloaded and inflated alone (the limit)`, show(d.textsLimit.download, 'ms'), '–');
  }

  heading('Memory, after the texts and the word index');
  if (!datasets.length) absent();
  for (const d of datasets) {
    row(`${d.name}: JS heap`, mb(d.memory.jsHeap), '–');
    row(`${d.name}: wasm memory / raw texts`, `${mb(d.memory.wasm)} / ${mb(d.memory.rawTexts)} = ${d.memory.ratio.toFixed(2)}`, '–');
  }

  heading('Latency, input to updated DOM: median / p95 (the filter alone in wasm)');
  if (!datasets.length) absent();
  for (const d of datasets) {
    for (const [action, a] of Object.entries(d.actions)) {
      const alone = number(a.filterAlone) === null ? '' : ` (${ms(a.filterAlone)})`;
      row(`${d.name}: ${action}`, `${ms(a.median)} / ${ms(a.p95)} ms${alone}`, '–');
    }
  }

  const pages = json.lighthouse?.pages ?? [];
  const runs = json.lighthouse?.runs ?? 1;
  heading(`Lighthouse, mobile${runs > 1 ? `: the median of ${runs} runs per page` : ', one run per page'}`);
  if (!pages.length) absent();
  for (const page of pages) {
    const s = page.scores;
    if (page.performanceRuns) row(`${page.kind}: performance in each run`, page.performanceRuns.join(', '), '–');
    row(`${page.kind}: accessibility / best practices / SEO`, `${s.accessibility} / ${s['best-practices']} / ${s.seo}`, '–');
    const m = page.metrics;
    const shown = (id) => m[id]?.shown ?? '–';
    row(`${page.kind}: first / largest contentful paint, total blocking time, layout shift`, `${shown('first-contentful-paint')} / ${shown('largest-contentful-paint')}, ${shown('total-blocking-time')}, ${shown('cumulative-layout-shift')}`, '–');
    if (page.failedAudits?.length) row(`${page.kind}: audits failed`, page.failedAudits.map((id) => `\`${id}\``).join(', '), '–');
  }
  return ['| figure | value | budget | |', '| --- | ---: | ---: | --- |', ...rows].join('\n');
}

function run(json) {
  const d = json.durations ?? {};
  const parts = [
    // The benchmark build only for the cold loads (scripts/bench.sh).
    d.build !== null && d.build !== undefined && `${!json.options.only || json.options.only.includes('load') ? 'the two release builds' : 'the release build'} ${minutes(d.build)}`,
    d.measure !== undefined && `measuring ${minutes(d.measure)}`,
    d.lighthouse !== undefined && `Lighthouse ${minutes(d.lighthouse)}`,
  ].filter(Boolean);
  const total = d.total ?? (d.build ?? 0) + (d.measure ?? 0) + (d.lighthouse ?? 0);
  return `The run above took ${minutes(total)}: ${parts.join(', ')}. How long the builds take depends on what cargo and trunk have cached; a fresh checkout builds everything. The measuring grows with the options: each cold load starts a browser, and each action is repeated and undone.`;
}

function machine(json) {
  const m = json.machine;
  const load = (l) => l.map((x) => x.toFixed(2)).join(', ');
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB of memory; ${m.chromium}. Load average (1, 5 and 15 minutes): ${load(m.loadAverage.start)} at the start of the measuring, ${load(m.loadAverage.end)} at its end.`;
}

function decisions() {
  const lines = read(FILES.decisions).split('\n').filter((l) => l.trim() !== '');
  if (lines[0] !== 'change\teffect\tcommit') fail(`${FILES.decisions}: the first line must be "change<TAB>effect<TAB>commit"`);
  const git = (...args) => { try { return execFileSync('git', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { return null; } };
  // Commits are checked where the history is whole (not in a shallow clone).
  const whole = git('rev-parse', '--is-shallow-repository') === 'false';
  return lines.slice(1).map((line, i) => {
    const fields = line.split('\t');
    if (fields.length !== 3 || fields.some((f) => f.trim() === '')) fail(`${FILES.decisions}, line ${i + 2}: three fields, tab-separated, none empty`);
    const [change, effect, commit] = fields;
    if (!/^[0-9a-f]{7,40}$/.test(commit)) fail(`${FILES.decisions}, line ${i + 2}: "${commit}" is not a commit`);
    if (whole && git('cat-file', '-e', `${commit}^{commit}`) === null) fail(`${FILES.decisions}, line ${i + 2}: no commit ${commit} in this repository`);
    return `- **${change}.** ${effect[0].toUpperCase()}${effect.slice(1)} (\`${commit}\`).`;
  }).join('\n');
}

function render() {
  const json = JSON.parse(read(FILES.json));
  for (const key of ['date', 'machine', 'options', 'budgets']) {
    if (!(key in json)) fail(`${FILES.json} has no "${key}": write it with bash scripts/bench.sh --json ${FILES.json}`);
  }
  let text = read(FILES.template);
  const budgets = new Map(budgetsOf(json).map((b) => [b.name, b]));
  const explained = new Set();
  text = text.replace(/\[\[budget:([A-Za-z0-9]+)\]\]/g, (_, name) => {
    const budget = budgets.get(name);
    if (!budget) fail(`${FILES.template} explains the budget "${name}", which ${FILES.budgets} does not have`);
    explained.add(name);
    return `**${budget.label}**`;
  });
  const unexplained = [...budgets.keys()].filter((name) => !explained.has(name));
  if (unexplained.length) fail(`${FILES.template} does not say why these budgets exist: ${unexplained.join(', ')}`);
  const parts = {
    generated: `<!-- Generated by scripts/performance.mjs from ${FILES.json}, ${FILES.template} and ${FILES.decisions}: edit those and run node scripts/performance.mjs, not this file. -->`,
    stamp: stamp(json),
    table: table(json),
    run: run(json),
    machine: machine(json),
    decisions: decisions(),
  };
  text = text.replace(/\{\{([a-z]+)\}\}/g, (_, name) => {
    if (!(name in parts)) fail(`${FILES.template} has {{${name}}}, which this script does not fill`);
    return parts[name];
  });
  return text;
}

const text = render();
if (process.argv.includes('--check')) {
  const committed = fs.existsSync(path.join(ROOT, FILES.out)) ? read(FILES.out) : '';
  if (committed !== text) {
    const [a, b] = [committed.split('\n'), text.split('\n')];
    const line = a.findIndex((l, i) => l !== b[i]);
    fail(`${FILES.out} is not what ${FILES.json}, ${FILES.template} and ${FILES.decisions} make (first difference at line ${(line < 0 ? a.length : line) + 1}): run node scripts/performance.mjs and commit it`);
  }
  console.log(`${FILES.out} is what ${FILES.json} makes`);
} else {
  fs.writeFileSync(path.join(ROOT, FILES.out), text);
  console.log(`wrote ${FILES.out}`);
}
