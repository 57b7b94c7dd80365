package textutil

import (
	"reflect"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Trump's offer", []string{"Trump", "'s", "offer"}},
		{"Trump‘s offer", []string{"Trump", "‘s", "offer"}},
		{"the U.S. Army", []string{"the", "U.S.", "Army"}},
		{"U.S.-Mexico ties", []string{"U.S.", "-", "Mexico", "ties"}},
		{"it’s true.", []string{"it", "’s", "true", "."}}, // the clitic splits like a possessive
		{"we’ll go", []string{"we’ll", "go"}},
		{"$1.5 billion and 10,000 troops", []string{"$1.5", "billion", "and", "10,000", "troops"}},
		{"a 45-minute call", []string{"a", "45-minute", "call"}},
		{"“No,” she said", []string{"“", "No", ",", "”", "she", "said"}},
		{"Sen. Smith", []string{"Sen.", "Smith"}},
		{"Jonathan M. Stan", []string{"Jonathan", "M.", "Stan"}},
		{"the No. 2 official said no.", []string{"the", "No.", "2", "official", "said", "no", "."}},
	}
	for _, tc := range tests {
		var got []string
		for _, tok := range Tokenize(tc.in) {
			if tc.in[tok.Start:tok.End] != tok.Text {
				t.Fatalf("%q: token %q does not slice its text", tc.in, tok.Text)
			}
			got = append(got, tok.Text)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"He left. She stayed.", []string{"He left.", "She stayed."}},
		{"The U.S. Army arrived. Then it left.", []string{"The U.S. Army arrived.", "Then it left."}},
		{"Sen. Smith spoke. “Done,” he said.", []string{"Sen. Smith spoke.", "“Done,” he said."}},
		{"“Is it true?” she asked. Yes.", []string{"“Is it true?” she asked.", "Yes."}},
		{"Line one\nLine two", []string{"Line one", "Line two"}},
	}
	for _, tc := range tests {
		var got []string
		for _, r := range Sentences(tc.in, 0, len(tc.in)) {
			got = append(got, strings.TrimSpace(tc.in[r[0]:r[1]]))
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("U.S.-Mexico ‘quoted’ $1.5bn 10,000 it’s")
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, tok := range Tokenize(s) {
			if tok.Start < last || tok.End <= tok.Start || tok.End > len(s) || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("bad token %+v in %q", tok, s)
			}
			last = tok.End
		}
		for _, r := range Sentences(s, 0, len(s)) {
			if r[0] < 0 || r[1] > len(s) || r[0] > r[1] {
				t.Fatalf("bad sentence %v in %q", r, s)
			}
		}
	})
}
