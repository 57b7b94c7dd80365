package entity

import (
	"fmt"
	"io"
	"math"
	"math/rand"
	"strings"

	"github.com/attest-news/attest/annotate/internal/doc"
)

// GoldSpan is one gold name in a training document: Text[Start:End] (UTF-8 bytes), labelled
// PERSON, ORG or LOC (GPE and FAC count as LOC).
type GoldSpan struct {
	Start, End int
	Label      string
}

// TrainDoc is one annotated document. Paragraphs are separated by blank lines.
type TrainDoc struct {
	ID   string
	Text string
	Gold []GoldSpan
}

// TrainOptions control training; the zero value gives the committed model's settings.
type TrainOptions struct {
	Iterations int     // passes over the data (default 5: more passes fit the non-news training genres at the expense of news)
	Seed       int64   // shuffling seed (default 1)
	Runs       int     // models trained with seeds Seed, Seed+1, … and averaged (default 5: one run's weights swing with the order it saw the data in)
	MinWeight  float32 // features whose weights all stay below this are pruned (default 3: a compact model that scores as well as the full one on news)
	Log        io.Writer
}

// docFromText splits a training text into paragraph blocks without changing a byte of it.
func docFromText(text string) *doc.Doc {
	d := &doc.Doc{Text: text}
	pos := 0
	for _, p := range strings.Split(text, "\n\n") {
		s, e := pos, pos+len(p)
		pos = e + 2
		for s < e && (text[s] == '\n' || text[s] == ' ') {
			s++
		}
		for e > s && (text[e-1] == '\n' || text[e-1] == ' ') {
			e--
		}
		if e > s {
			d.Blocks = append(d.Blocks, doc.Block{Start: s, End: e})
		}
	}
	return d
}

type example struct {
	a     *analysis
	rules []Mention
	gold  [][]int // per block, gold tag per token
}

func prepare(td TrainDoc) example {
	d := docFromText(td.Text)
	a := analyze(d)
	ex := example{a: a, rules: a.ruleMentions(), gold: make([][]int, len(a.blocks))}
	for bi, toks := range a.blocks {
		tags := make([]int, len(toks))
		for _, g := range td.Gold {
			b := tagBegin(g.Label)
			if b == tagO {
				continue
			}
			first := true
			for i, t := range toks {
				if t.Start >= g.Start && t.End <= g.End {
					if first {
						tags[i] = b
						first = false
					} else {
						tags[i] = b + 1
					}
				}
			}
		}
		ex.gold[bi] = tags
	}
	return ex
}

// averaged perceptron state: w current weights, u the time-weighted sum of updates.
type perceptron struct {
	w, u map[uint32]*[nTags]float32
	c    float32
}

func (p *perceptron) score(feats []uint32, out *[nTags]float32) {
	*out = [nTags]float32{}
	for _, f := range feats {
		if w := p.w[f]; w != nil {
			for t := range out {
				out[t] += w[t]
			}
		}
	}
}

func (p *perceptron) update(feats []uint32, gold, pred int) {
	for _, f := range feats {
		w, u := p.w[f], p.u[f]
		if w == nil {
			w, u = new([nTags]float32), new([nTags]float32)
			p.w[f], p.u[f] = w, u
		}
		w[gold]++
		w[pred]--
		u[gold] += p.c
		u[pred] -= p.c
	}
}

func (p *perceptron) averaged() map[uint32][nTags]float32 {
	out := make(map[uint32][nTags]float32, len(p.w))
	for f, w := range p.w {
		u := p.u[f]
		var a [nTags]float32
		for t := range a {
			a[t] = w[t] - u[t]/p.c
		}
		out[f] = a
	}
	return out
}

// Train fits the tagger on docs and returns the encoded model.
func Train(docs []TrainDoc, o TrainOptions) []byte {
	if o.Iterations == 0 {
		o.Iterations = 5
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	logf := func(format string, args ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format, args...)
		}
	}
	exs := make([]example, len(docs))
	for i, d := range docs {
		exs[i] = prepare(d)
	}
	if o.Runs == 0 {
		o.Runs = 5
	}
	avg := map[uint32][nTags]float32{}
	for run := range o.Runs {
		for f, w := range trainRun(exs, o.Iterations, o.Seed+int64(run), logf) {
			a := avg[f]
			for t := range a {
				a[t] += w[t] / float32(o.Runs)
			}
			avg[f] = a
		}
	}
	if o.MinWeight == 0 {
		o.MinWeight = 3
	}
	kept := map[uint32][nTags]float32{}
	for f, w := range avg {
		for _, v := range w {
			if float32(math.Abs(float64(v))) >= o.MinWeight {
				kept[f] = w
				break
			}
		}
	}
	logf("features: %d trained, %d kept\n", len(avg), len(kept))
	return encodeModel(kept)
}

// trainRun is one averaged-perceptron training over the examples, shuffled with seed.
func trainRun(exs []example, iterations int, seed int64, logf func(string, ...any)) map[uint32][nTags]float32 {
	p := &perceptron{w: map[uint32]*[nTags]float32{}, u: map[uint32]*[nTags]float32{}, c: 1}
	rng := rand.New(rand.NewSource(seed))
	type blockRef struct{ ex, b int }
	var refs []blockRef
	for ei, ex := range exs {
		for bi, toks := range ex.a.blocks {
			if len(toks) > 0 {
				refs = append(refs, blockRef{ei, bi})
			}
		}
	}
	docRule := make([]map[string]string, len(exs))
	for i, ex := range exs {
		docRule[i] = docRules(ex.a.text, ex.rules)
	}
	feats := make([]uint32, 0, 48)
	for it := 0; it < iterations; it++ {
		rng.Shuffle(len(refs), func(i, j int) { refs[i], refs[j] = refs[j], refs[i] })
		errs, n := 0, 0
		for _, r := range refs {
			ex := exs[r.ex]
			seq := sequence(nil, ex.a.blocks[r.b], ex.rules, ex.a.lower, docRule[r.ex])
			gold := ex.gold[r.b]
			tags := make([]int, len(seq))
			var sc [nTags]float32
			for i := range seq {
				p1, p2 := prevTags(tags, i)
				var best int
				best, feats = bestTag(seq, i, p1, p2, feats, &sc, p.score)
				if best != gold[i] {
					p.update(feats, gold[i], best)
					errs++
				}
				tags[i] = best
				p.c++
				n++
			}
		}
		logf("seed %d, iteration %d: %d token errors of %d (%.2f%%)\n", seed, it+1, errs, n, 100*float64(errs)/float64(n))
	}
	return p.averaged()
}

// TagText runs the rules and the given model over one text split into paragraphs and returns the
// tagger's names (before linking) as gold-style spans: for evaluating a model before it is
// embedded.
func TagText(modelBytes []byte, text string) ([]GoldSpan, error) {
	a := analyze(docFromText(text))
	var out []GoldSpan
	if modelBytes == nil { // the rules alone
		for _, m := range a.ruleMentions() {
			if c := coarse(m.Label); c != "" {
				out = append(out, GoldSpan{Start: m.Start, End: m.End, Label: c})
			}
		}
		return out, nil
	}
	m, err := parseModel(modelBytes)
	if err != nil {
		return nil, err
	}
	rules := a.ruleMentions()
	for _, c := range a.reconcile(m.tagAll(a, rules)) {
		if l := coarse(c.label); l != "" {
			out = append(out, GoldSpan{Start: c.toks[0].Start, End: c.toks[len(c.toks)-1].End, Label: l})
		}
	}
	return out, nil
}
