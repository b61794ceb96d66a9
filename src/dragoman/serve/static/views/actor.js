// Actors: #/actors finds one by name or code; #/actor/CODE is its page: who it is (the knowledge
// base's entry and dated roles), what it does and receives (by CAMEO root and QuadClass), its main
// partners, its timeline, and the quotes it said and that mention it.
"use strict";

(function (D) {
  const { el, api, go } = D;

  async function actors(params) {
    const q = params.get("q") || "";
    const form = el("form", { class: "filters", id: "actor-search" },
      el("label", {}, "name or code", D.actorInput({ name: "q", value: q, size: 28, maxlength: 200, placeholder: "Erdogan, TURGOV, Russia" })),
      el("button", { type: "submit", text: "Find" }));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const value = form.elements.q.value.trim();
      go("/actors", { q: value });
    });
    const hits = await api("actors", { q, limit: 50 });
    const rows = hits.map((h) => el("tr", {},
      el("td", {}, el("a", { href: "#/actor/" + encodeURIComponent(h.code), text: h.name || h.code })), el("td", { text: h.code }),
      el("td", { text: h.country || "" }), el("td", { text: h.kind }), el("td", { class: "num", text: h.mentions })));
    D.show(el("h1", { text: "Actors" }), form,
      el("p", { class: "muted", text: q ? `Actors whose code starts with, country is, or a word of whose name starts with “${q}”.` : "The most mentioned actors." }),
      D.table("actor-hits", ["name", "code", "country", "kind", "mentions"], rows));
  }

  function bar(n, max, color) {
    const b = el("span", { class: "hbar" });
    b.style.width = (max ? Math.max(2, (100 * n) / max) : 0) + "%";
    b.style.background = color;
    return el("span", { class: "hbar-box" }, b);
  }
  function quadBars(label, counts, total) {
    const box = el("div", { class: "stack", role: "img", "aria-label": `${label}: ` + [1, 2, 3, 4].map((q) => `${D.QUAD[q]} ${counts[q - 1]}`).join(", ") });
    for (const q of [1, 2, 3, 4]) {
      if (!counts[q - 1]) continue;
      const part = el("span", { title: `${D.QUAD[q]}: ${counts[q - 1]}` });
      part.style.width = (100 * counts[q - 1]) / total + "%";
      part.style.background = D.QUAD_COLORS[q];
      box.append(part);
    }
    return el("div", { class: "stack-row" }, el("span", { class: "stack-label", text: `${label} (${total})` }), box);
  }
  function roleRows(roles, withPerson) {
    return roles.map((r) => el("tr", {}, withPerson ? el("td", { text: r.person }) : null, el("td", { text: r.title || r.office }), el("td", { text: `${r.org}${r.sector ? " " + r.sector : ""}` }),
      el("td", { text: r.start || "?" }), el("td", { text: r.end || (r.start ? "now" : "?") })));
  }
  async function quoteBox(code, role, title, offset) {
    const page = await api(`actors/${encodeURIComponent(code)}/quotes`, { role, limit: 10, offset });
    const box = el("section", { class: "card wide", id: "quotes-" + role },
      el("h2", { text: `${title} (${page.total})` }),
      page.items.length ? el("ol", { class: "quote-list" }, ...page.items.map((q) => el("li", {},
        el("strong", { text: (q.speaker_name || q.speaker_text || "unknown") + ": " }),
        D.articleLink(q.article_id, "“" + q.text + "”", [q.start, q.end]),
        q.about.length ? el("span", { class: "muted", text: " — about " + D.aboutLabel(q.about) }) : null))) : el("p", { class: "muted", text: "none" }));
    if (page.total > page.limit) {
      box.append(D.pager(page, async (o) => box.replaceWith(await quoteBox(code, role, title, o))));
    }
    box.append(el("p", {}, el("a", { href: "#/quotes?" + D.query(role === "by" ? { speaker: code } : { about: code }), text: "in the quotes table →" })));
    return box;
  }

  async function actor(params, rest) {
    const code = (rest[0] || "").toUpperCase();
    const range = { start: params.get("start") || "", end: params.get("end") || "" };
    const unit = D.unitOf(params), u = { unit: D.unitParam(unit) };
    const [page, series] = await Promise.all([api("actors/" + encodeURIComponent(code), { ...range, unit }),
      api("series", { actor: code, ...range, unit, interval: params.get("interval") || "auto" })]);
    const s = page.summary, p = page.profile;
    const name = p.name || (s.names[0] && s.names[0].name) || code;
    const events = (extra) => "#/events?" + D.query({ ...range, ...u, ...extra });
    const facts = [["code", code], ["kind", p.kind || s.kind || "unknown"], ["country", p.country_name ? `${p.country_name} (${p.country})` : (p.country || s.country || "—")]];
    if (p.sector) facts.push(["sector", p.sector_label ? `${p.sector} (${p.sector_label})` : p.sector]);
    facts.push(["in the store", `${s.mentions} mentions, ${s.given} ${unit === "events" ? "events" : "event mentions"} as source, ${s.received} as target`]);
    const maxMix = Math.max(1, ...s.mix.map((m) => Math.max(m.given, m.received)));
    const chart = D.seriesChart(series, {
      id: "actor-chart", label: `${unit} of ${code}`,
      onBar: (b, quad) => go("/events", { actor: code, ...u, start: b.period, end: b.last_day, quad_class: quad || "" }),
      onBrush: (start, end) => go("/actor/" + encodeURIComponent(code), { start, end, ...u }),
    });
    const [by, about] = await Promise.all([quoteBox(code, "by", "Quotes by " + name, 0), quoteBox(code, "about", "Quotes that mention " + name, 0)]);
    D.show(
      el("h1", { id: "actor-title", text: `${name} (${code})` }),
      el("dl", { class: "facts", id: "actor-facts" }, ...facts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })])),
      s.names.length ? el("p", { class: "muted", id: "actor-names" }, "Written in the articles as: " + s.names.map((n) => `${n.name} (${n.mentions})`).join(", ")) : null,
      p.country && p.country !== code ? el("p", {}, el("a", { href: "#/actor/" + p.country, text: `the country: ${p.country_name || p.country} →` })) : null,
      range.start || range.end ? el("p", {}, `Events from ${range.start || "the start"} to ${range.end || "the end"}. `, el("a", { href: "#/actor/" + encodeURIComponent(code), text: "whole period" })) : null,
      el("p", { id: "actor-unit" }, D.unitSelect(unit, (x) => go("/actor/" + encodeURIComponent(code), { ...range, unit: D.unitParam(x) }))),
      D.chartFigure(`${unit === "events" ? "Events" : "Event mentions"} of ${code} per ${series.interval} (as source or target)`, chart, "Drag to zoom; click a bar for its events."),
      el("div", { class: "cards wide-cards" },
        el("section", { class: "card", id: "actor-quads" }, el("h2", { text: "Event mix by QuadClass" }),
          quadBars("given", s.quad_given, Math.max(1, s.given)), quadBars("received", s.quad_received, Math.max(1, s.received)),
          el("p", { class: "muted", text: `mean Goldstein given ${D.fmt(s.mean_goldstein_given)}, received ${D.fmt(s.mean_goldstein_received)}` }),
          el("p", {}, el("a", { href: events({ source: code }), text: "events given →" }), " ", el("a", { href: events({ target: code }), text: "events received →" }))),
        el("section", { class: "card", id: "actor-mix" }, el("h2", { text: "Event mix by CAMEO root" }),
          D.table("mix", ["root", "given", "", "received", ""], s.mix.map((m) => el("tr", {},
            el("td", { text: `${m.root} ${m.name || ""}` }),
            el("td", { class: "num" }, el("a", { href: events({ source: code, root: m.root }), text: m.given })), el("td", {}, bar(m.given, maxMix, D.QUAD_COLORS[m.quad_class])),
            el("td", { class: "num" }, el("a", { href: events({ target: code, root: m.root }), text: m.received })), el("td", {}, bar(m.received, maxMix, D.QUAD_COLORS[m.quad_class])))))),
        el("section", { class: "card", id: "actor-partners" }, el("h2", { text: "Main partners" }),
          D.table("partners", ["partner", "to it", "from it", "Goldstein to / from", ""], s.partners.map((x) => el("tr", {},
            el("td", {}, el("a", { href: "#/actor/" + encodeURIComponent(x.code), text: `${x.name || x.code} (${x.code})` })),
            el("td", { class: "num" }, el("a", { href: events({ source: code, target: x.code }), text: x.given })),
            el("td", { class: "num" }, el("a", { href: events({ source: x.code, target: code }), text: x.received })),
            el("td", { text: `${D.fmt(x.goldstein_given)} / ${D.fmt(x.goldstein_received)}` }),
            el("td", {}, el("a", { href: "#/timeline?" + D.query({ a: code, b: x.code, interval: "auto" }), text: "timeline" }))))))),
      el("section", { class: "card wide", id: "actor-roles" },
        el("h2", { text: p.known ? `In the knowledge base: ${p.name} (${p.kind || "actor"})` : "Not in the knowledge base" }),
        p.roles.length ? el("div", {}, el("h3", { text: "Offices held in it (newest first)" }), D.table("roles", ["person", "title", "in", "from", "to"], roleRows(p.roles, true))) : null,
        ...p.people.map((person) => el("div", { class: "person" }, el("h3", { text: `${person.name}${person.country ? " (" + person.country + ")" : ""}` }),
          person.roles.length ? D.table("roles-" + person.id, ["title", "in", "from", "to"], roleRows(person.roles, false)) : el("p", { class: "muted", text: "no dated roles" })))),
      by, about);
  }

  D.views.actors = actors;
  D.views.actor = actor;
})(window.Dragoman);
