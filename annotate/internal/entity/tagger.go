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

// featureFunc receives each feature's hash.
type featureFunc func(h uint32)

const fnvOffset, fnvPrime = 2166136261, 16777619

func hashStr(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

// feat hashes a feature kind and its parts, separated so "ab"+"c" differs from "a"+"bc".
func feat(kind string, parts ...string) uint32 {
	h := hashStr(fnvOffset, kind)
	for _, p := range parts {
		h ^= 0xff
		h *= fnvPrime
		h = hashStr(h, p)
	}
	return h
}

var tagNames = [nTags]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

// features emits the features of token i given the two previous tags.
func features(seq []seqToken, i int, prev1, prev2 int, out featureFunc) {
	t := seq[i].fill()
	at := func(k int) *seqToken {
		if k < 0 || k >= len(seq) {
			return nil
		}
		return seq[k].fill()
	}
	word := func(k int) string {
		if s := at(k); s != nil {
			return s.lower
		}
		if k < 0 {
			return "<s>"
		}
		return "</s>"
	}
	shape := func(k int) string {
		if s := at(k); s != nil {
			return s.shape
		}
		return "-"
	}
	rule := func(k int) string {
		if s := at(k); s != nil {
			return s.rule
		}
		return "-"
	}
	gaz := func(k int) string {
		if s := at(k); s != nil {
			return s.gaz
		}
		return "-"
	}
	p1, p2 := tagNames[prev1], tagNames[prev2]
	emit := func(kind string, parts ...string) {
		out(feat(kind, parts...))
	}
	emit("bias")
	emit("w", t.lower)
	emit("sh", t.shape)
	emit("p3", prefix(t.lower, 3))
	emit("s3", suffix(t.lower, 3))
	emit("s4", suffix(t.lower, 4))
	emit("w-1", word(i-1))
	emit("w+1", word(i+1))
	emit("w-2", word(i-2))
	emit("w+2", word(i+2))
	emit("w-1w", word(i-1), t.lower)
	emit("ww+1", t.lower, word(i+1))
	emit("sh-1", shape(i-1), t.shape)
	emit("sh+1", t.shape, shape(i+1))
	emit("w-1sh", word(i-1), t.shape)
	emit("sh w+1", t.shape, word(i+1))
	emit("r", t.rule)
	emit("r-1", rule(i-1), t.rule)
	emit("r+1", t.rule, rule(i+1))
	emit("rsh", t.rule, t.shape)
	emit("rwhy", t.rule, t.why)
	emit("g", t.gaz)
	emit("g-1", gaz(i-1))
	emit("g+1", gaz(i+1))
	emit("g-1g", gaz(i-1), t.gaz, gaz(i+1))
	emit("init", boolStr(t.initial), t.shape)
	emit("low", boolStr(t.lowerTo), t.shape)
	emit("docr", t.docRule)
	emit("caps", boolStr(t.caps), t.rule)
	emit("t-1", p1)
	emit("t-2", p2, p1)
	emit("t-1sh", p1, t.shape)
	emit("t-1w", p1, t.lower)
	emit("t-1r", p1, t.rule)
	emit("t-1g", p1, t.gaz)
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

// gazClass names what the hand-written lists say about one word.
func gazClass(w string) string {
	lx := lex()
	switch {
	case lx.titles[w] != 0 || isTitleWord(w):
		return "title"
	case lx.function[w]:
		return "func"
	case lx.orgSuf[w]:
		return "orgsuf"
	case lx.facSuf[w]:
		return "facsuf"
	case lx.locSuf[w]:
		return "locsuf"
	case lx.eventSuf[w]:
		return "eventsuf"
	case connectors[w]:
		return "conn"
	case isStrongGiven(w):
		return "given"
	}
	if e, ok := lx.names[w]; ok {
		if c, ok := lexClasses[e.label]; ok {
			return c
		}
		return "lex-" + e.label
	}
	if _, ok := lx.surname[w]; ok {
		return "surname"
	}
	if _, ok := weakGiven(w); ok {
		return "weakgiven"
	}
	return ""
}

func isTitleWord(w string) bool {
	_, ok := lex().titles[w]
	return ok
}

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
	feats = feats[:0]
	features(seq, i, p1, p2, func(h uint32) { feats = append(feats, h) })
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
