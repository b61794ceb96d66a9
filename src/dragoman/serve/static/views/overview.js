// Overview (#/ and #/overview): the corpus's events over time and its top dyads, actors and event
// types, for a filter. Every bar, segment and list item leads to the events behind it. The "count"
// toggle counts events (the reports of one act merged, the default) or mentions (every report).
"use strict";

(function (D) {
  const { el, api, go } = D;

  function list(id, title, items, render) {
    return el("section", { class: "card", id },
      el("h2", { text: title }),
      items.length ? el("ol", { class: "top-list" }, ...items.map((x) => el("li", {}, ...render(x)))) : el("p", { class: "muted", text: "none" }));
  }
  function count(n, g) { return el("span", { class: "count", text: `${n}${g === undefined ? "" : " · " + D.fmt(g)}` }); }

  async function overview(params) {
    const f = D.eventParams(params);
    const interval = params.get("interval") || "auto";
    const unit = D.unitOf(params), u = { unit: D.unitParam(unit) };
    const [summary, ov] = await Promise.all([api("summary"), api("overview", { ...f, interval, top: 10, unit })]);
    const s = ov.series;
    const form = await D.eventFilterForm("overview-filters", f, ["start", "end", "actor", "country", "type"], (values) => go("/overview", { ...values, unit: D.unitParam(values.unit), interval: form.elements.interval.value }),
      [el("label", {}, "per", el("select", { name: "interval" }, ...["auto", "day", "week", "month", "quarter", "year"].map((i) => el("option", { value: i, selected: i === interval, text: i })))),
        D.unitSelect(unit)]);
    const events = (extra) => "#/events?" + D.query({ ...f, ...u, ...extra });
    const chart = D.seriesChart(s, {
      id: "overview-chart", label: `${unit} of the corpus`,
      onBar: (b, quad) => go("/events", { ...f, ...u, start: b.period, end: b.last_day, quad_class: quad || "" }),
      onBrush: (start, end) => go("/overview", { ...f, ...u, start, end, interval: interval === "auto" ? "auto" : interval }),
    });
    const zoomed = f.start || f.end;
    show(
      el("h1", { text: "Overview" }),
      el("p", { class: "muted", id: "corpus-counts" }, `${summary.articles} articles · ${summary.merged_events} events (${summary.events} mentions) · ${summary.quotes} quotes · ${summary.mentions} actor mentions · `,
        el("a", { href: "#/rejections", text: `${summary.rejections} rejections` }), " · ", el("a", { href: "#/articles", text: "all articles" })),
      form,
      D.chartFigure(`${s.events} dated ${unit === "events" ? "events" : "event mentions"}${D.filterWords(f) ? " (" + D.filterWords(f) + ")" : ""}, per ${s.interval}`, chart,
        (s.undated ? `${s.undated} more have no date. ` : "") + "Drag across the chart to zoom; click a bar for its events."),
      zoomed ? el("p", {}, el("a", { href: "#/overview?" + D.query({ ...f, ...u, start: "", end: "", interval }), id: "zoom-out", text: "← whole period" })) : null,
      el("div", { class: "cards" },
        list("top-dyads", "Top dyads (countries)", ov.top_dyads, (d) => [
          el("a", { href: "#/timeline?" + D.query({ a: d.source, b: d.target, interval: "auto" }), text: `${d.source} → ${d.target}` }), " ",
          el("a", { href: events({ source: d.source, target: d.target }), class: "count-link" }, count(d.events, d.mean_goldstein))]),
        list("top-actors", "Top actors", ov.top_actors, (a) => [
          el("a", { href: "#/actor/" + encodeURIComponent(a.code), text: `${a.name || a.code} (${a.code})` }), " ",
          el("a", { href: events({ actor: a.code }), class: "count-link" }, count(a.events))]),
        list("top-roots", "Top event roots (CAMEO)", ov.top_roots, (t) => [
          el("a", { href: events({ root: t.code }), text: `${t.code} ${t.name || ""}` }), " ", count(t.events, t.mean_goldstein)]),
        list("top-types", "Top event types (CAMEO)", ov.top_types, (t) => [
          el("a", { href: events({ code: t.code }), text: `${t.code} ${t.name || ""}` }), " ", count(t.events, t.mean_goldstein)])),
      D.downloads("events", { ...f, unit }, ["csv", "json", "jsonl", "parquet", "gdelt"]));
  }
  function show(...nodes) { D.show(...nodes.filter(Boolean)); }

  D.views.overview = overview;
})(window.Dragoman);
