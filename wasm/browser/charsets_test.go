//go:build js && wasm

package main

import (
	"encoding/json"
	"strings"
	"syscall/js"
	"testing"
)

// TestTextDecoderCharsets: the browser's TextDecoder gives the same text as golang.org/x/text's
// tables for each legacy encoding the engine meets (the same cases as the ingest tests).
func TestTextDecoderCharsets(t *testing.T) {
	var td textDecoder
	for _, c := range []struct{ label, canonical, in, want string }{
		{"latin1", "windows-1252", "\x93Caf\xe9\x94 \x80", "“Café” €"},
		{"iso-8859-2", "iso-8859-2", "\xb3\xf3d\xbc", "łódź"},
		{"koi8-r", "koi8-r", "\xf0\xd2\xc1\xd7\xc4\xc1", "Правда"},
		{"shift_jis", "shift_jis", "\x93\x8c\x8b\x9e", "東京"},
		{"gbk", "gbk", "\xb1\xb1\xbe\xa9", "北京"},
		{"big5", "big5", "\xa5\x78\xa5\x5f", "台北"},
		{"euc-kr", "euc-kr", "\xbc\xad\xbf\xef", "서울"},
	} {
		if got := td.Canonical(c.label); got != c.canonical {
			t.Errorf("Canonical(%q) = %q, want %q", c.label, got, c.canonical)
		}
		if c.canonical == "windows-1252" {
			continue // the engine decodes it itself (Node's TextDecoder reads it as ISO-8859-1)
		}
		if got, err := td.Decode(c.canonical, []byte(c.in)); err != nil || got != c.want {
			t.Errorf("Decode(%s) = %q, %v; want %q", c.label, got, err, c.want)
		}
	}
	if td.Canonical("klingon") != "" {
		t.Error("an unknown label has a name")
	}
	// a whole page through the bridge, its bytes in KOI8-R
	page := "<html><head><meta charset=\"koi8-r\"><title>\xf0\xd2\xc1\xd7\xc4\xc1</title></head><body><article><p>" +
		strings.Repeat("\xf0\xd2\xc1\xd7\xc4\xc1 ", 40) + "</p></article></body></html>"
	u8 := js.Global().Get("Uint8Array").New(len(page))
	js.CopyBytesToJS(u8, []byte(page))
	out := js.ValueOf(annotateJS(js.Undefined(), []js.Value{u8, js.ValueOf(`{"in":"html"}`)}))
	if e := out.Get("error"); !e.IsUndefined() {
		t.Fatalf("error: %s", e.String())
	}
	var res struct{ Text string }
	if err := json.Unmarshal([]byte(out.Get("json").String()), &res); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "Правда") {
		t.Errorf("the KOI8-R page was not decoded: %.80q", res.Text)
	}
}
