// Package syntax is the syntax layer: it splits the article into sentences and UD-style words,
// tags each word's part of speech and parses each sentence into a dependency tree, once, and
// stores the result on the document (doc.Doc.Tokens, doc.Doc.Sentences) for the later stages.
//
// The models are an averaged-perceptron tagger and a greedy arc-hybrid parser over hashed
// features, trained on UD English EWT and GUM (go run ./annotate/internal/syntax/train) and read
// in place from their embedded bytes. They carry the data's licence: see NOTICE.md.
package syntax

import (
	_ "embed"
	"sync"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/sched"
)

// The committed models (CC BY-SA 4.0; see NOTICE.md). A test checks that the trainer
// reproduces them byte for byte.
var (
	//go:embed tagger.bin
	taggerBin []byte
	//go:embed parser.bin
	parserBin []byte
)

// Default is the embedded model, read on first use.
var Default = sync.OnceValue(func() *Model {
	m, err := LoadModel(taggerBin, parserBin)
	if err != nil {
		panic("syntax: the embedded models do not load: " + err.Error())
	}
	return m
})

// Analyze tokenizes every block of d into sentences and words, tags them and parses every
// sentence with the embedded model, and stores them on d.
func Analyze(d *doc.Doc) { Default().Analyze(d, nil) }

// AnalyzeWhere is Analyze parsing only the sentences parse wants (by their words' text); the
// others are tagged but left without a tree. Parsing is most of the layer's time, and the later
// stages read trees only where quotes are.
func AnalyzeWhere(d *doc.Doc, parse func(text string) bool) { Default().Analyze(d, parse) }

// NeedsTree reports a sentence the quote stage reads the tree of: one with a quotation mark or
// a colon (which can introduce one), or a reporting verb (which can attribute one).
func NeedsTree(text string) bool {
	for _, r := range text {
		switch r {
		case '"', '“', '”', '‘', '’', '«', '»', '„', '‟', ':', '\'':
			return true
		}
	}
	return false
}

// Analyze is the package-level Analyze with model m; parse, where not nil, picks the sentences
// to parse.
func (m *Model) Analyze(d *doc.Doc, parse func(text string) bool) {
	var words []Word
	var sents [][2]int
	for _, b := range d.Blocks {
		words, sents = Tokenize(d.Text, b.Start, b.End, words, sents)
	}
	d.Tokens = make([]doc.Token, len(words))
	d.Sentences = make([]doc.Sentence, 0, len(sents))
	sc := m.newScratch()
	var forms []string
	for k, s := range sents {
		if k%256 == 255 {
			sched.Yield()
		}
		forms = forms[:0]
		for _, w := range words[s[0]:s[1]] {
			forms = append(forms, d.Text[w.Start:w.End])
		}
		sc.w.fill(forms)
		sc.w.lookup(m.lex)
		m.tag(sc)
		n := s[1] - s[0]
		parsed := parse == nil || parse(d.Text[words[s[0]].Start:words[s[1]-1].End])
		if parsed {
			m.parse(sc)
		}
		for i := 0; i < n; i++ {
			t := &d.Tokens[s[0]+i]
			t.Start, t.End = words[s[0]+i].Start, words[s[0]+i].End
			t.UPOS, t.XPOS = UPOS(sc.w.tags[i]), m.xposes[sc.xpos[i]]
			t.Head, t.Rel = -1, ""
			if parsed {
				if h := sc.st.head[i]; h == n {
					t.Rel = "root"
				} else {
					t.Head, t.Rel = s[0]+h, m.labels[sc.st.label[i]]
				}
			}
		}
		d.Sentences = append(d.Sentences, doc.Sentence{Start: s[0], End: s[1], Parsed: parsed})
	}
}
