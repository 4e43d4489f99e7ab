// Every budget the benchmark holds the viewer to, in one list: what
// scripts/bench.mjs and scripts/lighthouse.mjs measure against, and what
// scripts/performance.mjs lists as "not measured" where a run lacks one.
// `atLeast`: the figure must reach the limit (a score), not stay under it.
// A figure measured once belongs in the commit that measured it, not here.
export const BUDGETS = {
  firstCardRatio: { label: 'first card / static page', limit: 1.1, unit: 'x', why: 'the first card within 1.1 times a static page of the same cards: the first screen is prerendered HTML and waits for no code (issue 14)' },
  filterP95: { label: 'slowest filter p95, real', limit: 16, unit: 'ms', why: 'every filter within one 60 Hz frame (16 ms) at the 95th percentile on the real data: answers feel instant' },
  search16xP95: { label: 'slowest search p95, 16x', limit: 33, unit: 'ms', why: 'a text search within two frames (33 ms) at 16 times the real data: typing stays fluid as the data grows' },
  filter16xP95: { label: 'slowest filter but search p95, 16x', limit: 16, unit: 'ms', why: 'every filter but the search within one frame at 16 times the real data (issue 15)' },
  openCard16xP95: { label: 'open the largest card p95, 16x', limit: 16, unit: 'ms', why: 'opening the largest card within one frame at 16 times the real data (issue 15)' },
  texts16x: { label: 'all texts loaded, 16x', limit: 1500, unit: 'ms', why: 'all texts loaded and searchable within 1.5 s of being asked for, at 16 times the real data (issue 15)' },
  memoryRatio: { label: 'memory ratio, worst scale', limit: 2, unit: 'x', why: 'wasm memory at most twice the raw size of the texts it holds, at every scale: a phone does not kill the tab (issue 15)' },
  throttledFilterP95: { label: 'slowest filter p95, real, CPU slowed 4x', limit: 33, unit: 'ms', why: 'every filter within 33 ms at p95 on the real data with the CPU slowed four times, like a mid-range phone (issue 15)' },
  firstSearch: { label: 'first search, home page without the texts, CPU slowed 4x', limit: 2500, unit: 'ms', why: 'a word typed on a page that had not fetched the texts is answered, the texts fetched and read, within 2.5 s on a mid-range phone' },
  firstBytesGzip: { label: 'bytes before the first card, gzipped', limit: 300_000, unit: 'bytes', why: 'everything the first card needs within 300 KB gzipped (a prerendered page: the HTML and its styles; otherwise the glue, overview and wasm too): what the first screen does not need waits' },
  wireHome: { label: 'bytes over the wire, home page, slow connection', limit: 450_000, unit: 'bytes', why: 'a first visit to the home page on a slow connection (Chromium told 3G, Save-Data: on) costs at most 450 KB until the network is idle for 3 s, workers included' },
  wireReview: { label: 'bytes over the wire, review page, slow connection', limit: 480_000, unit: 'bytes', why: 'a first visit to a review page on a slow connection costs at most 480 KB until the network is idle for 3 s: the home page\'s and its State\'s texts' },
  wireState: { label: 'bytes over the wire, State page, slow connection', limit: 450_000, unit: 'bytes', why: 'a first visit to a State page on a slow connection costs at most 450 KB until the network is idle for 3 s' },
  wasmGzip: { label: 'wasm gzipped', limit: 280_000, unit: 'bytes', why: 'the release\'s main wasm within 280 KB gzipped (level 9): downloaded and compiled before the page answers anything (the piece split off it comes only with the views that need it)' },
  distBytes: { label: 'dist/, every file', limit: 120_000_000, unit: 'bytes', why: 'the whole build within 120 MB: what a host stores and a deploy uploads' },
  lighthouseHome: { label: 'Lighthouse performance, home page', limit: 95, unit: 'score', atLeast: true, why: 'a phone on a slow network gets a page it can use at once: Lighthouse simulates one, and its performance score (the median of three runs) is mostly the main thread\'s blocking time (issue 14, an aim)' },
  lighthouseReview: { label: 'Lighthouse performance, review page', limit: 95, unit: 'score', atLeast: true, why: 'the same on a prerendered review page' },
  lighthouseReviewQuery: { label: 'Lighthouse performance, home page with ?review=', limit: 95, unit: 'score', atLeast: true, why: 'the same on the home page asked for a review in its address (a shared link of the app)' },
  lighthouseState: { label: 'Lighthouse performance, State page', limit: 95, unit: 'score', atLeast: true, why: 'the same on a prerendered State page' },
  lighthouseFrench: { label: 'Lighthouse performance, French home page', limit: 95, unit: 'score', atLeast: true, why: 'the same on a language\'s home page' },
  lighthouseArabic: { label: 'Lighthouse performance, Arabic review page', limit: 95, unit: 'score', atLeast: true, why: 'the same on a review page in a language written right to left' },
  lighthouseSearch: { label: 'Lighthouse performance, home page with ?q=', limit: 95, unit: 'score', atLeast: true, why: 'the same on a shared link to a search, which needs every review\'s texts' },
  lighthouseAccessibility: { label: 'Lighthouse accessibility, worst page', limit: 100, unit: 'score', atLeast: true, why: 'every page Lighthouse runs on scores 100 for accessibility' },
  lighthouseBestPractices: { label: 'Lighthouse best practices, worst page', limit: 100, unit: 'score', atLeast: true, why: 'every page Lighthouse runs on scores 100 for best practices' },
  lighthouseSeo: { label: 'Lighthouse SEO, worst page', limit: 100, unit: 'score', atLeast: true, why: 'every page Lighthouse runs on scores 100 for SEO' },
  lighthouseLayoutShift: { label: 'Lighthouse layout shift, worst page', limit: 0, unit: 'shift', why: 'no page Lighthouse runs on moves what it has shown (cumulative layout shift 0)' },
};

/** A budget's entry in the benchmark's JSON: `measured` undefined or null
 *  when this run did not measure it; `label` in place of the list's, where
 *  the run's options change what was measured. */
export function judged(name, measured, label = BUDGETS[name].label) {
  const b = BUDGETS[name];
  const value = measured ?? null;
  const met = value === null ? null : b.atLeast ? value >= b.limit : value <= b.limit;
  return { name, label, limit: b.limit, unit: b.unit, ...(b.atLeast ? { atLeast: true } : {}), measured: value, met, why: b.why };
}
