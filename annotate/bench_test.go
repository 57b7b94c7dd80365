package annotate_test

import (
	"strings"
	"testing"

	"github.com/attest-news/attest/annotate"
)

// BenchmarkSeeds times the whole pipeline on each seed (go test -bench Seeds ./annotate).
func BenchmarkSeeds(b *testing.B) {
	for _, s := range loadSeeds(b) {
		b.Run(s.name[:3], func(b *testing.B) {
			b.SetBytes(int64(len(s.input)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := annotate.Annotate(s.input, annotate.Options{In: annotate.InputText}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLongArticle times a 1 MB article dense with names and quotes (go test -bench Long
// ./annotate): the cost must grow with the length, not with its square — it took 3.4 s before
// entity reconciliation and quote attribution stopped scanning every mention per name and
// every quote per word.
func BenchmarkLongArticle(b *testing.B) {
	paras := []string{
		`<p>“We will reopen the port when the wind drops,” said Pieter Jansen, a spokesman for the Port of Rotterdam, on Monday.</p>`,
		`<p>Mayor Maria Lopez told reporters in Houston that the city would not charge drivers, adding: “Somebody has to pay for the bridge.”</p>`,
		`<p>The European Central Bank raised rates by 0.25 percentage points, its first move since 2023, and Christine Lagarde said inflation was “still too high”.</p>`,
		`<p>Senator John Park, who chairs the budget committee, called the plan “a gift to commuters”. He said the state would cover $12 million of the cost.</p>`,
	}
	var sb strings.Builder
	sb.WriteString("<html><body><article><h1>A long read</h1>")
	for i := 0; sb.Len() < 1<<20; i++ {
		sb.WriteString(paras[i%len(paras)])
	}
	sb.WriteString("</article></body></html>")
	input := []byte(sb.String())
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := annotate.Annotate(input, annotate.Options{In: annotate.InputHTML}); err != nil {
			b.Fatal(err)
		}
	}
}
