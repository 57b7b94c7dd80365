package annotate

import "unicode/utf8"

// UTF16 returns a copy of r whose offsets count UTF-16 code units instead of bytes, as
// JavaScript's String.prototype.slice expects. Only the JS boundary needs it.
func (r *Result) UTF16() *Result {
	out := *r
	conv := utf16Offsets(r.Text)
	at := func(i int) int {
		if i < 0 {
			return i
		}
		return conv(i)
	}
	out.Quotes = make([]Quote, len(r.Quotes))
	for i, q := range r.Quotes {
		q.Start, q.End, q.SpeakerStart, q.SpeakerEnd = at(q.Start), at(q.End), at(q.SpeakerStart), at(q.SpeakerEnd)
		out.Quotes[i] = q
	}
	out.Removed = make([]Removed, len(r.Removed))
	for i, rm := range r.Removed {
		rm.At = at(rm.At)
		out.Removed[i] = rm
	}
	out.Entities = make([]Entity, len(r.Entities))
	for i, e := range r.Entities {
		e.Start, e.End = at(e.Start), at(e.End)
		out.Entities[i] = e
	}
	return &out
}

// utf16Offsets returns a byte-offset → UTF-16-offset function for s. Offsets must be
// non-decreasing across calls only for speed; any order gives the right answer.
func utf16Offsets(s string) func(int) int {
	// prefix table at rune starts, built lazily once
	table := make([]int32, len(s)+1)
	u := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		for k := 0; k < size; k++ {
			table[i+k] = int32(u)
		}
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
		i += size
	}
	table[len(s)] = int32(u)
	return func(i int) int {
		if i > len(s) {
			i = len(s)
		}
		return int(table[i])
	}
}
