// Attest's page: talks to the engine in a Web Worker and shows the clean, annotated article.
// Exposes window.annotator = { ready, annotate(input, opts) } as the contract says.
(function () {
  'use strict';

  // The offline single file sets window.attestConfig: how to start the worker, the sample text.
  const config = window.attestConfig || {};

  // ---- the engine, in a worker ----
  const worker = config.createWorker ? config.createWorker() : new Worker('worker.js');
  const pending = new Map();
  let nextId = 1;
  let readyResolve, readyReject;
  const ready = new Promise((resolve, reject) => { readyResolve = resolve; readyReject = reject; });

  worker.onmessage = (event) => {
    const msg = event.data;
    if (msg.type === 'ready') { performance.mark('attest-ready'); readyResolve(); return; }
    if (msg.type === 'fatal') {
      readyReject(new Error(msg.error));
      for (const p of pending.values()) p.reject(new Error(msg.error));
      pending.clear();
      return;
    }
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(new Error(msg.error));
    else p.resolve(msg.json !== undefined ? JSON.parse(msg.json) : msg.text);
  };
  worker.onerror = (event) => readyReject(new Error(event.message || 'the engine could not load'));

  // annotate(input, opts): input is a string (or a Uint8Array of file bytes); opts.in is
  // "auto", "html" or "text", opts.url the page address. Resolves to the Result.
  const MAX_INPUT = 20 * 1024 * 1024; // the engine's own limit; checked here so a huge paste never crosses to it

  function annotate(input, opts) {
    const size = typeof input === 'string' ? input.length : (input && input.byteLength) || 0;
    if (size > MAX_INPUT) {
      return Promise.reject(new Error(`the input is too large (${(size / 1048576).toFixed(1)} MB; the limit is 20 MB): save just the article and try again`));
    }
    return ready.then(() => new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, input, opts: JSON.stringify(opts || {}) });
    }));
  }

  // exportResult(result, "md" | "html"): the engine's own Markdown and standalone-page renderers.
  function exportResult(result, format) {
    return ready.then(() => new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, type: 'export', result: JSON.stringify(result), format });
    }));
  }

  // compareResults(results, names): the engine aligns several versions of one story.
  function compareResults(results, names) {
    return ready.then(() => new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, type: 'compare', results: JSON.stringify(results), names: JSON.stringify(names) });
    }));
  }

  window.annotator = { ready, annotate, compare: compareResults };

  // ---- the page ----
  const $ = (id) => document.getElementById(id);
  const statusEl = $('status');
  const inputEl = $('input');
  const inputPanel = $('input-panel');
  const articleEl = $('article');

  const LABELS = {
    QUOTE: 'Quote', PERSON: 'Person', ORG: 'Organisation', GPE: 'Country/city', LOC: 'Location',
    NORP: 'Group', FAC: 'Facility', EVENT: 'Event', WORK_OF_ART: 'Work', LAW: 'Law', PRODUCT: 'Product',
    LANGUAGE: 'Language', DATE: 'Date', TIME: 'Time', MONEY: 'Money', PERCENT: 'Percent',
    QUANTITY: 'Quantity', ORDINAL: 'Ordinal', CARDINAL: 'Number',
  };
  const REASONS = {
    nav: 'Navigation', ad: 'Advertising', related: 'Related stories', promo: 'Promotion', share: 'Share buttons',
    caption: 'Caption or credit', footer: 'Footer', comment: 'Comments', other: 'Other',
  };
  const hidden = new Set();

  function setStatus(text, kind) {
    statusEl.textContent = text;
    statusEl.dataset.kind = kind || '';
  }

  // count says "1 quote", "2 quotes".
  const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const c of children) node.append(c);
    return node;
  }

  async function run(input, opts) {
    const started = performance.now();
    setStatus('Annotating…', 'busy');
    document.body.classList.add('busy');
    try {
      const result = await annotate(input, opts);
      show(result);
      const ms = Math.round(performance.now() - started);
      setStatus(`${count(result.quotes.length, 'quote')}, ${count(nameGroups(result).size, 'name')}, ${count(result.removed.length, 'block')} removed · ${ms} ms`, 'ok');
      return result;
    } catch (err) {
      setStatus(friendly(err), 'error');
      showInput(true);
      throw err;
    } finally {
      document.body.classList.remove('busy');
    }
  }

  function friendly(err) {
    const msg = String(err && err.message || err);
    return 'Could not annotate: ' + msg.charAt(0).toLowerCase() + msg.slice(1);
  }

  let current = null; // the Result on screen
  let quoteIndex = -1;

  function show(result) {
    current = result;
    quoteIndex = -1;
    $('title').textContent = result.title || '';
    $('summary').textContent = result.summary || '';
    $('summary').hidden = !result.summary;
    $('meta').textContent = [result.byline, result.published].filter(Boolean).join(' · ');
    // result.html is sanitized by the engine (bluemonday) and the CSP forbids inline script; it is
    // also parsed in an inert document and its images held back until the person allows them,
    // so no tracking pixel loads unasked.
    const inert = new DOMParser().parseFromString('<!doctype html><body>' + result.html, 'text/html');
    const images = inert.querySelectorAll('img[src]');
    for (const img of images) {
      img.dataset.src = img.getAttribute('src');
      img.removeAttribute('src');
      img.setAttribute('loading', 'lazy');
      img.setAttribute('referrerpolicy', 'no-referrer');
    }
    articleEl.replaceChildren(...[...inert.body.childNodes].map((n) => document.importNode(n, true)));
    // a pasted text keeps its headline as the article's first heading (its names are marked
    // there): the header does not repeat it
    const lead = articleEl.firstElementChild;
    $('title').hidden = Boolean(lead && /^H[1-6]$/.test(lead.tagName) && lead.textContent.trim() === (result.title || '').trim());
    for (const a of articleEl.querySelectorAll('a[href]')) {
      a.target = '_blank';
      a.rel = 'nofollow noopener noreferrer';
    }
    for (const m of articleEl.querySelectorAll('mark[data-label=QUOTE]')) {
      m.tabIndex = 0; // reachable by keyboard; the speaker shows on focus
    }
    const imagesBtn = $('images-btn');
    imagesBtn.hidden = images.length === 0;
    imagesBtn.textContent = `Show ${images.length} image${images.length === 1 ? '' : 's'} (loads from the original site)`;
    showLegend(result);
    showQuotes(result);
    showEntities(result);
    showRemoved(result);
    showPrintQuotes(result);
    showWarnings(result);
  }

  // showWarnings says what the reader should know about the extraction ("most of the page's text
  // was removed"), with one click to put everything removed back in the article.
  function showWarnings(result) {
    const warnings = result.warnings || [];
    $('warning').hidden = warnings.length === 0;
    $('warning-text').textContent = warnings.map((w) => w.charAt(0).toUpperCase() + w.slice(1) + '.').join(' ');
    const btn = $('show-all-removed');
    btn.disabled = !result.removed.length;
    btn.textContent = 'Show everything that was removed';
  }

  function restoreAll() {
    if (!current) return;
    for (const btn of $('removed').querySelectorAll('button.restore:not(:disabled)')) btn.click();
    const btn = $('show-all-removed');
    btn.disabled = true;
    btn.textContent = 'Everything removed is shown, marked as restored';
  }

  // nameGroups gathers the result's names (not dates, sums or numbers) by canonical name, as the
  // Names panel lists them and the status line counts them.
  function nameGroups(result) {
    const groups = new Map();
    result.entities.forEach((e, i) => {
      if (['DATE', 'TIME', 'MONEY', 'PERCENT', 'QUANTITY', 'CARDINAL', 'ORDINAL'].includes(e.label)) return;
      const key = e.label + '|' + e.canonical;
      if (!groups.has(key)) groups.set(key, { label: e.label, canonical: e.canonical, mentions: [], forms: new Set() });
      const g = groups.get(key);
      g.mentions.push(i);
      g.forms.add(e.text);
    });
    return groups;
  }

  function showEntities(result) {
    const list = $('entities');
    list.replaceChildren();
    const groups = nameGroups(result);
    $('entity-count').textContent = groups.size ? String(groups.size) : '';
    const sorted = [...groups.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.canonical.localeCompare(b.canonical));
    for (const g of sorted) {
      let at = -1;
      const forms = [...g.forms].filter((f) => f !== g.canonical);
      const btn = el('button', { type: 'button', className: 'entity' },
        el('span', { className: 'swatch' }), g.canonical + ' ', el('span', { className: 'count', textContent: '×' + g.mentions.length }));
      btn.dataset.label = g.label;
      btn.title = `${LABELS[g.label] || g.label}${forms.length ? ' · also: ' + forms.join(', ') : ''} — click to go through its mentions`;
      btn.addEventListener('click', () => {
        at = (at + 1) % g.mentions.length;
        jumpTo(`mark[data-e="${g.mentions[at]}"]`);
      });
      list.append(el('li', {}, btn));
    }
  }

  function showPrintQuotes(result) {
    const box = $('print-quotes');
    box.replaceChildren();
    if (!result.quotes.length) return;
    const list = el('ol');
    for (const q of result.quotes) list.append(el('li', { textContent: `“${q.text}” — ${q.speaker || 'unattributed'}` }));
    box.append(el('h2', { textContent: 'Quotes' }), list);
  }

  function showLegend(result) {
    const counts = new Map();
    if (result.quotes.length) counts.set('QUOTE', result.quotes.length);
    for (const e of result.entities) counts.set(e.label, (counts.get(e.label) || 0) + 1);
    const legend = $('legend');
    legend.replaceChildren();
    for (const [label, n] of counts) {
      const btn = el('button', { type: 'button', className: 'chip' },
        el('span', { className: 'swatch' }), `${LABELS[label] || label} `, el('span', { className: 'n', textContent: String(n) }));
      btn.dataset.label = label;
      btn.setAttribute('aria-pressed', String(!hidden.has(label)));
      btn.addEventListener('click', () => {
        if (hidden.has(label)) hidden.delete(label); else hidden.add(label);
        btn.setAttribute('aria-pressed', String(!hidden.has(label)));
        applyHidden();
      });
      legend.append(el('li', {}, btn));
    }
    applyHidden();
  }

  function applyHidden() {
    articleEl.dataset.hide = [...hidden].join(' ');
  }

  function showQuotes(result) {
    const box = $('quotes');
    box.replaceChildren();
    $('quote-count').textContent = result.quotes.length ? String(result.quotes.length) : '';
    const groups = new Map();
    result.quotes.forEach((q, i) => {
      const who = q.speaker || 'Unattributed';
      if (!groups.has(who)) groups.set(who, []);
      groups.get(who).push([q, i]);
    });
    for (const [who, items] of groups) {
      const list = el('ol', { className: 'quote-list' });
      for (const [q, i] of items) {
        const btn = el('button', { type: 'button', className: 'quote-item', textContent: `“${q.text}”` });
        btn.addEventListener('click', () => jumpTo(`mark[data-q="${i}"]`));
        list.append(el('li', {}, btn));
      }
      box.append(el('section', { className: 'speaker' },
        el('h4', {}, who + ' ', el('span', { className: 'count', textContent: String(items.length) })), list));
    }
  }

  function showRemoved(result) {
    const list = $('removed');
    list.replaceChildren();
    $('removed-count').textContent = result.removed.length ? String(result.removed.length) : '';
    for (const r of result.removed) {
      const restore = el('button', { type: 'button', className: 'restore', textContent: 'Restore to the article' });
      restore.addEventListener('click', () => {
        restoreBlock(r);
        restore.disabled = true;
        restore.textContent = 'Restored';
      });
      const details = el('details', {},
        el('summary', {}, el('span', { className: 'reason', textContent: REASONS[r.reason] || r.reason }), ' ',
          el('span', { className: 'snippet', textContent: r.text.slice(0, 90) })),
        el('p', { textContent: r.text }),
        r.rule ? el('p', { className: 'rule', textContent: 'Removed by the rule ' + r.rule }) : '', restore);
      list.append(el('li', {}, details));
    }
  }

  // restoreBlock puts a removed block back where it stood: before the first article block that
  // starts at or after its offset (blocks are the text's paragraphs, in order).
  function restoreBlock(r) {
    const blocks = articleEl.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, pre, figcaption, tr');
    let offset = 0;
    let before = null;
    for (const b of blocks) {
      if (b.closest('li') && b.tagName === 'P') continue;
      if (offset >= r.at) { before = b.closest('ul, ol, table, figure, blockquote') || b; break; }
      offset += b.textContent.length + 2;
    }
    const p = el('p', { className: 'restored', textContent: r.text });
    p.title = `Restored: it was removed as ${REASONS[r.reason] || r.reason}`;
    if (before && before.parentNode) before.parentNode.insertBefore(p, before);
    else articleEl.append(p);
    p.scrollIntoView({ block: 'center' });
  }

  function nextQuote(step) {
    const marks = [...articleEl.querySelectorAll('mark[data-label=QUOTE]')].filter((m) => !m.parentElement.closest('mark[data-label=QUOTE]'));
    if (!marks.length) return;
    quoteIndex = (quoteIndex + step + marks.length) % marks.length;
    marks[quoteIndex].focus();
    jumpTo(null, marks[quoteIndex]);
  }

  async function exportAs(format, action) {
    if (!current) return;
    try {
      const text = format === 'json' ? JSON.stringify(current, null, 2) : await exportResult(current, format);
      if (action === 'copy') {
        await navigator.clipboard.writeText(text);
        setStatus(`Copied as ${format.toUpperCase()}.`, 'ok');
        return;
      }
      const type = { md: 'text/markdown', json: 'application/json', html: 'text/html' }[format];
      const name = (current.title || 'article').replace(/[^\w -]+/g, '').trim().slice(0, 60).replace(/\s+/g, '-').toLowerCase() || 'article';
      const a = el('a', { href: URL.createObjectURL(new Blob([text], { type: type + ';charset=utf-8' })), download: `${name}.${format}` });
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    } catch (err) {
      setStatus('Could not export: ' + (err.message || err), 'error');
    }
  }

  function jumpTo(selector, element) {
    const mark = element || articleEl.querySelector(selector);
    if (!mark) return;
    mark.scrollIntoView({ behavior: 'smooth', block: 'center' });
    for (const m of articleEl.querySelectorAll('.flash')) m.classList.remove('flash');
    void mark.offsetWidth; // restart the animation
    mark.classList.add('flash');
  }

  function showInput(open) {
    inputPanel.hidden = !open;
    $('edit-btn').setAttribute('aria-expanded', String(open));
    if (open) inputEl.focus();
  }

  // ---- input: paste anywhere, paste button, open file ----
  document.addEventListener('paste', (event) => {
    if (event.target === inputEl) return; // editing the input by hand
    const data = event.clipboardData;
    if (!data) return;
    const html = data.getData('text/html');
    const text = data.getData('text/plain');
    if (!html && !text) return;
    event.preventDefault();
    inputEl.value = html || text;
    run(html || text, { in: html ? 'html' : 'auto' }).catch(() => {});
  });

  $('paste-btn').addEventListener('click', async () => {
    try {
      if (navigator.clipboard && navigator.clipboard.read) {
        for (const item of await navigator.clipboard.read()) {
          const type = item.types.includes('text/html') ? 'text/html' : item.types.includes('text/plain') ? 'text/plain' : '';
          if (!type) continue;
          const value = await (await item.getType(type)).text();
          inputEl.value = value;
          await run(value, { in: type === 'text/html' ? 'html' : 'auto' });
          return;
        }
      }
      setStatus('The clipboard is empty or unreadable here: press Ctrl+V (⌘V) instead.', 'error');
    } catch (err) {
      setStatus('The browser did not allow reading the clipboard: press Ctrl+V (⌘V) instead.', 'error');
    }
  });

  // ---- comparing versions ----
  const versions = []; // [{name, result}]

  function showVersions() {
    const list = $('version-list');
    list.replaceChildren(...versions.map((v, i) => {
      const remove = el('button', { type: 'button', className: 'link', textContent: 'remove' });
      remove.setAttribute('aria-label', 'Remove ' + v.name);
      remove.addEventListener('click', () => { versions.splice(i, 1); showVersions(); });
      return el('li', {}, v.name + ' ', remove);
    }));
    $('version-count').textContent = versions.length ? String(versions.length) : '';
    $('compare-btn').disabled = versions.length < 2;
  }

  function versionName(result, fallback) {
    const t = (result.title || '').trim();
    return t ? (t.length > 40 ? t.slice(0, 40) + '…' : t) : fallback;
  }

  $('add-version').addEventListener('click', () => {
    if (!current) return;
    versions.push({ name: versionName(current, 'Version ' + (versions.length + 1)), result: current });
    showVersions();
    setStatus(`Added to the comparison (${versions.length}). Paste or open another version, then press Compare.`, 'ok');
  });
  $('compare-btn').addEventListener('click', () => runCompare().catch(() => {}));
  $('compare-close').addEventListener('click', () => {
    $('compare').hidden = true;
    $('reading').hidden = false;
  });

  async function openFiles(files) {
    if (files.length > 1) {
      setStatus(`Annotating ${files.length} versions…`, 'busy');
      versions.length = 0;
      for (const f of files) {
        const bytes = new Uint8Array(await f.arrayBuffer());
        const result = await annotate(bytes, { in: /\.(txt|md)$/i.test(f.name) ? 'text' : 'auto' }).catch((err) => {
          setStatus(friendly(err) + ` (${f.name})`, 'error');
          return null;
        });
        if (!result) return;
        versions.push({ name: f.name, result });
      }
      showVersions();
      show(versions[0].result);
      await runCompare();
      return;
    }
    await openFile(files[0]);
  }

  async function runCompare() {
    if (versions.length < 2) return;
    const c = await compareResults(versions.map((v) => v.result), versions.map((v) => v.name));
    showComparison(c);
    setStatus(`${c.versions.length} versions, ${c.quotes.length} quotes aligned.`, 'ok');
  }

  const MARK = { present: '✓', altered: '≈', absent: '—' };
  const STATUS = { present: 'present', altered: 'altered', absent: 'absent' };

  function showComparison(c) {
    $('compare-title').textContent = `Comparison of ${c.versions.length} versions`;
    const table = $('compare-quotes');
    const short = (v) => (v.length > 14 ? v.slice(0, 12) + '…' : v);
    const versionHead = (v) => { const th = el('th', { scope: 'col', textContent: short(v) }); th.title = v; return th; };
    const head = el('tr', {}, el('th', { scope: 'col', textContent: 'Speaker' }), el('th', { scope: 'col', textContent: 'Quote' }),
      ...c.versions.map(versionHead));
    const rows = [];
    c.quotes.forEach((q, i) => {
      const cells = q.cells.map((cell) => {
        const td = el('td', { className: 'status ' + cell.status });
        td.append(el('span', { textContent: MARK[cell.status] }));
        td.title = STATUS[cell.status] + (cell.speaker ? ' · ' + cell.speaker : '');
        if (cell.speakerChanged) td.append(el('span', { className: 'moved', textContent: ' ' + cell.speaker }));
        return td;
      });
      const toggle = el('button', { type: 'button', className: 'row-toggle', textContent: q.text.length > 110 ? q.text.slice(0, 110) + '…' : q.text });
      toggle.setAttribute('aria-expanded', 'false');
      const tr = el('tr', { className: 'quote-row' }, el('td', { textContent: q.speaker || '—' }), el('td', {}, toggle), ...cells);
      const detail = el('tr', { className: 'detail', hidden: true }, el('td', { colSpan: 2 + c.versions.length }, detailOf(c, q)));
      toggle.addEventListener('click', () => {
        detail.hidden = !detail.hidden;
        toggle.setAttribute('aria-expanded', String(!detail.hidden));
      });
      tr.dataset.row = String(i);
      rows.push(tr, detail);
    });
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
    const et = $('compare-entities');
    et.replaceChildren(el('thead', {}, el('tr', {}, el('th', { scope: 'col', textContent: 'Name' }), el('th', { scope: 'col', textContent: 'Label' }),
      ...c.versions.map(versionHead))),
    el('tbody', {}, ...c.entities.map((e) => el('tr', {}, el('td', { textContent: e.canonical }), el('td', { textContent: LABELS[e.label] || e.label }),
      ...e.counts.map((n) => el('td', { className: n ? 'count-cell' : 'count-cell zero', textContent: n ? String(n) : '—' }))))));
    showSideBySide(c);
    $('reading').hidden = true;
    $('compare').hidden = false;
  }

  // showSideBySide lays the versions' paragraphs out in columns, aligned row by row.
  function showSideBySide(c) {
    const paras = versions.map((v) => v.result.text.split('\n\n'));
    const rows = c.paragraphs.map((p) => el('tr', {}, ...p.indexes.map((i, v) => {
      const td = el('td', { className: i < 0 ? 'missing' : '' });
      td.textContent = i < 0 ? '—' : (paras[v] && paras[v][i]) || '';
      return td;
    })));
    $('side-by-side').replaceChildren(
      el('thead', {}, el('tr', {}, ...c.versions.map((v) => { const th = el('th', { scope: 'col', textContent: v.length > 24 ? v.slice(0, 22) + '…' : v }); th.title = v; return th; }))),
      el('tbody', {}, ...rows));
  }

  // detailOf shows each version's wording of a quote, with the words it adds and drops.
  function detailOf(c, q) {
    const box = el('div', { className: 'versions-detail' });
    q.cells.forEach((cell, v) => {
      const p = el('p', {}, el('strong', { textContent: c.versions[v] + ': ' }));
      if (cell.status === 'absent') p.append(el('em', { textContent: 'not in this version' }));
      else if (cell.status === 'present') p.append('“' + cell.text + '”');
      else {
        p.append('“');
        for (const op of cell.diff) {
          if (op.op === '=') p.append(op.text + ' ');
          else if (op.op === '+') p.append(el('ins', { textContent: op.text }), ' ');
          else p.append(el('del', { textContent: op.text }), ' ');
        }
        p.append('”');
      }
      if (cell.speaker) p.append(el('span', { className: cell.speakerChanged ? 'moved' : 'who', textContent: ' — ' + cell.speaker }));
      box.append(p);
    });
    return box;
  }

  async function openFile(file) {
    if (!file) return;
    if (file.size > MAX_INPUT) {
      setStatus(`Could not annotate: ${file.name} is ${(file.size / 1048576).toFixed(1)} MB; the limit is 20 MB.`, 'error');
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = /\.(txt|md)$/i.test(file.name) ? 'text' : 'auto';
    inputEl.value = new TextDecoder().decode(bytes.subarray(0, 200000));
    run(bytes, { in: kind }).catch(() => {});
  }

  $('file').addEventListener('change', (event) => {
    openFiles([...event.target.files]).catch(() => {});
    event.target.value = '';
  });

  // drag and drop anywhere
  let dragDepth = 0;
  const dropEl = $('drop');
  document.addEventListener('dragenter', (e) => { if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) { dragDepth++; dropEl.hidden = false; } });
  document.addEventListener('dragleave', () => { if (--dragDepth <= 0) { dragDepth = 0; dropEl.hidden = true; } });
  document.addEventListener('dragover', (e) => { if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) e.preventDefault(); });
  document.addEventListener('drop', (e) => {
    dragDepth = 0;
    dropEl.hidden = true;
    const files = e.dataTransfer ? [...e.dataTransfer.files] : [];
    if (!files.length) return;
    e.preventDefault();
    openFiles(files).catch(() => {});
  });

  for (const b of document.querySelectorAll('[data-export]')) {
    b.addEventListener('click', () => exportAs(b.dataset.export, b.dataset.action));
  }

  // keyboard shortcuts (not while typing)
  const help = $('help');
  $('help-btn').addEventListener('click', () => help.showModal());
  $('help-close').addEventListener('click', () => help.close());
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t && (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT' || t.isContentEditable)) return;
    switch (e.key) {
      case 'j': case 'n': nextQuote(1); break;
      case 'k': case 'p': nextQuote(-1); break;
      case 'h': { const box = $('marks-toggle'); box.checked = !box.checked; box.dispatchEvent(new Event('change')); break; }
      case 'o': $('file').click(); break;
      case 'e': showInput(true); break;
      case '?': help.showModal(); break;
      default: return;
    }
    e.preventDefault();
  });

  $('show-all-removed').addEventListener('click', restoreAll);

  $('images-btn').addEventListener('click', () => {
    for (const img of articleEl.querySelectorAll('img[data-src]')) img.src = img.dataset.src;
    $('images-btn').hidden = true;
  });
  $('edit-btn').addEventListener('click', () => showInput(inputPanel.hidden));
  $('run-btn').addEventListener('click', () => run(inputEl.value, { in: 'auto' }).catch(() => {}));
  inputEl.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) $('run-btn').click();
  });
  $('marks-toggle').addEventListener('change', (event) => {
    articleEl.classList.toggle('plain', !event.target.checked);
  });

  // ---- the bookmarklet: install link, and the receiving end of its hand-over ----
  // Protocol (see README): the bookmarklet opens this page as #bookmarklet=NONCE in a window named
  // "attest" and repeats {type: "attest-hello", nonce} to it, target origin pinned to ours. We answer
  // the sender (its origin pinned) with "attest-ready"; it then sends {type: "attest-article",
  // nonce, html, url, title}. A nonce works once, and the page's claimed URL must match the
  // sender's origin.
  const usedNonces = new Set();
  let expected = null; // {nonce, source, origin}
  let waitingForPage = false;

  function bookmarkletCode(origin) {
    return `(function(){var A=${JSON.stringify(origin)},d=document,N=(self.crypto&&crypto.randomUUID?crypto.randomUUID():Math.random().toString(36).slice(2)+Date.now().toString(36)),` +
      `w=window.open(A+'/#bookmarklet='+N,'attest'),P={type:'attest-article',nonce:N,html:d.documentElement.outerHTML,url:location.href,title:d.title},ok=0,t0=Date.now(),iv;` +
      `function S(){a=d.createElement('a');a.href=URL.createObjectURL(new Blob([P.html],{type:'text/html'}));a.download=(d.title||'page').replace(/[^\\w -]+/g,'').slice(0,60)+'.html';a.click();alert('Attest: '+W+' The page was saved as a file instead: open it in Attest.')}` +
      `var a,W;function F(why){W=why;clearInterval(iv);removeEventListener('message',M);try{navigator.clipboard.writeText(P.html).then(function(){alert('Attest: '+why+' The page was copied instead: press Ctrl+V (\\u2318V) in the Attest window.')},S)}catch(e){S()}}` +
      `function M(e){if(e.origin!==A||e.source!==w||!e.data||e.data.type!=='attest-ready'||e.data.nonce!==N)return;ok=1;clearInterval(iv);removeEventListener('message',M);w.postMessage(P,A)}` +
      `if(!w){alert('Attest: allow pop-ups for this site, then click the bookmarklet again.');return}addEventListener('message',M);` +
      `iv=setInterval(function(){if(ok)return;if(w.closed){F('this site cuts the link to the Attest window.');return}if(Date.now()-t0>10000){F('the Attest window did not answer.');return}try{w.postMessage({type:'attest-hello',nonce:N},A)}catch(e){}},200)})()`;
  }

  function setupInstall() {
    const link = $('bookmarklet');
    if (!link) return;
    if (!/^https?:$/.test(location.protocol)) {
      link.closest('section').hidden = true; // a file:// page has no origin to hand pages to
      return;
    }
    link.href = 'javascript:' + encodeURIComponent(bookmarkletCode(location.origin));
    link.addEventListener('click', (event) => {
      event.preventDefault();
      setStatus('Drag “Attest this page” to your bookmarks bar, then click it on any news page.', 'ok');
    });
  }

  function readNonce() {
    const m = /^#bookmarklet=([\w-]{8,100})$/.exec(location.hash);
    if (!m || usedNonces.has(m[1])) return;
    history.replaceState(null, '', location.pathname + location.search); // the nonce is not for bookmarks
    expected = { nonce: m[1], source: null, origin: null };
    waitingForPage = true;
    setStatus('Waiting for the page from the bookmarklet…', 'busy');
    setTimeout(() => {
      if (expected && expected.nonce === m[1] && !expected.source) {
        setStatus('The page did not arrive. If the site blocks the hand-over, the bookmarklet copies the page instead: press Ctrl+V (⌘V) here.', 'error');
      }
    }, 4000);
  }

  window.addEventListener('message', (event) => {
    const d = event.data;
    if (!expected || !d || typeof d !== 'object' || d.nonce !== expected.nonce || usedNonces.has(d.nonce)) return;
    if (d.type === 'attest-hello' && !expected.source && event.source) {
      expected.source = event.source;
      expected.origin = event.origin;
      event.source.postMessage({ type: 'attest-ready', nonce: d.nonce }, event.origin);
      return;
    }
    if (d.type !== 'attest-article' || event.source !== expected.source || event.origin !== expected.origin) return;
    let pageOrigin = '';
    try { pageOrigin = new URL(d.url).origin; } catch { return; }
    if (pageOrigin !== event.origin || typeof d.html !== 'string') return;
    usedNonces.add(d.nonce);
    expected = null;
    inputEl.value = d.html;
    run(d.html, { in: 'html', url: d.url }).catch(() => {});
  });
  window.addEventListener('hashchange', readNonce);

  // ---- start: the engine, then the sample article ----
  setupInstall();
  readNonce();
  ready.then(async () => {
    if (waitingForPage || inputEl.value) return; // a page is on its way, or the person pasted one
    setStatus('Engine ready. Loading the sample article…', 'ok');
    const sample = config.sample !== undefined ? config.sample : await (await fetch('sample.txt')).text();
    if (inputEl.value || waitingForPage) return;
    inputEl.value = sample;
    await run(sample, { in: 'text' });
  }).catch((err) => setStatus(friendly(err), 'error'));
})();
