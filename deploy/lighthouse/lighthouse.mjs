// Lighthouse on the portal: the sign-in page, then signed-in pages (a learner's dashboard and a lesson, an admin's
// reports), in Debian's Chromium with the flags of BUILD-NOTES. Signs in through the portal's own form (the session
// is an HttpOnly cookie), then audits each page without clearing storage, so the session stays.
// Usage: npm i (here; lighthouse 12.2.3 runs on Node 20), a stack running (./upward up), then
//   node lighthouse.mjs [BASE_URL] [desktop|mobile|both]     (defaults http://localhost:8080, both)
// Prints performance, accessibility, best practices and CLS per page and profile; reports land in target/lighthouse/.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import puppeteer from "puppeteer-core";
import { mkdirSync, writeFileSync } from "node:fs";

const base = (process.argv[2] || "http://localhost:8080").replace(/\/$/, "");
const profiles = (process.argv[3] || "both") === "both" ? ["desktop", "mobile"] : [process.argv[3]];
const out = new URL("./target/lighthouse/", import.meta.url);
mkdirSync(out, { recursive: true });

const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });

// Lighthouse's own two presets, both with its simulated throttling: desktop (--preset=desktop: 1350x940, 40 ms RTT,
// 10 Mbit/s, no CPU slowdown) and mobile (its default: a mid-range phone on slow 4G, 150 ms RTT, 1.6 Mbit/s, CPU / 4).
const common = { output: ["html", "json"], logLevel: "error", disableStorageReset: true,
  onlyCategories: ["performance", "accessibility", "best-practices"], throttlingMethod: "simulate" };
const settings = {
  desktop: { ...common, formFactor: "desktop",
    screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
    throttling: { rttMs: 40, throughputKbps: 10 * 1024, cpuSlowdownMultiplier: 1, requestLatencyMs: 0,
      downloadThroughputKbps: 0, uploadThroughputKbps: 0 } },
  mobile: { ...common, formFactor: "mobile" },
};

async function signOut() {
  const page = await browser.newPage();
  await page.goto(`${base}/#/signin`, { waitUntil: "networkidle0" });
  if (await page.$("#sign-out")) {
    await page.click("#sign-out");
    await page.waitForSelector("#username");
  }
  await page.close();
}

async function signIn(username) {
  await signOut();
  const page = await browser.newPage();
  await page.goto(`${base}/#/signin`, { waitUntil: "networkidle0" });
  await page.type("#username", username);
  await page.type("#password", "upward-demo");
  await page.click("#signin-form button");
  await page.waitForFunction(() => !location.hash.startsWith("#/signin"));
  await page.close();
}

const rows = [];
async function audit(profile, name, hashPath) {
  const result = await lighthouse(`${base}/#${hashPath}`, { ...settings[profile], port: chrome.port });
  const { categories, audits } = result.lhr;
  const [html, json] = result.report;
  writeFileSync(new URL(`${profile}-${name}.html`, out), html);
  writeFileSync(new URL(`${profile}-${name}.json`, out), json);
  rows.push({ profile, page: name, performance: Math.round(categories.performance.score * 100),
    accessibility: Math.round(categories.accessibility.score * 100),
    "best-practices": Math.round(categories["best-practices"].score * 100),
    CLS: audits["cumulative-layout-shift"].numericValue.toFixed(3),
    LCP_ms: Math.round(audits["largest-contentful-paint"].numericValue) });
}

try {
  for (const profile of profiles) {
    await signOut();
    await audit(profile, "sign-in", "/signin");
    await signIn("learner1@acme");
    await audit(profile, "learner-dashboard", "/");
    await audit(profile, "learner-lesson", "/courses/how-to-lead-upward/lessons/what-is-leading-upward");
    await signIn("admin@acme");
    await audit(profile, "admin-reports", "/admin");
  }
} finally {
  await browser.disconnect();
  await chrome.kill();
}
console.table(rows);
