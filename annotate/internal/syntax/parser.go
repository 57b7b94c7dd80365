package syntax

import "github.com/attest-news/attest/annotate/internal/linear"

// The parser: greedy arc-hybrid transitions with the root at the end of the buffer (which makes
// a single root easy to guarantee), scored by an averaged perceptron over hashed features
// (Zhang and Nivre's templates, adapted), trained with a dynamic oracle (Goldberg and Nivre
// 2013). A second perceptron labels each arc when it is made, when the dependent's subtree is
// complete.

const (
	mvShift = iota
	mvLeft  // s0 ← b0, pop s0
	mvRight // s1 → s0, pop s0
	nMoves
)

// pstate is a parser configuration over n words; index n is the root.
type pstate struct {
	n      int
	stack  []int
	b      int
	head   []int
	label  []int
	lc1    []int
	lc2    []int
	rc1    []int
	rc2    []int
	nl, nr []int
	lset   []uint64
	rset   []uint64
	punct  []int // punct[i]: punctuation marks among words 0..i-1
}

func (s *pstate) init(n int, tags []int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 0
	s.head = grow(s.head, n+1)
	s.label = grow(s.label, n+1)
	s.lc1 = grow(s.lc1, n+1)
	s.lc2 = grow(s.lc2, n+1)
	s.rc1 = grow(s.rc1, n+1)
	s.rc2 = grow(s.rc2, n+1)
	s.nl = grow(s.nl, n+1)
	s.nr = grow(s.nr, n+1)
	s.lset = grow(s.lset, n+1)
	s.rset = grow(s.rset, n+1)
	s.punct = grow(s.punct, n+2)
	for i := 0; i <= n; i++ {
		s.head[i], s.label[i] = -1, -1
		s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = -1, -1, -1, -1
		s.nl[i], s.nr[i], s.lset[i], s.rset[i] = 0, 0, 0, 0
	}
	s.punct[0] = 0
	for i := 0; i <= n; i++ {
		p := 0
		if i < n && UPOS(tags[i]) == PUNCT {
			p = 1
		}
		s.punct[i+1] = s.punct[i] + p
	}
}

func (s *pstate) terminal() bool { return s.b == s.n && len(s.stack) == 0 }

func (s *pstate) valid(m int) bool {
	switch m {
	case mvShift:
		return s.b < s.n
	case mvLeft:
		return len(s.stack) >= 1 && (s.b < s.n || len(s.stack) == 1)
	case mvRight:
		return len(s.stack) >= 2
	}
	return false
}

// arc gives the head and dependent move m would join (m is LEFT or RIGHT).
func (s *pstate) arc(m int) (h, d int) {
	d = s.stack[len(s.stack)-1]
	if m == mvLeft {
		return s.b, d
	}
	return s.stack[len(s.stack)-2], d
}

func (s *pstate) apply(m, label int) {
	switch m {
	case mvShift:
		s.stack = append(s.stack, s.b)
		s.b++
	case mvLeft, mvRight:
		h, d := s.arc(m)
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(h, d, label)
	}
}

func (s *pstate) attach(h, d, l int) {
	s.head[d], s.label[d] = h, l
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		s.nl[h]++
		s.lset[h] |= bit
		if s.lc1[h] < 0 || d < s.lc1[h] {
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		} else if s.lc2[h] < 0 || d < s.lc2[h] {
			s.lc2[h] = d
		}
	} else {
		s.nr[h]++
		s.rset[h] |= bit
		if s.rc1[h] < 0 || d > s.rc1[h] {
			s.rc2[h], s.rc1[h] = s.rc1[h], d
		} else if s.rc2[h] < 0 || d > s.rc2[h] {
			s.rc2[h] = d
		}
	}
}

// costs fills c[m] with the number of gold arcs move m makes unreachable, or -1 where m is not
// valid (the arc-hybrid dynamic oracle; exact for projective gold trees). gold[i] is word i's
// head, n for the root.
func (s *pstate) costs(gold []int, c *[nMoves]int) {
	for m := 0; m < nMoves; m++ {
		c[m] = -1
		if s.valid(m) {
			c[m] = 0
		}
	}
	inBuffer := func(x int) bool { return x >= s.b } // the root, n, is always in the buffer
	depsIn := func(x int, in func(int) bool) int {
		k := 0
		for i := 0; i < s.n; i++ {
			if gold[i] == x && s.head[i] < 0 && in(i) {
				k++
			}
		}
		return k
	}
	if c[mvShift] == 0 {
		b := s.b
		k := 0
		for j, x := range s.stack {
			if gold[x] == b {
				k++ // a dependent of b below it
			}
			if gold[b] == x && j < len(s.stack)-1 {
				k++ // b's head deeper than s0
			}
		}
		c[mvShift] = k
	}
	if len(s.stack) > 0 {
		s0 := s.stack[len(s.stack)-1]
		lost := depsIn(s0, inBuffer)
		if c[mvLeft] == 0 {
			k := lost
			if gold[s0] != s.b && (inBuffer(gold[s0]) || (len(s.stack) >= 2 && gold[s0] == s.stack[len(s.stack)-2])) {
				k++
			}
			c[mvLeft] = k
		}
		if c[mvRight] == 0 {
			k := lost
			if inBuffer(gold[s0]) {
				k++
			}
			c[mvRight] = k
		}
	}
}

// Parser feature templates; the IDs are part of the model.
const (
	fpS0WP = iota + 1
	fpS0W
	fpS0P
	fpS1WP
	fpS1W
	fpS1P
	fpB0WP
	fpB0W
	fpB0P
	fpB1WP
	fpB1W
	fpB1P
	fpB2P
	fpS2P
	fpS0WPB0WP
	fpS0WPB0W
	fpS0WB0WP
	fpS0WPB0P
	fpS0PB0WP
	fpS0WB0W
	fpS0PB0P
	fpB0PB1P
	fpS1WS0W
	fpS1PS0P
	fpS1PS0W
	fpS1WS0P
	fpS1WPS0WP
	fpB0PB1PB2P
	fpS0PB0PB1P
	fpS1PS0PB0P
	fpS0PS0LPB0P
	fpS0PS0RPB0P
	fpS0PB0PB0LP
	fpS1PS0PS0LP
	fpS1PS0PS0RP
	fpS1PS1RPS0P
	fpS2PS1PS0P
	fpS0WD
	fpS0PD
	fpB0WD
	fpB0PD
	fpS0WB0WD
	fpS0PB0PD
	fpS1PS0PD
	fpS1WS0WD
	fpS0WVR
	fpS0PVR
	fpS0WVL
	fpS0PVL
	fpB0WVL
	fpB0PVL
	fpS1PVR
	fpS0LW
	fpS0LP
	fpS0LL
	fpS0RW
	fpS0RP
	fpS0RL
	fpB0LW
	fpB0LP
	fpB0LL
	fpS1RW
	fpS1RP
	fpS1RL
	fpS1LP
	fpS1LL
	fpS0L2W
	fpS0L2P
	fpS0L2L
	fpS0R2W
	fpS0R2P
	fpS0R2L
	fpB0L2W
	fpB0L2P
	fpB0L2L
	fpS0PS0LPS0L2P
	fpS0PS0RPS0R2P
	fpB0PB0LPB0L2P
	fpS0WSR
	fpS0PSR
	fpS0WSL
	fpS0PSL
	fpB0WBL
	fpB0PBL
	fpS1PS1R
	fpS0PB0PPunct
	fpS1PS0PPunct
	fpB0WB1W
	fpS0WB1W
	fpS1WB0W
	fpS1PB0P
	fpS0LLS0RL
)

// Labeler feature templates.
const (
	flHW = iota + 101
	flHP
	flDW
	flDP
	flHPDP
	flHWDP
	flHPDW
	flHWDW
	flDistHPDP
	flDLW
	flDLP
	flDLL
	flDRP
	flDRL
	flDSets
	flDValency
	flHSets
	flHLL
	flHRL
	flDPNextP
	flDPPrevP
	flDPNextW
	flDPPrevW
	flHPNextP
	flHPPrevP
	flRoot
	flDFirst
	flDLWDP
	flDLWHP
	flDPDSets
	flDWDLW
	flDPunctBetween
	flDShape
	flDSuf
)

// pctx is what parser features read besides the state: the words and their classes.
type pctx struct {
	w    *wordInfo
	tags []int // UPOS per word
}

func (c *pctx) word(s *pstate, x int) uint64 {
	switch {
	case x < 0:
		return noWord
	case x == s.n:
		return 0x726f6f74 // "root"
	}
	return c.w.lw[x]
}

func (c *pctx) tag(s *pstate, x int) uint64 {
	switch {
	case x < 0:
		return 1000
	case x == s.n:
		return 1001
	}
	return uint64(c.tags[x])
}

func lab(s *pstate, x int) uint64 {
	if x < 0 || x >= s.n {
		return 1000
	}
	return uint64(s.label[x]) + 1
}

func child(a []int, x int) int {
	if x < 0 {
		return -1
	}
	return a[x]
}

func bucket(d int) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 10:
		return 6
	}
	return 7
}

func capped(v int) uint64 { return uint64(min(v, 3)) }

// moveFeatures appends the move classifier's features for state s.
func moveFeatures(c *pctx, s *pstate, buf []uint64) []uint64 {
	st := s.stack
	s0, s1, s2 := -1, -1, -1
	if len(st) > 0 {
		s0 = st[len(st)-1]
	}
	if len(st) > 1 {
		s1 = st[len(st)-2]
	}
	if len(st) > 2 {
		s2 = st[len(st)-3]
	}
	b0, b1, b2 := s.b, -1, -1
	if b0+1 <= s.n {
		b1 = b0 + 1
	}
	if b0+2 <= s.n {
		b2 = b0 + 2
	}
	s0w, s0p := c.word(s, s0), c.tag(s, s0)
	s1w, s1p := c.word(s, s1), c.tag(s, s1)
	b0w, b0p := c.word(s, b0), c.tag(s, b0)
	b1w, b1p := c.word(s, b1), c.tag(s, b1)
	b2p := c.tag(s, b2)
	s2p := c.tag(s, s2)
	s0l, s0r, b0l := child(s.lc1, s0), child(s.rc1, s0), child(s.lc1, b0)
	s0l2, s0r2, b0l2 := child(s.lc2, s0), child(s.rc2, s0), child(s.lc2, b0)
	s1r, s1l := child(s.rc1, s1), child(s.lc1, s1)
	s0lp, s0rp, b0lp := c.tag(s, s0l), c.tag(s, s0r), c.tag(s, b0l)
	s1rp := c.tag(s, s1r)
	d := uint64(8)
	if s0 >= 0 {
		d = bucket(b0 - s0)
	}
	d2 := uint64(8)
	if s1 >= 0 {
		d2 = bucket(s0 - s1)
	}
	var vr0, vl0, vlb, vr1 uint64 = 9, 9, 9, 9
	var sr0, sl0, bl0, sr1 uint64 = 1 << 63, 1 << 63, 1 << 63, 1 << 63
	if s0 >= 0 {
		vr0, vl0, sr0, sl0 = capped(s.nr[s0]), capped(s.nl[s0]), s.rset[s0], s.lset[s0]
	}
	if b0 < s.n {
		vlb, bl0 = capped(s.nl[b0]), s.lset[b0]
	}
	if s1 >= 0 {
		vr1, sr1 = capped(s.nr[s1]), s.rset[s1]
	}
	pb := uint64(9) // punctuation between s0 and b0
	if s0 >= 0 {
		pb = capped(s.punct[b0] - s.punct[s0+1])
	}
	p1 := uint64(9) // between s1 and s0
	if s1 >= 0 {
		p1 = capped(s.punct[s0] - s.punct[s1+1])
	}
	buf = append(buf,
		linear.F2(fpS0WP, s0w, s0p), linear.F1(fpS0W, s0w), linear.F1(fpS0P, s0p),
		linear.F2(fpS1WP, s1w, s1p), linear.F1(fpS1W, s1w), linear.F1(fpS1P, s1p),
		linear.F2(fpB0WP, b0w, b0p), linear.F1(fpB0W, b0w), linear.F1(fpB0P, b0p),
		linear.F2(fpB1WP, b1w, b1p), linear.F1(fpB1W, b1w), linear.F1(fpB1P, b1p),
		linear.F1(fpB2P, b2p), linear.F1(fpS2P, s2p),
		linear.F3(fpS0WPB0WP, s0w, s0p*1024+b0p, b0w),
		linear.F3(fpS0WPB0W, s0w, s0p, b0w),
		linear.F3(fpS0WB0WP, s0w, b0w, b0p),
		linear.F3(fpS0WPB0P, s0w, s0p, b0p),
		linear.F3(fpS0PB0WP, s0p, b0w, b0p),
		linear.F2(fpS0WB0W, s0w, b0w),
		linear.F2(fpS0PB0P, s0p, b0p),
		linear.F2(fpB0PB1P, b0p, b1p),
		linear.F2(fpS1WS0W, s1w, s0w),
		linear.F2(fpS1PS0P, s1p, s0p),
		linear.F2(fpS1PS0W, s1p, s0w),
		linear.F2(fpS1WS0P, s1w, s0p),
		linear.F3(fpS1WPS0WP, s1w, s1p*1024+s0p, s0w),
		linear.F3(fpB0PB1PB2P, b0p, b1p, b2p),
		linear.F3(fpS0PB0PB1P, s0p, b0p, b1p),
		linear.F3(fpS1PS0PB0P, s1p, s0p, b0p),
		linear.F3(fpS0PS0LPB0P, s0p, s0lp, b0p),
		linear.F3(fpS0PS0RPB0P, s0p, s0rp, b0p),
		linear.F3(fpS0PB0PB0LP, s0p, b0p, b0lp),
		linear.F3(fpS1PS0PS0LP, s1p, s0p, s0lp),
		linear.F3(fpS1PS0PS0RP, s1p, s0p, s0rp),
		linear.F3(fpS1PS1RPS0P, s1p, s1rp, s0p),
		linear.F3(fpS2PS1PS0P, s2p, s1p, s0p),
		linear.F2(fpS0WD, s0w, d), linear.F2(fpS0PD, s0p, d),
		linear.F2(fpB0WD, b0w, d), linear.F2(fpB0PD, b0p, d),
		linear.F3(fpS0WB0WD, s0w, b0w, d), linear.F3(fpS0PB0PD, s0p, b0p, d),
		linear.F3(fpS1PS0PD, s1p, s0p, d2), linear.F3(fpS1WS0WD, s1w, s0w, d2),
		linear.F2(fpS0WVR, s0w, vr0), linear.F2(fpS0PVR, s0p, vr0),
		linear.F2(fpS0WVL, s0w, vl0), linear.F2(fpS0PVL, s0p, vl0),
		linear.F2(fpB0WVL, b0w, vlb), linear.F2(fpB0PVL, b0p, vlb),
		linear.F2(fpS1PVR, s1p, vr1),
		linear.F1(fpS0LW, c.word(s, s0l)), linear.F1(fpS0LP, s0lp), linear.F1(fpS0LL, lab(s, s0l)),
		linear.F1(fpS0RW, c.word(s, s0r)), linear.F1(fpS0RP, s0rp), linear.F1(fpS0RL, lab(s, s0r)),
		linear.F1(fpB0LW, c.word(s, b0l)), linear.F1(fpB0LP, b0lp), linear.F1(fpB0LL, lab(s, b0l)),
		linear.F1(fpS1RW, c.word(s, s1r)), linear.F1(fpS1RP, s1rp), linear.F1(fpS1RL, lab(s, s1r)),
		linear.F1(fpS1LP, c.tag(s, s1l)), linear.F1(fpS1LL, lab(s, s1l)),
		linear.F1(fpS0L2W, c.word(s, s0l2)), linear.F1(fpS0L2P, c.tag(s, s0l2)), linear.F1(fpS0L2L, lab(s, s0l2)),
		linear.F1(fpS0R2W, c.word(s, s0r2)), linear.F1(fpS0R2P, c.tag(s, s0r2)), linear.F1(fpS0R2L, lab(s, s0r2)),
		linear.F1(fpB0L2W, c.word(s, b0l2)), linear.F1(fpB0L2P, c.tag(s, b0l2)), linear.F1(fpB0L2L, lab(s, b0l2)),
		linear.F3(fpS0PS0LPS0L2P, s0p, s0lp, c.tag(s, s0l2)),
		linear.F3(fpS0PS0RPS0R2P, s0p, s0rp, c.tag(s, s0r2)),
		linear.F3(fpB0PB0LPB0L2P, b0p, b0lp, c.tag(s, b0l2)),
		linear.F2(fpS0WSR, s0w, sr0), linear.F2(fpS0PSR, s0p, sr0),
		linear.F2(fpS0WSL, s0w, sl0), linear.F2(fpS0PSL, s0p, sl0),
		linear.F2(fpB0WBL, b0w, bl0), linear.F2(fpB0PBL, b0p, bl0),
		linear.F2(fpS1PS1R, s1p, sr1),
		linear.F3(fpS0PB0PPunct, s0p, b0p, pb),
		linear.F3(fpS1PS0PPunct, s1p, s0p, p1),
		linear.F2(fpB0WB1W, b0w, b1w),
		linear.F2(fpS0WB1W, s0w, b1w),
		linear.F2(fpS1WB0W, s1w, b0w),
		linear.F2(fpS1PB0P, s1p, b0p),
		linear.F2(fpS0LLS0RL, lab(s, s0l), lab(s, s0r)),
	)
	return buf
}

// labelFeatures appends the labeler's features for the arc h → d about to be made.
func labelFeatures(c *pctx, s *pstate, h, d int, buf []uint64) []uint64 {
	dir := uint64(1)
	if d < h {
		dir = 2
	}
	hw, hp := c.word(s, h), c.tag(s, h)*4+dir
	dw, dp := c.word(s, d), c.tag(s, d)*4+dir
	dl, dr := s.lc1[d], s.rc1[d]
	next := func(x int) int {
		if x+1 < s.n {
			return x + 1
		}
		return -1
	}
	prev := func(x int) int {
		if x > 0 && x <= s.n {
			return x - 1
		}
		return -1
	}
	dist := bucket(max(h, d) - min(h, d))
	if h == s.n {
		dist = 9
	}
	hl, hr := -1, -1
	var hls, hrs uint64
	if h < s.n {
		hl, hr, hls, hrs = s.lc1[h], s.rc1[h], s.lset[h], s.rset[h]
	}
	lo, hi := min(h, d), max(h, d)
	pb := capped(s.punct[min(hi, s.n)] - s.punct[lo+1])
	buf = append(buf,
		linear.F2(flHW, hw, dir), linear.F1(flHP, hp),
		linear.F2(flDW, dw, dir), linear.F1(flDP, dp),
		linear.F2(flHPDP, hp, dp),
		linear.F3(flHWDP, hw, dp, dir),
		linear.F2(flHPDW, hp, dw),
		linear.F3(flHWDW, hw, dw, dir),
		linear.F3(flDistHPDP, dist, hp, dp),
		linear.F2(flDLW, c.word(s, dl), dp), linear.F2(flDLP, c.tag(s, dl), dp), linear.F2(flDLL, lab(s, dl), dp),
		linear.F2(flDRP, c.tag(s, dr), dp), linear.F2(flDRL, lab(s, dr), dp),
		linear.F3(flDSets, s.lset[d], s.rset[d], dir),
		linear.F3(flDValency, capped(s.nl[d]), capped(s.nr[d]), dp),
		linear.F3(flHSets, hls, hrs, hp),
		linear.F2(flHLL, lab(s, hl), hp), linear.F2(flHRL, lab(s, hr), hp),
		linear.F2(flDPNextP, dp, c.tag(s, next(d))),
		linear.F2(flDPPrevP, dp, c.tag(s, prev(d))),
		linear.F2(flDPNextW, dp, c.word(s, next(d))),
		linear.F2(flDPPrevW, dp, c.word(s, prev(d))),
		linear.F2(flHPNextP, hp, c.tag(s, next(h))),
		linear.F2(flHPPrevP, hp, c.tag(s, prev(h))),
		linear.F2(flRoot, dp, uint64(btoi(h == s.n))),
		linear.F2(flDFirst, dp, uint64(btoi(d == 0))),
		linear.F3(flDLWDP, c.word(s, dl), dp, hp),
		linear.F2(flDLWHP, c.word(s, dl), hp),
		linear.F3(flDPDSets, dp, s.lset[d], s.rset[d]),
		linear.F2(flDWDLW, dw, c.word(s, dl)),
		linear.F2(flDPunctBetween, dp*16+pb, hp),
		linear.F2(flDShape, c.w.shape[d], dp),
		linear.F2(flDSuf, c.w.suf[d][2], dp),
	)
	return buf
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// parseSentence parses one tagged sentence with the move and label models; heads (root = -1)
// and labels go to s.
func parseSentence(c *pctx, mv, lb linear.Scorer, s *pstate, buf []uint64, scores []float32, lscores []float32) []uint64 {
	s.init(c.w.n, c.tags)
	for !s.terminal() {
		buf = moveFeatures(c, s, buf[:0])
		clear(scores)
		mv.Add(buf, scores)
		m := linear.Argmax(scores, s.valid)
		label := 0
		if m != mvShift {
			h, d := s.arc(m)
			buf = labelFeatures(c, s, h, d, buf[:0])
			clear(lscores)
			lb.Add(buf, lscores)
			label = linear.Argmax(lscores, nil)
		}
		s.apply(m, label)
	}
	return buf
}
