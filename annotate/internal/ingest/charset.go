package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/attest-news/attest/annotate/internal/textutil"
)

// bomEncoding reads a byte-order mark: "utf-8", "utf-16le" or "utf-16be".
func bomEncoding(b []byte) (enc string, rest []byte, ok bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		return "utf-8", b[3:], true
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return "utf-16le", b[2:], true
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return "utf-16be", b[2:], true
	}
	return "", b, false
}

// looksUTF16 spots BOM-less UTF-16 of mostly-ASCII text: every other byte is zero.
func looksUTF16(b []byte) bool {
	n := min(len(b), 512) &^ 1
	if n < 8 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	return (even*10 > half*9 && odd == 0) || (odd*10 > half*9 && even == 0)
}

func utf16Guess(b []byte) string {
	if len(b) > 1 && b[1] == 0 {
		return "utf-16le"
	}
	return "utf-16be"
}

// decodeWith decodes b from a named encoding into UTF-8 in one pass over the whole buffer.
// (A streaming charset reader fails on some real pages with "short internal buffer".)
func (r reader) decodeWith(name string, b []byte) (string, error) {
	switch name {
	case "utf-16le", "utf-16be":
		if len(b)%2 == 1 {
			b = b[:len(b)-1]
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			if name == "utf-16le" {
				u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
			} else {
				u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			}
		}
		return string(utf16.Decode(u)), nil
	}
	canonical := r.canonical(name)
	if canonical == "" {
		return "", errUnknownCharset(name)
	}
	if canonical == "utf-8" {
		return strings.ToValidUTF8(string(b), "\uFFFD"), nil
	}
	if canonical == "windows-1252" {
		return decode1252(b), nil
	}
	if r.cs == nil {
		return "", errUnknownCharset(name)
	}
	out, err := r.cs.Decode(canonical, b)
	if err != nil {
		return "", fmt.Errorf("%w (%s: %v)", ErrEncoding, canonical, err)
	}
	return out, nil
}

// canonical gives the Encoding Standard's name for a charset label: from the injected Charsets,
// or, without them, for the labels this package decodes itself.
func (r reader) canonical(label string) string {
	if r.cs != nil {
		return r.cs.Canonical(label)
	}
	switch l := strings.ToLower(strings.TrimSpace(label)); l {
	case "utf-8", "utf8", "unicode-1-1-utf-8":
		return "utf-8"
	case "utf-16", "utf-16le":
		return "utf-16le"
	case "utf-16be":
		return "utf-16be"
	case "windows-1252", "cp1252", "x-cp1252", "latin1", "l1", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso-ir-100",
		"us-ascii", "ascii", "ansi_x3.4-1968", "cp819", "csisolatin1", "ibm819", "iso88591", "iso_8859-1:1987":
		return "windows-1252"
	}
	return ""
}

func errUnknownCharset(name string) error {
	return fmt.Errorf("%w (unknown charset %q)", ErrEncoding, name)
}

// determineEncoding names the encoding of an HTML page without a BOM, as a browser would: the
// charset its first 1,024 bytes declare, else UTF-8 if those bytes are valid UTF-8 with non-ASCII
// text in them, else the web's default, windows-1252.
func (r reader) determineEncoding(b []byte) string {
	b = b[:min(len(b), 1024)]
	if name := r.prescan(b); name != "" {
		return name
	}
	for i := len(b) - 1; i >= 0 && i > len(b)-4; i-- { // a rune cut at the end
		if b[i] < 0x80 {
			break
		}
		if utf8.RuneStart(b[i]) {
			b = b[:i]
			break
		}
	}
	high := false
	for _, c := range b {
		high = high || c >= 0x80
	}
	if high && utf8.Valid(b) {
		return "utf-8"
	}
	return "windows-1252"
}

// prescan finds the charset a page's <meta> tags declare, following the HTML standard's prescan:
// <meta charset>, or <meta http-equiv="Content-Type" content="…; charset=…">; labels the
// encoding tables do not know are passed over, and a declared UTF-16 means UTF-8.
func (r reader) prescan(b []byte) string {
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, more := z.TagName()
			if string(tag) != "meta" {
				continue
			}
			seen := map[string]bool{}
			pragma, needPragma, name := false, false, ""
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				key := string(k)
				if seen[key] {
					continue
				}
				seen[key] = true
				val := strings.ToLower(string(v))
				switch key {
				case "http-equiv":
					pragma = pragma || val == "content-type"
				case "content":
					if name == "" {
						if name = r.canonical(charsetFromContent(val)); name != "" {
							needPragma = true
						}
					}
				case "charset":
					name, needPragma = r.canonical(val), false
				}
			}
			if name == "" || needPragma && !pragma {
				continue
			}
			if strings.HasPrefix(name, "utf-16") {
				return "utf-8"
			}
			return name
		}
	}
}

// charsetFromContent reads the charset out of a Content-Type value: "text/html; charset=koi8-r".
func charsetFromContent(s string) string {
	for {
		i := strings.Index(s, "charset")
		if i < 0 {
			return ""
		}
		s = strings.TrimLeft(s[i+len("charset"):], " \t\n\f\r")
		if !strings.HasPrefix(s, "=") {
			continue
		}
		s = strings.TrimLeft(s[1:], " \t\n\f\r")
		if s == "" {
			return ""
		}
		if q := s[0]; q == '"' || q == '\'' {
			end := strings.IndexByte(s[1:], q)
			if end < 0 {
				return ""
			}
			return s[1 : 1+end]
		}
		if end := strings.IndexAny(s, "; \t\n\f\r"); end >= 0 {
			return s[:end]
		}
		return s
	}
}

// decodeHTML decodes a page. Bytes that are valid UTF-8 with non-ASCII text are taken as
// UTF-8 whatever the page declares: saved and re-served pages often keep a stale
// <meta charset>, and legacy-encoded text is almost never valid UTF-8 by accident.
func decodeHTML(b []byte, declared string, r reader) (string, error) {
	if enc, rest, ok := bomEncoding(b); ok {
		return checkText(r.decodeWith(enc, rest))
	}
	if utf8.Valid(b) {
		return checkText(r.str(b), nil)
	}
	name := declared
	if name == "" {
		name = r.determineEncoding(b)
	}
	if name == "utf-8" && declared == "" && !declaresCharset(b) {
		name = "" // DetermineEncoding's default, not the page's word
	}
	if name == "utf-8" {
		// a page that says UTF-8 is read as UTF-8, bad bytes replaced, as browsers do
		return checkText(strings.ToValidUTF8(string(b), "\uFFFD"), nil)
	}
	if name == "" {
		return checkText(decodeLegacy(b))
	}
	return checkText(r.decodeWith(name, b))
}

var metaCharset = textutil.Lazy(`(?i)<meta[^>]+charset`)

// declaresCharset reports a <meta charset> or http-equiv Content-Type in the page's head.
func declaresCharset(b []byte) bool { return metaCharset.Match(b[:min(len(b), 2048)]) }

// decodeLegacy reads undeclared, invalid UTF-8: mostly-valid UTF-8 keeps its text with the few bad
// bytes replaced; anything else is read as Windows-1252, the web's default legacy encoding.
func decodeLegacy(b []byte) (string, error) {
	bad, multi := 0, 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else if size > 1 {
			multi++
		}
		i += size
	}
	if multi > 4*bad {
		return strings.ToValidUTF8(string(b), "\uFFFD"), nil
	}
	ascii := 0
	for _, c := range b {
		if c < 0x80 {
			ascii++
		}
	}
	if ascii*2 < len(b) {
		// real Windows-1252 text is mostly ASCII; this is byte soup
		return "", fmt.Errorf("%w (most bytes are neither UTF-8 nor a known single-byte encoding)", ErrEncoding)
	}
	return decode1252(b), nil
}

// cp1252 maps windows-1252's bytes 0x80–0x9F (the rest are Latin-1); undefined bytes map to the C1
// controls, as the Encoding Standard says. Decoded here rather than by the encoding tables: it is
// the web's default legacy encoding, and Node's TextDecoder reads it as Latin-1.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8d, 'Ž', 0x8f,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9d, 'ž', 'Ÿ',
}

func decode1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c < 0xa0:
			sb.WriteRune(cp1252[c-0x80])
		default:
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}
