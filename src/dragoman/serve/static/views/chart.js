// The time chart of the workbench, hand-written SVG: one bar per period on a true time axis (empty
// periods too), stacked by QuadClass, with the mean Goldstein as a line on the right axis.
// Click a bar segment (or focus a bar and press Enter) to drill down; drag across the plot to zoom.
"use strict";

(function (D) {
  const { svg, el } = D;

  function niceMax(n) {
    if (n <= 5) return Math.max(1, n);
    const p = Math.pow(10, Math.floor(Math.log10(n)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= n) return m * p;
    return 10 * p;
  }
  function periodLabel(period, interval) {
    if (interval === "year") return period.slice(0, 4);
    if (interval === "quarter") return `${period.slice(0, 4)} Q${Math.floor((Number(period.slice(5, 7)) - 1) / 3) + 1}`;
    if (interval === "month") return period.slice(0, 7);
    return period;
  }
  function binText(b, interval, unit) {
    const span = b.period === b.last_day ? b.period : `${b.period} – ${b.last_day}`;
    return `${periodLabel(b.period, interval)} (${span}): ${b.events} ${unit || "events"}\n` +
      [1, 2, 3, 4].map((q) => `${D.QUAD[q]} ${b[D.QUAD_KEYS[q]]}`).join(" · ") + `\nmean Goldstein ${D.fmt(b.mean_goldstein)}`;
  }

  // series: {interval, bins}; opts: {id, label, unit (what the bars count: "events", the default, or "mentions"),
  // onBar(bin, quad|null), onBrush(firstDay, lastDay), height}
  function seriesChart(series, opts) {
    const o = opts || {};
    const unit = o.unit || "events";
    // drawn at the width it is shown at (at most 960), so its text stays readable on a phone
    const room = (document.getElementById("view") || {}).clientWidth || 960;
    const W = Math.max(300, Math.min(960, room - 4)), H = o.height || 300, L = 46, R = 46, T = 26, B = 42;
    const bins = series.bins, n = Math.max(1, bins.length);
    const slot = (W - L - R) / n, bw = Math.max(1, Math.min(40, slot * 0.82));
    const maxN = niceMax(Math.max(1, ...bins.map((b) => b.events)));
    const y = (v) => T + (H - T - B) * (1 - v / maxN);
    const g = (v) => T + (H - T - B) * (1 - (v + 10) / 20);
    const root = svg("svg", { class: "chart series-chart", id: o.id || null, viewBox: `0 0 ${W} ${H}`, width: "100%", role: "group",
      "data-interval": series.interval, "data-bins": bins.length, "data-first": bins.length ? bins[0].period : null, "data-last": bins.length ? bins[bins.length - 1].last_day : null,
      "aria-label": (o.label || `${unit} over time`) + ` per ${series.interval}; drag across the chart to zoom, click a bar for its ${unit}` });
    // axes, grid and ticks
    for (let i = 0; i <= 4; i++) {
      const v = (maxN * i) / 4, yy = y(v);
      root.append(svg("line", { class: "grid", x1: L, y1: yy, x2: W - R, y2: yy }));
      root.append(svg("text", { x: L - 6, y: yy + 4, "text-anchor": "end" }, Number.isInteger(v) ? v : v.toFixed(1)));
    }
    for (const v of [-10, -5, 0, 5, 10]) root.append(svg("text", { x: W - R + 6, y: g(v) + 4 }, (v > 0 ? "+" : v < 0 ? "−" : "") + Math.abs(v)));
    root.append(svg("line", { class: "axis", x1: L, y1: H - B, x2: W - R, y2: H - B }), svg("line", { class: "axis", x1: L, y1: T, x2: L, y2: H - B }),
      svg("line", { class: "axis", x1: W - R, y1: T, x2: W - R, y2: H - B }), svg("line", { class: "zero", x1: L, y1: g(0), x2: W - R, y2: g(0) }));
    root.append(svg("text", { class: "axis-title", x: 4, y: T - 12 }, unit), svg("text", { class: "axis-title", x: W - 4, y: T - 12, "text-anchor": "end" }, "Goldstein"));
    const bars = svg("g", { class: "bars" });
    root.append(bars);
    const every = Math.max(1, Math.ceil(n / Math.max(3, Math.floor((W - L - R) / 90))));
    bins.forEach((b, i) => {
      const x = L + slot * i + (slot - bw) / 2;
      if (b.events) {
        const group = svg("g", { class: "bar", tabindex: 0, role: "link", "data-period": b.period, "data-last": b.last_day, "data-index": i,
          "aria-label": binText(b, series.interval, unit).replace(/\n/g, "; ") });
        let base = 0;
        for (const q of [1, 2, 3, 4]) {
          const v = b[D.QUAD_KEYS[q]];
          if (!v) continue;
          const rect = svg("rect", { x, y: y(base + v), width: bw, height: Math.max(0.5, y(base) - y(base + v)), fill: D.QUAD_COLORS[q], "data-quad": q, "data-index": i });
          group.append(rect);
          base += v;
        }
        group.addEventListener("keydown", (ev) => { if ((ev.key === "Enter" || ev.key === " ") && o.onBar) { ev.preventDefault(); o.onBar(b, null); } });
        group.addEventListener("mouseenter", (ev) => D.showTooltip(binText(b, series.interval, unit), ev));
        group.addEventListener("mousemove", D.moveTooltip);
        group.addEventListener("mouseleave", D.hideTooltip);
        bars.append(group);
      }
      if (i % every === 0) root.append(svg("text", { class: "tick", x: L + slot * (i + 0.5), y: H - B + 15, "text-anchor": "middle" }, periodLabel(b.period, series.interval)));
    });
    // the Goldstein line, broken where a period has no events
    let d = "", pen = false;
    bins.forEach((b, i) => {
      if (b.mean_goldstein === null || b.mean_goldstein === undefined) { pen = false; return; }
      const x = L + slot * (i + 0.5), yy = g(b.mean_goldstein);
      d += `${pen ? "L" : "M"}${x.toFixed(1)},${yy.toFixed(1)} `;
      pen = true;
    });
    if (d) {
      root.append(svg("path", { class: "goldstein-halo", d }), svg("path", { class: "goldstein-line", d }));
      bins.forEach((b, i) => {
        if (b.mean_goldstein !== null && b.mean_goldstein !== undefined) root.append(svg("circle", { class: "goldstein-dot", cx: L + slot * (i + 0.5), cy: g(b.mean_goldstein), r: n > 120 ? 1 : 2.5 }));
      });
    }
    if (!bins.length) root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty" }, `no dated ${unit}`));

    // brushing and clicks: one pointer handler on the plot, so a drag never ends as a bar's click
    const brush = svg("rect", { class: "brush", x: 0, y: T, width: 0, height: H - T - B, visibility: "hidden" });
    root.append(brush);
    function svgX(ev) {
      const m = root.getScreenCTM();
      if (!m) return 0;
      const p = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(m.inverse());
      return Math.max(L, Math.min(W - R, p.x));
    }
    const index = (x) => Math.max(0, Math.min(n - 1, Math.floor((x - L) / slot)));
    let down = null;
    root.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0) return;
      down = { x: svgX(ev), target: ev.target };
      root.setPointerCapture(ev.pointerId);
    });
    root.addEventListener("pointermove", (ev) => {
      if (!down) return;
      const x = svgX(ev), a = Math.min(down.x, x), w = Math.abs(x - down.x);
      if (w > 4) { brush.setAttribute("x", a); brush.setAttribute("width", w); brush.setAttribute("visibility", "visible"); D.hideTooltip(); }
    });
    root.addEventListener("pointerup", (ev) => {
      if (!down) return;
      const x = svgX(ev), start = down;
      down = null;
      brush.setAttribute("visibility", "hidden");
      if (Math.abs(x - start.x) > 6 && o.onBrush && bins.length) {
        const i = index(Math.min(start.x, x)), j = index(Math.max(start.x, x));
        o.onBrush(bins[i].period, bins[j].last_day);
        return;
      }
      const t = start.target;
      if (o.onBar && t && t.getAttribute && t.getAttribute("data-index") !== null) {
        const b = bins[Number(t.getAttribute("data-index"))];
        const quad = t.getAttribute("data-quad");
        if (b && b.events) o.onBar(b, quad ? Number(quad) : null);
      }
    });
    return root;
  }

  // A titled chart with its legend and an optional note.
  function chartFigure(title, chart, note) {
    return el("figure", { class: "chart-figure" }, el("figcaption", {}, el("strong", { text: title }), note ? el("span", { class: "muted", text: " " + note }) : null),
      chart, D.quadLegend());
  }

  Object.assign(D, { seriesChart, chartFigure, periodLabel });
})(window.Dragoman);
