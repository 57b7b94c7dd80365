// Attest's page: talks to the engine in a Web Worker and shows the clean, annotated article.
// Exposes window.annotator = { ready, annotate(input, opts) } as the contract says.
(function () {
  'use strict';

  // ---- the engine, in a worker ----
  const worker = new Worker('worker.js');
  const pending = new Map();
  let nextId = 1;
  let readyResolve, readyReject;
  const ready = new Promise((resolve, reject) => { readyResolve = resolve; readyReject = reject; });

  worker.onmessage = (event) => {
    const msg = event.data;
    if (msg.type === 'ready') { readyResolve(); return; }
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
    else p.resolve(JSON.parse(msg.json));
  };
  worker.onerror = (event) => readyReject(new Error(event.message || 'the engine could not load'));

  // annotate(input, opts): input is a string (or a Uint8Array of file bytes); opts.in is
  // "auto", "html" or "text", opts.url the page address. Resolves to the Result.
  function annotate(input, opts) {
    return ready.then(() => new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, input, opts: JSON.stringify(opts || {}) });
    }));
  }

  window.annotator = { ready, annotate };

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
      setStatus(`${result.quotes.length} quotes, ${result.entities.length} names, ${result.removed.length} blocks removed · ${ms} ms`, 'ok');
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

  function show(result) {
    $('title').textContent = result.title || '';
    $('meta').textContent = [result.byline, result.published].filter(Boolean).join(' · ');
    // result.html is sanitized by the engine (bluemonday); the CSP forbids inline script as well.
    articleEl.innerHTML = result.html;
    showLegend(result);
    showQuotes(result);
    showRemoved(result);
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
      const details = el('details', {},
        el('summary', {}, el('span', { className: 'reason', textContent: REASONS[r.reason] || r.reason }), ' ',
          el('span', { className: 'snippet', textContent: r.text.slice(0, 90) })),
        el('p', { textContent: r.text }));
      list.append(el('li', {}, details));
    }
  }

  function jumpTo(selector) {
    const mark = articleEl.querySelector(selector);
    if (!mark) return;
    mark.scrollIntoView({ behavior: 'smooth', block: 'center' });
    mark.classList.remove('flash');
    void mark.offsetWidth;
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

  $('file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = /\.(txt|md)$/i.test(file.name) ? 'text' : 'auto';
    inputEl.value = new TextDecoder().decode(bytes.subarray(0, 200000));
    run(bytes, { in: kind }).catch(() => {});
    event.target.value = '';
  });

  $('edit-btn').addEventListener('click', () => showInput(inputPanel.hidden));
  $('run-btn').addEventListener('click', () => run(inputEl.value, { in: 'auto' }).catch(() => {}));
  inputEl.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) $('run-btn').click();
  });
  $('marks-toggle').addEventListener('change', (event) => {
    articleEl.classList.toggle('plain', !event.target.checked);
  });

  // ---- start: the engine, then the sample article ----
  ready.then(async () => {
    setStatus('Engine ready. Loading the sample article…', 'ok');
    const sample = await (await fetch('sample.txt')).text();
    if (inputEl.value) return; // the person already pasted something
    inputEl.value = sample;
    await run(sample, { in: 'text' });
  }).catch((err) => setStatus(friendly(err), 'error'));
})();
