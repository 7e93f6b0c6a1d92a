// Loads a TimelineJS3 JSON file in the real TimelineJS (npm @knight-lab/timelinejs) in headless
// Debian Chromium and checks what a reader would see: every event has a slide and a marker,
// threads are groups, nothing was logged as an error, and hostile text shows as text.
//   node timelinejs_browser_check.cjs NPM_DIR TIMELINE.json SCREENSHOT.png
// Exit 0 when the timeline renders as expected, 1 with the reasons otherwise.
'use strict';
const fs = require('fs');
const path = require('path');

const [npmDir, jsonPath, screenshot] = process.argv.slice(2);
const { chromium } = require(path.join(npmDir, 'node_modules', 'playwright-core'));
const dist = path.join(npmDir, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
const origin = 'http://dateline.test';  // served by page.route below; nothing leaves the machine

const page_html = `<!doctype html>
<html><head><meta charset="utf-8"><title>dateline TimelineJS check</title>
<link rel="stylesheet" href="${origin}/tl/css/timeline.css">
<script src="${origin}/tl/js/timeline.js"></script></head>
<body style="margin:0"><div id="timeline-embed" style="width:1200px;height:700px"></div>
<script>
  window.dialogs = 0;
  window.timeline = new TL.Timeline('timeline-embed', '${origin}/timeline.json', {
    // font: null keeps TimelineJS from loading its web fonts from a CDN (the check is offline).
    script_path: '${origin}/tl/js/', language: 'en', hash_bookmark: false, font: null });
</script></body></html>`;

function contentType(file) {
  const types = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
                  '.svg': 'image/svg+xml', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
                  '.eot': 'application/vnd.ms-fontobject', '.html': 'text/html' };
  return types[path.extname(file)] || 'application/octet-stream';
}

async function main() {
  const problems = [];
  let expected = null;
  try {
    expected = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  } catch (e) {
    problems.push(`the file is not JSON: ${e.message}`);
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],  // playwright gives it a new empty profile
    timeout: 30000,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', async (d) => { problems.push(`a dialog opened (script ran): ${d.message()}`); await d.dismiss(); });
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      let file = null;
      if (url.origin === origin && url.pathname === '/') return route.fulfill({ body: page_html, contentType: 'text/html' });
      if (url.origin === origin && url.pathname === '/timeline.json') file = jsonPath;
      if (url.origin === origin && url.pathname.startsWith('/tl/')) {
        file = path.join(dist, path.normalize(decodeURIComponent(url.pathname.slice(4))));
        if (!file.startsWith(dist)) file = null;
      }
      if (file && fs.existsSync(file)) {
        return route.fulfill({ body: fs.readFileSync(file), contentType: contentType(file) });
      }
      // Anything else (an image URL in a quote, a font CDN) is not fetched: the check is offline.
      problems.push(`request outside the test origin: ${url.href}`);
      return route.abort();
    });
    await page.goto(`${origin}/`);
    const events = expected && Array.isArray(expected.events) ? expected.events.length : -1;
    // TimelineJS builds one slide per event plus the title slide, and one marker per event.
    // Wait for all markers, or for TimelineJS to say it failed (then there is no point waiting).
    await page.waitForFunction((n) => {
      const message = document.querySelector('.tl-message-content');
      if (message && /error/i.test(message.textContent)) return true;
      return n > 0 && document.querySelectorAll('.tl-timemarker').length === n;
    }, events, { timeout: 20000 }).catch(() => {});
    const markers = await page.evaluate(() => document.querySelectorAll('.tl-timemarker').length);
    if (markers !== events) {
      const message = await page.evaluate(() => (document.querySelector('.tl-message-content') || {}).textContent || '');
      problems.push(`expected ${events} markers, TimelineJS shows ${markers} (its message: "${message.trim()}")`);
    }
    const seen = await page.evaluate(() => ({
      slides: document.querySelectorAll('.tl-slide').length,
      markers: document.querySelectorAll('.tl-timemarker').length,
      groups: Array.from(document.querySelectorAll('.tl-timegroup-message')).map((g) => g.textContent),
      headlines: Array.from(document.querySelectorAll('.tl-slide .tl-headline')).map((h) => h.textContent),
      scripts: document.querySelectorAll('#timeline-embed script, #timeline-embed img').length,
      errors: (window.timeline && window.timeline.config && window.timeline.config.messages.errors.length) || 0,
    }));
    if (events > 0) {
      if (seen.slides !== events + 1) problems.push(`expected ${events + 1} slides, found ${seen.slides}`);
      const groups = new Set(expected.events.map((e) => e.group).filter(Boolean));
      if (seen.groups.length !== groups.size) problems.push(`expected ${groups.size} groups, found ${seen.groups.length}`);
      // Each headline must read as the plain text the JSON's escaped HTML stands for.
      const decode = (html) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
                                   .replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      for (const e of expected.events) {
        const want = decode(e.text.headline);
        if (!seen.headlines.includes(want)) problems.push(`no slide shows the headline ${JSON.stringify(want.slice(0, 80))}`);
      }
    }
    if (seen.scripts) problems.push(`${seen.scripts} script or img elements were created from the data`);
    if (seen.errors) problems.push(`TimelineJS reported ${seen.errors} data errors`);
    if (screenshot) await page.screenshot({ path: screenshot });
    console.log(`timelinejs: ${seen.slides} slides, ${seen.markers} markers, groups: ${JSON.stringify(seen.groups)}`);
  } finally {
    await browser.close();
  }
  if (problems.length) {
    for (const p of problems) console.error(`timelinejs: ${p}`);
    process.exit(1);
  }
}

main().catch((e) => { console.error(`timelinejs: ${e.stack || e}`); process.exit(1); });
