// Command readability prints the extractor's second opinion for a page read on standard input:
// the text of the article its port of Readability's grabArticle and cleaning chooses, one line.
// It lets the port be scored alone, as a peer:
//
//	go build -o /tmp/rdport ./annotate/internal/extract/readability
//	python3 ../shared/tools/score-extraction-pool.py --data DIR -- /tmp/rdport
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/attest-news/attest/annotate/internal/extract"
)

func main() {
	b, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "readability:", err)
		os.Exit(1)
	}
	fmt.Println(extract.SecondOpinion(string(b)))
}
