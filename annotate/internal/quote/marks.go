// Package quote finds direct quotations in the article text and attributes each to its speaker.
package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/attest-news/attest/annotate/internal/doc"
)

// span is a quotation found by its marks, before attribution.
type span struct {
	open, close int // byte offsets of the marks; close is -1 when the quote runs to the block end
	start, end  int // the quoted words, marks and edge spaces excluded
	block       int
	parent      int // enclosing quote for nested ones, else -1
	continued   bool
}

func isOpenDouble(r rune) bool {
	return r == '“' || r == '„' || r == '«' || r == '"' || r == '‟'
}

// findSpans pairs quotation marks block by block. Double marks make top-level quotes; single
// marks inside them make nested quotes. A quote still open at the end of a block runs to its
// end, and a following block that opens with a mark continues it.
func findSpans(d *doc.Doc) []span {
	var out []span
	carry := false // the block before ended inside a quote
	for bi, b := range d.Blocks {
		text := d.Text
		open, openCh := -1, rune(0)
		from := b.Start
		if carry {
			// a quote carried on without a new opening mark: the block's first mark closes it
			// ("…, said, “We have learned a lot.¶It was a very emotional day … better.”")
			if i, ok := continuationClose(text, b); ok {
				out = appendSpanFrom(out, text, b.Start, b.Start, i, i, bi)
				_, size := utf8.DecodeRuneInString(text[i:])
				from = i + size
			}
		}
		for i := from; i < b.End; {
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case open < 0 && (isOpenDouble(r) || (r == '”' && opensHere(text, i, size, b))):
				if r == '"' && !opensHere(text, i, size, b) {
					break
				}
				open, openCh = i, r
			case open >= 0 && closes(text, i, size, b, r, openCh):
				out = appendSpan(out, text, open, i, i, bi)
				open = -1
			case open >= 0 && (r == '“' || r == '«') && opensHere(text, i, size, b) && !closes(text, i, size, b, r, openCh):
				// a new opening mark while one is open: the first quote was never closed
				out = appendSpan(out, text, open, -1, i, bi)
				open, openCh = i, r
			}
			i += size
		}
		carry = open >= 0
		if open >= 0 {
			out = appendSpan(out, text, open, -1, b.End, bi)
		}
	}
	for i := range out {
		out[i].parent = -1
		if i > 0 {
			prev := out[i-1]
			out[i].continued = prev.close < 0 && prev.block == out[i].block-1 && out[i].open == d.Blocks[out[i].block].Start
		}
	}
	return append(out, nestedSpans(d, out)...)
}

// opensHere: an opening mark is followed by a word and preceded by a space, an opening bracket,
// a dash or the block start.
func opensHere(text string, i, size int, b doc.Block) bool {
	if i+size >= b.End {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	if unicode.IsSpace(next) {
		return false
	}
	if i == b.Start {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == '-' || prev == ':' || prev == '‘' || prev == '\''
}

// closes reports whether the mark r at i ends the quote opened with openCh.
func closes(text string, i, size int, b doc.Block, r, openCh rune) bool {
	switch r {
	case '”':
		return true
	case '»':
		return openCh == '«'
	case '"':
		return true
	case '“':
		if openCh == '„' {
			return true // German low-high pairing
		}
		// a mistyped closer: right after the words and followed by a space or the block end ("ours,“ said")
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(prev) {
			return false
		}
		if i+size >= b.End {
			return true
		}
		next, _ := utf8.DecodeRuneInString(text[i+size:])
		return unicode.IsSpace(next) || unicode.IsPunct(next)
	}
	return false
}

// continuationClose finds the mark that closes a quote carried over from the block before: the
// block's first double mark, when it closes rather than opens.
func continuationClose(text string, b doc.Block) (int, bool) {
	for i := b.Start; i < b.End; {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '”' || r == '»':
			return i, i > b.Start
		case r == '"':
			return i, i > b.Start && !opensHere(text, i, size, b)
		case isOpenDouble(r):
			return 0, false
		}
		i += size
	}
	return 0, false
}

func appendSpan(out []span, text string, open, close, end, block int) []span {
	_, size := utf8.DecodeRuneInString(text[open:])
	return appendSpanFrom(out, text, open, open+size, close, end, block)
}

// appendSpanFrom adds the quote opened at open whose words start at start (open == start for a
// paragraph that continues a quote without a mark of its own).
func appendSpanFrom(out []span, text string, open, start, close, end, block int) []span {
	for start < end {
		r, s := utf8.DecodeRuneInString(text[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += s
	}
	for end > start {
		r, s := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= s
	}
	if end <= start {
		return out
	}
	return append(out, span{open: open, close: close, start: start, end: end, block: block})
}

// nestedSpans finds single-quoted quotes inside double-quoted ones, telling apostrophes
// ("it’s", "Trump‘s", "ours’") from quotation marks by what surrounds them.
func nestedSpans(d *doc.Doc, top []span) []span {
	var out []span
	for pi, p := range top {
		text := d.Text
		open := -1
		for i := p.start; i < p.end; {
			r, size := utf8.DecodeRuneInString(text[i:])
			if r == '‘' || r == '\'' || r == '’' || r == '‹' || r == '›' {
				prev := ' '
				if i > p.start {
					prev, _ = utf8.DecodeLastRuneInString(text[:i])
				}
				next := ' '
				if i+size < p.end {
					next, _ = utf8.DecodeRuneInString(text[i+size:])
				}
				opener := (r == '‘' || r == '\'' || r == '‹') && !isWordRune(prev) && isWordRune(next)
				closer := (r == '’' || r == '\'' || r == '›') && !isWordRune(next) && !unicode.IsSpace(prev)
				switch {
				case open < 0 && opener:
					open = i
				case open >= 0 && closer:
					if s := appendSpan(nil, text, open, i, i, p.block); len(s) == 1 {
						s[0].parent = pi
						out = append(out, s[0])
					}
					open = -1
				}
			}
			i += size
		}
		if open >= 0 {
			if s := appendSpan(nil, text, open, -1, p.end, p.block); len(s) == 1 {
				s[0].parent = pi
				out = append(out, s[0])
			}
		}
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
