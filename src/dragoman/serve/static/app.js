// dragoman's web UI: a hash-routed single page over the read-only JSON API.
// Safety rule: text from the store or the user only ever reaches the page through
// textContent, attribute values or canvas labels. Nothing here uses innerHTML.
//
// This file holds the shared helpers (exposed as window.Dragoman), the router, and the article,
// articles, quotes and search pages. The workbench views (overview, events, the event page, actors,
// timeline, network, map, rejections) live in static/views/*.js; each registers itself in
// Dragoman.views under the first part of its route (#/events → views.events, #/event/ID →
// views.event), and the router calls it.
"use strict";

(function () {
  const view = document.getElementById("view");
  const tooltip = document.getElementById("tooltip");
  const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  // ---- DOM helpers -------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = String(v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const svgNS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const node = document.createElementNS(svgNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }
  // A link to an article; with a span ([start, end]) the article page marks it and scrolls it into view.
  function articleLink(id, label, span) {
    const qs = span && span[0] !== null && span[0] !== undefined ? "?span=" + span[0] + "-" + span[1] : "";
    return el("a", { href: "#/article/" + encodeURIComponent(id) + qs, text: label || id });
  }
  function show(...nodes) { hideTooltip(); view.replaceChildren(...nodes.filter((n) => n !== null && n !== undefined && n !== false)); }
  function fmt(n) { return n === null || n === undefined ? "–" : (n > 0 ? "+" : "") + Number(n).toFixed(2); }
  // The file name of an input, never the server's path to it.
  function sourceName(source) { return String(source || "").split(/[\\/]/).pop(); }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) q.set(k, v);
    return q.toString();
  }
  async function api(path, params) {
    const qs = query(params);
    const res = await fetch("/api/" + path + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) {
      const e = body && body.error ? body.error : { title: res.statusText, detail: "" };
      const detail = Array.isArray(e.detail) ? e.detail.map((d) => (d.loc || []).slice(1).join(".") + ": " + d.msg).join("; ") : e.detail;
      throw new Error(e.title + (detail ? " — " + detail : ""));
    }
    return body;
  }
  function failure(err) { show(el("p", { class: "error", text: String(err.message || err) })); }

  // ---- tooltip -------------------------------------------------------------
  function showTooltip(text, event) {
    tooltip.textContent = text;
    tooltip.hidden = false;
    moveTooltip(event);
  }
  function moveTooltip(event) {
    if (!event || event.clientX === undefined) return;
    const x = Math.min(event.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8);
    tooltip.style.left = Math.max(4, x) + "px";
    tooltip.style.top = (event.clientY + 16) + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }

  // ---- routing -----------------------------------------------------------
  const views = {};
  function route() {
    const hash = location.hash.replace(/^#/, "") || "/";
    const [path, qs] = hash.split("?");
    const params = new URLSearchParams(qs || "");
    const parts = path.split("/").filter(Boolean);
    const name = parts[0] || "overview";
    for (const a of document.querySelectorAll("header nav a[href^='#']")) {
      const target = (a.getAttribute("href") || "").replace(/^#\/?/, "").split(/[/?]/)[0] || "overview";
      if (target === name) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    }
    const page = name === "article" && parts[1] ? () => articlePage(decodeURIComponent(parts[1]), params)
      : name === "articles" ? () => articlesPage(params) : name === "quotes" ? () => quotesPage(params) : name === "search" ? () => searchPage(params)
      : views[name] ? () => views[name](params, parts.slice(1).map(decodeURIComponent)) : null;
    if (!page) return failure(new Error("no page " + path));
    const turn = ++turns;
    view.setAttribute("aria-busy", "true"); // app.css shows "Loading…" until the view is drawn
    return Promise.resolve().then(page).catch(failure).finally(() => {
      if (turn !== turns) return;
      view.removeAttribute("aria-busy");
      if (refocus) { const node = document.getElementById(refocus); refocus = null; if (node) node.focus(); }
    });
  }
  let turns = 0;
  let refocus = null; // the id of a control to focus once the next view is drawn (the control that redrew it)
  function go(path, params) {
    const s = query(params);
    location.hash = "#" + path + (s ? "?" + s : "");
  }
  function formValues(form) {
    const out = {};
    for (const [k, v] of new FormData(form).entries()) out[k] = String(v).trim();
    return out;
  }
  function pager(page, onPage) {
    const last = page.offset + page.items.length;
    return el("div", { class: "pager" },
      el("button", { type: "button", disabled: page.offset === 0, onclick: () => onPage(Math.max(0, page.offset - page.limit)) }, "← previous"),
      el("span", { class: "muted", text: page.total ? `${page.offset + 1}–${last} of ${page.total}` : "no results" }),
      el("button", { type: "button", disabled: last >= page.total, onclick: () => onPage(page.offset + page.limit) }, "next →"));
  }
  // Download links for a list: one per format, each a GET of /api/export/KIND with the list's filter.
  function downloads(kind, params, formats) {
    const labels = { csv: "CSV", json: "JSON", jsonl: "JSON lines", parquet: "Parquet", gdelt: "GDELT CSV" };
    const list = formats || ["csv", "json", "jsonl", "parquet"];
    return el("p", { class: "downloads", id: kind + "-downloads" }, el("span", { class: "muted", text: "Download: " }),
      ...list.map((f) => el("a", { href: "/api/export/" + kind + "?" + query({ ...params, format: f }), download: "", "data-format": f, text: labels[f] || f })));
  }
  // ---- events or mentions: what a list shows and a count counts -----------------------------
  // events: the reports of one act merged into one event (the UI's default); mentions: every event
  // coded from every article. The URL leaves the default out (unit=mentions, else nothing); the API
  // is always told, since /api/events and its export list mentions unless asked for events.
  const UNITS = [["events", "events (merged reports)"], ["mentions", "mentions (every report)"]];
  function unitOf(params) { return params.get("unit") === "mentions" ? "mentions" : "events"; }
  function unitParam(unit) { return unit === "mentions" ? "mentions" : ""; }
  // The "count" toggle: a <select name="unit">. Changing it submits its form (or calls onChange with the
  // new unit), and the redrawn view gives the toggle the keyboard focus back.
  function unitSelect(unit, onChange) {
    const select = el("select", { name: "unit", id: "unit-toggle" },
      ...UNITS.map(([u, label]) => el("option", { value: u, selected: u === unit, text: label })));
    select.addEventListener("change", () => {
      refocus = "unit-toggle";
      if (onChange) onChange(select.value);
      else if (select.form) select.form.requestSubmit();
    });
    return el("label", {}, "count", select);
  }
  function eventLink(id, label) { return el("a", { href: "#/event/" + encodeURIComponent(id), text: label || id }); }
  function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }
  // How often an event (or a mention's event) was reported.
  function reports(e) { return `${plural(e.mentions, "mention")} · ${plural(e.articles, "article")} · ${plural(e.sources, "source")}`; }

  function table(id, header, rows, attrs) {
    return el("div", { class: "table-wrap" }, el("table", { id, ...(attrs || {}) },
      el("thead", {}, el("tr", {}, ...header.map((h) => h instanceof Node ? h : el("th", { scope: "col", text: h })))), el("tbody", {}, ...rows)));
  }

  // ---- articles ----------------------------------------------------------
  async function articlesPage(params) {
    const offset = Number(params.get("offset") || 0);
    const [summary, page] = await Promise.all([api("summary"), api("articles", { limit: 50, offset })]);
    const rows = page.items.map((a) => el("tr", {},
      el("td", {}, articleLink(a.id, a.headline || a.title || a.id)), el("td", { text: a.date || "" }),
      el("td", { text: a.events }), el("td", { text: a.quotes }), el("td", { text: a.mentions })));
    show(
      el("h1", { text: "Articles" }),
      el("p", { class: "muted" }, `${summary.articles} articles · ${summary.merged_events} events (${summary.events} mentions) · ${summary.quotes} quotes · ${summary.mentions} actor mentions · `,
        el("a", { href: "#/rejections", text: `${summary.rejections} rejections` })),
      downloads("articles", {}),
      table("articles", ["article", "date", "events", "quotes", "mentions"], rows),
      pager(page, (o) => go("/articles", { offset: o })));
  }

  // ---- article -------------------------------------------------------------
  function eventLine(e) {
    return `${e.source_name || e.source_text} (${e.source_code || "–"}) → ${e.target_name || e.target_text || "—"} (${e.target_code || "–"})\n` +
      `CAMEO ${e.cameo} ${e.cameo_name || ""} · Goldstein ${fmt(e.goldstein)} · QuadClass ${e.quad_class}\nrule ${e.rule} · confidence ${e.confidence}` +
      (e.event_id ? `\nevent ${e.event_id}: ${reports(e)}` : "");
  }
  function highlightedText(a, target) {
    const chars = Array.from(a.text); // offsets count code points, as Python does
    const spans = [];
    for (const m of a.mentions) spans.push({ start: m.start, end: m.end, kind: "actor", item: m });
    for (const e of a.events) spans.push({ start: e.evidence_start, end: e.evidence_end, kind: "event", item: e });
    for (const q of a.quotes) spans.push({ start: q.start, end: q.end, kind: "quote", item: q });
    for (const r of a.removed) spans.push({ start: r.start, end: r.end, kind: "removed", item: r });
    if (target) spans.push({ start: target[0], end: target[1], kind: "target", item: null });
    const cuts = new Set([0, chars.length]);
    for (const s of spans) { cuts.add(Math.max(0, Math.min(s.start, chars.length))); cuts.add(Math.max(0, Math.min(s.end, chars.length))); }
    const points = [...cuts].sort((x, y) => x - y);
    const box = el("div", { class: "article-text", id: "article-text" });
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i], to = points[i + 1];
      const text = chars.slice(from, to).join("");
      const covering = spans.filter((s) => s.start <= from && to <= s.end);
      if (!covering.length) { box.append(document.createTextNode(text)); continue; }
      const kinds = [...new Set(covering.map((s) => s.kind))];
      const lines = [];
      for (const s of covering) {
        if (s.kind === "event") lines.push("EVENT " + eventLine(s.item));
        else if (s.kind === "actor") lines.push(`ACTOR ${s.item.name || s.item.text} (${s.item.code || "–"}, ${s.item.kind}, rule ${s.item.rule})`);
        else if (s.kind === "quote") lines.push(`QUOTE (${s.item.kind}) speaker: ${s.item.speaker_name || s.item.speaker_text || "unknown"}`);
        else if (s.kind === "removed") lines.push(`REMOVED: ${s.item.reason}`);
      }
      const tip = lines.join("\n\n");
      const part = el("span", {
        class: kinds.map((k) => "hl-" + k).join(" "),
        "data-events": covering.filter((s) => s.kind === "event").map((s) => s.item.id).join(" ") || null,
        "data-tip": tip || null,
        onmouseenter: tip ? (ev) => showTooltip(tip, ev) : null, onmousemove: tip ? moveTooltip : null, onmouseleave: tip ? hideTooltip : null,
      }, text);
      box.append(part);
    }
    return box;
  }
  function parseSpan(value) {
    const m = /^(\d+)-(\d+)$/.exec(value || "");
    return m && Number(m[1]) <= Number(m[2]) ? [Number(m[1]), Number(m[2])] : null;
  }
  async function articlePage(id, params) {
    const a = await api("articles/" + encodeURIComponent(id));
    const target = parseSpan(params && params.get("span"));
    const here = (start, end, label) => el("a", { href: `#/article/${encodeURIComponent(a.id)}?span=${start}-${end}`, class: "evidence-link", text: label });
    const side = el("div", {},
      el("h2", { text: `Events (${a.events.length})` }),
      el("ol", { class: "side-list", id: "event-list" }, ...a.events.map((e) => el("li", {},
        here(e.evidence_start, e.evidence_end, "▸ "), eventLine(e).replace(/\n/g, " · ") + " ",
        e.event_id ? eventLink(e.event_id, "explain") : null))),
      el("h2", { text: `Quotes (${a.quotes.length})` }),
      el("ol", { class: "side-list", id: "quote-list" }, ...a.quotes.map((q) => el("li", {},
        el("strong", { text: (q.speaker_name || q.speaker_text || "unknown speaker") + ": " }), here(q.start, q.end, "“" + q.text + "”"),
        q.about.length ? el("span", { class: "muted", text: " — about " + aboutLabel(q.about) }) : null))),
      el("h2", { text: `Actors (${new Set(a.mentions.map((m) => m.code || m.text)).size})` }),
      el("ul", { class: "side-list", id: "actor-list" }, ...uniqueActors(a.mentions).map(([label, code, n]) =>
        el("li", {}, code ? el("a", { href: "#/actor/" + encodeURIComponent(code), text: label }) : label, ` ×${n}`))));
    const text = highlightedText(a, target);
    show(
      el("h1", { id: "article-title", text: a.headline || a.title || a.id }),
      el("p", { class: "muted", text: `${a.date || "no date"} · ${sourceName(a.source)} · id ${a.id}` }, a.url ? el("a", { href: a.url, rel: "noreferrer noopener", text: " · original" }) : null),
      el("p", { class: "legend" }, el("span", { class: "hl-actor", text: "actor" }), el("span", { class: "hl-event", text: "event (hover)" }),
        el("span", { class: "hl-quote", text: "quote" }), el("span", { class: "hl-removed", text: "removed boilerplate" }),
        target ? el("span", { class: "hl-target", text: "evidence you followed" }) : null),
      el("div", { class: "article-layout" }, text, side));
    if (target) {
      const marked = text.querySelectorAll(".hl-target");
      if (marked.length) {
        marked[0].id = "evidence";
        marked[0].setAttribute("tabindex", "-1");
        marked[0].scrollIntoView({ block: "center" });
        marked[0].focus({ preventScroll: true });
      }
    }
  }
  function uniqueActors(mentions) {
    const counts = new Map();
    for (const m of mentions) {
      const label = `${m.name || m.text} (${m.code || "–"})`;
      const seen = counts.get(label) || [label, m.code, 0];
      seen[2] += 1;
      counts.set(label, seen);
    }
    return [...counts.values()].sort((x, y) => y[2] - x[2]);
  }

  // ---- quotes: who said what, about whom --------------------------------------
  function aboutLabel(about) {
    return [...new Set(about.map((a) => `${a.name || a.text} (${a.code || "–"})`))].join(", ");
  }
  function quoteRow(q) {
    return el("tr", {},
      el("td", {}, q.speaker_code ? el("a", { href: "#/actor/" + encodeURIComponent(q.speaker_code), text: `${q.speaker_name || q.speaker_text || "unknown"} (${q.speaker_code})` })
        : `${q.speaker_name || q.speaker_text || "unknown"} (–)`),
      el("td", { text: q.kind }),
      el("td", { text: "“" + q.text + "”" }), el("td", { class: "about", text: aboutLabel(q.about) }),
      el("td", {}, articleLink(q.article_id, "evidence", [q.start, q.end])));
  }
  const QUOTE_FILTERS = [["speaker", "speaker", "name, code or country"], ["about", "about", "actor mentioned: RUS, Putin"]];
  async function quotesPage(params) {
    const filters = {};
    for (const [k] of QUOTE_FILTERS) filters[k] = params.get(k) || "";
    const offset = Number(params.get("offset") || 0);
    const picker = Dragoman.actorInput || ((attrs) => el("input", attrs));
    const form = el("form", { class: "filters", id: "quote-filters" },
      ...QUOTE_FILTERS.map(([k, label, hint]) => el("label", {}, label, picker({ name: k, value: filters[k], size: 18, maxlength: 200, placeholder: hint }))),
      el("button", { type: "submit", text: "Filter" }));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); go("/quotes", formValues(form)); });
    let page;
    try { page = await api("quotes", { ...filters, limit: 50, offset }); } catch (err) { show(el("h1", { text: "Quotes" }), form, el("p", { class: "error", text: err.message })); return; }
    show(el("h1", { text: "Quotes" }), form, downloads("quotes", filters),
      table("quotes", ["speaker", "kind", "quote", "about", "article"], page.items.map(quoteRow)),
      pager(page, (o) => go("/quotes", { ...filters, offset: o })));
  }

  // ---- search ----------------------------------------------------------------
  function snippet(text) {
    // « and » mark the matched words; build <mark> nodes from the pieces, never HTML.
    const p = el("p", { class: "snippet" });
    const pieces = String(text).split(/([«»])/);
    let inside = false;
    for (const piece of pieces) {
      if (piece === "«") { inside = true; continue; }
      if (piece === "»") { inside = false; continue; }
      p.append(inside ? el("mark", { text: piece }) : document.createTextNode(piece));
    }
    return p;
  }
  async function searchPage(params) {
    const q = params.get("q") || "", kind = params.get("kind") || "articles", offset = Number(params.get("offset") || 0);
    const form = el("form", { class: "filters", id: "search-form" },
      el("label", {}, "words", el("input", { name: "q", value: q, size: 40, maxlength: 500 })),
      el("label", {}, "in", el("select", { name: "kind" }, el("option", { value: "articles", selected: kind === "articles", text: "articles" }),
        el("option", { value: "quotes", selected: kind === "quotes", text: "quotes" }))),
      el("button", { type: "submit", text: "Search" }));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); go("/search", formValues(form)); });
    if (!q) { show(el("h1", { text: "Search" }), form); return; }
    const page = await api("search", { q, kind, limit: 20, offset });
    const hits = page.items.map((h) => el("li", {},
      articleLink(h.article_id, h.headline || h.title || h.article_id), el("span", { class: "muted", text: ` ${h.date || ""}${h.speaker_name ? " · " + h.speaker_name : ""}` }), snippet(h.snippet)));
    show(el("h1", { text: "Search" }), form, el("ol", { id: "search-results" }, ...hits), pager(page, (o) => go("/search", { q, kind, offset: o })));
  }

  for (const skip of document.querySelectorAll("a.skip")) {
    skip.addEventListener("click", (ev) => { ev.preventDefault(); view.focus(); }); // not a route: the hash stays
  }
  document.getElementById("quick-search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    go("/search", { q: ev.target.elements.q.value.trim() });
  });

  // The helpers the views in static/views/ use, and the registry they add themselves to.
  window.Dragoman = {
    el, svg, api, go, show, fmt, query, pager, failure, formValues, articleLink, sourceName, downloads, table, quoteRow, aboutLabel,
    showTooltip, moveTooltip, hideTooltip, QUAD, views, UNITS, unitOf, unitParam, unitSelect, eventLink, reports,
  };
  window.addEventListener("hashchange", route);
  // The view scripts come after this one: route once they have all registered.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", route); else setTimeout(route);
})();
