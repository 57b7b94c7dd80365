package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestParsePage: style sheets and scripts come out empty, JSON data stays, and pages nested past
// the parser's limit still parse.
func TestParsePage(t *testing.T) {
	root := parsePage(`<head><style>p{color:red}</style><script>var a = "<p>x</p>";</script>` +
		`<script type="application/ld+json">{"headline":"H"}</script></head><body><p>text</p>` +
		`<svg><style>kept in SVG</style></svg></body>`)
	var b strings.Builder
	if err := html.Render(&b, root); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, gone := range []string{"color:red", "var a"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q kept:\n%s", gone, got)
		}
	}
	for _, kept := range []string{`{"headline":"H"}`, "<p>text</p>", "kept in SVG"} {
		if !strings.Contains(got, kept) {
			t.Errorf("%q lost:\n%s", kept, got)
		}
	}
	if parsePage(strings.Repeat("<div>", 3000)+"deep"+strings.Repeat("</div>", 3000)) == nil {
		t.Error("a deep page did not parse")
	}
}

func FuzzParsePage(f *testing.F) {
	f.Add(`<head><style>p{}</style><script>a<b</script></head><svg><style>x</style></svg><p>t`)
	f.Add(`<!--><style>a</style><div title="<style>">b</div><script type=application/ld+json>{}</script>`)
	f.Fuzz(func(t *testing.T, src string) {
		root := parsePage(src)
		if root == nil {
			return
		}
		for el := range root.Descendants() {
			if el.Type == html.ElementNode && el.Namespace == "" && el.Data == "style" && el.FirstChild != nil {
				t.Fatalf("a style element kept its contents: %q", src)
			}
		}
	})
}

func TestCloseTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<html><head><title>Storm closes ports\n<script>x</script></head><body><p>Text</p>", "<html><head><title>Storm closes ports\n</title><script>x</script></head><body><p>Text</p>"},
		{"<TITLE>A</TITLE><p>B", "<TITLE>A</TITLE><p>B"},                                                       // closed: left alone
		{"<title>A</Title ><p>B", "<title>A</Title ><p>B"},                                                     // in any case
		{"<titles>x<p>y", "<titles>x<p>y"},                                                                     // another element
		{"<p>no title at all", "<p>no title at all"},                                                           // none
		{"<title>only a title", "<title>only a title"},                                                         // nothing after it to save
		{"<svg><title>icon</title></svg><title>Page<body>", "<svg><title>icon</title></svg><title>Page<body>"}, // a closed one first
	}
	for _, tc := range tests {
		if got := closeTitle(tc.in); got != tc.want {
			t.Errorf("closeTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
