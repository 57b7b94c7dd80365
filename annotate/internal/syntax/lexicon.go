package syntax

import (
	"encoding/binary"
	"sort"
	"strings"

	"github.com/attest-news/attest/annotate/internal/linear"
)

// A lexicon tells, for the words training saw at least twice, their ambiguity class (the set of
// tagger classes they took) and whether they are frequent enough for the models to read the
// word itself. It is read in place:
//
//	"ALX1" | n u32 | keys n × u32 (ascending) | values n × u16 (class id, and bit 15: frequent)
//
// Keys are the top 32 bits of the word's hash.
type lexicon struct {
	n    int
	keys []byte
	vals []byte
}

const lexMagic = "ALX1"

func loadLexicon(b []byte) (*lexicon, error) {
	if len(b) < 8 || string(b[:4]) != lexMagic {
		return nil, linear.ErrModel
	}
	n := int(binary.LittleEndian.Uint32(b[4:]))
	if len(b) != 8+6*n {
		return nil, linear.ErrModel
	}
	return &lexicon{n: n, keys: b[8 : 8+4*n], vals: b[8+4*n:]}, nil
}

// find gives word hash h's ambiguity class (0 where the lexicon lacks the word) and whether it
// is frequent.
func (l *lexicon) find(h uint64) (int, bool) {
	k := uint32(h >> 32)
	lo, hi := 0, l.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if binary.LittleEndian.Uint32(l.keys[4*m:]) < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < l.n && binary.LittleEndian.Uint32(l.keys[4*lo:]) == k {
		v := binary.LittleEndian.Uint16(l.vals[2*lo:])
		return int(v & 0x7fff), v&0x8000 != 0
	}
	return 0, false
}

// buildLexicon makes the lexicon of exs: words seen minCount times or more, frequent from
// frequent times; a word's class is the set of its classes that make up share or more of it.
func buildLexicon(exs []*example, minCount, frequent int, share float64) []byte {
	type wc struct {
		n       int
		classes map[int]int
	}
	words := map[uint64]*wc{}
	for _, ex := range exs {
		for i, h := range ex.w.wh {
			k := h >> 32
			c := words[k]
			if c == nil {
				c = &wc{classes: map[int]int{}}
				words[k] = c
			}
			c.n++
			c.classes[ex.upos[i]]++
		}
	}
	setOf := map[uint64]string{}
	setCount := map[string]int{}
	for k, c := range words {
		if c.n < minCount {
			continue
		}
		var set []int
		for cl, n := range c.classes {
			if float64(n) >= share*float64(c.n) {
				set = append(set, cl)
			}
		}
		sort.Ints(set)
		var b strings.Builder
		for _, cl := range set {
			b.WriteByte(byte(cl))
		}
		setOf[k] = b.String()
		setCount[b.String()]++
	}
	ids := map[string]int{}
	for i, s := range sortedByCount(setCount) {
		ids[s] = min(i+1, 0x7fff)
	}
	keys := make([]uint64, 0, len(setOf))
	for k := range setOf {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	out := []byte(lexMagic)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(keys)))
	for _, k := range keys {
		out = binary.LittleEndian.AppendUint32(out, uint32(k))
	}
	for _, k := range keys {
		v := uint16(ids[setOf[k]])
		if words[k].n >= frequent {
			v |= 0x8000
		}
		out = binary.LittleEndian.AppendUint16(out, v)
	}
	return out
}
