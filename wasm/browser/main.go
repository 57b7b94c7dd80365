//go:build js && wasm

// Command browser is the engine's bridge to the web page: it runs in a Web Worker and exposes
// one function, attestAnnotate(input, optsJSON), that returns {json} or {error}.
package main

import (
	"encoding/json"
	"fmt"
	"syscall/js"

	"github.com/attest-news/attest/annotate"
)

func main() {
	js.Global().Set("attestAnnotate", js.FuncOf(annotateJS))
	js.Global().Set("attestExport", js.FuncOf(exportJS))
	js.Global().Set("attestCompare", js.FuncOf(compareJS))
	if ready := js.Global().Get("attestReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	go warmUp()
	select {} // keep serving calls
}

// warmUp annotates two small articles of our own, one page and one text, right after the engine
// says it is ready: the first real article then finds its patterns compiled, its tables built
// and its code tiered up. A call that arrives meanwhile waits for it (the engine is single-threaded).
func warmUp() {
	defer func() { recover() }()
	annotate.Annotate([]byte(warmPage), annotate.Options{In: annotate.InputHTML})
	annotate.Annotate([]byte(warmText), annotate.Options{In: annotate.InputText})
}

const warmPage = `<html><head><title>Storm closes ports | Example News</title><meta name="author" content="Dana Reyes"></head>` +
	`<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Storm closes ports</h1><p>By Dana Reyes</p>` +
	`<p>Port officials in Rotterdam closed three terminals on Monday as winds reached 120 kilometers an hour, the harbour authority said.</p>` +
	`<figure><img src="https://example.com/a.jpg" alt=""><figcaption>Waves hit the pier. (AP Photo/Jane Doe)</figcaption></figure>` +
	`<p>“Safety comes first,” said Pieter Jansen, a spokesman for the Port of Rotterdam. “We will reopen when the wind drops.”</p>` +
	`<p>READ MORE: Ferries cancelled across the North Sea</p><p>Shipping companies said delays could cost $12 million, or 3 percent of the week's trade.</p>` +
	`</article><footer>© 2026 Example News. All rights reserved.</footer></body></html>`

const warmText = "Council rejects bridge toll\nShare and Follow\n\n" +
	"Mayor Maria Lopez said on Friday that the city would not charge drivers to cross the new bridge.\n\n" +
	"\"No,\" she said, \"we will not put a price on getting to work.\"\n\n" +
	"Her rival, Senator John Park, called the decision \"a gift to commuters\" in an interview with the Texas Tribune."

// annotateJS takes the article (a string, or a Uint8Array of file bytes whose encoding the
// engine detects) and options as JSON ({"in": "auto", "url": ""}). Offsets in the result are
// UTF-16 code units, as JavaScript strings count them.
func annotateJS(_ js.Value, args []js.Value) (out any) {
	defer recoverTo(&out, "the engine failed on this input")
	if len(args) == 0 {
		return map[string]any{"error": "annotate needs the article text"}
	}
	var input []byte
	switch v := args[0]; {
	case v.Type() == js.TypeString:
		input = []byte(v.String())
	case v.InstanceOf(js.Global().Get("Uint8Array")):
		input = make([]byte, v.Length())
		js.CopyBytesToGo(input, v)
	default:
		return map[string]any{"error": "annotate takes a string or a Uint8Array"}
	}
	var opts struct {
		In  string `json:"in"`
		URL string `json:"url"`
	}
	if len(args) > 1 && args[1].Type() == js.TypeString {
		if err := json.Unmarshal([]byte(args[1].String()), &opts); err != nil {
			return map[string]any{"error": "bad options: " + err.Error()}
		}
	}
	res, err := annotate.Annotate(input, annotate.Options{In: opts.In, URL: opts.URL})
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	data, err := json.Marshal(res.UTF16())
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	return map[string]any{"json": string(data)}
}

// exportJS renders a Result (as JSON) as "md" (Markdown with a quotes appendix) or "html" (a
// standalone page with no script), the same renderers as the CLI's -format md and html.
func exportJS(_ js.Value, args []js.Value) (out any) {
	defer recoverTo(&out, "export failed")
	if len(args) < 2 {
		return map[string]any{"error": "export needs a result and a format"}
	}
	var res annotate.Result
	if err := json.Unmarshal([]byte(args[0].String()), &res); err != nil {
		return map[string]any{"error": "bad result: " + err.Error()}
	}
	switch args[1].String() {
	case "md":
		return map[string]any{"text": annotate.Markdown(&res)}
	case "html":
		return map[string]any{"text": annotate.Page(&res)}
	}
	return map[string]any{"error": "unknown export format " + args[1].String()}
}

// compareJS aligns several Results (a JSON array) labelled by names (a JSON array) and returns the
// Comparison as JSON.
func compareJS(_ js.Value, args []js.Value) (out any) {
	defer recoverTo(&out, "compare failed")
	if len(args) < 2 {
		return map[string]any{"error": "compare needs results and names"}
	}
	var results []*annotate.Result
	var names []string
	if err := json.Unmarshal([]byte(args[0].String()), &results); err != nil {
		return map[string]any{"error": "bad results: " + err.Error()}
	}
	if err := json.Unmarshal([]byte(args[1].String()), &names); err != nil || len(names) != len(results) {
		return map[string]any{"error": "bad names"}
	}
	data, err := json.Marshal(annotate.Compare(names, results))
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	return map[string]any{"json": string(data)}
}

// recoverTo turns a panic into an {error} answer, keeping the engine alive for the next call.
func recoverTo(out *any, what string) {
	if p := recover(); p != nil {
		*out = map[string]any{"error": fmt.Sprintf("%s (%v); please report it", what, p)}
	}
}
