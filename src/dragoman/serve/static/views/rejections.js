// Rejections (#/rejections?stage=&reason=): the inputs that were not coded, why, and how many of each.
"use strict";

(function (D) {
  const { el, api, go } = D;

  async function rejections(params) {
    const f = { stage: params.get("stage") || "", reason: params.get("reason") || "" };
    const offset = Number(params.get("offset") || 0);
    const r = await api("rejections", { ...f, limit: 50, offset });
    const reasons = el("ul", { class: "reason-list", id: "rejection-reasons" }, ...r.reasons.map((x) => {
      const selected = x.stage === f.stage && x.reason === f.reason;
      return el("li", {}, el("a", { href: "#/rejections?" + D.query(selected ? {} : { stage: x.stage, reason: x.reason }), class: selected ? "selected" : null,
        text: `${x.stage}: ${x.reason}` }), " ", el("span", { class: "count", text: x.rejections }));
    }));
    const rows = r.page.items.map((x) => el("tr", {},
      el("td", { text: D.sourceName(x.source) }), el("td", { text: x.stage }), el("td", { text: x.reason }), el("td", { class: "detail", text: x.detail }),
      el("td", { class: "id", text: x.doc_id })));
    D.show(el("h1", { text: "Rejections" + (f.reason ? ` — ${f.stage}: ${f.reason}` : "") }),
      el("p", { class: "muted", text: "Inputs the pipeline did not code, and why (one row per input; coding the same input again replaces its row)." }),
      r.reasons.length ? reasons : el("p", { id: "no-rejections", text: "Nothing was rejected." }),
      D.downloads("rejections", f),
      D.table("rejections", ["input", "stage", "reason", "detail", "id"], rows),
      D.pager(r.page, (o) => go("/rejections", { ...f, offset: o })));
  }

  D.views.rejections = rejections;
})(window.Dragoman);
