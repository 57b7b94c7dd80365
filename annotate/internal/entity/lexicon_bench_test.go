package entity

import "testing"

// BenchmarkBuildLexicon times the gazetteers' start-up cost (it runs once, at package initialisation).
func BenchmarkBuildLexicon(b *testing.B) {
	for b.Loop() {
		buildLexicon()
	}
}
