package syntax

import (
	"encoding/binary"

	"github.com/attest-news/attest/annotate/internal/linear"

	"github.com/attest-news/attest/annotate/internal/doc"
)

// A model file is a sequence of sections, each known by its magic: string tables ("ASTR"),
// a lexicon ("ALX1") and linear models ("ASM3", package linear).
//
//	"ATSB" | sections u8 | (len u32, bytes)…
//	string table: "ASTR" | n u16 | (len u8, bytes)…
const (
	bundleMagic = "ATSB"
	strMagic    = "ASTR"
)

func packBundle(sections ...[]byte) []byte {
	out := []byte(bundleMagic)
	out = append(out, byte(len(sections)))
	for _, m := range sections {
		out = binary.LittleEndian.AppendUint32(out, uint32(len(m)))
		out = append(out, m...)
	}
	return out
}

func readBundle(b []byte) ([][]byte, error) {
	if len(b) < 5 || string(b[:4]) != bundleMagic {
		return nil, linear.ErrModel
	}
	k := int(b[4])
	b = b[5:]
	secs := make([][]byte, k)
	for i := range secs {
		if len(b) < 4 {
			return nil, linear.ErrModel
		}
		l := int(binary.LittleEndian.Uint32(b))
		if len(b) < 4+l || l < 4 {
			return nil, linear.ErrModel
		}
		secs[i], b = b[4:4+l], b[4+l:]
	}
	return secs, nil
}

func packStrings(strs []string) []byte {
	out := []byte(strMagic)
	out = binary.LittleEndian.AppendUint16(out, uint16(len(strs)))
	for _, s := range strs {
		out = append(out, byte(len(s)))
		out = append(out, s...)
	}
	return out
}

func readStrings(b []byte) ([]string, error) {
	if len(b) < 6 || string(b[:4]) != strMagic {
		return nil, linear.ErrModel
	}
	n := int(binary.LittleEndian.Uint16(b[4:]))
	b = b[6:]
	strs := make([]string, n)
	for i := range strs {
		if len(b) < 1 || len(b) < 1+int(b[0]) {
			return nil, linear.ErrModel
		}
		strs[i] = string(b[1 : 1+int(b[0])])
		b = b[1+int(b[0]):]
	}
	return strs, nil
}

// Model is the tagger and parser, read in place from their model files.
type Model struct {
	lex    *lexicon
	tag1   linear.Scorer // the first tagging pass
	tag2   linear.Scorer // the second, which also reads the first pass's classes ahead
	xposes []string      // the XPOS model's classes
	xpos   linear.Scorer
	labels []string
	move   linear.Scorer
	label  linear.Scorer
}

// LoadModel reads a tagger and a parser model file, in place.
//
//	tagger.bin: lexicon, UPOS pass 1, [UPOS pass 2], XPOS classes, XPOS model
//	parser.bin: labels, move model, label model
func LoadModel(tagger, parser []byte) (*Model, error) {
	m := &Model{}
	var strs [][]string
	var lins []*linear.Model
	for _, f := range [][]byte{tagger, parser} {
		secs, err := readBundle(f)
		if err != nil {
			return nil, err
		}
		for _, sec := range secs {
			switch string(sec[:4]) {
			case strMagic:
				t, err := readStrings(sec)
				if err != nil {
					return nil, err
				}
				strs = append(strs, t)
			case lexMagic:
				if m.lex, err = loadLexicon(sec); err != nil {
					return nil, err
				}
			case linear.Magic:
				l, _, err := linear.Load(sec)
				if err != nil {
					return nil, err
				}
				lins = append(lins, l)
			default:
				return nil, linear.ErrModel
			}
		}
	}
	if len(strs) != 2 || len(lins) < 4 || len(lins) > 5 {
		return nil, linear.ErrModel
	}
	m.xposes, m.labels = strs[0], strs[1]
	m.tag1 = lins[0]
	if len(lins) == 5 {
		m.tag2, lins = lins[1], lins[1:]
	}
	if len(m.labels) == 0 || len(m.xposes) == 0 {
		return nil, linear.ErrModel
	}
	m.xpos, m.move, m.label = lins[1], lins[2], lins[3]
	for _, c := range []struct {
		l *linear.Model
		n int
	}{{m.tag1.(*linear.Model), nUPOS}, {m.xpos.(*linear.Model), len(m.xposes)}, {m.move.(*linear.Model), nMoves}, {m.label.(*linear.Model), len(m.labels)}} {
		if c.l.Classes() != c.n {
			return nil, linear.ErrModel
		}
	}
	if m.tag2 != nil && m.tag2.(*linear.Model).Classes() != nUPOS {
		return nil, linear.ErrModel
	}
	return m, nil
}

// UPOS is doc's universal part-of-speech tag; the tagger's classes are its values.
type UPOS = doc.UPOS

const (
	PUNCT = doc.PUNCT
	VERB  = doc.VERB
)

func uposOf(s string) UPOS { return doc.ParseUPOS(s) }

// nUPOS is the number of UPOS tags: the tagger's classes are the UPOS values.
const nUPOS = int(VERB) + 1

// scratch holds one analysis's buffers, reused across sentences.
type scratch struct {
	w       wordInfo
	first   []int
	xpos    []int
	buf     []uint64
	scores  []float32
	lscores []float32
	st      pstate
}

func (m *Model) newScratch() *scratch {
	return &scratch{scores: make([]float32, max(nUPOS, nMoves, len(m.xposes))), lscores: make([]float32, len(m.labels)),
		buf: make([]uint64, 0, 128)}
}

// tag fills sc.w.tags (UPOS) and sc.xpos for the words in sc.w.
func (m *Model) tag(sc *scratch) {
	w := &sc.w
	if m.tag2 == nil {
		tagPass(m.tag1, nUPOS, w, nil, w.tags, sc.buf, sc.scores[:nUPOS])
	} else {
		sc.first = grow(sc.first, w.n)
		tagPass(m.tag1, nUPOS, w, nil, sc.first, sc.buf, sc.scores[:nUPOS])
		tagPass(m.tag2, nUPOS, w, sc.first, w.tags, sc.buf, sc.scores[:nUPOS])
	}
	sc.xpos = grow(sc.xpos, w.n)
	xposPass(m.xpos, w, sc.xpos, sc.buf, sc.scores[:len(m.xposes)])
}

// parse fills sc.st with heads and labels for the tagged words in sc.w.
func (m *Model) parse(sc *scratch) {
	c := pctx{w: &sc.w, tags: sc.w.tags}
	sc.buf = parseSentence(&c, m.move, m.label, &sc.st, sc.buf, sc.scores[:nMoves], sc.lscores)
}

// AnalyzeCoNLL tags and parses gold-tokenized sentences in place, filling UPOS, XPOS, Head and
// Deprel of every word.
func (m *Model) AnalyzeCoNLL(sents []CoNLLSentence) {
	sc := m.newScratch()
	var forms []string
	for si := range sents {
		ws := sents[si].Words
		if len(ws) == 0 {
			continue
		}
		forms = forms[:0]
		for _, w := range ws {
			forms = append(forms, w.Form)
		}
		sc.w.fill(forms)
		sc.w.lookup(m.lex)
		m.tag(sc)
		m.parse(sc)
		n := len(ws)
		for i := range ws {
			ws[i].UPOS, ws[i].XPOS = UPOS(sc.w.tags[i]).String(), m.xposes[sc.xpos[i]]
			h := sc.st.head[i]
			switch {
			case h == n:
				ws[i].Head, ws[i].Deprel = 0, "root"
			default:
				ws[i].Head, ws[i].Deprel = h+1, m.labels[sc.st.label[i]]
			}
		}
	}
}
