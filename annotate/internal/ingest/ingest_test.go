package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"github.com/attest-news/attest/annotate/charsets"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func utf16le(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

const mhtml = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example.com/a\r\nSubject: A\r\nMIME-Version: 1.0\r\n" +
	"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc\"\r\n\r\n" +
	"------MultipartBoundary--abc\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n" +
	"Content-Location: https://news.example.com/a\r\n\r\n<html><head><meta charset=3D\"utf-8\"></head><body><p>Caf=C3=A9 owners sa=\r\nid no.</p></body></html>\r\n" +
	"------MultipartBoundary--abc\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--abc--\r\n"

func TestRead(t *testing.T) {
	tests := []struct {
		name     string
		input    []byte
		kind     Kind
		wantKind Kind
		wantFmt  string
		contains string
		wantURL  string
		wantErr  error
	}{
		{"plain text", []byte("Hello there.\n\nSecond paragraph."), Auto, Text, "text", "Second paragraph.", "", nil},
		{"crlf text", []byte("One.\r\n\r\nTwo."), Auto, Text, "text", "One.\n\nTwo.", "", nil},
		{"html page", []byte("<!doctype html><html><body><p>Hi</p></body></html>"), Auto, HTML, "html", "<p>Hi</p>", "", nil},
		{"html fragment", []byte("<p>Just a paragraph</p>"), Auto, HTML, "html", "Just a paragraph", "", nil},
		{"text with a less-than", []byte("Profits rose 5% and costs < revenue, she said."), Auto, Text, "text", "costs < revenue", "", nil},
		{"forced text", []byte("<p>markup as text</p>"), Text, Text, "text", "<p>", "", nil},
		{"utf-8 bom", append([]byte{0xef, 0xbb, 0xbf}, "Ça va."...), Auto, Text, "text", "Ça va.", "", nil},
		{"utf-16le bom", utf16le("Grüße aus Köln."), Auto, Text, "text", "Grüße aus Köln.", "", nil},
		{"windows-1252 declared", []byte("<html><head><meta charset=\"windows-1252\"></head><body><p>\x93Caf\xe9\x94</p></body></html>"), Auto, HTML, "html", "“Café”", "", nil},
		{"latin-1 undeclared text", []byte("Caf\xe9 cr\xe8me, na\xefve."), Auto, Text, "text", "Café crème, naïve.", "", nil},
		{"stale euc-kr meta on utf-8 bytes", []byte("<html><head><meta charset=\"euc-kr\"></head><body><p>서울 뉴스</p></body></html>"), Auto, HTML, "html", "서울 뉴스", "", nil},
		{"real euc-kr", []byte("<html><head><meta charset=\"euc-kr\"></head><body><p>\xbc\xad\xbf\xef</p></body></html>"), Auto, HTML, "html", "서울", "", nil},
		{"shift_jis", []byte("<html><head><meta charset=\"shift_jis\"></head><body><p>\x93\x8c\x8b\x9e</p></body></html>"), Auto, HTML, "html", "東京", "", nil},
		{"clipboard fragment", []byte("Version:0.9\r\nStartHTML:0000000105\r\n<html><body><!--StartFragment--><p>Selected</p><!--EndFragment--></body></html>"), Auto, HTML, "fragment", "<p>Selected</p>", "", nil},
		{"mhtml", []byte(mhtml), Auto, HTML, "mhtml", "Café owners said no.", "https://news.example.com/a", nil},
		{"gzip", gz("<html><body><p>zipped</p></body></html>"), Auto, HTML, "html", "zipped", "", nil},
		{"a stray nul", []byte(strings.Repeat("Some text. ", 20) + "One\x00stray NUL in it."), Auto, Text, "text", "One\uFFFDstray", "", nil},
		{"utf-16 text with a stray nul", utf16le(strings.Repeat("Etwas Text. ", 20) + "Grüße aus Köln,\x00 sagte sie."), Auto, Text, "text", "Köln,\uFFFD sagte", "", nil},
		{"literal replacement character kept", []byte("Broken \uFFFD sign in otherwise fine text."), Auto, Text, "text", "Broken \uFFFD sign", "", nil},
		{"empty", []byte(""), Auto, 0, "", "", "", ErrEmpty},
		{"whitespace", []byte(" \n\t "), Auto, 0, "", "", "", ErrEmpty},
		{"pdf", []byte("%PDF-1.7\n..."), Auto, 0, "", "", "", ErrBinary},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), Auto, 0, "", "", "", ErrBinary},
		{"nul bytes", []byte("abc\x00\x01\x02\x03def\x00\x00"), Auto, 0, "", "", "", ErrBinary},
		{"random binary", bytes.Repeat([]byte{0x01, 0x9f, 0x00, 0xfe, 0x13}, 100), Auto, 0, "", "", "", ErrBinary},
		{"too large", bytes.Repeat([]byte("a"), 101), Auto, 0, "", "", "", ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			limit := 0
			if tc.wantErr == ErrTooLarge {
				limit = 100
			}
			src, err := Read(tc.input, tc.kind, limit, charsets.XText{})
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if src.Kind != tc.wantKind || src.Format != tc.wantFmt {
				t.Errorf("kind %v format %q, want %v %q", src.Kind, src.Format, tc.wantKind, tc.wantFmt)
			}
			if !strings.Contains(src.Text, tc.contains) {
				t.Errorf("text %q lacks %q", src.Text, tc.contains)
			}
			if src.URL != tc.wantURL {
				t.Errorf("url %q, want %q", src.URL, tc.wantURL)
			}
			if !utf8.ValidString(src.Text) {
				t.Error("text is not valid UTF-8")
			}
		})
	}
}

func TestGzipBombIsRefused(t *testing.T) {
	bomb := gz(strings.Repeat("a", 2<<20))
	if _, err := Read(bomb, Auto, 1<<20, charsets.XText{}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(mhtml))
	f.Add([]byte("<html><head><meta charset=\"euc-kr\"></head><body>\xbc\xad</body></html>"))
	f.Add(utf16le("text"))
	f.Add([]byte("Version:0.9\r\n<!--StartFragment-->x<!--EndFragment-->"))
	f.Add(gz("<p>x</p>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		src, err := Read(b, Auto, 1<<20, charsets.XText{})
		s := string(b)
		src2, err2 := ReadString(s, Auto, 1<<20, charsets.XText{})
		if (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() || err == nil && *src != *src2 {
			t.Fatalf("ReadString differs from Read on %q: %+v, %v; want %+v, %v", b, src2, err2, src, err)
		}
		if s != string(b) {
			t.Fatalf("ReadString changed its input")
		}
		if err != nil {
			return
		}
		if !utf8.ValidString(src.Text) {
			t.Fatalf("invalid UTF-8 out of %q", b)
		}
		if src.Kind != HTML && src.Kind != Text {
			t.Fatalf("kind %v", src.Kind)
		}
	})
}

// checkTextReference is checkText without its eight-bytes-at-a-time path.
func checkTextReference(s string) (string, error) {
	control, replaced, total := 0, 0, 0
	for _, r := range s {
		total++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			control++
		}
		if r == utf8.RuneError {
			replaced++
		}
	}
	if total >= 64 && control*50 > total {
		return "", ErrBinary
	}
	if total >= 16 && replaced*4 > total {
		return "", ErrEncoding
	}
	return strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", "\uFFFD"), "\uFFFD"), nil
}

// TestCheckTextWindows puts control characters at every offset of the fast path's eight-byte
// window, and bytes either side of its bounds (0x1f, 0x20, 0x7f, 0x80).
func TestCheckTextWindows(t *testing.T) {
	base := strings.Repeat("abcdefgh", 12)
	for pos := 0; pos < 24; pos++ {
		for _, c := range []string{"\x00", "\x01", "\x1f", " ", "\x7f", "\t", "\n", "é", "\xff", "\uFFFD"} {
			s := base[:pos] + c + base[pos+1:pos+40] + c + c + base[pos+41:]
			got, gerr := checkText(s, nil)
			want, werr := checkTextReference(s)
			if got != want || gerr != werr {
				t.Fatalf("pos %d %q: got %q, %v; want %q, %v", pos, c, got, gerr, want, werr)
			}
		}
	}
}

// FuzzCheckText holds checkText to the plain rune loop it speeds up.
func FuzzCheckText(f *testing.F) {
	for _, s := range []string{"", "plain ascii text here", "a\x00b", "\x01\x02\x03\x04\x05\x06\x07\x08\x09", "Café \xff\xfe", strings.Repeat("ab\tcd\n", 20)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gerr := checkText(s, nil)
		want, werr := checkTextReference(s)
		if got != want || gerr != werr {
			t.Fatalf("checkText(%q) = %q, %v; the rune loop gives %q, %v", s, got, gerr, want, werr)
		}
	})
}

// TestReadString holds ReadString to Read on every kind of input, and checks that valid UTF-8
// comes back as part of the input string itself, not a copy (the reason ReadString exists).
func TestReadString(t *testing.T) {
	inputs := map[string]string{
		"html":         "<!doctype html><html><body><p>Caf\u00e9 <b>news</b></p></body></html>",
		"text":         "A headline\r\n\r\nThe first paragraph.",
		"utf-8 bom":    "\xef\xbb\xbf<p>x</p>",
		"utf-16":       string(utf16le("text")),
		"legacy":       "<html><head><meta charset=\"euc-kr\"></head><body>\xbc\xad</body></html>",
		"mhtml":        mhtml,
		"gzip":         string(gz("<p>x</p>")),
		"fragment":     "Version:0.9\r\n<!--StartFragment-->x<!--EndFragment-->",
		"empty":        " \n ",
		"nul":          "<p>a\x00b</p>",
		"binary":       "\x89PNG\r\n\x1a\n",
		"invalid utf8": "<p>caf\xe9</p>",
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			want, werr := Read([]byte(in), Auto, 1<<20, charsets.XText{})
			got, err := ReadString(in, Auto, 1<<20, charsets.XText{})
			if (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
				t.Fatalf("error %v, want %v", err, werr)
			}
			if err == nil && *got != *want {
				t.Fatalf("got %+v, want %+v", got, want)
			}
		})
	}
	in := inputs["html"]
	src, err := ReadString(in, Auto, 1<<20, charsets.XText{})
	if err != nil {
		t.Fatal(err)
	}
	base, at := uintptr(unsafe.Pointer(unsafe.StringData(in))), uintptr(unsafe.Pointer(unsafe.StringData(src.Text)))
	if at < base || at >= base+uintptr(len(in)) {
		t.Errorf("valid UTF-8 was copied")
	}
}

// markerPattern is what fragmentMarker finds, as a regular expression: the tests' oracle.
func markerPattern(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)<!--[\t\n\f\r ]*` + name + `[\t\n\f\r ]*-->`)
}

func TestFragmentMarker(t *testing.T) {
	for _, s := range []string{
		"",
		"<!--StartFragment-->",
		"<html><!-- a comment --><body><!--  startfragment\r\n--><p>x</p><!--EndFragment--></body>",
		"<!--<!-- StartFragment -->",
		"<!--StartFragment<!--StartFragment-->",
		"<!--StartFragment->",
		"<!-- STARTFRAGMENT\t-->tail",
		"<!--Start Fragment-->",
		"<!--StartFragment",
		"<!--",
		"text <!--StartFragmentX--> <!--StartFragment-->",
	} {
		wantLoc := markerPattern("StartFragment").FindStringIndex(s)
		start, end := fragmentMarker(s, "StartFragment")
		if wantLoc == nil {
			wantLoc = []int{-1, -1}
		}
		if start != wantLoc[0] || end != wantLoc[1] {
			t.Errorf("fragmentMarker(%q) = %d, %d; the pattern finds %v", s, start, end, wantLoc)
		}
	}
}

// FuzzFragmentMarker holds the scan to the pattern it replaced, on ASCII input (the pattern's
// case folding also takes "ſ" and the Kelvin sign for letters of the name; the scan does not).
func FuzzFragmentMarker(f *testing.F) {
	f.Add("<html><!-- a --><!--StartFragment--><p>x</p><!--EndFragment-->")
	f.Add("<!--<!-- startfragment\n-->")
	re := markerPattern("StartFragment")
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			if s[i] >= utf8.RuneSelf {
				return
			}
		}
		want := re.FindStringIndex(s)
		if want == nil {
			want = []int{-1, -1}
		}
		if start, end := fragmentMarker(s, "StartFragment"); start != want[0] || end != want[1] {
			t.Fatalf("fragmentMarker(%q) = %d, %d; the pattern finds %v", s, start, end, want)
		}
	})
}
