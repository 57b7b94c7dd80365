// Package ingest turns raw input bytes into UTF-8 text and says what kind of document it is:
// an HTML page or fragment, a saved MHTML page, or a plain-text article.
package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/attest-news/attest/annotate/internal/textutil"
)

// Kind is the input format.
type Kind uint8

const (
	Auto Kind = iota
	HTML
	Text
)

// DefaultMaxBytes is the size limit when Options.MaxBytes is zero.
const DefaultMaxBytes = 20 << 20

// Errors for unusable input. Their text is shown to people as is, so it says what to do next.
var (
	ErrEmpty    = errors.New("the input is empty: paste or open an article")
	ErrBinary   = errors.New("the input is not text (it looks like a binary file): open an HTML, MHTML or text file")
	ErrTooLarge = errors.New("the input is too large")
	ErrEncoding = errors.New("the input is not readable text in any supported encoding: save it as UTF-8 and try again")
)

// Source is the decoded input.
type Source struct {
	Kind     Kind   // HTML or Text, never Auto
	Text     string // valid UTF-8
	URL      string // the page's address when the input carries it (MHTML, <base>, og:url)
	Fragment bool   // a clipboard selection rather than a whole page
	Format   string // "html", "mhtml", "fragment" or "text"
}

// Charsets decodes the legacy encodings a page can be written in (Shift_JIS, KOI8-R, GBK…). The
// CLI and the HTTP API use golang.org/x/text's tables (annotate/charsets); the browser's bridge
// uses its TextDecoder, which saves the page those tables. UTF-8, UTF-16 and windows-1252 need
// none.
type Charsets interface {
	// Canonical gives the Encoding Standard's name for a label ("latin1" → "windows-1252"), or
	// "" for a label it does not know.
	Canonical(label string) string
	// Decode decodes b from a canonical encoding; bytes that do not decode become U+FFFD.
	Decode(name string, b []byte) (string, error)
}

// Read decodes input. kind Auto sniffs the format; maxBytes ≤ 0 means DefaultMaxBytes; cs may
// be nil (UTF-8, UTF-16 and windows-1252 only).
func Read(input []byte, kind Kind, maxBytes int, cs Charsets) (*Source, error) {
	return read(input, reader{cs: cs}, kind, maxBytes)
}

// ReadString is Read for text that is already a Go string, such as a paste handed over by the
// browser: valid UTF-8 comes back as the string itself (or a part of it), not as a copy.
func ReadString(input string, kind Kind, maxBytes int, cs Charsets) (*Source, error) {
	return read(unsafe.Slice(unsafe.StringData(input), len(input)), reader{src: input, cs: cs}, kind, maxBytes)
}

// reader knows where the input came from and how to decode legacy charsets. When the input is
// a view of an immutable string (which nothing in this package writes to: every decoder builds
// new text), str returns the string's own bytes for any part of it instead of copying them.
type reader struct {
	src string
	cs  Charsets
}

func (r reader) str(b []byte) string {
	if len(b) == 0 || len(r.src) == 0 {
		return string(b)
	}
	base := uintptr(unsafe.Pointer(unsafe.StringData(r.src)))
	at := uintptr(unsafe.Pointer(&b[0]))
	if at < base || at-base+uintptr(len(b)) > uintptr(len(r.src)) {
		return string(b)
	}
	off := int(at - base)
	return r.src[off : off+len(b)]
}

func read(input []byte, r reader, kind Kind, maxBytes int) (*Source, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if len(input) > maxBytes {
		return nil, fmt.Errorf("%w: %s is over the %s limit; save just the article and try again",
			ErrTooLarge, humanBytes(len(input)), humanBytes(maxBytes))
	}
	if isGzip(input) {
		var err error
		if input, err = gunzip(input, maxBytes); err != nil {
			return nil, err
		}
	}
	if len(bytes.TrimSpace(input)) == 0 {
		return nil, ErrEmpty
	}
	if name := binaryMagic(input); name != "" {
		return nil, fmt.Errorf("%w (%s)", ErrBinary, name)
	}
	if kind != Text && looksMHTML(input) {
		page, url, err := readMHTML(input)
		if err != nil {
			return nil, err
		}
		text, err := decodeHTML(page.body, page.charset, r)
		if err != nil {
			return nil, err
		}
		return &Source{Kind: HTML, Text: text, URL: url, Format: "mhtml"}, nil
	}
	text, err := decode(input, kind, r)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	if kind == Auto {
		kind = Text
		if looksHTML(text) {
			kind = HTML
		}
	}
	src := &Source{Kind: kind, Text: text, Format: "text"}
	if kind == HTML {
		src.Format = "html"
		if frag, ok := clipboardFragment(text); ok {
			src.Text, src.Fragment, src.Format = frag, true, "fragment"
		}
	} else {
		src.Text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	return src, nil
}

// decode returns input as UTF-8, using a BOM, an HTML charset declaration, or a guess.
func decode(input []byte, kind Kind, r reader) (string, error) {
	if enc, rest, ok := bomEncoding(input); ok {
		if enc == "utf-8" {
			input = rest
		} else {
			return checkText(r.decodeWith(enc, rest))
		}
	}
	if looksUTF16(input) {
		return checkText(r.decodeWith(utf16Guess(input), input))
	}
	if head := input[:min(len(input), 8192)]; bytes.Count(head, []byte{0})*100 > len(head) {
		return "", ErrBinary // a stray NUL is replaced, as the HTML standard does; many mean binary
	}
	if kind != Text && looksHTML(string(input[:min(len(input), sniffLen)])) {
		return decodeHTML(input, "", r)
	}
	if utf8.Valid(input) {
		return checkText(r.str(input), nil)
	}
	return checkText(decodeLegacy(input))
}

// checkText rejects decoded text that is mostly control characters or replacement marks.
func checkText(s string, err error) (string, error) {
	if err != nil {
		return "", err
	}
	control, replaced, total, nul, invalid := 0, 0, 0, 0, 0
	for i := 0; i < len(s); total++ {
		// eight bytes at a time while they are printable ASCII, as most of any page is: no high
		// bit set, and no byte below 0x20 (the borrow test is exact once the high bits are clear)
		for i+8 <= len(s) {
			x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			if x&0x8080808080808080 != 0 || (x-0x2020202020202020)&^x&0x8080808080808080 != 0 {
				break
			}
			i, total = i+8, total+8
		}
		if i >= len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf { // ASCII, most of any page: no rune decoding
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
				control++
				if c == 0 {
					nul++
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError {
			replaced++
			if size == 1 {
				invalid++
			}
		}
		i += size
	}
	if total >= 64 && control*50 > total { // over 2% control characters: not a text document
		return "", ErrBinary
	}
	if total >= 16 && replaced*4 > total { // over a quarter unreadable
		return "", ErrEncoding
	}
	if nul > 0 {
		s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	}
	if invalid > 0 {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s, nil
}

const sniffLen = 64 << 10

var htmlTag = textutil.Lazy(`(?i)<(?:!doctype\s+html|html|head|body|p|div|span|article|section|main|h[1-6]|ul|ol|li|table|tr|td|br|a|img|meta|title|header|footer|nav|blockquote|figure|strong|em|b|i|font|pre|!--)[\s>/]`)

// looksHTML reports whether s is markup rather than plain text.
func looksHTML(s string) bool {
	head := s[:min(len(s), sniffLen)]
	trimmed := strings.TrimLeft(head, " \t\r\n\ufeff")
	n := len(htmlTag.FindAllStringIndex(head, 8))
	return (strings.HasPrefix(trimmed, "<") && n >= 1) || n >= 3
}

// clipboardFragment extracts the selection from clipboard HTML (the Windows CF_HTML format and
// what browsers put on the clipboard), dropping the header and the wrapper document.
func clipboardFragment(s string) (string, bool) {
	_, start := fragmentMarker(s, "StartFragment")
	if start < 0 {
		return s, false
	}
	frag := s[start:]
	if end, _ := fragmentMarker(frag, "EndFragment"); end >= 0 {
		frag = frag[:end]
	}
	return frag, true
}

// fragmentMarker finds the first comment <!--name--> (any case, with HTML whitespace around the
// name) and returns where it starts and ends, or -1, -1. It reads the page once, jumping from
// comment to comment, where a case-insensitive pattern would try a match at every "<".
func fragmentMarker(s, name string) (start, end int) {
	for i := 0; ; {
		j := strings.Index(s[i:], "<!--")
		if j < 0 {
			return -1, -1
		}
		start = i + j
		k := start + len("<!--")
		for k < len(s) && textutil.IsHTMLSpace(s[k]) {
			k++
		}
		if len(s)-k >= len(name) && strings.EqualFold(s[k:k+len(name)], name) {
			k += len(name)
			for k < len(s) && textutil.IsHTMLSpace(s[k]) {
				k++
			}
			if strings.HasPrefix(s[k:], "-->") {
				return start, k + len("-->")
			}
		}
		i = start + len("<!--")
	}
}

func isGzip(b []byte) bool { return len(b) > 2 && b[0] == 0x1f && b[1] == 0x8b }

// gunzip expands a gzip file (a saved .html.gz) without letting it grow past the limit.
func gunzip(b []byte, maxBytes int) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%w (a damaged gzip file)", ErrBinary)
	}
	out, err := io.ReadAll(io.LimitReader(zr, int64(maxBytes)+1))
	if err != nil {
		return nil, fmt.Errorf("%w (a damaged gzip file: %v)", ErrBinary, err)
	}
	if len(out) > maxBytes {
		return nil, fmt.Errorf("%w: it expands to over the %s limit", ErrTooLarge, humanBytes(maxBytes))
	}
	return out, nil
}

// binaryMagic names well-known binary formats by their first bytes.
func binaryMagic(b []byte) string {
	magics := []struct{ prefix, name string }{
		{"%PDF-", "a PDF file"},
		{"PK\x03\x04", "a ZIP or Office file"},
		{"\x89PNG", "a PNG image"},
		{"GIF8", "a GIF image"},
		{"\xff\xd8\xff", "a JPEG image"},
		{"RIFF", "a media file"},
		{"\x7fELF", "a program"},
		{"MZ", "a program"},
		{"\x00asm", "a WebAssembly module"},
		{"\xd0\xcf\x11\xe0", "an old Office file"},
	}
	for _, m := range magics {
		if bytes.HasPrefix(b, []byte(m.prefix)) {
			if m.prefix == "MZ" && utf8.Valid(b[:min(len(b), 512)]) {
				continue // plain text that happens to start with "MZ"
			}
			return m.name
		}
	}
	return ""
}

func humanBytes(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
