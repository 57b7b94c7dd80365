// The engine's Web Worker: loads the WebAssembly build of the Go engine and answers
// {id, input, opts} messages with {id, json} or {id, error}. The page never blocks on it.
// Served, it fetches annotate.wasm itself; in the offline single file (self.attestOffline) the
// page sends the bytes in an {type: "init", wasm} message instead.
'use strict';

// The engine's download starts first: wasm_exec.js is fetched and run while it comes.
const engineResponse = self.attestOffline ? null : fetch('annotate.wasm');
if (engineResponse) engineResponse.catch(() => {}); // start() reports a failure
if (typeof self.Go === 'undefined') importScripts('wasm_exec.js');

// attestStartup times the engine's start in this worker (absolute ms: timeOrigin + now) — the
// worker's own start, the WebAssembly compiled and instantiated, Go's initialisation done —
// for the benchmark, which splits "ready" into those parts.
self.attestStartup = { workerStart: performance.timeOrigin };
const stamp = (name) => { self.attestStartup[name] = performance.timeOrigin + performance.now(); };

self.attestReady = () => {
  stamp('ready');
  postMessage({ type: 'ready' });
};

// attestMemory reports the engine's WebAssembly memory in bytes (Go never returns it, so this is
// also its peak); the benchmark reads it.
let wasmMemory = null;
self.attestMemory = () => (wasmMemory ? wasmMemory.buffer.byteLength : 0);

// attestTimes are the last annotations' times inside the engine (ms), for the benchmark: the
// page's own timing adds the messages to and from this worker and parsing the result.
self.attestTimes = [];

async function start(bytes) {
  const go = new Go();
  let result;
  if (bytes) {
    result = await WebAssembly.instantiate(bytes, go.importObject);
  } else {
    try {
      result = await WebAssembly.instantiateStreaming(engineResponse, go.importObject);
    } catch (err) {
      // servers that send the wrong MIME type: compile the bytes instead
      const buf = await (await fetch('annotate.wasm')).arrayBuffer();
      result = await WebAssembly.instantiate(buf, go.importObject);
    }
  }
  stamp('instantiated');
  wasmMemory = result.instance.exports.mem;
  go.run(result.instance).then(() => postMessage({ type: 'fatal', error: 'the engine stopped' }));
}

function fail(err) {
  postMessage({ type: 'fatal', error: 'the engine could not start: ' + err });
}

if (!self.attestOffline) start().catch(fail);

self.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    start(msg.wasm).catch(fail);
    return;
  }
  try {
    if (msg.type === 'compare') {
      const out = self.attestCompare(msg.results, msg.names);
      postMessage({ id: msg.id, json: out.json, error: out.error });
      return;
    }
    if (msg.type === 'export') {
      const out = self.attestExport(msg.result, msg.format);
      postMessage({ id: msg.id, text: out.text, error: out.error });
      return;
    }
    const started = performance.now();
    const out = self.attestAnnotate(msg.input, msg.opts || '{}');
    self.attestTimes.push(performance.now() - started);
    if (self.attestTimes.length > 100) self.attestTimes.shift();
    postMessage({ id: msg.id, json: out.json, error: out.error });
  } catch (err) {
    postMessage({ id: msg.id, error: 'the engine failed on this input: ' + err });
  }
};
