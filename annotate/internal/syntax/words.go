package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attest-news/attest/annotate/internal/linear"
)

// wordInfo holds what the features read of each word of one sentence, computed once.
type wordInfo struct {
	n      int
	norm   []string // lower case, digits as 0, typographic quotes and dashes as ASCII
	wh     []uint64 // hash of norm
	raw    []uint64 // hash of the form as written
	shape  []uint64 // hash of the shape ("Xx", "d", "X.X.")
	suf    [][4]uint64
	pre    [][3]uint64
	flags  []uint64
	hasLex bool
	lw     []uint64 // the word's hash where the lexicon marks it frequent, else noLex
	ac     []uint64 // the word's ambiguity class from the lexicon, 0 for a word it lacks
	tags   []int    // the tagger's classes, filled by tagging
	upos   []int    // UPOS index of each word's class
}

const (
	flagCap = 1 << iota
	flagAllCaps
	flagDigit
	flagHyphen
	flagPeriod
	flagFirst
	flagNoLetter
)

func (w *wordInfo) reset(n int) {
	w.n = n
	w.norm = grow(w.norm, n)
	w.wh = grow(w.wh, n)
	w.raw = grow(w.raw, n)
	w.shape = grow(w.shape, n)
	w.suf = grow(w.suf, n)
	w.pre = grow(w.pre, n)
	w.flags = grow(w.flags, n)
	w.tags = grow(w.tags, n)
	w.lw = grow(w.lw, n)
	w.ac = grow(w.ac, n)
	w.upos = grow(w.upos, n)
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// fill computes the word features of forms.
func (w *wordInfo) fill(forms []string) {
	w.reset(len(forms))
	for i, f := range forms {
		n := normForm(f)
		w.norm[i] = n
		w.wh[i] = linear.Str(n)
		w.raw[i] = linear.Str(f)
		w.shape[i] = linear.Str(shapeOf(f))
		var fl uint64
		if i == 0 {
			fl |= flagFirst
		}
		letters, upper, lower := 0, 0, 0
		for _, r := range f {
			switch {
			case unicode.IsUpper(r):
				upper++
				letters++
			case unicode.IsLetter(r):
				lower++
				letters++
			case unicode.IsDigit(r):
				fl |= flagDigit
			case r == '-':
				fl |= flagHyphen
			case r == '.':
				fl |= flagPeriod
			}
		}
		if r, _ := utf8.DecodeRuneInString(f); unicode.IsUpper(r) {
			fl |= flagCap
		}
		if upper > 0 && lower == 0 {
			fl |= flagAllCaps
		}
		if letters == 0 {
			fl |= flagNoLetter
		}
		w.flags[i] = fl
		// affixes of the lower-case form, by runes
		var ends [5]int // byte offsets of the last 1..4 runes
		rs := 0
		for j := len(n); j > 0 && rs < 4; {
			_, size := utf8.DecodeLastRuneInString(n[:j])
			j -= size
			rs++
			ends[rs] = j
		}
		for k := 1; k <= 4; k++ {
			if k <= rs {
				w.suf[i][k-1] = linear.Str(n[ends[k]:])
			} else {
				w.suf[i][k-1] = w.wh[i]
			}
		}
		j := 0
		for k := 1; k <= 3; k++ {
			if j < len(n) {
				_, size := utf8.DecodeRuneInString(n[j:])
				j += size
			}
			w.pre[i][k-1] = linear.Str(n[:j])
		}
	}
}

// noLex stands for a word the lexicon does not mark frequent.
const noLex = 0x6c6578

// lookup fills lw and ac from lex (nil: every word frequent, no classes).
func (w *wordInfo) lookup(lex *lexicon) {
	w.hasLex = lex != nil
	for i := 0; i < w.n; i++ {
		if lex == nil {
			w.lw[i], w.ac[i] = w.wh[i], 0
			continue
		}
		ac, frequent := lex.find(w.wh[i])
		w.ac[i] = uint64(ac)
		w.lw[i] = noLex
		if frequent {
			w.lw[i] = w.wh[i]
		}
	}
}

// normForm is the form features read: lower case, every digit 0, typographic quotes and dashes
// as their ASCII equivalents.
func normForm(f string) string {
	ascii := true
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= '1' && c <= '9') {
			ascii = false
			break
		}
	}
	if ascii {
		return f
	}
	var b strings.Builder
	b.Grow(len(f))
	for _, r := range f {
		switch {
		case r >= '0' && r <= '9':
			b.WriteByte('0')
		case r == '’' || r == '‘' || r == '′' || r == '`':
			b.WriteByte('\'')
		case r == '“' || r == '”' || r == '„' || r == '«' || r == '»' || r == '″':
			b.WriteByte('"')
		case r == '–' || r == '‐' || r == '‑':
			b.WriteByte('-')
		case r == '—' || r == '―':
			b.WriteString("--")
		case r == '…':
			b.WriteString("...")
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// shapeOf maps letters to X/x and digits to d, collapsing runs: "McDonald" → "XxXx",
// "1990" → "d", "U.S." → "X.X.".
func shapeOf(f string) string {
	var b [32]byte
	n := 0
	var last byte
	for _, r := range f {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < 0x80:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		if n < len(b) {
			b[n] = c
			n++
		}
	}
	return string(b[:n])
}
