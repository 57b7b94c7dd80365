package syntax

import (
	"os"
	"strings"
	"testing"

	"github.com/attest-news/attest/annotate/internal/doc"
)

// benchText is the site's sample article: news prose, about 300 words.
func benchText(tb testing.TB) string {
	b, err := os.ReadFile("../../../site/sample.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func docOfParas(text string) *doc.Doc {
	var b doc.Builder
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			b.Add(doc.Block{}, p, nil)
		}
	}
	return b.Doc()
}

// BenchmarkAnalyze tokenizes, tags and parses the sample article; words/op is reported so the
// time per 1,000 words can be read off (ns/op ÷ words/op).
func BenchmarkAnalyze(b *testing.B) {
	d := docOfParas(benchText(b))
	Analyze(d)
	words := len(d.Tokens)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		Analyze(d)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words)*1000/1e6, "ms/1000words")
}
