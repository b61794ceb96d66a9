// Events (#/events): the filtered list with sortable columns, facet counts beside it (each value
// narrows the list), the event-type picker, evidence links into the articles, and downloads.
"use strict";

(function (D) {
  const { el, api, go } = D;
  const COLUMNS = [["date", "date"], ["source", "source"], ["target", "target"], ["cameo", "CAMEO"], [null, "name"], ["goldstein", "Goldstein"],
    ["quad_class", "QuadClass"], [null, "place"], [null, "evidence"], ["confidence", "conf."]];

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
  function facetsBox(facets, f) {
    return el("aside", { class: "facets", id: "facets", "aria-label": "facet counts" },
      el("h2", { text: `${facets.total} events` }),
      ...facets.facets.filter((x) => x.values.length).map((x) => el("section", { class: "facet", "data-facet": x.param },
        el("h3", { text: x.name }),
        el("ul", {}, ...x.values.map((v) => {
          const selected = String(f[x.param] || "").toUpperCase() === v.value.toUpperCase();
          const href = "#/events?" + D.query({ ...f, [x.param]: selected ? "" : v.value, offset: "" });
          return el("li", {}, el("a", { href, class: selected ? "selected" : null, "aria-current": selected ? "true" : null,
            text: `${v.value}${v.label ? " " + v.label : ""}` }), " ", el("span", { class: "count", text: v.events }));
        })),
        x.more ? el("p", { class: "muted small", text: "… more" }) : null)));
  }

  async function events(params) {
    const f = D.eventParams(params);
    const sort = params.get("sort") || "-date";
    const offset = Number(params.get("offset") || 0);
    const form = await D.eventFilterForm("event-filters", f, ["actor", "source", "target", "country", "type", "quad_class", "start", "end", "place"],
      (values) => go("/events", { ...values, sort: sort === "-date" ? "" : sort }));
    let page, facets;
    try {
      [page, facets] = await Promise.all([api("events", { ...f, sort, limit: 50, offset }), api("facets", f)]);
    } catch (err) {
      D.show(el("h1", { text: "Events" }), form, el("p", { class: "error", text: err.message }));
      return;
    }
    const onSort = (s) => go("/events", { ...f, sort: s });
    const rows = page.items.map((e) => el("tr", {},
      el("td", { text: e.date || "" }), el("td", {}, side(e.source_text, e.source_name, e.source_code, e.source_country)),
      el("td", {}, e.target_text ? side(e.target_text, e.target_name, e.target_code, e.target_country) : "—"),
      el("td", {}, el("a", { href: "#/events?" + D.query({ ...f, code: e.cameo, root: "", plover: "" }), text: e.cameo })),
      el("td", { text: e.cameo_name || "" }), el("td", { class: "num", text: D.fmt(e.goldstein) }), el("td", { text: e.quad_class }),
      el("td", { text: e.place_name || "" }),
      el("td", { class: "evidence" }, D.articleLink(e.article_id, e.evidence_text, [e.evidence_start, e.evidence_end])),
      el("td", { class: "num", text: e.confidence })));
    const words = D.filterWords(f);
    D.show(el("h1", { text: "Events" + (words ? " — " + words : "") }), form,
      D.downloads("events", { ...f, sort }, ["csv", "json", "jsonl", "parquet", "gdelt"]),
      el("div", { class: "with-facets" },
        el("div", { class: "main-col" },
          D.table("events", COLUMNS.map(([k, label]) => sortHeader(k, label, sort, onSort)), rows),
          D.pager(page, (o) => go("/events", { ...f, sort, offset: o }))),
        facetsBox(facets, f)));
  }

  D.views.events = events;
})(window.Dragoman);
