// One event (#/event/ID): the mentions that make it (each article's report, its outlet and dates, how it
// fits the event), why they are one event, rule by rule, and the events of the same source and target
// near it that were kept apart, with why. Linked from every event row and from the article page.
"use strict";

(function (D) {
  const { el, api } = D;

  function actor(text, name, code, country) {
    const label = `${name || text || "—"} (${code || country || "–"})`;
    return code || country ? el("a", { href: "#/actor/" + encodeURIComponent(code || country), text: label }) : label;
  }

  async function event(params, rest) {
    const id = rest[0];
    if (!id) throw new Error("no event id: #/event/ID");
    const x = await api("events/" + encodeURIComponent(id));
    const e = x.event;
    const target = e.target_text ? `${e.target_name || e.target_text} (${e.target_code || e.target_country || "–"})` : "—";
    const source = `${e.source_name || e.source_text} (${e.source_code || e.source_country || "–"})`;
    const rows = x.mentions.map((m) => el("tr", {},
      el("td", {}, D.articleLink(m.mention.article_id, m.mention.article_id)), el("td", { text: m.outlet || "—" }), el("td", { text: m.report_date || "" }),
      el("td", { text: m.mention.date || "" }), el("td", { text: m.mention.cameo }), el("td", { class: "fits", text: m.fits }),
      el("td", { text: [m.first ? "first" : "", m.evidence ? "evidence" : ""].filter(Boolean).join(", ") }),
      el("td", { class: "evidence" }, D.articleLink(m.mention.article_id, m.mention.evidence_text, [m.mention.evidence_start, m.mention.evidence_end]))));
    const dyad = { source: e.source_code || e.source_country || "", target: e.target_code || e.target_country || "" };
    D.show(
      el("h1", { id: "event-title", text: `${source} → ${target}: ${e.cameo} ${e.cameo_name || ""}`.trim() }),
      el("p", { class: "muted", id: "event-counts",
        text: `${e.date || "undated"}${e.place_name ? " · " + e.place_name : ""} · ${D.reports(e)} · reported ${e.first_report || "?"} to ${e.last_report || "?"} · id ${e.event_id}` }),
      el("p", { id: "event-links" }, actor(e.source_text, e.source_name, e.source_code, e.source_country), " → ",
        e.target_text ? actor(e.target_text, e.target_name, e.target_code, e.target_country) : "—",
        dyad.source ? " · " : null, dyad.source ? el("a", { href: "#/events?" + D.query(dyad), text: "their events" }) : null,
        dyad.source && dyad.target ? " · " : null,
        dyad.source && dyad.target ? el("a", { href: "#/timeline?" + D.query({ a: dyad.source, b: dyad.target, interval: "auto" }), text: "timeline" }) : null),
      el("h2", { text: "Why one event" }),
      el("ul", { id: "event-reasons" }, ...x.reasons.map((r) => el("li", { text: r }))),
      el("h2", { text: `Mentions (${x.mentions.length})` }),
      D.table("event-mentions", ["article", "outlet", "reported", "date", "CAMEO", "how it fits", "", "evidence"], rows),
      el("h2", { text: "Kept apart" }),
      x.apart.length
        ? el("ul", { id: "event-apart" }, ...x.apart.map((a) => el("li", {},
          D.eventLink(a.event.event_id, `${a.event.cameo} ${a.event.cameo_name || ""} ${a.event.date || "undated"}`.replace(/ +/g, " ")), ` (${D.reports(a.event)}): ${a.why}`)))
        : el("p", { class: "muted", id: "event-apart", text: "No other event of the same source and target within a week." }));
  }

  D.views.event = event;
})(window.Dragoman);
