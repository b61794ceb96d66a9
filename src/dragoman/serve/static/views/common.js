// Shared parts of the workbench views: colours, the actor picker, the event filter form, the
// event-type picker, country names. Adds them to window.Dragoman (see app.js).
"use strict";

(function (D) {
  const { el, api } = D;

  // Okabe–Ito colours, distinguishable with every common colour-vision deficiency:
  // cooperation in blues, conflict in orange and vermillion; verbal light, material dark.
  const QUAD_COLORS = { 1: "#56B4E9", 2: "#0072B2", 3: "#E69F00", 4: "#D55E00" };
  const QUAD_KEYS = { 1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict" };

  // Mean Goldstein (−10 … +10) on a diverging vermillion – grey – blue scale (colour-blind safe).
  function goldsteinColor(g) {
    const t = Math.max(-1, Math.min(1, (Number(g) || 0) / 10));
    const mid = [187, 187, 187], neg = [213, 94, 0], pos = [0, 114, 178];
    const to = t < 0 ? neg : pos, f = Math.abs(t);
    const c = mid.map((m, i) => Math.round(m + (to[i] - m) * f));
    return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
  }
  function goldsteinLegend(id) {
    const bar = el("span", { class: "gradient" });
    bar.style.background = `linear-gradient(to right, ${goldsteinColor(-10)}, ${goldsteinColor(0)}, ${goldsteinColor(10)})`;
    return el("p", { class: "legend goldstein-legend", id: id || null }, "mean Goldstein: ", el("span", { text: "−10 conflict " }), bar, el("span", { text: " +10 cooperation" }));
  }
  function quadLegend() {
    return el("p", { class: "legend quad-legend" }, ...[1, 2, 3, 4].map((q) => {
      const sw = el("span", { class: "swatch" });
      sw.style.background = QUAD_COLORS[q];
      return el("span", { class: "legend-item" }, sw, D.QUAD[q]);
    }), el("span", { class: "legend-item" }, el("span", { class: "swatch line" }), "mean Goldstein (right axis)"));
  }

  // ---- actor picker: a text input whose suggestions come from /api/actors?q= -------------------
  let pickers = 0;
  function actorInput(attrs) {
    const id = "actor-options-" + (++pickers);
    const input = el("input", { type: "text", autocomplete: "off", spellcheck: "false", ...attrs, list: id, "data-picker": "actor" });
    const list = el("datalist", { id });
    let timer = null, asked = "";
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (!q || q === asked) return;
      timer = setTimeout(async () => {
        asked = q;
        let hits = [];
        try { hits = await api("actors", { q, limit: 12 }); } catch (err) { return; }
        list.replaceChildren(...hits.map((h) => el("option", { value: h.code, label: `${h.name || h.code} · ${h.code} · ${h.mentions} mentions` })));
      }, 180);
    });
    const wrap = el("span", { class: "picker" }, input, list);
    return wrap;
  }

  // ---- countries: names and ISO numeric codes, read once ------------------------------------------
  let countries = null;
  async function countryNames() {
    if (!countries) countries = api("countries").then((rows) => {
      const byIso3 = new Map(), byNumeric = new Map();
      for (const c of rows) { byIso3.set(c.iso3, c); if (c.numeric) byNumeric.set(c.numeric, c); }
      return { byIso3, byNumeric };
    });
    return countries;
  }

  // A text input for an ISO alpha-3 country code, suggesting every country by name.
  function countryInput(attrs) {
    const id = "country-options-" + (++pickers);
    const input = el("input", { type: "text", autocomplete: "off", spellcheck: "false", ...attrs, list: id, "data-picker": "country" });
    const list = el("datalist", { id });
    countryNames().then((c) => list.replaceChildren(...[...c.byIso3.values()].map((x) => el("option", { value: x.iso3, label: x.name })))).catch(() => {});
    return el("span", { class: "picker" }, input, list);
  }

  // ---- event types: the CAMEO tree and PLOVER types as one picker ----------------------------------
  let types = null;
  async function eventTypes() {
    if (!types) types = api("event-types");
    return types;
  }
  // A <select name="type"> over PLOVER types and the CAMEO tree; its value is plover:X, root:NN or code:NNN.
  function typeSelect(catalogue, current) {
    const select = el("select", { name: "type", id: "type-picker", "aria-label": "event type" }, el("option", { value: "", text: "any" }));
    const plover = el("optgroup", { label: "PLOVER types" }, ...catalogue.plover.map((p) =>
      el("option", { value: "plover:" + p.name, selected: current === "plover:" + p.name, text: `${p.name} (${p.events})` })));
    select.append(plover);
    let group = null;
    for (const t of catalogue.cameo) {
      if (t.code.length === 2) {
        group = el("optgroup", { label: `CAMEO ${t.code} ${t.name}` });
        group.append(el("option", { value: "root:" + t.code, selected: current === "root:" + t.code, text: `${t.code} ${t.name}, all (${t.events})` }));
        select.append(group);
      } else if (group) {
        const indent = t.code.length === 4 ? "\u00a0\u00a0\u00a0\u00a0" : "\u00a0\u00a0";
        group.append(el("option", { value: "code:" + t.code, selected: current === "code:" + t.code, text: `${indent}${t.code} ${t.name} (${t.events})` }));
      }
    }
    return select;
  }
  function typeValue(params) {
    for (const k of ["plover", "code", "root"]) if (params[k]) return k + ":" + params[k];
    return "";
  }
  // Form values with the picker's type:value turned back into the API's parameter.
  function splitType(values) {
    const out = { ...values };
    delete out.type;
    delete out.plover; delete out.code; delete out.root;
    if (values.type) { const [k, v] = values.type.split(":"); out[k] = v; }
    return out;
  }

  // ---- the event filter form ------------------------------------------------------------------
  const EVENT_PARAMS = ["actor", "source", "target", "country", "code", "root", "plover", "quad_class", "start", "end", "place", "article_id"];
  function eventParams(params) {
    const out = {};
    for (const k of EVENT_PARAMS) { const v = params.get(k); if (v) out[k] = v; }
    return out;
  }
  // fields: which inputs to show; onSubmit gets the filter (with type:value split back).
  async function eventFilterForm(id, current, fields, onSubmit, extra) {
    const catalogue = fields.includes("type") ? await eventTypes() : null;
    const inputs = {
      actor: () => el("label", {}, "actor", actorInput({ name: "actor", value: current.actor || "", size: 9, maxlength: 40, placeholder: "code or name" })),
      source: () => el("label", {}, "source", actorInput({ name: "source", value: current.source || "", size: 9, maxlength: 40 })),
      target: () => el("label", {}, "target", actorInput({ name: "target", value: current.target || "", size: 9, maxlength: 40 })),
      country: () => el("label", {}, "country", countryInput({ name: "country", value: current.country || "", size: 6, maxlength: 40, placeholder: "ISO3" })),
      type: () => el("label", {}, "event type", typeSelect(catalogue, typeValue(current))),
      quad_class: () => el("label", {}, "QuadClass", el("select", { name: "quad_class" }, el("option", { value: "", text: "any" }),
        ...[1, 2, 3, 4].map((q) => el("option", { value: q, selected: String(q) === String(current.quad_class || ""), text: `${q} ${D.QUAD[q]}` })))),
      start: () => el("label", {}, "from", el("input", { name: "start", type: "date", value: current.start || "" })),
      end: () => el("label", {}, "to", el("input", { name: "end", type: "date", value: current.end || "" })),
      place: () => el("label", {}, "place", el("input", { name: "place", value: current.place || "", size: 9, maxlength: 200 })),
    };
    const form = el("form", { class: "filters", id }, ...fields.map((f) => inputs[f]()), ...(extra || []), el("button", { type: "submit", text: "Apply" }));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); onSubmit(splitType(D.formValues(form))); });
    return form;
  }
  // What a filter says, in words, for headings.
  function filterWords(f) {
    const parts = [];
    for (const [k, v] of Object.entries(f)) if (v && !["offset", "sort", "interval", "level", "top", "side"].includes(k)) parts.push(`${k.replace("_", " ")} ${v}`);
    return parts.join(" · ");
  }

  Object.assign(D, {
    QUAD_COLORS, QUAD_KEYS, goldsteinColor, goldsteinLegend, quadLegend, actorInput, countryInput, countryNames, eventTypes, eventFilterForm, eventParams,
    EVENT_PARAMS, filterWords, splitType,
  });
})(window.Dragoman);
