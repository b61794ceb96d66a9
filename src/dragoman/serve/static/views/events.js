// Events (#/events): the filtered list with sortable columns, facet counts beside it (each value
// narrows the list), the event-type picker, evidence links into the articles, and downloads. The
// "count" toggle lists events (the reports of one act merged, the default) or mentions (unit=mentions:
// every event coded from every article); each row says how often its event was reported and links to
// the event's page (views/event.js).
"use strict";

(function (D) {
  const { el, api, go } = D;
  const COLUMNS = [["date", "date"], ["source", "source"], ["target", "target"], ["cameo", "CAMEO"], [null, "name"], ["goldstein", "Goldstein"],
    ["quad_class", "QuadClass"], [null, "place"], [null, "reported"], [null, "evidence"], ["confidence", "conf."], [null, "event"]];
  const UNIT_NOTES = {
    events: "Each row is one event: the reports of one act merged (same source, target and code, dates within the window); evidence from its most confident mention.",
    mentions: "Each row is one event coded from one article (a mention); several may report the same event.",
  };

  function sortHeader(key, label, sort, onSort) {
    if (!key) return el("th", { scope: "col", text: label });
    const active = sort.replace(/^-/, "") === key, desc = sort.startsWith("-");
    const next = active && !desc ? "-" + key : key;
    return el("th", { scope: "col", "aria-sort": active ? (desc ? "descending" : "ascending") : "none" },
      el("button", { type: "button", class: "sort", "data-sort": key, onclick: () => onSort(next), title: `sort by ${label}` }, label, active ? (desc ? " ▼" : " ▲") : ""));
  }
  function side(text, name, code, country) {
    const label = `${name || text || "—"} (${code || country || "–"})`;
    return code || country ? el("a", { href: "#/actor/" + encodeURIComponent(code || country), text: label }) : label;
  }
  // The facet counts count what the list shows (events or mentions); the heading is the list's own total.
  function facetsBox(facets, f, total, unit) {
    return el("aside", { class: "facets", id: "facets", "aria-label": "facet counts" },
      el("h2", { text: `${total} ${unit}` }),
      ...facets.facets.filter((x) => x.values.length).map((x) => el("section", { class: "facet", "data-facet": x.param },
        el("h3", { text: x.name }),
        el("ul", {}, ...x.values.map((v) => {
          const selected = String(f[x.param] || "").toUpperCase() === v.value.toUpperCase();
          const href = "#/events?" + D.query({ ...f, [x.param]: selected ? "" : v.value, offset: "", unit: D.unitParam(unit) });
          return el("li", {}, el("a", { href, class: selected ? "selected" : null, "aria-current": selected ? "true" : null,
            text: `${v.value}${v.label ? " " + v.label : ""}` }), " ", el("span", { class: "count", text: v.events }));
        })),
        x.more ? el("p", { class: "muted small", text: "… more" }) : null)));
  }

  async function events(params) {
    const f = D.eventParams(params);
    const unit = D.unitOf(params), u = { unit: D.unitParam(unit) };
    const sort = params.get("sort") || "-date";
    const offset = Number(params.get("offset") || 0);
    const form = await D.eventFilterForm("event-filters", f, ["actor", "source", "target", "country", "type", "quad_class", "start", "end", "place"],
      (values) => go("/events", { ...values, unit: D.unitParam(values.unit), sort: sort === "-date" ? "" : sort }), [D.unitSelect(unit)]);
    const title = unit === "events" ? "Events" : "Event mentions";
    let page, facets;
    try {
      [page, facets] = await Promise.all([api("events", { ...f, unit, sort, limit: 50, offset }), api("facets", { ...f, unit })]);
    } catch (err) {
      D.show(el("h1", { text: title }), form, el("p", { class: "error", text: err.message }));
      return;
    }
    const onSort = (s) => go("/events", { ...f, ...u, sort: s });
    const rows = page.items.map((e) => el("tr", {},
      el("td", { text: e.date || "" }), el("td", {}, side(e.source_text, e.source_name, e.source_code, e.source_country)),
      el("td", {}, e.target_text ? side(e.target_text, e.target_name, e.target_code, e.target_country) : "—"),
      el("td", {}, el("a", { href: "#/events?" + D.query({ ...f, ...u, code: e.cameo, root: "", plover: "" }), text: e.cameo })),
      el("td", { text: e.cameo_name || "" }), el("td", { class: "num", text: D.fmt(e.goldstein) }), el("td", { text: e.quad_class }),
      el("td", { text: e.place_name || "" }),
      el("td", { class: "reported", text: D.reports(e) }),
      el("td", { class: "evidence" }, D.articleLink(e.article_id, e.evidence_text, [e.evidence_start, e.evidence_end])),
      el("td", { class: "num", text: e.confidence }),
      el("td", {}, e.event_id ? D.eventLink(e.event_id, "explain") : "")));
    const words = D.filterWords(f);
    D.show(el("h1", { text: title + (words ? " — " + words : "") }), form,
      el("p", { class: "muted", id: "events-unit", text: UNIT_NOTES[unit] }),
      D.downloads("events", { ...f, sort, unit }, ["csv", "json", "jsonl", "parquet", "gdelt"]),
      el("div", { class: "with-facets" },
        el("div", { class: "main-col" },
          D.table("events", COLUMNS.map(([k, label]) => sortHeader(k, label, sort, onSort)), rows),
          D.pager(page, (o) => go("/events", { ...f, ...u, sort, offset: o }))),
        facetsBox(facets, f, page.total, unit)));
  }

  D.views.events = events;
})(window.Dragoman);
