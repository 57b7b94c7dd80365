// Package charsets decodes the legacy encodings a saved page can be written in (Shift_JIS,
// EUC-KR, GBK, Big5, KOI8-R, ISO-8859-x…) with golang.org/x/text's tables. Pass XText in
// annotate.Options.Charsets; without it the engine reads UTF-8, UTF-16 and windows-1252 (Latin-1)
// only. The browser build leaves these tables out (about 0.4 MB gzip) and decodes with the
// browser's TextDecoder instead.
package charsets

import "golang.org/x/net/html/charset"

// XText decodes with golang.org/x/text's tables, following the WHATWG Encoding Standard.
type XText struct{}

// Canonical gives the Encoding Standard's name for a label ("latin1" → "windows-1252"), or "" for
// a label it does not know.
func (XText) Canonical(label string) string {
	_, name := charset.Lookup(label)
	return name
}

// Decode decodes b from a canonical encoding; bytes that do not decode become U+FFFD.
func (XText) Decode(name string, b []byte) (string, error) {
	enc, _ := charset.Lookup(name)
	if enc == nil {
		return "", errUnknown(name)
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

type errUnknown string

func (e errUnknown) Error() string { return "unknown charset " + string(e) }
