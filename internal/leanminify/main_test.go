package main

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestStrip(t *testing.T) {
	src := `// Package p is a test.
package p

import (
	"io"
	"mime"
	"net/http"
	"strings"

	"example.com/parse/v2"
)

// Keep stays.
func Keep(r io.Reader) string { return strings.ToUpper(parse.Name) } // trailing comment stays

// wrapper goes: it embeds an http type.
type wrapper struct {
	http.ResponseWriter
	n int
}

// Write goes with its type.
func (w *wrapper) Write(b []byte) (int, error) { w.n += len(b); return len(b), nil }

// Handler goes.
func Handler(w http.ResponseWriter) { _ = mime.TypeByExtension(".x") }
`
	out, n, err := strip([]byte(src), "net/http")
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("dropped %d declarations, want 3", n)
	}
	got := string(out)
	for _, want := range []string{"func Keep", `"io"`, `"strings"`, `"example.com/parse/v2"`, "// Package p", "trailing comment stays"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q went missing:\n%s", want, got)
		}
	}
	for _, gone := range []string{"net/http", `"mime"`, "wrapper", "Handler", "goes"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q stayed:\n%s", gone, got)
		}
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "x.go", out, 0); err != nil {
		t.Errorf("the result does not parse: %v", err)
	}
	same, n, err := strip([]byte("package p\n\nimport \"io\"\n\nvar _ io.Reader\n"), "net/http")
	if err != nil || n != 0 || !strings.Contains(string(same), "io.Reader") {
		t.Errorf("a file without the import changed: %d %v %s", n, err, same)
	}
}
