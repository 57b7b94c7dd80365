package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	rule    string // the rules' decision: "B-ORG", "I-GPE", "N-DATE" (non-name labels), "O"
	why     string // which rule decided
	initial bool   // first word of a sentence
	docRule string // the label the rules give this capitalised word elsewhere in the document
	caps    bool   // the block is written in capitals

	docLower map[string]bool // the words the document writes in lower case

	filled  bool
	lower   string
	shape   string
	gaz     string // gazetteer class of the word
	lowerTo bool   // the document also writes this word in lower case
}

// fill computes the fields that depend on the word alone, once.
func (s *seqToken) fill() *seqToken {
	if !s.filled {
		s.filled = true
		s.lower = strings.ToLower(s.tok.Text)
		s.shape = wordShape(s.tok.Text)
		s.gaz = gazClass(s.tok.Text)
		s.lowerTo = s.tok.IsCap() && s.docLower[s.lower]
	}
	return s
}

const fnvOffset, fnvPrime = 2166136261, 16777619

func hashStr(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

// A feature's hash is FNV-1a over its kind's name, then each part after a 0xff byte, so "ab"+"c"
// differs from "a"+"bc" (TestFeatureHash spells it out; the model was trained with it).
func hashPart(h uint32, p string) uint32 {
	h ^= 0xff
	h *= fnvPrime
	return hashStr(h, p)
}

// The feature kinds, in the order features emits them.
const (
	kBias = iota
	kW
	kSh
	kP3
	kS3
	kS4
	kWm1
	kWp1
	kWm2
	kWp2
	kWm1W
	kWWp1
	kShm1
	kShp1
	kWm1Sh
	kShWp1
	kR
	kRm1
	kRp1
	kRSh
	kRWhy
	kG
	kGm1
	kGp1
	kGm1G
	kInit
	kLow
	kDocr
	kCaps
	kTm1
	kTm2
	kTm1Sh
	kTm1W
	kTm1R
	kTm1G
	nKinds
)

var kindNames = [nKinds]string{"bias", "w", "sh", "p3", "s3", "s4", "w-1", "w+1", "w-2", "w+2", "w-1w", "ww+1",
	"sh-1", "sh+1", "w-1sh", "sh w+1", "r", "r-1", "r+1", "rsh", "rwhy", "g", "g-1", "g+1", "g-1g", "init", "low",
	"docr", "caps", "t-1", "t-2", "t-1sh", "t-1w", "t-1r", "t-1g"}

// kindHashes are the FNV states after each kind's name.
var kindHashes = func() (h [nKinds]uint32) {
	for k, name := range kindNames {
		h[k] = hashStr(fnvOffset, name)
	}
	return h
}()

// featureHash is the hash of feature kind k with its parts, from the kind's hash computed once.
func featureHash(k int, parts ...string) uint32 {
	h := kindHashes[k]
	for _, p := range parts {
		h = hashPart(h, p)
	}
	return h
}

var tagNames = [nTags]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

// context is what features reads of a token next to the current one: its lower-cased word,
// shape, rule decision and gazetteer class, or what stands for them beyond the block's ends.
type context struct{ word, shape, rule, gaz string }

func contextAt(seq []seqToken, k int) context {
	if k < 0 {
		return context{"<s>", "-", "-", "-"}
	}
	if k >= len(seq) {
		return context{"</s>", "-", "-", "-"}
	}
	t := seq[k].fill()
	return context{t.lower, t.shape, t.rule, t.gaz}
}

// features appends the hashes of token i's features, given the two previous tags, to dst.
func features(dst []uint32, seq []seqToken, i int, prev1, prev2 int) []uint32 {
	t := seq[i].fill()
	m2, m1, p1, p2 := contextAt(seq, i-2), contextAt(seq, i-1), contextAt(seq, i+1), contextAt(seq, i+2)
	t1, t2 := tagNames[prev1], tagNames[prev2]
	return append(dst,
		kindHashes[kBias],
		featureHash(kW, t.lower),
		featureHash(kSh, t.shape),
		featureHash(kP3, prefix(t.lower, 3)),
		featureHash(kS3, suffix(t.lower, 3)),
		featureHash(kS4, suffix(t.lower, 4)),
		featureHash(kWm1, m1.word),
		featureHash(kWp1, p1.word),
		featureHash(kWm2, m2.word),
		featureHash(kWp2, p2.word),
		featureHash(kWm1W, m1.word, t.lower),
		featureHash(kWWp1, t.lower, p1.word),
		featureHash(kShm1, m1.shape, t.shape),
		featureHash(kShp1, t.shape, p1.shape),
		featureHash(kWm1Sh, m1.word, t.shape),
		featureHash(kShWp1, t.shape, p1.word),
		featureHash(kR, t.rule),
		featureHash(kRm1, m1.rule, t.rule),
		featureHash(kRp1, t.rule, p1.rule),
		featureHash(kRSh, t.rule, t.shape),
		featureHash(kRWhy, t.rule, t.why),
		featureHash(kG, t.gaz),
		featureHash(kGm1, m1.gaz),
		featureHash(kGp1, p1.gaz),
		featureHash(kGm1G, m1.gaz, t.gaz, p1.gaz),
		featureHash(kInit, boolStr(t.initial), t.shape),
		featureHash(kLow, boolStr(t.lowerTo), t.shape),
		featureHash(kDocr, t.docRule),
		featureHash(kCaps, boolStr(t.caps), t.rule),
		featureHash(kTm1, t1),
		featureHash(kTm2, t2, t1),
		featureHash(kTm1Sh, t1, t.shape),
		featureHash(kTm1W, t1, t.lower),
		featureHash(kTm1R, t1, t.rule),
		featureHash(kTm1G, t1, t.gaz),
	)
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
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
func sequence(buf []seqToken, toks []textutil.Token, mentions []Mention, lower map[string]bool, docRule map[string]string) []seqToken {
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

// decode tags a sequence greedily with the given scorer, never starting an I- tag that does not
// continue the same class.
func decode(seq []seqToken, score func(feats []uint32, out *[nTags]float32)) []int {
	var d decoder
	return d.decode(seq, score)
}

// decoder keeps decode's buffers from block to block; the tags it returns are good until its
// next call.
type decoder struct {
	tags  []int
	feats []uint32
	sc    [nTags]float32
}

func (d *decoder) decode(seq []seqToken, score func(feats []uint32, out *[nTags]float32)) []int {
	if cap(d.tags) < len(seq) {
		d.tags = make([]int, len(seq), max(len(seq), 2*cap(d.tags)))
	}
	tags := d.tags[:len(seq)]
	if d.feats == nil {
		d.feats = make([]uint32, 0, 48)
	}
	for i := range seq {
		p1, p2 := prevTags(tags, i)
		if p1 == tagO && !mayStartName(&seq[i]) {
			tags[i] = tagO // a name does not start with a lower-case word or a symbol: skip scoring
			continue
		}
		tags[i], d.feats = bestTag(seq, i, p1, p2, d.feats, &d.sc, score)
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
func bestTag(seq []seqToken, i, p1, p2 int, feats []uint32, sc *[nTags]float32, score func([]uint32, *[nTags]float32)) (int, []uint32) {
	feats = features(feats[:0], seq, i, p1, p2)
	score(feats, sc)
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
