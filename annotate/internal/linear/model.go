package linear

import (
	"encoding/binary"
	"errors"
	"math"
)

// A linear model scores C classes as the sum of the weight rows of the features that fire.
// Features are 64-bit hashes (see hash.go). The shipped form is read in place from its embedded
// bytes, without building maps at start-up:
//
//	header  "ASM3" | C u16 | K u8 | log2(slots) u8 | lo f32 | hi f32 | features u32
//	slots   slots × (key u16, row)   (key: a fingerprint of the hash; 0 marks an empty slot)
//
// A slot's key and weights sit side by side, so a lookup that hits costs one cache miss.
// A dense row (K = 0) is C weights. A sparse row (K > 0) keeps a feature's K heaviest classes
// as (class u8, weight) pairs, class 255 ending a short row. A weight is one signed byte q on a
// logarithmic scale: |w| = lo·(hi/lo)^((|q|-1)/126) for q ≠ 0, so that weights from lo to hi
// keep about 5 % of their size (a linear int8 scale zeroed the many small weights). Slots are
// found by linear probing from the hash's low bits; the table is at most 5/8 full, so a feature
// the model does not hold costs a few probes.
type Model struct {
	c, k     int
	features int
	mask     uint64
	rowSize  int
	slotSize int
	slots    []byte
	value    [256]float32 // weight of each byte
}

const Magic = "ASM3"

const header = 20

var ErrModel = errors.New("malformed linear model")

// Load reads a model from b in place; b must outlive it.
func Load(b []byte) (*Model, []byte, error) {
	if len(b) < header || string(b[:4]) != Magic {
		return nil, nil, ErrModel
	}
	m := &Model{c: int(binary.LittleEndian.Uint16(b[4:])), k: int(b[6])}
	bits := int(b[7])
	if bits > 30 || m.c == 0 || m.c > 255 {
		return nil, nil, ErrModel
	}
	lo := math.Float32frombits(binary.LittleEndian.Uint32(b[8:]))
	hi := math.Float32frombits(binary.LittleEndian.Uint32(b[12:]))
	m.value = logScale(lo, hi)
	slots := 1 << bits
	m.mask = uint64(slots - 1)
	m.rowSize = m.c
	if m.k > 0 {
		m.rowSize = 2 * m.k
	}
	m.slotSize = 2 + m.rowSize
	need := header + m.slotSize*slots
	if len(b) < need {
		return nil, nil, ErrModel
	}
	m.slots = b[header:need]
	m.features = int(binary.LittleEndian.Uint32(b[16:]))
	return m, b[need:], nil
}

// fingerprint is the part of a hash the table keeps to tell features apart; never 0.
func fingerprint(h uint64) uint16 {
	f := uint16(h >> 48)
	if f == 0 {
		f = 1
	}
	return f
}

// add adds the rows of feats to scores (len C).
func (m *Model) Add(feats []uint64, scores []float32) {
	// Read every feature's home slot first: the loads do not depend on one another, so their
	// cache misses overlap instead of queueing behind each probe's branches.
	var first [256]uint16
	for j, h := range feats[:min(len(feats), len(first))] {
		o := int(h&m.mask) * m.slotSize
		first[j] = uint16(m.slots[o]) | uint16(m.slots[o+1])<<8
	}
	for j, h := range feats {
		fp := fingerprint(h)
		k := uint16(0)
		if j < len(first) {
			k = first[j]
		} else {
			o := int(h&m.mask) * m.slotSize
			k = uint16(m.slots[o]) | uint16(m.slots[o+1])<<8
		}
		for i, n := h&m.mask, uint64(0); k != 0 && n <= m.mask; n++ {
			if k == fp {
				m.addRow(m.slots[int(i)*m.slotSize+2:int(i+1)*m.slotSize], scores)
				break
			}
			i = (i + 1) & m.mask
			o := int(i) * m.slotSize
			k = uint16(m.slots[o]) | uint16(m.slots[o+1])<<8
		}
	}
}

// addRow adds one feature's weights to scores.
func (m *Model) addRow(row []byte, scores []float32) {
	if m.k == 0 {
		for c, w := range row {
			scores[c] += m.value[w]
		}
		return
	}
	for j := 0; j+1 < len(row); j += 2 {
		if int(row[j]) >= len(scores) {
			return // the end of a short row (255), or a damaged one
		}
		scores[row[j]] += m.value[row[j+1]]
	}
}

// logScale gives the weight of each byte: 0 for 0, ±lo·(hi/lo)^((|q|-1)/126) for q = ±1…±127.
func logScale(lo, hi float32) [256]float32 {
	var v [256]float32
	ratio := float64(hi) / float64(lo)
	for q := 1; q <= 127; q++ {
		w := float32(float64(lo) * math.Pow(ratio, float64(q-1)/126))
		v[q] = w
		v[256-q] = -w
	}
	return v
}

// quantize gives the byte whose weight is nearest w on that scale.
func quantize(w, lo, hi float64) byte {
	a := math.Abs(w)
	if a < lo/2 {
		return 0
	}
	q := 1 + int(math.Round(126*math.Log(max(a, lo)/lo)/math.Log(hi/lo)))
	q = min(127, max(1, q))
	if w < 0 {
		return byte(256 - q)
	}
	return byte(q)
}

// Scorer is what decoding needs of a model: the trained one, or the quantized shipped one.
type Scorer interface {
	Add(feats []uint64, scores []float32)
}

// Argmax returns the best class among those ok allows (all when ok is nil), or -1.
func Argmax(scores []float32, ok func(int) bool) int {
	best, bi := float32(0), -1
	for c, s := range scores {
		if ok != nil && !ok(c) {
			continue
		}
		if bi < 0 || s > best {
			best, bi = s, c
		}
	}
	return bi
}

// Features is the number of features the model holds.
func (m *Model) Features() int { return m.features }

// Classes is the number of classes the model scores.
func (m *Model) Classes() int { return m.c }
