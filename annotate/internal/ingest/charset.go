package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
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
func decodeWith(name string, b []byte) (string, error) {
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
	enc, canonical := charset.Lookup(name)
	if enc == nil {
		return "", fmt.Errorf("%w (unknown charset %q)", ErrEncoding, name)
	}
	if canonical == "utf-8" {
		return strings.ToValidUTF8(string(b), "\uFFFD"), nil
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("%w (%s: %v)", ErrEncoding, canonical, err)
	}
	return string(out), nil
}

// decodeHTML decodes a page. Bytes that are valid UTF-8 with non-ASCII text are taken as
// UTF-8 whatever the page declares: saved and re-served pages often keep a stale
// <meta charset>, and legacy-encoded text is almost never valid UTF-8 by accident.
func decodeHTML(b []byte, declared string) (string, error) {
	if enc, rest, ok := bomEncoding(b); ok {
		return checkText(decodeWith(enc, rest))
	}
	if utf8.Valid(b) {
		return checkText(string(b), nil)
	}
	name := declared
	if name == "" {
		_, name, _ = charset.DetermineEncoding(b[:min(len(b), 1024)], "text/html")
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
	return checkText(decodeWith(name, b))
}

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset`)

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
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	return string(out), nil
}
