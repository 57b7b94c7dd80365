package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/attest-news/attest/annotate/internal/textutil"
)

func TestDbgNet(t *testing.T) {
	b, err := os.ReadFile("/tmp/p.html")
	if err != nil {
		t.Skip()
	}
	root := parsePage(string(b))
	for relax := 0; relax <= lastPass; relax++ {
		e := newExtractor(Options{}, relax)
		d := e.run(root)
		fmt.Println(relax, textutil.WordCount(d.Text), e.expectedWords(), e.proseWords, e.largestOwnText, len(d.Removed))
	}
}
