//go:build js && wasm

// Command browser is the engine's bridge to the web page: it runs in a Web Worker and exposes
// one function, attestAnnotate(input, optsJSON), that returns {json} or {error}.
package main

import (
	"fmt"
	"runtime/debug"
	"syscall/js"
	"unsafe"

	"github.com/attest-news/attest/annotate"
	"github.com/attest-news/attest/internal/bridge"
)

// gcPercent tunes the collector while an article of up to bigInput bytes is annotated: its few
// megabytes of allocations are garbage once the result is out, so collecting when the heap has
// grown five times over what survived (rather than twice, Go's default) spends about a fifth less
// time per article in WebAssembly, where the collector has one thread. Longer inputs, and the time
// between calls, keep Go's default: memory a WebAssembly page has grown to is never given back,
// and a long article's working set is large already (annotate/internal/sched keeps it bounded).
const (
	gcPercent = 400
	bigInput  = 512 << 10
)

func main() {
	js.Global().Set("attestAnnotate", js.FuncOf(annotateJS))
	js.Global().Set("attestExport", js.FuncOf(exportJS))
	js.Global().Set("attestCompare", js.FuncOf(compareJS))
	if ready := js.Global().Get("attestReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // keep serving calls
}

// annotateJS takes the article (a string, or a Uint8Array of file bytes whose encoding the
// engine detects) and options as JSON ({"in": "auto", "url": ""}). Offsets in the result are
// UTF-16 code units, as JavaScript strings count them.
func annotateJS(_ js.Value, args []js.Value) (out any) {
	defer recoverTo(&out, "the engine failed on this input")
	if len(args) == 0 {
		return map[string]any{"error": "annotate needs the article text"}
	}
	var text string  // a paste
	var input []byte // file bytes, whose encoding the engine detects
	switch v := args[0]; {
	case v.Type() == js.TypeString:
		text = jsText(v)
	case v.InstanceOf(js.Global().Get("Uint8Array")):
		input = make([]byte, v.Length())
		js.CopyBytesToGo(input, v)
	default:
		return map[string]any{"error": "annotate takes a string or a Uint8Array"}
	}
	var opts annotate.Options
	if len(args) > 1 && args[1].Type() == js.TypeString {
		var err error
		if opts, err = bridge.ParseOptions(args[1].String()); err != nil {
			return map[string]any{"error": "bad options: " + err.Error()}
		}
	}
	opts.Charsets = textDecoder{}
	if len(input)+len(text) <= bigInput {
		defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	}
	var res *annotate.Result
	var err error
	if input != nil {
		res, err = annotate.Annotate(input, opts)
	} else {
		res, err = annotate.AnnotateString(text, opts)
	}
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	return map[string]any{"json": string(bridge.UTF16(res).AppendJSON(nil))}
}

// exportJS renders a Result (as JSON) as "md" (Markdown with a quotes appendix) or "html" (a
// standalone page with no script), the same renderers as the CLI's -format md and html.
func exportJS(_ js.Value, args []js.Value) (out any) {
	defer recoverTo(&out, "export failed")
	if len(args) < 2 {
		return map[string]any{"error": "export needs a result and a format"}
	}
	res, err := annotate.ParseResult(args[0].String())
	if err != nil {
		return map[string]any{"error": "bad result: " + err.Error()}
	}
	switch args[1].String() {
	case "md":
		return map[string]any{"text": annotate.Markdown(res)}
	case "html":
		return map[string]any{"text": annotate.Page(res)}
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
	results, err := annotate.ParseResults(args[0].String())
	if err != nil {
		return map[string]any{"error": "bad results: " + err.Error()}
	}
	names, err := bridge.ParseStrings(args[1].String())
	if err != nil || len(names) != len(results) {
		return map[string]any{"error": "bad names"}
	}
	return map[string]any{"json": string(annotate.Compare(names, results).AppendJSON(nil))}
}

// recoverTo turns a panic into an {error} answer, keeping the engine alive for the next call.
func recoverTo(out *any, what string) {
	if p := recover(); p != nil {
		*out = map[string]any{"error": fmt.Sprintf("%s (%v); please report it", what, p)}
	}
}

var textEncoder js.Value

// jsText is v.String() with one copy of the text in Go's memory instead of two: the browser
// encodes the string as UTF-8 and the bytes are copied once, into memory nothing else refers
// to, so they can be the string. Inputs are hundreds of kilobytes: fewer copies mean fewer
// collections.
func jsText(v js.Value) string {
	if textEncoder.IsUndefined() {
		textEncoder = js.Global().Get("TextEncoder").New()
	}
	u8 := textEncoder.Call("encode", v)
	b := make([]byte, u8.Length())
	js.CopyBytesToGo(b, u8)
	return unsafe.String(unsafe.SliceData(b), len(b))
}
