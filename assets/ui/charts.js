// mlrun's charts: an ES module app.js imports. Plain SVG built node by node (text through text
// nodes only), redrawn at its container's width (ResizeObserver), so nothing is drawn past a card's
// edge. Axes use "nice" ticks (1, 2, 2.5, 5 x 10^n; whole numbers on a step axis; calendar and
// duration steps on time axes). Line charts have hover tooltips (run, step, time, value),
// drag-to-zoom with double-click (or Escape) to reset, legend buttons that toggle and highlight
// series, smoothing, log scale, and downloads as SVG, PNG and CSV.
'use strict';

const SVGNS = 'http://www.w3.org/2000/svg';

// ---------- colours ----------
// Twenty distinguishable colours (Tableau 10 and its light pairs reordered so neighbours differ),
// then golden-angle hues for runs past twenty.
const BASE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf', '#393b79', '#e6550d', '#31a354', '#ad494a', '#6b6ecf', '#d6616b', '#637939',
  '#843c39', '#7b4173', '#3182bd'];
export function color(i) {
  if (i < BASE.length) return BASE[i];
  const hue = Math.round((i * 137.508) % 360);
  const light = 35 + (i % 3) * 10;
  return `hsl(${hue}, 65%, ${light}%)`;
}

// ---------- DOM ----------
function el(ns, tag, attrs, kids) {
  const e = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of (kids || []).flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
const sv = (tag, attrs, ...kids) => el(SVGNS, tag, attrs, kids);
const ht = (tag, attrs, ...kids) => el(null, tag, attrs, kids);

// ---------- numbers ----------
// The nice step nearest to span/count: 1, 2, 2.5 or 5 times a power of ten.
export function niceStep(span, count) {
  if (!(span > 0) || !isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / mag;
  const m = f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
  return m * mag;
}
// Decimals that show every multiple of a nice `step` exactly (2.5e-3 needs four).
function decimalsOf(step) {
  const e = Math.floor(Math.log10(step) + 1e-9);
  const m = Number((step / Math.pow(10, e)).toPrecision(6));
  return Math.max(0, -e + (m === 2.5 ? 1 : 0));
}
// Ticks inside [lo, hi]: multiples of a nice step. `integer` keeps the step a whole number.
export function niceTicks(lo, hi, count, integer) {
  let step = niceStep(hi - lo, count);
  if (integer) step = Math.max(1, step === 2.5 ? 2 : Math.round(step));
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const d = decimalsOf(step);
  const big = Math.max(Math.abs(lo), Math.abs(hi));
  const ticks = [];
  for (let k = first; k <= last && ticks.length < 100; k++) {
    const v = Number((k * step).toPrecision(12));
    ticks.push({ v, label: fmtTick(v, d, big) });
  }
  return { ticks, step: Number(step.toPrecision(12)) };
}
function fmtTick(v, decimals, big) {
  if (v === 0) return '0';
  // Exponent form (its mantissa exact: 2.5e-7, 1e+8) for very large or very small ranges.
  if (big >= 1e7 || big < 1e-3) return String(Number(v.toPrecision(12))).includes('e') ? String(Number(v.toPrecision(12))) : v.toExponential();
  return v.toFixed(decimals);
}
// Powers of ten (and 2, 5 between them when the range is short) on a log axis; lo/hi are log10.
export function logTicks(lo, hi) {
  const ticks = [];
  const a = Math.floor(lo); const b = Math.ceil(hi);
  const mults = b - a <= 2 ? [1, 2, 5] : [1];
  const every = Math.max(1, Math.ceil((b - a) / 8));
  for (let e = a; e <= b; e++) {
    if ((e - a) % every) continue;
    for (const m of mults) {
      const v = m * Math.pow(10, e); const lv = Math.log10(v);
      if (lv < lo - 1e-9 || lv > hi + 1e-9) continue;
      ticks.push({ v: lv, label: Number(v.toPrecision(6)) >= 1e5 || v < 1e-3 ? `${m === 1 ? '' : m + '×'}1e${e}` : String(Number(v.toPrecision(6))) });
    }
  }
  return { ticks, step: null };
}

// ---------- time ----------
const SEC = 1000; const MIN = 60 * SEC; const HOUR = 60 * MIN; const DAY = 24 * HOUR;
const TIME_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, SEC, 2 * SEC, 5 * SEC, 10 * SEC, 15 * SEC, 30 * SEC,
  MIN, 2 * MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY];
function timeStep(span, count) {
  const raw = span / Math.max(1, count);
  return TIME_STEPS.find((s) => s >= raw) || niceStep(span, count);
}
const pad = (n, w) => String(n).padStart(w || 2, '0');
// A duration as people write it: 1m30s, 2h, 1d6h, 250ms.
export function fmtDuration(ms) {
  if (ms === 0) return '0';
  const neg = ms < 0; ms = Math.abs(ms);
  let out;
  if (ms < SEC) out = `${Math.round(ms)}ms`;
  else if (ms < MIN) out = `${Number((ms / SEC).toFixed(3))}s`;
  else if (ms < HOUR) out = `${Math.floor(ms / MIN)}m` + (ms % MIN ? `${Math.round(ms % MIN / SEC)}s` : '');
  else if (ms < DAY) out = `${Math.floor(ms / HOUR)}h` + (ms % HOUR ? `${Math.round(ms % HOUR / MIN)}m` : '');
  else out = `${Math.floor(ms / DAY)}d` + (ms % DAY ? `${Math.round(ms % DAY / HOUR)}h` : '');
  return (neg ? '-' : '') + out;
}
// Relative time (ms since each run's first point): duration ticks.
export function durationTicks(lo, hi, count) {
  const step = timeStep(hi - lo, count);
  const ticks = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9 && ticks.length < 100; k++) ticks.push({ v: k * step, label: fmtDuration(k * step) });
  return { ticks, step };
}
// Wall-clock time (epoch ms, local time): steps aligned to the local clock and calendar.
export function wallTicks(lo, hi, count) {
  const step = timeStep(hi - lo, count);
  const off = new Date(lo).getTimezoneOffset() * MIN;
  const ticks = [];
  const dayStart = (t) => { const d = new Date(t); d.setHours(0, 0, 0, 0); return d.getTime(); };
  for (let k = Math.ceil((lo - off) / step - 1e-9); ticks.length < 100; k++) {
    const t = step >= DAY ? dayStart(k * step + off) : k * step + off;
    if (t > hi) break;
    if (t < lo) continue;
    ticks.push({ v: t, label: fmtWall(t, step, hi - lo) });
  }
  return { ticks, step };
}
export function fmtWall(t, step, span) {
  const d = new Date(t);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (step === undefined) return `${date} ${hm}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  if (step >= DAY) return date.slice(5);
  const sec = step < MIN ? `:${pad(d.getSeconds())}` : '';
  const ms = step < SEC ? `.${pad(d.getMilliseconds(), 3)}` : '';
  const day = span >= DAY || (d.getHours() === 0 && d.getMinutes() === 0 && step >= HOUR) ? `${date.slice(5)} ` : '';
  return day + hm + sec + ms;
}
// A value for tooltips and tables: six significant digits, exponent outside [1e-4, 1e6).
export function fmtValue(v) {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') v = Number(v);
  if (!isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e6) return String(Number(v.toPrecision(6)));
  return v.toExponential(4);
}

// ---------- shared pieces ----------
function ticksFor(kind, lo, hi, count) {
  if (kind === 'step') return niceTicks(lo, hi, count, true);
  if (kind === 'relative') return durationTicks(lo, hi, count);
  if (kind === 'wall') return wallTicks(lo, hi, count);
  if (kind === 'log') return logTicks(lo, hi);
  return niceTicks(lo, hi, count, false);
}
function xLabel(kind) {
  return kind === 'step' ? 'step' : kind === 'relative' ? 'time since the run\'s first point' : kind === 'wall' ? 'wall time' : '';
}
// Pads a range so lines do not sit on the frame; a single value gets a unit-wide range.
function padRange(lo, hi, frac) {
  if (lo === hi) { const d = lo === 0 ? 1 : Math.abs(lo) * 0.1; return [lo - d, hi + d]; }
  const p = (hi - lo) * frac;
  return [lo - p, hi + p];
}
function estWidth(text) { return 6.2 * String(text).length; }

// A card's frame: title, buttons, the plot area (its width drives the SVG), tooltip and legend.
function frame(title, opts) {
  const plot = ht('div', { class: 'chart-plot' });
  const tip = ht('div', { class: 'chart-tip', role: 'status', hidden: true });
  const tools = ht('div', { class: 'chart-tools' });
  const card = ht('div', { class: 'card chart-card', 'data-chart': opts.kind, 'data-metric': title },
    ht('div', { class: 'chart-head' }, ht('h3', {}, title), tools), plot, tip);
  return { card, plot, tip, tools };
}
function addDownloads(f, name, svgOf, csvOf) {
  const safe = String(name).replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'chart';
  f.tools.append(
    ht('button', { type: 'button', class: 'dl-svg', title: 'Download as SVG', onclick: () => save(`${safe}.svg`, new Blob([svgText(svgOf())], { type: 'image/svg+xml' })) }, 'SVG'),
    ht('button', { type: 'button', class: 'dl-png', title: 'Download as PNG', onclick: () => savePng(svgOf(), `${safe}.png`) }, 'PNG'),
    ht('button', { type: 'button', class: 'dl-csv', title: 'Download the data as CSV', onclick: () => save(`${safe}.csv`, new Blob([csvOf()], { type: 'text/csv' })) }, 'CSV'));
}
// Charts built but not yet drawn (their container had no width yet); drawPending() draws those now
// in the page, so a page's charts exist as soon as it is mounted.
const pending = new Map();
export function drawPending() {
  for (const [run, plot] of Array.from(pending)) { if (plot.isConnected) run(); else pending.delete(run); }
}
// Re-draws into `plot` whenever its width changes.
function responsive(plot, draw) {
  let last = -1; let queued = false;
  const run = () => {
    queued = false;
    if (!plot.isConnected) return;
    const w = Math.floor(plot.clientWidth);
    if (w <= 0 || w === last) return;
    last = w;
    pending.delete(run);
    draw(w);
  };
  const ro = new ResizeObserver(() => { if (!queued) { queued = true; requestAnimationFrame(run); } });
  ro.observe(plot);
  pending.set(run, plot);
  return { now: () => { last = -1; run(); } };
}
// Keeps tick labels inside the SVG: a label running past either edge is anchored to that edge.
function clampLabels(svg, W) {
  for (const t of svg.querySelectorAll('text')) {
    let b;
    try { b = t.getBBox(); } catch (e) { continue; }
    if (b.width === 0) continue;
    if (b.x + b.width > W - 1) { t.setAttribute('x', W - 1); t.setAttribute('text-anchor', 'end'); } else if (b.x < 1) { t.setAttribute('x', 1); t.setAttribute('text-anchor', 'start'); }
  }
}

// ---------- downloads ----------
function svgText(svg) {
  const copy = svg.cloneNode(true);
  copy.setAttribute('xmlns', SVGNS);
  // Computed styles inlined, so the file looks like the page without its stylesheet.
  const src = svg.querySelectorAll('*'); const dst = copy.querySelectorAll('*');
  src.forEach((n, i) => {
    const cs = getComputedStyle(n);
    const st = [];
    for (const p of ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'display']) st.push(`${p}:${cs.getPropertyValue(p)}`);
    dst[i].setAttribute('style', st.join(';'));
  });
  const bg = getComputedStyle(svg.closest('.card') || document.body).backgroundColor;
  copy.insertBefore(document.createElementNS(SVGNS, 'rect'), copy.firstChild);
  const r = copy.firstChild; r.setAttribute('width', '100%'); r.setAttribute('height', '100%'); r.setAttribute('fill', bg);
  return new XMLSerializer().serializeToString(copy);
}
function save(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = ht('a', { href: url, download: name });
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
function savePng(svg, name) {
  const vb = svg.viewBox.baseVal; const scale = 2;
  const img = new Image();
  img.onload = () => {
    const c = ht('canvas', { width: vb.width * scale, height: vb.height * scale });
    const g = c.getContext('2d'); g.scale(scale, scale); g.drawImage(img, 0, 0);
    c.toBlob((b) => save(name, b), 'image/png');
  };
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgText(svg));
}
function csvCell(v) {
  const t = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}
export function toCsv(rows) { return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n'; }

// ---------- smoothing ----------
// TensorBoard's debiased exponential moving average over points [x, y, ...].
export function smooth(points, w) {
  if (!w) return points;
  let last = 0; let n = 0;
  return points.map((p) => {
    const y = p[1];
    if (!isFinite(y)) return p;
    last = last * w + (1 - w) * y; n++;
    const q = p.slice(); q[1] = last / (1 - Math.pow(w, n)); return q;
  });
}

// ---------- line chart ----------
// series: [{id, label, color, points: [[step, timestamp, value]]}] (points as the histories API
// returns them). opts: {x: 'step' | 'relative' | 'wall', log, smooth, height}.
export function lineChart(title, series, opts) {
  opts = Object.assign({ x: 'step', log: false, smooth: 0, height: 260 }, opts, { kind: 'line' });
  const f = frame(title, opts);
  const H = opts.height; const T = 10; const R = 14; const B = 34;
  // Series hidden from the legend, and (when set) the only runs to show (a brush elsewhere).
  const hidden = new Set(); let only = null; let zoom = null; let hot = null; let cursor = null;
  const off = (id) => hidden.has(id) || (only !== null && !only.has(id));
  const prepared = series.map((s) => {
    const t0 = s.points.length ? Math.min(...s.points.map((p) => p[1])) : 0;
    let pts = s.points.map(([step, ts, v]) => {
      const x = opts.x === 'step' ? step : opts.x === 'relative' ? ts - t0 : ts;
      return [x, Number(v), step, ts, Number(v)];
    });
    pts.sort((a, b) => a[0] - b[0]);
    pts = smooth(pts, opts.smooth);
    return Object.assign({}, s, { pts });
  });
  const yv = (y) => (opts.log ? (y > 0 ? Math.log10(y) : NaN) : y);
  let svg = null; let geo = null;

  const extent = (x0, x1) => {
    let a = Infinity; let b = -Infinity; let c = Infinity; let d = -Infinity;
    for (const s of prepared) {
      if (off(s.id)) continue;
      for (const p of s.pts) {
        const y = yv(p[1]);
        if (!isFinite(p[0]) || !isFinite(y)) continue;
        if (x0 !== undefined && (p[0] < x0 || p[0] > x1)) continue;
        a = Math.min(a, p[0]); b = Math.max(b, p[0]); c = Math.min(c, y); d = Math.max(d, y);
      }
    }
    return [a, b, c, d];
  };

  const draw = (W) => {
    const [a, b, c, d] = extent(zoom ? zoom[0] : undefined, zoom ? zoom[1] : undefined);
    const next = sv('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, width: '100%', height: H, tabindex: 0, role: 'img', 'aria-label': `${title}: line chart`, 'data-metric': title, 'data-zoomed': zoom ? '1' : null });
    if (svg) svg.replaceWith(next); else f.plot.appendChild(next);
    svg = next;
    if (!(a <= b)) { svg.appendChild(sv('text', { x: 10, y: 20 }, 'no points to draw')); geo = null; return; }
    let [x0, x1] = zoom || (a === b ? padRange(a, b, 0) : [a, b]);
    if (opts.x === 'step' && x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
    const [y0, y1] = opts.log ? [c === d ? c - 0.5 : c, c === d ? d + 0.5 : d] : padRange(c, d, 0.04);
    const yt = ticksFor(opts.log ? 'log' : 'linear', y0, y1, Math.max(2, Math.floor((H - T - B) / 45)));
    const L = Math.ceil(Math.max(30, ...yt.ticks.map((t) => estWidth(t.label))) + 10);
    const xt = ticksFor(opts.x, x0, x1, Math.max(2, Math.min(10, Math.floor((W - L - R) / 100))));
    const sx = (x) => L + (x - x0) / (x1 - x0) * (W - L - R);
    const sy = (y) => T + (1 - (y - y0) / (y1 - y0)) * (H - T - B);
    geo = { L, R, T, B, W, x0, x1, y0, y1, sx, sy };
    const clipId = 'clip-' + Math.random().toString(36).slice(2);
    svg.appendChild(sv('defs', {}, sv('clipPath', { id: clipId }, sv('rect', { x: L, y: T, width: W - L - R, height: H - T - B }))));
    const yAxis = sv('g', { class: 'y-axis' }); const xAxis = sv('g', { class: 'x-axis', 'data-kind': opts.x });
    for (const t of yt.ticks) {
      const y = sy(t.v);
      yAxis.appendChild(sv('line', { class: 'grid', x1: L, x2: W - R, y1: y, y2: y }));
      yAxis.appendChild(sv('text', { class: 'tick', x: L - 5, y: y + 3.5, 'text-anchor': 'end', 'data-value': opts.log ? Math.pow(10, t.v) : t.v }, t.label));
    }
    for (const t of xt.ticks) {
      const x = sx(t.v);
      xAxis.appendChild(sv('line', { class: 'grid', x1: x, x2: x, y1: T, y2: H - B }));
      xAxis.appendChild(sv('text', { class: 'tick', x, y: H - B + 14, 'text-anchor': 'middle', 'data-value': t.v }, t.label));
    }
    xAxis.appendChild(sv('text', { class: 'axis-label', x: W - R, y: H - 3, 'text-anchor': 'end' }, xLabel(opts.x) + (opts.log ? ' · log y' : '') + (opts.smooth ? ` · EMA ${opts.smooth}` : '')));
    // The frame carries its data range, so a test (or a user's script) can map values to pixels.
    svg.append(yAxis, xAxis, sv('rect', { class: 'axis frame', x: L, y: T, width: W - L - R, height: H - T - B, fill: 'none', 'data-x0': x0, 'data-x1': x1, 'data-y0': y0, 'data-y1': y1 }));
    const lines = sv('g', { class: 'lines', 'clip-path': `url(#${clipId})` });
    for (const s of prepared) {
      if (off(s.id)) continue;
      let path = ''; let pen = false; let n = 0; let lone = null;
      // Inside a zoom, the points in range and one on either side (the clip hides the rest).
      let i0 = 0; let i1 = s.pts.length - 1;
      if (zoom) {
        while (i0 < s.pts.length && s.pts[i0][0] < x0) i0++;
        while (i1 >= 0 && s.pts[i1][0] > x1) i1--;
        i0 = Math.max(0, i0 - 1); i1 = Math.min(s.pts.length - 1, i1 + 1);
      }
      // More points than pixels: per pixel column, the first, lowest, highest and last points
      // (in x order), which draws the same picture from far fewer segments.
      const dense = i1 - i0 > 2 * (W - L - R);
      let col = null; let bucket = [];
      const flush = () => {
        if (!bucket.length) return;
        const lo = bucket.reduce((a, b) => (b[1] < a[1] ? b : a)); const hi = bucket.reduce((a, b) => (b[1] > a[1] ? b : a));
        const keep = Array.from(new Set([bucket[0], lo, hi, bucket[bucket.length - 1]])).sort((a, b) => a[0] - b[0]);
        for (const [px, py] of keep) { path += (pen ? 'L' : 'M') + px.toFixed(1) + ',' + py.toFixed(1); pen = true; }
        bucket = [];
      };
      for (let i = i0; i <= i1; i++) {
        const p = s.pts[i]; const y = yv(p[1]);
        if (!isFinite(p[0]) || !isFinite(y)) { flush(); pen = false; continue; }
        n++; lone = [p[0], y];
        const px = sx(p[0]); const py = sy(y);
        if (!dense) { path += (pen ? 'L' : 'M') + px.toFixed(1) + ',' + py.toFixed(1); pen = true; continue; }
        const c = Math.floor(px);
        if (c !== col) { flush(); col = c; }
        bucket.push([px, py]);
      }
      flush();
      const attrs = { class: 'series', d: path || 'M0,0', fill: 'none', stroke: s.color, 'stroke-width': 1.6, 'data-run': s.id, 'data-points': s.pts.filter((p) => isFinite(p[0]) && isFinite(yv(p[1]))).length };
      const el = sv('path', attrs, sv('title', {}, s.label));
      lines.appendChild(el);
      if (n === 1) lines.appendChild(sv('circle', { class: 'lone', cx: sx(lone[0]), cy: sy(lone[1]), r: 3, fill: s.color, 'data-run': s.id }));
    }
    svg.appendChild(lines);
    svg.appendChild(sv('g', { class: 'hover' }));
    svg.appendChild(sv('rect', { class: 'brush', x: 0, y: T, width: 0, height: H - T - B, hidden: true }));
    clampLabels(svg, W);
    highlight(hot);
    bind();
    // The first metric-history chart drawn since the page loaded marks the moment (ms since
    // navigation start), for benchmarks.
    if (!document.body.dataset.firstChart) document.body.dataset.firstChart = String(performance.now());
  };

  // Highlight: the hovered series on top and full strength, the others faded.
  const highlight = (id) => {
    hot = id;
    if (!svg) return;
    f.card.classList.toggle('has-hot', !!id);
    svg.querySelectorAll('.series, .lone').forEach((p) => p.classList.toggle('hot', p.dataset.run === id));
    const h = id && svg.querySelector(`.series[data-run="${CSS.escape(id)}"]`);
    if (h) h.parentNode.appendChild(h);
    legend.querySelectorAll('button').forEach((b) => b.classList.toggle('hot', b.dataset.run === id));
  };
  const nearest = (px, py) => {
    const g = geo; let best = null;
    const x = g.x0 + (px - g.L) / (g.W - g.L - g.R) * (g.x1 - g.x0);
    for (const s of prepared) {
      if (off(s.id) || !s.pts.length) continue;
      let lo = 0; let hi = s.pts.length - 1;
      while (lo < hi) { const m = (lo + hi) >> 1; if (s.pts[m][0] < x) lo = m + 1; else hi = m; }
      for (const i of [lo - 1, lo]) {
        const p = s.pts[i]; if (!p) continue;
        const y = yv(p[1]); if (!isFinite(y)) continue;
        const dx = g.sx(p[0]) - px; const dy = g.sy(y) - py;
        const dist = dx * dx + dy * dy * 0.25;
        if (!best || dist < best.dist) best = { dist, s, p };
      }
    }
    return best;
  };
  const showTip = (hit, px, py) => {
    const hover = svg.querySelector('g.hover'); hover.replaceChildren();
    if (!hit) { f.tip.hidden = true; highlight(null); return; }
    const { s, p } = hit; const y = yv(p[1]);
    hover.appendChild(sv('circle', { cx: geo.sx(p[0]), cy: geo.sy(y), r: 4, fill: 'none', stroke: s.color, 'stroke-width': 2 }));
    f.tip.replaceChildren(
      ht('div', { class: 'tip-run' }, ht('i', { class: 'swatch', 'data-color': s.color }), s.label),
      ht('div', {}, ht('span', { class: 'muted' }, 'step '), ht('span', { class: 'tip-step' }, String(p[2]))),
      ht('div', {}, ht('span', { class: 'muted' }, 'time '), fmtWall(p[3]), opts.x === 'relative' ? ` (+${fmtDuration(p[0])})` : ''),
      ht('div', {}, ht('span', { class: 'muted' }, 'value '), ht('b', { class: 'tip-value', 'data-value': p[4] }, fmtValue(p[4])),
        opts.smooth ? ht('span', { class: 'muted' }, ` (smoothed ${fmtValue(p[1])})`) : ''));
    f.tip.dataset.run = s.id; f.tip.dataset.step = p[2];
    f.tip.querySelectorAll('i.swatch').forEach((i) => { i.style.background = i.dataset.color; });
    f.tip.hidden = false;
    // Placed beside the point, kept inside the card.
    const cw = f.card.clientWidth; const tw = f.tip.offsetWidth; const th = f.tip.offsetHeight;
    const scale = f.plot.clientWidth / geo.W;
    let left = f.plot.offsetLeft + geo.sx(p[0]) * scale + 12;
    if (left + tw > cw - 4) left = Math.max(4, f.plot.offsetLeft + geo.sx(p[0]) * scale - tw - 12);
    const top = Math.max(4, Math.min(f.plot.offsetTop + geo.sy(y) - th / 2, f.plot.offsetTop + H - th));
    f.tip.style.left = left + 'px'; f.tip.style.top = top + 'px';
    highlight(s.id);
  };

  // Pointer: hover shows the nearest point; drag across x zooms; double-click resets.
  const bind = () => {
    if (!geo) return;
    let drag = null;
    const local = (ev) => { const r = svg.getBoundingClientRect(); return [(ev.clientX - r.left) * geo.W / r.width, (ev.clientY - r.top) * H / r.height]; };
    const brush = svg.querySelector('rect.brush');
    svg.addEventListener('mousemove', (ev) => {
      const [px, py] = local(ev);
      if (drag) {
        const a = Math.max(geo.L, Math.min(drag, px)); const b = Math.min(geo.W - geo.R, Math.max(drag, px));
        brush.setAttribute('x', a); brush.setAttribute('width', Math.max(0, b - a)); brush.removeAttribute('hidden');
        return;
      }
      if (px < geo.L || px > geo.W - geo.R || py < geo.T || py > H - geo.B) { showTip(null); return; }
      showTip(nearest(px, py), px, py);
    });
    svg.addEventListener('mouseleave', () => { if (!drag) showTip(null); });
    svg.addEventListener('mousedown', (ev) => {
      if (ev.button !== 0) return;
      const [px] = local(ev);
      if (px < geo.L || px > geo.W - geo.R) return;
      drag = px; ev.preventDefault();
      const up = (e2) => {
        window.removeEventListener('mouseup', up);
        const [qx] = local(e2); const a = drag; drag = null;
        brush.setAttribute('hidden', ''); brush.setAttribute('width', 0);
        if (Math.abs(qx - a) < 5) return;
        const inv = (p) => geo.x0 + (Math.max(geo.L, Math.min(geo.W - geo.R, p)) - geo.L) / (geo.W - geo.L - geo.R) * (geo.x1 - geo.x0);
        zoomTo([inv(Math.min(a, qx)), inv(Math.max(a, qx))]);
      };
      window.addEventListener('mouseup', up);
    });
    svg.addEventListener('dblclick', () => zoomTo(null));
    svg.addEventListener('blur', () => showTip(null));
    svg.addEventListener('keydown', (ev) => {
      // Arrows walk the points (left/right) and the series (up/down) with the tooltip.
      const shown = prepared.filter((s) => !off(s.id) && s.pts.length);
      if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(ev.key) && shown.length) {
        ev.preventDefault();
        let si = Math.max(0, shown.findIndex((s) => s.id === (cursor && cursor.id)));
        let pi = cursor ? cursor.i : -1;
        if (ev.key === 'ArrowUp' || ev.key === 'ArrowDown') si = (si + (ev.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
        else pi += ev.key === 'ArrowRight' ? 1 : -1;
        const s = shown[si];
        pi = Math.max(0, Math.min(s.pts.length - 1, pi));
        cursor = { id: s.id, i: pi };
        showTip({ s, p: s.pts[pi] });
        return;
      }
      if (ev.key === 'Escape' || ev.key === '0') zoomTo(null);
      else if (ev.key === '+' || ev.key === '=' || ev.key === '-') {
        const [a, b] = zoom || [geo.x0, geo.x1]; const m = (a + b) / 2; const h = (b - a) / 2 * (ev.key === '-' ? 2 : 0.5);
        zoomTo([m - h, m + h]);
      }
    });
  };
  const zoomTo = (z) => { zoom = z; f.tip.hidden = true; sizer.now(); };

  // Legend: one button per series; click toggles it, hover (or focus) highlights it.
  const legend = ht('div', { class: 'legend', role: 'group', 'aria-label': 'series' });
  for (const s of prepared) {
    const b = ht('button', { type: 'button', 'data-run': s.id, 'aria-pressed': 'true', title: s.label },
      ht('i', { class: 'swatch', 'data-color': s.color }), s.label);
    b.addEventListener('click', () => {
      if (hidden.has(s.id)) hidden.delete(s.id); else hidden.add(s.id);
      b.setAttribute('aria-pressed', String(!hidden.has(s.id)));
      b.classList.toggle('off', hidden.has(s.id));
      sizer.now();
    });
    for (const [on, id] of [['mouseenter', s.id], ['focus', s.id], ['mouseleave', null], ['blur', null]]) b.addEventListener(on, () => highlight(id));
    legend.appendChild(b);
  }
  legend.querySelectorAll('i.swatch').forEach((i) => { i.style.background = i.dataset.color; });
  if (prepared.length > 1) f.card.appendChild(legend);
  addDownloads(f, title, () => svg, () => toCsv([['metric', 'run_id', 'run', 'step', 'timestamp', 'value']].concat(
    series.flatMap((s) => s.points.map((p) => [title, s.id, s.label, p[0], p[1], p[2]])))));
  const sizer = responsive(f.plot, draw);
  f.card.redraw = () => sizer.now();
  f.card.onlyRuns = (ids) => {
    only = ids ? new Set(ids) : null;
    legend.querySelectorAll('button').forEach((b) => { b.hidden = only !== null && !only.has(b.dataset.run); });
    sizer.now();
  };
  return f.card;
}

// ---------- bar chart ----------
// bars: [{id, label, color, value}]: one horizontal bar per run, in the given order.
export function barChart(title, bars, opts) {
  opts = Object.assign({ kind: 'bar', max: 60 }, opts);
  const f = frame(title, opts);
  // At most `max` bars (in the order given); the CSV download has them all.
  const all = bars.filter((b) => isFinite(b.value));
  let ok = all.slice(0, opts.max);
  const note = ht('span', { class: 'muted' });
  f.tools.prepend(note);
  const pick = (only) => {
    const shown = only ? all.filter((b) => only.has(b.id)) : all;
    ok = shown.slice(0, opts.max);
    note.textContent = shown.length > ok.length ? `first ${ok.length} of ${shown.length} runs ` : '';
  };
  pick(null);
  const rowH = 16; const T = 6; const B = 26; const R = 14;
  let svg = null;
  const draw = (W) => {
    const H = T + B + Math.max(1, ok.length) * rowH;
    const next = sv('svg', { class: 'chart bars', viewBox: `0 0 ${W} ${H}`, width: '100%', height: H, role: 'img', 'aria-label': `${title}: latest value per run`, 'data-metric': title });
    if (svg) svg.replaceWith(next); else f.plot.appendChild(next);
    svg = next;
    if (!ok.length) { svg.appendChild(sv('text', { x: 10, y: 18 }, 'no values')); return; }
    const maxLabel = Math.min(Math.max(...ok.map((b) => estWidth(b.label))), Math.max(60, W * 0.3));
    const L = Math.ceil(maxLabel + 10);
    let lo = Math.min(0, ...ok.map((b) => b.value)); let hi = Math.max(0, ...ok.map((b) => b.value));
    if (lo === hi) hi = lo + 1;
    // The range widened to whole steps, so the axis ends on a labelled tick.
    const step = niceStep(hi - lo, Math.max(2, Math.min(10, Math.floor((W - L - R) / 100))));
    lo = Math.floor(lo / step + 1e-9) * step; hi = Math.ceil(hi / step - 1e-9) * step;
    const xt = niceTicks(lo, hi, Math.max(2, Math.min(10, Math.floor((W - L - R) / 100))), false);
    const sx = (x) => L + (x - lo) / (hi - lo) * (W - L - R);
    const xAxis = sv('g', { class: 'x-axis', 'data-kind': 'linear' });
    for (const t of xt.ticks) {
      xAxis.appendChild(sv('line', { class: 'grid', x1: sx(t.v), x2: sx(t.v), y1: T, y2: H - B }));
      xAxis.appendChild(sv('text', { class: 'tick', x: sx(t.v), y: H - B + 14, 'text-anchor': 'middle', 'data-value': t.v }, t.label));
    }
    svg.appendChild(xAxis);
    ok.forEach((b, i) => {
      const y = T + i * rowH; const x0 = sx(Math.min(0, b.value)); const x1 = sx(Math.max(0, b.value));
      const maxChars = Math.max(4, Math.floor((L - 10) / 6.2));
      const label = b.label.length > maxChars ? b.label.slice(0, maxChars - 1) + '…' : b.label;
      svg.appendChild(sv('text', { class: 'bar-label', x: L - 5, y: y + rowH - 4, 'text-anchor': 'end' }, label, sv('title', {}, b.label)));
      svg.appendChild(sv('rect', { class: 'bar', x: x0, y: y + 2, width: Math.max(1, x1 - x0), height: rowH - 4, fill: b.color, 'data-run': b.id, 'data-value': b.value },
        sv('title', {}, `${b.label}: ${fmtValue(b.value)}`)));
    });
    svg.appendChild(sv('line', { class: 'axis', x1: sx(0), x2: sx(0), y1: T, y2: H - B }));
    clampLabels(svg, W);
  };
  addDownloads(f, title, () => svg, () => toCsv([['run_id', 'run', title]].concat(bars.map((b) => [b.id, b.label, b.value]))));
  const sizer = responsive(f.plot, draw);
  f.card.redraw = () => sizer.now();
  f.card.onlyRuns = (ids) => { pick(ids ? new Set(ids) : null); sizer.now(); };
  return f.card;
}

// ---------- scatter ----------
// points: [{id, label, color, x, y}]; one dot per run.
export function scatterChart(title, points, xl, yl, opts) {
  opts = Object.assign({ kind: 'scatter', height: 320 }, opts);
  const f = frame(title, opts);
  const ok = points.filter((p) => isFinite(p.x) && isFinite(p.y));
  const H = opts.height; const T = 10; const R = 14; const B = 40;
  let svg = null;
  const draw = (W) => {
    const next = sv('svg', { class: 'chart', id: opts.id || null, viewBox: `0 0 ${W} ${H}`, width: '100%', height: H, role: 'img', 'aria-label': `${yl} against ${xl}` });
    if (svg) svg.replaceWith(next); else f.plot.appendChild(next);
    svg = next;
    if (!ok.length) { svg.appendChild(sv('text', { x: 10, y: 20 }, 'no numeric values to plot')); return; }
    const [x0, x1] = padRange(Math.min(...ok.map((p) => p.x)), Math.max(...ok.map((p) => p.x)), 0.05);
    const [y0, y1] = padRange(Math.min(...ok.map((p) => p.y)), Math.max(...ok.map((p) => p.y)), 0.05);
    const yt = niceTicks(y0, y1, Math.max(2, Math.floor((H - T - B) / 45)), false);
    const L = Math.ceil(Math.max(30, ...yt.ticks.map((t) => estWidth(t.label))) + 10);
    const xt = niceTicks(x0, x1, Math.max(2, Math.min(10, Math.floor((W - L - R) / 100))), false);
    const sx = (x) => L + (x - x0) / (x1 - x0) * (W - L - R); const sy = (y) => T + (1 - (y - y0) / (y1 - y0)) * (H - T - B);
    const yAxis = sv('g', { class: 'y-axis' }); const xAxis = sv('g', { class: 'x-axis', 'data-kind': 'linear' });
    for (const t of yt.ticks) {
      yAxis.appendChild(sv('line', { class: 'grid', x1: L, x2: W - R, y1: sy(t.v), y2: sy(t.v) }));
      yAxis.appendChild(sv('text', { class: 'tick', x: L - 5, y: sy(t.v) + 3.5, 'text-anchor': 'end', 'data-value': t.v }, t.label));
    }
    for (const t of xt.ticks) {
      xAxis.appendChild(sv('line', { class: 'grid', x1: sx(t.v), x2: sx(t.v), y1: T, y2: H - B }));
      xAxis.appendChild(sv('text', { class: 'tick', x: sx(t.v), y: H - B + 14, 'text-anchor': 'middle', 'data-value': t.v }, t.label));
    }
    xAxis.appendChild(sv('text', { class: 'axis-label', x: (W + L) / 2, y: H - 4, 'text-anchor': 'middle' }, xl));
    yAxis.appendChild(sv('text', { class: 'axis-label', x: L + 4, y: T + 10 }, yl));
    svg.append(yAxis, xAxis, sv('rect', { class: 'axis frame', x: L, y: T, width: W - L - R, height: H - T - B, fill: 'none' }));
    for (const p of ok) {
      svg.appendChild(sv('circle', { class: 'point', cx: sx(p.x), cy: sy(p.y), r: 5, fill: p.color, 'data-run': p.id, tabindex: 0 },
        sv('title', {}, `${p.label}: ${fmtValue(p.x)}, ${fmtValue(p.y)}`)));
    }
    clampLabels(svg, W);
  };
  addDownloads(f, title, () => svg, () => toCsv([['run_id', 'run', xl, yl]].concat(points.map((p) => [p.id, p.label, p.x, p.y]))));
  const sizer = responsive(f.plot, draw);
  f.card.redraw = () => sizer.now();
  return f.card;
}

// ---------- parallel coordinates ----------
// axes: [{key, label}]; rows: [{id, label, color, values: {key: number | string}}]. Dragging along
// an axis brushes a range; a run outside any brush is filtered out (onFilter gets the ids kept).
// Double-click an axis to clear its brush.
export function parallelChart(title, axes, rows, opts) {
  opts = Object.assign({ kind: 'parallel', height: 340, onFilter: null }, opts);
  const f = frame(title, opts);
  const H = opts.height; const T = 24; const B = 28; const Lpad = 50; const Rpad = 50;
  const brushes = new Map();
  // Each axis: numeric (linear, nice ticks) when every present value is a number, else categories.
  const scales = axes.map((a) => {
    const vals = rows.map((r) => r.values[a.key]).filter((v) => v !== undefined && v !== null && v !== '');
    const numeric = vals.length > 0 && vals.every((v) => isFinite(Number(v)));
    if (numeric) {
      const nums = vals.map(Number);
      const [lo, hi] = padRange(Math.min(...nums), Math.max(...nums), 0.02);
      return { a, numeric, lo, hi, ticks: niceTicks(lo, hi, 5, false).ticks, pos: (v) => (Number(v) - lo) / (hi - lo) };
    }
    const cats = Array.from(new Set(vals.map(String))).sort();
    return { a, numeric, cats, ticks: cats.map((c, i) => ({ v: i, label: c })), pos: (v) => (cats.length < 2 ? 0.5 : cats.indexOf(String(v)) / (cats.length - 1)) };
  });
  const kept = () => rows.filter((r) => scales.every((s) => {
    const b = brushes.get(s.a.key); if (!b) return true;
    const v = r.values[s.a.key]; if (v === undefined || v === null || v === '') return false;
    const p = s.pos(v); return p >= b[0] - 1e-9 && p <= b[1] + 1e-9;
  }));
  const count = ht('span', { class: 'muted pc-count' });
  f.tools.prepend(count);
  let svg = null;
  const draw = (W) => {
    const next = sv('svg', { class: 'chart parallel', id: opts.id || null, viewBox: `0 0 ${W} ${H}`, width: '100%', height: H, role: 'img', 'aria-label': title });
    if (svg) svg.replaceWith(next); else f.plot.appendChild(next);
    svg = next;
    if (!scales.length) { svg.appendChild(sv('text', { x: 10, y: 20 }, 'choose columns')); return; }
    const ax = (i) => (scales.length === 1 ? W / 2 : Lpad + i * (W - Lpad - Rpad) / (scales.length - 1));
    const ay = (p) => T + (1 - p) * (H - T - B);
    const keep = new Set(kept().map((r) => r.id));
    const lines = sv('g', { class: 'lines' });
    for (const r of rows) {
      let d = ''; let pen = false;
      scales.forEach((s, i) => {
        const v = r.values[s.a.key];
        if (v === undefined || v === null || v === '') { pen = false; return; }
        d += (pen ? 'L' : 'M') + ax(i).toFixed(1) + ',' + ay(s.pos(v)).toFixed(1); pen = true;
      });
      lines.appendChild(sv('path', { class: 'pc-line' + (keep.has(r.id) ? '' : ' filtered'), d: d || 'M0,0', fill: 'none', stroke: r.color, 'data-run': r.id },
        sv('title', {}, r.label)));
    }
    svg.appendChild(lines);
    scales.forEach((s, i) => {
      const x = ax(i);
      const g = sv('g', { class: 'pc-axis', 'data-key': s.a.key, tabindex: 0, 'aria-label': `${s.a.label}: drag to filter, Escape clears` });
      g.appendChild(sv('line', { class: 'axis', x1: x, x2: x, y1: T, y2: H - B }));
      const maxTicks = Math.max(2, Math.floor((H - T - B) / 16));
      const shown = s.ticks.length > maxTicks ? s.ticks.filter((_, k) => k % Math.ceil(s.ticks.length / maxTicks) === 0) : s.ticks;
      for (const t of shown) {
        const p = s.numeric ? (t.v - s.lo) / (s.hi - s.lo) : s.pos(t.label);
        const lab = String(t.label).length > 14 ? String(t.label).slice(0, 13) + '…' : t.label;
        g.appendChild(sv('text', { class: 'tick', x: x - 4, y: ay(p) + 3.5, 'text-anchor': 'end', 'data-value': s.numeric ? t.v : null }, lab));
      }
      const name = s.a.label.length > 22 ? s.a.label.slice(0, 21) + '…' : s.a.label;
      g.appendChild(sv('text', { class: 'axis-label', x, y: T - 8, 'text-anchor': 'middle' }, name, sv('title', {}, s.a.label)));
      const b = brushes.get(s.a.key);
      // A numeric brush's value range, for a test or a user's script.
      if (b && s.numeric) { g.setAttribute('data-lo', s.lo + b[0] * (s.hi - s.lo)); g.setAttribute('data-hi', s.lo + b[1] * (s.hi - s.lo)); }
      g.appendChild(sv('rect', { class: 'pc-brush', x: x - 8, y: b ? ay(b[1]) : T, width: 16, height: b ? ay(b[0]) - ay(b[1]) : 0, hidden: !b }));
      // A wide invisible hit area along the axis for dragging.
      g.appendChild(sv('rect', { class: 'pc-hit', x: x - 12, y: T, width: 24, height: H - T - B, fill: 'transparent' }));
      svg.appendChild(g);
      const toP = (ev) => { const r = svg.getBoundingClientRect(); const py = (ev.clientY - r.top) * H / r.height; return Math.max(0, Math.min(1, 1 - (py - T) / (H - T - B))); };
      g.addEventListener('mousedown', (ev) => {
        if (ev.button !== 0) return;
        ev.preventDefault();
        const start = toP(ev);
        const rect = g.querySelector('.pc-brush');
        const move = (e2) => { const p = toP(e2); rect.setAttribute('y', ay(Math.max(start, p))); rect.setAttribute('height', Math.abs(ay(start) - ay(p))); rect.removeAttribute('hidden'); };
        const up = (e2) => {
          window.removeEventListener('mousemove', move); window.removeEventListener('mouseup', up);
          const p = toP(e2);
          if (Math.abs(p - start) < 0.01) brushes.delete(s.a.key); else brushes.set(s.a.key, [Math.min(start, p), Math.max(start, p)]);
          changed();
        };
        window.addEventListener('mousemove', move); window.addEventListener('mouseup', up);
      });
      g.addEventListener('dblclick', () => { brushes.delete(s.a.key); changed(); });
      // Keyboard: arrows move a brush of a fifth of the axis; Escape clears it.
      g.addEventListener('keydown', (ev) => {
        const cur = brushes.get(s.a.key) || [0.4, 0.6];
        if (ev.key === 'Escape') brushes.delete(s.a.key);
        else if (ev.key === 'ArrowUp') brushes.set(s.a.key, [Math.min(0.8, cur[0] + 0.1), Math.min(1, cur[0] + 0.3)]);
        else if (ev.key === 'ArrowDown') brushes.set(s.a.key, [Math.max(0, cur[0] - 0.1), Math.max(0.2, cur[0] + 0.1)]);
        else return;
        ev.preventDefault(); changed();
        const again = svg.querySelector(`g.pc-axis[data-key="${CSS.escape(s.a.key)}"]`); if (again) again.focus();
      });
    });
    clampLabels(svg, W);
    count.textContent = `${keep.size} of ${rows.length} runs `;
    f.card.dataset.kept = String(keep.size);
  };
  const changed = () => {
    sizer.now();
    if (opts.onFilter) opts.onFilter(kept().map((r) => r.id));
  };
  addDownloads(f, title, () => svg, () => toCsv([['run_id', 'run'].concat(axes.map((a) => a.key))].concat(kept().map((r) => [r.id, r.label].concat(axes.map((a) => r.values[a.key]))))));
  const sizer = responsive(f.plot, draw);
  f.card.redraw = () => sizer.now();
  return f.card;
}
