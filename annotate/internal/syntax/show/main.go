// Command show prints the syntax layer's analysis of a text file: each word with its tags,
// head and relation, a sentence a block (a debugging aid).
//
//	go run ./annotate/internal/syntax/show article.txt
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/syntax"
)

func main() {
	b, _ := os.ReadFile(os.Args[1])
	var bd doc.Builder
	for _, p := range strings.Split(string(b), "\n\n") {
		bd.Add(doc.Block{}, strings.TrimSpace(p), nil)
	}
	d := bd.Doc()
	syntax.Analyze(d)
	for _, s := range d.Sentences {
		for i := s.Start; i < s.End; i++ {
			t := d.Tokens[i]
			fmt.Printf("%d\t%s\t%s\t%s\t%d\t%s\n", i, d.Text[t.Start:t.End], t.UPOS, t.XPOS, t.Head, t.Rel)
		}
		fmt.Println()
	}
}
