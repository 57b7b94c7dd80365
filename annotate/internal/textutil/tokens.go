// Package textutil splits article text into tokens and sentences with byte offsets.
package textutil

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word, number or punctuation mark: Text == text[Start:End].
type Token struct {
	Start, End int
	Text       string
}

// IsWord reports a token that starts with a letter or digit.
func (t Token) IsWord() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// IsCap reports a token starting with an upper-case letter.
func (t Token) IsCap() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// IsAllCaps reports a word whose letters are all upper case (acronyms, shouted text).
func (t Token) IsAllCaps() bool {
	letters := 0
	for _, r := range t.Text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// Apostrophes inside words ("it’s", "O'Neil"); the possessive "’s" is split off as its own token.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

// Tokenize splits s into tokens. Words keep inner apostrophes, hyphens and periods of
// abbreviations ("U.S.", "Sen."); a trailing possessive "’s" becomes its own token.
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5+1) // about one token per five bytes of prose: one allocation, not a doubling series
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if r == '$' || r == '€' || r == '£' || r == '¥' {
				// currency sign stays with a following number
				if j := i + size; j < len(s) {
					if r2, _ := utf8.DecodeRuneInString(s[j:]); unicode.IsDigit(r2) {
						end := scanWord(s, j)
						toks = append(toks, Token{i, end, s[i:end]})
						i = end
						continue
					}
				}
			}
			toks = append(toks, Token{i, i + size, s[i : i+size]})
			i += size
			continue
		}
		end := scanWord(s, i)
		word := s[i:end]
		// split a possessive 's
		for _, suf := range []string{"'s", "’s", "‘s"} {
			if len(word) > len(suf) && strings.HasSuffix(word, suf) {
				toks = append(toks, Token{i, end - len(suf), word[:len(word)-len(suf)]})
				toks = append(toks, Token{end - len(suf), end, suf})
				i = end
				goto next
			}
		}
		toks = append(toks, Token{i, end, word})
		i = end
	next:
	}
	return toks
}

// scanWord returns the end of the word starting at i.
func scanWord(s string, i int) int {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += size
			continue
		}
		// joiners that stay inside a word when a letter or digit follows
		if j+size < len(s) {
			r2, _ := utf8.DecodeRuneInString(s[j+size:])
			next := unicode.IsLetter(r2) || unicode.IsDigit(r2)
			switch {
			case (r == '-' || isApostrophe(r) || r == '&') && next && r != '&':
				j += size
				continue
			case (r == '.' || r == ',') && unicode.IsDigit(r2) && j > i && isDigitBefore(s, j):
				j += size // 1.5, 10,000
				continue
			case r == '.' && isAbbrevLetterBefore(s, i, j) && next:
				j += size // U.S, e.g
				continue
			}
		}
		if r == '.' && isAbbrevLetterBefore(s, i, j) && (strings.Contains(s[i:j], ".") || isUpperLetter(s[i:j])) {
			return j + size // the final period of U.S., or of an initial: "Jonathan M. Stan"
		}
		if r == '.' && abbreviations[s[i:j]] && (s[i:j] != "No" || digitAfter(s, j+size)) {
			return j + size // "Mr.", "Sen.", "Gen.", "No. 2"
		}
		if r == '.' && PartyState(s[i:j]) {
			return j + size // a party and a state: "(D-Nev.)", "R-Pa."
		}
		break
	}
	return j
}

// PartyState reports a hyphenated word whose last part keeps its period ("D-Nev", "R-Pa").
func PartyState(w string) bool {
	k := strings.LastIndexByte(w, '-')
	return k > 0 && wordAbbreviations[w[k+1:]]
}

func digitAfter(s string, i int) bool {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i < len(s) && s[i] >= '0' && s[i] <= '9'
}

func isUpperLetter(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

func isDigitBefore(s string, j int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:j])
	return unicode.IsDigit(r)
}

// isAbbrevLetterBefore: the word so far is single letters separated by periods ("U", "U.S").
func isAbbrevLetterBefore(s string, i, j int) bool {
	parts := strings.Split(s[i:j], ".")
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

// titleAbbreviations end with a period that never ends a sentence: titles, months, company words.
var titleAbbreviations = []string{"Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt",
	"Col", "Capt", "Sgt", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Jan", "Feb", "Mar", "Apr",
	"Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "etc", "Mt", "Ft", "Pres", "Adm",
	"Maj", "Supt", "Rev"}

// abbreviations end with a period without ending the sentence ("No" only before a number).
var abbreviations = setOf(append([]string{"No"}, titleAbbreviations...)...)

// wordAbbreviations are the words whose period is part of them in the syntax layer's tokens: the
// titles above, more company and street words, and the states' AP abbreviations. A period after
// one may still end a sentence there; the sentence splitter decides.
var wordAbbreviations = setOf(append([]string{"Bros", "Hon", "Gens", "Reps", "Sens", "Messrs", "Mme",
	"Ave", "Blvd", "Rd", "Univ", "Dept", "Est", "Fig", "approx", "cf", "al", "Ph", "Ariz", "Calif",
	"Colo", "Conn", "Fla", "Ill", "Kan", "Mass", "Mich", "Minn", "Miss", "Nev", "Okla", "Ore", "Pa",
	"Tenn", "Tex", "Va", "Wash", "Wis", "Ala", "Ark", "Del", "Ga", "Ky", "La", "Md", "Mo", "Mont",
	"Neb", "Vt", "Wyo"}, titleAbbreviations...)...)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// WordAbbreviation reports a word whose period belongs to it ("Calif", "Inc", "Sept").
func WordAbbreviation(w string) bool { return wordAbbreviations[w] }

// IsAbbreviation reports words like "Sen" (or "Sen.") that a period does not end a sentence after.
func IsAbbreviation(w string) bool { return abbreviations[strings.TrimSuffix(w, ".")] }

// Sentences splits text[from:to] into sentence ranges. Closing quotes and brackets after the
// final punctuation stay with the sentence.
func Sentences(text string, from, to int) [][2]int {
	var out [][2]int
	start := from
	i := from
	for i < to {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			if strings.TrimSpace(text[start:i]) != "" {
				out = append(out, [2]int{start, i})
			}
			start = i + size
			i += size
			continue
		}
		if r == '.' || r == '!' || r == '?' {
			j := i + size
			for j < to {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if r2 == '"' || r2 == '”' || r2 == '’' || r2 == ')' || r2 == '\'' || r2 == '»' || r2 == '.' || r2 == '!' || r2 == '?' {
					j += s2
					continue
				}
				break
			}
			if j >= to {
				break
			}
			r2, _ := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(r2) {
				i = j
				continue
			}
			if r == '.' {
				w := lastWord(text[start:i])
				if IsAbbreviation(w) || (utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0])) || strings.Contains(w, ".") {
					i = j
					continue
				}
			}
			// the next word must not start lower-case (an abbreviation we do not know)
			k := j
			for k < to {
				r3, s3 := utf8.DecodeRuneInString(text[k:])
				if unicode.IsSpace(r3) {
					k += s3
					continue
				}
				break
			}
			if k < to {
				r3, _ := utf8.DecodeRuneInString(text[k:])
				if unicode.IsLower(r3) {
					i = j
					continue
				}
			}
			out = append(out, [2]int{start, j})
			start = k
			i = k
			continue
		}
		i += size
	}
	if strings.TrimSpace(text[start:to]) != "" {
		out = append(out, [2]int{start, to})
	}
	return out
}

func lastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	k := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' })
	return s[k+1:]
}
