package syntax

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func words(text string) []string {
	ws, _ := Tokenize(text, 0, len(text), nil, nil)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = text[w.Start:w.End]
	}
	return out
}

func TestTokenizeUD(t *testing.T) {
	cases := []struct{ in, want string }{
		{"I don't know.", "I|do|n't|know|."},
		{"She can’t go, he won't.", "She|ca|n’t|go|,|he|wo|n't|."},
		{"The parents' house and Obama's plan", "The|parents|'|house|and|Obama|'s|plan"},
		{"We're here; they'll see.", "We|'re|here|;|they|'ll|see|."},
		{"Mr. Smith of the U.S. said so.", "Mr.|Smith|of|the|U.S.|said|so|."},
		{"Sen. Harry Reid (D-Nev.) said it was well-known.", "Sen.|Harry|Reid|(|D|-|Nev.|)|said|it|was|well|-|known|."},
		{"a 15-year term", "a|15|-|year|term"},
		{"an e-mail from a non-profit", "an|e-mail|from|a|non-profit"},
		{"It cost $5,000 (about 3.5%).", "It|cost|$|5,000|(|about|3.5|%|)|."},
		{"“It is over,” she said.", "“|It|is|over|,|”|she|said|."},
		{"Wait... what?!", "Wait|...|what|?!"},
		{"See www.example.com/a?b=1, or mail me@example.org.", "See|www.example.com/a?b=1|,|or|mail|me@example.org|."},
		{"Call 713-853-3989 now", "Call|713-853-3989|now"},
		{"I cannot go -- really", "I|can|not|go|--|really"},
		{"J. K. Rowling wrote it", "J.|K.|Rowling|wrote|it"},
		{"08/16/2000 and yes/no", "08/16/2000|and|yes|/|no"},
	}
	for _, c := range cases {
		if got := strings.Join(words(c.in), "|"); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"He left. She stayed.", []string{"He left.", "She stayed."}},
		{"Mr. Smith left. Dr. Jones stayed!", []string{"Mr. Smith left.", "Dr. Jones stayed!"}},
		{"“I won,” he said. “Again.”", []string{"“I won,” he said.", "“Again.”"}},
		{"The U.S. Army arrived.", []string{"The U.S. Army arrived."}},
		{"first line\nsecond line", []string{"first line", "second line"}},
		{"It ended at 5 p.m. on Friday.", []string{"It ended at 5 p.m. on Friday."}},
	}
	for _, c := range cases {
		ws, ss := Tokenize(c.in, 0, len(c.in), nil, nil)
		var got []string
		for _, s := range ss {
			got = append(got, c.in[ws[s[0]].Start:ws[s[1]-1].End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzTokenize: words are in order, non-empty, inside the range, never split a character, and
// sentences cover the words exactly.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"I don't know.", "a -- b", "“Hi,” he said.", "x'", "''", "$", "...", "http://a.b/c.", "n't", "--'s", "\u2028x", "a\u00a0b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ws, ss := Tokenize(s, 0, len(s), nil, nil)
		prev := 0
		for _, w := range ws {
			if w.Start < prev || w.End <= w.Start || w.End > len(s) {
				t.Fatalf("%q: bad word %v after %d", s, w, prev)
			}
			if !utf8.ValidString(s) {
				continue
			}
			if !utf8.RuneStart(s[w.Start]) || (w.End < len(s) && !utf8.RuneStart(s[w.End])) {
				t.Fatalf("%q: word %v splits a character", s, w)
			}
			prev = w.End
		}
		next := 0
		for _, x := range ss {
			if x[0] != next || x[1] <= x[0] {
				t.Fatalf("%q: sentences %v do not tile the words", s, ss)
			}
			next = x[1]
		}
		if next != len(ws) {
			t.Fatalf("%q: sentences end at %d of %d words", s, next, len(ws))
		}
	})
}
