package extract

import "strings"

// nameWords matches class and id names against a list of words, case-insensitively, where a word
// stands between the start or end of the names and a "-", "_" or space: "read-more" matches
// "article read-more-box" but not "threadmore". The list is written "a|b|c-?d", "-?" an optional
// hyphen, which is also the regular expression (?i)(^|[-_ ])(a|b|c-?d)([-_ ]|$) the tests hold it
// to. All lists share one index, so one pass over an element's names (nameHits) answers every
// list at once: regexp backtracking over every element's names was most of the extractor's time.
type nameWords uint32 // the list's bit in nameHits

var (
	nameIndex  = map[string]uint32{}
	nameMaxLen int
	nameLists  []string // for the tests
)

func words(list string) nameWords {
	bit := uint32(1) << len(nameLists)
	if bit == 0 {
		panic("extract: more than 32 name lists")
	}
	nameLists = append(nameLists, list)
	for _, word := range strings.Split(list, "|") {
		parts := strings.Split(word, "-?")
		forms := []string{parts[0]}
		for _, part := range parts[1:] {
			var next []string
			for _, f := range forms {
				next = append(next, f+part, f+"-"+part)
			}
			forms = next
		}
		for _, f := range forms {
			nameIndex[f] |= bit
			nameMaxLen = max(nameMaxLen, len(f))
		}
	}
	return nameWords(bit)
}

// MatchString reports whether one of the list's words stands in names.
func (w nameWords) MatchString(names string) bool { return nameHits(names)&uint32(w) != 0 }

// in reports whether the list is among hits.
func (w nameWords) in(hits uint32) bool { return hits&uint32(w) != 0 }

// nameHits returns the bits of every list with a word in names.
func nameHits(names string) uint32 {
	var hits uint32
	start := true
	for i := 0; i < len(names); i++ {
		if !start {
			start = isNameSep(names[i])
			continue
		}
		start = isNameSep(names[i])
		for j := i + 1; j <= len(names) && j-i <= nameMaxLen; j++ {
			if j == len(names) || isNameSep(names[j]) {
				hits |= lookupFold(names[i:j])
			}
		}
	}
	return hits
}

// lookupFold looks a word up in lower case, copying only words with capitals in them.
func lookupFold(s string) uint32 {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			var buf [64]byte
			b := append(buf[:0], s...)
			for k := i; k < len(b); k++ {
				if c := b[k]; c >= 'A' && c <= 'Z' {
					b[k] = c + 32
				}
			}
			return nameIndex[string(b)]
		}
	}
	return nameIndex[s]
}

func isNameSep(c byte) bool { return c == '-' || c == '_' || c == ' ' }
