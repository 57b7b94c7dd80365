// Command extractors runs a published Go extractor on one page (HTML on stdin, plain text on
// stdout) so that it goes through the same scorer as Attest. Benchmark-only: this module is
// separate, so neither library ever enters Attest's build.
//
//	go run . -lib trafilatura -url https://example.com/a < page.html
package main

import (
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

func main() {
	lib := flag.String("lib", "trafilatura", "trafilatura or readability")
	page := flag.String("url", "https://example.com/", "the page address")
	flag.Parse()
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	u, _ := url.Parse(*page)
	var text string
	switch *lib {
	case "trafilatura":
		res, err := trafilatura.Extract(strings.NewReader(string(data)), trafilatura.Options{OriginalURL: u})
		if err == nil && res != nil {
			text = res.ContentText
		}
	case "readability":
		doc, err := html.Parse(strings.NewReader(string(data)))
		if err == nil {
			art, err := readability.FromDocument(doc, u)
			if err == nil {
				var sb strings.Builder
				if err := art.RenderText(&sb); err == nil {
					text = sb.String()
				}
			}
		}
	default:
		fmt.Fprintln(os.Stderr, "unknown -lib")
		os.Exit(2)
	}
	fmt.Println(text)
}
