//go:build js && wasm

package main

import (
	"encoding/json"
	"runtime/debug"
	"strings"
	"syscall/js"
	"testing"
	"unicode/utf16"
)

// call runs the bridge the way the page's worker does.
func call(t *testing.T, input js.Value, opts string) js.Value {
	t.Helper()
	return js.ValueOf(annotateJS(js.Undefined(), []js.Value{input, js.ValueOf(opts)}))
}

func TestBridge(t *testing.T) {
	article := "Mayor Inês Carvalho spoke on Tuesday. “We have the sun — and the will,” she said. 😀 Lisbon agreed."
	uint8 := js.Global().Get("Uint8Array").New(len(article))
	js.CopyBytesToJS(uint8, []byte(article))
	tests := []struct {
		name      string
		input     js.Value
		opts      string
		wantError string
	}{
		{"string", js.ValueOf(article), `{"in":"text"}`, ""},
		// a lone surrogate (a JavaScript string need not be valid UTF-16) becomes U+FFFD
		{"lone surrogate", js.Global().Get("String").Get("prototype").Get("concat").Call("call", article, js.Global().Get("String").Call("fromCharCode", 0xD800)), `{"in":"text"}`, ""},
		{"bytes", uint8, `{"in":"auto"}`, ""},
		{"empty", js.ValueOf("   "), `{}`, "empty"},
		{"bad options", js.ValueOf(article), `{"in":`, "bad options"},
		{"bad kind", js.ValueOf(article), `{"in":"pdf"}`, "input kind"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := call(t, tc.input, tc.opts)
			if tc.wantError != "" {
				if e := out.Get("error"); e.Type() != js.TypeString || !strings.Contains(e.String(), tc.wantError) {
					t.Fatalf("error = %v, want it to mention %q", e, tc.wantError)
				}
				return
			}
			var res struct {
				Text   string
				Quotes []struct {
					Start, End int
					Text       string
					Speaker    *string
				}
				Entities []struct {
					Start, End int
					Text       string
				}
			}
			if err := json.Unmarshal([]byte(out.Get("json").String()), &res); err != nil {
				t.Fatal(err)
			}
			units := utf16.Encode([]rune(res.Text))
			slice := func(s, e int) string { return string(utf16.Decode(units[s:e])) }
			if len(res.Quotes) != 1 || slice(res.Quotes[0].Start, res.Quotes[0].End) != res.Quotes[0].Text {
				t.Fatalf("quotes = %+v: offsets must be UTF-16 units", res.Quotes)
			}
			if s := res.Quotes[0].Speaker; s == nil || *s != "Inês Carvalho" {
				t.Errorf("speaker = %v, want Inês Carvalho", s)
			}
			var lisbon bool
			for _, e := range res.Entities {
				if got := slice(e.Start, e.End); got != e.Text {
					t.Errorf("entity %q at %d:%d slices to %q", e.Text, e.Start, e.End, got)
				}
				lisbon = lisbon || e.Text == "Lisbon"
			}
			if !lisbon {
				t.Errorf("entities %+v: Lisbon (after an astral-plane emoji) is missing", res.Entities)
			}
		})
	}
}

// TestCollectorSettings: each call leaves Go's collector setting as it found it, whether it ran
// with gcPercent (a short article) or with the setting as is (a long one).
func TestCollectorSettings(t *testing.T) {
	const outside = 100
	defer debug.SetGCPercent(debug.SetGCPercent(outside))
	short := "<article><p>Mayor Inês Carvalho spoke on Tuesday in Lisbon, and the council listened.</p></article>"
	long := "<article>" + strings.Repeat("<p>Mayor Inês Carvalho spoke on Tuesday in Lisbon, and the council listened.</p>\n", bigInput/70) + "</article>"
	for _, input := range []string{short, long} {
		if out := call(t, js.ValueOf(input), `{"in":"html"}`); out.Get("error").Type() == js.TypeString {
			t.Fatal(out.Get("error").String())
		}
		if got := debug.SetGCPercent(outside); got != outside {
			t.Errorf("GC percent after a %d-byte article = %d, want %d", len(input), got, outside)
		}
	}
}
