// What a person sees on a desktop (1280 px) and on a phone (360 px): chart
// labels in full, the chart over time in the window, the comparison in a
// column per review that stack, a sort select the size of what it shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

const WIDTHS = [1280, 360];

// Headless Chromium and dist/ served under /upr/, for every test here.
const site = servedSite();

async function openViewer(query, width) {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  const viewer = new ViewerPage(page);
  await viewer.open(site.server.url('/upr/') + query);
  await viewer.waitForTexts();
  return { page, viewer };
}

/**
 * For each bar of a chart: its label as the chart's table of numbers gives
 * it, and where that text is drawn (null if nowhere in full), with the
 * chart's box and whether any ancestor inside the chart clips it.
 */
function drawnLabels(page, chart) {
  return page.locator(`[data-testid=${chart}]`).evaluate((figure) => {
    const labels = [...figure.querySelectorAll('details tbody th')].map((th) => th.textContent);
    const box = (r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    const texts = [];
    const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('details, title')) continue;
      texts.push(node);
    }
    const clipped = (element) => {
      for (let e = element; e && e !== figure; e = e.parentElement) {
        if (e instanceof HTMLElement && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') return true;
      }
      return false;
    };
    return {
      chart: box(figure.getBoundingClientRect()),
      viewport: window.innerWidth,
      labels: labels.map((label) => {
        const node = texts.find((t) => t.textContent.trim() === label);
        if (!node) return { label, drawn: null };
        const range = document.createRange();
        range.selectNodeContents(node);
        return { label, drawn: box(range.getBoundingClientRect()), clipped: clipped(node.parentElement) };
      }),
    };
  });
}

for (const width of WIDTHS) {
  test(`every chart label is shown in full at ${width} px`, async () => {
    const { page } = await openViewer('?view=charts', width);
    for (const chart of ['theme-chart', 'region-chart']) {
      const { chart: box, viewport, labels } = await drawnLabels(page, chart);
      assert.ok(labels.length > 0, `${chart} has bars`);
      assert.ok(box.right <= viewport + 1, `${chart} fits the ${viewport} px window (right edge ${box.right})`);
      for (const { label, drawn, clipped } of labels) {
        assert.ok(drawn, `${chart}: "${label}" is not shown in full`);
        assert.ok(drawn.left >= box.left && drawn.right <= box.right && drawn.top >= box.top && drawn.bottom <= box.bottom,
          `${chart}: "${label}" is drawn outside the chart (${JSON.stringify(drawn)} in ${JSON.stringify(box)})`);
        assert.ok(!clipped, `${chart}: "${label}" is clipped`);
      }
    }
    await page.close();
  });
}

for (const width of WIDTHS) {
  test(`the chart over time stays in the window at ${width} px, its bars wide enough to hit`, async () => {
    const { page } = await openViewer('?view=charts', width);
    const chart = page.locator('[data-testid=chart-over-time]');
    const box = await chart.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= width + 1, `the chart fits the ${width} px window: ${JSON.stringify(box)}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow} px`);
    // On a phone the bars scroll in their own box rather than shrink.
    const widths = await chart.locator('button.time-bar').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().width));
    assert.ok(widths.length > 20 && widths.every((w) => w >= 24), `bars at least 24 px wide: ${widths.join(', ')}`);
    await page.close();
  });
}

test('the compare view: one column per review, side by side at 1280 px and stacked at 360 px', async () => {
  for (const width of WIDTHS) {
    for (const [state, reviews] of [['kazakhstan', 2], ['brazil', 3]]) {
      const { page } = await openViewer(`?compare=${state}`, width);
      const columns = page.locator('[data-testid=compare] .compare-column');
      assert.equal(await columns.count(), reviews);
      const boxes = await columns.evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().toJSON()));
      for (let i = 1; i < boxes.length; i++) {
        const [before, now] = [boxes[i - 1], boxes[i]];
        if (width === 1280) {
          assert.ok(Math.abs(before.y - now.y) < 1 && now.x >= before.x + before.width, `${state}: side by side: ${JSON.stringify(boxes)}`);
        } else {
          assert.ok(now.y >= before.y + before.height && Math.abs(before.x - now.x) < 1, `${state}: stacked: ${JSON.stringify(boxes)}`);
        }
      }
      await page.close();
    }
  }
});

test('the compare view: what a review raised against the one before, as lists in its column', async () => {
  for (const width of WIDTHS) {
    const { page } = await openViewer('?compare=kazakhstan', width);
    const columns = page.locator('[data-testid=compare] .compare-column');
    // The themes gained and dropped since the first review sit in the
    // second's column, as list items one under the other (not run
    // together on a line).
    for (const [column, list] of [[1, 'themes-dropped'], [1, 'themes-gained']]) {
      const items = columns.nth(column).locator(`ul[data-testid=${list}] > li`);
      const n = await items.count();
      assert.ok(n > 1, `${list}: a list in column ${column + 1}`);
      const tops = await items.evaluateAll((lis) => lis.map((li) => [getComputedStyle(li).display, li.getBoundingClientRect()]));
      for (let i = 1; i < tops.length; i++) {
        assert.equal(tops[i][0], 'list-item');
        assert.ok(tops[i][1].top >= tops[i - 1][1].bottom - 1, `${list}: item ${i + 1} starts below item ${i}`);
      }
    }
    await page.close();
  }
});

test('the sort select is as wide as what it shows, not as the page', async () => {
  for (const width of WIDTHS) {
    const { page } = await openViewer('', width);
    const { select, content, results } = await page.locator('[data-testid=sort]').evaluate((s) => {
      // The chosen option, measured as text in the select's own font.
      const probe = document.createElement('span');
      probe.style.cssText = `font: ${getComputedStyle(s).font}; position: absolute; white-space: nowrap; visibility: hidden`;
      probe.textContent = s.selectedOptions[0].text;
      s.parentElement.appendChild(probe);
      const content = probe.getBoundingClientRect().width;
      probe.remove();
      return { select: s.getBoundingClientRect().width, content, results: s.closest('.result-bar').getBoundingClientRect().width };
    });
    assert.ok(select >= content, `${width} px: "${content}" px of text fit in ${select} px`);
    // Room for the padding and the arrow, no more.
    assert.ok(select <= content + 48, `${width} px: the select is ${select} px wide for ${content} px of text (its row is ${results} px)`);
    await page.close();
  }
});

test('a wide table scrolls in its own box: the page and its tools stay in the window', async () => {
  for (const width of WIDTHS) {
    const { page, viewer } = await openViewer('?view=table&by=from', width);
    await viewer.waitForTable();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `at ${width} px the page scrolls sideways by ${overflow} px`);
    for (const testid of ['export-table', 'export-csv', 'sort']) {
      const button = page.locator(`[data-testid=${testid}]`);
      if (await button.count() === 0) continue;
      const box = await button.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= width + 1, `at ${width} px ${testid} is outside the window: ${JSON.stringify(box)}`);
    }
    await page.close();
  }
});
