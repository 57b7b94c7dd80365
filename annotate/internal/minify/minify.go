// Package minify shrinks rendered article HTML with tdewolff/minify's HTML minifier alone
// (its root package pulls net/http into the WASM).
package minify

import (
	"bytes"
	"strings"

	"github.com/tdewolff/minify/v2/html"
)

var minifier = &html.Minifier{
	KeepQuotes:          true, // the sanitizer quotes attributes; keep them so the last gate changes nothing
	KeepEndTags:         true,
	KeepDefaultAttrVals: true,
	KeepDocumentTags:    true,
}

// HTML minifies s; on failure it returns s unchanged (minifying is an optimisation, never a gate).
func HTML(s string) string {
	var out bytes.Buffer
	out.Grow(len(s))
	if err := minifier.Minify(nil, &out, strings.NewReader(s), nil); err != nil {
		return s
	}
	return out.String()
}
