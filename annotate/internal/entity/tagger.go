package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/linear"
	"github.com/attest-news/attest/annotate/internal/textutil"
)

// The statistical tagger: an averaged perceptron over BIO tags for people, organisations and
// places, decoded greedily left to right. Its features are the word, its shape and affixes, the
// words around it, the gazetteers, what the rules above decided for the token, and how the same
// word is written and labelled elsewhere in the document. The rules stay in charge of dates,
// numbers, nationalities and events; the tagger decides which capitalised runs are names of which
// kind. Training lives in train.go; the trained weights are embedded from model.bin.

// Tags, in model order.
const (
	tagO = iota
	tagBPER
	tagIPER
	tagBORG
	tagIORG
	tagBLOC
	tagILOC
	nTags
)

var tagCoarse = [nTags]string{"", "PERSON", "PERSON", "ORG", "ORG", "LOC", "LOC"}

func tagBegin(label string) int {
	switch coarse(label) {
	case "PERSON":
		return tagBPER
	case "ORG":
		return tagBORG
	case "LOC":
		return tagBLOC
	}
	return tagO
}

func isInside(t int) bool { return t == tagIPER || t == tagIORG || t == tagILOC }

// coarseVotes counts votes for the three classes, in the order of their names (LOC, ORG,
// PERSON): best breaks a tie by the name that sorts first.
type coarseVotes [3]int

var coarseNames = [3]string{"LOC", "ORG", "PERSON"}

func (v *coarseVotes) add(class string) {
	for i, n := range coarseNames {
		if n == class {
			v[i]++
		}
	}
}

// best is the class with the most votes ("" with none).
func (v *coarseVotes) best() string {
	best, n := "", 0
	for i, c := range v {
		if c > n {
			best, n = coarseNames[i], c
		}
	}
	return best
}

// coarse maps a fine label to the tagger's three classes ("" for everything else).
func coarse(label string) string {
	switch label {
	case "PERSON":
		return "PERSON"
	case "ORG":
		return "ORG"
	case "GPE", "LOC", "FAC":
		return "LOC"
	}
	return ""
}

// seqToken is one token with the context the features need. What depends on the word alone is
// filled in when a feature first reads it: the decoder skips most lower-case words, and their
// neighbours' features reach only two tokens away.
type seqToken struct {
	tok     textutil.Token
	rule    string   // the rules' decision: "B-ORG", "I-GPE", "N-DATE" (non-name labels), "O"
	why     string   // the ID of the rule that decided
	upos    doc.UPOS // the syntax layer's part of speech (X where the text was not tagged)
	initial bool     // first word of a sentence
	docRule string   // the label the rules give this capitalised word elsewhere in the document
	caps    bool     // the block is written in capitals

	docLower map[string]bool // the words the document writes in lower case

	filled  bool
	lower   string
	shape   string
	gaz     string // gazetteer class of the word
	lowerTo bool   // the document also writes this word in lower case
	h       seqHashes
}

// seqHashes are the hashes of a token's feature values, computed once.
type seqHashes struct {
	word, raw, shape, rule, why, gaz, upos, docRule uint64
	p2, p3, s2, s3, s4                              uint64
}

// fill computes the fields that depend on the word alone, once.
func (s *seqToken) fill() *seqToken {
	if !s.filled {
		s.filled = true
		s.lower = strings.ToLower(s.tok.Text)
		s.shape = wordShape(s.tok.Text)
		s.gaz = gazClass(s.tok.Text)
		s.lowerTo = s.tok.IsCap() && s.docLower[s.lower]
		s.h = seqHashes{
			word: linear.Str(s.lower), raw: linear.Str(s.tok.Text), shape: linear.Str(s.shape),
			rule: linear.Str(s.rule), why: linear.Str(s.why), gaz: linear.Str(s.gaz),
			upos: uint64(s.upos) + 1, docRule: linear.Str(s.docRule),
			p2: linear.Str(prefix(s.lower, 2)), p3: linear.Str(prefix(s.lower, 3)),
			s2: linear.Str(suffix(s.lower, 2)), s3: linear.Str(suffix(s.lower, 3)), s4: linear.Str(suffix(s.lower, 4)),
		}
	}
	return s
}

// Feature templates. A feature is a template's ID hashed with its parts (linear.F1…F3 over the
// parts' hashes). The IDs are stable numbers: a template is never renumbered, only retired, so a
// model trained before a change still reads the templates it knows.
const (
	fBias uint64 = iota + 1
	fW
	fSh
	fP2
	fP3
	fS2
	fS3
	fS4
	fWm1
	fWp1
	fWm2
	fWp2
	fWm1W
	fWWp1
	fShm1
	fShp1
	fWm1Sh
	fShWp1
	fR
	fRm1
	fRp1
	fRSh
	fRWhy
	fG
	fGm1
	fGp1
	fGm1G
	fInit
	fLow
	fDocr
	fCaps
	fTm1
	fTm2
	fTm1Sh
	fTm1W
	fTm1R
	fTm1G
	fU
	fUm1U
	fUUp1
	fUm1UUp1
	fUW
	fUm1W
	fTm1U
	fWm1U
	fUp1Wp1
	fRaw
	fLen
)

// Hashes of the values that stand for context beyond a block's ends, and for "no value".
var (
	hStart = linear.Str("<s>")
	hEnd   = linear.Str("</s>")
	hNone  = linear.Str("-")
	hTrue  = linear.Str("1")
	hFalse = linear.Str("0")
)

var tagNames = [nTags]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

// tagHashes are the tags' names hashed, for the features that read the previous tags.
var tagHashes = func() (h [nTags]uint64) {
	for t, n := range tagNames {
		h[t] = linear.Str(n)
	}
	return h
}()

// context is what features reads of a token next to the current one: the hashes of its
// lower-cased word, shape, rule decision, gazetteer class and part of speech, or what stands for
// them beyond the block's ends.
type context struct{ word, shape, rule, gaz, upos uint64 }

var (
	startContext = context{hStart, hNone, hNone, hNone, hStart}
	endContext   = context{hEnd, hNone, hNone, hNone, hEnd}
)

func contextAt(seq []seqToken, k int) context {
	if k < 0 {
		return startContext
	}
	if k >= len(seq) {
		return endContext
	}
	t := seq[k].fill()
	return context{t.h.word, t.h.shape, t.h.rule, t.h.gaz, t.h.upos}
}

// features appends the hashes of token i's features, given the two previous tags, to dst.
func features(dst []uint64, seq []seqToken, i int, prev1, prev2 int) []uint64 {
	t := seq[i].fill()
	h := &t.h
	m2, m1, p1, p2 := contextAt(seq, i-2), contextAt(seq, i-1), contextAt(seq, i+1), contextAt(seq, i+2)
	t1, t2 := tagHashes[prev1], tagHashes[prev2]
	return append(dst,
		linear.F1(fBias, 0),
		linear.F1(fW, h.word),
		linear.F1(fSh, h.shape),
		linear.F1(fP2, h.p2),
		linear.F1(fP3, h.p3),
		linear.F1(fS2, h.s2),
		linear.F1(fS3, h.s3),
		linear.F1(fS4, h.s4),
		linear.F1(fWm1, m1.word),
		linear.F1(fWp1, p1.word),
		linear.F1(fWm2, m2.word),
		linear.F1(fWp2, p2.word),
		linear.F2(fWm1W, m1.word, h.word),
		linear.F2(fWWp1, h.word, p1.word),
		linear.F2(fShm1, m1.shape, h.shape),
		linear.F2(fShp1, h.shape, p1.shape),
		linear.F2(fWm1Sh, m1.word, h.shape),
		linear.F2(fShWp1, h.shape, p1.word),
		linear.F1(fR, h.rule),
		linear.F2(fRm1, m1.rule, h.rule),
		linear.F2(fRp1, h.rule, p1.rule),
		linear.F2(fRSh, h.rule, h.shape),
		linear.F2(fRWhy, h.rule, h.why),
		linear.F1(fG, h.gaz),
		linear.F1(fGm1, m1.gaz),
		linear.F1(fGp1, p1.gaz),
		linear.F3(fGm1G, m1.gaz, h.gaz, p1.gaz),
		linear.F2(fInit, boolHash(t.initial), h.shape),
		linear.F2(fLow, boolHash(t.lowerTo), h.shape),
		linear.F1(fDocr, h.docRule),
		linear.F2(fCaps, boolHash(t.caps), h.rule),
		linear.F1(fTm1, t1),
		linear.F2(fTm2, t2, t1),
		linear.F2(fTm1Sh, t1, h.shape),
		linear.F2(fTm1W, t1, h.word),
		linear.F2(fTm1R, t1, h.rule),
		linear.F2(fTm1G, t1, h.gaz),
		linear.F1(fU, h.upos),
		linear.F2(fUm1U, m1.upos, h.upos),
		linear.F2(fUUp1, h.upos, p1.upos),
		linear.F3(fUm1UUp1, m1.upos, h.upos, p1.upos),
		linear.F2(fUW, h.upos, h.word),
		linear.F2(fUm1W, m1.upos, h.word),
		linear.F2(fTm1U, t1, h.upos),
		linear.F2(fWm1U, m1.word, h.upos),
		linear.F2(fUp1Wp1, p1.upos, p1.word),
		linear.F1(fRaw, h.raw),
		linear.F2(fLen, uint64(min(len(t.tok.Text), 12)), h.shape),
	)
}

func boolHash(b bool) uint64 {
	if b {
		return hTrue
	}
	return hFalse
}

func prefix(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

func suffix(s string, n int) string {
	i := len(s)
	for c := 0; c < n && i > 0; c++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// wordShape maps letters to X/x and digits to d, keeping other characters, and collapses runs
// to two: "McCain" → "XxXxx", "Hello" → "Xxx", "U.S." → "X.X.", "2024" → "dd".
func wordShape(s string) string {
	var buf [32]byte // on the stack: shapes are short, and this runs for every token
	b := buf[:0]
	var last rune
	run := 0
	for _, r := range s {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		b = utf8.AppendRune(b, c)
	}
	if common, ok := commonShapes[string(b)]; ok {
		return common // most words: no copy of the shape
	}
	return string(b)
}

// commonShapes are the shapes of most words: lower case, capitalised, capitals, numbers.
var commonShapes = map[string]string{"xx": "xx", "Xx": "Xx", "Xxx": "Xxx", "XX": "XX", "dd": "dd", "xx-xx": "xx-xx", "Xxx-Xxx": "Xxx-Xxx"}

// lexClasses are gazClass's answers for words the lexicon names, written once.
var lexClasses = map[string]string{"PERSON": "lex-PERSON", "ORG": "lex-ORG", "GPE": "lex-GPE", "LOC": "lex-LOC",
	"NORP": "lex-NORP", "FAC": "lex-FAC", "EVENT": "lex-EVENT"}

// gazClass names what the hand-written lists say about one word: one lookup in the lexicon's
// table of classes (built from classOf), or the large given-name list for a word not in it.
func gazClass(w string) string {
	if c, ok := lex().gaz[w]; ok {
		return c
	}
	if _, ok := weakNames.find(w); ok {
		return "weakgiven" // not a hand-written given name: those are in the table
	}
	return ""
}

// classOf is gazClass's answer for a word of the hand-written lists, in order of precedence.
func (l *lexicon) classOf(w string) string {
	switch {
	case isTitleWordIn(l, w):
		return "title"
	case l.function[w]:
		return "func"
	case l.orgSuf[w]:
		return "orgsuf"
	case l.facSuf[w]:
		return "facsuf"
	case l.locSuf[w]:
		return "locsuf"
	case l.eventSuf[w]:
		return "eventsuf"
	case connectors[w]:
		return "conn"
	}
	if _, ok := l.given[w]; ok {
		return "given"
	}
	if e, ok := l.names[w]; ok {
		if c, ok := lexClasses[e.label]; ok {
			return c
		}
		return "lex-" + e.label
	}
	if _, ok := l.surname[w]; ok {
		return "surname"
	}
	return ""
}

// classTable is classOf for every word of the hand-written lists that has a class.
func (l *lexicon) classTable() map[string]string {
	t := make(map[string]string, len(l.names)+len(l.given)+len(l.surname)+len(l.titles)+256)
	add := func(w string) {
		if _, ok := t[w]; !ok {
			if c := l.classOf(w); c != "" {
				t[w] = c
			}
		}
	}
	for _, set := range []map[string]bool{l.function, l.orgSuf, l.facSuf, l.locSuf, l.eventSuf, connectors} {
		for w := range set {
			add(w)
		}
	}
	for w := range l.titles {
		add(w)
	}
	for w := range l.given {
		add(w)
	}
	for w := range l.names {
		add(w)
	}
	for w := range l.surname {
		add(w)
	}
	return t
}

func isTitleWordIn(l *lexicon, w string) bool {
	_, ok := l.titles[w]
	return ok
}

func isTitleWord(w string) bool { return isTitleWordIn(lex(), w) }

// sequence builds the tagger's view of one block. mentions are the rules' mentions of the whole
// document (sorted by start); docRule maps a capitalised word to the label the rules give it.
// The sequence is built in buf when it is large enough (the caller's buffer, reused block after
// block).
func sequence(buf []seqToken, toks []textutil.Token, upos []doc.UPOS, mentions []Mention, lower map[string]bool, docRule map[string]string) []seqToken {
	seq := buf[:0]
	if cap(seq) < len(toks) {
		seq = make([]seqToken, len(toks), max(len(toks), 2*cap(buf)))
	}
	seq = seq[:len(toks)]
	caps := blockAllCaps(toks)
	mi := 0
	for i, t := range toks {
		st := seqToken{tok: t, rule: "O", caps: caps, docLower: lower,
			initial: sentenceInitial(toks, i), docRule: docRule[t.Text]}
		if i < len(upos) {
			st.upos = upos[i]
		}
		for mi < len(mentions) && mentions[mi].End <= t.Start {
			mi++
		}
		if mi < len(mentions) && mentions[mi].Start <= t.Start && t.End <= mentions[mi].End {
			m := mentions[mi]
			pos := 1 // I-
			if m.Start == t.Start {
				pos = 0 // B-
			}
			if coarse(m.Label) == "" {
				pos = 2 // N-
			}
			st.rule = ruleTag(pos, m.Label)
			st.why = m.why
		}
		seq[i] = st
	}
	return seq
}

// ruleTags are "B-", "I-" and "N-" before each label the rules give, written once.
var ruleTags = map[string]*[3]string{}

func init() {
	for _, l := range []string{"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
		"LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"} {
		ruleTags[l] = &[3]string{"B-" + l, "I-" + l, "N-" + l}
	}
}

// ruleTag is "B-", "I-" or "N-" (pos 0, 1, 2) before label.
func ruleTag(pos int, label string) string {
	if t := ruleTags[label]; t != nil {
		return t[pos]
	}
	return [3]string{"B-", "I-", "N-"}[pos] + label
}

// docRules maps each capitalised single word of a rule mention to the label the rules give it
// most often in the document, so a word the rules only recognise once informs every occurrence.
func docRules(text string, mentions []Mention) map[string]string {
	votes := map[string]*coarseVotes{}
	for _, m := range mentions {
		c := coarse(m.Label)
		if c == "" {
			continue
		}
		for _, t := range textutil.Tokenize(text[m.Start:m.End]) {
			if !t.IsCap() {
				continue
			}
			v := votes[t.Text]
			if v == nil {
				v = new(coarseVotes)
				votes[t.Text] = v
			}
			v.add(c)
		}
	}
	out := make(map[string]string, len(votes))
	for w, v := range votes {
		out[w] = v.best()
	}
	return out
}

// decoder keeps decode's buffers from block to block; the tags it returns are good until its
// next call.
type decoder struct {
	tags  []int
	feats []uint64
	sc    [nTags]float32
}

func (d *decoder) decode(seq []seqToken, m linear.Scorer) []int {
	if cap(d.tags) < len(seq) {
		d.tags = make([]int, len(seq), max(len(seq), 2*cap(d.tags)))
	}
	tags := d.tags[:len(seq)]
	if d.feats == nil {
		d.feats = make([]uint64, 0, 64)
	}
	for i := range seq {
		p1, p2 := prevTags(tags, i)
		if p1 == tagO && !mayStartName(&seq[i]) {
			tags[i] = tagO // a name does not start with a lower-case word or a symbol: skip scoring
			continue
		}
		tags[i], d.feats = bestTag(seq, i, p1, p2, d.feats, &d.sc, m)
	}
	return tags
}

// prevTags are the two tags before token i (O before the block starts).
func prevTags(tags []int, i int) (int, int) {
	p1, p2 := tagO, tagO
	if i > 0 {
		p1 = tags[i-1]
	}
	if i > 1 {
		p2 = tags[i-2]
	}
	return p1, p2
}

// bestTag scores token i after the tags p1 and p2 and returns the best tag allowed after p1, with
// the token's features in feats (reused) for a training update.
func bestTag(seq []seqToken, i, p1, p2 int, feats []uint64, sc *[nTags]float32, m linear.Scorer) (int, []uint64) {
	feats = features(feats[:0], seq, i, p1, p2)
	*sc = [nTags]float32{}
	m.Add(feats, sc[:])
	best := tagO
	for t := 1; t < nTags; t++ {
		if allowed(p1, t) && sc[t] > sc[best] {
			best = t
		}
	}
	return best, feats
}

// mayStartName: only a word with a capital or a digit in it, or one the rules put in a name, can
// open one ("eBay", "3M", "de Gaulle" under a rule).
func mayStartName(t *seqToken) bool {
	if t.rule != "O" && t.rule != "" {
		return true
	}
	for _, c := range t.tok.Text {
		if unicode.IsUpper(c) || unicode.IsDigit(c) {
			return true
		}
	}
	return false
}

// allowed: an I- tag only continues a B- or I- tag of its own class.
func allowed(prev, t int) bool {
	if !isInside(t) {
		return true
	}
	return prev == t || prev == t-1
}

// spansOf turns BIO tags into token ranges [s, e) with their class.
func spansOf(tags []int) [][3]int {
	var out [][3]int
	for i := 0; i < len(tags); {
		t := tags[i]
		if t == tagO || isInside(t) {
			i++
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == t+1 {
			j++
		}
		out = append(out, [3]int{i, j, t})
		i = j
	}
	return out
}
