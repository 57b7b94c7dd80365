package entity

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkBuildLexicon times the gazetteers' start-up cost (it runs once, at package initialisation).
func BenchmarkBuildLexicon(b *testing.B) {
	for b.Loop() {
		buildLexicon()
	}
}

// BenchmarkLongList times a 1 MB list of unknown two-word names ending in one that speaks: the
// list spreads "person" from that end, one sweep each way (it once took a pass per name).
func BenchmarkLongList(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		fmt.Fprintf(&sb, "Zorv%c%c Quil%c%c, ", 'a'+i%26, 'a'+(i/26)%26, 'a'+(i/676)%26, 'a'+i%26)
	}
	sb.WriteString("and Dries Mertens said so.")
	d := docOf(sb.String())
	b.SetBytes(int64(sb.Len()))
	for b.Loop() {
		Find(d)
	}
}
