//go:build !textdecoder

package ingest

import "golang.org/x/net/html/charset"

// The encoding tables: golang.org/x/text's, for the CLI, the HTTP API and the Worker. The browser
// engine is built with -tags textdecoder and uses the browser's own (codec_js.go).

// canonicalCharset gives the Encoding Standard's name for a label ("latin1" → "windows-1252"),
// or "" for a label it does not know.
func canonicalCharset(label string) string {
	_, name := charset.Lookup(label)
	return name
}

// decodeCharset decodes b from a canonical encoding; bytes that do not decode become U+FFFD.
func decodeCharset(name string, b []byte) (string, error) {
	enc, _ := charset.Lookup(name)
	if enc == nil {
		return "", errUnknownCharset(name)
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	return string(out), nil
}
