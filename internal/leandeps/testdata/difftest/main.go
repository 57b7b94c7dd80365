// Command difftest prints what the patched packages produce on inputs that reach the patched
// lines; the leandeps test runs it against upstream's modules and the lean copies and compares.
// Pages named on the command line (gzipped if they end in .gz) are tokenized and parsed too, and
// stand in the output as a digest each.
//
//	go run ./internal/leandeps/testdata/difftest [page.html[.gz] ...]
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/gorilla/css/scanner"
	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

var pages = []string{
	`<P CLASS="Lead" Data-X="a&amp;b&#x41;&lt;">Text &copy; <A HREF='/x?a=1&b=2'>link</A></P>`,
	"<di\x00v cl\x00ass=\"a\x00b\" id=x>nul\x00s</di\x00v><img SRC=y ALT=\"line\r\nbreak\">",
	`<svg viewBox="0 0 1 1"><foreignObject><p>x</p></foreignObject></svg><math><mi>x</mi></math>`,
	`<table><tr><td a=1 A=2 b=3 B=4>dup attrs</td></tr></table><!-- c --><script>if (a<b) x()</script>`,
	`<INPUT TYPE=checkbox CHECKED><select><option selected>One<option>Two</select><br/><hr>`,
	`<div data-a-rather-long-attribute-name-over-32-bytes=1 DATA-A-RATHER-LONG-ATTRIBUTE-NAME-OVER-32-BYTES=2 x=1 X=2 x=3>long keys</div>`,
	manyAttrs(40),
	manyAttrs(16) + manyAttrs(15) + manyAttrs(17),
	`<p id=a ID=b iD=c Id=d class="x&amp;y" data-z onclick>values shared</p><p>one</p>two<b>three</b>four<table>foster<tr><td>cell`,
	`<a href=x><b><i>misnested</a></i>text</b><p>` + strings.Repeat("<span t=1>deep", 300) + `</p><template><p x=1>t</p></template>`,
	"</p a=1 b=2><br c=3></br d=4><x-custom Foo=1 foo=2 BAR=3/>",
}

// dirty are inputs for the sanitizers: element names in capitals, with quotes, backslashes,
// controls and non-ASCII letters; attributes kept, matched, dropped.
var dirty = []string{
	`<P CLASS=x Title="T"><ScRiPt>alert(1)</sCrIpT><B>bold</B><A HREF="https://x.test/" TITLE=t>a</A></P>`,
	"<a\"b x=1>q</a\"b><a\\b>s</a\\b><\u00e9l\u00e9ment>e</\u00e9l\u00e9ment><x\x01y>c</x\x01y><IMG SRC=javascript:alert(1)>",
	`<mark data-label="PERSON" data-q="12" data-e="x" title="Person: A &amp; B" onclick="x()">n</mark><mark data-label="BAD">m</mark>`,
	`<p style="color: red; background-color: #fff; text-align: center; transform: translate(1px) skew(2deg) perspective(3px); filter: drop-shadow(1px 2px 3px red); font-family: 'a b', serif; opacity: 0.5; transition-timing-function: cubic-bezier(0.1, 0.2, 0.3, 1); z-index: -2; width: 10px">s</p><span style="color: rgb(1,2,3); transform: matrix(1,2,3,4,5,6); filter: blur(2px) hue-rotate(90)">t</span><p style="color: expression(alert(1)); width: calc(1px)">u</p>`,
	`<table><tr><td colspan=2 ALIGN=left>c</td></tr></table><ul><li>i<li>j</ul><p data-removed="3" style="color:red">r</p>`,
}

// manyAttrs is a tag with n distinct attributes and, after them, repeats of some in other cases.
func manyAttrs(n int) string {
	var b strings.Builder
	b.WriteString("<div")
	for i := range n {
		fmt.Fprintf(&b, " a%d=%d", i, i)
	}
	for _, i := range []int{0, n / 2, n - 1} {
		fmt.Fprintf(&b, " A%d=dup", i)
	}
	b.WriteString(" z=last>x</div>")
	return b.String()
}

// policies are bluemonday's UGC policy and one shaped like Attest's: elements, URLs and
// attributes matched by patterns.
func policies() []*bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "b", "table", "tr", "td", "ul", "li")
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("https")
	p.RequireNoFollowOnLinks(true)
	p.AllowAttrs("src", "alt").OnElements("img")
	p.AllowAttrs("data-label").Matching(regexp.MustCompile(`^(PERSON|ORG)$`)).OnElements("mark")
	p.AllowAttrs("data-q", "data-e", "data-removed").Matching(regexp.MustCompile(`^[0-9]{1,7}$`)).OnElements("mark", "p")
	p.AllowAttrs("title").Matching(regexp.MustCompile(`^[^<>]{1,200}$`)).OnElements("mark")
	styles := bluemonday.NewPolicy()
	styles.AllowElements("p", "span")
	styles.AllowAttrs("style").Globally()
	styles.AllowStyles("color", "background-color", "text-align", "transform", "filter", "font-family", "opacity",
		"transition-timing-function", "z-index", "width").Globally()
	return []*bluemonday.Policy{bluemonday.UGCPolicy(), p, styles}
}

// dump writes the tokens of p, then the tree html.Parse builds, rendered.
func dump(w io.Writer, p string) {
	z := html.NewTokenizer(strings.NewReader(p))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		t := z.Token()
		fmt.Fprintf(w, "%v %q %q\n", tt, t.Data, t.Attr)
	}
	doc, err := html.Parse(strings.NewReader(p))
	if err != nil {
		fmt.Fprintln(w, "parse:", err)
		return
	}
	html.Render(w, doc)
	fmt.Fprintln(w)
	for _, pol := range policies() {
		fmt.Fprintln(w, pol.Sanitize(p))
	}
}

var sheets = []string{
	`a{color:red} @media (max-width: 10px) { .b::before { content: "\201C x"; } } /* c */ #id{margin:-1.5em 2% 0}`,
	"url(  'x.png' ) U+0025-00FF <!-- --> ~= |= ^= $= *= \u00e9t\u00e9 \x00 12px",
}

func main() {
	for _, p := range append(pages, dirty...) {
		dump(os.Stdout, p)
	}
	// a buffer limit: the tokenizer stops where upstream's does
	for _, max := range []int{1, 16, 64} {
		z := html.NewTokenizer(strings.NewReader(strings.Join(pages, "")))
		z.SetMaxBuf(max)
		n := 0
		for z.Next() != html.ErrorToken {
			n++
		}
		fmt.Println("max buffer", max, ":", n, "tokens,", z.Err())
	}
	for _, name := range os.Args[1:] {
		b, err := os.ReadFile(name)
		if err == nil && strings.HasSuffix(name, ".gz") {
			var zr *gzip.Reader
			if zr, err = gzip.NewReader(bytes.NewReader(b)); err == nil {
				b, err = io.ReadAll(zr)
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		h := sha256.New()
		dump(h, string(b))
		fmt.Printf("%x\n", h.Sum(nil))
	}
	for _, s := range sheets {
		sc := scanner.New(s)
		for {
			tok := sc.Next()
			fmt.Println(tok)
			if tok.Type == scanner.TokenEOF || tok.Type == scanner.TokenError {
				break
			}
		}
	}
}
