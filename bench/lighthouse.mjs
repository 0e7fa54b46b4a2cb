// Lighthouse (default config: mobile, simulated throttling) on each URL, a
// number of runs each. Every run gets a fresh Chromium (and profile), as the
// Lighthouse CLI does, so no run inherits another's cache (a favicon's 404 is
// only reported by the first run in a browser); one Node process saves the
// start-up that the CLI would pay per run.
// Usage: node lighthouse.mjs RUNS URL... ; prints one JSON list on stdout.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function report(url) {
  const chrome = await chromeLauncher.launch({chromePath: process.env.CHROME_PATH, chromeFlags: FLAGS});
  try {
    // The full-page screenshot only illustrates the HTML report; no score uses it.
    const {lhr} = await lighthouse(url, {port: chrome.port, logLevel: 'error', output: 'json',
      disableFullPageScreenshot: true});
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    return lhr;
  } finally {
    await chrome.kill();
  }
}

function summary(url, run, lhr) {
  const value = (id) => lhr.audits[id].numericValue;
  // Scored audits that lost points: the reason a category is below 100.
  const failing = Object.values(lhr.categories).flatMap((category) => category.auditRefs
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null
      && lhr.audits[ref.id].score < 1)
    .map((ref) => `${category.id}: ${ref.id}`));
  return {
    url,
    run,
    lighthouse: lhr.lighthouseVersion,
    formFactor: lhr.configSettings.formFactor,
    scores: Object.fromEntries(Object.entries(lhr.categories)
      .map(([id, category]) => [id, Math.round(category.score * 100)])),
    lcp_ms: value('largest-contentful-paint'),
    cls: value('cumulative-layout-shift'),
    total_bytes: value('total-byte-weight'),
    failing,
  };
}

const [runs, ...urls] = process.argv.slice(2);
const results = [];
for (const url of urls) {
  for (let run = 0; run < Number(runs); run++) {
    results.push(summary(url, run, await report(url)));
  }
}
process.stdout.write(JSON.stringify(results));
