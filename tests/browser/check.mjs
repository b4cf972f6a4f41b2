// Drives one classroom page in headless Chromium and prints what it saw, as JSON, for the
// integration test (tests/integration/browser.rs) to judge:
//   node tests/browser/check.mjs PAGE.html [SCREENSHOT_DIR]
// The network is blocked twice over: Chromium resolves no host and has a dead proxy, and
// every request that is not file:, data: or blob: is aborted and reported.
import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [page_path, shots] = process.argv.slice(2);
const url = pathToFileURL(resolve(page_path)).href;
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const browser = await chromium.launch({
  executablePath: process.env.ENDGAME_CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const requests = [];
const external = [];
const errors = [];
await context.route("**/*", (route) => {
  const u = route.request().url();
  if (/^(file|data|blob):/.test(u)) return route.continue();
  external.push(u);
  return route.abort();
});
const page = await context.newPage();
page.on("request", (r) => requests.push(r.url()));
page.on("pageerror", (e) => errors.push(String(e)));
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

async function runs() {
  return Number(await page.evaluate(() => document.body.dataset.runs || 0));
}
async function open() {
  await page.goto(url);
  await page.waitForFunction(() => Number(document.body.dataset.runs || 0) >= 1, null, { timeout: 60000 });
}
// What a student sees: the charts, the sentences, the tables, the narrated world.
async function snapshot() {
  return page.evaluate(() => ({
    charts: ["acc-chart", "race-ref-chart", "race-cf-chart", "shock-chart"].map((id) => {
      const e = document.getElementById(id);
      return e ? e.outerHTML : null;
    }),
    text: document.getElementById("sentences").innerText,
    tables: ["acc-table", "race-table", "shock-table"].map((id) => document.getElementById(id).innerText),
    why: document.getElementById("why").innerText,
    status: document.getElementById("status").innerText,
  }));
}
async function waitForRun(before) {
  await page.waitForFunction((n) => Number(document.body.dataset.runs || 0) > n, before, { timeout: 60000 });
}

await open();
const startTime = Date.now();
const initial = await snapshot();
const levers = await page.evaluate(() => window.endgame.data.levers.map((l) => ({ key: l.key, values: l.values, start: l.start })));
const initialResults = await page.evaluate(() => window.endgame.results());
if (shots) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/start.png`, fullPage: false });
}

// Move each lever, from the keyboard, to the value farthest from where it starts.
const moved = [];
for (let i = 0; i < levers.length; i++) {
  await open();
  const l = levers[i];
  const before = await runs();
  const range = page.locator(`#lever-${i}-range`);
  if (await range.count()) {
    await range.focus();
    const start = l.start === null ? Math.floor((l.values.length - 1) / 2) : l.start;
    await page.keyboard.press(start < l.values.length / 2 ? "End" : "Home");
  } else {
    const radios = page.locator(`#lever-${i} input[type=radio]`);
    const n = await radios.count();
    const checked = await page.evaluate((i) => [...document.querySelectorAll(`#lever-${i} input[type=radio]`)].findIndex((r) => r.checked), i);
    const target = checked === n - 1 ? 0 : n - 1;
    await radios.nth(checked).focus();
    // Arrow keys move through a radio group and select as they go.
    const key = target > checked ? "ArrowDown" : "ArrowUp";
    for (let k = 0; k < Math.abs(target - checked); k++) await page.keyboard.press(key);
  }
  await waitForRun(before);
  const after = await snapshot();
  const sets = await page.evaluate(() => window.endgame.sets());
  moved.push({
    key: l.key,
    sets,
    charts_changed: after.charts.map((c, k) => c !== initial.charts[k]),
    text_changed: after.text !== initial.text,
    tables_changed: after.tables.map((t, k) => t !== initial.tables[k]),
    why_changed: after.why !== initial.why,
    text: after.text,
  });
  if (shots) await page.screenshot({ path: `${shots}/lever-${i}.png`, fullPage: false });
}

// The numbers to compare with the command-line tool: every lever moved at once.
await open();
for (let i = 0; i < levers.length; i++) {
  const before = await runs();
  const range = page.locator(`#lever-${i}-range`);
  if (await range.count()) {
    await range.focus();
    await page.keyboard.press("End");
  } else {
    const radios = page.locator(`#lever-${i} input[type=radio]`);
    const n = await radios.count();
    const checked = await page.evaluate((i) => [...document.querySelectorAll(`#lever-${i} input[type=radio]`)].findIndex((r) => r.checked), i);
    if (checked === n - 1) continue;
    await radios.nth(n - 1).check();
  }
  await waitForRun(before);
}
const final = await page.evaluate(() => ({
  results: window.endgame.results(),
  sets: window.endgame.sets(),
  reference: window.endgame.data.reference.text,
  seed: window.endgame.data.seed,
  worlds: window.endgame.data.worlds,
  text: document.getElementById("sentences").innerText,
}));
if (shots) await page.screenshot({ path: `${shots}/all-levers.png`, fullPage: true });

// Accessibility: axe-core on the page as it is, and in projector mode.
async function audit() {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, target: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
}
const a11y = await audit();
await page.locator("#projector").focus();
await page.keyboard.press("p");
const projectorOn = await page.evaluate(() => document.documentElement.classList.contains("projector"));
if (shots) await page.screenshot({ path: `${shots}/projector.png`, fullPage: false });
const a11yProjector = await audit();
await page.emulateMedia({ media: "print" });
if (shots) await page.screenshot({ path: `${shots}/print.png`, fullPage: true });
// The handout shows the settings in words instead of the controls.
const printHidesLevers = await page.evaluate(() =>
  getComputedStyle(document.getElementById("levers")).display === "none" &&
  getComputedStyle(document.getElementById("settings-text")).display !== "none" &&
  document.getElementById("settings-text").innerText.startsWith("Levers: "));

console.log(JSON.stringify({
  url, requests, external, errors, levers: levers.map((l) => l.key), initial_status: initial.status,
  initial_results: initialResults, moved, final, a11y, a11y_projector: a11yProjector,
  projector_on: projectorOn, print_hides_levers: printHidesLevers, seconds: (Date.now() - startTime) / 1000,
}));
await browser.close();
