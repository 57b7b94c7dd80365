// Command leandeps writes lean copies of four modules for the browser engine's build, and a
// go.mod that replaces them: build.sh builds the engine with -modfile DIR/go.mod, and runs the
// engine's goldens, seeds and corpus tests against the same copies. In WebAssembly every
// allocation is paid for again by the single-threaded collector, and every function that runs at
// start-up is compiled by the browser as it first runs: most patches are about those two.
//
//   - github.com/tdewolff/minify/v2 without its HTTP middleware. The engine imports only minify's
//     html subpackage, but that package needs the root package (for minify.M), and the root's
//     minify.go imports net/http for its ResponseWriter and Middleware helpers. Importing net/http
//     links its transport, TLS, x509 and HTTP/2 into the WASM: about 1.6 MB raw and 0.47 MB
//     gzipped that a page running offline never calls. minify.go loses every declaration that
//     mentions net/http or os/exec (the middleware, and minifiers that run external commands,
//     which a browser cannot), and the imports nothing uses any more; the html package's entity
//     table becomes data instead of map-insert code (0.38 MB raw).
//   - golang.org/x/net/html allocating less. The tokenizer copies a tag name, attribute key or
//     attribute value only when it holds a NUL byte to replace (v0.62 copies every one:
//     bytes.ReplaceAll finds nothing to replace and returns a copy); Token copies a tag's keys and
//     values into one string they share, and takes short strings and small attribute slices from
//     arenas it writes once; a tag checks a key for duplicates against its earlier keys, and only
//     from 16 on against a set (v0.62 puts every key into a map, a string allocation each);
//     Token.String writes a tag into one string; the parser takes element and text nodes from
//     slabs and finds the HTML namespace's scope-stopping tags without a map lookup per open
//     element; readByte, called for every byte of the page, has a small function for its common
//     case. Without a NUL the bytes are the same. files/xnet_html_lean.go.txt is added to the
//     package as lean.go.
//   - github.com/microcosm-cc/bluemonday: an element name normaliseElementName would return
//     unchanged is used as it is (no QuoteToASCII, no ToLower), the allowed attributes go into a
//     slice sized once, and the 42 patterns of its CSS handlers (bluemonday/css) compile on first
//     use instead of at start-up; Attest's policy allows no style attribute, so the page never
//     compiles them. files/bluemonday_*.go.txt are added to the packages as lean.go.
//   - github.com/gorilla/css, which bluemonday's style sanitizer uses, compiling its scanner's
//     patterns on the first scan instead of at start-up (10–35 ms of Go's initialisation under
//     Node).
//
// Every other line is upstream's, byte for byte. A patch whose upstream text is gone fails the
// tool: update it, or retire it.
//
//	go run ./internal/leandeps -o DIR    # DIR/<module>/ are the copies, DIR/go.mod replaces them
//
// build.sh fails if net/http is still linked.
package main

import (
	"bytes"
	_ "embed"
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
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: leandeps -o DIR")
		os.Exit(2)
	}
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "leandeps:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	var replaces []string
	for _, m := range []struct {
		path, dir string
		patch     func(dst string) (string, error)
	}{
		{minifyModule, "minify", leanMinify},
		{"golang.org/x/net", "xnet", leanNet},
		{"github.com/gorilla/css", "gorillacss", leanCSS},
		{"github.com/microcosm-cc/bluemonday", "bluemonday", leanBluemonday},
	} {
		dst := filepath.Join(out, m.dir)
		if err := copyModule(m.path, dst); err != nil {
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
	mod, err := os.ReadFile("go.mod")
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
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "go.sum"), sum, 0o644)
}

// copyModule copies the version of a module that go.mod requires (downloaded if this machine has
// not fetched it yet) to dst, without tests and test data.
func copyModule(path, dst string) error {
	src, err := exec.Command("go", "mod", "download", "-json", path).Output()
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

// netPatches guard the tokenizer's NUL replacement, check a key for duplicates without a set
// (leanSeenKey), make Token's attributes and strings and Token.String's tags with fewer
// allocations (leanAttrs, leanString, leanTagString), and give readByte a fast path
// (golang.org/x/net/html/token.go).
var netPatches = []textPatch{
	{
		old: "\t\tkey := string(lower(bytes.Clone(z.buf[z.pendingAttr[0].start:z.pendingAttr[0].end])))\n" +
			"\t\tif saveAttr && z.pendingAttr[0].start != z.pendingAttr[0].end && !z.attrNames[key] {\n" +
			"\t\t\tz.attr = append(z.attr, z.pendingAttr)\n" +
			"\t\t\tz.attrNames[key] = true\n" +
			"\t\t}\n",
		new: "\t\tif saveAttr && z.pendingAttr[0].start != z.pendingAttr[0].end && !z.leanSeenKey() {\n" +
			"\t\t\tz.attr = append(z.attr, z.pendingAttr)\n" +
			"\t\t}\n",
	},
	{
		old: "\t\tfor moreAttr {\n" +
			"\t\t\tvar key, val []byte\n" +
			"\t\t\tkey, val, moreAttr = z.TagAttr()\n" +
			"\t\t\tt.Attr = append(t.Attr, Attribute{\"\", atom.String(key), string(val)})\n" +
			"\t\t}\n",
		new: "\t\tt.Attr = z.leanAttrs(moreAttr)\n",
	},
	{
		old: "\t\treturn \"<\" + t.tagString() + \">\"\n\tcase EndTagToken:\n\t\treturn \"</\" + t.tagString() + \">\"\n" +
			"\tcase SelfClosingTagToken:\n\t\treturn \"<\" + t.tagString() + \"/>\"\n",
		new: "\t\treturn t.leanTagString(\"<\", \">\")\n\tcase EndTagToken:\n\t\treturn t.leanTagString(\"</\", \">\")\n" +
			"\tcase SelfClosingTagToken:\n\t\treturn t.leanTagString(\"<\", \"/>\")\n",
	},
	{
		old: "\tattrNames     map[string]bool\n",
		new: "\tattrNames     map[string]bool\n" +
			"\t// leanText and leanSpans are leanAttrs' buffers, reused tag after tag (leandeps).\n" +
			"\tleanText  []byte\n\tleanSpans []leanAttr\n" +
			"\t// leanArena and leanAttrArena are what is left of the arenas Token's strings and\n" +
			"\t// attribute slices come from (leandeps).\n" +
			"\tleanArena     []byte\n\tleanAttrArena []Attribute\n",
	},
	{
		old: "\t\tt.Data = string(z.Text())\n",
		new: "\t\tt.Data = z.leanString(z.Text())\n",
	},
	{
		old: "func (z *Tokenizer) readByte() byte {\n",
		new: "func (z *Tokenizer) readByteSlow() byte {\n",
	},
	{
		old: "\t\t\ts := bytes.ReplaceAll(z.buf[z.data.start:z.data.end], nul, replacement)\n",
		new: "\t\t\ts := z.buf[z.data.start:z.data.end]\n" +
			"\t\t\tif bytes.IndexByte(s, 0) >= 0 {\n\t\t\t\ts = bytes.ReplaceAll(s, nul, replacement)\n\t\t\t}\n",
	},
	{
		old: "\t\t\tkey = bytes.ReplaceAll(z.buf[x[0].start:x[0].end], nul, replacement)\n" +
			"\t\t\tval = bytes.ReplaceAll(z.buf[x[1].start:x[1].end], nul, replacement)\n",
		new: "\t\t\tkey, val = z.buf[x[0].start:x[0].end], z.buf[x[1].start:x[1].end]\n" +
			"\t\t\tif bytes.IndexByte(key, 0) >= 0 {\n\t\t\t\tkey = bytes.ReplaceAll(key, nul, replacement)\n\t\t\t}\n" +
			"\t\t\tif bytes.IndexByte(val, 0) >= 0 {\n\t\t\t\tval = bytes.ReplaceAll(val, nul, replacement)\n\t\t\t}\n",
	},
}

// bluemondayPatches spare the sanitizer two allocations per element (sanitize.go): an element
// name that QuoteToASCII and ToLower would leave as it is is used as it is, and the allowed
// attributes go into a slice sized for all of them instead of one grown attribute by attribute.
var bluemondayPatches = []textPatch{
	{
		old: "func normaliseElementName(str string) string {\n",
		new: "func normaliseElementName(str string) string {\n" +
			"\tif leanPlainName(str) {\n\t\treturn str\n\t}\n",
	},
	{
		old: "\tcleanAttrs := []html.Attribute{}\n",
		new: "\tcleanAttrs := make([]html.Attribute, 0, len(attrs))\n",
	},
}

// The code the bluemonday patches call.
var (
	//go:embed files/bluemonday_lean.go.txt
	bluemondayLeanSource string
	//go:embed files/bluemonday_css_lean.go.txt
	bluemondayCSSLeanSource string
)

func leanBluemonday(dst string) (string, error) {
	if err := patchFile(filepath.Join(dst, "sanitize.go"), bluemondayPatches); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dst, "lean.go"), []byte(bluemondayLeanSource), 0o644); err != nil {
		return "", err
	}
	// the style handlers' patterns: every regexp.MustCompile in handlers.go becomes leanRegexp
	handlers := filepath.Join(dst, "css", "handlers.go")
	b, err := os.ReadFile(handlers)
	if err != nil {
		return "", err
	}
	src := string(b)
	n := strings.Count(src, "regexp.MustCompile(")
	if n == 0 {
		return "", errors.New("css/handlers.go compiles no patterns any more: retire its patch")
	}
	src = strings.ReplaceAll(src, "regexp.MustCompile(", "leanRegexp(")
	if src, err = applyPatches(src, []textPatch{{old: "import (\n\t\"regexp\"\n", new: "import (\n"}}); err != nil {
		return "", fmt.Errorf("css/handlers.go: %w", err)
	}
	if strings.Contains(src, "regexp.") {
		return "", errors.New("css/handlers.go uses the regexp package beyond compiling patterns: update its patch")
	}
	if err := os.WriteFile(handlers, []byte(src), 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dst, "css", "lean.go"), []byte(bluemondayCSSLeanSource), 0o644); err != nil {
		return "", err
	}
	return fmt.Sprintf("taking plain element names as they are, sizing the allowed attributes' slice once, compiling %d style patterns on first use", n), nil
}

// cssPatches make the scanner compile its patterns on first use (github.com/gorilla/css/scanner).
var cssPatches = []textPatch{
	{old: "import (\n\t\"fmt\"\n", new: "import (\n\t\"fmt\"\n\t\"sync\"\n"},
	{old: "\nfunc init() {\n\t// replace macros and compile regexps for productions.\n",
		new: "\n// compileOnce: the patterns compile on the first scan (leandeps).\nvar compileOnce sync.Once\n\nfunc compileMatchers() {\n\t// replace macros and compile regexps for productions.\n"},
	{old: "func New(input string) *Scanner {\n", new: "func New(input string) *Scanner {\n\tcompileOnce.Do(compileMatchers)\n"},
}

// parsePatches take the parser's element and text nodes from slabs, and find the HTML
// namespace's scope-stopping tags without a map lookup per open element
// (golang.org/x/net/html/parse.go).
var parsePatches = []textPatch{
	{
		old: "\t\t\tfor _, t := range defaultScopeStopTags[p.oe[i].Namespace] {\n",
		new: "\t\t\tfor _, t := range leanScopeStopTags(p.oe[i].Namespace) {\n",
	},
	{
		old: "type parser struct {\n",
		new: "type parser struct {\n" +
			"\t// leanNodes is the slab leanNode takes nodes from; leanSlab its size (leandeps).\n" +
			"\tleanNodes []Node\n\tleanSlab  int\n",
	},
	{
		old: "\tp.addChild(&Node{\n\t\tType:     ElementNode,\n\t\tDataAtom: p.tok.DataAtom,\n" +
			"\t\tData:     p.tok.Data,\n\t\tAttr:     p.tok.Attr,\n\t})\n",
		new: "\tn := p.leanNode()\n" +
			"\tn.Type, n.DataAtom, n.Data, n.Attr = ElementNode, p.tok.DataAtom, p.tok.Data, p.tok.Attr\n" +
			"\tp.addChild(n)\n",
	},
	{
		old: "\tp.addChild(&Node{\n\t\tType: TextNode,\n\t\tData: text,\n\t})\n",
		new: "\tn := p.leanNode()\n\tn.Type, n.Data = TextNode, text\n\tp.addChild(n)\n",
	},
}

//go:embed files/xnet_html_lean.go.txt
var xnetLeanSource string

func leanNet(dst string) (string, error) {
	if err := patchFile(filepath.Join(dst, "html", "token.go"), netPatches); err != nil {
		return "", err
	}
	if err := patchFile(filepath.Join(dst, "html", "parse.go"), parsePatches); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dst, "html", "lean.go"), []byte(xnetLeanSource), 0o644); err != nil {
		return "", err
	}
	return "with a tokenizer that copies only to replace NUL bytes, two allocations per tag's attributes, and parse-tree nodes from slabs", nil
}

func leanCSS(dst string) (string, error) {
	if err := patchFile(filepath.Join(dst, "scanner", "scanner.go"), cssPatches); err != nil {
		return "", err
	}
	return "compiling its scanner's patterns on first use", nil
}

// textPatch replaces upstream text that must occur exactly once.
type textPatch struct{ old, new string }

func applyPatches(src string, patches []textPatch) (string, error) {
	for _, p := range patches {
		if n := strings.Count(src, p.old); n != 1 {
			return "", fmt.Errorf("upstream text found %d times, not once: %q", n, p.old)
		}
		src = strings.Replace(src, p.old, p.new, 1)
	}
	if _, err := format.Source([]byte(src)); err != nil {
		return "", fmt.Errorf("the patched file does not parse: %w", err)
	}
	return src, nil
}

func patchFile(file string, patches []textPatch) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	s, err := applyPatches(string(b), patches)
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(file), err)
	}
	return os.WriteFile(file, []byte(s), 0o644)
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
