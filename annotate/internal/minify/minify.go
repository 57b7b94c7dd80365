// Package minify shrinks rendered article HTML with tdewolff/minify's HTML minifier alone.
package minify

import (
	"bytes"
	"io"
	"strings"

	"github.com/tdewolff/minify/v2/html"
)

var minifier = &html.Minifier{
	KeepQuotes:          true, // the sanitizer quotes attributes; keep them so the last gate changes nothing
	KeepEndTags:         true,
	KeepDefaultAttrVals: true,
	KeepDocumentTags:    true,
}

// zeroOf returns a new zero *T for the registry type the minifier's signature names. The HTML
// minifier dereferences its registry for URL attributes; inferring the type from the signature
// gives it one without importing minify's root package by name (the project keeps to the html
// subpackage). The zero registry has no other minifiers, which article HTML does not need.
func zeroOf[T any](func(*T, io.Writer, io.Reader, map[string]string) error) *T { return new(T) }

var registry = zeroOf(minifier.Minify)

// HTML minifies s; on failure it returns s unchanged (minifying is an optimisation, never a gate).
func HTML(s string) string {
	var out bytes.Buffer
	out.Grow(len(s))
	if err := minifier.Minify(registry, &out, strings.NewReader(s), nil); err != nil {
		return s
	}
	return out.String()
}
