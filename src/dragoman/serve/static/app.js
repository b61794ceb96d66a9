// dragoman's web UI: a hash-routed single page over the read-only JSON API.
// Safety rule: text from the store or the user only ever reaches the page through
// textContent, attribute values or canvas labels. Nothing here uses innerHTML.
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
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const svgNS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const node = document.createElementNS(svgNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }
  function articleLink(id, label) { return el("a", { href: "#/article/" + encodeURIComponent(id), text: label || id }); }
  function show(...nodes) { hideTooltip(); view.replaceChildren(...nodes); }
  function fmt(n) { return n === null || n === undefined ? "–" : (n > 0 ? "+" : "") + Number(n).toFixed(2); }

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) query.set(k, v);
    const qs = query.toString();
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
    const x = Math.min(event.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8);
    tooltip.style.left = Math.max(4, x) + "px";
    tooltip.style.top = (event.clientY + 16) + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }

  // ---- routing -----------------------------------------------------------
  function route() {
    const hash = location.hash.replace(/^#/, "") || "/";
    const [path, qs] = hash.split("?");
    const params = new URLSearchParams(qs || "");
    const parts = path.split("/").filter(Boolean);
    if (parts[0] === "article" && parts[1]) return articlePage(decodeURIComponent(parts[1])).catch(failure);
    if (parts[0] === "event" && parts[1]) return eventPage(decodeURIComponent(parts[1])).catch(failure);
    if (parts[0] === "events") return eventsPage(params).catch(failure);
    if (parts[0] === "quotes") return quotesPage(params).catch(failure);
    if (parts[0] === "network") return networkPage(params).catch(failure);
    if (parts[0] === "timeline") return timelinePage(params).catch(failure);
    if (parts[0] === "search") return searchPage(params).catch(failure);
    return homePage(params).catch(failure);
  }
  function go(path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) qs.set(k, v);
    const s = qs.toString();
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

  // ---- events or mentions: what a table lists and a chart counts ------------
  // events: the reports of one act merged into one event (the default); mentions: every event coded from every article.
  const UNITS = [["events", "events (merged reports)"], ["mentions", "mentions (every report)"]];
  function unitOf(params) { return params.get("unit") === "mentions" ? "mentions" : "events"; }
  function unitSelect(unit) {
    return el("label", {}, "count", el("select", { name: "unit", id: "unit-toggle" },
      ...UNITS.map(([u, label]) => el("option", { value: u, selected: u === unit, text: label }))));
  }
  function eventLink(id, label) { return el("a", { href: "#/event/" + encodeURIComponent(id), text: label || id }); }
  function reports(e) { return `${e.mentions} mention${e.mentions === 1 ? "" : "s"} · ${e.articles} article${e.articles === 1 ? "" : "s"} · ${e.sources} source${e.sources === 1 ? "" : "s"}`; }

  // ---- home: articles ----------------------------------------------------
  async function homePage(params) {
    const offset = Number(params.get("offset") || 0);
    const [summary, page] = await Promise.all([api("summary"), api("articles", { limit: 50, offset })]);
    const rows = page.items.map((a) => el("tr", {},
      el("td", {}, articleLink(a.id, a.title || a.source)), el("td", { text: a.date || "" }),
      el("td", { text: a.events }), el("td", { text: a.quotes }), el("td", { text: a.mentions })));
    show(
      el("h1", { text: "Articles" }),
      el("p", { class: "muted", text: `${summary.articles} articles · ${summary.merged_events} events (${summary.events} mentions) · ${summary.quotes} quotes · ${summary.mentions} actor mentions · ${summary.rejections} rejections` }),
      el("table", { id: "articles" }, el("thead", {}, el("tr", {}, ...["article", "date", "events", "quotes", "mentions"].map((h) => el("th", { text: h })))), el("tbody", {}, ...rows)),
      pager(page, (o) => go("/", { offset: o })));
  }

  // ---- article -------------------------------------------------------------
  function eventLine(e) {
    return `${e.source_name || e.source_text} (${e.source_code || "–"}) → ${e.target_name || e.target_text || "—"} (${e.target_code || "–"})\n` +
      `CAMEO ${e.cameo} ${e.cameo_name || ""} · Goldstein ${fmt(e.goldstein)} · QuadClass ${e.quad_class}\nrule ${e.rule} · confidence ${e.confidence}` +
      (e.event_id ? `\nevent ${e.event_id}: ${reports(e)}` : "");
  }
  function highlightedText(a) {
    const chars = Array.from(a.text); // offsets count code points, as Python does
    const spans = [];
    for (const m of a.mentions) spans.push({ start: m.start, end: m.end, kind: "actor", item: m });
    for (const e of a.events) spans.push({ start: e.evidence_start, end: e.evidence_end, kind: "event", item: e });
    for (const q of a.quotes) spans.push({ start: q.start, end: q.end, kind: "quote", item: q });
    for (const r of a.removed) spans.push({ start: r.start, end: r.end, kind: "removed", item: r });
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
        else lines.push(`REMOVED: ${s.item.reason}`);
      }
      const tip = lines.join("\n\n");
      const part = el("span", {
        class: kinds.map((k) => "hl-" + k).join(" "),
        "data-events": covering.filter((s) => s.kind === "event").map((s) => s.item.id).join(" ") || null,
        "data-tip": tip,
        onmouseenter: (ev) => showTooltip(tip, ev), onmousemove: moveTooltip, onmouseleave: hideTooltip,
      }, text);
      box.append(part);
    }
    return box;
  }
  async function articlePage(id) {
    const a = await api("articles/" + encodeURIComponent(id));
    const side = el("div", {},
      el("h2", { text: `Events (${a.events.length})` }),
      el("ol", { class: "side-list", id: "event-list" }, ...a.events.map((e) => el("li", {}, eventLine(e).replace(/\n/g, " · ") + " ",
        e.event_id ? eventLink(e.event_id, "explain") : null))),
      el("h2", { text: `Quotes (${a.quotes.length})` }),
      el("ol", { class: "side-list", id: "quote-list" }, ...a.quotes.map((q) => el("li", {},
        el("strong", { text: (q.speaker_name || q.speaker_text || "unknown speaker") + ": " }), "“" + q.text + "”",
        q.about.length ? el("span", { class: "muted", text: " — about " + aboutLabel(q.about) }) : null))),
      el("h2", { text: `Actors (${new Set(a.mentions.map((m) => m.code || m.text)).size})` }),
      el("ul", { class: "side-list", id: "actor-list" }, ...uniqueActors(a.mentions).map(([label, n]) => el("li", { text: `${label} ×${n}` }))));
    show(
      el("h1", { id: "article-title", text: a.title || a.source }),
      el("p", { class: "muted", text: `${a.date || "no date"} · ${a.source} · id ${a.id}` }),
      el("p", { class: "legend" }, el("span", { class: "hl-actor", text: "actor" }), el("span", { class: "hl-event", text: "event (hover)" }),
        el("span", { class: "hl-quote", text: "quote" }), el("span", { class: "hl-removed", text: "removed boilerplate" })),
      el("div", { class: "article-layout" }, highlightedText(a), side));
  }
  function uniqueActors(mentions) {
    const counts = new Map();
    for (const m of mentions) {
      const label = `${m.name || m.text} (${m.code || "–"})`;
      counts.set(label, (counts.get(label) || 0) + 1);
    }
    return [...counts.entries()].sort((x, y) => y[1] - x[1]);
  }

  // ---- events table ------------------------------------------------------
  const EVENT_FILTERS = [["actor", "actor"], ["source", "source"], ["target", "target"], ["country", "country"], ["code", "CAMEO code"],
    ["root", "root"], ["quad_class", "QuadClass"], ["start", "from"], ["end", "to"], ["place", "place"]];
  async function eventsPage(params) {
    const filters = {};
    for (const [k] of EVENT_FILTERS) filters[k] = params.get(k) || "";
    const unit = unitOf(params);
    const offset = Number(params.get("offset") || 0);
    const form = el("form", { class: "filters", id: "event-filters" },
      ...EVENT_FILTERS.map(([k, label]) => el("label", {}, label,
        k === "quad_class"
          ? el("select", { name: k }, el("option", { value: "", text: "any" }), ...[1, 2, 3, 4].map((q) => el("option", { value: q, selected: String(q) === filters[k], text: `${q} ${QUAD[q]}` })))
          : el("input", { name: k, value: filters[k], type: k === "start" || k === "end" ? "date" : "text", size: 9, maxlength: 200 }))),
      unitSelect(unit), el("button", { type: "submit", text: "Filter" }));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); go("/events", formValues(form)); });
    form.elements.unit.addEventListener("change", () => go("/events", formValues(form)));
    let page;
    try { page = await api("events", { ...filters, unit, limit: 50, offset }); } catch (err) { show(el("h1", { text: "Events" }), form, el("p", { class: "error", text: err.message })); return; }
    const header = ["date", "source", "target", "CAMEO", "name", "Goldstein", "QuadClass", "place", "reported", "evidence", "article", "event"];
    const rows = page.items.map((e) => el("tr", {},
      el("td", { text: e.date || "" }), el("td", { text: `${e.source_name || e.source_text} (${e.source_code || "–"})` }),
      el("td", { text: e.target_text ? `${e.target_name || e.target_text} (${e.target_code || "–"})` : "—" }),
      el("td", { text: e.cameo }), el("td", { text: e.cameo_name || "" }), el("td", { text: fmt(e.goldstein) }), el("td", { text: e.quad_class }),
      el("td", { text: e.place_name || "" }), el("td", { class: "reported", text: reports(e) }), el("td", { text: e.evidence_text }),
      el("td", {}, articleLink(e.article_id, "open")), el("td", {}, e.event_id ? eventLink(e.event_id, "explain") : "")));
    show(el("h1", { text: unit === "events" ? "Events" : "Event mentions" }), form,
      el("p", { class: "muted", id: "events-unit", text: unit === "events"
        ? "Each row is one event: the reports of one act merged (same source, target and code, dates within the window); evidence from its most confident mention."
        : "Each row is one event coded from one article (a mention); several may report the same event." }),
      el("table", { id: "events" }, el("thead", {}, el("tr", {}, ...header.map((h) => el("th", { text: h })))), el("tbody", {}, ...rows)),
      pager(page, (o) => go("/events", { ...filters, unit, offset: o })));
  }

  // ---- one event: its mentions and why they are one ----------------------------
  async function eventPage(id) {
    const x = await api("events/" + encodeURIComponent(id));
    const e = x.event;
    const target = e.target_text ? `${e.target_name || e.target_text} (${e.target_code || "–"})` : "—";
    const rows = x.mentions.map((m) => el("tr", {},
      el("td", {}, articleLink(m.mention.article_id, m.mention.article_id)), el("td", { text: m.outlet || "—" }), el("td", { text: m.report_date || "" }),
      el("td", { text: m.mention.date || "" }), el("td", { text: m.mention.cameo }), el("td", { text: m.fits }),
      el("td", { text: [m.first ? "first" : "", m.evidence ? "evidence" : ""].filter(Boolean).join(", ") }), el("td", { text: m.mention.evidence_text })));
    show(
      el("h1", { id: "event-title", text: `${e.source_name || e.source_text} (${e.source_code || "–"}) → ${target}: ${e.cameo} ${e.cameo_name || ""}` }),
      el("p", { class: "muted", id: "event-counts", text: `${e.date || "undated"}${e.place_name ? " · " + e.place_name : ""} · ${reports(e)} · reported ${e.first_report || "?"} to ${e.last_report || "?"} · id ${e.event_id}` }),
      el("h2", { text: "Why one event" }),
      el("ul", { id: "event-reasons" }, ...x.reasons.map((r) => el("li", { text: r }))),
      el("h2", { text: `Mentions (${x.mentions.length})` }),
      el("table", { id: "event-mentions" }, el("thead", {}, el("tr", {}, ...["article", "outlet", "reported", "date", "CAMEO", "how it fits", "", "evidence"].map((h) => el("th", { text: h })))),
        el("tbody", {}, ...rows)),
      el("h2", { text: "Kept apart" }),
      x.apart.length
        ? el("ul", { id: "event-apart" }, ...x.apart.map((a) => el("li", {}, eventLink(a.event.event_id, `${a.event.cameo} ${a.event.date || "undated"}`), ` (${reports(a.event)}): ${a.why}`)))
        : el("p", { class: "muted", text: `No other event of the same source and target within a week.` }));
  }

  // ---- quotes: who said what, about whom --------------------------------------
  function aboutLabel(about) {
    return [...new Set(about.map((a) => `${a.name || a.text} (${a.code || "–"})`))].join(", ");
  }
  const QUOTE_FILTERS = [["speaker", "speaker", "name, code or country"], ["about", "about", "actor mentioned: RUS, Putin"]];
  async function quotesPage(params) {
    const filters = {};
    for (const [k] of QUOTE_FILTERS) filters[k] = params.get(k) || "";
    const offset = Number(params.get("offset") || 0);
    const form = el("form", { class: "filters", id: "quote-filters" },
      ...QUOTE_FILTERS.map(([k, label, hint]) => el("label", {}, label, el("input", { name: k, value: filters[k], type: "text", size: 18, maxlength: 200, placeholder: hint }))),
      el("button", { type: "submit", text: "Filter" }));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); go("/quotes", formValues(form)); });
    let page;
    try { page = await api("quotes", { ...filters, limit: 50, offset }); } catch (err) { show(el("h1", { text: "Quotes" }), form, el("p", { class: "error", text: err.message })); return; }
    const header = ["speaker", "kind", "quote", "about", "article"];
    const rows = page.items.map((q) => el("tr", {},
      el("td", { text: `${q.speaker_name || q.speaker_text || "unknown"} (${q.speaker_code || "–"})` }), el("td", { text: q.kind }),
      el("td", { text: "“" + q.text + "”" }), el("td", { class: "about", text: aboutLabel(q.about) }), el("td", {}, articleLink(q.article_id, "open"))));
    show(el("h1", { text: "Quotes" }), form,
      el("table", { id: "quotes" }, el("thead", {}, el("tr", {}, ...header.map((h) => el("th", { text: h })))), el("tbody", {}, ...rows)),
      pager(page, (o) => go("/quotes", { ...filters, offset: o })));
  }

  // ---- network -------------------------------------------------------------
  async function networkPage(params) {
    const p = { start: params.get("start") || "", end: params.get("end") || "", level: params.get("level") || "actor", min_events: params.get("min_events") || "1", unit: unitOf(params) };
    const form = el("form", { class: "filters", id: "network-filters" },
      el("label", {}, "from", el("input", { name: "start", type: "date", value: p.start })),
      el("label", {}, "to", el("input", { name: "end", type: "date", value: p.end })),
      el("label", {}, "nodes", el("select", { name: "level" }, el("option", { value: "actor", selected: p.level === "actor", text: "actors" }),
        el("option", { value: "country", selected: p.level === "country", text: "countries" }))),
      el("label", {}, "min. events", el("input", { name: "min_events", type: "number", min: 1, value: p.min_events, size: 4 })),
      unitSelect(p.unit), el("button", { type: "submit", text: "Draw" }));
    form.elements.unit.addEventListener("change", () => go("/network", formValues(form)));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); go("/network", formValues(form)); });
    const net = await api("network", p);
    const box = el("div", { id: "cy" });
    const edgeRows = net.edges.map((e) => el("tr", {}, el("td", { text: e.source }), el("td", { text: e.target }), el("td", { text: e.events }), el("td", { text: fmt(e.mean_goldstein) })));
    show(el("h1", { text: "Actor network" }), form,
      el("p", { class: "muted", id: "network-unit", text: `${net.nodes.length} nodes, ${net.edges.length} edges; edge width = ${net.unit}, colour = mean Goldstein (red conflict, green cooperation). Click a node for its events.` }),
      box, el("h2", { text: "Edges" }),
      el("table", { id: "edges" }, el("thead", {}, el("tr", {}, ...["source", "target", net.unit, "mean Goldstein"].map((h) => el("th", { text: h })))), el("tbody", {}, ...edgeRows)));
    if (typeof cytoscape !== "function") { box.append(el("p", { class: "error", text: "cytoscape did not load" })); return; }
    const maxEvents = Math.max(1, ...net.edges.map((e) => e.events));
    const cy = cytoscape({
      container: box,
      elements: [
        ...net.nodes.map((n) => ({ data: { id: n.id, label: n.label === n.id ? n.id : `${n.label} (${n.id})`, weight: n.events } })),
        ...net.edges.map((e, i) => ({ data: { id: "e" + i, source: e.source, target: e.target, events: e.events, goldstein: e.mean_goldstein } })),
      ],
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#475467", width: "mapData(weight, 1, 30, 14, 48)", height: "mapData(weight, 1, 30, 14, 48)", color: "#1d2330", "text-valign": "bottom", "text-margin-y": 3 } },
        { selector: "edge", style: { width: `mapData(events, 1, ${maxEvents}, 1, 9)`, "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "mapData(goldstein, -10, 10, #dc2626, #16a34a)", "target-arrow-color": "mapData(goldstein, -10, 10, #dc2626, #16a34a)", opacity: 0.8 } },
      ],
      layout: { name: net.nodes.length > 1 ? "cose" : "grid", animate: false, randomize: true, nodeRepulsion: () => 400000, idealEdgeLength: () => 110, nodeOverlap: 20, padding: 30 },
    });
    cy.on("tap", "node", (ev) => go("/events", { actor: ev.target.id(), unit: net.unit }));
    cy.on("mouseover", "edge", (ev) => { const d = ev.target.data(); showTooltip(`${d.source} → ${d.target}: ${d.events} ${net.unit}, mean Goldstein ${fmt(d.goldstein)}`, ev.originalEvent); });
    cy.on("mouseout", "edge", hideTooltip);
    window.dragomanNetwork = cy; // for tests and the curious
  }

  // ---- dyad timeline ---------------------------------------------------------
  async function timelinePage(params) {
    const p = { a: params.get("a") || "TUR", b: params.get("b") || "RUS", interval: params.get("interval") || "month", start: params.get("start") || "", end: params.get("end") || "", unit: unitOf(params) };
    const form = el("form", { class: "filters", id: "timeline-filters" },
      el("label", {}, "actor A", el("input", { name: "a", value: p.a, size: 8, maxlength: 40 })),
      el("label", {}, "actor B", el("input", { name: "b", value: p.b, size: 8, maxlength: 40 })),
      el("label", {}, "per", el("select", { name: "interval" }, ...["day", "week", "month"].map((i) => el("option", { value: i, selected: i === p.interval, text: i })))),
      el("label", {}, "from", el("input", { name: "start", type: "date", value: p.start })),
      el("label", {}, "to", el("input", { name: "end", type: "date", value: p.end })),
      unitSelect(p.unit), el("button", { type: "submit", text: "Show" }));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); go("/timeline", formValues(form)); });
    form.elements.unit.addEventListener("change", () => go("/timeline", formValues(form)));
    let t;
    try { t = await api("timeline", p); } catch (err) { show(el("h1", { text: "Dyad timeline" }), form, el("p", { class: "error", text: err.message })); return; }
    const rows = t.bins.map((b) => el("tr", {}, el("td", { text: b.period }),
      el("td", { text: b.a_to_b.events }), el("td", { text: quads(b.a_to_b) }), el("td", { text: fmt(b.a_to_b.mean_goldstein) }),
      el("td", { text: b.b_to_a.events }), el("td", { text: quads(b.b_to_a) }), el("td", { text: fmt(b.b_to_a.mean_goldstein) })));
    show(el("h1", { id: "timeline-title", text: `${t.a} ⇄ ${t.b}, per ${t.interval}` }), form,
      el("p", { class: "muted", id: "timeline-unit" }, el("span", { class: "swatch ab" }), `${t.a} → ${t.b}`, el("span", { class: "swatch ba" }), `${t.b} → ${t.a}`,
        ` · bars: ${t.unit} · lines: mean Goldstein (solid A→B, dashed B→A)`),
      t.bins.length ? chart(t) : el("p", { class: "muted", text: "No dated events between these two." }),
      el("table", { id: "timeline" }, el("thead", {}, el("tr", {}, ...["period", `${t.a}→${t.b} ${t.unit}`, "by QuadClass 1/2/3/4", "mean Goldstein", `${t.b}→${t.a} ${t.unit}`, "by QuadClass 1/2/3/4", "mean Goldstein"].map((h) => el("th", { text: h })))), el("tbody", {}, ...rows)));
  }
  function quads(d) { return `${d.verbal_cooperation}/${d.material_cooperation}/${d.verbal_conflict}/${d.material_conflict}`; }
  function chart(t) {
    const W = 960, H = 320, L = 44, R = 44, T = 16, B = 44;
    const n = t.bins.length, slot = (W - L - R) / n, bw = Math.max(2, Math.min(28, slot / 2 - 2));
    const maxN = Math.max(1, ...t.bins.map((b) => Math.max(b.a_to_b.events, b.b_to_a.events)));
    const y = (v) => T + (H - T - B) * (1 - v / maxN);
    const g = (v) => T + (H - T - B) * (1 - (v + 10) / 20);
    const root = svg("svg", { class: "chart", id: "timeline-chart", viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": `${t.a} and ${t.b} over time` });
    root.append(svg("line", { class: "axis", x1: L, y1: H - B, x2: W - R, y2: H - B }), svg("line", { class: "axis", x1: L, y1: T, x2: L, y2: H - B }),
      svg("line", { class: "axis", x1: W - R, y1: T, x2: W - R, y2: H - B }), svg("line", { class: "zero", x1: L, y1: g(0), x2: W - R, y2: g(0) }));
    root.append(svg("text", { x: 4, y: T + 8 }, maxN), svg("text", { x: 4, y: H - B }, 0), svg("text", { x: W - R + 4, y: T + 8 }, "+10"), svg("text", { x: W - R + 4, y: H - B }, "−10"));
    const lineAB = [], lineBA = [];
    t.bins.forEach((b, i) => {
      const cx = L + slot * (i + 0.5);
      for (const [d, cls, dx, who] of [[b.a_to_b, "bar-ab", -bw, `${t.a}→${t.b}`], [b.b_to_a, "bar-ba", 0, `${t.b}→${t.a}`]]) {
        if (!d.events) continue;
        const rect = svg("rect", { class: cls, x: cx + dx, y: y(d.events), width: bw, height: H - B - y(d.events) });
        rect.append(svg("title", {}, `${b.period} ${who}: ${d.events} ${t.unit} (QuadClass ${quads(d)}), mean Goldstein ${fmt(d.mean_goldstein)}`));
        root.append(rect);
      }
      if (b.a_to_b.mean_goldstein !== null) lineAB.push(`${cx},${g(b.a_to_b.mean_goldstein)}`);
      if (b.b_to_a.mean_goldstein !== null) lineBA.push(`${cx},${g(b.b_to_a.mean_goldstein)}`);
      if (n <= 24 || i % Math.ceil(n / 24) === 0) root.append(svg("text", { x: cx, y: H - B + 14, "text-anchor": "middle" }, b.period));
    });
    if (lineAB.length) root.append(svg("polyline", { class: "goldstein-ab", points: lineAB.join(" ") }));
    if (lineBA.length) root.append(svg("polyline", { class: "goldstein-ba", points: lineBA.join(" ") }));
    return root;
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
      articleLink(h.article_id, h.title || h.article_id), el("span", { class: "muted", text: ` ${h.date || ""}${h.speaker_name ? " · " + h.speaker_name : ""}` }), snippet(h.snippet)));
    show(el("h1", { text: "Search" }), form, el("ol", { id: "search-results" }, ...hits), pager(page, (o) => go("/search", { q, kind, offset: o })));
  }

  document.getElementById("quick-search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    go("/search", { q: ev.target.elements.q.value.trim() });
  });
  window.addEventListener("hashchange", route);
  route();
})();
