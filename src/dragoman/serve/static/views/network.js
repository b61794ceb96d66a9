// Network (#/network?level=country&top=30): who acts on whom. Countries by default; the slider keeps
// the N heaviest edges; edge colour is the mean Goldstein (legend), width the number of events (or of
// mentions: the "count" toggle, unit=mentions).
// Click an edge for the dyad's timeline, a node for the actor's page. The edge table below lists
// every edge with names, page by page.
"use strict";

(function (D) {
  const { el, api, go } = D;
  const PAGE = 25;

  async function network(params) {
    const p = { start: params.get("start") || "", end: params.get("end") || "", level: params.get("level") || "country", unit: D.unitOf(params) };
    const u = { unit: D.unitParam(p.unit) }; // for links: the default unit is left out
    const form = el("form", { class: "filters", id: "network-filters" },
      el("label", {}, "from", el("input", { name: "start", type: "date", value: p.start })),
      el("label", {}, "to", el("input", { name: "end", type: "date", value: p.end })),
      el("label", {}, "nodes", el("select", { name: "level" }, el("option", { value: "country", selected: p.level === "country", text: "countries" }),
        el("option", { value: "actor", selected: p.level === "actor", text: "actors" }))),
      D.unitSelect(p.unit), el("button", { type: "submit", text: "Draw" }));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const values = D.formValues(form);
      go("/network", { ...values, unit: D.unitParam(values.unit), top: params.get("top") || "" });
    });
    const [net, countries] = await Promise.all([api("network", p), D.countryNames()]);
    const unit = net.unit || p.unit; // what an edge's weight counts: events or mentions
    const edges = [...net.edges].sort((x, y) => y.events - x.events || x.source.localeCompare(y.source) || x.target.localeCompare(y.target));
    const nodeName = new Map(net.nodes.map((n) => {
      const c = countries.byIso3.get(n.id);
      return [n.id, p.level === "country" ? (c ? c.name : n.id) : n.label];
    }));
    const named = (id) => nodeName.get(id) || id;
    let top = Math.min(edges.length, Math.max(1, Number(params.get("top") || 30)));
    const box = el("div", { id: "cy", role: "img", "aria-label": "network of actors; the edge table below lists the same edges" });
    const count = el("output", { id: "top-count", text: String(top) });
    const slider = el("input", { type: "range", id: "top-edges", name: "top", min: 1, max: Math.max(1, edges.length), value: top, "aria-label": "number of edges shown" });
    const note = el("p", { class: "muted", id: "network-note" });
    const tableBox = el("div", { id: "edge-table" });
    D.show(el("h1", { text: p.level === "country" ? "Network of countries" : "Network of actors" }), form,
      el("div", { class: "slider-row" }, el("label", { for: "top-edges", text: "heaviest edges shown: " }), slider, count, el("span", { class: "muted", text: ` of ${edges.length}` })),
      note, D.goldsteinLegend("network-legend"), box, el("h2", { text: "Edges" }), tableBox,
      D.downloads("events", { start: p.start, end: p.end, unit }, ["csv", "gdelt"]));
    drawTable(0);

    function drawTable(offset) {
      const page = { items: edges.slice(offset, offset + PAGE), total: edges.length, limit: PAGE, offset };
      const rows = page.items.map((e) => el("tr", {},
        el("td", { text: e.source }), el("td", { text: e.target }), el("td", { text: named(e.source) }), el("td", { text: named(e.target) }),
        el("td", { class: "num" }, el("a", { href: "#/events?" + D.query({ source: e.source, target: e.target, start: p.start, end: p.end, ...u }), text: e.events })),
        el("td", { class: "num", text: D.fmt(e.mean_goldstein) }),
        el("td", {}, el("a", { href: "#/timeline?" + D.query({ a: e.source, b: e.target, interval: "auto", ...u }), text: "timeline" }))));
      tableBox.replaceChildren(D.table("edges", ["source", "target", "source name", "target name", unit, "mean Goldstein", ""], rows),
        D.pager(page, drawTable));
    }
    if (typeof cytoscape !== "function") { box.append(el("p", { class: "error", text: "cytoscape did not load" })); return; }
    if (!edges.length) { box.append(el("p", { class: "muted", text: `No ${unit} with both a source and a target.` })); return; }
    const maxEvents = Math.max(1, ...edges.map((e) => e.events));
    const cy = cytoscape({
      container: box,
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 12, "background-color": "#3b4252", width: "data(size)", height: "data(size)", color: "#111827",
          "text-valign": "bottom", "text-margin-y": 4, "text-outline-color": "#ffffff", "text-outline-width": 2.5, "text-wrap": "ellipsis", "text-max-width": 140, "min-zoomed-font-size": 6 } },
        { selector: "edge", style: { width: `mapData(events, 1, ${maxEvents}, 1.5, 10)`, "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 1.1,
          "line-color": "data(color)", "target-arrow-color": "data(color)", opacity: 0.9 } },
        { selector: "edge:selected, edge.hover", style: { opacity: 1, "z-index": 10, "underlay-color": "#111827", "underlay-opacity": 0.2, "underlay-padding": 3 } },
      ],
      minZoom: 0.2, maxZoom: 4,
    });
    function draw() {
      const shown = edges.slice(0, top);
      const weight = new Map();
      for (const e of shown) for (const id of [e.source, e.target]) weight.set(id, (weight.get(id) || 0) + e.events);
      const maxW = Math.max(1, ...weight.values());
      cy.elements().remove();
      cy.add([
        ...[...weight.entries()].map(([id, w]) => ({ data: { id, label: p.level === "country" ? named(id) : `${named(id)}${named(id) === id ? "" : " (" + id + ")"}`, size: 16 + 34 * Math.sqrt(w / maxW) } })),
        ...shown.map((e, i) => ({ data: { id: "e" + i, source: e.source, target: e.target, events: e.events, goldstein: e.mean_goldstein, color: D.goldsteinColor(e.mean_goldstein) } })),
      ]);
      cy.layout({ name: weight.size > 1 ? "cose" : "grid", animate: false, randomize: true, nodeRepulsion: () => 600000, idealEdgeLength: () => 120, nodeOverlap: 24, padding: 30 }).run();
      note.textContent = `${weight.size} nodes and the ${shown.length} heaviest of ${edges.length} edges; width = ${unit}, colour = mean Goldstein. Click an edge for the dyad's timeline, a node for its page.`;
    }
    draw();
    let timer = null;
    slider.addEventListener("input", () => {
      top = Number(slider.value);
      count.textContent = String(top);
      clearTimeout(timer);
      timer = setTimeout(() => { draw(); history.replaceState(null, "", "#/network?" + D.query({ ...p, ...u, top })); }, 120);
    });
    cy.on("tap", "node", (ev) => go("/actor/" + encodeURIComponent(ev.target.id())));
    cy.on("tap", "edge", (ev) => { const d = ev.target.data(); go("/timeline", { a: d.source, b: d.target, interval: "auto", ...u }); });
    cy.on("mouseover", "edge", (ev) => {
      const d = ev.target.data();
      ev.target.addClass("hover");
      D.showTooltip(`${named(d.source)} → ${named(d.target)}: ${d.events} ${unit}, mean Goldstein ${D.fmt(d.goldstein)}\nclick for the timeline`, ev.originalEvent);
    });
    cy.on("mouseout", "edge", (ev) => { ev.target.removeClass("hover"); D.hideTooltip(); });
    cy.on("mouseover", "node", (ev) => D.showTooltip(`${named(ev.target.id())} (${ev.target.id()})\nclick for its page`, ev.originalEvent));
    cy.on("mouseout", "node", D.hideTooltip);
    window.dragomanNetwork = cy; // for tests and the curious
  }

  D.views.network = network;
})(window.Dragoman);
