package entity

import (
	"fmt"
	"io"
	"math/rand"
	"strings"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/linear"
	"github.com/attest-news/attest/annotate/internal/syntax"
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
	Iterations int             // passes over the data (default 6)
	Seed       int64           // shuffling seed (default 1)
	MinWeight  float64         // features whose weights all stay below this are pruned (default 4: a model a quarter the size that scores as well)
	K          int             // each feature keeps its K heaviest classes (default 0: all seven)
	Off        map[string]bool // rules switched off while training, as FindWith's (to measure a rule with a model trained without it)
	Log        io.Writer
}

func (o *TrainOptions) defaults() {
	if o.Iterations == 0 {
		o.Iterations = 6
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.MinWeight == 0 {
		o.MinWeight = 4
	}
}

// docFromText splits a training text into one block per line without changing a byte of it (as
// the annotator reads pasted text: a line is a paragraph), and tags its parts of speech.
func docFromText(text string) *doc.Doc {
	d := &doc.Doc{Text: text}
	pos := 0
	for _, p := range strings.Split(text, "\n") {
		s, e := pos, pos+len(p)
		pos = e + 1
		for s < e && (text[s] == ' ' || text[s] == '\r' || text[s] == '\t') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\r' || text[e-1] == '\t') {
			e--
		}
		if e > s {
			d.Blocks = append(d.Blocks, doc.Block{Start: s, End: e})
		}
	}
	syntax.AnalyzeWhere(d, func(string) bool { return false })
	return d
}

type example struct {
	a       *analysis
	rules   []Mention
	docRule map[string]string
	gold    [][]int // per block, gold tag per token
}

func prepare(td TrainDoc, off switches) example {
	d := docFromText(td.Text)
	a := analyzeWith(d, off)
	ex := example{a: a, rules: a.ruleMentions(), gold: make([][]int, len(a.blocks))}
	ex.docRule = docRules(a.text, ex.rules)
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

// Train fits the tagger on docs and returns the encoded model.
func Train(docs []TrainDoc, o TrainOptions) []byte {
	o.defaults()
	logf := func(format string, args ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format, args...)
		}
	}
	exs := make([]example, len(docs))
	for i, d := range docs {
		exs[i] = prepare(d, o.Off)
	}
	p := linear.NewPerceptron(nTags)
	trainRun(p, exs, o.Iterations, o.Seed, logf)
	a := p.Average()
	packed := a.Pack(linear.PackOptions{MinWeight: o.MinWeight, K: o.K})
	logf("features: %d trained, model %d bytes\n", a.Features(), len(packed))
	return packed
}

// trainRun is an averaged-perceptron training over the examples' blocks, shuffled with seed. It
// decodes as the tagger does (a lower-case word after O is not scored), and learns from the
// tokens it scores.
func trainRun(p *linear.Perceptron, exs []example, iterations int, seed int64, logf func(string, ...any)) {
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
	feats := make([]uint64, 0, 64)
	var seq []seqToken
	for it := 0; it < iterations; it++ {
		rng.Shuffle(len(refs), func(i, j int) { refs[i], refs[j] = refs[j], refs[i] })
		errs, n := 0, 0
		for _, r := range refs {
			ex := exs[r.ex]
			seq = sequence(seq, ex.a.blocks[r.b], ex.a.uposOf(r.b), ex.rules, ex.a.lower, ex.docRule)
			gold := ex.gold[r.b]
			tags := make([]int, len(seq))
			var sc [nTags]float32
			for i := range seq {
				p1, p2 := prevTags(tags, i)
				if p1 == tagO && !mayStartName(&seq[i]) {
					tags[i] = tagO
					continue
				}
				var best int
				best, feats = bestTag(seq, i, p1, p2, feats, &sc, p)
				if best != gold[i] {
					p.Update(feats, gold[i], best)
					errs++
				}
				tags[i] = best
				p.Tick()
				n++
			}
		}
		logf("iteration %d: %d errors in %d scored tokens (%.2f%%)\n", it+1, errs, n, 100*float64(errs)/float64(max(n, 1)))
	}
}

// TagTextRaw runs the given model over one text and returns its names as they come out of the
// tagger, before the rules reconcile them: for measuring what the tagger alone is worth.
func TagTextRaw(modelBytes []byte, text string) ([]GoldSpan, error) {
	a := analyze(docFromText(text))
	m, err := parseModel(modelBytes)
	if err != nil {
		return nil, err
	}
	var out []GoldSpan
	for _, t := range m.tagAll(a, a.ruleMentions()) {
		toks := a.blocks[t.b]
		out = append(out, GoldSpan{Start: toks[t.s].Start, End: toks[t.e-1].End, Label: t.label})
	}
	return out, nil
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
