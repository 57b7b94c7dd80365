package linear

import (
	"encoding/binary"
	"math"
	"sort"
)

// Perceptron is an Averaged Perceptron over hashed features, for training. Each feature keeps
// only the classes it has been updated for. Averaging uses the running-sum trick: w is the
// current weight and wa the sum of time × change, so the average at time t is w - wa/t.
type Perceptron struct {
	c            int
	idx          map[uint64]int32
	rows         [][]pentry
	t            int64
	FixedFeats   bool // update only the features the rows already hold
	FixedClasses bool // and only the classes they hold
}

type pentry struct {
	c  uint8
	w  int32
	wa int64
}

func NewPerceptron(classes int) *Perceptron {
	return &Perceptron{c: classes, idx: make(map[uint64]int32, 1<<16), t: 1}
}

func (p *Perceptron) Add(feats []uint64, scores []float32) {
	for _, h := range feats {
		if r, ok := p.idx[h]; ok {
			for _, e := range p.rows[r] {
				scores[e.c] += float32(e.w)
			}
		}
	}
}

// Tick advances the clock once per training example.
func (p *Perceptron) Tick() { p.t++ }

// Update moves the weights of feats toward gold and away from pred.
func (p *Perceptron) Update(feats []uint64, gold, pred int) {
	if gold == pred {
		return
	}
	for _, h := range feats {
		r, ok := p.idx[h]
		if !ok {
			if p.FixedFeats {
				continue
			}
			r = int32(len(p.rows))
			p.idx[h] = r
			p.rows = append(p.rows, nil)
		}
		p.bump(r, gold, 1)
		p.bump(r, pred, -1)
	}
}

func (p *Perceptron) bump(r int32, c int, d int32) {
	row := p.rows[r]
	for i := range row {
		if int(row[i].c) == c {
			row[i].w += d
			row[i].wa += p.t * int64(d)
			return
		}
	}
	if p.FixedClasses {
		return
	}
	p.rows[r] = append(row, pentry{c: uint8(c), w: d, wa: p.t * int64(d)})
}

// Averaged is the model's Averaged weights: feature → class → weight.
type Averaged struct {
	c     int
	feats []uint64
	rows  [][]float32
}

func (p *Perceptron) Average() *Averaged {
	a := &Averaged{c: p.c}
	keys := make([]uint64, 0, len(p.idx))
	for h := range p.idx {
		keys = append(keys, h)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	t := float64(p.t)
	for _, h := range keys {
		row := make([]float32, p.c)
		nz := false
		for _, e := range p.rows[p.idx[h]] {
			v := float64(e.w) - float64(e.wa)/t
			if v != 0 {
				row[e.c] = float32(v)
				nz = true
			}
		}
		if nz {
			a.feats = append(a.feats, h)
			a.rows = append(a.rows, row)
		}
	}
	return a
}

// Restricted gives a fresh Perceptron that may only learn the features and classes a packing
// with o would keep: pruning and retraining, so that the kept weights make up for the lost.
func (a *Averaged) Restricted(o PackOptions) *Perceptron {
	p := NewPerceptron(a.c)
	p.FixedFeats, p.FixedClasses = true, true
	for i, row := range a.rows {
		heaviest := 0.0
		order := make([]int, 0, a.c)
		for c, w := range row {
			heaviest = max(heaviest, math.Abs(float64(w)))
			if w != 0 {
				order = append(order, c)
			}
		}
		if heaviest < o.MinWeight || len(order) == 0 {
			continue
		}
		if o.K > 0 && len(order) > o.K {
			sort.SliceStable(order, func(x, y int) bool { return math.Abs(float64(row[order[x]])) > math.Abs(float64(row[order[y]])) })
			order = order[:o.K]
		}
		es := make([]pentry, len(order))
		for j, c := range order {
			es[j].c = uint8(c)
		}
		p.idx[a.feats[i]] = int32(len(p.rows))
		p.rows = append(p.rows, es)
	}
	return p
}

// WithFeatures gives a fresh Perceptron that may only learn the features in keep.
func WithFeatures(classes int, keep []uint64) *Perceptron {
	p := NewPerceptron(classes)
	p.FixedFeats = true
	for _, h := range keep {
		p.idx[h] = int32(len(p.rows))
		p.rows = append(p.rows, nil)
	}
	return p
}

// Frequent returns the features counted at least k times.
func Frequent(count map[uint64]int32, k int32) []uint64 {
	var out []uint64
	for h, n := range count {
		if n >= k {
			out = append(out, h)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// floatScorer scores with Averaged float weights (training-time evaluation).
type floatScorer struct {
	idx  map[uint64]int32
	rows [][]float32
}

func (a *Averaged) Scorer() *floatScorer {
	s := &floatScorer{idx: make(map[uint64]int32, len(a.feats)), rows: a.rows}
	for i, h := range a.feats {
		s.idx[h] = int32(i)
	}
	return s
}

func (s *floatScorer) Add(feats []uint64, scores []float32) {
	for _, h := range feats {
		if r, ok := s.idx[h]; ok {
			for c, w := range s.rows[r] {
				scores[c] += w
			}
		}
	}
}

// PackOptions say how an Averaged model is cut down for shipping.
type PackOptions struct {
	MinWeight float64 // drop features whose heaviest class weighs less than this
	K         int     // sparse rows of the K heaviest classes; 0 keeps rows dense
}

// Pack quantizes and prunes an Averaged model into the shipped format.
func (a *Averaged) Pack(o PackOptions) []byte {
	hi := 0.0
	for _, row := range a.rows {
		for _, w := range row {
			hi = max(hi, math.Abs(float64(w)))
		}
	}
	lo := hi / 1000 // the scale's first step: smaller weights are 0
	type kept struct {
		h   uint64
		row []byte
	}
	var ks []kept
	rowSize := a.c
	if o.K > 0 {
		rowSize = 2 * o.K
	}
	for i, row := range a.rows {
		q := make([]byte, a.c)
		heaviest := 0.0
		order := make([]int, 0, a.c)
		for c, w := range row {
			q[c] = quantize(float64(w), lo, hi)
			heaviest = max(heaviest, math.Abs(float64(w)))
			if q[c] != 0 {
				order = append(order, c)
			}
		}
		if heaviest < o.MinWeight || len(order) == 0 {
			continue
		}
		out := make([]byte, rowSize)
		if o.K == 0 {
			copy(out, q)
		} else {
			sort.SliceStable(order, func(x, y int) bool { return math.Abs(float64(row[order[x]])) > math.Abs(float64(row[order[y]])) })
			if len(order) > o.K {
				order = order[:o.K]
			}
			sort.Ints(order)
			for j := 0; j < o.K; j++ {
				if j < len(order) {
					out[2*j], out[2*j+1] = byte(order[j]), q[order[j]]
				} else {
					out[2*j] = 255
				}
			}
		}
		ks = append(ks, kept{a.feats[i], out})
	}
	bits := 4
	for (1<<bits)*5 < len(ks)*8 {
		bits++
	}
	slots := 1 << bits
	mask := uint64(slots - 1)
	slotSize := 2 + rowSize
	table := make([]byte, slotSize*slots)
	for _, k := range ks {
		i := k.h & mask
		for table[int(i)*slotSize] != 0 || table[int(i)*slotSize+1] != 0 {
			i = (i + 1) & mask
		}
		fp := fingerprint(k.h)
		table[int(i)*slotSize], table[int(i)*slotSize+1] = byte(fp), byte(fp>>8)
		copy(table[int(i)*slotSize+2:], k.row)
	}
	out := make([]byte, header, header+len(table))
	copy(out, Magic)
	binary.LittleEndian.PutUint16(out[4:], uint16(a.c))
	out[6] = byte(o.K)
	out[7] = byte(bits)
	binary.LittleEndian.PutUint32(out[8:], math.Float32bits(float32(lo)))
	binary.LittleEndian.PutUint32(out[12:], math.Float32bits(float32(hi)))
	binary.LittleEndian.PutUint32(out[16:], uint32(len(ks)))
	return append(out, table...)
}

// Features is the number of features the model holds.
func (p *Perceptron) Features() int { return len(p.rows) }

// Features is the number of features with a weight.
func (a *Averaged) Features() int { return len(a.feats) }

// Each calls f with every feature and its weight per class, in feature order.
func (a *Averaged) Each(f func(h uint64, row []float32)) {
	for i, h := range a.feats {
		f(h, a.rows[i])
	}
}
