package main

import (
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
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

// packMaps keeps the map: a program holding the literal and its packed form finds them equal.
func TestPackMaps(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	var lit strings.Builder
	lit.WriteString("map[string][]byte{\n")
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&lit, "\t%q: []byte(%q),\n", fmt.Sprintf("k%d\"é\\", i), fmt.Sprintf("&#%d;\n\t“%d”", i, i))
	}
	lit.WriteString("}")
	table := "package html\n\n// Big is big.\nvar Big = " + lit.String() + "\n\nvar small = map[string][]byte{\"a\": []byte(\"b\")}\n"
	packed, n, err := packMaps([]byte(table))
	if err != nil || n != 1 {
		t.Fatalf("packed %d maps, err %v", n, err)
	}
	if !strings.Contains(string(packed), "var Big = leanUnpack(150, ") || !strings.Contains(string(packed), "// Big is big.") {
		t.Fatalf("unexpected output:\n%s", packed)
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":              "module lean\n\ngo 1.24\n",
		"html/table.go":       string(packed),
		"html/lean_unpack.go": unpackSource,
		"html/want.go":        "package html\n\nvar Want = " + lit.String() + "\n",
		"main.go": `package main

import (
	"fmt"
	"reflect"

	"lean/html"
)

func main() { fmt.Print(reflect.DeepEqual(html.Big, html.Want), len(html.Big)) }
`,
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil || string(out) != "true 150" {
		t.Fatalf("go run: %v\n%s", err, out)
	}
}

// TestLeanCopy writes the lean copy of the minify version the project's go.mod requires, then
// runs a program that minifies HTML with upstream's module and with the copy (this module's
// go.mod, with and without a replace): the output must be the same, and the copy must not link
// net/http.
func TestLeanCopy(t *testing.T) {
	if testing.Short() {
		t.Skip("copies a module and builds a program twice")
	}
	dir := t.TempDir()
	if err := run(dir, "../.."); err != nil {
		t.Fatal(err)
	}
	// this module's go.mod, replacing minify with the copy
	mod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	mod = append(mod, []byte("\nreplace "+minifyModule+" => "+filepath.Join(dir, "minify")+"\n")...)
	modfile := filepath.Join(dir, "tools.mod")
	if err := os.WriteFile(modfile, mod, 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile("../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "tools.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	out := func(args ...string) string {
		b, err := exec.Command("go", append(append([]string{"run"}, args...), "./testdata/difftest")...).CombinedOutput()
		if err != nil {
			t.Fatalf("go run %v: %v\n%s", args, err, b)
		}
		return string(b)
	}
	upstream, lean := out(), out("-modfile", modfile)
	if upstream != lean {
		t.Errorf("the lean copy differs from upstream:\n--- upstream\n%s\n--- lean\n%s", upstream, lean)
	}
	if !strings.Contains(upstream, "&amp;") {
		t.Errorf("the program no longer minifies entities:\n%s", upstream)
	}
	deps, err := exec.Command("go", "list", "-modfile", modfile, "-deps", "./testdata/difftest").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(deps), "\n") {
		if l == "net/http" || l == "os/exec" {
			t.Errorf("the lean copy still links %s", l)
		}
	}
}
