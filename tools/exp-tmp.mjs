import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const dir = process.argv[2];
const srv = spawn('node', ['/work/main/tests/e2e/static-server.mjs', dir, '/x/', '8791'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
const reqs = [];
page.on('request', (r) => reqs.push(r.url().replace(/.*\/x\//, '')));
page.on('console', (m) => console.log('console:', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
for (const url of process.argv.slice(3)) {
  reqs.length = 0;
  await page.goto('http://127.0.0.1:8791/x/' + url);
  await page.waitForTimeout(5000);
  const text = await page.evaluate(() => document.querySelector('#upr-viewer-page')?.innerText.slice(0, 300));
  const svgs = await page.evaluate(() => document.querySelectorAll('svg').length);
  console.log('==', url, 'svgs', svgs, 'wasm reqs', reqs.filter((r) => r.includes('wasm') || r.includes('split')));
  console.log(text.replace(/\n+/g, ' | ').slice(0, 300));
}
await browser.close();
srv.kill();
