// Command difftest prints minify's HTML output for inputs that reach the entity table and the
// minifier's options; the leandeps test runs it against upstream's module and the lean copy and
// compares.
//
//	go run ./leandeps/testdata/difftest   (from tools/)
package main

import (
	"fmt"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/html"
)

var pages = []string{
	`<P CLASS="Lead" Data-X="a&amp;b&#x41;&lt;">Text &copy; &hellip; &nbsp; <A HREF='/x?a=1&b=2'>link</A></P>`,
	`<p>  lots   of    space  </p>  <pre>  kept  </pre><textarea> too </textarea>`,
	`<ul><li>one</li><li>two</li></ul><table><tr><td>a</td></tr></table><!-- comment --><br/>`,
	`<p>&Aacute;&aacute;&eacute;&ntilde;&uuml; &rarr; &euro; &mdash; &ldquo;quoted&rdquo; &amp;amp;</p>`,
	`<div data-x="1" class=" a  b " id="x"><img src="a.png" alt="A &quot;b&quot;"></div>`,
}

func main() {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepEndTags: true, KeepQuotes: true})
	for _, p := range pages {
		out, err := m.String("text/html", p)
		if err != nil {
			out = "error: " + err.Error()
		}
		fmt.Println(strings.TrimSpace(out))
	}
}
