package extract

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// emptied is what parsePage must give for src: html.Parse's tree with the children of every HTML
// style element and non-JSON script element removed, rendered.
func emptied(t testing.TB, src string) string {
	root := parseFlat(src)
	if root == nil {
		return "<nil>"
	}
	for el := range root.Descendants() {
		if el.Type == html.ElementNode && el.Namespace == "" && (el.Data == "style" || el.Data == "script" && !isJSONScript(el)) {
			for el.FirstChild != nil {
				el.RemoveChild(el.FirstChild)
			}
		}
	}
	return render(t, root)
}

func render(t testing.TB, root *html.Node) string {
	if root == nil {
		return "<nil>"
	}
	var b bytes.Buffer
	if err := html.Render(&b, root); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestElideRawText(t *testing.T) {
	tests := []struct {
		name string
		src  string
		cut  int // what elideRawText cuts
		// parsePage parses the page again as it came: the scanner cut where it should not, or
		// flattening a too deep page dropped a marked tag
		reparsed bool
	}{
		{"style and script", `<head><style>p{color:red}</style><script src=a.js></script><script>if (a < b) x()</script></head><p>Hi`, 2, false},
		{"upper case, attributes", `<STYLE type="text/css" media='x>y'>a>b{}</STYLE ><SCRIPT async>1</script/>`, 2, false},
		{"JSON kept", `<script type="application/ld+json">{"headline":"H"}</script><script type=application/json>{}</script><script>x</script>`, 1, false},
		{"in a comment", `<!-- <style>a{}</style> --><p>x</p><!--><style>b{}</style>`, 1, false},
		{"in attribute values", `<div title="<style>a{}</style>" data-x='<script>y</script>'>t</div>`, 0, false},
		{"equals first in a name", `<div ="<style>">t</div><style>z{}</style>`, 1, false},
		{"raw text holds markup", `<textarea><style>a{}</style></textarea><title><script>x</script></title><noscript><style>b</style></noscript>`, 0, false},
		{"end tag needs a delimiter", `<style>a</styled>b</style x>c`, 1, false},
		{"svg style is markup", `<svg><style>.a{fill:red}</style></svg><style>x</style>`, 1, false},
		{"breaking out of svg", `<svg><p>out</p><style>x</style></svg><style>y</style>`, 1, false},
		{"after svg", `<svg viewBox="0 0 1 1"><path d="M0"/></svg><style>x</style><svg/><script>y</script>`, 2, false},
		{"svg not closed by math", `<math></svg><style>x</style></math><style>y</style>`, 1, false},
		{"script escapes stop the scan", `<script><!-- document.write("<script>x</script>") --></script><style>y</style>`, 0, false},
		{"unterminated", `<p>a</p><style>never closed`, 0, false},
		{"plaintext", `<plaintext><style>a</style>`, 0, false},
		{"bogus comments", `<? <style> ?><! <style> ></ <style> ><style>z</style>`, 1, false},
		{"cdata in svg", `<svg><![CDATA[ </svg><style> ]]></svg><style>w</style>`, 1, false},
		{"page's own marker", `<style data-attest-elided>a</style><p data-attest-elided>b</p><style>c</style>`, 1, true},
		{"in foreignObject", `<svg><foreignObject><div></svg><style>a</style></div></foreignObject><style>b</style></svg>`, 2, true},
		{"equals right after the name", "<sCript =>0</sCript ", 1, false},
		{"deep nesting", strings.Repeat("<div>", 600) + "<style>a</style>" + strings.Repeat("</div>", 600), 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, cut := elideRawText(tt.src)
			if cut != tt.cut {
				t.Errorf("cut %d elements, want %d", cut, tt.cut)
			}
			short, _ := elideRawText(tt.src)
			if root := parseFlat(short); tt.cut > 0 && (emptyRawText(root, true) != tt.cut) != tt.reparsed {
				t.Errorf("reparsed %v, want %v", !tt.reparsed, tt.reparsed)
			}
			if got, want := render(t, parsePage(tt.src)), emptied(t, tt.src); got != want {
				t.Errorf("parsePage differs from the emptied parse:\n got %.600s\nwant %.600s", got, want)
			}
		})
	}
}

// TestElideRawTextPages holds parsePage to the emptied parse on every extraction-dev page, and
// checks that the scanner cuts there (its reason to be).
func TestElideRawTextPages(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "shared", "data", "extraction-dev", "html", "*.html.gz"))
	if len(paths) == 0 {
		t.Skip("../shared/data/extraction-dev is absent: the pages test needs it")
	}
	var total, short int
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		z, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(z)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		s, cut := elideRawText(src)
		total += len(src)
		short += len(s)
		if root := parseFlat(s); cut > 0 && (root == nil || emptyRawText(root, true) != cut) {
			t.Errorf("%s: the scanner misread the page (parsed again as it came)", filepath.Base(p))
		}
		if got, want := render(t, parsePage(src)), emptied(t, src); got != want {
			t.Errorf("%s: parsePage differs from the emptied parse", filepath.Base(p))
		}
		if cut == 0 && strings.Contains(src, "<style") {
			t.Errorf("%s: nothing cut from a page with style sheets", filepath.Base(p))
		}
	}
	t.Logf("%d pages: the parser reads %.0f %% of their bytes", len(paths), 100*float64(short)/float64(total))
}

func FuzzParsePage(f *testing.F) {
	f.Add(`<head><style>p{}</style><script>a<b</script></head><svg><style>x</style></svg><p>t`)
	f.Add(`<!--><style>a</style><div title="<style>">b</div><script type=application/ld+json>{}</script>`)
	f.Add(`<math><mi><style>a</style></mi></math><select><svg></select><style>b</style>`)
	f.Add(`<sCript =>0</sCript `) // once marked so that "=" took the marker's name for a value
	f.Fuzz(func(t *testing.T, src string) {
		if got, want := render(t, parsePage(src)), emptied(t, src); got != want {
			t.Errorf("parsePage differs from the emptied parse:\n got %q\nwant %q", got, want)
		}
	})
}
