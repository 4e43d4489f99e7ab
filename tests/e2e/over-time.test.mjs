// A State with three reviews and the selection over time, driven in
// headless Chromium, against counts read here from the raw CSV files in
// ../shared (or where UPR_SHARED points), not from the viewer's data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { servedSite, parseCsv } from './support.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = path.resolve(ROOT, process.env.UPR_SHARED ?? '../shared');

/**
 * Every recommendation as the raw files have it: UPR Info's export of
 * sessions 1-20 (`upr-info/`), and for sessions 21-27 its export of 2018
 * (`;`-separated, a byte-order mark), without that export's one exact
 * duplicate (the data's README: where both hold a session, `upr-info/`
 * gives it). `{ to, response, themes, session }`, response `Accepted` or
 * `Noted` (the 2018 export's `Supported` is `Accepted`).
 */
function rawRecommendations() {
  const rows = [];
  const older = path.join(SHARED, 'data/upr-info');
  for (const name of fs.readdirSync(older).filter((n) => n.startsWith('recommendations-')).sort()) {
    const [header, ...records] = parseCsv(fs.readFileSync(path.join(older, name), 'utf8'));
    const at = (column) => header.indexOf(column);
    for (const r of records) {
      rows.push({
        to: r[at('To')].trim(),
        response: r[at('Response')].trim(),
        themes: r[at('Issue')].split(',').map((t) => t.trim()).filter(Boolean),
        session: Number(r[at('Session')]),
      });
    }
  }
  const newer = path.join(SHARED, 'data/upr-info-2018');
  const seen = new Set();
  for (const name of fs.readdirSync(newer).filter((n) => n.endsWith('.csv')).sort()) {
    const text = fs.readFileSync(path.join(newer, name), 'utf8').replace(/^\uFEFF/, '');
    const [header, ...records] = parseCsv(text, ';');
    assert.equal(header.join(';'), 'SuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;Response;Action;Issue;Session', name);
    for (const r of records) {
      assert.equal(r.length, 11, `${name}: a row of 11 fields`);
      const session = Number(r[10].trim());
      if (!r[10].trim() || session < 21) continue;
      const key = JSON.stringify(r.map((c) => c.split(/\s+/).filter(Boolean).join(' ')));
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({
        to: r[0].trim(),
        response: r[7].trim() === 'Supported' ? 'Accepted' : r[7].trim(),
        themes: r[9].split(',').map((t) => t.trim()).filter(Boolean),
        session,
      });
    }
  }
  return rows;
}

const raw = rawRecommendations();

/** Accepted and noted of `rows`, per session, sessions in order. */
function perSession(rows) {
  const sessions = new Map();
  for (const r of [...rows].sort((a, b) => a.session - b.session)) {
    const counts = sessions.get(r.session) ?? { accepted: 0, noted: 0 };
    if (r.response === 'Accepted') counts.accepted++;
    else if (r.response === 'Noted') counts.noted++;
    else assert.fail(`response ${r.response}`);
    sessions.set(r.session, counts);
  }
  return sessions;
}

/** A number as the viewer writes it (`1,234`, `1 234`): its digits. */
const number = (text) => Number(text.replace(/\D/g, ''));

const site = servedSite();

test('Brazil\'s three reviews side by side, with the raw files\' counts', async () => {
  const brazil = perSession(raw.filter((r) => r.to === 'Brazil'));
  assert.equal(brazil.size, 3, 'the raw files hold three reviews of Brazil');
  const { page } = await site.openViewer('?compare=Brazil');
  const columns = page.locator('[data-testid=compare] [data-testid=compare-column]');
  await columns.first().waitFor();
  const shown = await columns.evaluateAll((cs) => cs.map((c) => {
    const figures = c.querySelector('[data-testid=compare-figures]');
    return { session: Number(c.dataset.session), recommendations: Number(figures.dataset.recommendations), accepted: Number(figures.dataset.accepted) };
  }));
  assert.deepEqual(shown, [...brazil].map(([session, { accepted, noted }]) => ({ session, recommendations: accepted + noted, accepted })));
  // Side by side at this width: one row of three.
  const boxes = await columns.evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().toJSON()));
  assert.ok(boxes.every((b) => Math.abs(b.y - boxes[0].y) < 1), `one row: ${JSON.stringify(boxes)}`);
  assert.ok(boxes[1].x >= boxes[0].x + boxes[0].width && boxes[2].x >= boxes[1].x + boxes[1].width, 'in session order');
  // The second against the first by theme; session 27 has no themes and
  // no SDG links, which the third says instead of listing nothing.
  assert.ok(await columns.nth(1).locator('[data-testid=themes-gained] li').count() > 0);
  assert.equal(await columns.nth(0).locator('[data-testid=themes-gained], [data-testid=not-compared]').count(), 0, 'the first has nothing before it');
  assert.match(await columns.nth(2).locator('[data-testid=not-compared]').innerText(), /session 27/);
  assert.equal(await columns.nth(2).locator('[data-testid=themes-gained], [data-testid=themes-dropped]').count(), 0);
  // The acceptance per theme has a column per review.
  assert.equal(await page.locator('[data-testid=acceptance-per-theme] thead th').count(), 1 + 3);
  // Its reviews over time: a bar each, in order, with the same counts.
  const chart = page.locator('[data-testid=compare] [data-testid=chart-over-time]');
  const bars = await chart.locator('.time-bar').evaluateAll((bs) => bs.map((b) => [Number(b.dataset.session), Number(b.dataset.total)]));
  assert.deepEqual(bars, [...brazil].map(([session, c]) => [session, c.accepted + c.noted]));
  assert.equal(await chart.locator('[data-testid=time-cycle]').count(), 3, 'three cycles marked');
  // A bar lists that review's recommendations.
  await chart.locator('[data-testid="time:13"]').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('session') === '13');
  const params = new URLSearchParams(new URL(page.url()).search);
  assert.equal(params.get('compare'), null);
  assert.equal(params.get('sur'), 'brazil');
  await page.close();
});

test('a card of a State reviewed three times links to their comparison', async () => {
  const { page, viewer } = await site.openViewer('?review=brazil-s27');
  const link = page.locator('[data-testid=compare-link]');
  assert.match(await link.innerText(), /3 reviews/);
  await link.click();
  await page.locator('[data-testid=compare-column]').first().waitFor();
  assert.equal((await viewer.params()).get('compare'), 'brazil');
  assert.equal(await page.locator('[data-testid=compare-column]').count(), 3);
  await page.close();
});

test('the State page lists its three reviews', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(site.server.url('/upr/states/brazil.html'));
  const sessions = [...perSession(raw.filter((r) => r.to === 'Brazil')).keys()];
  assert.equal(await page.title(), `Brazil — Universal Periodic Review, sessions ${sessions.slice(0, -1).join(', ')} and ${sessions.at(-1)}`);
  for (const session of sessions) {
    assert.equal(await page.locator(`nav a[href="../reviews/brazil-s${session}.html"]`).count(), 1, `session ${session} is linked`);
  }
  // As prerendered, before any script: a column per review.
  const html = await (await fetch(site.server.url('/upr/states/brazil.html'))).text();
  assert.deepEqual([...html.matchAll(/data-testid="compare-column"[^>]*data-session="(\d+)"/g)].map((m) => Number(m[1])), sessions);
  await page.close();
});

test('the death penalty over time: per session the raw files\' counts, and a bar filters by its session', async () => {
  const want = perSession(raw.filter((r) => r.themes.includes('Death penalty')));
  const sessions = [...new Set(raw.map((r) => r.session))].sort((a, b) => a - b);
  const { page, viewer } = await site.openViewer('?view=charts&theme=Death+penalty');
  const chart = page.locator('[data-testid=chart-over-time]');
  await chart.waitFor();
  // Its numbers, as the table gives them, by the table's own headers.
  const table = await chart.locator('table').evaluate((t) => ({
    header: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => [tr.dataset.session, ...[...tr.children].map((c) => c.textContent)]),
  }));
  const accepted = table.header.indexOf('Accepted') + 1;
  const noted = table.header.indexOf('Noted') + 1;
  assert.ok(accepted > 0 && noted > 0, table.header.join(' | '));
  assert.deepEqual(table.rows.map((r) => Number(r[0])), sessions, 'every session that holds a review, in order');
  for (const row of table.rows) {
    const session = Number(row[0]);
    assert.deepEqual({ accepted: number(row[accepted]), noted: number(row[noted]) }, want.get(session) ?? { accepted: 0, noted: 0 }, `session ${session}`);
  }
  // Session 27 has no themes: the chart says so.
  assert.match(await chart.locator('[data-testid=over-time-uncovered]').innerText(), /does not classify session 27 by theme, so it shows none/);
  assert.deepEqual(await chart.locator('[data-testid=time-cycle]').allInnerTexts(), ['Cycle 1', 'Cycle 2', 'Cycle 3']);

  const bar = chart.locator('[data-testid="time:9"]');
  const total = Number(await bar.getAttribute('data-total'));
  assert.equal(total, want.get(9).accepted + want.get(9).noted);
  const after = await viewer.changing(() => bar.click());
  assert.equal((await viewer.params()).get('session'), '9');
  assert.deepEqual((await viewer.params()).getAll('theme'), ['Death penalty'], 'the theme stays');
  assert.equal(after.recommendations, total, 'the bar said how many the filter would give');
  assert.equal(await chart.locator('[data-testid="time:9"]').getAttribute('aria-pressed'), 'true');
  // Again: every session.
  await viewer.changing(() => chart.locator('[data-testid="time:9"]').click());
  assert.equal((await viewer.params()).get('session'), null);
  await page.close();
});

test('in Arabic the bars run from the right', async () => {
  const { page } = await site.openViewer('?view=charts&lang=ar');
  const chart = page.locator('[data-testid=chart-over-time]');
  await chart.waitFor();
  const x = (session) => chart.locator(`[data-testid="time:${session}"]`).evaluate((b) => b.getBoundingClientRect().x);
  assert.ok(await x(1) > await x(2), 'session 1 right of session 2');
  assert.ok(await x(26) > await x(27));
  await page.close();
});
