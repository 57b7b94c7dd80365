package textutil

import (
	"strings"
	"testing"
)

func TestWordCountAndCollapse(t *testing.T) {
	tests := []struct {
		in    string
		words int
		out   string
	}{
		{"", 0, ""},
		{" ", 0, ""},
		{"one", 1, "one"},
		{"one two", 2, "one two"},
		{" one two", 2, "one two"},
		{"one two ", 2, "one two"},
		{"one  two", 2, "one two"},
		{"one\ttwo\n", 2, "one two"},
		{"one\u00a0two", 2, "one two"},                  // no-break space is white space to strings.Fields
		{"one\u2003two\u3000three", 3, "one two three"}, // em space, ideographic space
		{"naïve café", 2, "naïve café"},
		{"\u200bzero-width", 1, "\u200bzero-width"}, // not white space
		{"bad \xff byte", 3, "bad \xff byte"},
	}
	for _, tc := range tests {
		if got := WordCount(tc.in); got != tc.words {
			t.Errorf("WordCount(%q) = %d, want %d", tc.in, got, tc.words)
		}
		if got := Collapse(tc.in); got != tc.out {
			t.Errorf("Collapse(%q) = %q, want %q", tc.in, got, tc.out)
		}
	}
}

// FuzzWords holds WordCount and Collapse to the strings.Fields forms they replace.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"", " a  b ", "x\u00a0y", "\xff \u3000z", "one"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fields := strings.Fields(s)
		if got := WordCount(s); got != len(fields) {
			t.Fatalf("WordCount(%q) = %d, strings.Fields gives %d", s, got, len(fields))
		}
		if got, want := Collapse(s), strings.Join(fields, " "); got != want {
			t.Fatalf("Collapse(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestCommonWords(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"the cat saw the dog", "the dog saw a cat", 4}, // "the" once in b
		{"the the the", "the the", 2},                   // each word as often as in both
		{"", "a b", 0},
		{"a b c", "d e", 0},
	} {
		if got := CommonWords(strings.Fields(tc.a), strings.Fields(tc.b)); got != tc.want {
			t.Errorf("CommonWords(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
