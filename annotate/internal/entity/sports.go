package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// In a match report a country or a city that defeats, faces or scores against another is its
// team: OntoNotes marks sports teams as organisations even when they carry a place's name
// ("Belgium defeated Panama 3 – 0"). sportsTeams relabels such places, every mention of one in
// the report, and leaves places that only host the match ("in Sochi") alone.

// sportsWords are words a match report writes in lower case; minSportsWords of them make one.
var sportsWords = set("goal|goals|scored|scoring|match|penalty|referee|striker|midfielder|goalkeeper|defender|tournament|league|championship|playoff|playoffs|touchdown|innings|wicket|quarterback|halftime|half-time|kickoff|equaliser|equalizer|header|hat-trick|semifinal|semi-final|quarterfinal|quarter-final|squad|fixture")

const minSportsWords = 4

// teamVerbs follow a team's name; teamPrepositions come before it.
var (
	teamVerbs        = set("defeated|beat|beats|faced|faces|drew|draw|draws|lost|loses|won|wins|scored|scores|edged|thrashed|routed|hosted|hosts|trailed|equalised|equalized|eliminated|knocked|qualified|advanced")
	teamPrepositions = set("against|versus|vs|vs.|v|v.|defeated|beat|faced|beating|defeating|facing")
)

func (a *analysis) sportsTeams(ms []Mention) []Mention {
	if !a.matchReport() {
		return ms
	}
	teams := map[string]bool{}
	for _, m := range ms {
		if m.Label == "GPE" && a.plays(m) {
			teams[m.Canonical] = true
		}
	}
	for i := range ms {
		if ms[i].Label == "GPE" && teams[ms[i].Canonical] {
			ms[i].Label = "ORG"
		}
	}
	return ms
}

// plays reports a team's context around a mention: a match verb after it, a preposition of
// play before it, or a score next to it ("Sweden 1 – 0 Korea Republic").
func (a *analysis) plays(m Mention) bool {
	next, prev := nextWord(a.text, m.End), prevWord(a.text, m.Start)
	if teamVerbs[strings.ToLower(next)] || teamPrepositions[strings.ToLower(prev)] {
		return true
	}
	return isScore(next) || isScore(prev)
}

// isScore reports a number of goals or points: one or two digits.
func isScore(w string) bool {
	if w == "" || len(w) > 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// nextWord is the word after offset i, skipping spaces and a possessive or closing mark; ""
// at a sentence's end.
func nextWord(s string, i int) string {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' {
			break
		}
		j += size
	}
	return strings.TrimRight(s[i:j], ".")
}

// prevWord is the word before offset i.
// wordBefore returns the word that ends at i (past spaces and tabs) and where it starts: the word
// before that one is wordBefore(s, start).
func wordBefore(s string, i int) (string, int) {
	w := prevWord(s, i)
	return w, len(strings.TrimRight(s[:i], " \t")) - len(w)
}

func prevWord(s string, i int) string {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' {
			break
		}
		j -= size
	}
	return s[j:i]
}

// matchReport reports a document that writes minSportsWords of the sports words.
func (a *analysis) matchReport() bool {
	n := 0
	for w := range sportsWords {
		if a.lower[w] {
			n++
		}
	}
	return n >= minSportsWords
}

// playerVerbs follow a player's name in a match report: "Dries Mertens scored", "Romelu Lukaku
// doubled the lead", "Nacer Chadli replaced Axel Witsel".
var playerVerbs = set("scored|netted|headed|doubled|equalised|equalized|converted|assisted|saved|replaced|missed|shot|volleyed|struck|fired|curled|tapped|booked")
