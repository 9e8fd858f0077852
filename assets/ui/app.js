// mlrun's web UI: plain JavaScript, no build step, no network beyond this server's /api.
// Every value from the store reaches the page through text nodes (h() below turns strings into
// text nodes; no HTML string is ever parsed), so a param of "<script>" shows as text.
'use strict';

const SVGNS = 'http://www.w3.org/2000/svg';
const state = { keys: {}, tokens: {}, timers: [], selected: {} };
// The chart module (assets/charts.js): axes, tooltips, zoom, legends, downloads. Pages render once
// it is loaded.
let C = null;
const chartsReady = import('/assets/charts.js').then((m) => { C = m; });

// ---------- DOM helpers ----------
function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, kids);
  return el;
}
function s(tag, attrs, ...kids) {
  const el = document.createElementNS(SVGNS, tag);
  setAttrs(el, attrs);
  append(el, kids);
  return el;
}
function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}
function append(el, kids) {
  for (const c of kids.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}
function link(href, ...kids) { return h('a', { href }, ...kids); }
function route(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const qs = q.toString();
  return '#/' + path.map(encodeURIComponent).join('/') + (qs ? '?' + qs : '');
}
function mount(...kids) {
  const app = document.getElementById('app');
  app.replaceChildren();
  append(app, kids);
  C.drawPending();
}
function setStatus(text) { document.getElementById('status').textContent = text || ''; }

// ---------- formatting ----------
function num(v) { return typeof v === 'string' ? Number(v) : v; }
function fmtNum(v) {
  return C.fmtValue(v);
}
function fmtTime(ms) {
  if (ms === null || ms === undefined) return '';
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
function fmtDuration(ms) {
  if (ms === null || ms === undefined || ms < 0) return '';
  const sec = Math.floor(ms / 1000);
  if (sec < 60) return (ms / 1000).toFixed(1) + 's';
  if (sec < 3600) return `${Math.floor(sec / 60)}m${String(sec % 60).padStart(2, '0')}s`;
  return `${Math.floor(sec / 3600)}h${String(Math.floor(sec % 3600 / 60)).padStart(2, '0')}m`;
}
function lowerIsBetter(key) {
  const words = ['loss', 'error', 'err', 'mse', 'mae', 'rmse', 'perplexity', 'time', 'latency', 'duration', 'wer', 'cer'];
  return key.toLowerCase().split(/[^a-z0-9]/).some((p) => words.includes(p));
}

// ---------- API ----------
class ApiError extends Error {
  constructor(err) { super(err.message || 'request failed'); this.detail = err; }
}
async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else if (v !== undefined && v !== null) q.set(k, v);
  }
  const r = await fetch('/api/' + path + '?' + q.toString());
  const body = await r.json().catch(() => ({ error: { message: r.statusText } }));
  if (!r.ok) throw new ApiError(body.error || { message: r.statusText });
  return body;
}
async function post(path, body) {
  const r = await fetch('/api/' + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Mlrun-Write': '1' },
    body: JSON.stringify(body),
  });
  const out = await r.json().catch(() => ({}));
  if (!r.ok) throw new ApiError(out.error || { message: r.statusText });
  return out;
}
function artifactUrl(runId, path, download) {
  const q = new URLSearchParams({ run_id: runId, path });
  if (download) q.set('download', '1');
  return '/api/artifacts/get?' + q.toString();
}

// An error as a box; a filter error underlines the bytes MLflow named.
function errorBox(e, input) {
  const d = e.detail || {};
  const box = h('div', { class: 'error', role: 'alert' }, d.message || String(e.message || e));
  if (input !== undefined && d.span) {
    const bytes = new TextEncoder().encode(input);
    const dec = new TextDecoder();
    const [a, b] = d.span;
    if (a <= bytes.length && b <= bytes.length) {
      box.appendChild(h('div', {}, dec.decode(bytes.slice(0, a)),
        h('mark', {}, dec.decode(bytes.slice(a, Math.max(b, a))) || ' '), dec.decode(bytes.slice(b))));
    }
  }
  return box;
}

// ---------- polling (live updates) ----------
function every(ms, fn) { state.timers.push(setInterval(fn, ms)); }
function stopTimers() { state.timers.forEach(clearInterval); state.timers = []; }

// ---------- router ----------
// Renders run one at a time: a page whose data arrives late must not mount over the page the user
// went to meanwhile. A hash change during a render starts one more render when it ends.
const renderQueue = { busy: false, again: false };
async function render() {
  if (renderQueue.busy) { renderQueue.again = true; return; }
  renderQueue.busy = true;
  try {
    await chartsReady;
    do { renderQueue.again = false; await renderOnce(); } while (renderQueue.again);
  } finally {
    renderQueue.busy = false;
  }
}
async function renderOnce() {
  stopTimers();
  const hash = location.hash.replace(/^#\/?/, '');
  const [pathPart, qs] = hash.split('?');
  const parts = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const q = new URLSearchParams(qs || '');
  try {
    if (parts.length === 0) await experimentsPage();
    else if (parts[0] === 'exp') await runsPage(parts[1], q);
    else if (parts[0] === 'run') await runPage(parts[1]);
    else if (parts[0] === 'chart') await chartPage(q);
    else if (parts[0] === 'compare') await comparePage(q);
    else if (parts[0] === 'models') await modelsPage(q);
    else if (parts[0] === 'model') await modelPage(parts[1], q);
    else mount(h('p', {}, 'No such page.'));
  } catch (e) {
    mount(errorBox(e));
  }
  // A render counter (tests wait for it to move) and when it finished (the benchmark reads it).
  state.renders = (state.renders || 0) + 1;
  document.body.dataset.ready = String(state.renders);
  document.body.dataset.renderedAt = String(Date.now());
}
window.addEventListener('hashchange', render);
window.addEventListener('DOMContentLoaded', render);

// ---------- experiments ----------
async function experimentsPage() {
  const data = await api('experiments');
  const search = h('input', { type: 'text', placeholder: 'Search experiments', id: 'exp-search' });
  const tbody = h('tbody');
  const fill = () => {
    const needle = search.value.toLowerCase();
    tbody.replaceChildren();
    for (const x of data.experiments) {
      const e = x.experiment;
      if (needle && !e.name.toLowerCase().includes(needle)) continue;
      const last = Math.max(e.last_update_time || 0, x.last_run_start || 0);
      tbody.appendChild(h('tr', {},
        h('td', {}, link(route(['exp', e.experiment_id]), e.name)),
        h('td', {}, e.experiment_id),
        h('td', { class: 'num' }, x.run_count + (x.more_runs ? '+' : '')),
        h('td', {}, last ? fmtTime(last) : ''),
        h('td', {}, fmtTime(e.creation_time))));
    }
  };
  search.addEventListener('input', fill);
  fill();
  mount(h('h1', {}, 'Experiments'), h('div', { class: 'toolbar' }, search),
    h('table', { id: 'experiments' }, h('thead', {}, h('tr', {},
      ['Name', 'ID', 'Runs', 'Last activity', 'Created'].map((t) => h('th', {}, t)))), tbody),
    data.broken.length ? h('p', { class: 'muted' }, 'Unreadable: ' + data.broken.join('; ')) : null);
}

// ---------- runs table ----------
function splitOrder(text) {
  // Commas separate order-by clauses, except inside quotes or backticks.
  const out = []; let cur = ''; let quote = null;
  for (const c of text) {
    if (quote) { if (c === quote) quote = null; cur += c; continue; }
    if (c === '"' || c === "'" || c === '`') { quote = c; cur += c; continue; }
    if (c === ',') { out.push(cur.trim()); cur = ''; continue; }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out.filter(Boolean);
}
function colName(c) { const i = c.indexOf('.'); return [c.slice(0, i), c.slice(i + 1)]; }
function orderKey(col) {
  const [ent, key] = colName(col);
  return `${ent}.\`${key}\``;
}

async function runsPage(expId, q) {
  const filter = q.get('filter') || '';
  const order = q.get('order') || '';
  const pageSize = q.get('size') || '100';
  const token = q.get('page') || '';
  const exp = (await api('experiments/get', { experiment_id: expId })).experiment;
  const params = { experiment_id: expId, filter, order_by: splitOrder(order), max_results: pageSize, page_token: token };
  // The chart view's choices ride along in the URL, so any view can be shared as a link.
  const carry = {};
  for (const k of ['view', 'charts', 'x', 'log', 'smooth', 'pc', 'sx', 'sy']) if (q.get(k) !== null) carry[k] = q.get(k);
  const view = carry.view === 'chart' ? 'chart' : 'table';
  const go = (changes) => { location.hash = route(['exp', expId], Object.assign({ filter, order, size: pageSize, cols: q.get('cols') || undefined }, carry, changes)); };

  const filterIn = h('input', { type: 'text', class: 'filter', id: 'filter', value: filter, placeholder: "metrics.acc > 0.9 and params.model = 'cnn'" });
  const orderIn = h('input', { type: 'text', class: 'order', id: 'order', value: order, placeholder: 'metrics.acc DESC' });
  const apply = () => go({ filter: filterIn.value, order: orderIn.value, page: undefined });
  const suggest = [suggestKeys(filterIn, () => state.keys[expId]), suggestKeys(orderIn, () => state.keys[expId])];
  for (const el of [filterIn, orderIn]) el.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' && !ev.defaultPrevented) apply(); });
  const header = [h('h1', {}, exp.name), h('div', { class: 'toolbar' },
    h('span', { class: 'suggest-wrap' }, filterIn, suggest[0]), h('span', { class: 'suggest-wrap' }, orderIn, suggest[1]), h('button', { id: 'apply', onclick: apply }, 'Search'),
    h('button', { onclick: () => go({ filter: '', order: '', page: undefined }) }, 'Clear'),
    h('span', { class: 'views', role: 'group', 'aria-label': 'view' },
      h('button', { id: 'view-table', 'aria-pressed': String(view === 'table'), onclick: () => go({ view: undefined, page: token || undefined }) }, 'Table'),
      h('button', { id: 'view-chart', 'aria-pressed': String(view === 'chart'), onclick: () => go({ view: 'chart', page: token || undefined }) }, 'Charts')))];

  let data;
  let keys = state.keys[expId];
  try {
    if (!keys) {
      data = await api('runs/search', params);
      keys = state.keys[expId] = data.keys;
    }
    let cols = q.get('cols') !== null ? q.get('cols').split(',').filter(Boolean) : defaultColumns(keys);
    if (view === 'chart') {
      if (!data) data = await api('runs/search', Object.assign({ columns: chartColumns(cols, chartChoices(q, keys, cols)).join(',') }, params));
      await drawChartView(expId, q, header, data, keys, cols, go, token);
      return;
    }
    if (!data) data = await api('runs/search', Object.assign({ columns: cols.join(',') }, params));
    drawRuns(expId, q, header, data, keys, cols, go, token, params);
    if (!document.body.dataset.firstTable) document.body.dataset.firstTable = String(performance.now());
  } catch (e) {
    const input = e.detail && e.detail.field === 'filter' ? filter
      : e.detail && e.detail.field && e.detail.field.startsWith('order_by') ? splitOrder(order)[Number(e.detail.field.split('.')[1])] : undefined;
    mount(header, h('div', { id: 'search-error' }, errorBox(e, input)));
  }
}

// Prev / next over the runs' page tokens, and the page size; shared by the table and chart views.
function pagerBar(expId, token, data, go, cols, q) {
  if (!token) state.tokens[expId] = [];
  const stack = state.tokens[expId] || (state.tokens[expId] = []);
  return h('div', { class: 'toolbar' },
    h('button', { id: 'prev', disabled: !token, onclick: () => { stack.pop(); go({ page: stack[stack.length - 1], cols: cols.join(',') }); } }, '‹ Prev'),
    h('span', { id: 'page-info' }, `${data.runs.length} runs on this page` + (token ? '' : ' (first page)')),
    h('button', { id: 'next', disabled: !data.next_page_token, onclick: () => { stack.push(data.next_page_token); go({ page: data.next_page_token, cols: cols.join(',') }); } }, 'Next ›'),
    h('select', { id: 'page-size', onchange: (ev) => go({ size: ev.target.value, page: undefined, cols: cols.join(',') }) },
      ['25', '100', '500', '1000'].map((n) => h('option', { value: n, selected: n === (q.get('size') || '100') }, n + ' per page'))));
}

// Search box help: completes `metrics.`, `params.`, `tags.` and `attributes.` keys present in the
// experiment at the caret (a listbox under the input; arrows move, Enter or Tab accepts, Escape
// closes). Keys that are not plain identifiers are completed in backticks, as MLflow's grammar wants.
const ATTRIBUTES = ['run_id', 'run_name', 'status', 'start_time', 'end_time', 'user_id', 'artifact_uri'];
function suggestKeys(input, keysOf) {
  const list = h('ul', { class: 'suggest', role: 'listbox', id: input.id + '-suggest', hidden: true });
  input.setAttribute('autocomplete', 'off');
  input.setAttribute('aria-controls', list.id);
  let items = []; let active = -1; let span = null;
  const close = () => { list.hidden = true; items = []; active = -1; input.setAttribute('aria-expanded', 'false'); };
  const quote = (k) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : '`' + k.replace(/`/g, '') + '`');
  const update = () => {
    const keys = keysOf();
    const caret = input.selectionStart || 0;
    const before = input.value.slice(0, caret);
    const m = /(?:^|[\s(,=<>!])((?:metrics|params|tags|attributes|attribute|metric|param|tag|run)?\.?[`"]?[^\s`"]*)$/.exec(before);
    const word = m ? m[1] : '';
    if (!keys || !word) { close(); return; }
    const dot = word.indexOf('.');
    let cands;
    if (dot < 0) {
      cands = ['metrics.', 'params.', 'tags.', 'attributes.'].filter((p) => p.startsWith(word) && p !== word);
    } else {
      const ent = word.slice(0, dot); const rest = word.slice(dot + 1).replace(/^[`"]/, '').toLowerCase();
      const pool = ent.startsWith('metric') ? keys.metrics : ent.startsWith('param') ? keys.params : ent.startsWith('tag') ? keys.tags : ['attributes', 'attribute', 'run'].includes(ent) ? ATTRIBUTES : [];
      cands = pool.filter((k) => k.toLowerCase().includes(rest)).sort((a, b) => (a.toLowerCase().startsWith(rest) ? 0 : 1) - (b.toLowerCase().startsWith(rest) ? 0 : 1)).slice(0, 12)
        .map((k) => ent + '.' + quote(k));
    }
    if (!cands.length) { close(); return; }
    span = [caret - word.length, caret];
    items = cands; active = 0;
    list.replaceChildren(...cands.map((c, i) => h('li', { role: 'option', id: `${list.id}-${i}`, 'aria-selected': String(i === active), onmousedown: (ev) => { ev.preventDefault(); accept(i); } }, c)));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    input.setAttribute('aria-activedescendant', `${list.id}-0`);
  };
  const accept = (i) => {
    const text = items[i];
    input.value = input.value.slice(0, span[0]) + text + input.value.slice(span[1]);
    const at = span[0] + text.length;
    input.setSelectionRange(at, at);
    close();
    if (text.endsWith('.')) update();
  };
  input.addEventListener('input', update);
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (ev) => {
    if (list.hidden) return;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      active = (active + (ev.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      list.querySelectorAll('li').forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
      input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
      ev.preventDefault();
    } else if (ev.key === 'Enter' || ev.key === 'Tab') {
      accept(active); ev.preventDefault();
    } else if (ev.key === 'Escape') { close(); ev.preventDefault(); }
  });
  return list;
}

function defaultColumns(keys) {
  return keys.metrics.slice(0, 8).map((k) => 'metrics.' + k).concat(keys.params.slice(0, 6).map((k) => 'params.' + k));
}

function drawRuns(expId, q, header, data, keys, cols, go, token, params) {
  const order = q.get('order') || '';
  const [sortCol, sortDir] = (() => { const m = splitOrder(order)[0]; if (!m) return [null, null]; const p = m.trim().split(/\s+/); return [p[0], (p[1] || 'ASC').toUpperCase()]; })();
  const sortable = (label, key) => {
    const cls = ['sortable'];
    if (sortCol && (sortCol === key || sortCol.replace(/`/g, '') === key.replace(/`/g, ''))) cls.push(sortDir === 'DESC' ? 'sorted-desc' : 'sorted-asc');
    return h('th', { class: cls.join(' '), 'data-order': key, onclick: () => {
      const dir = sortCol === key && sortDir === 'DESC' ? 'ASC' : 'DESC';
      go({ order: `${key} ${dir}`, page: undefined, cols: cols.join(',') });
    } }, label);
  };
  // The selection outlives a re-render (the chart view charts it).
  const selected = state.selected[expId] || (state.selected[expId] = new Set());
  const thead = h('thead', {}, h('tr', {}, h('th', {}, ''),
    sortable('Run name', 'attributes.run_name'), sortable('Created', 'attributes.start_time'),
    sortable('Status', 'attributes.status'), sortable('Duration', 'attributes.end_time'),
    cols.map((c) => { const [ent, key] = colName(c); return sortable((ent === 'metrics' ? '' : ent === 'params' ? 'p:' : 't:') + key, orderKey(c)); })));
  const byId = new Map(data.runs.map((r) => [r.run_id, r]));
  const children = new Map();
  const top = [];
  for (const r of data.runs) {
    const parent = r.tags['mlflow.parentRunId'];
    if (parent && byId.has(parent) && parent !== r.run_id) {
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(r);
    } else top.push(r);
  }
  const tbody = h('tbody');
  const row = (r, depth) => {
    const kids = children.get(r.run_id) || [];
    const box = h('input', { type: 'checkbox', 'data-run': r.run_id, checked: selected.has(r.run_id), onchange: (ev) => { if (ev.target.checked) selected.add(r.run_id); else selected.delete(r.run_id); } });
    const tr = h('tr', { class: depth ? 'child' : null, 'data-run': r.run_id, 'data-parent': depth ? r.tags['mlflow.parentRunId'] : null },
      h('td', {}, box),
      h('td', { class: 'name' },
        kids.length ? h('span', { class: 'toggle', title: 'child runs', onclick: (ev) => {
          const open = ev.target.textContent.startsWith('▾');
          ev.target.textContent = (open ? '▸ ' : '▾ ') + kids.length;
          tbody.querySelectorAll(`tr[data-parent="${CSS.escape(r.run_id)}"]`).forEach((c) => { c.hidden = open; });
        } }, '▾ ' + kids.length) : null,
        link(route(['run', r.run_id]), r.run_name || r.run_id.slice(0, 8))),
      h('td', {}, fmtTime(r.start_time)),
      h('td', { class: 'status-' + r.status }, r.status),
      h('td', { class: 'num' }, r.end_time ? fmtDuration(r.end_time - r.start_time) : ''),
      cols.map((c) => {
        const [ent, key] = colName(c);
        const v = (r[ent] || {})[key];
        return ent === 'metrics' ? h('td', { class: 'num', 'data-col': c }, v === undefined ? '' : fmtNum(v)) : h('td', { class: 'value', 'data-col': c }, v === undefined ? '' : v);
      }));
    tbody.appendChild(tr);
    kids.forEach((k) => row(k, depth + 1));
  };
  top.forEach((r) => row(r, 0));

  // Column chooser.
  const chosen = new Set(cols);
  const chooser = h('details', { class: 'columns-chooser' }, h('summary', {}, `Columns (${cols.length})`),
    h('div', { class: 'columns' },
      ['metrics', 'params', 'tags'].map((ent) => h('div', {}, h('b', {}, ent + ': '),
        keys[ent].map((k) => h('label', {}, h('input', { type: 'checkbox', 'data-col': `${ent}.${k}`, checked: chosen.has(`${ent}.${k}`), onchange: (ev) => {
          if (ev.target.checked) chosen.add(`${ent}.${k}`); else chosen.delete(`${ent}.${k}`);
        } }), k)))),
      h('button', { id: 'apply-columns', onclick: () => go({ cols: Array.from(chosen).join(',') || ',', page: token || undefined }) }, 'Apply columns')));

  const pager = pagerBar(expId, token, data, go, cols, q);
  pager.append(
    h('button', { id: 'compare', onclick: () => { if (selected.size >= 2) location.hash = route(['compare'], { runs: Array.from(selected).join(',') }); else setStatus('select two or more runs to compare'); } }, 'Compare selected'),
    h('button', { id: 'chart', onclick: () => {
      const ids = selected.size ? Array.from(selected) : data.runs.slice(0, 10).map((r) => r.run_id);
      const ms = cols.filter((c) => c.startsWith('metrics.')).map((c) => colName(c)[1]).slice(0, 4);
      location.hash = route(['chart'], { runs: ids.join(','), keys: (ms.length ? ms : keys.metrics.slice(0, 4)).join(',') });
    } }, 'Chart selected'),
    h('button', { id: 'clear-selection', onclick: () => { selected.clear(); tbody.querySelectorAll('input[type=checkbox]').forEach((b) => { b.checked = false; }); } }, 'Clear selection'));
  mount(header, chooser, pager,
    h('table', { id: 'runs' }, thead, tbody),
    data.runs.length ? null : h('p', { class: 'muted', id: 'no-runs' }, 'No runs match.'),
    data.broken.length ? h('p', { class: 'muted' }, 'Unreadable: ' + data.broken.join('; ')) : null);

  // Live: refresh the page's values while any of its runs is still running.
  if (data.runs.some((r) => r.status === 'RUNNING')) {
    every(3000, async () => {
      try {
        const fresh = await api('runs/search', Object.assign({ columns: cols.join(',') }, params));
        for (const r of fresh.runs) {
          const tr = tbody.querySelector(`tr[data-run="${CSS.escape(r.run_id)}"]`);
          if (!tr) continue;
          tr.querySelectorAll('td[data-col]').forEach((td) => {
            const [ent, key] = colName(td.dataset.col);
            const v = (r[ent] || {})[key];
            td.textContent = v === undefined ? '' : ent === 'metrics' ? fmtNum(v) : v;
          });
          const st = tr.children[3]; st.textContent = r.status; st.className = 'status-' + r.status;
        }
      } catch (e) { setStatus(e.message); }
    });
  }
}

// ---------- run page ----------
async function runPage(runId) {
  const data = await api('runs/get', { run_id: runId });
  const run = data.run; const info = run.info;
  const tags = run.data.tags;
  const note = (tags.find((t) => t.key === 'mlflow.note.content') || {}).value || '';
  const reload = () => render();
  const fail = (where) => (e) => where.replaceChildren(errorBox(e));
  const msg = h('div', { id: 'run-message' });

  const nameIn = h('input', { type: 'text', id: 'rename-input', value: info.run_name });
  const title = h('h1', { id: 'run-name' }, info.run_name || info.run_id);
  const renameRow = h('div', { class: 'toolbar' }, nameIn,
    h('button', { id: 'rename', onclick: () => post('runs/rename', { run_id: runId, name: nameIn.value }).then(reload, fail(msg)) }, 'Rename'),
    info.lifecycle_stage === 'active'
      ? h('button', { id: 'delete-run', onclick: () => { if (confirm('Delete this run?')) post('runs/delete', { run_id: runId }).then(reload, fail(msg)); } }, 'Delete run')
      : h('button', { id: 'restore-run', onclick: () => post('runs/restore', { run_id: runId }).then(reload, fail(msg)) }, 'Restore run'));

  const kv = h('dl', { class: 'kv', id: 'run-info' });
  const addKv = (k, v) => { kv.appendChild(h('dt', {}, k)); kv.appendChild(h('dd', {}, v)); };
  addKv('Run ID', info.run_id);
  addKv('Experiment', link(route(['exp', info.experiment_id]), info.experiment_id));
  addKv('Status', h('span', { class: 'status-' + info.status }, info.status));
  addKv('Lifecycle', info.lifecycle_stage);
  addKv('User', info.user_id);
  addKv('Started', fmtTime(info.start_time));
  addKv('Ended', fmtTime(info.end_time));
  addKv('Duration', info.end_time ? fmtDuration(info.end_time - info.start_time) : '');
  if (data.parent_run_id) addKv('Parent run', link(route(['run', data.parent_run_id]), data.parent_run_id));
  addKv('Artifact URI', info.artifact_uri);

  const noteIn = h('textarea', { id: 'note-input' }); noteIn.value = note;
  const notes = h('div', {}, h('pre', { id: 'note', class: 'viewer' }, note || '(no notes)'), noteIn,
    h('div', {}, h('button', { id: 'save-note', onclick: () => post('runs/note', { run_id: runId, content: noteIn.value }).then(reload, fail(msg)) }, 'Save note')));

  const params = h('table', { id: 'params' }, h('thead', {}, h('tr', {}, h('th', {}, 'Param'), h('th', {}, 'Value'))),
    h('tbody', {}, run.data.params.slice().sort((a, b) => a.key.localeCompare(b.key)).map((p) => h('tr', {}, h('td', {}, p.key), h('td', { class: 'value' }, p.value)))));

  // Model metrics and MLflow's system metrics (system/cpu_utilization_percentage …) apart.
  const isSystem = (m) => m.key.startsWith('system/');
  const metricTable = (id, list) => h('table', { id }, h('thead', {}, h('tr', {}, ['Metric', 'Latest', 'Best', 'Min', 'Max', 'Step', 'Points'].map((t) => h('th', {}, t)))),
    h('tbody', {}, list.slice().sort((a, b) => a.key.localeCompare(b.key)).map((m) => h('tr', {},
      h('td', {}, link(route(['chart'], { runs: runId, keys: m.key }), m.key)),
      h('td', { class: 'num' }, fmtNum(m.latest)), h('td', { class: 'num best', title: m.lower_is_better ? 'lowest' : 'highest' }, fmtNum(m.best)),
      h('td', { class: 'num' }, fmtNum(m.min)), h('td', { class: 'num' }, fmtNum(m.max)),
      h('td', { class: 'num' }, m.step), h('td', { class: 'num' }, m.count)))));
  const metrics = metricTable('metrics', data.metrics.filter((m) => !isSystem(m)));
  const systemMetrics = data.metrics.filter(isSystem);
  const system = systemMetrics.length ? [h('h2', {}, 'System metrics'), metricTable('system-metrics', systemMetrics), h('div', { class: 'grid', id: 'system-charts' })] : [];

  // Dataset inputs (MLflow's log_input): name, digest, source, context and schema.
  const datasetInputs = (run.inputs && run.inputs.dataset_inputs) || [];
  const datasets = datasetInputs.length ? [h('h2', {}, 'Datasets'), h('table', { id: 'datasets' },
    h('thead', {}, h('tr', {}, ['Name', 'Digest', 'Context', 'Source', 'Schema'].map((t) => h('th', {}, t)))),
    h('tbody', {}, datasetInputs.map((d) => {
      const ds = d.dataset || {};
      const ctx = (d.tags || []).find((x) => x.key === 'mlflow.data.context');
      let schema = ds.schema || '';
      try { schema = JSON.stringify(JSON.parse(schema), null, 1); } catch (e) { /* shown as is */ }
      return h('tr', {}, h('td', {}, ds.name || ''), h('td', {}, ds.digest || ''), h('td', {}, ctx ? ctx.value : ''),
        h('td', { class: 'value' }, `${ds.source_type || ''} ${ds.source || ''}`), h('td', { class: 'value' }, h('pre', { class: 'schema' }, schema)));
    })))] : [];

  // The run's place in its tree: its parent (above) and its children.
  const family = h('div', { id: 'run-children' });
  api('runs/search', { experiment_id: info.experiment_id, filter: `tags.mlflow.parentRunId = '${runId}'`, max_results: 1000, columns: '', view: 'all' }).then((kids) => {
    if (!kids.runs.length) return;
    family.append(h('h2', {}, `Child runs (${kids.runs.length})`), h('ul', {}, kids.runs.map((k) => h('li', { 'data-run': k.run_id },
      link(route(['run', k.run_id]), k.run_name || k.run_id), ' ', h('span', { class: 'status-' + k.status }, k.status)))));
  }, (e) => family.replaceChildren(errorBox(e)));

  const keyIn = h('input', { type: 'text', id: 'tag-key', placeholder: 'key' });
  const valIn = h('input', { type: 'text', id: 'tag-value', placeholder: 'value' });
  const tagTable = h('table', { id: 'tags' }, h('thead', {}, h('tr', {}, h('th', {}, 'Tag'), h('th', {}, 'Value'), h('th', {}, ''))),
    h('tbody', {}, tags.slice().sort((a, b) => a.key.localeCompare(b.key)).filter((t) => t.key !== 'mlflow.note.content').map((t) => h('tr', {},
      h('td', {}, t.key), h('td', { class: 'value' }, t.value),
      h('td', {}, h('button', { class: 'delete-tag', onclick: () => post('runs/delete-tag', { run_id: runId, key: t.key }).then(reload, fail(msg)) }, '✕'))))));
  const tagForm = h('div', { class: 'toolbar' }, keyIn, valIn,
    h('button', { id: 'set-tag', onclick: () => post('runs/set-tag', { run_id: runId, key: keyIn.value, value: valIn.value }).then(reload, fail(msg)) }, 'Set tag'));

  // MLflow 3 logged models this run made (outputs.model_outputs), shown only when there are any.
  const modelOutputs = (run.outputs && run.outputs.model_outputs) || [];
  const logged = modelOutputs.length ? [h('h2', {}, 'Logged models'), h('table', { id: 'logged-models' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Model ID'), h('th', {}, 'Step'))),
    h('tbody', {}, modelOutputs.map((m) => h('tr', {}, h('td', {}, m.model_id), h('td', { class: 'num' }, String(m.step)))))),
  h('div', { id: 'logged-model-details' })] : [];
  // Each logged model's MLmodel: flavors, signature, input example (fetched after the page shows).
  const showModels = async (into) => {
    for (const m of modelOutputs) {
      const box = h('div', { class: 'card logged-model', 'data-model': m.model_id });
      into.appendChild(box);
      try {
        const d = await api('logged-models/get', { model_id: m.model_id });
        const sig = d.signature || {};
        const pretty = (s) => { try { return JSON.stringify(JSON.parse(s), null, 1); } catch (e) { return s || ''; } };
        box.append(h('h3', {}, `${d.model.name} (${m.model_id})`),
          h('dl', { class: 'kv' },
            h('dt', {}, 'Flavors'), h('dd', { class: 'flavors' }, d.flavors.map((f) => h('div', { 'data-flavor': f.name }, h('b', {}, f.name), ' ',
              h('span', { class: 'muted' }, Object.entries(f.config).filter(([k]) => ['loader_module', 'python_version', 'sklearn_version', 'pickled_model', 'code', 'data', 'model_path'].includes(k)).map(([k, v]) => `${k}=${v}`).join('  '))))),
            h('dt', {}, 'Signature inputs'), h('dd', {}, h('pre', { class: 'schema sig-inputs' }, pretty(sig.inputs) || '(none)')),
            h('dt', {}, 'Signature outputs'), h('dd', {}, h('pre', { class: 'schema sig-outputs' }, pretty(sig.outputs) || '(none)')),
            h('dt', {}, 'Input example'), h('dd', {}, d.input_example
              ? (d.input_example.text === null ? `${d.input_example.name} (${d.input_example.size} B, too large to show)` : h('pre', { class: 'schema input-example' }, pretty(d.input_example.text)))
              : '(none)')));
      } catch (e) {
        box.append(h('h3', {}, m.model_id), errorBox(e));
      }
    }
  };

  const viewer = h('div', { id: 'artifact-viewer' });
  const artifacts = h('div', { class: 'artifacts', id: 'artifacts' });
  await artifactTree(runId, '', artifacts, viewer);

  const charts = h('div', { class: 'grid', id: 'run-charts' });
  mount(title, renameRow, msg, kv, family, h('h2', {}, 'Notes'), notes, h('h2', {}, 'Metrics'), metrics, charts, ...system,
    h('h2', {}, 'Params'), params, ...datasets, h('h2', {}, 'Tags'), tagTable, tagForm, ...logged,
    h('h2', {}, 'Artifacts'), artifacts, viewer);
  if (modelOutputs.length) showModels(document.getElementById('logged-model-details'));
  const keys = data.metrics.filter((m) => !isSystem(m)).map((m) => m.key).sort().slice(0, 8);
  const sysKeys = systemMetrics.map((m) => m.key).sort().slice(0, 8);
  if (sysKeys.length) await liveCharts(document.getElementById('system-charts'), [runId], sysKeys, { x: 'relative', log: false, smooth: 0 });
  if (keys.length) await liveCharts(charts, [runId], keys, { x: 'step', log: false, smooth: 0 });
}

// A folder's listing is fetched when its parent is shown (the first 20 folders of a level), so
// opening it draws at once.
async function artifactTree(runId, path, into, viewer, listed) {
  const data = listed || await api('artifacts/list', { run_id: runId, path });
  let prefetched = 0;
  const ul = h('ul');
  if (!data.files.length && !path) into.appendChild(h('p', { class: 'muted' }, 'No artifacts.'));
  for (const f of data.files) {
    const name = f.path.split('/').pop();
    if (f.is_dir) {
      const li = h('li', {}, h('span', { class: 'toggle' }, '▸ '), name + '/');
      let open = false; let sub = null; let ready = null;
      const pending = prefetched++ < 20 ? api('artifacts/list', { run_id: runId, path: f.path }).then((d) => { ready = d; }, () => {}) : null;
      li.firstChild.addEventListener('click', async () => {
        open = !open; li.firstChild.textContent = open ? '▾ ' : '▸ ';
        if (open && !sub) {
          sub = h('div'); li.appendChild(sub);
          if (!ready && pending) await pending;
          await artifactTree(runId, f.path, sub, viewer, ready || undefined);
        }
        if (sub) sub.hidden = !open;
      });
      ul.appendChild(li);
    } else {
      ul.appendChild(h('li', {}, h('a', { href: '#', 'data-path': f.path, onclick: (ev) => { ev.preventDefault(); viewArtifact(runId, f, viewer); } }, name),
        ' ', h('span', { class: 'muted' }, `${f.file_size} B`), ' ',
        h('a', { href: artifactUrl(runId, f.path, true), download: name }, 'download')));
    }
  }
  into.appendChild(ul);
}

async function viewArtifact(runId, f, viewer) {
  const ext = (f.path.split('.').pop() || '').toLowerCase();
  viewer.replaceChildren(h('h3', {}, f.path));
  if (['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp'].includes(ext)) {
    viewer.appendChild(h('img', { class: 'viewer', src: artifactUrl(runId, f.path), alt: f.path }));
    return;
  }
  const r = await fetch(artifactUrl(runId, f.path));
  if (!r.ok) { const b = await r.json().catch(() => ({})); viewer.appendChild(errorBox(new ApiError(b.error || { message: r.statusText }))); return; }
  const text = await r.text();
  if (ext === 'json') {
    let shown = text;
    try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* show as is */ }
    viewer.appendChild(h('pre', { class: 'viewer json' }, shown));
  } else if (ext === 'csv' || ext === 'tsv') {
    const rows = parseCsv(text, ext === 'tsv' ? '\t' : ',').slice(0, 501);
    viewer.appendChild(h('table', { class: 'csv' },
      h('thead', {}, h('tr', {}, (rows[0] || []).map((c) => h('th', {}, c)))),
      h('tbody', {}, rows.slice(1).map((r) => h('tr', {}, r.map((c) => h('td', {}, c)))))));
  } else {
    viewer.appendChild(h('pre', { class: 'viewer text' }, text));
  }
}

function parseCsv(text, sep) {
  const rows = []; let row = []; let cell = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// ---------- charts ----------
// The x axes a line chart offers; 'time' is the relative axis's older name in shared links.
const X_AXES = [['step', 'step'], ['relative', 'relative time'], ['wall', 'wall time']];
function xAxisOf(v) { return v === 'time' ? 'relative' : X_AXES.some(([k]) => k === v) ? v : 'step'; }
function chartControls(opts, go) {
  return h('div', { class: 'toolbar chart-controls' },
    h('label', {}, 'x: ', h('select', { id: 'x-axis', onchange: (ev) => go({ x: ev.target.value }) },
      X_AXES.map(([v, t]) => h('option', { value: v, selected: v === opts.x }, t)))),
    h('label', {}, h('input', { type: 'checkbox', id: 'log-scale', checked: opts.log, onchange: (ev) => go({ log: ev.target.checked ? '1' : '' }) }), ' log scale'),
    h('label', {}, ' smoothing ', h('input', { type: 'range', id: 'smoothing', min: 0, max: 0.99, step: 0.01, value: opts.smooth, onchange: (ev) => go({ smooth: ev.target.value }) })),
    h('span', { class: 'muted' }, opts.smooth ? `EMA ${opts.smooth}` : ''),
    h('span', { class: 'muted' }, 'drag to zoom, double-click to reset'));
}

// Histories of `keys` for `runIds`, in requests the API accepts (at most 400 series each).
async function histories(runIds, keys) {
  const per = Math.max(1, Math.floor(400 / Math.max(1, keys.length)));
  const calls = [];
  for (let i = 0; i < runIds.length; i += per) calls.push(api('metrics/histories', { run_ids: runIds.slice(i, i + per).join(','), keys: keys.join(',') }));
  return (await Promise.all(calls)).flatMap((d) => d.series);
}

// One line chart per key with every run overlaid; redrawn while any run is RUNNING (only when a
// point arrived, so a zoom or a hidden series survives an idle poll).
// `first` may hold the first fetch, already under way.
async function liveCharts(into, runIds, keys, opts, first) {
  const colors = new Map(runIds.map((id, i) => [id, C.color(i)]));
  let seen = '';
  const draw = async () => {
    const series = await (first || histories(runIds, keys));
    first = null;
    const sig = series.map((x) => x.points.length).join(',');
    if (sig === seen) return true;
    seen = sig;
    into.replaceChildren();
    for (const key of keys) {
      const lines = series.filter((x) => x.key === key).map((x) => ({
        id: x.run_id, label: x.run_name || x.run_id.slice(0, 8), color: colors.get(x.run_id), points: x.points.map(([st, ts, v]) => [st, ts, num(v)]),
      }));
      into.appendChild(C.lineChart(key, lines, opts));
    }
    C.drawPending();
    document.body.dataset.drawn = String(Date.now());
    return series.some((x) => x.status === 'RUNNING');
  };
  if (await draw()) every(2000, () => draw().catch((e) => setStatus(e.message)));
}

function chartOpts(q) {
  return { x: xAxisOf(q.get('x')), log: q.get('log') === '1', smooth: Number(q.get('smooth') || 0) };
}

async function chartPage(q) {
  const runIds = (q.get('runs') || '').split(',').filter(Boolean);
  const keys = (q.get('keys') || '').split(',').filter(Boolean);
  const opts = chartOpts(q);
  // The histories are fetched alongside the runs, not after them.
  const first = keys.length ? histories(runIds, keys) : null;
  if (first) first.catch(() => {});
  const runs = (await api('runs/batch', { run_ids: runIds.join(',') })).runs;
  const all = Array.from(new Set(runs.flatMap((r) => r.data.metrics.map((m) => m.key)))).sort();
  const go = (c) => { location.hash = route(['chart'], Object.assign({ runs: runIds.join(','), keys: keys.join(','), x: opts.x, log: opts.log ? '1' : '', smooth: opts.smooth || '' }, c)); };
  const chosen = new Set(keys);
  const picker = h('div', { class: 'columns' }, all.map((k) => h('label', {}, h('input', { type: 'checkbox', 'data-key': k, checked: chosen.has(k), onchange: (ev) => {
    if (ev.target.checked) chosen.add(k); else chosen.delete(k);
    go({ keys: Array.from(chosen).join(',') });
  } }), k)));
  const charts = h('div', { class: 'grid', id: 'charts' });
  mount(h('h1', {}, 'Metrics'), h('p', {}, runs.map((r, i) => [i ? ', ' : '', link(route(['run', r.info.run_id]), r.info.run_name || r.info.run_id)])),
    chartControls(opts, go), picker, charts);
  if (keys.length) await liveCharts(charts, runIds, keys, opts, first);
  else charts.appendChild(h('p', { class: 'muted' }, 'Pick metrics above.'));
}

// ---------- experiment chart view ----------
// What the chart view draws, from the URL: line charts (`charts`), parallel-coordinates columns
// (`pc`) and the scatter's axes (`sx`, `sy`).
function chartChoices(q, keys, cols) {
  const list = (k, dflt) => (q.get(k) !== null ? q.get(k).split(',').filter(Boolean) : dflt);
  const metricCols = cols.filter((c) => c.startsWith('metrics.')).map((c) => colName(c)[1]);
  const metrics = list('charts', (metricCols.length ? metricCols : keys.metrics).slice(0, 4));
  const pc = list('pc', cols.filter((c) => c.startsWith('params.')).slice(0, 4).concat(cols.filter((c) => c.startsWith('metrics.')).slice(0, 3)));
  const numericCols = keys.params.map((k) => 'params.' + k).concat(keys.metrics.map((k) => 'metrics.' + k));
  const sx = q.get('sx') || numericCols[0] || ''; const sy = q.get('sy') || (keys.metrics.length ? 'metrics.' + keys.metrics[0] : '');
  return { metrics, pc, sx, sy, numericCols };
}
function chartColumns(cols, ch) {
  return Array.from(new Set(cols.concat(ch.metrics.map((k) => 'metrics.' + k), ch.pc, [ch.sx, ch.sy].filter(Boolean))));
}
function cellValue(r, col) {
  const [ent, key] = colName(col);
  const v = (r[ent] || {})[key];
  return ent === 'metrics' && v !== undefined ? num(v) : v;
}

async function drawChartView(expId, q, header, data, keys, cols, go, token) {
  const ch = chartChoices(q, keys, cols);
  const opts = chartOpts(q);
  const selected = state.selected[expId] || new Set();
  const pageIds = new Set(data.runs.map((r) => r.run_id));
  const picked = Array.from(selected).filter((id) => pageIds.has(id));
  const runs = picked.length ? data.runs.filter((r) => selected.has(r.run_id)) : data.runs;
  const colors = new Map(runs.map((r, i) => [r.run_id, C.color(i)]));
  const label = (r) => r.run_name || r.run_id.slice(0, 8);
  const toggles = (id, all, chosen, param, label) => h('details', { class: 'columns-chooser', id }, h('summary', {}, `${label} (${chosen.length})`),
    h('div', { class: 'columns' }, all.map((k) => h('label', {}, h('input', { type: 'checkbox', 'data-key': k, checked: chosen.includes(k), onchange: (ev) => {
      const next = ev.target.checked ? chosen.concat([k]) : chosen.filter((x) => x !== k);
      go({ [param]: next.join(',') || ',' });
    } }), k))));
  const lines = h('div', { class: 'grid', id: 'charts' });
  const bars = h('div', { class: 'grid', id: 'bars' });
  for (const key of ch.metrics) {
    bars.appendChild(C.barChart(key + ' (latest)', runs.map((r) => ({ id: r.run_id, label: label(r), color: colors.get(r.run_id), value: cellValue(r, 'metrics.' + key) }))));
  }
  const pick = (id, cur, list, key) => h('select', { id, onchange: (ev) => go({ [key]: ev.target.value }) }, list.map((a) => h('option', { value: a, selected: a === cur }, a)));
  const scatter = C.scatterChart('Scatter', runs.map((r) => ({ id: r.run_id, label: label(r), color: colors.get(r.run_id), x: Number(cellValue(r, ch.sx)), y: Number(cellValue(r, ch.sy)) })), ch.sx, ch.sy, { id: 'scatter' });
  const kept = h('p', { class: 'muted', id: 'pc-kept' });
  // A brush on the parallel coordinates narrows every chart of the view to the runs in range.
  const narrow = (ids) => {
    const all = ids.length === runs.length ? null : ids;
    document.querySelectorAll('#charts .chart-card, #bars .chart-card').forEach((c) => { if (c.onlyRuns) c.onlyRuns(all); });
  };
  const showKept = (ids) => {
    narrow(ids);
    const names = runs.filter((r) => ids.includes(r.run_id)).map(label);
    kept.textContent = `${ids.length} of ${runs.length} runs in range` + (ids.length < runs.length ? ': ' + names.slice(0, 30).join(', ') + (names.length > 30 ? ' …' : '') : '');
    kept.dataset.runs = ids.join(',');
  };
  const pcRows = runs.map((r) => ({ id: r.run_id, label: label(r), color: colors.get(r.run_id), values: Object.fromEntries(ch.pc.map((c) => [c, cellValue(r, c)])) }));
  const parallel = C.parallelChart('Parallel coordinates', ch.pc.map((c) => ({ key: c, label: c })), pcRows, { id: 'parallel', onFilter: showKept });
  showKept(runs.map((r) => r.run_id));
  const allCols = ['metrics', 'params'].flatMap((ent) => keys[ent].map((k) => `${ent}.${k}`));
  mount(header, pagerBar(expId, token, data, go, cols, q),
    h('p', { class: 'muted', id: 'chart-runs' }, picked.length ? `${picked.length} selected runs` : `the ${runs.length} runs on this page (select runs in the table to chart only those)`),
    chartControls(opts, go), toggles('chart-metrics', keys.metrics, ch.metrics, 'charts', 'Metrics charted'),
    h('h2', {}, 'History'), lines,
    h('h2', {}, 'Latest values'), bars,
    h('h2', {}, 'Scatter'), h('div', { class: 'toolbar' }, 'x ', pick('scatter-x', ch.sx, ch.numericCols, 'sx'), ' y ', pick('scatter-y', ch.sy, ch.numericCols, 'sy')), scatter,
    h('h2', {}, 'Parallel coordinates'), toggles('pc-columns', allCols, ch.pc, 'pc', 'Axes'), parallel, kept);
  if (ch.metrics.length && runs.length) await liveCharts(lines, runs.map((r) => r.run_id), ch.metrics, opts);
}

// ---------- compare ----------
async function comparePage(q) {
  const runIds = (q.get('runs') || '').split(',').filter(Boolean);
  const runs = (await api('runs/batch', { run_ids: runIds.join(',') })).runs;
  const only = q.get('only') === '1';
  const val = (list, k) => { const x = list.find((e) => e.key === k); return x === undefined ? undefined : x.value; };
  const keysOf = (f) => Array.from(new Set(runs.flatMap(f))).sort();
  const paramKeys = keysOf((r) => r.data.params.map((p) => p.key));
  const metricKeys = keysOf((r) => r.data.metrics.map((m) => m.key));
  const tagKeys = keysOf((r) => r.data.tags.map((t) => t.key)).filter((k) => !k.startsWith('mlflow.'));
  const rows = [];
  const add = (section, key, values, metric) => {
    const shown = values.map((v) => (v === undefined ? '' : metric ? fmtNum(v) : String(v)));
    const differ = new Set(shown).size > 1;
    if (only && !differ) return;
    let best = -1;
    if (metric) {
      const nums = values.map((v) => (v === undefined ? NaN : num(v)));
      const lower = lowerIsBetter(key);
      nums.forEach((v, i) => { if (isFinite(v) && (best < 0 || (lower ? v < nums[best] : v > nums[best]))) best = i; });
      if (!differ) best = -1;
    }
    rows.push(h('tr', { class: differ ? 'diff' : null, 'data-key': `${section}.${key}` }, h('td', {}, section), h('th', {}, key),
      shown.map((t, i) => h('td', { class: (metric ? 'num' : 'value') + (i === best ? ' best' : '') }, t))));
  };
  add('run', 'status', runs.map((r) => r.info.status));
  add('run', 'start', runs.map((r) => fmtTime(r.info.start_time)));
  add('run', 'duration', runs.map((r) => (r.info.end_time ? fmtDuration(r.info.end_time - r.info.start_time) : undefined)));
  paramKeys.forEach((k) => add('param', k, runs.map((r) => val(r.data.params, k))));
  metricKeys.forEach((k) => add('metric', k, runs.map((r) => val(r.data.metrics, k)), true));
  tagKeys.forEach((k) => add('tag', k, runs.map((r) => val(r.data.tags, k))));
  const table = h('table', { id: 'compare' }, h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, ''),
    runs.map((r) => h('th', {}, link(route(['run', r.info.run_id]), r.info.run_name || r.info.run_id))))), h('tbody', {}, rows));

  // Scatter: a param or metric on x against a metric on y, one point per run.
  const axes = paramKeys.map((k) => 'params.' + k).concat(metricKeys.map((k) => 'metrics.' + k));
  const xSel = q.get('sx') || axes[0] || ''; const ySel = q.get('sy') || (metricKeys.length ? 'metrics.' + metricKeys[0] : '');
  const go = (c) => { location.hash = route(['compare'], Object.assign({ runs: runIds.join(','), only: only ? '1' : '', sx: xSel, sy: ySel }, c)); };
  const pick = (id, cur, list, key) => h('select', { id, onchange: (ev) => go({ [key]: ev.target.value }) }, list.map((a) => h('option', { value: a, selected: a === cur }, a)));
  const get = (r, ax) => { const [ent, key] = colName(ax); return num(val(ent === 'params' ? r.data.params : r.data.metrics, key)); };
  const scatter = C.scatterChart('Scatter', runs.map((r, i) => ({ label: r.info.run_name || r.info.run_id, x: Number(get(r, xSel)), y: Number(get(r, ySel)), color: C.color(i), id: r.info.run_id })), xSel, ySel, { id: 'scatter' });
  mount(h('h1', {}, `Compare ${runs.length} runs`),
    h('div', { class: 'toolbar' },
      h('label', {}, h('input', { type: 'checkbox', id: 'only-diff', checked: only, onchange: (ev) => go({ only: ev.target.checked ? '1' : '' }) }), ' only differences'),
      link(route(['chart'], { runs: runIds.join(','), keys: metricKeys.slice(0, 4).join(',') }), 'chart these runs')),
    table, h('h2', {}, 'Scatter'), h('div', { class: 'toolbar' }, 'x ', pick('scatter-x', xSel, axes, 'sx'), ' y ', pick('scatter-y', ySel, metricKeys.map((k) => 'metrics.' + k), 'sy')), scatter);
}

// ---------- registry ----------
// Prev/next over a registry search's page tokens; `key` names the page's token stack.
function registryPager(key, token, next, path) {
  const stack = state.tokens[key] || (state.tokens[key] = []);
  if (!token) stack.length = 0;
  const go = (page) => { location.hash = route(path, { page }); };
  return h('div', { class: 'toolbar' },
    h('button', { id: 'prev', disabled: !token, onclick: () => { stack.pop(); go(stack[stack.length - 1]); } }, '‹ Prev'),
    h('button', { id: 'next', disabled: !next, onclick: () => { stack.push(next); go(next); } }, 'Next ›'));
}

async function modelsPage(q) {
  const token = q.get('page') || '';
  const data = await api('registry/models', { page_token: token });
  if (!data.models.length && !token) { mount(h('h1', {}, 'Models'), h('p', { class: 'muted', id: 'no-models' }, 'No registered models in this store.')); return; }
  mount(h('h1', {}, 'Models'), registryPager('registry/models', token, data.next_page_token, ['models']), h('table', { id: 'models' },
    h('thead', {}, h('tr', {}, ['Name', 'Versions', 'Latest versions', 'Aliases', 'Description'].map((t) => h('th', {}, t)))),
    h('tbody', {}, data.models.map((x) => { const m = x.model; return h('tr', {},
      h('td', {}, link(route(['model', m.name]), m.name)), h('td', { class: 'num' }, x.version_count),
      h('td', {}, (m.latest_versions || []).map((v) => `v${v.version} (${v.current_stage})`).join(', ')),
      h('td', {}, (m.aliases || []).map((a) => `@${a.alias} → v${a.version}`).join(', ')),
      h('td', { class: 'value' }, m.description || '')); }))));
}

async function modelPage(name, q) {
  const token = q.get('page') || '';
  const data = await api('registry/model', { name, page_token: token });
  const m = data.model;
  const msg = h('div', { id: 'registry-message' });
  const write = (path, body) => post('registry/' + path, Object.assign({ name }, body)).then(() => render(), (e) => msg.replaceChildren(errorBox(e)));
  // A removable chip (a tag or an alias) and a small form that adds one; Enter submits.
  const chip = (text, cls, onRemove) => h('span', { class: 'chip ' + cls }, text,
    h('button', { class: 'chip-x', title: `remove ${text}`, 'aria-label': `remove ${text}`, onclick: onRemove }, '✕'));
  const adder = (cls, placeholder, onAdd) => {
    const input = h('input', { type: 'text', class: cls, placeholder, size: 12 });
    input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' && input.value.trim()) onAdd(input.value.trim()); });
    return input;
  };
  const splitKv = (text) => { const i = text.indexOf('='); return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + 1)]; };
  const modelTags = h('div', { id: 'model-tags' }, (m.tags || []).map((tg) => chip(`${tg.key}=${tg.value}`, 'tag', () => write('delete-model-tag', { key: tg.key }))),
    adder('add-model-tag', 'key=value', (v) => { const [key, value] = splitKv(v); write('set-model-tag', { key, value }); }));
  const picked = new Set();
  const stages = ['None', 'Staging', 'Production', 'Archived'];
  const rows = data.versions.map((v) => h('tr', { 'data-version': v.version },
    h('td', {}, h('input', { type: 'checkbox', class: 'pick-version', 'aria-label': `pick version ${v.version}`, disabled: !v.run_id, onchange: (ev) => { if (ev.target.checked) picked.add(v.run_id); else picked.delete(v.run_id); } })),
    h('td', {}, 'v' + v.version),
    h('td', {}, h('select', { class: 'stage', 'aria-label': `stage of version ${v.version}`, onchange: (ev) => write('transition', { version: v.version, stage: ev.target.value }) },
      stages.map((st) => h('option', { value: st, selected: st === v.current_stage }, st)))),
    h('td', { class: 'aliases' }, (v.aliases || []).map((a) => chip('@' + a, 'alias', () => write('delete-alias', { alias: a }))),
      adder('add-alias', 'alias', (a) => write('set-alias', { alias: a.replace(/^@/, ''), version: v.version }))),
    h('td', { class: 'version-tags' }, (v.tags || []).map((tg) => chip(`${tg.key}=${tg.value}`, 'tag', () => write('delete-version-tag', { version: v.version, key: tg.key }))),
      adder('add-version-tag', 'key=value', (text) => { const [key, value] = splitKv(text); write('set-version-tag', { version: v.version, key, value }); })),
    h('td', {}, v.status), h('td', {}, v.run_id ? link(route(['run', v.run_id]), v.run_id.slice(0, 8)) : ''),
    h('td', { class: 'value' }, v.source), h('td', {}, fmtTime(v.creation_timestamp))));
  mount(h('h1', {}, m.name), m.description ? h('pre', { class: 'viewer' }, m.description) : null,
    h('p', {}, (m.tags || []).map((tg) => h('span', { class: 'muted' }, `${tg.key}=${tg.value}  `))),
    h('div', { class: 'toolbar' }, 'Model tags: ', modelTags), msg,
    registryPager('registry/model/' + name, token, data.next_page_token, ['model', name]),
    h('div', { class: 'toolbar' }, h('button', { id: 'compare-versions', onclick: () => {
      if (picked.size >= 2) location.hash = route(['compare'], { runs: Array.from(picked).join(',') }); else setStatus('pick two or more versions with runs to compare');
    } }, 'Compare runs of picked versions'), h('span', { class: 'muted' }, 'Enter adds an alias or a tag; ✕ removes one; the stage menu moves a version.')),
    h('table', { id: 'versions' },
      h('thead', {}, h('tr', {}, ['', 'Version', 'Stage', 'Aliases', 'Tags', 'Status', 'Run', 'Source', 'Created'].map((x) => h('th', {}, x)))),
      h('tbody', {}, rows)));
}
