// Command leandeps writes a lean copy of github.com/tdewolff/minify/v2 for the browser engine's
// build, and a go.mod that replaces it: build.sh builds the engine with -modfile DIR/go.mod, and
// runs the engine's goldens and seeds against the same copy.
//
// The engine imports only minify's html subpackage, but that package needs the root package
// (for minify.M), and the root's minify.go imports net/http for its ResponseWriter and
// Middleware helpers. Importing net/http links its transport, TLS, x509 and HTTP/2 into the
// WASM: about 1.6 MB raw and 0.47 MB gzipped that a page running offline never calls. The copy's
// minify.go loses every top-level declaration that mentions net/http or os/exec (the middleware,
// and minifiers that run external commands, which a browser cannot), found by reading the file's
// syntax tree rather than by matching its text, and the imports nothing uses any more; the html
// package's entity map literal becomes one packed string (the same map, a tenth of the code).
// docs/browser-build.md has the change we propose upstream, which would retire this tool.
//
//	go run ./leandeps -o DIR [-mod ../go.mod]   # DIR/minify is the copy, DIR/go.mod replaces it
//
// build.sh fails if net/http is still linked.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

const minifyModule = "github.com/tdewolff/minify/v2" // module paths, not imports

func main() {
	out := flag.String("o", "", "output directory (created or emptied)")
	root := flag.String("root", "..", "the project's root, whose go.mod and go.sum the copy's go.mod extends")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: leandeps -o DIR")
		os.Exit(2)
	}
	if err := run(*out, *root); err != nil {
		fmt.Fprintln(os.Stderr, "leandeps:", err)
		os.Exit(1)
	}
}

func run(out, root string) error {
	var replaces []string
	for _, m := range []struct {
		path, dir string
		patch     func(dst string) (string, error)
	}{
		{minifyModule, "minify", leanMinify},
	} {
		dst := filepath.Join(out, m.dir)
		if err := copyModule(m.path, dst, root); err != nil {
			return err
		}
		what, err := m.patch(dst)
		if err != nil {
			return fmt.Errorf("%s: %w", m.path, err)
		}
		fmt.Fprintf(os.Stderr, "leandeps: %s %s\n", m.path, what)
		replaces = append(replaces, fmt.Sprintf("replace %s => %s\n", m.path, dst))
	}
	// the main module's go.mod and go.sum, with the replacements
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	mod = append(mod, '\n')
	for _, r := range replaces {
		mod = append(mod, r...)
	}
	if err := os.WriteFile(filepath.Join(out, "go.mod"), mod, 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "go.sum"), sum, 0o644)
}

// copyModule copies the version of a module that go.mod requires (downloaded if this machine has
// not fetched it yet) to dst, without tests and test data.
func copyModule(path, dst, root string) error {
	cmd := exec.Command("go", "mod", "download", "-json", path)
	cmd.Dir = root
	src, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go mod download %s: %w", path, err)
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(src, &info); err != nil {
		return fmt.Errorf("go mod download %s: %w", path, err)
	}
	if info.Dir == "" {
		return fmt.Errorf("go mod download %s: %s", path, info.Error)
	}
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	return copyTree(info.Dir, dst)
}

// leanMinify drops the HTTP middleware and turns the entity table into data.
func leanMinify(dst string) (string, error) {
	file := filepath.Join(dst, "minify.go")
	b, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	total := 0
	for _, pkg := range []string{"net/http", "os/exec"} {
		var n int
		if b, n, err = strip(b, pkg); err != nil {
			return "", err
		}
		total += n
	}
	if total == 0 {
		return "", errors.New("minify.go no longer mentions net/http or os/exec: this patch can be retired")
	}
	if err := os.WriteFile(file, b, 0o644); err != nil {
		return "", err
	}
	// the html package's entity table as data rather than code
	table := filepath.Join(dst, "html", "table.go")
	if b, err = os.ReadFile(table); err != nil {
		return "", err
	}
	packed, n, err := packMaps(b)
	if err != nil {
		return "", err
	}
	if n > 0 {
		if err := os.WriteFile(table, packed, 0o644); err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(dst, "html", "lean_unpack.go"), []byte(unpackSource), 0o644); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("without %d declarations that need net/http or os/exec", total), nil
}

// strip removes the top-level declarations that use the package imported from path, then the
// imports left unused. It returns the formatted file and how many declarations went.
func strip(src []byte, path string) ([]byte, int, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "minify.go", src, parser.ParseComments)
	if err != nil {
		return nil, 0, err
	}
	name := ""
	for _, im := range f.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == path {
			name = filepath.Base(p)
			if im.Name != nil {
				name = im.Name.Name
			}
		}
	}
	if name == "" {
		return src, 0, nil
	}
	// declarations that use the package, then methods of the types that went with them
	var dropped []ast.Decl
	gone := map[string]bool{}
	var keep []ast.Decl
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT || !uses(d, name) {
			keep = append(keep, d)
			continue
		}
		dropped = append(dropped, d)
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
			for _, s := range g.Specs {
				gone[s.(*ast.TypeSpec).Name.Name] = true
			}
		}
	}
	f.Decls = f.Decls[:0]
	for _, d := range keep {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && gone[recvType(fd)] {
			dropped = append(dropped, d)
			continue
		}
		f.Decls = append(f.Decls, d)
	}
	// unused imports
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if s, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := s.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT {
			continue
		}
		var specs []ast.Spec
		for _, s := range g.Specs {
			im := s.(*ast.ImportSpec)
			p, _ := strconv.Unquote(im.Path.Value)
			n := filepath.Base(p)
			if im.Name != nil {
				n = im.Name.Name
			}
			if im.Name == nil && majorVersion.MatchString(n) {
				n = filepath.Base(filepath.Dir(p)) // ".../minify/v2" is package minify, ".../parse/v2" parse
			}
			if used[n] || n == "_" {
				specs = append(specs, s)
			}
		}
		g.Specs = specs
	}
	// the dropped declarations' comments go with them; every other comment stays
	var comments []*ast.CommentGroup
	for _, c := range f.Comments {
		inside := false
		for _, d := range dropped {
			start := d.Pos()
			if doc := declDoc(d); doc != nil {
				start = doc.Pos()
			}
			inside = inside || start <= c.Pos() && c.End() <= d.End()
		}
		if !inside {
			comments = append(comments, c)
		}
	}
	f.Comments = comments
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, 0, err
	}
	return buf.Bytes(), len(dropped), nil
}

// packMaps rewrites large map[string][]byte literals of string constants — minify's table of
// HTML entities, 1,092 entries — into one string constant unpacked at start-up. A map literal
// compiles to an insert per entry: 370 KB of WASM code for this one (48 KB gzipped); as data it
// is 20 KB, and the map is the same.
func packMaps(src []byte) ([]byte, int, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "table.go", src, parser.ParseComments)
	if err != nil {
		return nil, 0, err
	}
	type edit struct {
		s, e int
		text string
	}
	var edits []edit
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, sp := range g.Specs {
			vs := sp.(*ast.ValueSpec)
			if len(vs.Values) != 1 {
				continue
			}
			lit, ok := vs.Values[0].(*ast.CompositeLit)
			if !ok || len(lit.Elts) < 100 || !isType(lit.Type, "map[string][]byte") {
				continue
			}
			var parts []string
			for _, el := range lit.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					parts = nil
					break
				}
				k, okk := stringLit(kv.Key)
				call, okc := kv.Value.(*ast.CallExpr)
				var v string
				okv := okc && len(call.Args) == 1 && isType(call.Fun, "[]byte")
				if okv {
					v, okv = stringLit(call.Args[0])
				}
				if !okk || !okv || strings.ContainsAny(k+v, "\x00\x01") {
					parts = nil
					break
				}
				parts = append(parts, k+"\x01"+v)
			}
			if parts == nil {
				continue
			}
			edits = append(edits, edit{fset.Position(lit.Pos()).Offset, fset.Position(lit.End()).Offset,
				fmt.Sprintf("leanUnpack(%d, %s)", len(parts), strconv.Quote(strings.Join(parts, "\x00")))})
		}
	}
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		src = append(src[:e.s:e.s], append([]byte(e.text), src[e.e:]...)...)
	}
	if len(edits) == 0 {
		return src, 0, nil
	}
	out, err := format.Source(src)
	return out, len(edits), err
}

const unpackSource = `// Code generated by attest's internal/leandeps. DO NOT EDIT.

package html

import "strings"

// leanUnpack builds a map from "key\x01value" pairs joined by "\x00".
func leanUnpack(n int, packed string) map[string][]byte {
	m := make(map[string][]byte, n)
	for kv := range strings.SplitSeq(packed, "\x00") {
		k, v, _ := strings.Cut(kv, "\x01")
		m[k] = []byte(v)
	}
	return m
}
`

func isType(e ast.Expr, want string) bool {
	var b bytes.Buffer
	return format.Node(&b, token.NewFileSet(), e) == nil && b.String() == want
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func declDoc(d ast.Decl) *ast.CommentGroup {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return d.Doc
	case *ast.GenDecl:
		return d.Doc
	}
	return nil
}

var majorVersion = regexp.MustCompile(`^v[0-9]+$`)

// uses reports whether n refers to the named package (as pkg.Name).
func uses(n ast.Node, pkg string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if s, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := s.X.(*ast.Ident); ok && id.Name == pkg {
				found = true
			}
		}
		return !found
	})
	return found
}

func recvType(fd *ast.FuncDecl) string {
	t := fd.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			if d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && rel != "." {
				return filepath.SkipDir
			}
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
