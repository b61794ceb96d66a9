// Map (#/map?side=place): events by country (a choropleth over Natural Earth's outlines, vendored
// with topojson-client) and by place (points at the gazetteer's coordinates). No tiles, no network:
// the outlines are drawn as SVG in the Equal Earth projection. Click a country or a point for its events.
"use strict";

(function (D) {
  const { el, svg, api, go } = D;
  // viridis, light to dark: more events, darker (readable in grey and by every colour vision)
  const VIRIDIS = ["#fde725", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154"];
  const W = 960, H = 470;

  let world = null;
  function outlines() {
    if (!world) world = fetch("/static/vendor/countries-110m.json").then((r) => r.json()).then((t) => topojson.feature(t, t.objects.countries));
    return world;
  }

  // Equal Earth (Šavrič, Patterson, Jenny 2018), scaled into the W × H box.
  const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;
  const XMAX = 2.7063, YMAX = 1.3174, S = Math.min((W - 10) / (2 * XMAX), (H - 10) / (2 * YMAX));
  function project(lon, lat) {
    const l = (lon * Math.PI) / 180, p = (lat * Math.PI) / 180;
    const t = Math.asin(M * Math.sin(p)), t2 = t * t, t6 = t2 * t2 * t2;
    const x = (l * Math.cos(t)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
    const y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    return [W / 2 + S * x, H / 2 - S * y];
  }
  function ringPath(ring, shift) {
    let d = "";
    ring.forEach(([lon, lat], i) => { const [x, y] = project(lon + shift, lat); d += `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`; });
    return d + "Z";
  }
  // A ring that crosses the antimeridian (Russia's far east, Alaska's islands, Fiji) is made continuous and
  // drawn twice, once on each side; the sphere's clip path cuts off what falls outside the map.
  function pathOf(geometry) {
    if (!geometry) return "";
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    let d = "";
    for (const polygon of polygons) for (const ring of polygon) {
      let offset = 0, crosses = false;
      const continuous = ring.map(([lon, lat], i) => {
        if (i && Math.abs(lon - ring[i - 1][0]) > 180) { offset += lon < ring[i - 1][0] ? 360 : -360; crosses = true; }
        return [lon + offset, lat];
      });
      const lons = continuous.map((c) => c[0]), low = Math.min(...lons), high = Math.max(...lons);
      if (!crosses || high - low >= 359 || offset !== 0) { d += ringPath(ring, 0); continue; }
      d += ringPath(continuous, 0) + ringPath(continuous, high > 180 ? -360 : 360);
    }
    return d;
  }
  function classes(max) {
    // class breaks on a log scale, so one busy country does not wash out the rest
    const breaks = [];
    for (let i = 1; i < VIRIDIS.length; i++) breaks.push(Math.max(1, Math.round(Math.exp((Math.log(max + 1) * i) / VIRIDIS.length) - 1)));
    return (n) => { let k = 0; while (k < breaks.length && n > breaks[k]) k++; return k; };
  }

  async function map(params) {
    const f = D.eventParams(params);
    const side = params.get("side") || "place";
    const unit = D.unitOf(params), u = { unit: D.unitParam(unit) };
    const form = await D.eventFilterForm("map-filters", f, ["start", "end", "actor", "type"], (values) => go("/map", { ...values, unit: D.unitParam(values.unit) }),
      [el("label", {}, "countries by", el("select", { name: "side" }, ...[["place", "where it happened"], ["source", "source's country"], ["target", "target's country"]]
        .map(([v, t]) => el("option", { value: v, selected: v === side, text: t })))), D.unitSelect(unit)]);
    const [data, shapes, names] = await Promise.all([api("map", { ...f, side, unit }), outlines(), D.countryNames()]);
    const counts = new Map(data.countries.map((c) => [c.country, c]));
    const max = Math.max(1, ...data.countries.map((c) => c.events));
    const klass = classes(max);
    const drill = (iso3) => go("/events", { ...f, ...u, [side]: iso3 });
    const root = svg("svg", { class: "map", id: "world-map", viewBox: `0 0 ${W} ${H}`, width: "100%", role: "group", "aria-label": "events by country and place" });
    const clip = svg("clipPath", { id: "sphere-clip" }, undefined);
    clip.append(svg("path", { d: sphere() }));
    root.append(svg("defs", {}), svg("path", { class: "sphere", d: sphere() }));
    root.firstChild.append(clip);
    const land = svg("g", { "clip-path": "url(#sphere-clip)" });
    root.append(land);
    const drawn = new Set();
    for (const feature of shapes.features) {
      const c = feature.id ? names.byNumeric.get(String(feature.id).padStart(3, "0")) : null;
      const iso3 = c ? c.iso3 : null;
      const hit = iso3 ? counts.get(iso3) : null;
      const label = `${c ? c.name : feature.properties.name}${iso3 ? " (" + iso3 + ")" : ""}: ${hit ? hit.events + " events, mean Goldstein " + D.fmt(hit.mean_goldstein) : "no events"}`;
      const path = svg("path", { class: hit ? "country has-events" : "country", d: pathOf(feature.geometry), fill: hit ? VIRIDIS[klass(hit.events)] : "#e5e7eb",
        "data-iso3": iso3, tabindex: hit ? 0 : null, role: hit ? "link" : null, "aria-label": hit ? label : null });
      path.addEventListener("mouseenter", (ev) => D.showTooltip(label, ev));
      path.addEventListener("mousemove", D.moveTooltip);
      path.addEventListener("mouseleave", D.hideTooltip);
      if (hit) {
        drawn.add(iso3);
        path.addEventListener("click", () => drill(iso3));
        path.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); drill(iso3); } });
      }
      land.append(path);
    }
    const maxPlace = Math.max(1, ...data.places.map((x) => x.events));
    for (const place of data.places) {
      const [x, y] = project(place.lon, place.lat);
      const label = `${place.name}${place.country ? ", " + place.country : ""}: ${place.events} events, mean Goldstein ${D.fmt(place.mean_goldstein)}`;
      const dot = svg("circle", { class: "place", cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 9 * Math.sqrt(place.events / maxPlace)).toFixed(1),
        tabindex: 0, role: "link", "aria-label": label, "data-place": place.name });
      const open = () => go("/events", { ...f, ...u, place: place.name });
      dot.addEventListener("click", open);
      dot.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(); } });
      dot.addEventListener("mouseenter", (ev) => D.showTooltip(label, ev));
      dot.addEventListener("mousemove", D.moveTooltip);
      dot.addEventListener("mouseleave", D.hideTooltip);
      root.append(dot);
    }
    const legend = el("p", { class: "legend map-legend" }, "events: ", ...VIRIDIS.map((color, i) => {
      const sw = el("span", { class: "swatch" });
      sw.style.background = color;
      return el("span", { class: "legend-item" }, sw, i === 0 ? "fewest" : i === VIRIDIS.length - 1 ? `most (${max})` : "");
    }), el("span", { class: "legend-item" }, el("span", { class: "swatch place-swatch" }), "a place (size: events)"));
    const unmapped = data.countries.filter((c) => !drawn.has(c.country));
    const rows = data.countries.map((c) => el("tr", {},
      el("td", {}, el("a", { href: "#/events?" + D.query({ ...f, ...u, [side]: c.country }), text: (names.byIso3.get(c.country) || { name: c.country }).name })),
      el("td", { text: c.country }), el("td", { class: "num", text: c.events }), el("td", { class: "num", text: D.fmt(c.mean_goldstein) })));
    const placeRows = data.places.map((x) => el("tr", {},
      el("td", {}, el("a", { href: "#/events?" + D.query({ ...f, ...u, place: x.name }), text: x.name })), el("td", { text: x.country || "" }),
      el("td", { class: "num", text: x.events }), el("td", { text: `${x.lat.toFixed(2)}, ${x.lon.toFixed(2)}` })));
    D.show(el("h1", { text: "Map" }), form,
      el("p", { class: "muted", id: "map-note", text: `${data.events} events; ${data.located} of them at a place with coordinates. ` +
        (unmapped.length ? `Not on the outlines (too small at this scale): ${unmapped.map((c) => c.country).join(", ")}.` : "") }),
      el("div", { class: "map-box" }, root), legend,
      el("div", { class: "cards" },
        el("section", { class: "card" }, el("h2", { text: "By country" }), D.table("map-countries", ["country", "ISO", "events", "mean Goldstein"], rows)),
        el("section", { class: "card" }, el("h2", { text: "By place" }), D.table("map-places", ["place", "country", "events", "lat, lon"], placeRows))),
      el("p", { class: "muted small", text: "Country outlines: Natural Earth 1:110m (public domain), via world-atlas 2.0.2." }));
  }
  function sphere() {
    let d = "";
    for (let lat = -90; lat <= 90; lat += 5) { const [x, y] = project(-180, lat); d += `${d ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`; }
    for (let lat = 90; lat >= -90; lat -= 5) { const [x, y] = project(180, lat); d += `L${x.toFixed(1)},${y.toFixed(1)}`; }
    return d + "Z";
  }

  D.views.map = map;
})(window.Dragoman);
