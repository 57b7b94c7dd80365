package ingest

import (
	"errors"
	"testing"

	"github.com/attest-news/attest/annotate/charsets"
)

func TestDetermineEncoding(t *testing.T) {
	tests := []struct {
		name string
		page string
		want string
	}{
		{"meta charset", `<html><head><meta charset="ISO-8859-2"></head>`, "iso-8859-2"},
		{"label alias", `<meta charset=latin1>`, "windows-1252"},
		{"http-equiv pragma", `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">`, "koi8-r"},
		{"content without the pragma is ignored", `<meta content="text/html; charset=koi8-r">`, "windows-1252"},
		{"quoted charset in content", `<meta http-equiv=content-type content='text/html;charset="shift_jis"'>`, "shift_jis"},
		{"unknown label passed over", `<meta charset="klingon"><meta charset="euc-kr">`, "euc-kr"},
		{"declared utf-16 means utf-8", `<meta charset="utf-16le">`, "utf-8"},
		{"no declaration, utf-8 text", "<p>Caf\xc3\xa9</p>", "utf-8"},
		{"no declaration, utf-8 cut mid-rune at 1,024 bytes", "<p>" + string(make([]byte, 1018)) + "\xc3\xa9\xc3", "utf-8"},
		{"no declaration, legacy bytes", "<p>Caf\xe9</p>", "windows-1252"},
		{"no declaration, ascii", "<p>Cafe</p>", "windows-1252"},
		{"meta after 1,024 bytes is not seen", "<p>" + string(make([]byte, 1100)) + `<meta charset="koi8-r">`, "windows-1252"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := (reader{cs: charsets.XText{}}).determineEncoding([]byte(tc.page)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDecodeCharset(t *testing.T) {
	tests := []struct {
		label string
		in    string
		want  string
	}{
		{"windows-1252", "\x93Caf\xe9\x94 \x80", "“Café” €"},
		{"iso-8859-2", "\xb3\xf3d\xbc", "łódź"},
		{"koi8-r", "\xf0\xd2\xc1\xd7\xc4\xc1", "Правда"},
		{"shift_jis", "\x93\x8c\x8b\x9e", "東京"},
		{"gbk", "\xb1\xb1\xbe\xa9", "北京"},
		{"big5", "\xa5\x78\xa5\x5f", "台北"},
		{"euc-kr", "\xbc\xad\xbf\xef", "서울"},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			got, err := (reader{cs: charsets.XText{}}).decodeWith(tc.label, []byte(tc.in))
			if err != nil || got != tc.want {
				t.Errorf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
	if _, err := (reader{cs: charsets.XText{}}).decodeWith("klingon", []byte("x")); err == nil {
		t.Error("an unknown charset decoded")
	}
}

// TestWithoutCharsets: with no tables the reader still reads UTF-8, UTF-16 and windows-1252 (and
// its Latin-1 labels), and refuses any other declared charset with a clear error.
func TestWithoutCharsets(t *testing.T) {
	var r reader
	for _, c := range []struct{ label, in, want string }{
		{"latin1", "Caf\xe9", "Café"}, {"windows-1252", "\x93x\x94", "“x”"}, {"utf-8", "Caf\xc3\xa9", "Café"},
		{"utf-16le", "C\x00a\x00", "Ca"},
	} {
		if got, err := r.decodeWith(c.label, []byte(c.in)); err != nil || got != c.want {
			t.Errorf("%s: %q, %v", c.label, got, err)
		}
	}
	if _, err := r.decodeWith("koi8-r", []byte("\xf0")); !errors.Is(err, ErrEncoding) {
		t.Errorf("koi8-r without tables: %v", err)
	}
	if got := r.determineEncoding([]byte(`<meta charset="koi8-r"><p>\xf0`)); got != "windows-1252" {
		t.Errorf("a charset it cannot read is passed over in the prescan: %q", got)
	}
}
