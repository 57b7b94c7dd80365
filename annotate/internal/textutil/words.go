package textutil

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// WordCount is len(strings.Fields(s)) without building the slice.
func WordCount(s string) int {
	n, inWord := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		space := false
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}

// Collapse is strings.Join(strings.Fields(s), " "): runs of white space become one space, none at
// either end. It returns s itself, without copying, when s is already collapsed.
func Collapse(s string) string {
	if collapsed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// collapsed reports whether s has no white space but single inner spaces.
func collapsed(s string) bool {
	prevSpace := true // a space first is not collapsed
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				if c != ' ' || prevSpace {
					return false
				}
				prevSpace = true
			} else {
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
		i += size
	}
	return !prevSpace || s == ""
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// IsHTMLSpace reports whether c is one of the ASCII whitespace characters HTML's tokenizer
// skips between attributes and inside markers: space, tab, newline, form feed, carriage return.
func IsHTMLSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

// CommonWords is the size of the multiset intersection of a and b: how many of a's words b
// holds, each as often as it occurs in both.
func CommonWords(a, b []string) int {
	have := make(map[string]int, len(a))
	for _, w := range a {
		have[w]++
	}
	common := 0
	for _, w := range b {
		if have[w] > 0 {
			have[w]--
			common++
		}
	}
	return common
}
