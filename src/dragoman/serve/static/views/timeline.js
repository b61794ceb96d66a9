// Dyad timeline (#/timeline?a=TUR&b=RUS&interval=month): A → B and B → A on one true time axis,
// stacked by QuadClass with the mean Goldstein; drag to zoom, click a bar for its events.
"use strict";

(function (D) {
  const { el, api, go } = D;
  const INTERVALS = ["auto", "day", "week", "month", "quarter", "year"];

  function quads(b) { return `${b.verbal_cooperation}/${b.material_cooperation}/${b.verbal_conflict}/${b.material_conflict}`; }

  async function timeline(params) {
    const p = { a: (params.get("a") || "TUR").toUpperCase(), b: (params.get("b") || "RUS").toUpperCase(), interval: params.get("interval") || "month",
      start: params.get("start") || "", end: params.get("end") || "" };
    const form = el("form", { class: "filters", id: "timeline-filters" },
      el("label", {}, "actor A", D.actorInput({ name: "a", value: p.a, size: 9, maxlength: 40 })),
      el("label", {}, "actor B", D.actorInput({ name: "b", value: p.b, size: 9, maxlength: 40 })),
      el("label", {}, "per", el("select", { name: "interval" }, ...INTERVALS.map((i) => el("option", { value: i, selected: i === p.interval, text: i })))),
      el("label", {}, "from", el("input", { name: "start", type: "date", value: p.start })),
      el("label", {}, "to", el("input", { name: "end", type: "date", value: p.end })),
      el("button", { type: "submit", text: "Show" }));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); go("/timeline", D.formValues(form)); });
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
    } catch (err) {
      D.show(el("h1", { text: "Dyad timeline" }), form, el("p", { class: "error", text: err.message }));
      return;
    }
    const zoom = (start, end) => go("/timeline", { ...p, start, end });
    const drill = (source, target) => (b, quad) => go("/events", { source, target, start: b.period, end: b.last_day, quad_class: quad || "" });
    const charts = el("div", { id: "timeline-chart" },
      D.chartFigure(`${p.a} → ${p.b}`, D.seriesChart(ab, { id: "chart-ab", label: `${p.a} to ${p.b}`, onBar: drill(p.a, p.b), onBrush: zoom, height: 240 }),
        `${ab.events} dated events` + (ab.undated ? `, ${ab.undated} undated` : "")),
      D.chartFigure(`${p.b} → ${p.a}`, D.seriesChart(ba, { id: "chart-ba", label: `${p.b} to ${p.a}`, onBar: drill(p.b, p.a), onBrush: zoom, height: 240 }),
        `${ba.events} dated events` + (ba.undated ? `, ${ba.undated} undated` : "")));
    const rows = [];
    ab.bins.forEach((x, i) => {
      const y = ba.bins[i] || { events: 0, verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0, mean_goldstein: null };
      if (!x.events && !y.events) return;
      const link = (source, target, n) => n ? el("a", { href: "#/events?" + D.query({ source, target, start: x.period, end: x.last_day }), text: n }) : "0";
      rows.push(el("tr", {}, el("td", { text: x.period }),
        el("td", { class: "num" }, link(p.a, p.b, x.events)), el("td", { text: quads(x) }), el("td", { class: "num", text: D.fmt(x.mean_goldstein) }),
        el("td", { class: "num" }, link(p.b, p.a, y.events)), el("td", { text: quads(y) }), el("td", { class: "num", text: D.fmt(y.mean_goldstein) })));
    });
    D.show(el("h1", { id: "timeline-title", text: `${p.a} ⇄ ${p.b}, per ${ab.interval}` }), form,
      p.start || p.end ? el("p", {}, `Zoomed to ${p.start || "…"} – ${p.end || "…"}. `, el("a", { id: "zoom-out", href: "#/timeline?" + D.query({ ...p, start: "", end: "" }), text: "whole period" })) : null,
      el("p", {}, el("a", { href: "#/actor/" + encodeURIComponent(p.a), text: `${p.a} →` }), " ", el("a", { href: "#/actor/" + encodeURIComponent(p.b), text: `${p.b} →` }),
        " · ", el("a", { href: "#/events?" + D.query({ source: p.a, target: p.b, ...range }), text: `events ${p.a} → ${p.b}` }),
        " · ", el("a", { href: "#/events?" + D.query({ source: p.b, target: p.a, ...range }), text: `events ${p.b} → ${p.a}` })),
      charts,
      rows.length ? null : el("p", { class: "muted", text: "No dated events between these two." }),
      D.table("timeline", ["period", `${p.a}→${p.b} events`, "by QuadClass 1/2/3/4", "mean Goldstein", `${p.b}→${p.a} events`, "by QuadClass 1/2/3/4", "mean Goldstein"], rows),
      D.downloads("events", { source: p.a, target: p.b, ...range }, ["csv", "json", "gdelt"]));
  }

  D.views.timeline = timeline;
})(window.Dragoman);
