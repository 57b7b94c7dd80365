package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attest-news/attest/annotate/internal/textutil"
)

// Word is one syntactic word: text[Start:End], as UD English tokenizes it. Clitics are words of
// their own ("do" + "n't", "John" + "'s"), hyphens between words are ("15" "-" "year"), while
// abbreviations keep their period ("Mr.", "U.S.") and prefixes their hyphen ("e-mail",
// "re-elected").
type Word struct {
	Start, End int
}

// Tokenize splits text[from:to] into words and sentences: sentence k is words
// [sents[k][0], sents[k][1]). A sentence never crosses a line break.
func Tokenize(text string, from, to int, words []Word, sents [][2]int) ([]Word, [][2]int) {
	first := len(words)
	i := from
	lineStart := len(words)
	for i < to {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || r == '\u2028' || r == '\u2029' {
			sents = splitSentences(text, words, lineStart, len(words), sents)
			lineStart = len(words)
			i += size
			continue
		}
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			i += size
			continue
		}
		j := i
		for j < to {
			r, size := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == '\u2028' || r == '\u2029' {
				break
			}
			j += size
		}
		words = splitChunk(text, i, j, words)
		i = j
	}
	sents = splitSentences(text, words, lineStart, len(words), sents)
	_ = first
	return words, sents
}

func isOpenPunct(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '„', '‚', '¿', '¡', '`', '<':
		return true
	}
	return false
}

func isClosePunct(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', '.', ',', ';', ':', '!', '?', '…', '>', '*', '%':
		return true
	}
	return false
}

// splitChunk splits one run of non-space text into words.
func splitChunk(text string, start, end int, words []Word) []Word {
	s := text[start:end]
	// a web address or an e-mail address stays whole but for trailing punctuation
	if isURLish(s) {
		e := end
		for e > start {
			r, size := utf8.DecodeLastRuneInString(text[start:e])
			if r == '.' || r == ',' || r == ')' || r == ';' || r == ':' || r == '!' || r == '?' || r == '"' || r == '”' || r == '’' || r == '\'' {
				e -= size
				continue
			}
			break
		}
		o := start
		for o < e {
			r, size := utf8.DecodeRuneInString(text[o:])
			if r == '(' || r == '"' || r == '“' || r == '‘' || r == '<' {
				words = append(words, Word{o, o + size})
				o += size
				continue
			}
			break
		}
		words = append(words, Word{o, e})
		for k := e; k < end; {
			_, size := utf8.DecodeRuneInString(text[k:])
			words = append(words, Word{k, k + size})
			k += size
		}
		return words
	}
	// leading punctuation and currency signs, one mark a word
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:])
		if r == '$' || r == '€' || r == '£' || r == '¥' || r == '#' && start+size < end && isDigitAt(text, start+size) {
			words = append(words, Word{start, start + size})
			start += size
			continue
		}
		if r == '-' || r == '.' || r == '*' {
			k := start
			for k < end && text[k] == byte(r) {
				k++
			}
			if k-start >= 2 || r == '-' && k < end && !isDigitAt(text, k) {
				words = append(words, Word{start, k})
				start = k
				continue
			}
		}
		if isOpenPunct(r) || r == '—' || r == '–' {
			if r == '\'' || r == '’' {
				// an elided year or word: '90s, 'em
				if w := wordAfter(text[start+size : end]); w == "em" || w == "tis" || w == "cause" || (len(w) >= 2 && isDigits(w[:2])) {
					break
				}
			}
			words = append(words, Word{start, start + size})
			start += size
			continue
		}
		break
	}
	// trailing punctuation, collected from the end
	var tail []Word
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !isClosePunct(r) && r != '—' && r != '–' {
			break
		}
		if r == '.' {
			core := text[start : end-size]
			if keepsPeriod(core, text, end) {
				break
			}
			// an ellipsis is one word
			k := end - size
			for k > start && text[k-1] == '.' {
				k--
			}
			tail = append(tail, Word{k, end})
			end = k
			continue
		}
		if (r == '\'' || r == '’') && end-size > start {
			// a plural possessive: "parents'" → "parents" "'"
			prev, _ := utf8.DecodeLastRuneInString(text[start : end-size])
			if (prev == 's' || prev == 'S') && end-size-start > 1 {
				tail = append(tail, Word{end - size, end})
				end -= size
				continue
			}
		}
		// a run of one mark is one word: "!!!", "***", "--", "?!"
		k := end - size
		for k > start {
			r2, s2 := utf8.DecodeLastRuneInString(text[start:k])
			if r2 != r && !(r == '?' && r2 == '!') && !(r == '!' && r2 == '?') {
				break
			}
			k -= s2
		}
		if r == '\'' || r == '’' || r == '"' || r == '”' || r == ')' || r == ']' {
			k = end - size
		}
		tail = append(tail, Word{k, end})
		end = k
	}
	if start < end {
		words = splitCore(text, start, end, words)
	}
	for k := len(tail) - 1; k >= 0; k-- {
		words = append(words, tail[k])
	}
	return words
}

// splitCore splits a chunk without outer punctuation at clitics, hyphens and inner marks.
func splitCore(text string, start, end int, words []Word) []Word {
	s := text[start:end]
	// clitics at the end: n't, 's, 're, 've, 'll, 'd, 'm (either apostrophe)
	if k := cliticStart(s); k > 0 {
		words = splitCore(text, start, start+k, words)
		return append(words, Word{start + k, end})
	}
	lower := strings.ToLower(s)
	if w, ok := fusedForms[lower]; ok {
		return append(words, Word{start, start + w}, Word{start + w, end})
	}
	// split at hyphens, slashes and other inner marks between words, not inside numbers,
	// codes or after a prefix
	i := start
	segStart := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '-' && i+1 < end && text[i+1] == '-' {
			k := i
			for k < end && text[k] == '-' {
				k++
			}
			if i > segStart {
				words = append(words, Word{segStart, i})
			}
			words = append(words, Word{i, k})
			i, segStart = k, k
			continue
		}
		if (r == '-' || r == '–' || r == '—' || r == '/') && i > segStart && i+size < end {
			left := text[segStart:i]
			right := text[i+size : end]
			if r == '-' && keepHyphen(left, right, text[start:end]) {
				i += size
				continue
			}
			if r == '/' && (isDigits(lastSeg(left)) && isDigitAt(right, 0) || len(left) <= 1 || strings.ContainsAny(right, "/")) {
				i += size
				continue
			}
			words = append(words, Word{segStart, i}, Word{i, i + size})
			i += size
			segStart = i
			continue
		}
		if r == '—' || r == '–' {
			if i > segStart {
				words = append(words, Word{segStart, i})
			}
			words = append(words, Word{i, i + size})
			i += size
			segStart = i
			continue
		}
		i += size
	}
	if segStart < end {
		words = append(words, Word{segStart, end})
	}
	return words
}

// fusedForms are words UD writes as two: "cannot" = "can" + "not", "gonna" = "gon" + "na".
var fusedForms = map[string]int{"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3, "dunno": 2}

var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m", "'S", "’S", "N'T", "N’T", "'RE", "'VE", "'LL", "'D", "'M"}

// cliticStart gives where a final clitic starts in s, or 0.
func cliticStart(s string) int {
	for _, c := range clitics {
		if len(s) > len(c) && strings.HasSuffix(s, c) {
			k := len(s) - len(c)
			prev, _ := utf8.DecodeLastRuneInString(s[:k])
			if !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
				continue
			}
			if strings.HasPrefix(strings.ToLower(c), "n") {
				// "can't" is "ca" + "n't", "won't" "wo" + "n't"
				return k
			}
			return k
		}
	}
	return 0
}

var hyphenPrefixes = map[string]bool{
	"e": true, "non": true, "pre": true, "re": true, "co": true, "anti": true, "pro": true, "post": true,
	"ex": true, "self": true, "un": true, "mid": true, "multi": true, "inter": true, "sub": true,
	"semi": true, "counter": true, "de": true, "over": true, "under": true, "cross": true, "bi": true,
	"tri": true, "mini": true, "micro": true, "mega": true, "neo": true, "pseudo": true, "quasi": true,
	"ultra": true, "vice": true, "x": true, "t": true, "u": true, "a": true,
}

// keepHyphen says a hyphen stays inside a word: after a prefix, in numbers and codes
// ("713-853-3989"), or between single letters ("U-turn" splits; "x-ray" stays).
func keepHyphen(left, right, whole string) bool {
	seg := left
	if k := strings.LastIndexAny(left, "-/"); k >= 0 {
		seg = left[k+1:]
	}
	if hyphenPrefixes[strings.ToLower(seg)] {
		return true
	}
	if isDigits(seg) && len(right) > 0 && isDigitAt(right, 0) && strings.Count(whole, "-") >= 2 {
		return true // a phone number or a code
	}
	if hasDigit(seg) && hasLetter(seg) {
		return true // a code: "ld2d-69366"
	}
	return false
}

// keepsPeriod says the final period of core+"." belongs to the word: an abbreviation or an
// initial ("Mr.", "U.S.", "J."), not the end of a sentence.
func keepsPeriod(core, text string, end int) bool {
	if core == "" {
		return false
	}
	if strings.Contains(core, ".") {
		// "U.S", "e.g", "a.m": letters between periods
		parts := strings.Split(core, ".")
		ok := true
		for _, p := range parts {
			if utf8.RuneCountInString(p) > 2 || p == "" {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	if utf8.RuneCountInString(core) == 1 {
		r, _ := utf8.DecodeRuneInString(core)
		return unicode.IsUpper(r) // an initial
	}
	return textutil.PartyState(core) || textutil.WordAbbreviation(core) || textutil.WordAbbreviation(strings.ToLower(core)) && !strings.EqualFold(core, "no") || (core == "No" || core == "no") && digitNext(text, end)
}

func digitNext(text string, i int) bool {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i < len(text) && text[i] >= '0' && text[i] <= '9'
}

func lastSeg(s string) string {
	if k := strings.LastIndexAny(s, "-/"); k >= 0 {
		return s[k+1:]
	}
	return s
}

func isDigitAt(s string, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func wordAfter(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return strings.ToLower(s[:i])
		}
	}
	return strings.ToLower(s)
}

func isURLish(s string) bool {
	l := strings.ToLower(s)
	if strings.Contains(l, "://") || strings.HasPrefix(strings.TrimLeft(l, "(\"“‘<"), "www.") {
		return true
	}
	if at := strings.IndexByte(l, '@'); at > 0 && strings.Contains(l[at:], ".") {
		return true
	}
	return false
}

// splitSentences ends sentences among words[from:to] at a final . ! ? (or …) followed by a
// word that can open one; closing quotes and brackets after the mark stay with the sentence.
func splitSentences(text string, words []Word, from, to int, sents [][2]int) [][2]int {
	start := from
	for i := from; i < to; i++ {
		w := text[words[i].Start:words[i].End]
		if !isTerminal(w) {
			continue
		}
		j := i + 1
		for j < to && isCloser(text[words[j].Start:words[j].End]) {
			j++
		}
		if j >= to {
			break
		}
		if !opensSentence(text[words[j].Start:words[j].End]) {
			continue
		}
		sents = append(sents, [2]int{start, j})
		start = j
		i = j - 1
	}
	if start < to {
		sents = append(sents, [2]int{start, to})
	}
	return sents
}

func isTerminal(w string) bool {
	switch w {
	case ".", "!", "?", "…", "?!", "!?":
		return true
	}
	return strings.Trim(w, ".!?") == "" && w != ""
}

func isCloser(w string) bool {
	switch w {
	case "\"", "'", "”", "’", ")", "]", "»", "›":
		return true
	}
	return false
}

func opensSentence(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpenPunct(r) || r == '-' || r == '—' || r == '•' || unicode.IsTitle(r) || !unicode.IsLetter(r) && !unicode.IsPunct(r)
}
