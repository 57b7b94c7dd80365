// The engine's Web Worker: loads the WebAssembly build of the Go engine and answers
// {id, input, opts} messages with {id, json} or {id, error}. The page never blocks on it.
'use strict';

importScripts('wasm_exec.js');

self.attestReady = () => postMessage({ type: 'ready' });

async function start() {
  const go = new Go();
  const source = fetch('annotate.wasm');
  let result;
  try {
    result = await WebAssembly.instantiateStreaming(source, go.importObject);
  } catch (err) {
    // servers that send the wrong MIME type: fall back to compiling the bytes
    const bytes = await (await fetch('annotate.wasm')).arrayBuffer();
    result = await WebAssembly.instantiate(bytes, go.importObject);
  }
  go.run(result.instance).then(() => postMessage({ type: 'fatal', error: 'the engine stopped' }));
}

start().catch((err) => postMessage({ type: 'fatal', error: 'the engine could not start: ' + err }));

self.onmessage = (event) => {
  const { id, input, opts } = event.data;
  try {
    const out = self.attestAnnotate(input, opts || '{}');
    postMessage({ id, json: out.json, error: out.error });
  } catch (err) {
    postMessage({ id, error: 'the engine failed on this input: ' + err });
  }
};
