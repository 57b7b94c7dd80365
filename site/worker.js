// The engine's Web Worker: loads the WebAssembly build of the Go engine and answers
// {id, input, opts} messages with {id, json} or {id, error}. The page never blocks on it.
// Served, it fetches annotate.wasm itself; in the offline single file (self.attestOffline) the
// page sends the bytes in an {type: "init", wasm} message instead.
'use strict';

if (typeof self.Go === 'undefined') importScripts('wasm_exec.js');

self.attestReady = () => postMessage({ type: 'ready' });

// attestMemory reports the engine's WebAssembly memory in bytes (Go never returns it, so this is
// also its peak); the benchmark reads it.
let wasmMemory = null;
self.attestMemory = () => (wasmMemory ? wasmMemory.buffer.byteLength : 0);

async function start(bytes) {
  const go = new Go();
  let result;
  if (bytes) {
    result = await WebAssembly.instantiate(bytes, go.importObject);
  } else {
    try {
      result = await WebAssembly.instantiateStreaming(fetch('annotate.wasm'), go.importObject);
    } catch (err) {
      // servers that send the wrong MIME type: compile the bytes instead
      const buf = await (await fetch('annotate.wasm')).arrayBuffer();
      result = await WebAssembly.instantiate(buf, go.importObject);
    }
  }
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
    const out = self.attestAnnotate(msg.input, msg.opts || '{}');
    postMessage({ id: msg.id, json: out.json, error: out.error });
  } catch (err) {
    postMessage({ id: msg.id, error: 'the engine failed on this input: ' + err });
  }
};
