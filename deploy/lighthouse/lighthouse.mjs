// Lighthouse on the portal: the sign-in page, then signed-in pages (a learner's dashboard and a lesson, an admin's
// reports), in Debian's Chromium with the flags of BUILD-NOTES. Signs in through the portal's own form (the session
// is an HttpOnly cookie), then audits each page without clearing storage, so the session stays.
// Usage: npm i (here; lighthouse 12.2.3 runs on Node 20), a stack running (./upward up), then
//   node lighthouse.mjs [BASE_URL]          (default http://localhost:8080)
// Prints performance, accessibility, best practices and CLS per page; reports land in target/lighthouse/.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import puppeteer from "puppeteer-core";
import { mkdirSync, writeFileSync } from "node:fs";

const base = (process.argv[2] || "http://localhost:8080").replace(/\/$/, "");
const out = new URL("./target/lighthouse/", import.meta.url);
mkdirSync(out, { recursive: true });

const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });

// Desktop settings, no throttling beyond Lighthouse's simulated defaults for desktop.
const flags = { port: chrome.port, output: ["html", "json"], logLevel: "error", disableStorageReset: true,
  onlyCategories: ["performance", "accessibility", "best-practices"], formFactor: "desktop",
  screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
  throttlingMethod: "simulate" };

async function signIn(username) {
  const page = await browser.newPage();
  await page.goto(`${base}/#/signin`, { waitUntil: "networkidle0" });
  if (await page.$("#sign-out")) {
    await page.click("#sign-out");
    await page.waitForSelector("#username");
  }
  await page.type("#username", username);
  await page.type("#password", "upward-demo");
  await page.click("#signin-form button");
  await page.waitForFunction(() => !location.hash.startsWith("#/signin"));
  await page.close();
}

const rows = [];
async function audit(name, hashPath) {
  const result = await lighthouse(`${base}/#${hashPath}`, flags);
  const { categories, audits } = result.lhr;
  const [html, json] = result.report;
  writeFileSync(new URL(`${name}.html`, out), html);
  writeFileSync(new URL(`${name}.json`, out), json);
  rows.push({ page: name, performance: Math.round(categories.performance.score * 100),
    accessibility: Math.round(categories.accessibility.score * 100),
    "best-practices": Math.round(categories["best-practices"].score * 100),
    CLS: audits["cumulative-layout-shift"].numericValue.toFixed(3),
    LCP_ms: Math.round(audits["largest-contentful-paint"].numericValue) });
}

try {
  await audit("sign-in", "/signin");
  await signIn("learner1@acme");
  await audit("learner-dashboard", "/");
  await audit("learner-lesson", "/courses/how-to-lead-upward/lessons/what-is-leading-upward");
  await signIn("admin@acme");
  await audit("admin-reports", "/admin");
} finally {
  await browser.disconnect();
  await chrome.kill();
}
console.table(rows);
