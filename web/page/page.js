"use strict";
// The classroom page: reads the embedded lesson and scenarios, runs the embedded simulator
// (the same Rust code as the command-line tool, compiled to WebAssembly) and draws the
// results as inline SVG with a data table beside each chart. No network access.
(function () {
  const data = JSON.parse(document.getElementById("endgame-data").textContent);
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  // Days are counted from 1945-06-01 (Tokyo), as the simulator reports them.
  const EPOCH = Date.UTC(1945, 5, 1);
  const COLORS = { ref: "#000000", cf: "#009E73", entry: "#D55E00", strike: "#0072B2", accept: "#000000" };
  const fmt = (n) => n.toLocaleString("en-US");
  const pct = (n, d) => (d ? Math.round((100 * n) / d) : 0) + "%";

  function h(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") e.textContent = v;
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c);
    return e;
  }
  function s(tag, attrs, ...children) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "text") e.textContent = v;
      else e.setAttribute(k, v);
    }
    for (const c of children.flat()) if (c) e.append(c);
    return e;
  }
  function dayDate(day) {
    const d = new Date(EPOCH + day * 86400000);
    return { m: d.getUTCMonth(), d: d.getUTCDate() };
  }
  function dayLabel(day) {
    const { m, d } = dayDate(day);
    return MONTHS[m] + " " + d;
  }
  function dayOf(month, date) {
    return Math.round((Date.UTC(1945, month - 1, date) - EPOCH) / 86400000);
  }
  function sourceWords(mark) {
    const m = /^S\s*([\d–-]+)/.exec(mark);
    if (m) return "Hasegawa (2003), endnote " + m[1];
    if (mark === "V") return "confirmed in the historical record";
    if (mark === "M") return "commonly cited, not confirmed";
    if (mark === "S") return "Hasegawa (2003)";
    if (/^V; time M/.test(mark)) return "event confirmed; its clock time commonly cited, not confirmed";
    return mark;
  }

  // ---------- The simulator ----------
  let wasm = null;
  async function start() {
    const b64 = $("endgame-wasm").textContent.trim();
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const { instance } = await WebAssembly.instantiate(bytes, {});
    wasm = instance.exports;
  }
  function explore(sets) {
    const request = JSON.stringify({
      reference: [data.reference.name, data.reference.text],
      scenario: [data.scenario.name, data.scenario.text],
      sets: sets,
      seed: data.seed,
      worlds: data.worlds,
    });
    const bytes = new TextEncoder().encode(request);
    const at = wasm.endgame_input(bytes.length) >>> 0;
    new Uint8Array(wasm.memory.buffer, at, bytes.length).set(bytes);
    const len = wasm.endgame_explore() >>> 0;
    const out = wasm.endgame_output() >>> 0;
    return JSON.parse(new TextDecoder().decode(new Uint8Array(wasm.memory.buffer, out, len)));
  }

  // ---------- Levers ----------
  const state = data.levers.map((l) => ({ touched: false, index: l.start }));
  function sets() {
    const out = [];
    data.levers.forEach((l, i) => {
      if (state[i].touched && state[i].index !== null) out.push(l.key + "=" + l.values[state[i].index]);
    });
    return out;
  }
  // A lever's setting in words: its value's label, or the scenario's own setting.
  function leverSetting(l, i) {
    return state[i].index !== null ? l.labels[state[i].index] : scenarioWords(l);
  }
  // How the scenario sets a lever's key, in words: a distribution is "uncertain".
  function scenarioWords(l) {
    return /dist\s*=/.test(l.current) ? "as in the scenario: uncertain, drawn in each world" : "as in the scenario: " + l.current;
  }
  function buildLevers() {
    const form = $("levers");
    form.addEventListener("submit", (e) => e.preventDefault());
    data.levers.forEach((l, i) => {
      const id = "lever-" + i;
      const about = h("details", {},
        h("summary", { text: "Sources and meaning" }),
        h("p", { text: "Document: " + l.document }),
        h("p", { text: "In this scenario: " + l.current }),
        h("p", {}, h("code", { text: l.key })),
        h("p", { text: l.doc }),
        h("p", { text: "Unit: " + l.unit + ". In 1945: " + l.historical + ". Plausible range: " + l.range + "." }),
        h("p", { text: "Source: " + l.source }));
      // The lever's document: its name on the card, the full reference under "Sources".
      const cut = l.document.search(/ \(|; |: /);
      const short = cut > 0 && cut < 110 ? l.document.slice(0, cut) : l.document.length > 110 ? l.document.slice(0, 100) + "…" : l.document;
      const doc = h("p", { class: "doc", text: "Rests on: " + short });
      let box;
      if (l.values.length <= 4) {
        const choices = l.values.map((_, j) => {
          const input = h("input", { type: "radio", name: id, id: id + "-" + j, value: String(j), checked: l.start === j });
          input.addEventListener("change", () => { state[i] = { touched: true, index: j }; schedule(); });
          return h("label", { class: "choice", for: id + "-" + j }, input, l.labels[j]);
        });
        if (l.start === null) {
          const input = h("input", { type: "radio", name: id, id: id + "-scenario", value: "scenario", checked: true });
          input.addEventListener("change", () => { state[i] = { touched: false, index: null }; schedule(); });
          choices.unshift(h("label", { class: "choice", for: id + "-scenario" }, input, "As in the scenario: " + scenarioWords(l).replace(/^as in the scenario: /, "")));
        }
        box = h("fieldset", { class: "lever", id: id }, h("legend", { text: l.label }), h("div", { class: "choices" }, choices), doc, about);
      } else {
        const first = l.start !== null ? l.start : Math.floor((l.values.length - 1) / 2);
        const output = h("output", { for: id + "-range", id: id + "-out" });
        const input = h("input", {
          type: "range", id: id + "-range", min: "0", max: String(l.values.length - 1), step: "1",
          value: String(first), "aria-describedby": id + "-out",
        });
        const reset = h("button", { type: "button", class: "reset", text: "Back to the scenario's value" });
        const show = () => {
          const text = leverSetting(l, i);
          output.textContent = text;
          input.setAttribute("aria-valuetext", text);
          reset.disabled = !state[i].touched;
        };
        input.addEventListener("input", () => { state[i] = { touched: true, index: Number(input.value) }; show(); schedule(); });
        reset.addEventListener("click", () => {
          state[i] = { touched: false, index: l.start };
          input.value = String(first);
          show();
          schedule();
        });
        show();
        box = h("div", { class: "lever", id: id },
          h("label", { class: "lever-label", for: id + "-range", text: l.label }),
          input, output, reset, doc, about);
      }
      form.append(box);
    });
  }

  let timer = null;
  function schedule() {
    clearTimeout(timer);
    $("status").classList.remove("error");
    $("status").textContent = "Running " + fmt(data.worlds) + " worlds…";
    timer = setTimeout(run, 120);
  }

  // ---------- Charts ----------
  function lineChart(opts) {
    // opts: { id, title, desc, from, to, series: [{ name, color, dash, width, values, total }], markers }
    // A panel of a side-by-side pair is drawn narrower, so its text stays readable.
    const W = opts.narrow ? 450 : 640, H = 340, L = 48, R = opts.narrow ? 128 : 150, T = 26, B = 44;
    const x = (day) => L + ((day - opts.from) / (opts.to - opts.from)) * (W - L - R);
    const y = (share) => T + (1 - share) * (H - T - B);
    const titleId = opts.id + "-title", descId = opts.id + "-desc";
    const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": titleId + " " + descId, id: opts.id });
    svg.append(s("title", { id: titleId, text: opts.title }), s("desc", { id: descId, text: opts.desc }));
    const grid = s("g", { class: "grid" });
    for (const v of [0, 0.25, 0.5, 0.75, 1]) {
      grid.append(s("line", { x1: L, x2: W - R, y1: y(v), y2: y(v) }));
      svg.append(s("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 12, text: Math.round(v * 100) + "%" }));
    }
    svg.append(grid);
    const axis = s("g", { class: "axis" });
    axis.append(s("line", { x1: L, x2: W - R, y1: y(0), y2: y(0) }));
    for (const day of opts.ticks) {
      axis.append(s("line", { x1: x(day), x2: x(day), y1: y(0), y2: y(0) + 5 }));
      svg.append(s("text", { x: x(day), y: y(0) + 19, "text-anchor": "middle", "font-size": 12, text: dayLabel(day) }));
    }
    svg.append(axis);
    svg.append(s("text", { x: L + (W - L - R) / 2, y: H - 4, "text-anchor": "middle", "font-size": 12, text: "Tokyo date, 1945" }));
    // Marker labels sit above the plot, clear of the curves; `anchor: "end"` puts one to
    // the left of its line, so two close markers do not collide.
    for (const m of opts.markers || []) {
      svg.append(s("line", { class: "marker", x1: x(m.day), x2: x(m.day), y1: y(1) - 6, y2: y(0) }));
      const end = m.anchor === "end";
      svg.append(s("text", { x: x(m.day) + (end ? -3 : 3), y: y(1) - 10, "text-anchor": end ? "end" : "start", "font-size": 11, text: m.label }));
    }
    const ends = [];
    for (const se of opts.series) {
      let d = "";
      let last = 0;
      for (let day = opts.from; day <= opts.to; day++) {
        const v = se.total ? se.values[day - firstDay] / se.total : 0;
        const px = x(day), py = y(v);
        d += (d ? ` H${px.toFixed(1)} V${py.toFixed(1)}` : `M${px.toFixed(1)} ${py.toFixed(1)}`);
        last = v;
      }
      svg.append(s("path", {
        class: "series", d, fill: "none", stroke: se.color, "stroke-width": se.width || 3,
        "stroke-dasharray": se.dash || null, "stroke-linejoin": "round",
      }));
      ends.push({ se, y: y(last), share: last });
    }
    // Direct labels at the right end, nudged apart so none overlaps.
    ends.sort((a, b) => a.y - b.y);
    for (let i = 1; i < ends.length; i++) if (ends[i].y - ends[i - 1].y < 28) ends[i].y = ends[i - 1].y + 28;
    for (const e of ends) {
      const x0 = W - R + 6;
      svg.append(s("line", { x1: x0, x2: x0 + 22, y1: e.y - 4, y2: e.y - 4, stroke: e.se.color, "stroke-width": 3, "stroke-dasharray": e.se.dash || null }));
      svg.append(s("text", { x: x0 + 26, y: e.y, "font-size": 12, text: e.se.name }));
      svg.append(s("text", { x: x0 + 26, y: e.y + 13, "font-size": 11, text: Math.round(e.share * 100) + "% by " + dayLabel(opts.to) }));
    }
    return svg;
  }

  function table(caption, head, rows) {
    return h("table", {},
      h("caption", { text: caption }),
      h("thead", {}, h("tr", {}, head.map((c) => h("th", { scope: "col", text: c })))),
      h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c, j) => (j === 0 ? h("th", { scope: "row", text: c }) : h("td", { text: c })))))));
  }

  function bars(opts) {
    // opts: { id, title, desc, groups: [label], series: [{ name, color, pattern, values }], total }
    const W = 640, rowH = 46, L = 180, R = 70, T = 28;
    const H = T + opts.groups.length * rowH + 10;
    const x = (share) => L + share * (W - L - R);
    const titleId = opts.id + "-title", descId = opts.id + "-desc";
    const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": titleId + " " + descId, id: opts.id });
    svg.append(s("title", { id: titleId, text: opts.title }), s("desc", { id: descId, text: opts.desc }));
    const defs = s("defs");
    defs.append(s("pattern", { id: opts.id + "-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      s("rect", { width: 6, height: 6, fill: "#ffffff" }),
      s("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: COLORS.cf, "stroke-width": 4 })));
    svg.append(defs);
    opts.series.forEach((se, k) => {
      svg.append(s("rect", { x: L + k * 170, y: 4, width: 14, height: 14, fill: se.pattern ? `url(#${opts.id}-hatch)` : se.color, stroke: se.color }));
      svg.append(s("text", { x: L + k * 170 + 20, y: 16, "font-size": 12, text: se.name }));
    });
    opts.groups.forEach((g, i) => {
      const y0 = T + i * rowH;
      svg.append(s("text", { x: L - 8, y: y0 + 24, "text-anchor": "end", "font-size": 12, text: g }));
      opts.series.forEach((se, k) => {
        const v = opts.total ? se.values[i] / opts.total : 0;
        const by = y0 + 4 + k * 19;
        svg.append(s("rect", { x: L, y: by, width: Math.max(0, x(v) - L), height: 16, fill: se.pattern ? `url(#${opts.id}-hatch)` : se.color, stroke: se.color }));
        svg.append(s("text", { x: x(v) + 4, y: by + 12, "font-size": 11, text: fmt(se.values[i]) }));
      });
    });
    return svg;
  }

  // ---------- Drawing the results ----------
  const SHOCK_LABELS = {
    soviet_entry: "Soviet entry",
    atomic_bomb: "An atomic bomb",
    ultimatum: "The ultimatum",
    mediation_refused: "Moscow's refusal",
    background: "Blockade and raids",
    none: "Nothing: no acceptance",
  };
  const DATES = [[8, 10], [8, 15], [8, 20], [8, 31], [9, 15], [9, 30], [10, 31]].map(([m, d]) => dayOf(m, d));
  let last = null;
  // The first day of the daily series, as the simulator reports it.
  let firstDay = 30;

  // The day by which half the worlds had accepted (a world that never accepted counts as
  // the latest of all), or null if half never did.
  function medianDay(side, N) {
    const i = side.accepted_by_day.findIndex((c) => 2 * c >= N);
    return i < 0 ? null : dayLabel(firstDay + i);
  }
  function acceptedBy(side, day) {
    return side.accepted_by_day[Math.min(day, firstDay + side.accepted_by_day.length - 1) - firstDay];
  }

  function sentences(r) {
    const N = r.worlds, p = r.paired;
    const box = $("sentences");
    box.replaceChildren();
    const moved = sets().length > 0 || data.reference.text !== data.scenario.text;
    const line = (...parts) => box.append(h("p", {}, parts));
    const strong = (t) => h("strong", { text: t });
    if (!moved) {
      line("No lever is moved yet, so both sides are the same ", strong(fmt(N)), " worlds: in every one, Japan accepts at the same moment. Move a lever to see what changes.");
    } else {
      line("Compared world by world (same weather, same luck), with your levers Japan accepted ", strong("earlier in " + fmt(p.earlier.count) + " of " + fmt(N)), " worlds, ",
        strong("at the same time in " + fmt(p.same.count)), ", and ", strong("later in " + fmt(p.later.count)), ".");
    }
    const day = Number($("by-date").value);
    const a = acceptedBy(r.reference, day), b = acceptedBy(r.scenario, day);
    line("By ", strong(dayLabel(day)), ", Japan had accepted in ", strong(fmt(a) + " of " + fmt(N)), " reference worlds and in ", strong(fmt(b) + " of " + fmt(N)), " worlds with your levers.");
    const ea = r.reference.report.entry_before_acceptance.count, eb = r.scenario.report.entry_before_acceptance.count;
    line("The Soviet Union was at war before Japan accepted in ", strong(fmt(ea)), " reference worlds and ", strong(fmt(eb)), " with your levers.");
    const med = (side) => medianDay(side, N) || "no date before Nov 1 (more than half never accepted)";
    line("Half the worlds had accepted by ", strong(med(r.reference)), " in the reference, and by ", strong(med(r.scenario)), " with your levers.");
  }

  function draw(r) {
    const N = r.worlds;
    const ref = r.reference, cf = r.scenario;
    const from = dayOf(7, 20), to = dayOf(11, 1);
    const ticks = [dayOf(8, 1), dayOf(8, 15), dayOf(9, 1), dayOf(9, 15), dayOf(10, 1), dayOf(10, 15), dayOf(11, 1)];
    const p50 = (side) => medianDay(side, N) || "after Nov 1";
    $("acc-fig").replaceChildren(
      lineChart({
        id: "acc-chart",
        title: "Share of worlds in which Japan had accepted, by date",
        desc: `Cumulative share of ${fmt(N)} worlds. Reference: median ${p50(ref)}, ${fmt(acceptedBy(ref, to))} accepted by Nov 1. With your levers: median ${p50(cf)}, ${fmt(acceptedBy(cf, to))} by Nov 1.`,
        from, to, ticks,
        markers: [{ day: dayOf(8, 14), label: "1945: Aug 14" }],
        series: [
          { name: "Reference", color: COLORS.ref, values: ref.accepted_by_day, total: N, width: 3 },
          { name: "Your levers", color: COLORS.cf, dash: "9 5", values: cf.accepted_by_day, total: N, width: 4 },
        ],
      }),
      h("figcaption", { text: "Solid black: the reference. Dashed green: with your levers. The dotted line marks the real acceptance, 14 August 1945." }));
    const weekly = [];
    for (let d = dayOf(8, 1); d <= to; d += 7) weekly.push(d);
    if (weekly[weekly.length - 1] !== to) weekly.push(to);
    $("acc-table").replaceChildren(table("Worlds that had accepted (of " + fmt(N) + ")", ["By", "Reference", "Your levers"],
      weekly.map((d) => [dayLabel(d), fmt(acceptedBy(ref, d)), fmt(acceptedBy(cf, d))])));

    const raceFrom = dayOf(7, 25), raceTo = dayOf(9, 30);
    const raceTicks = [dayOf(8, 1), dayOf(8, 15), dayOf(9, 1), dayOf(9, 15)];
    const racePanel = (side, name, id) => lineChart({
      id,
      title: name + ": Soviet entry, first atomic strike and acceptance, by date",
      desc: `${name}: Soviet entry first in ${fmt(side.race[0])} of ${fmt(N)} worlds, the atomic strike first in ${fmt(side.race[1])}, neither in ${fmt(side.race[2])}.`,
      from: raceFrom, to: raceTo, ticks: raceTicks, narrow: true,
      markers: [{ day: dayOf(8, 6), label: "1945: Aug 6", anchor: "end" }, { day: dayOf(8, 9), label: "Aug 9" }],
      series: [
        { name: "Soviet entry", color: COLORS.entry, values: side.entry_by_day, total: N },
        { name: "First bomb", color: COLORS.strike, dash: "8 5", values: side.strike_by_day, total: N },
        { name: "Japan accepted", color: COLORS.accept, dash: "2 4", values: side.accepted_by_day, total: N },
      ],
    });
    $("race-ref").replaceChildren(racePanel(ref, "Reference", "race-ref-chart"), h("figcaption", { text: "Reference" }));
    $("race-cf").replaceChildren(racePanel(cf, "Your levers", "race-cf-chart"), h("figcaption", { text: "With your levers" }));
    const at = (side, key, d) => side[key][d - firstDay];
    const raceDays = [dayOf(8, 6), dayOf(8, 9), dayOf(8, 15), dayOf(8, 31), dayOf(9, 30)];
    $("race-table").replaceChildren(table("The race (worlds, of " + fmt(N) + ")", ["Worlds in which", "Reference", "Your levers"], [
      ["Soviet entry came first", fmt(ref.race[0]), fmt(cf.race[0])],
      ["An atomic strike came first", fmt(ref.race[1]), fmt(cf.race[1])],
      ["Neither happened", fmt(ref.race[2]), fmt(cf.race[2])],
      ...raceDays.map((d) => ["Soviet entry by " + dayLabel(d), fmt(at(ref, "entry_by_day", d)), fmt(at(cf, "entry_by_day", d))]),
      ...raceDays.map((d) => ["A bomb had fallen by " + dayLabel(d), fmt(at(ref, "strike_by_day", d)), fmt(at(cf, "strike_by_day", d))]),
    ]));

    const groups = ref.decisive.map(([name]) => SHOCK_LABELS[name] || name);
    $("shock-fig").replaceChildren(bars({
      id: "shock-chart",
      title: "The decisive shock: what brought Japan's leaders to the table",
      desc: ref.decisive.map(([name, c], i) => `${SHOCK_LABELS[name] || name}: reference ${c}, your levers ${cf.decisive[i][1]}`).join("; ") + ` (of ${fmt(N)} worlds).`,
      groups,
      total: N,
      series: [
        { name: "Reference", color: COLORS.ref, values: ref.decisive.map(([, c]) => c) },
        { name: "Your levers", color: COLORS.cf, pattern: true, values: cf.decisive.map(([, c]) => c) },
      ],
    }), h("figcaption", { text: "Solid black bars: the reference. Hatched green bars: with your levers. Numbers are worlds." }));
    $("shock-table").replaceChildren(table("Decisive shock (worlds, of " + fmt(N) + ")", ["Shock", "Reference", "Your levers"],
      ref.decisive.map(([name, c], i) => [SHOCK_LABELS[name] || name, fmt(c), fmt(cf.decisive[i][1])])));

    drawWhy(r.why);
    sentences(r);
    $("cf-text").textContent = r.resolved;
    const settings = data.levers.map((l, i) => l.label + ": " + leverSetting(l, i)).join(" · ");
    $("settings-text").textContent = "Levers: " + settings;
  }

  function drawWhy(why) {
    $("why-intro").textContent = "With your levers, " + why.chosen + ". Open \u201cwhy?\u201d on an event to see the rule that fired, what triggered it, and what it rests on.";
    const KEY = ["us_atomic_strike", "ussr_attack", "jp_big_six_convenes", "jp_offer", "jp_accepts", "jp_coup_attempt", "us_invasion"];
    $("why").replaceChildren(...why.events.map((e, i) => h("li", { class: "actor-" + e.actor + (KEY.includes(e.id) ? " key" : "") },
      h("span", { class: "when", text: e.tokyo_date }), h("span", { class: "actor", text: e.actor }),
      h("span", { text: e.text + "." }),
      h("details", { id: "why-" + i },
        h("summary", { text: "why? " + e.rule }),
        h("p", {}, h("strong", { text: "When: " }), e.local + " (local time)."),
        h("p", {}, h("strong", { text: "Rule: " }), e.rule + "."),
        h("p", {}, h("strong", { text: "Triggered because " }), e.trigger + "."),
        h("p", {}, h("strong", { text: "Source: " }), sourceWords(e.source) + " [" + e.source + "]."),
        e.cards.map((c) => h("dl", { class: "card" },
          h("dt", { text: c.key + " = " + c.value }),
          h("dd", { text: c.doc + " (" + c.unit + "; in 1945: " + c.historical + ")" }),
          h("dd", { text: "Source: " + c.source })))))));
    $("why-outcome").replaceChildren(...why.outcome.map((t) => h("li", { text: t.replace(/\s{2,}/g, " ") })));
  }

  function run() {
    if (!wasm) return;
    const t0 = performance.now();
    let r;
    try {
      r = explore(sets());
    } catch (err) {
      $("status").classList.add("error");
      $("status").textContent = "The simulator stopped: " + err;
      return;
    }
    if (r.error) {
      $("status").classList.add("error");
      $("status").textContent = "These settings are not valid: " + r.error;
      return;
    }
    last = r.ok;
    firstDay = last.first_day;
    draw(last);
    const secs = ((performance.now() - t0) / 1000).toFixed(2);
    $("status").textContent = `Ran ${fmt(data.worlds)} worlds with your levers and the same ${fmt(data.worlds)} for the reference (seed ${data.seed}) in ${secs} s.`;
    document.body.dataset.runs = String(Number(document.body.dataset.runs || 0) + 1);
  }

  // ---------- Static parts ----------
  function fillStatic() {
    $("question").textContent = data.question;
    $("description").textContent = data.description || "";
    for (const e of document.querySelectorAll(".n-worlds")) e.textContent = fmt(data.worlds);
    $("notice").replaceChildren(...data.notice.map((t) => h("li", { text: t })));
    $("try").replaceChildren(...data.try_these.map((t) => h("li", { text: t })));
    const sel = $("by-date");
    DATES.forEach((d) => sel.append(h("option", { value: String(d), selected: d === dayOf(8, 20), text: dayLabel(d) })));
    sel.addEventListener("change", () => last && sentences(last));
    $("history").querySelector("tbody").replaceChildren(...data.historical.map((e) =>
      h("tr", {}, h("td", { text: e.local }), h("td", { text: e.text }), h("td", { text: e.source }))));
    $("ref-text").textContent = data.reference.text;
    $("cf-text").textContent = data.scenario.text;
    $("provenance").textContent = `Made by ${data.program.name} ${data.program.version} with: ${data.command}. ` +
      `Seed ${data.seed}; ${fmt(data.worlds)} worlds per scenario. Reference: ${data.reference.path}. Scenario: ${data.scenario.path}.`;
    $("reproduce").textContent = `endgame compare reference.toml yours.toml -n ${data.worlds} --seed ${data.seed}`;
    const save = (name, text) => {
      const a = h("a", { href: URL.createObjectURL(new Blob([text], { type: "text/plain" })), download: name });
      document.body.append(a);
      a.click();
      a.remove();
    };
    $("save-ref").addEventListener("click", () => save("reference.toml", data.reference.text));
    $("save-cf").addEventListener("click", () => save("yours.toml", last ? last.resolved : data.scenario.text));
    const projector = $("projector");
    const toggle = () => {
      const on = document.documentElement.classList.toggle("projector");
      projector.setAttribute("aria-pressed", String(on));
    };
    projector.addEventListener("click", toggle);
    document.addEventListener("keydown", (e) => {
      const typing = e.target.tagName === "TEXTAREA" || (e.target.tagName === "INPUT" && !["radio", "range", "checkbox"].includes(e.target.type));
      if ((e.key === "p" || e.key === "P") && !e.ctrlKey && !e.metaKey && !e.altKey && !typing) toggle();
    });
    $("print").addEventListener("click", () => window.print());
    // A handout shows every box open.
    let opened = [];
    window.addEventListener("beforeprint", () => {
      opened = [...document.querySelectorAll("details:not([open])")];
      opened.forEach((d) => (d.open = true));
    });
    window.addEventListener("afterprint", () => opened.forEach((d) => (d.open = false)));
  }

  fillStatic();
  buildLevers();
  start().then(run, (err) => {
    $("status").classList.add("error");
    $("status").textContent = "This browser could not start the simulator (WebAssembly): " + err;
  });
  // For tests and curious students: the last results, as the simulator returned them.
  window.endgame = { data, results: () => last, sets, explore: (extra) => explore(extra) };
})();
