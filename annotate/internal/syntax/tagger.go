package syntax

import "github.com/attest-news/attest/annotate/internal/linear"

// The tagger: an averaged perceptron that reads a sentence left to right and gives each word
// one class, a (UPOS, XPOS) pair seen in training. Its features are the word, its affixes and
// shape, the words around it, and the two classes before it.

// Tagger feature templates; the IDs are part of the model.
const (
	ftBias = iota + 1
	ftW
	ftRaw
	ftSuf1
	ftSuf2
	ftSuf3
	ftSuf4
	ftPre1
	ftPre2
	ftPre3
	ftShape
	ftFlags
	ftP1
	ftP2
	ftP12
	ftP1W
	ftWm1
	ftWm2
	ftWp1
	ftWp2
	ftSufm1
	ftSufp1
	ftShapep1
	ftWm1W
	ftWWp1
	ftP1Wp1
	ftSufp2
	ftN1 // the next word's class in the first pass (second pass only)
	ftN2
	ftN12
	ftN1W
	ftP1N1
	ftAC
	ftACm1
	ftACp1
	ftACp2
	ftACm1AC
	ftACACp1
	ftP1AC
	ftN1AC
)

const noWord = 0x5bd1e995 // stands for a position outside the sentence

// tagFeatures appends word i's features to buf. p1 and p2 are the classes of the two words
// before (C and C+1 for the sentence start); n1 and n2 the first pass's classes of the two
// after, or -1 in the first pass.
func tagFeatures(w *wordInfo, i, p1, p2, n1, n2 int, buf []uint64) []uint64 {
	lexical := w.hasLex
	at := func(s []uint64, j int) uint64 {
		if j < 0 || j >= w.n {
			return noWord
		}
		return s[j]
	}
	suf3 := func(j int) uint64 {
		if j < 0 || j >= w.n {
			return noWord
		}
		return w.suf[j][2]
	}
	wh := w.lw[i]
	raw := w.raw[i]
	if wh == noLex {
		raw = noLex
	}
	buf = append(buf,
		linear.F1(ftBias, 0),
		linear.F1(ftW, wh),
		linear.F1(ftRaw, raw),
		linear.F1(ftSuf1, w.suf[i][0]),
		linear.F1(ftSuf2, w.suf[i][1]),
		linear.F1(ftSuf3, w.suf[i][2]),
		linear.F1(ftSuf4, w.suf[i][3]),
		linear.F1(ftPre1, w.pre[i][0]),
		linear.F1(ftPre2, w.pre[i][1]),
		linear.F1(ftPre3, w.pre[i][2]),
		linear.F1(ftShape, w.shape[i]),
		linear.F1(ftFlags, w.flags[i]),
		linear.F1(ftP1, uint64(p1)),
		linear.F1(ftP2, uint64(p2)),
		linear.F2(ftP12, uint64(p1), uint64(p2)),
		linear.F2(ftP1W, uint64(p1), wh),
		linear.F1(ftWm1, at(w.lw, i-1)),
		linear.F1(ftWm2, at(w.lw, i-2)),
		linear.F1(ftWp1, at(w.lw, i+1)),
		linear.F1(ftWp2, at(w.lw, i+2)),
		linear.F1(ftSufm1, suf3(i-1)),
		linear.F1(ftSufp1, suf3(i+1)),
		linear.F1(ftShapep1, at(w.shape, i+1)),
		linear.F2(ftWm1W, at(w.lw, i-1), wh),
		linear.F2(ftWWp1, wh, at(w.lw, i+1)),
		linear.F2(ftP1Wp1, uint64(p1), at(w.lw, i+1)),
		linear.F1(ftSufp2, suf3(i+2)),
	)
	if lexical {
		ac := w.ac[i]
		buf = append(buf,
			linear.F1(ftAC, ac),
			linear.F1(ftACm1, at(w.ac, i-1)),
			linear.F1(ftACp1, at(w.ac, i+1)),
			linear.F1(ftACp2, at(w.ac, i+2)),
			linear.F2(ftACm1AC, at(w.ac, i-1), ac),
			linear.F2(ftACACp1, ac, at(w.ac, i+1)),
			linear.F2(ftP1AC, uint64(p1), ac),
		)
		if n1 >= 0 {
			buf = append(buf, linear.F2(ftN1AC, uint64(n1), ac))
		}
	}
	if n1 >= 0 {
		buf = append(buf,
			linear.F1(ftN1, uint64(n1)),
			linear.F1(ftN2, uint64(n2)),
			linear.F2(ftN12, uint64(n1), uint64(n2)),
			linear.F2(ftN1W, uint64(n1), wh),
			linear.F2(ftP1N1, uint64(p1), uint64(n1)),
		)
	}
	return buf
}

// tagPass tags w with model m: the first pass when first is nil, else a second pass reading
// first's classes of the words ahead. Classes go to out.
func tagPass(m linear.Scorer, classes int, w *wordInfo, first []int, out []int, buf []uint64, scores []float32) {
	p1, p2 := classes, classes+1
	for i := 0; i < w.n; i++ {
		n1, n2 := -1, -1
		if first != nil {
			n1, n2 = classes, classes
			if i+1 < w.n {
				n1 = first[i+1]
			}
			if i+2 < w.n {
				n2 = first[i+2]
			}
		}
		buf = tagFeatures(w, i, p1, p2, n1, n2, buf[:0])
		clear(scores)
		m.Add(buf, scores)
		c := linear.Argmax(scores, nil)
		out[i] = c
		p2, p1 = p1, c
	}
}

// XPOS feature templates: the XPOS model reads the UPOS the tagger chose.
const (
	fxUPOS = iota + 201
	fxUW
	fxUSuf1
	fxUSuf2
	fxUSuf3
	fxUPrev
	fxUNext
	fxUShape
	fxUFlags
	fxUWm1
	fxUWp1
	fxUPrevW
)

// xposFeatures appends word i's XPOS features; w.tags holds the UPOS of every word.
func xposFeatures(w *wordInfo, i int, buf []uint64) []uint64 {
	u := uint64(w.tags[i])
	prev, next := uint64(100), uint64(100)
	pw, nw := uint64(noWord), uint64(noWord)
	if i > 0 {
		prev, pw = uint64(w.tags[i-1]), w.lw[i-1]
	}
	if i+1 < w.n {
		next, nw = uint64(w.tags[i+1]), w.lw[i+1]
	}
	return append(buf,
		linear.F1(fxUPOS, u),
		linear.F2(fxUW, u, w.lw[i]),
		linear.F2(fxUSuf1, u, w.suf[i][0]),
		linear.F2(fxUSuf2, u, w.suf[i][1]),
		linear.F2(fxUSuf3, u, w.suf[i][2]),
		linear.F2(fxUPrev, u, prev),
		linear.F2(fxUNext, u, next),
		linear.F2(fxUShape, u, w.shape[i]),
		linear.F2(fxUFlags, u, w.flags[i]),
		linear.F2(fxUWm1, u, pw),
		linear.F2(fxUWp1, u, nw),
		linear.F3(fxUPrevW, u, prev, pw),
	)
}

// xposPass gives every word of w its XPOS class.
func xposPass(m linear.Scorer, w *wordInfo, out []int, buf []uint64, scores []float32) {
	for i := 0; i < w.n; i++ {
		buf = xposFeatures(w, i, buf[:0])
		clear(scores)
		m.Add(buf, scores)
		out[i] = linear.Argmax(scores, nil)
	}
}
