package syntax

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/attest-news/attest/annotate/internal/linear"
)

// TrainOptions configure training (go run ./annotate/internal/syntax/train).
type TrainOptions struct {
	TagEpochs     int
	ParseEpochs   int
	RetrainEpochs int     // after pruning, the kept weights are learned again for this many epochs
	Folds         int     // jackknife folds: later models train on what earlier ones predict for unseen text
	Explore       float64 // after the first parse epoch, how often to follow the model's own wrong move
	LexFrequent   int     // words seen this often are features themselves; rarer ones only through the lexicon
	MinCount      int     // features seen fewer times in training are never learned
	Seed          uint64
	TagPack       PackOptions
	XPOSPack      PackOptions
	MovePack      PackOptions
	LabelPack     PackOptions
	SecondPass    bool // a second tagging pass that reads the first pass's tags ahead
	TaggerOnly    bool // skip the parser (tagger experiments)
	Logf          func(string, ...any)
	FloatModel    **Model // where set, receives the model before packing
}

// PackOptions say how a trained model is pruned and packed: features whose heaviest weight is
// under MinWeight are dropped before retraining, and sparse rows keep K classes.
type PackOptions struct {
	MinWeight float64
	K         int
}

// DefaultTrainOptions are the options the committed models are trained with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{
		TagEpochs: 5, ParseEpochs: 8, RetrainEpochs: 4, Folds: 4, Explore: 0.9, LexFrequent: 20, MinCount: 3, Seed: 1,
		TagPack:   PackOptions{MinWeight: 3},
		XPOSPack:  PackOptions{MinWeight: 3, K: 4},
		MovePack:  PackOptions{MinWeight: 6},
		LabelPack: PackOptions{MinWeight: 4, K: 6},
	}
}

// example is one training sentence with its gold analysis in model terms.
type example struct {
	forms []string
	w     wordInfo
	upos  []int // gold UPOS
	xpos  []int // gold XPOS class
	head  []int // gold head, n for the root
	label []int // gold label index
	ptags []int // the tagger's UPOS (jackknifed), for the XPOS model and the parser
	first []int // the first pass's UPOS (jackknifed), for the second pass
}

// Trained is a trained tagger and parser before packing.
type Trained struct {
	xposes, labels        []string
	lex                   []byte
	t1, t2, xp, mv, lb    *linear.Averaged
	tagK, xposK, mvK, lbK int
}

// Pack quantizes the models into the two model files.
func (t *Trained) Pack() (tagger, parser []byte) {
	tag := [][]byte{t.lex, t.t1.Pack(linear.PackOptions{K: t.tagK})}
	if t.t2 != nil {
		tag = append(tag, t.t2.Pack(linear.PackOptions{K: t.tagK}))
	}
	tag = append(tag, packStrings(t.xposes), t.xp.Pack(linear.PackOptions{K: t.xposK}))
	return packBundle(tag...), packBundle(packStrings(t.labels), t.mv.Pack(linear.PackOptions{K: t.mvK}), t.lb.Pack(linear.PackOptions{K: t.lbK}))
}

// Train trains the tagger and the parser on gold sentences and returns the two model files.
func Train(sents []CoNLLSentence, o TrainOptions) (tagger, parser []byte) {
	return TrainModels(sents, o).Pack()
}

// TrainModels trains the tagger and the parser on gold sentences. It is deterministic: the same
// sentences and options give the same models.
func TrainModels(sents []CoNLLSentence, o TrainOptions) *Trained {
	logf := o.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	xposes, xposIdx := stringSet(sents, func(w CoNLLWord) string { return w.XPOS })
	labels, labelIdx := stringSet(sents, func(w CoNLLWord) string { return w.Deprel })
	var exs []*example
	for _, s := range sents {
		if len(s.Words) == 0 {
			continue
		}
		ex := &example{}
		n := len(s.Words)
		for _, w := range s.Words {
			ex.forms = append(ex.forms, w.Form)
			ex.upos = append(ex.upos, int(uposOf(w.UPOS)))
			ex.xpos = append(ex.xpos, xposIdx[w.XPOS])
			h := w.Head - 1
			if w.Head == 0 {
				h = n
			}
			ex.head = append(ex.head, h)
			ex.label = append(ex.label, labelIdx[w.Deprel])
		}
		ex.w.fill(ex.forms)
		exs = append(exs, ex)
	}
	logf("%d sentences, %d XPOS, %d labels", len(exs), len(xposes), len(labels))

	folds := max(o.Folds, 2)
	foldsOf := func(f int) (tr, held []*example) {
		for i, ex := range exs {
			if i%folds == f {
				held = append(held, ex)
			} else {
				tr = append(tr, ex)
			}
		}
		return tr, held
	}
	useLex := func(tr []*example) []byte {
		b := buildLexicon(tr, 2, o.LexFrequent, 0.05)
		lex, err := loadLexicon(b)
		if err != nil {
			panic(err)
		}
		for _, ex := range exs {
			ex.w.lookup(lex)
		}
		return b
	}
	buf := make([]uint64, 0, 64)
	sc := make([]float32, nUPOS)
	// Jackknifed tags: the first pass's for training the second, the second's for the XPOS
	// model and the parser, each from models that did not see the sentence.
	for f := 0; f < folds && (o.SecondPass || !o.TaggerOnly); f++ {
		tr, held := foldsOf(f)
		useLex(tr)
		s1 := trainTagger(tr, false, o, logf).Scorer()
		for _, ex := range held {
			ex.first = make([]int, len(ex.forms))
			tagPass(s1, nUPOS, &ex.w, nil, ex.first, buf, sc)
			ex.ptags = ex.first
		}
		logf("fold %d/%d: first pass", f+1, folds)
	}
	for f := 0; f < folds && o.SecondPass && !o.TaggerOnly; f++ {
		tr, held := foldsOf(f)
		useLex(tr)
		s2 := trainTagger(tr, true, o, logf).Scorer()
		for _, ex := range held {
			ex.ptags = make([]int, len(ex.forms))
			tagPass(s2, nUPOS, &ex.w, ex.first, ex.ptags, buf, sc)
		}
		logf("fold %d/%d: second pass", f+1, folds)
	}
	if o.TaggerOnly {
		for _, ex := range exs {
			ex.ptags = ex.upos
		}
	}
	right, all := 0, 0
	for _, ex := range exs {
		for i := range ex.ptags {
			if ex.ptags[i] == ex.upos[i] {
				right++
			}
			all++
		}
	}
	logf("jackknifed UPOS accuracy %.4f", float64(right)/float64(max(all, 1)))

	t := &Trained{xposes: xposes, labels: labels, tagK: o.TagPack.K, xposK: o.XPOSPack.K, mvK: o.MovePack.K, lbK: o.LabelPack.K}
	t.lex = useLex(exs)
	t.t1 = trainTagger(exs, false, o, logf)
	if o.SecondPass {
		t.t2 = trainTagger(exs, true, o, logf)
	}
	t.xp = trainXPOS(exs, len(xposes), o, logf)
	if o.TaggerOnly {
		o.ParseEpochs, o.RetrainEpochs = 0, 0
	}
	t.mv, t.lb = trainParser(exs, len(labels), labelIdx["root"], o, logf)
	if o.FloatModel != nil {
		fm := &Model{tag1: t.t1.Scorer(), xposes: xposes, xpos: t.xp.Scorer(),
			labels: labels, move: t.mv.Scorer(), label: t.lb.Scorer()}
		if t.t2 != nil {
			fm.tag2 = t.t2.Scorer()
		}
		fm.lex, _ = loadLexicon(t.lex)
		*o.FloatModel = fm
	}
	return t
}

// perceptronFor gives a fresh perceptron for classes, limited to the features counted at least
// o.MinCount times where that is set.
func perceptronFor(classes int, count map[uint64]int32, o TrainOptions, logf func(string, ...any), what string) *linear.Perceptron {
	if o.MinCount <= 1 {
		return linear.NewPerceptron(classes)
	}
	p := linear.WithFeatures(classes, linear.Frequent(count, int32(o.MinCount)))
	logf("  %s: %d of %d features seen %d+ times", what, p.Features(), len(count), o.MinCount)
	return p
}

// prune keeps the weights a packing with po would keep and learns them again with run.
func prune(a *linear.Averaged, po PackOptions, o TrainOptions, run func(p *linear.Perceptron, epochs int)) *linear.Averaged {
	if o.RetrainEpochs <= 0 {
		return a
	}
	p := a.Restricted(linear.PackOptions{MinWeight: po.MinWeight, K: po.K})
	run(p, o.RetrainEpochs)
	return p.Average()
}

func trainTagger(exs []*example, second bool, o TrainOptions, logf func(string, ...any)) *linear.Averaged {
	rng := rand.New(rand.NewPCG(o.Seed, 11))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	buf := make([]uint64, 0, 64)
	scores := make([]float32, nUPOS)
	ahead := func(ex *example, i int, classes []int) (int, int) {
		if !second {
			return -1, -1
		}
		n1, n2 := nUPOS, nUPOS
		if i+1 < len(ex.forms) {
			n1 = classes[i+1]
		}
		if i+2 < len(ex.forms) {
			n2 = classes[i+2]
		}
		return n1, n2
	}
	count := map[uint64]int32{}
	for _, ex := range exs {
		p1, p2 := nUPOS, nUPOS+1
		for i := range ex.forms {
			n1, n2 := ahead(ex, i, ex.upos)
			for _, h := range tagFeatures(&ex.w, i, p1, p2, n1, n2, buf[:0]) {
				count[h]++
			}
			p2, p1 = p1, ex.upos[i]
		}
	}
	run := func(p *linear.Perceptron, n int) {
		for ep := 0; ep < n; ep++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			right, all := 0, 0
			for _, k := range order {
				ex := exs[k]
				p1, p2 := nUPOS, nUPOS+1
				for i := range ex.forms {
					n1, n2 := ahead(ex, i, ex.first)
					buf = tagFeatures(&ex.w, i, p1, p2, n1, n2, buf[:0])
					clear(scores)
					p.Add(buf, scores)
					g := linear.Argmax(scores, nil)
					p.Update(buf, ex.upos[i], g)
					p.Tick()
					if g == ex.upos[i] {
						right++
					}
					all++
					p2, p1 = p1, g
				}
			}
			logf("  tagger (second pass %v, retraining %v) epoch %d: %.4f, %d features", second, p.FixedClasses, ep+1, float64(right)/float64(all), p.Features())
		}
	}
	p := perceptronFor(nUPOS, count, o, logf, "tagger")
	run(p, o.TagEpochs)
	return prune(p.Average(), o.TagPack, o, run)
}

func trainXPOS(exs []*example, nx int, o TrainOptions, logf func(string, ...any)) *linear.Averaged {
	rng := rand.New(rand.NewPCG(o.Seed, 17))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	buf := make([]uint64, 0, 64)
	scores := make([]float32, nx)
	count := map[uint64]int32{}
	for _, ex := range exs {
		copy(ex.w.tags, ex.ptags)
		for i := range ex.forms {
			for _, h := range xposFeatures(&ex.w, i, buf[:0]) {
				count[h]++
			}
		}
	}
	run := func(p *linear.Perceptron, n int) {
		for ep := 0; ep < n; ep++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			right, all := 0, 0
			for _, k := range order {
				ex := exs[k]
				copy(ex.w.tags, ex.ptags)
				for i := range ex.forms {
					buf = xposFeatures(&ex.w, i, buf[:0])
					clear(scores)
					p.Add(buf, scores)
					g := linear.Argmax(scores, nil)
					p.Update(buf, ex.xpos[i], g)
					p.Tick()
					if g == ex.xpos[i] {
						right++
					}
					all++
				}
			}
			logf("  XPOS (retraining %v) epoch %d: %.4f, %d features", p.FixedClasses, ep+1, float64(right)/float64(all), p.Features())
		}
	}
	p := perceptronFor(nx, count, o, logf, "XPOS")
	run(p, min(o.TagEpochs, 5))
	return prune(p.Average(), o.XPOSPack, o, run)
}

func trainParser(exs []*example, nLabels, rootLabel int, o TrainOptions, logf func(string, ...any)) (*linear.Averaged, *linear.Averaged) {
	rng := rand.New(rand.NewPCG(o.Seed, 23))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var st pstate
	buf := make([]uint64, 0, 128)
	scores := make([]float32, nMoves)
	lscores := make([]float32, nLabels)
	var cost [nMoves]int
	run := func(mv, lb *linear.Perceptron, n int) {
		for ep := 0; ep < n; ep++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			right, all, lright, lall := 0, 0, 0, 0
			for _, k := range order {
				ex := exs[k]
				c := pctx{w: &ex.w, tags: ex.ptags}
				st.init(len(ex.forms), ex.ptags)
				for !st.terminal() {
					buf = moveFeatures(&c, &st, buf[:0])
					clear(scores)
					mv.Add(buf, scores)
					st.costs(ex.head, &cost)
					minCost := -1
					for m := 0; m < nMoves; m++ {
						if cost[m] >= 0 && (minCost < 0 || cost[m] < minCost) {
							minCost = cost[m]
						}
					}
					pred := linear.Argmax(scores, st.valid)
					gold := linear.Argmax(scores, func(m int) bool { return cost[m] == minCost })
					if cost[pred] != minCost {
						mv.Update(buf, gold, pred)
					} else {
						right++
					}
					all++
					mv.Tick()
					next := gold
					if ep > 0 && cost[pred] != minCost && rng.Float64() < o.Explore {
						next = pred
					}
					label := 0
					if next != mvShift {
						h, d := st.arc(next)
						buf = labelFeatures(&c, &st, h, d, buf[:0])
						clear(lscores)
						lb.Add(buf, lscores)
						label = linear.Argmax(lscores, nil)
						if ex.head[d] == h {
							gl := ex.label[d]
							if h == len(ex.forms) {
								gl = rootLabel
							}
							lb.Update(buf, gl, label)
							lb.Tick()
							if gl == label {
								lright++
							}
							lall++
						}
					}
					st.apply(next, label)
				}
			}
			logf("  parser (retraining %v) epoch %d: moves %.4f, labels %.4f; %d move and %d label features", mv.FixedClasses, ep+1,
				float64(right)/float64(max(all, 1)), float64(lright)/float64(max(lall, 1)), mv.Features(), lb.Features())
		}
	}
	mc, lc := countParserFeatures(exs)
	mv := perceptronFor(nMoves, mc, o, logf, "moves")
	lb := perceptronFor(nLabels, lc, o, logf, "labels")
	run(mv, lb, o.ParseEpochs)
	am, al := mv.Average(), lb.Average()
	if o.RetrainEpochs > 0 && o.ParseEpochs > 0 {
		mv = am.Restricted(linear.PackOptions{MinWeight: o.MovePack.MinWeight, K: o.MovePack.K})
		lb = al.Restricted(linear.PackOptions{MinWeight: o.LabelPack.MinWeight, K: o.LabelPack.K})
		logf("  parser retrains %d move and %d label features", mv.Features(), lb.Features())
		run(mv, lb, o.RetrainEpochs)
		am, al = mv.Average(), lb.Average()
	}
	return am, al
}

// countParserFeatures counts the move and label features along every sentence's gold path.
func countParserFeatures(exs []*example) (move, label map[uint64]int32) {
	move, label = map[uint64]int32{}, map[uint64]int32{}
	var st pstate
	var cost [nMoves]int
	buf := make([]uint64, 0, 128)
	for _, ex := range exs {
		c := pctx{w: &ex.w, tags: ex.ptags}
		st.init(len(ex.forms), ex.ptags)
		for !st.terminal() {
			buf = moveFeatures(&c, &st, buf[:0])
			for _, h := range buf {
				move[h]++
			}
			st.costs(ex.head, &cost)
			m := -1
			for _, cand := range [...]int{mvLeft, mvRight, mvShift} {
				if cost[cand] >= 0 && (m < 0 || cost[cand] < cost[m]) {
					m = cand
				}
			}
			l := 0
			if m != mvShift {
				h, d := st.arc(m)
				buf = labelFeatures(&c, &st, h, d, buf[:0])
				for _, f := range buf {
					label[f]++
				}
				l = ex.label[d]
			}
			st.apply(m, l)
		}
	}
	return move, label
}

// stringSet gives the values key takes on every word, commonest first, and their indexes.
func stringSet(sents []CoNLLSentence, key func(CoNLLWord) string) ([]string, map[string]int) {
	count := map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			count[key(w)]++
		}
	}
	keys := sortedByCount(count)
	idx := map[string]int{}
	for i, k := range keys {
		idx[k] = i
	}
	return keys, idx
}

func sortedByCount(count map[string]int) []string {
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if count[keys[i]] != count[keys[j]] {
			return count[keys[i]] > count[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// Scores are the CoNLL 2018 measures over syntactic words: LAS compares universal relations
// (the part before any ':').
type Scores struct {
	UPOS, XPOS, UAS, LAS float64
	Words                int
}

func (s Scores) String() string {
	return fmt.Sprintf("UPOS %.4f XPOS %.4f UAS %.4f LAS %.4f n %d", s.UPOS, s.XPOS, s.UAS, s.LAS, s.Words)
}

// Evaluate analyzes a copy of gold with m and scores it.
func Evaluate(m *Model, gold []CoNLLSentence) Scores {
	pred := make([]CoNLLSentence, len(gold))
	for i, s := range gold {
		pred[i] = CoNLLSentence{Lines: s.Lines, Words: append([]CoNLLWord(nil), s.Words...)}
	}
	m.AnalyzeCoNLL(pred)
	var sc Scores
	var u, x, ua, la int
	for i, s := range gold {
		for j, g := range s.Words {
			p := pred[i].Words[j]
			sc.Words++
			if p.UPOS == g.UPOS {
				u++
			}
			if p.XPOS == g.XPOS {
				x++
			}
			if p.Head == g.Head {
				ua++
				if universal(p.Deprel) == universal(g.Deprel) {
					la++
				}
			}
		}
	}
	n := float64(max(sc.Words, 1))
	sc.UPOS, sc.XPOS, sc.UAS, sc.LAS = float64(u)/n, float64(x)/n, float64(ua)/n, float64(la)/n
	return sc
}

func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

// Confusions lists the most frequent (gold UPOS → predicted UPOS) errors of m on gold, and the
// accuracy on words the training data never had (train: their normalized forms).
func Confusions(m *Model, gold []CoNLLSentence, train map[string]bool) string {
	pred := make([]CoNLLSentence, len(gold))
	for i, s := range gold {
		pred[i] = CoNLLSentence{Lines: s.Lines, Words: append([]CoNLLWord(nil), s.Words...)}
	}
	m.AnalyzeCoNLL(pred)
	conf := map[string]int{}
	var oov, oovRight, n int
	for i, s := range gold {
		for j, g := range s.Words {
			p := pred[i].Words[j]
			n++
			known := train[normForm(g.Form)]
			if !known {
				oov++
				if p.UPOS == g.UPOS {
					oovRight++
				}
			}
			if p.UPOS != g.UPOS {
				conf[g.UPOS+"→"+p.UPOS]++
			}
		}
	}
	keys := sortedByCount(conf)
	var b strings.Builder
	fmt.Fprintf(&b, "unknown words %d (%.1f%%), UPOS %.4f there\n", oov, 100*float64(oov)/float64(n), float64(oovRight)/float64(max(oov, 1)))
	for _, k := range keys[:min(20, len(keys))] {
		fmt.Fprintf(&b, "  %-16s %d\n", k, conf[k])
	}
	return b.String()
}

// Vocabulary gives the normalized forms of sents.
func Vocabulary(sents []CoNLLSentence) map[string]bool {
	v := map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			v[normForm(w.Form)] = true
		}
	}
	return v
}

// TokenScores measures Tokenize against gold: word F1 over each sentence's "# text" (word
// spans; a multiword token whose words do not spell it counts as one span), and sentence-end F1
// over each paragraph's sentences joined by spaces.
func TokenScores(gold []CoNLLSentence) (words, sents float64) {
	var tp, fp, fn, stp, sfp, sfn int
	var para []string
	var paraEnds []int
	flushPara := func() {
		if len(para) == 0 {
			return
		}
		text := strings.Join(para, " ")
		ws, ss := Tokenize(text, 0, len(text), nil, nil)
		pred := map[int]bool{}
		for _, s := range ss {
			pred[ws[s[1]-1].End] = true
		}
		goldEnds := map[int]bool{}
		for _, e := range paraEnds {
			goldEnds[e] = true
		}
		for e := range pred {
			if goldEnds[e] {
				stp++
			} else {
				sfp++
			}
		}
		for e := range goldEnds {
			if !pred[e] {
				sfn++
			}
		}
		para, paraEnds = para[:0], paraEnds[:0]
	}
	for _, s := range gold {
		text := ""
		newPar := false
		for _, l := range s.Lines {
			if strings.HasPrefix(l, "# text = ") {
				text = l[len("# text = "):]
			}
			if strings.HasPrefix(l, "# newpar") || strings.HasPrefix(l, "# newdoc") {
				newPar = true
			}
		}
		if text == "" {
			continue
		}
		if newPar {
			flushPara()
		}
		off := 0
		for _, p := range para {
			off += len(p) + 1
		}
		para = append(para, text)
		spans := goldSpans(s, text)
		if spans == nil {
			continue
		}
		paraEnds = append(paraEnds, off+spans[len(spans)-1][1])
		ws, _ := Tokenize(text, 0, len(text), nil, nil)
		pred := map[[2]int]bool{}
		for _, w := range ws {
			pred[[2]int{w.Start, w.End}] = true
		}
		g := map[[2]int]bool{}
		for _, sp := range spans {
			g[sp] = true
		}
		for sp := range pred {
			if g[sp] {
				tp++
			} else {
				fp++
			}
		}
		for sp := range g {
			if !pred[sp] {
				fn++
			}
		}
	}
	flushPara()
	f1 := func(tp, fp, fn int) float64 { return 2 * float64(tp) / float64(max(2*tp+fp+fn, 1)) }
	return f1(tp, fp, fn), f1(stp, sfp, sfn)
}

// goldSpans gives the byte spans in text of a sentence's words (nil where they cannot be found).
func goldSpans(s CoNLLSentence, text string) [][2]int {
	var spans [][2]int
	pos := 0
	skip := 0 // words covered by the last multiword token
	for _, l := range s.Lines {
		if l == "" || l[0] == '#' {
			continue
		}
		cols := strings.Split(l, "\t")
		if strings.Contains(cols[0], ".") {
			continue
		}
		form := cols[1]
		if a, b, ok := strings.Cut(cols[0], "-"); ok {
			for pos < len(text) && text[pos] == ' ' {
				pos++
			}
			if !strings.HasPrefix(text[pos:], form) {
				return nil
			}
			var from, to int
			fmt.Sscan(a, &from)
			fmt.Sscan(b, &to)
			n := to - from + 1
			// the words, where they spell the token
			var parts []string
			for _, w := range s.Words[from-1 : to] {
				parts = append(parts, w.Form)
			}
			if strings.EqualFold(strings.Join(parts, ""), form) {
				p := pos
				for _, w := range parts {
					spans = append(spans, [2]int{p, p + len(w)})
					p += len(w)
				}
			} else {
				spans = append(spans, [2]int{pos, pos + len(form)})
			}
			pos += len(form)
			skip = n
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		for pos < len(text) && text[pos] == ' ' {
			pos++
		}
		if !strings.HasPrefix(text[pos:], form) {
			return nil
		}
		spans = append(spans, [2]int{pos, pos + len(form)})
		pos += len(form)
	}
	return spans
}

// TemplateReport prints, for each feature template (by its position in the feature list), how
// many features the packed models keep and how much weight they carry: the templates that
// carry little are the ones to cut for speed.
func TemplateReport(sents []CoNLLSentence, t *Trained) string {
	var b strings.Builder
	report := func(name string, a *linear.Averaged, positions map[uint64]int) {
		type agg struct {
			n    int
			mass float64
		}
		per := map[int]*agg{}
		a.Each(func(h uint64, row []float32) {
			p, ok := positions[h]
			if !ok {
				p = -1
			}
			g := per[p]
			if g == nil {
				g = &agg{}
				per[p] = g
			}
			g.n++
			for _, w := range row {
				g.mass += float64(abs32(w))
			}
		})
		total := 0.0
		for _, g := range per {
			total += g.mass
		}
		keys := make([]int, 0, len(per))
		for k := range per {
			keys = append(keys, k)
		}
		sort.Ints(keys)
		fmt.Fprintf(&b, "%s:\n", name)
		for _, k := range keys {
			fmt.Fprintf(&b, "  %3d  %7d features  %5.1f%% of the weight\n", k, per[k].n, 100*per[k].mass/total)
		}
	}
	// positions along the gold paths
	exs := make([]*example, 0, len(sents))
	lex, _ := loadLexicon(t.lex)
	for _, s := range sents {
		ex := &example{}
		n := len(s.Words)
		for _, w := range s.Words {
			ex.forms = append(ex.forms, w.Form)
			ex.upos = append(ex.upos, int(uposOf(w.UPOS)))
			h := w.Head - 1
			if w.Head == 0 {
				h = n
			}
			ex.head = append(ex.head, h)
			ex.label = append(ex.label, 0)
		}
		if n == 0 {
			continue
		}
		ex.w.fill(ex.forms)
		ex.w.lookup(lex)
		ex.ptags = ex.upos
		exs = append(exs, ex)
	}
	tagPos, movePos, labelPos := map[uint64]int{}, map[uint64]int{}, map[uint64]int{}
	buf := make([]uint64, 0, 128)
	var st pstate
	var cost [nMoves]int
	for _, ex := range exs {
		p1, p2 := nUPOS, nUPOS+1
		for i := range ex.forms {
			for k, h := range tagFeatures(&ex.w, i, p1, p2, -1, -1, buf[:0]) {
				tagPos[h] = k
			}
			p2, p1 = p1, ex.upos[i]
		}
		c := pctx{w: &ex.w, tags: ex.ptags}
		st.init(len(ex.forms), ex.ptags)
		for !st.terminal() {
			for k, h := range moveFeatures(&c, &st, buf[:0]) {
				movePos[h] = k
			}
			st.costs(ex.head, &cost)
			m := -1
			for _, cand := range [...]int{mvLeft, mvRight, mvShift} {
				if cost[cand] >= 0 && (m < 0 || cost[cand] < cost[m]) {
					m = cand
				}
			}
			if m != mvShift {
				h, d := st.arc(m)
				for k, f := range labelFeatures(&c, &st, h, d, buf[:0]) {
					labelPos[f] = k
				}
			}
			st.apply(m, 0)
		}
	}
	report("tagger", t.t1, tagPos)
	report("moves", t.mv, movePos)
	report("labels", t.lb, labelPos)
	return b.String()
}

func abs32(w float32) float32 {
	if w < 0 {
		return -w
	}
	return w
}
