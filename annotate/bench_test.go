package annotate_test

import (
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
