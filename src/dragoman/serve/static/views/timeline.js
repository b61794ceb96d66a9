// Dyad timeline (#/timeline?a=TUR&b=RUS&interval=month): A → B and B → A on one true time axis,
// stacked by QuadClass with the mean Goldstein; drag to zoom, click a bar for its events. The "count"
// toggle counts events (the reports of one act merged, the default) or mentions (unit=mentions).
"use strict";

(function (D) {
  const { el, api, go } = D;
  const INTERVALS = ["auto", "day", "week", "month", "quarter", "year"];
  const QUAD_FIELDS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
  // /api/timeline counts per day, week or month; a quarter's or a year's bin sums its months.
  const FINE = { day: "day", week: "week", month: "month", quarter: "month", year: "month" };

  function quads(b) { return `${b.verbal_cooperation}/${b.material_cooperation}/${b.verbal_conflict}/${b.material_conflict}`; }

  // The axis of a series (/api/series: every period from the first day to the last, empty ones too) with the
  // counts of /api/timeline, which counts events or mentions (its unit); forward: A → B, else B → A.
  function inUnit(axis, t, forward, unit) {
    const bins = axis.bins.map((b) => ({ period: b.period, last_day: b.last_day, events: 0, verbal_cooperation: 0, material_cooperation: 0,
      verbal_conflict: 0, material_conflict: 0, mean_goldstein: null }));
    const sums = bins.map(() => 0);
    let i = 0, total = 0;
    for (const tb of (t && t.bins) || []) { // both in order of period
      while (i + 1 < bins.length && bins[i + 1].period <= tb.period) i++;
      const b = bins[i], d = forward ? tb.a_to_b : tb.b_to_a;
      if (!b || !d.events || tb.period < b.period || tb.period > b.last_day) continue;
      b.events += d.events;
      for (const k of QUAD_FIELDS) b[k] += d[k];
      sums[i] += d.events * (d.mean_goldstein || 0);
      total += d.events;
    }
    bins.forEach((b, j) => { if (b.events) b.mean_goldstein = Math.round((1000 * sums[j]) / b.events) / 1000; });
    return { interval: axis.interval, first: axis.first, last: axis.last, events: total, undated: unit === "mentions" ? axis.undated : 0, bins };
  }

  async function timeline(params) {
    const p = { a: (params.get("a") || "TUR").toUpperCase(), b: (params.get("b") || "RUS").toUpperCase(), interval: params.get("interval") || "month",
      start: params.get("start") || "", end: params.get("end") || "" };
    const unit = D.unitOf(params), u = { unit: D.unitParam(unit) }; // u: for links, where the default unit is left out
    const form = el("form", { class: "filters", id: "timeline-filters" },
      el("label", {}, "actor A", D.actorInput({ name: "a", value: p.a, size: 9, maxlength: 40 })),
      el("label", {}, "actor B", D.actorInput({ name: "b", value: p.b, size: 9, maxlength: 40 })),
      el("label", {}, "per", el("select", { name: "interval" }, ...INTERVALS.map((i) => el("option", { value: i, selected: i === p.interval, text: i })))),
      el("label", {}, "from", el("input", { name: "start", type: "date", value: p.start })),
      el("label", {}, "to", el("input", { name: "end", type: "date", value: p.end })),
      D.unitSelect(unit), el("button", { type: "submit", text: "Show" }));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const values = D.formValues(form);
      go("/timeline", { ...values, unit: D.unitParam(values.unit) });
    });
    const range = { start: p.start, end: p.end };
    const series = (source, target, r) => api("series", { source, target, ...r, interval: p.interval });
    let ab, ba;
    try {
      [ab, ba] = await Promise.all([series(p.a, p.b, range), series(p.b, p.a, range)]);
      if (!(p.start && p.end)) {
        // both directions on one axis: from the first day either has to the last
        const firsts = [ab.first, ba.first].filter(Boolean).sort(), lasts = [ab.last, ba.last].filter(Boolean).sort();
        if (firsts.length) {
          const shared = { start: p.start || firsts[0], end: p.end || lasts[lasts.length - 1] };
          [ab, ba] = await Promise.all([series(p.a, p.b, shared), series(p.b, p.a, shared)]);
        }
      }
      // the series give the axis (they count mentions); the counts come from /api/timeline in the unit
      const axes = [ab, ba].filter((x) => x.bins.length);
      const counts = {};
      if (axes.length) {
        const from = axes.map((x) => x.first).sort()[0], to = axes.map((x) => x.last).sort().pop();
        const fine = [...new Set(axes.map((x) => FINE[x.interval]))];
        const answers = await Promise.all(fine.map((i) => api("timeline", { a: p.a, b: p.b, interval: i, start: from, end: to, unit })));
        fine.forEach((i, k) => { counts[i] = answers[k]; });
      }
      ab = inUnit(ab, counts[FINE[ab.interval]], true, unit);
      ba = inUnit(ba, counts[FINE[ba.interval]], false, unit);
    } catch (err) {
      D.show(el("h1", { text: "Dyad timeline" }), form, el("p", { class: "error", text: err.message }));
      return;
    }
    const zoom = (start, end) => go("/timeline", { ...p, ...u, start, end });
    const drill = (source, target) => (b, quad) => go("/events", { source, target, start: b.period, end: b.last_day, quad_class: quad || "", ...u });
    const charts = el("div", { id: "timeline-chart" },
      D.chartFigure(`${p.a} → ${p.b}`, D.seriesChart(ab, { id: "chart-ab", label: `${p.a} to ${p.b}`, unit, onBar: drill(p.a, p.b), onBrush: zoom, height: 240 }),
        `${ab.events} dated ${unit}` + (ab.undated ? `, ${ab.undated} undated` : "")),
      D.chartFigure(`${p.b} → ${p.a}`, D.seriesChart(ba, { id: "chart-ba", label: `${p.b} to ${p.a}`, unit, onBar: drill(p.b, p.a), onBrush: zoom, height: 240 }),
        `${ba.events} dated ${unit}` + (ba.undated ? `, ${ba.undated} undated` : "")));
    const rows = [];
    ab.bins.forEach((x, i) => {
      const y = ba.bins[i] || { events: 0, verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0, mean_goldstein: null };
      if (!x.events && !y.events) return;
      const link = (source, target, n) => n ? el("a", { href: "#/events?" + D.query({ source, target, start: x.period, end: x.last_day, ...u }), text: n }) : "0";
      rows.push(el("tr", {}, el("td", { text: x.period }),
        el("td", { class: "num" }, link(p.a, p.b, x.events)), el("td", { text: quads(x) }), el("td", { class: "num", text: D.fmt(x.mean_goldstein) }),
        el("td", { class: "num" }, link(p.b, p.a, y.events)), el("td", { text: quads(y) }), el("td", { class: "num", text: D.fmt(y.mean_goldstein) })));
    });
    D.show(el("h1", { id: "timeline-title", text: `${p.a} ⇄ ${p.b}, per ${ab.interval}` }), form,
      p.start || p.end ? el("p", {}, `Zoomed to ${p.start || "…"} – ${p.end || "…"}. `, el("a", { id: "zoom-out", href: "#/timeline?" + D.query({ ...p, ...u, start: "", end: "" }), text: "whole period" })) : null,
      el("p", {}, el("a", { href: "#/actor/" + encodeURIComponent(p.a), text: `${p.a} →` }), " ", el("a", { href: "#/actor/" + encodeURIComponent(p.b), text: `${p.b} →` }),
        " · ", el("a", { href: "#/events?" + D.query({ source: p.a, target: p.b, ...range, ...u }), text: `${unit} ${p.a} → ${p.b}` }),
        " · ", el("a", { href: "#/events?" + D.query({ source: p.b, target: p.a, ...range, ...u }), text: `${unit} ${p.b} → ${p.a}` })),
      el("p", { class: "muted", id: "timeline-unit", text: unit === "events"
        ? "Bars count events: the reports of one act merged into one, dated by the date most of its mentions give."
        : "Bars count mentions: every event coded from every article, so an act reported by several counts once per report." }),
      charts,
      rows.length ? null : el("p", { class: "muted", text: `No dated ${unit} between these two.` }),
      D.table("timeline", ["period", `${p.a}→${p.b} ${unit}`, "by QuadClass 1/2/3/4", "mean Goldstein", `${p.b}→${p.a} ${unit}`, "by QuadClass 1/2/3/4", "mean Goldstein"], rows),
      D.downloads("events", { source: p.a, target: p.b, ...range, unit }, ["csv", "json", "gdelt"]));
  }

  D.views.timeline = timeline;
})(window.Dragoman);
