// The network explorer: draws the year-by-year web that /api/network/web/years returns and moves it with the slider.
// It adds no analysis: every number shown (sign, evidence, measures, communities, hubs) comes from the server. What it
// does itself is presentation: one layout for the union of all years (so groups keep their place), sizes and colours.
import cytoscape from '/assets/lib/cytoscape/cytoscape.esm.min.mjs';

const root = document.querySelector('[data-series]');
const el = (id) => document.getElementById(id);
const slider = el('year');
const yearShown = el('year-shown');
const status = el('web-status');
const figure = el('web');
const measureSelect = el('measure');
const minP = el('min-p');
const minPShown = el('min-p-shown');
const find = el('find');
const table = el('web-table');
const analysis = el('analysis');
const wedgesButton = el('show-wedges');
const campsButton = el('show-camps');
const clearButton = el('clear-analysis');

// Colour-blind-safe palette for communities (Okabe–Ito, then Tol's muted).
const palette = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#332288', '#88ccee', '#44aa99',
  '#999933', '#aa4499', '#882255', '#117733', '#ddcc77', '#661100'];

const state = { frames: [], from: 0, index: 0, cy: null, max: {}, playing: null, names: new Map(), found: null, drawn: { nodes: [], ties: [] },
  styled: { nodes: new Map(), ties: new Map() },
  overlay: null, overlayRequest: 0 };

const tieKey = (a, b) => (a < b ? `${a}\u0001${b}` : `${b}\u0001${a}`);

function hash(text) {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

function layoutFor(count) {
  // A force layout keeps allies near one another; past a few thousand groups it is too slow to wait for, so the
  // large web is laid out in concentric rings by how often a group appears across the years.
  if (count <= 1500) {
    return { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 40000, idealEdgeLength: () => 60, numIter: 600, componentSpacing: 120, fit: true, padding: 20 };
  }
  return { name: 'concentric', animate: false, concentric: (n) => n.data('years'), levelWidth: () => 3, minNodeSpacing: 2, fit: true, padding: 10 };
}

const style = [
  { selector: 'node', style: {
    'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', label: 'data(name)', 'font-size': 10,
    'min-zoomed-font-size': 9, 'text-valign': 'bottom', 'text-margin-y': 2, color: '#222', 'text-outline-color': '#fff',
    'text-outline-width': 2, 'text-wrap': 'wrap', 'text-max-width': 110, 'border-width': 1, 'border-color': '#fff' } },
  { selector: 'node.hub', style: { 'border-width': 4, 'border-color': '#111', 'border-style': 'double', 'font-weight': 'bold' } },
  { selector: 'edge', style: { width: 'data(width)', 'curve-style': 'haystack', opacity: 0.75 } },
  { selector: 'edge.friendly', style: { 'line-color': '#2166ac', 'line-style': 'solid' } },
  { selector: 'edge.hostile', style: { 'line-color': '#b2182b', 'line-style': 'dashed' } },
  { selector: 'edge.contested', style: { 'line-color': '#e08214', 'line-style': 'dotted', width: 3 } },
  { selector: '.absent', style: { display: 'none' } },
  { selector: '.faded', style: { opacity: 0.12 } },
  { selector: 'node.found', style: { 'border-width': 5, 'border-color': '#000', 'border-style': 'solid', 'z-index': 10 } },
  { selector: 'node.wedge', style: { 'border-width': 6, 'border-color': '#d55e00', 'border-style': 'solid', 'z-index': 11 } },
  { selector: 'node.camp-a', style: { 'background-color': '#0072b2', shape: 'round-rectangle' } },
  { selector: 'node.camp-b', style: { 'background-color': '#e69f00', shape: 'ellipse' } },
  { selector: 'edge.frustrated', style: { 'line-color': '#111', 'line-style': 'solid', width: 4 } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000' } },
];

const plainStyle = [
  { selector: 'node', style: { label: '', 'border-width': 0 } },
  { selector: 'node.hub', style: { 'border-width': 3, 'border-style': 'solid', 'border-color': '#111' } },
  { selector: 'edge', style: { 'line-style': 'solid', opacity: 1 } },
];

async function load() {
  status.textContent = 'Loading the web…';
  const response = await fetch(root.dataset.series, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) {
    status.textContent = body.detail || `The web could not be read (${response.status}).`;
    figure.setAttribute('aria-label', 'The web could not be read');
    return;
  }
  build(body);
}

function build(series) {
  state.frames = series.frames;
  state.from = series.from ?? 0;
  if (state.frames.length === 0) {
    status.textContent = 'The record holds no ties between groups yet: nothing to draw.';
    figure.setAttribute('aria-label', 'An empty web');
    return;
  }

  // The union of every year's groups and ties: laid out once, then each year shows its part.
  const nodes = new Map();
  const ties = new Map();
  state.max = { degree: 0, betweenness: 0, pageRank: 0 };
  for (const frame of state.frames) {
    for (const n of frame.nodes) {
      const seen = nodes.get(n.id);
      nodes.set(n.id, { id: n.id, name: n.name, years: (seen?.years ?? 0) + 1 });
      for (const m of Object.keys(state.max)) state.max[m] = Math.max(state.max[m], n[m]);
    }
    for (const t of frame.ties) {
      const key = tieKey(t.a, t.b);
      if (!ties.has(key)) ties.set(key, { id: key, source: t.a, target: t.b });
    }
  }
  state.names = new Map([...nodes.values()].map((n) => [n.name.toLowerCase(), n.id]));
  const names = el('actor-names');
  names.replaceChildren(...[...nodes.values()].sort((x, y) => x.name.localeCompare(y.name)).map((n) => {
    const option = document.createElement('option');
    option.value = n.name;
    return option;
  }));

  const elements = [
    ...[...nodes.values()].map((n) => ({ group: 'nodes', data: { ...n, size: 16, colour: '#888' } })),
    ...[...ties.values()].map((t) => ({ group: 'edges', data: { ...t, width: 1 } })),
  ];
  state.cy?.destroy();
  // Past a few thousand elements the canvas, not the script, is what a step waits for: a large web is drawn plainly
  // (no labels or borders, solid lines told apart by colour; the table below names everything).
  const large = nodes.size > 1500;
  const cy = cytoscape({ container: figure, elements, style: large ? [...style, ...plainStyle] : style, minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false });
  state.cy = cy;
  // Laid out and fitted once, with every year's groups present: the view then holds whichever year is shown.
  cy.resize();
  cy.layout(layoutFor(nodes.size)).run();
  cy.fit(undefined, 24);
  // Everything starts hidden: each year shows its part (and a step touches only what changes, see show).
  cy.elements().addClass('absent');
  state.styled = { nodes: new Map(), ties: new Map() };
  cy.on('tap', 'node', (e) => { window.location.href = actorLink(e.target.id()); });
  cy.on('tap', 'edge', (e) => { window.location.href = dyadLink(e.target.data('source'), e.target.data('target')); });

  slider.min = String(0);
  slider.max = String(state.frames.length - 1);
  slider.disabled = false;
  const wanted = Number(root.dataset.year);
  const start = wanted ? Math.min(Math.max(wanted - state.from, 0), state.frames.length - 1) : state.frames.length - 1;
  slider.value = String(start);
  show(start);
  root.dataset.ready = 'true';
}

function clockQuery(year) {
  const q = new URLSearchParams(root.dataset.clocks || '');
  q.set('at', String(year));
  return `?${q}`;
}

const yearOf = (index) => state.from + index;
const actorLink = (id) => `/actors/${encodeURIComponent(id)}${clockQuery(yearOf(state.index))}`;
const dyadLink = (a, b) => `/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}${clockQuery(yearOf(state.index))}`;

function sizeOf(node, measure) {
  const max = state.max[measure] || 1;
  return 12 + 44 * Math.sqrt(Math.max(node[measure], 0) / max);
}

// Colours follow a community's first member (by id), so a community keeps its colour while that member stays in it.
function colours(frame) {
  const first = new Map();
  for (const n of frame.nodes) {
    const f = first.get(n.community);
    if (f === undefined || n.id < f) first.set(n.community, n.id);
  }
  return (n) => palette[hash(first.get(n.community)) % palette.length];
}

function show(index) {
  performance.mark('wedge-step-start');
  state.index = index;
  const frame = state.frames[index];
  const cy = state.cy;
  const measure = measureSelect.value;
  const threshold = Number(minP.value) / 100;
  const colourOf = colours(frame);
  // Only what changes is touched: a group or tie that stays from one year to the next keeps its style unless its size,
  // colour or sign changed, so a step costs what moves rather than the whole web (thousands of groups stay usable).
  const nodes = new Map();
  for (const n of frame.nodes) nodes.set(n.id, { size: sizeOf(n, measure), colour: colourOf(n), name: n.name, hub: n.hub });
  const ties = new Map();
  for (const t of frame.ties) {
    if (t.probability < threshold) continue;
    ties.set(tieKey(t.a, t.b), { width: 1 + 3 * (t.probability - 0.5) * 2, cls: t.contested ? 'contested' : t.sign });
  }
  const before = state.styled;
  cy.batch(() => {
    for (const id of before.nodes.keys()) if (!nodes.has(id)) cy.getElementById(id).addClass('absent');
    for (const id of before.ties.keys()) if (!ties.has(id)) cy.getElementById(id).addClass('absent');
    for (const [id, v] of nodes) {
      const was = before.nodes.get(id);
      const node = cy.getElementById(id);
      if (!was) node.removeClass('absent');
      if (!was || was.size !== v.size || was.colour !== v.colour || was.name !== v.name) node.data({ size: v.size, colour: v.colour, name: v.name });
      if (!was || was.hub !== v.hub) node.toggleClass('hub', v.hub);
    }
    for (const [id, v] of ties) {
      const was = before.ties.get(id);
      const edge = cy.getElementById(id);
      if (!was) edge.removeClass('absent');
      if (!was || was.width !== v.width) edge.data({ width: v.width });
      if (!was || was.cls !== v.cls) edge.removeClass('friendly hostile contested').addClass(v.cls);
    }
  });
  state.styled = { nodes, ties };
  performance.measure('wedge-step-style', 'wedge-step-start');
  const shownNodes = [...nodes.keys()];
  const shownTies = [...ties.keys()];
  state.drawn = { nodes: shownNodes, ties: shownTies };
  const year = yearOf(index);
  yearShown.value = String(year);
  slider.setAttribute('aria-valuetext', String(year));
  const contested = frame.ties.filter((t) => t.probability >= threshold && t.contested).length;
  const friendly = frame.ties.filter((t) => t.probability >= threshold && !t.contested && t.sign === 'friendly').length;
  const summary = `${year}: ${shownNodes.length} groups, ${shownTies.length} ties (${friendly} friendly, ${shownTies.length - friendly - contested} hostile, ${contested} contested)`;
  figure.setAttribute('aria-label', `The web of groups in ${summary}. The table below lists them.`);
  status.textContent = summary + (threshold > 0.5 ? `; ties weighed below ${Math.round(threshold * 100)}% hidden` : '');
  if (table.open) fillTables(frame, threshold);
  if (state.found) highlight(state.found, false);
  if (state.overlay) refreshOverlay();
  // The step ends when the browser has painted the redrawn web.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    performance.mark('wedge-step-end');
    performance.measure('wedge-step', 'wedge-step-start', 'wedge-step-end');
    root.dataset.shown = String(year);
  }));
}

function cell(row, text) {
  const td = document.createElement('td');
  if (text instanceof Node) td.append(text); else td.textContent = text;
  row.append(td);
}

function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

function fillTables(frame, threshold) {
  const names = new Map(frame.nodes.map((n) => [n.id, n.name]));
  el('web-ties').tBodies[0].replaceChildren(...frame.ties.filter((t) => t.probability >= threshold).map((t) => {
    const row = document.createElement('tr');
    cell(row, link(dyadLink(t.a, t.b), `${names.get(t.a)} – ${names.get(t.b)}`));
    cell(row, t.sign + (t.contested ? ', contested' : ''));
    cell(row, `${Math.round(t.probability * 100)}%`);
    cell(row, t.kinds.join(', '));
    return row;
  }));
  el('web-nodes').tBodies[0].replaceChildren(...frame.nodes.map((n) => {
    const row = document.createElement('tr');
    cell(row, link(actorLink(n.id), n.name + (n.hub ? ' (hub)' : '')));
    cell(row, String(n.degree));
    cell(row, n.betweenness.toFixed(3));
    cell(row, n.pageRank.toFixed(4));
    cell(row, String(n.community));
    return row;
  }));
}

// The found group and its bloc (its friendly neighbours this year) stand out; the rest fades.
function highlight(id, centre) {
  const cy = state.cy;
  const node = cy.getElementById(id);
  cy.batch(() => {
    cy.elements().removeClass('faded found');
    if (node.empty() || node.hasClass('absent')) return;
    const friendly = node.connectedEdges().filter((e) => !e.hasClass('absent') && e.hasClass('friendly'));
    const bloc = friendly.connectedNodes().union(node).union(friendly);
    cy.elements().not(bloc).addClass('faded');
    node.addClass('found');
  });
  if (node.empty() || node.hasClass('absent')) {
    status.textContent = `${find.value} is not in the web in ${yearOf(state.index)}.`;
  } else if (centre) {
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 200 });
  }
}

// The analyses of the year shown, asked of the API with the page's clocks and kinds; what comes back is marked on the
// web and said in words. Names from the record are set as text, never as markup.
function analysisUrl(path, extra) {
  const series = new URL(root.dataset.series, window.location.href).searchParams;
  const q = new URLSearchParams(root.dataset.clocks || '');
  q.set('at', String(yearOf(state.index)));
  if (series.get('kind')) q.set('kind', series.get('kind'));
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return `${path}?${q}`;
}

function say(lines) {
  analysis.replaceChildren(...lines.map((line) => {
    const p = document.createElement('p');
    p.textContent = line;
    return p;
  }));
  analysis.hidden = false;
}

const idOf = (name) => state.names.get(name.toLowerCase());

function clearMarks() {
  state.cy?.elements().removeClass('wedge camp-a camp-b frustrated');
}

function clearOverlay() {
  state.overlay = null;
  state.overlayRequest++;
  clearMarks();
  delete root.dataset.overlay;
  analysis.hidden = true;
  analysis.replaceChildren();
  clearButton.hidden = true;
  if (state.found) highlight(state.found, false); else state.cy?.elements().removeClass('faded');
}

async function refreshOverlay() {
  const request = ++state.overlayRequest;
  const year = yearOf(state.index);
  const url = state.overlay === 'wedges'
    ? analysisUrl('/api/network/wedges', { around: state.found, k: '3' })
    : analysisUrl('/api/network/balance', {});
  root.dataset.overlayYear = '';
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (request !== state.overlayRequest) return; // the slider moved on meanwhile
  clearMarks();
  if (!response.ok) {
    say([body.detail || `The analysis could not be read (${response.status}).`]);
  } else if (state.overlay === 'wedges') {
    markWedges(body, year);
  } else {
    markCamps(body, year);
  }
  root.dataset.overlayYear = String(year);
}

function markWedges(report, year) {
  const cy = state.cy;
  const bloc = new Set(report.bloc.map(idOf).filter(Boolean));
  cy.batch(() => {
    cy.elements().removeClass('faded');
    cy.nodes().filter((n) => !bloc.has(n.id())).addClass('faded');
    cy.edges().filter((e) => !(bloc.has(e.data('source')) && bloc.has(e.data('target')))).addClass('faded');
    for (const pick of report.picks) cy.getElementById(idOf(pick.removed) ?? '').addClass('wedge');
  });
  if (report.picks.length === 0) {
    say([`${year}: ${report.anchor}'s friendly bloc has ${report.bloc.length} groups; nothing in it can be removed to split it.`]);
    return;
  }
  const fragmentation = `${Math.round(report.fragmentation * 100)}%`;
  say([
    `${year}: ${report.anchor}'s friendly bloc has ${report.bloc.length} groups and ${report.pairsBefore} pairs that reach each other.`,
    ...report.picks.map((p, i) => `${i + 1}. without ${p.removed}: ${p.pairsCut} pairs cut, ${p.pairsLeft} left`),
    `Fragmentation after removing ${report.picks.length}: ${fragmentation} (before: 0%; ${report.method} search).`,
    ...report.warnings,
  ]);
}

function markCamps(report, year) {
  const cy = state.cy;
  cy.batch(() => {
    for (const camps of report.camps) {
      for (const name of camps.campA) cy.getElementById(idOf(name) ?? '').addClass('camp-a');
      for (const name of camps.campB) cy.getElementById(idOf(name) ?? '').addClass('camp-b');
    }
    for (const t of report.frustratedTies) cy.getElementById(tieKey(idOf(t.a) ?? '', idOf(t.b) ?? '')).addClass('frustrated');
  });
  const frustration = report.frustrationLower === report.frustrationUpper
    ? `${report.frustrationLower}` : `${report.frustrationLower} to ${report.frustrationUpper}`;
  const lines = [`${year}: ${report.nodes} groups and ${report.edges} signed ties; frustration ${frustration} (${report.exact ? 'exact' : 'bounds'}).`];
  report.camps.forEach((c, i) => {
    lines.push(`${report.camps.length > 1 ? `Component ${i + 1}, camp` : 'Camp'} A: ${c.campA.join(', ')}.`);
    lines.push(`${report.camps.length > 1 ? `Component ${i + 1}, camp` : 'Camp'} B: ${c.campB.join(', ')}.`);
  });
  if (report.frustratedTies.length > 0) {
    lines.push(`Ties against the split (thick black): ${report.frustratedTies.map((t) => `${t.a} – ${t.b}`).join('; ')}.`);
  } else {
    lines.push('No tie runs against the split: the web is balanced this year.');
  }
  say([...lines, ...report.warnings]);
}

function startOverlay(kind) {
  state.overlay = kind;
  root.dataset.overlay = kind;
  clearButton.hidden = false;
  refreshOverlay().catch((e) => say([`The analysis could not be read: ${e.message}`]));
}

function step(by) {
  const next = Number(slider.value) + by;
  if (next < 0 || next > Number(slider.max)) return false;
  slider.value = String(next);
  show(next);
  return true;
}

function play() {
  const button = el('play');
  if (state.playing) {
    clearInterval(state.playing);
    state.playing = null;
    button.textContent = 'Play';
    button.setAttribute('aria-pressed', 'false');
    return;
  }
  if (Number(slider.value) >= Number(slider.max)) slider.value = '0';
  button.textContent = 'Pause';
  button.setAttribute('aria-pressed', 'true');
  state.playing = setInterval(() => { if (!step(1)) play(); }, 700);
}

slider.addEventListener('input', () => show(Number(slider.value)));
el('step-back').addEventListener('click', () => step(-1));
el('step-forward').addEventListener('click', () => step(1));
el('play').addEventListener('click', play);
measureSelect.addEventListener('change', () => state.frames.length && show(state.index));
minP.addEventListener('input', () => {
  minPShown.value = `${minP.value}%`;
  if (state.frames.length) show(state.index);
});
table.addEventListener('toggle', () => { if (table.open && state.frames.length) fillTables(state.frames[state.index], Number(minP.value) / 100); });
find.addEventListener('change', () => {
  const id = state.names.get(find.value.trim().toLowerCase());
  state.found = id ?? null;
  if (!id) {
    state.cy?.elements().removeClass('faded found');
    if (find.value.trim()) status.textContent = `No group named ${find.value.trim()} in these years.`;
    return;
  }
  highlight(id, true);
});
find.addEventListener('input', () => {
  wedgesButton.disabled = !state.names.has(find.value.trim().toLowerCase());
});
wedgesButton.addEventListener('click', () => {
  const id = state.names.get(find.value.trim().toLowerCase());
  if (!id) return;
  state.found = id;
  startOverlay('wedges');
});
campsButton.addEventListener('click', () => startOverlay('camps'));
clearButton.addEventListener('click', clearOverlay);

// For the browser tests and the benchmark: what is drawn now, and a way to step without the mouse.
window.wedgeExplorer = {
  drawn: () => ({ year: yearOf(state.index), nodes: [...state.drawn.nodes].sort(), ties: [...state.drawn.ties].sort() }),
  marked: (cls) => state.cy.elements(`.${cls}`).map((e) => e.id()).sort(),
  show: (year) => {
    const index = year - state.from;
    if (index < 0 || index >= state.frames.length) throw new Error(`${year} is outside ${state.from}–${state.from + state.frames.length - 1}`);
    slider.value = String(index);
    show(index);
  },
  // Page coordinates of a group, or of a point on the tie between two groups (a fraction of the way from a to b).
  where: (a, b, along = 0.5) => {
    const box = figure.getBoundingClientRect();
    const p = state.cy.getElementById(a).renderedPosition();
    const q = b === undefined ? p : state.cy.getElementById(b).renderedPosition();
    return { x: box.left + p.x + along * (q.x - p.x), y: box.top + p.y + along * (q.y - p.y) };
  },
};

load().catch((e) => {
  status.textContent = `The web could not be drawn: ${e.message}`;
});
