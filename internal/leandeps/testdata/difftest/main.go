// Command difftest prints what the patched packages produce on inputs that reach the patched
// lines; the leandeps test runs it against upstream's modules and the lean copies and compares.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/gorilla/css/scanner"
	"golang.org/x/net/html"
)

var pages = []string{
	`<P CLASS="Lead" Data-X="a&amp;b&#x41;&lt;">Text &copy; <A HREF='/x?a=1&b=2'>link</A></P>`,
	"<di\x00v cl\x00ass=\"a\x00b\" id=x>nul\x00s</di\x00v><img SRC=y ALT=\"line\r\nbreak\">",
	`<svg viewBox="0 0 1 1"><foreignObject><p>x</p></foreignObject></svg><math><mi>x</mi></math>`,
	`<table><tr><td a=1 A=2 b=3 B=4>dup attrs</td></tr></table><!-- c --><script>if (a<b) x()</script>`,
	`<INPUT TYPE=checkbox CHECKED><select><option selected>One<option>Two</select><br/><hr>`,
	`<div data-a-rather-long-attribute-name-over-32-bytes=1 DATA-A-RATHER-LONG-ATTRIBUTE-NAME-OVER-32-BYTES=2 x=1 X=2 x=3>long keys</div>`,
}

var sheets = []string{
	`a{color:red} @media (max-width: 10px) { .b::before { content: "\201C x"; } } /* c */ #id{margin:-1.5em 2% 0}`,
	"url(  'x.png' ) U+0025-00FF <!-- --> ~= |= ^= $= *= \u00e9t\u00e9 \x00 12px",
}

func main() {
	for _, p := range pages {
		z := html.NewTokenizer(strings.NewReader(p))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			t := z.Token()
			fmt.Printf("%v %q %q\n", tt, t.Data, t.Attr)
		}
		doc, err := html.Parse(strings.NewReader(p))
		if err != nil {
			fmt.Println("parse:", err)
			continue
		}
		html.Render(os.Stdout, doc)
		fmt.Println()
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
