package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/entity"
	"github.com/attest-news/attest/annotate/internal/textutil"
	"github.com/attest-news/attest/annotate/internal/vocab"
)

// Quote is an attributed quotation: Text[Start:End] are the quoted words.
type Quote struct {
	Start, End   int
	Speaker      string // canonical name, "" when unattributed
	SpeakerStart int    // the mention the attribution hangs on, -1 when none
	SpeakerEnd   int
	Cue          string
	Kind         string // full, partial or nested
	Rule         string // how the speaker was found: a strategy ID (see Strategies), "none"
	term         bool   // a naming verb governs it and no one is said to say it
	signature    bool   // the line signing the quote above it, carried inside its marks
}

// isCue reports a verb form that introduces quoted words (vocab.Introduces) or "according"
// (to). A capitalised form is a name, not a verb ("told The Huffington Post"), but for
// "According".
// cueAt reports a reporting verb at toks[k], alone ("said") or with its particle ("fired back").
func cueAt(toks []textutil.Token, k int) bool {
	return isCue(toks[k].Text) || k+1 < len(toks) && vocab.Retort(toks[k].Text, toks[k+1].Text)
}

func isCue(form string) bool {
	w := strings.ToLower(form)
	if w == "according" {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(form); unicode.IsUpper(r) {
		return false
	}
	return vocab.Introduces(w)
}

// roleOf says how a description headed by noun resolves to a speaker (vocab.Role): "org" → the
// organisation in play, "person" → the person in play, "place" → the place in play, "self" → the
// description is the speaker ("one poster"); "" for a noun that names no role.
func roleOf(noun string) string {
	switch vocab.Role(noun) {
	case vocab.Body:
		return "org"
	case vocab.Person:
		return "person"
	case vocab.Place:
		return "place"
	case vocab.Self:
		return "self"
	}
	return ""
}

var pronounGender = map[string]byte{"he": 'm', "she": 'f', "him": 'm', "her": 'f'}

type analyzer struct {
	d        *doc.Doc
	tree     *tree
	off      map[string]bool // switched-off strategies
	ents     []entity.Mention
	gender   map[string]byte
	spans    []span
	quotes   []Quote
	lastRole map[string]string // role noun → speaker it was last resolved to
	appos    []apposition

	top       []int // indexes of the top-level quotes, by start (built on first use)
	topMaxEnd []int // the largest end among top[:k+1]
}

// apposition ties a role noun to a name: "The Heritage Foundation, a top conservative group,".
type apposition struct {
	pos     int
	noun    string
	speaker string
}

var appositive = textutil.Lazy(`^,?\s+(?:a|an|the|its|his|her)\s+([^,.;“”"()]{0,60}?)\b([A-Za-z]+)\s*[,.;)]`)
var issued = textutil.Lazy(`^\s+(?:released|published|issued|put out|sent|filed)\s+(?:a|an|its|the)\s+(?:\w+\s+){0,2}?(report|statement|letter|study|paper|analysis)\b`)

// findAppositions reads "X, a NOUN," and "X released a report" for every person and organisation.
func findAppositions(text string, ents []entity.Mention) []apposition {
	var out []apposition
	for _, e := range ents {
		if e.Label != "PERSON" && e.Label != "ORG" {
			continue
		}
		rest := text[e.End:min(len(text), e.End+120)]
		if m := appositive.FindStringSubmatch(rest); m != nil {
			if roleOf(m[2]) != "" {
				out = append(out, apposition{e.Start, strings.ToLower(m[2]), e.Canonical})
			}
		}
		if m := issued.FindStringSubmatch(rest); m != nil {
			out = append(out, apposition{e.Start, m[1], e.Canonical})
		}
	}
	return out
}

// Find detects and attributes every quotation in the document.
func Find(d *doc.Doc, ents []entity.Mention) []Quote { return FindWith(d, ents, nil) }

// FindWith is Find with some strategies switched off (by ID, for the ablation report).
func FindWith(d *doc.Doc, ents []entity.Mention, off map[string]bool) []Quote {
	a := &analyzer{d: d, ents: ents, gender: map[string]byte{}, lastRole: map[string]string{}, off: off}
	if len(d.Tokens) > 0 {
		a.tree = newTree(d)
	}
	for _, e := range ents {
		if e.Gender != 0 {
			a.gender[e.Canonical] = e.Gender
		}
	}
	a.appos = findAppositions(d.Text, ents)
	a.spans = findSpans(d)
	a.quotes = make([]Quote, len(a.spans))
	// top-level quotes first (nested ones need their parent's speaker), then nested ones
	for pass := 0; pass < 2; pass++ {
		for i, s := range a.spans {
			if (s.parent >= 0) == (pass == 0) {
				continue
			}
			a.quotes[i] = a.attribute(i)
		}
	}
	out := make([]Quote, 0, len(a.quotes))
	for _, q := range a.quotes {
		// a scare-quoted word inside a quotation ("produces these 'events'") is part of it, not a
		// quotation of its own; a nested quote with a speaker ("‘How can we help?’") is one
		if q.Kind == "nested" && q.Speaker == "" && (textutil.WordCount(d.Text[q.Start:q.End]) <= 3 || a.on("quote/drop-terms")) {
			continue
		}
		// a quote inside a quote is someone's words the speaker reports: a person's ("He told me,
		// ‘…’"), not a thing's ("marched down the street saying ‘Death to …’" is no street's)
		if q.Kind == "nested" && q.Speaker != "" && a.on("quote/nested-person") && !a.personMention(q) {
			continue
		}
		if q.Speaker == "" && a.on("quote/drop-terms") && (q.term || looksLikeTerm(d.Text[q.Start:q.End])) {
			continue // a title, a name, a slogan or a scare-quoted term: nobody is said to say it
		}
		if a.on("quote/drop-titles") && namedTitle(d.Text, q) {
			continue // a show's or a book's title, whoever spoke on it: "said on CNN’s “New Day.”"
		}
		if q.signature {
			continue
		}
		if q.Rule == "" {
			q.Rule = "none"
		}
		out = append(out, q)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// attribute finds the speaker of quote i.
// attribute finds the speaker of quote i.
func (a *analyzer) attribute(i int) Quote {
	s := a.spans[i]
	q := Quote{Start: s.start, End: s.end, SpeakerStart: -1, SpeakerEnd: -1, Kind: a.kind(s)}
	b := a.d.Blocks[s.block]
	lo, hi := b.Start, b.End
	if s.parent >= 0 {
		p := a.spans[s.parent]
		lo, hi = p.start, p.end
	}
	after := a.after(s, hi)
	before := a.before(s, lo)
	sentence := a.sentence(lo, s.open, s)
	if s.parent < 0 && a.on("quote/signature") {
		// a line under the quote signs it: "“…” ¶ -Michelle Marks, Philadelphia."
		if _, ok := a.signature(s.block, true); ok && s.continued && s.close >= 0 {
			q.signature = true
			return q
		}
		if m, ok := a.signedBy(i); ok {
			return a.resolve(q, m, "", "signature")
		}
	}
	if m, cue, rule, term := a.fromTree(s); m.ok {
		return a.resolve(q, m, cue, rule)
	} else if term {
		q.term = true // dropped unless another strategy finds someone saying it
	}
	if m, cue, ok := a.cueAfter(after, s); ok && a.on("quote/surface-after") {
		return a.resolve(q, m, cue, "surface-after")
	}
	if m, cue, ok := a.cueBefore(before, sentence, s); ok && a.on("quote/surface-before") {
		return a.resolve(q, m, cue, "surface-before")
	}
	if len(before) > 0 && before[len(before)-1].Text == ":" {
		// the sentence's cue, across an earlier quote in it: "Solomon told Sky News any process
		// “must be well thought out”: “…”"
		if len(before) < len(sentence) && a.on("quote/colon-intro") {
			if m, cue, ok := a.cueBefore(sentence, sentence, s); ok {
				return a.resolve(q, m, cue, "colon-intro")
			}
		}
		// "Sheinbaum was unequivocal in her stance (per Reuters): “…”"
		if m, ok := a.firstSpeakerNP(sentence, s); ok && a.on("quote/colon-intro") {
			return a.resolve(q, m, ":", "colon-intro")
		}
	}
	// an introduction ending the paragraph before: "Rathbun stated," / "Obama tweeted:" / "he was
	// quoted by The Canadian Press on …;"
	if s.parent < 0 && s.open == b.Start && s.block > 0 && !s.continued && a.on("quote/intro-paragraph") {
		pb := a.d.Blocks[s.block-1]
		prev := strings.TrimSpace(a.d.Text[pb.Start:pb.End])
		if strings.HasSuffix(prev, ":") || strings.HasSuffix(prev, ",") || strings.HasSuffix(prev, ";") {
			intro := a.sentence(pb.Start, pb.End, s)
			if m, cue, ok := a.cueBefore(intro, intro, s); ok {
				return a.resolve(q, m, cue, "intro-paragraph")
			}
			if m, ok := a.firstSpeakerNP(intro, s); ok && strings.HasSuffix(prev, ":") {
				return a.resolve(q, m, ":", "intro-paragraph")
			}
		}
	}
	// a continued paragraph or a bare quote after an attributed one keeps its speaker
	if prev := a.previousSpoken(i); prev >= 0 && s.parent < 0 {
		ps := a.spans[prev]
		sameBlock := ps.block == s.block
		// a quote left open at its paragraph's end goes on in the next paragraph that opens with a
		// mark, even past a caption between them
		nextBlock := s.open == b.Start && (ps.block == s.block-1 || ps.close < 0 && ps.block == s.block-2)
		if q.Kind == "full" && (s.continued || sameBlock || nextBlock) && a.quotes[prev].Speaker != "" && a.on("quote/continued") {
			q = a.quotes[prev].passedTo(q, "continued")
		}
		// a phrase quoted in the sentence right after an attributed quote, with nobody else between
		// them: "“…,” Trump said. Instead, “he just acts like a defeated man.”"
		if q.Speaker == "" && q.Kind == "partial" && sameBlock && !q.term && !looksLikeTerm(a.d.Text[q.Start:q.End]) &&
			a.quotes[prev].Speaker != "" && a.nextSentence(ps, s, a.quotes[prev]) && a.on("quote/next-sentence") {
			return a.quotes[prev].passedTo(q, "next-sentence")
		}
	}
	// a quote that is a sentence of its own, ending its paragraph, after a sentence about someone:
	// "Viguerie is upbeat about Cruz’s chances … ¶ “Not only can Ted Cruz win …”", "Why did she
	// want to go? “It's Warhol.”" is the subject's
	ownSentence := (len(before) == 0 || isStop(before[len(before)-1].Text)) && len(after) == 0
	if q.Speaker == "" && s.parent < 0 && !q.term && !looksLikeTerm(a.d.Text[q.Start:q.End]) && ownSentence &&
		(s.open > b.Start || s.block > 0) && a.bare(s) && a.on("quote/previous-subject") {
		if m, ok := a.previousSubject(s); ok {
			return a.resolve(q, m, "", "previous-subject")
		}
	}
	// no cue links anyone: the one person the quote's sentence names, outside quotes ("Viguerie,
	// in an interview: …"), is the likeliest speaker; two or more, and nobody is
	if q.Speaker == "" && s.parent < 0 && !q.term && !looksLikeTerm(a.d.Text[q.Start:q.End]) && a.on("quote/lone-person") {
		region := append(append([]textutil.Token(nil), sentence...), firstSentence(after)...)
		var only *entity.Mention
		for _, t := range region {
			if e := a.entityAt(t.Start); e != nil && e.Label == "PERSON" {
				if only != nil && e.Canonical != only.Canonical {
					return q
				}
				only = e
			}
		}
		if only != nil {
			return a.resolve(q, a.fromEntity(only), "", "lone-person")
		}
	}
	return q
}

// passedTo gives q this quote's speaker, mention and cue, found by rule.
func (pq Quote) passedTo(q Quote, rule string) Quote {
	q.Speaker, q.SpeakerStart, q.SpeakerEnd, q.Cue, q.Rule = pq.Speaker, pq.SpeakerStart, pq.SpeakerEnd, pq.Cue, rule
	return q
}

// signedBy finds the line that signs quote i: the paragraph after the one where it (or the
// paragraphs it runs on into) ends, or the last of those paragraphs, carried inside the marks.
func (a *analyzer) signedBy(i int) (np, bool) {
	k := i
	for k+1 < len(a.spans) && a.spans[k+1].continued && a.spans[k+1].parent < 0 && a.spans[k+1].block == a.spans[k].block+1 {
		k++
		if a.spans[k].close >= 0 {
			if m, ok := a.signature(a.spans[k].block, true); ok {
				return m, true
			}
		}
	}
	s := a.spans[k]
	if s.block+1 >= len(a.d.Blocks) {
		return np{}, false
	}
	if s.close >= 0 {
		rest := a.d.Text[s.close:a.d.Blocks[s.block].End]
		if strings.TrimFunc(rest, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }) != "" {
			return np{}, false // the writer's words follow the quote in its paragraph
		}
	}
	return a.signature(s.block+1, false)
}

// signature reads paragraph bi as a line signing a quote: at most twelve words, opening with a
// person's name (after titles or a role) that ends at a comma or the line's end. Carried inside
// the quote's marks, what follows the comma is a description, with no verb ("Dean Baker, Center
// for Economic and Policy Research.", "Former NAACP president Ben Jealous."); after the quote,
// the line opens with a dash ("-President Obama, tweeting after Clinton's speech.").
func (a *analyzer) signature(bi int, carried bool) (np, bool) {
	b := a.d.Blocks[bi]
	if textutil.WordCount(a.d.Text[b.Start:b.End]) > 12 {
		return np{}, false // most paragraphs: no need to read them word by word
	}
	toks := a.tokens(b.Start, b.End, span{parent: 0})
	dashed := false
	for len(toks) > 0 && !toks[0].IsWord() {
		dashed = dashed || strings.ContainsAny(toks[0].Text, "-–—")
		toks = toks[1:]
	}
	if !dashed && !carried {
		return np{}, false
	}
	var who *entity.Mention
	k := 0
	for ; k < len(toks) && toks[k].Text != "," && !isStop(toks[k].Text); k++ {
		t := toks[k]
		switch e := a.entityAt(t.Start); {
		case who != nil && t.Start < who.End:
		case who == nil && e != nil && e.Label == "PERSON" && e.Start >= t.Start:
			who = e
		case who != nil || !t.IsWord() || !t.IsCap() && vocab.Role(strings.ToLower(t.Text)) == 0:
			return np{}, false // words after the name, or before it that are no title
		}
	}
	if who == nil {
		return np{}, false
	}
	if !dashed && a.tree != nil {
		for _, t := range toks[k:] {
			if i := a.tree.at(t.Start); i < len(a.tree.toks) && a.tree.toks[i].Start <= t.Start && (a.tree.toks[i].UPOS == doc.VERB || a.tree.toks[i].UPOS == doc.AUX) {
				return np{}, false // a sentence about the person, not a signature
			}
		}
	}
	return a.fromEntity(who), true
}

// nextSentence reports quote s in the sentence after the one holding quote p: one full stop
// between them and no one named there but p's speaker.
func (a *analyzer) nextSentence(p, s span, pq Quote) bool {
	if p.close < 0 || p.close >= s.open {
		return false
	}
	stops := 0
	for _, t := range a.tokens(p.close+1, s.open, s) {
		if isStop(t.Text) {
			stops++
		}
		if e := a.entityAt(t.Start); e != nil && e.Label == "PERSON" && e.Canonical != pq.Speaker &&
			(t.Start < pq.SpeakerStart || t.Start >= pq.SpeakerEnd) {
			return false
		}
	}
	return stops == 1
}

// personMention reports a speaker mention that is a personal pronoun or holds a person the
// entity stage found.
func (a *analyzer) personMention(q Quote) bool {
	if q.SpeakerStart < 0 {
		return false
	}
	if w := strings.ToLower(a.d.Text[q.SpeakerStart:q.SpeakerEnd]); speakerPronouns[w] && w != "it" {
		return true
	}
	for k := range a.ents {
		e := &a.ents[k]
		if e.Label == "PERSON" && e.Start < q.SpeakerEnd && q.SpeakerStart < e.End {
			return true
		}
	}
	return false
}

// bare reports a quote that is its paragraph's only words.
func (a *analyzer) bare(s span) bool {
	if s.close < 0 {
		return true
	}
	_, size := utf8.DecodeRuneInString(a.d.Text[s.close:])
	rest := a.d.Text[s.close+size : a.d.Blocks[s.block].End]
	return strings.TrimFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) == ""
}

// previousSubject is the subject of the sentence before quote s (in its paragraph, or the last of
// the paragraph before), where it is a person or an organisation the entity stage found, or a
// pronoun standing for one.
func (a *analyzer) previousSubject(s span) (np, bool) {
	t := a.tree
	if t == nil {
		return np{}, false
	}
	pb := a.d.Blocks[s.block]
	end := s.open // the sentence before the quote in its paragraph, or the paragraph before's last
	if s.open == pb.Start {
		pb = a.d.Blocks[s.block-1]
		end = pb.End
	}
	last := t.at(end) - 1
	for last >= 0 && t.toks[last].Start >= end {
		last--
	}
	if last < 0 || t.toks[last].Start < pb.Start {
		return np{}, false
	}
	sent := t.sentence(last)
	root := -1
	for x := sent.Start; x < sent.End; x++ {
		if t.toks[x].Head < 0 {
			root = x
			break
		}
	}
	if root < 0 || t.toks[root].Start < pb.Start {
		return np{}, false
	}
	subj := t.subjectOf(root)
	if subj < 0 && root == sent.Start {
		subj = root // the parser made the subject the root: "Clinton, clearly frustrated, responded …"
	}
	if subj < 0 || t.toks[subj].Start < pb.Start {
		return np{}, false
	}
	w := strings.ToLower(t.form(subj))
	if !speakerPronouns[w] || w == "it" || w == "you" {
		if e := a.entityAt(t.toks[subj].Start); e == nil || e.Label != "PERSON" && e.Label != "ORG" {
			return np{}, false
		}
	}
	return a.speakerAt(subj, s)
}

// firstSentence is toks up to and with the first sentence stop.
func firstSentence(toks []textutil.Token) []textutil.Token {
	for k, t := range toks {
		if isStop(t.Text) {
			return toks[:k+1]
		}
	}
	return toks
}

func (a *analyzer) previousTopLevel(i int) int {
	for k := i - 1; k >= 0; k-- {
		if a.spans[k].parent < 0 {
			return k
		}
	}
	return -1
}

// previousSpoken is the top-level quote before quote i, past titles and terms nobody says
// (“…,” said Cuban, a host on “Shark Tank.” “…”).
func (a *analyzer) previousSpoken(i int) int {
	for k := a.previousTopLevel(i); k >= 0; k = a.previousTopLevel(k) {
		q := a.quotes[k]
		if q.Speaker != "" || !q.term && !looksLikeTerm(a.d.Text[q.Start:q.End]) {
			return k
		}
	}
	return -1
}

// kind: nested inside another quote, partial when worked into the writer's sentence, else full.
func (a *analyzer) kind(s span) string {
	if s.parent >= 0 {
		return "nested"
	}
	b := a.d.Blocks[s.block]
	before := strings.TrimRightFunc(a.d.Text[b.Start:s.open], unicode.IsSpace)
	first, _ := utf8.DecodeRuneInString(a.d.Text[s.start:])
	if before == "" {
		return "full"
	}
	prev, _ := utf8.DecodeLastRuneInString(before)
	switch {
	case unicode.IsLetter(prev) || unicode.IsDigit(prev):
		return "partial"
	case prev == ':':
		return "full"
	case prev == ',' && a.splitContinuation(s):
		return "full" // "“No,” she said, “we will not.”"
	case unicode.IsLower(first):
		return "partial"
	}
	return "full"
}

// splitGap bounds the attribution between the pieces of a split quote, in bytes, long enough
// for an apposition: “…,” said Jane Roe, the campaign's state communications director, “…”
const splitGap = 120

// splitContinuation: the quote follows another in its block with only a short attribution between.
func (a *analyzer) splitContinuation(s span) bool {
	for _, o := range a.spans {
		if o.parent == s.parent && o.block == s.block && o.close >= 0 && o.close < s.open && s.open-o.close < splitGap &&
			!strings.ContainsAny(a.d.Text[o.close+1:s.open], ".!?") {
			return true
		}
	}
	return false
}

// tokens of the document in [from, to), skipping text inside other top-level quotes.
func (a *analyzer) tokens(from, to int, self span) []textutil.Token {
	if to <= from {
		return nil
	}
	toks := textutil.Tokenize(a.d.Text[from:to])
	out := toks[:0]
	for _, t := range toks {
		t.Start += from
		t.End += from
		inside := false
		if self.parent < 0 {
			if o, ok := a.topAround(t.Start, t.End, self.start); ok {
				// words inside another quote are not the attribution's, but the full stop that
				// ends it still ends the sentence: “… not true.” Santorum criticized …, saying
				inside = !(isStop(t.Text) && t.End == o.end)
			}
		}
		if !inside {
			out = append(out, t)
		}
	}
	return out
}

// topAround returns the first top-level quote (in a.spans order) other than the one starting at
// self that holds [s, e). The top-level quotes are indexed by start once, with the running
// maximum of their ends, so a long article does not pay a scan of every quote per word.
func (a *analyzer) topAround(s, e, self int) (span, bool) {
	if a.top == nil {
		a.top = []int{}
		for i, o := range a.spans {
			if o.parent < 0 {
				a.top = append(a.top, i)
			}
		}
		sort.SliceStable(a.top, func(i, j int) bool { return a.spans[a.top[i]].start < a.spans[a.top[j]].start })
		a.topMaxEnd = make([]int, len(a.top))
		for k, i := range a.top {
			a.topMaxEnd[k] = a.spans[i].end
			if k > 0 {
				a.topMaxEnd[k] = max(a.topMaxEnd[k], a.topMaxEnd[k-1])
			}
		}
	}
	hi := sort.Search(len(a.top), func(k int) bool { return a.spans[a.top[k]].start > s })
	best := -1
	for k := hi - 1; k >= 0 && a.topMaxEnd[k] >= e; k-- {
		if o := a.spans[a.top[k]]; e <= o.end && o.start != self && (best < 0 || a.top[k] < best) {
			best = a.top[k]
		}
	}
	if best < 0 {
		return span{}, false
	}
	return a.spans[best], true
}

// after is the attribution text after the quote: up to the next quote or the sentence end.
// after is the attribution text after the quote: up to the next quote or the sentence end.
func (a *analyzer) after(s span, hi int) []textutil.Token {
	from := s.end
	if s.close >= 0 {
		_, size := utf8.DecodeRuneInString(a.d.Text[s.close:])
		from = s.close + size
	}
	to := hi
	for _, o := range a.spans {
		if o.parent == s.parent && o.open >= from && o.open < to {
			to = o.open
		}
	}
	toks := a.tokens(from, to, s)
	for k, t := range toks {
		if isStop(t.Text) {
			return toks[:k] // a full stop right after the mark ends the sentence: “…”. Whitmore stated …
		}
	}
	return toks
}

func isStop(t string) bool { return t == "." || t == "!" || t == "?" }

// before is the text of the quote's sentence before it, after any earlier quote.
func (a *analyzer) before(s span, lo int) []textutil.Token {
	from := lo
	for _, o := range a.spans {
		if o.parent == s.parent && o.close >= 0 && o.close < s.open && o.close >= from {
			from = o.close + 1
		}
	}
	return lastSentence(a.tokens(from, s.open, s))
}

// sentence is the whole sentence in [lo, to) that ends at to, quotes inside it skipped.
func (a *analyzer) sentence(lo, to int, s span) []textutil.Token {
	return lastSentence(a.tokens(lo, to, s))
}

func lastSentence(toks []textutil.Token) []textutil.Token {
	for k := len(toks) - 1; k >= 0; k-- {
		if isStop(toks[k].Text) && k < len(toks)-1 && (toks[k].End < toks[k+1].Start || !toks[k+1].IsWord()) {
			return toks[k+1:] // a stop glued to the next word is inside it: "Secunia.com"
		}
	}
	return toks
}

// np is a speaker mention.
type np struct {
	start, end int // byte offsets of the mention
	speaker    string
	ok         bool
}

// cueAfter reads ", NP cue", ", NP, apposition, cue" and ", cue NP" right after a quote.
func (a *analyzer) cueAfter(toks []textutil.Token, s span) (np, string, bool) {
	last, _ := utf8.DecodeLastRuneInString(a.d.Text[s.start:s.end])
	limit := 20
	switch {
	case len(toks) > 0 && conjunction[strings.ToLower(toks[0].Text)]:
		limit = 0 // "‘…,’ and I answered": a new clause, not this quote's attribution
	case last == '.' && !(startsAttribution(toks) && len(toks) <= 5):
		limit = 0 // after a full stop only a bare "she said." belongs to the quote
	case a.introducesNext(toks):
		limit = 0 // “…” The poster wrote that “…”: the next quote's attribution
	}
	first := 0 // punctuation between the closing mark and the attribution: “…”, said KCNA
	for first < len(toks) && first < 2 && (toks[first].Text == "," || toks[first].Text == ";") {
		first++
	}
	for k := first; k < len(toks) && k < limit; k++ {
		w := strings.ToLower(toks[k].Text)
		if !cueAt(toks, k) || w == "according" {
			continue
		}
		if k > 6 && !hasComma(toks[:k]) {
			break // too far for an attribution without an apposition
		}
		if k > first {
			// the subject must open the fragment: "”, Khaled Al-Maeena, editor …, said"
			if m, ok := a.firstSpeakerNP(toks[first:k], s); ok && opensWith(toks[first:k], m.start) {
				return m, toks[k].Text, true
			}
			// a role before the name: "”, team member Rodaba Noori told the press"
			if k-first <= 6 && !hasComma(toks[first:k]) && !toks[first].IsCap() {
				if m := a.npEndingAt(toks[first:k], s); m.ok && a.isPersonAt(m.start, toks[first:k]) {
					return m, toks[k].Text, true
				}
			}
			// a name the entity stage did not know, alone or before an apposition
			if m := a.bareName(toks[first:k], 0); m.ok {
				next := first
				for next < k && toks[next].End <= m.end {
					next++
				}
				if next == k || toks[next].Text == "," {
					return m, toks[k].Text, true
				}
			}
			break
		}
		// inverted: "said Sheinbaum"
		if m := a.npStartingAt(toks[k+1:], s); m.ok {
			return m, toks[k].Text, true
		}
		break
	}
	if m, cue, ok := a.accordingTo(toks, s); ok {
		return m, cue, true
	}
	return np{}, "", false
}

// opensWith: the mention at pos comes first in toks, after titles at most ("Minister Klara Weiss").
func opensWith(toks []textutil.Token, pos int) bool {
	for _, t := range toks {
		if t.Start >= pos {
			return true
		}
		if !t.IsCap() && !isDeterminer(t.Text) {
			return false
		}
	}
	return false
}

// isPersonAt: the mention at pos is a person the entity stage found, or a run of capitalised
// words the entity stage did not know (a name it missed), not a pronoun or a description.
func (a *analyzer) isPersonAt(pos int, toks []textutil.Token) bool {
	if e := a.entityAt(pos); e != nil {
		return e.Label == "PERSON"
	}
	for _, t := range toks {
		if t.Start == pos {
			return t.IsCap() && isNameWord(t.Text)
		}
	}
	return false
}

func (a *analyzer) anyEntity(toks []textutil.Token) bool {
	for _, t := range toks {
		if a.entityAt(t.Start) != nil {
			return true
		}
	}
	return false
}

// isParticiple: a past participle that opens a reduced relative clause ("seen", "obtained").
func isParticiple(w string) bool {
	w = strings.ToLower(w)
	switch w {
	case "seen", "written", "sent", "given", "shown", "drawn", "taken", "known":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}

// introducesNext: the words after a quote end in "that" or a colon right before another quote
// opens, so they introduce that one.
func (a *analyzer) introducesNext(toks []textutil.Token) bool {
	if len(toks) == 0 {
		return false
	}
	l := toks[len(toks)-1]
	if !strings.EqualFold(l.Text, "that") && l.Text != ":" {
		return false
	}
	rest := strings.TrimLeft(a.d.Text[l.End:], " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return isOpenDouble(r)
}

func hasComma(toks []textutil.Token) bool {
	for _, t := range toks {
		if t.Text == "," {
			return true
		}
	}
	return false
}

// cueBefore reads "NP cue: “…”", "NP, in remarks to …, said “…”" and "NP … and asked, “…”".
func (a *analyzer) cueBefore(toks, sentence []textutil.Token, s span) (np, string, bool) {
	if m, cue, ok := a.accordingTo(toks, s); ok {
		return m, cue, true
	}
	for k := len(toks) - 1; k >= 0; k-- {
		w := strings.ToLower(toks[k].Text)
		if !cueAt(toks, k) || w == "according" {
			continue
		}
		j := k
		for j > 0 && isAdverb(toks[j-1].Text) {
			j--
		}
		if j > 1 && toks[j-1].Text == "," && strings.HasSuffix(w, "ing") && a.on("quote/adding") {
			// a participle after a comma goes on from the clause before: its speaker says it
			// again ("…, Spicer said, adding, “…”"), else the sentence's subject speaks ("One
			// operative tried to downplay the comments, saying they were “…”")
			if m, _, ok := a.cueBefore(toks[:j-1], sentence, s); ok {
				return m, toks[k].Text, true
			}
			if m, ok := a.firstSpeakerNP(sentence[:tokensBefore(sentence, toks[k].Start)], s); ok {
				return m, toks[k].Text, true
			}
		}
		if j > 0 && toks[j-1].Text == "," {
			// a parenthetical between subject and verb: "al-Amr, in remarks to television, said";
			// a person opening a longer apposition outranks the nouns inside it: "Cynthia
			// Thompson, curator at the University of Arkansas, Fayetteville, said"
			var nearest np
			for p := j - 2; p >= 0 && p >= j-24; p-- {
				if toks[p].Text != "," {
					continue
				}
				// a name in apposition right before the verb: "The secretary general of CEI, Nunzio
				// Galantino, has called"
				if p+1 <= j-2 {
					seg := toks[p+1 : j-1]
					if e := a.entityAt(seg[len(seg)-1].Start); e != nil && e.Label == "PERSON" && e.End == seg[len(seg)-1].End && opensWith(seg, e.Start) {
						return a.fromEntity(e), toks[k].Text, true
					}
					if m := a.bareName(seg, 0); m.ok && m.end == seg[len(seg)-1].End && len(seg) > 1 && !a.anyEntity(seg) {
						return m, toks[k].Text, true
					}
				}
				m := a.npEndingAt(toks[:p], s)
				if !m.ok {
					continue
				}
				if !nearest.ok {
					nearest = m
					if p < j-16 {
						break
					}
				}
				if e := a.entityAt(m.start); e != nil && e.Label == "PERSON" && opensWith(toks, m.start) {
					return m, toks[k].Text, true
				}
			}
			if nearest.ok {
				return nearest, toks[k].Text, true
			}
		}
		if j > 0 && toks[j-1].Text != "and" && toks[j-1].Text != "," {
			if m := a.npEndingAt(toks[:j], s); m.ok {
				// the agent of a reduced relative is not the subject: "A leaked letter seen by Sky
				// News says": the letter speaks
				b := 0
				for b < j && toks[b].Start < m.start {
					b++
				}
				if b >= 2 && strings.EqualFold(toks[b-1].Text, "by") && isParticiple(toks[b-2].Text) {
					if d, ok := a.firstSpeakerNP(toks[:b-2], s); ok {
						return d, toks[k].Text, true
					}
				}
				return m, toks[k].Text, true
			}
		}
		// coordinated or participle cue: the sentence's subject speaks, or the subject of the
		// complement clause the cue is in ("Whitmore stated that … Montalvo walked in and told")
		cut := tokensBefore(sentence, toks[k].Start)
		for c := cut - 1; c > 0; c-- {
			if strings.EqualFold(sentence[c].Text, "that") {
				if m, ok := a.firstSpeakerNP(sentence[c+1:cut], s); ok {
					return m, toks[k].Text, true
				}
				break
			}
		}
		if m, ok := a.firstSpeakerNP(sentence[:cut], s); ok {
			return m, toks[k].Text, true
		}
	}
	return np{}, "", false
}

// accordingTo finds "according to NP" and "in the words of NP".
func (a *analyzer) accordingTo(toks []textutil.Token, s span) (np, string, bool) {
	for k := 0; k+1 < len(toks); k++ {
		if strings.EqualFold(toks[k].Text, "according") && toks[k+1].Text == "to" {
			if m := a.npStartingAt(toks[k+2:], s); m.ok {
				return m, "according to", true
			}
		}
		if k+3 < len(toks) && strings.EqualFold(toks[k].Text, "in") && toks[k+1].Text == "the" && toks[k+2].Text == "words" && toks[k+3].Text == "of" {
			if m := a.npStartingAt(toks[k+4:], s); m.ok {
				return m, "in the words of", true
			}
		}
	}
	return np{}, "", false
}

var conjunction = map[string]bool{"and": true, "but": true, "then": true, "so": true, "or": true, "while": true}

// startsAttribution: "she said", "said Kelly", "Kelly wrote", "the group wrote".
func startsAttribution(toks []textutil.Token) bool {
	for k := 0; k < len(toks) && k < 4; k++ {
		if cueAt(toks, k) {
			return true
		}
	}
	return false
}

func isAdverb(w string) bool {
	switch strings.ToLower(w) {
	case "also", "then", "later", "previously", "once", "has", "had", "have", "was", "is", "further", "again", "recently", "publicly", "reportedly", "repeatedly", "would", "will", "simply", "just", "firmly", "flatly":
		return true
	}
	return strings.HasSuffix(w, "ly") && len(w) > 4 && unicode.IsLower([]rune(w)[0])
}

func isDeterminer(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "one", "another", "its", "his", "her", "their":
		return true
	}
	return false
}

// firstSpeakerNP is the clause's subject: its first person, organisation, description or pronoun.
// An organisation followed by a person's name stands for that person ("Civil Defense Authority
// director General Suleiman al-Amr").
func (a *analyzer) firstSpeakerNP(toks []textutil.Token, s span) (np, bool) {
	if a.on("quote/fronted-phrase") {
		toks = pastFrontedPhrase(toks)
	}
	for k := range toks {
		if isDeterminer(toks[k].Text) {
			if m := a.description(toks[k:], s); m.ok {
				return m, true
			}
		}
		if e := a.entityAt(toks[k].Start); e != nil && (e.Label == "PERSON" || e.Label == "ORG") {
			if e.Label == "ORG" {
				for j := k + 1; j < len(toks) && j <= k+8; j++ {
					if p := a.entityAt(toks[j].Start); p != nil && p.Label == "PERSON" && p != e {
						return a.fromEntity(p), true
					}
					if toks[j].Text == "," && j > k+1 {
						break
					}
				}
			}
			return a.fromEntity(e), true
		}
		if m := a.pronoun(toks[k], s); m.ok {
			return m, true
		}
	}
	return np{}, false
}

// tokensBefore counts the tokens of toks that start before byte offset pos.
func tokensBefore(toks []textutil.Token, pos int) int {
	n := 0
	for n < len(toks) && toks[n].Start < pos {
		n++
	}
	return n
}

// pastFrontedPhrase skips a phrase set before the sentence's subject, up to its comma: the names
// in it are not the subject ("Speaking to MSNBC's Morning Joe on Monday, Bush said"; "In an
// interview with CNN, she said").
func pastFrontedPhrase(toks []textutil.Token) []textutil.Token {
	if len(toks) < 3 {
		return toks
	}
	w := strings.ToLower(toks[0].Text)
	if !frontingWords[w] && !(len(w) > 5 && strings.HasSuffix(w, "ing")) {
		return toks
	}
	for k := 1; k < len(toks)-1 && k < 20; k++ {
		if toks[k].Text == "," {
			return toks[k+1:]
		}
	}
	return toks
}

// frontingWords open a fronted phrase; so does any word ending in "-ing" ("Speaking", "Writing").
var frontingWords = map[string]bool{"in": true, "at": true, "on": true, "during": true, "after": true,
	"before": true, "while": true, "when": true, "asked": true, "since": true}

// npEndingAt finds a speaker mention ending at the last token.
func (a *analyzer) npEndingAt(toks []textutil.Token, s span) np {
	if len(toks) == 0 {
		return np{}
	}
	last := toks[len(toks)-1]
	// a description ending here, the longest first: "a spokesperson for the U.S. NSC"
	for k := max(0, len(toks)-10); k < len(toks); k++ {
		if isDeterminer(toks[k].Text) {
			if m := a.description(toks[k:], s); m.ok && m.end == last.End {
				return m
			}
		}
	}
	// a possessive: "Cornyn's statement", "PC World's recent analysis"
	if roleOf(last.Text) != "" {
		for k := len(toks) - 2; k >= 1 && k >= len(toks)-4; k-- {
			if toks[k].Text == "'s" || toks[k].Text == "’s" {
				if e := a.entityAt(toks[k-1].Start); e != nil && isSpeakerLabel(e.Label) {
					return np{start: e.Start, end: last.End, speaker: e.Canonical, ok: true}
				}
			}
		}
	}
	if e := a.entityAt(last.Start); e != nil && isSpeakerLabel(e.Label) {
		// "Sofia Nunes of the University of Lisbon said": the person, not her employer
		k := len(toks) - 1
		for k > 0 && toks[k].Start >= e.Start {
			k--
		}
		if k > 0 && (toks[k].Text == "the" || toks[k].Text == "The") {
			k--
		}
		if k > 0 && (toks[k].Text == "of" || toks[k].Text == "at" || toks[k].Text == "from" || toks[k].Text == "for") {
			if p := a.entityAt(toks[k-1].Start); p != nil && p.Label == "PERSON" {
				return a.fromEntity(p)
			}
		}
		return a.fromEntity(e)
	}
	if m := a.pronoun(last, s); m.ok {
		return m
	}
	// an unknown capitalised name right before the cue: "Gustafon said"
	k := len(toks) - 1
	for k > 0 && k > len(toks)-3 && toks[k-1].IsWord() && toks[k-1].IsCap() {
		k--
	}
	if last.IsWord() && last.IsCap() && (k == 0 || !toks[k-1].IsCap()) {
		return a.bareName(toks, k)
	}
	return np{}
}

// npStartingAt finds a speaker mention at the first token.
func (a *analyzer) npStartingAt(toks []textutil.Token, s span) np {
	if len(toks) == 0 {
		return np{}
	}
	if e := a.entityAt(toks[0].Start); e != nil && isSpeakerLabel(e.Label) {
		return a.fromEntity(e)
	}
	// skip a title or "the" before a name: "said President Trump", "according to the Sydney Morning Herald"
	for k := 1; k < len(toks) && k < 4 && (toks[k-1].IsCap() || strings.EqualFold(toks[k-1].Text, "the")); k++ {
		if e := a.entityAt(toks[k].Start); e != nil && isSpeakerLabel(e.Label) {
			return a.fromEntity(e)
		}
	}
	if m := a.pronoun(toks[0], s); m.ok {
		return m
	}
	if isDeterminer(toks[0].Text) {
		return a.description(toks, s)
	}
	return a.bareName(toks, 0)
}

// bareName takes up to three capitalised words at toks[k:] as a name the entity stage missed
// ("said Gustafon"), resolving a surname to a full name seen earlier.
func (a *analyzer) bareName(toks []textutil.Token, k int) np {
	j := k
	for j < len(toks) && j < k+3 && toks[j].IsWord() && toks[j].IsCap() && !toks[j].IsAllCaps() {
		j++
	}
	if j == k || !isNameWord(toks[k].Text) {
		return np{}
	}
	name := a.d.Text[toks[k].Start:toks[j-1].End]
	for _, e := range a.ents {
		if e.Label == "PERSON" && strings.HasSuffix(e.Canonical, " "+name) {
			name = e.Canonical
			break
		}
	}
	return np{start: toks[k].Start, end: toks[j-1].End, speaker: name, ok: true}
}

// isNameWord rejects capitalised function words ("The", "It", "When"); not prepositions, which
// are surnames too ("Al From").
func isNameWord(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "it", "this", "that", "these", "those", "he", "she", "they", "we", "i", "you", "there", "here", "but", "and",
		"when", "as", "if", "while", "after", "before", "because", "since", "though", "although", "once", "so", "or", "yet", "then":
		return false
	}
	return true
}

func isSpeakerLabel(l string) bool { return l == "PERSON" || l == "ORG" || l == "GPE" }

func (a *analyzer) entityAt(pos int) *entity.Mention {
	k := sort.Search(len(a.ents), func(k int) bool { return a.ents[k].End > pos })
	if k < len(a.ents) && a.ents[k].Start <= pos {
		return &a.ents[k]
	}
	return nil
}

// withPremodifiers widens a person's mention to the words that describe them right before the
// name, so the mention is the whole noun phrase: "Tunisia's coach Nabil Maaloul", "Labour's Shadow
// Home Secretary Yvette Cooper". It stops at anything else: a verb, a comma, "the".
func (a *analyzer) withPremodifiers(m np) int {
	e := a.entityAt(m.start)
	if e == nil || e.Label != "PERSON" || e.Start != m.start {
		return m.start
	}
	lo := max(0, m.start-120)
	for lo > 0 && !utf8.RuneStart(a.d.Text[lo]) {
		lo--
	}
	toks := textutil.Tokenize(a.d.Text[lo:m.start])
	start := m.start
	for k, n := len(toks)-1, 0; k >= 0 && n < 6; k, n = k-1, n+1 {
		t := toks[k]
		if t.Text == "," && k > 0 && start == m.start && lo+t.End+1 == start {
			// a title set off by a comma: "Malaysia's Prime Minister, Najib Razak said"
			if roleOf(toks[k-1].Text) == "person" && lo+toks[k-1].End == lo+t.Start {
				start = lo + t.Start
				continue
			}
			break
		}
		if lo+t.End != start && a.d.Text[lo+t.End:start] != " " {
			break // only single spaces inside the phrase
		}
		w := strings.ToLower(t.Text)
		if role := roleOf(w) != ""; !(role || t.IsCap() && t.IsWord() || isPossessive(t.Text) && k > 0) {
			break
		}
		if isPossessive(t.Text) {
			k--
			if k < 0 || !toks[k].IsCap() || lo+toks[k].End != lo+t.Start {
				break
			}
			t = toks[k]
		}
		if e := a.entityAt(lo + t.Start); e != nil && e.Label == "PERSON" {
			break // another person: "Donald Trump Claudia Sheinbaum" is two names, not a phrase
		}
		start = lo + t.Start
	}
	return start
}

func isPossessive(s string) bool { return s == "'s" || s == "’s" }

func (a *analyzer) fromEntity(e *entity.Mention) np {
	return np{start: e.Start, end: e.End, speaker: e.Canonical, ok: true}
}

// pronoun resolves he/she/they/it/I/we.
func (a *analyzer) pronoun(t textutil.Token, s span) np {
	w := strings.ToLower(t.Text)
	switch w {
	case "he", "she":
		// the speaker of a quote just before, in this paragraph or the last, over any person merely
		// mentioned since: "“…” – Matthew Ingram. … Ingram dubbed … the Cruise video … He characterized"
		if name := a.lastSpeaker(t.Start, s, pronounGender[w]); name != "" {
			return np{start: t.Start, end: t.End, speaker: name, ok: true}
		}
		if name := a.lastPerson(t.Start, pronounGender[w]); name != "" {
			return np{start: t.Start, end: t.End, speaker: name, ok: true}
		}
	case "they", "it":
		if name := a.lastOrg(t.Start, ""); name != "" {
			return np{start: t.Start, end: t.End, speaker: name, ok: true}
		}
	case "i", "we":
		if s.parent >= 0 && a.quotes[s.parent].Speaker != "" {
			return np{start: t.Start, end: t.End, speaker: a.quotes[s.parent].Speaker, ok: true}
		}
	}
	return np{}
}

// description resolves a noun phrase that stands for a speaker: "the group", "A White House
// spokesperson", "a spokesperson for the NSC", "the Crown prosecutor, Mark Tedeschi", "one poster".
func (a *analyzer) description(toks []textutil.Token, s span) np {
	var org *entity.Mention
	for k := 1; k < len(toks) && k < 7; k++ {
		if e := a.entityAt(toks[k].Start); e != nil && (e.Label == "ORG" && (org == nil || org.Label != "ORG") || e.Label == "GPE" && org == nil) {
			org = e
		}
		if e := a.entityAt(toks[k].Start); e != nil && e.Label == "PERSON" {
			return np{} // "the Afghan team's coach Alireza …" is the person's mention, not a description
		}
		if isStop(toks[k].Text) || toks[k].Text == "," && k > 0 && roleOf(toks[k-1].Text) == "" {
			return np{}
		}
		noun := strings.ToLower(toks[k].Text)
		role := roleOf(noun)
		if role == "" || k+1 < len(toks) && (toks[k+1].Text == "'s" || toks[k+1].Text == "’s") {
			continue // "the Afghan team's coach": the team is the coach's possessor
		}
		end := toks[k].End
		// "a spokesperson for the U.S. National Security Council"
		if k+1 < len(toks) && (toks[k+1].Text == "for" || toks[k+1].Text == "of" || toks[k+1].Text == "at") {
			for j := k + 2; j < len(toks) && j < k+6; j++ {
				if e := a.entityAt(toks[j].Start); e != nil && (e.Label == "ORG" || e.Label == "GPE") {
					e2 := e
					for j2 := j + 1; j2 < len(toks) && j2 < j+4; j2++ { // the organisation after a GPE
						if e3 := a.entityAt(toks[j2].Start); e3 != nil && e3.Label == "ORG" {
							e2 = e3
						}
					}
					org, end = e2, e2.End
					break
				}
			}
		}
		// an apposition naming the speaker: "the Crown prosecutor, Mark Tedeschi,"
		if k+2 < len(toks) && toks[k+1].Text == "," {
			if e := a.entityAt(toks[k+2].Start); e != nil && (e.Label == "PERSON" || e.Label == "ORG") {
				return np{start: toks[0].Start, end: e.End, speaker: e.Canonical, ok: true}
			}
		}
		var speaker string
		switch {
		case org != nil && role != "person":
			speaker = org.Canonical
		case role == "org":
			if prev, ok := a.lastRole[noun]; ok {
				speaker = prev
			} else if ap := a.apposFor(noun, toks[0].Start); ap != "" {
				speaker = ap
			} else {
				speaker = a.lastOrg(toks[0].Start, noun)
			}
		case role == "person":
			if ap := a.apposFor(noun, toks[0].Start); ap != "" {
				speaker = ap
			} else if prev, ok := a.lastRole[noun]; ok {
				speaker = prev
			} else {
				speaker = a.lastPerson(toks[0].Start, 0)
			}
		case role == "place":
			speaker = a.lastLabel(toks[0].Start, "GPE")
		default: // the description itself is the speaker
			speaker = a.d.Text[toks[0].Start:end]
		}
		if speaker == "" {
			return np{}
		}
		a.lastRole[noun] = speaker
		return np{start: toks[0].Start, end: end, speaker: speaker, ok: true}
	}
	return np{}
}

// apposFor is the latest name described with noun before pos.
func (a *analyzer) apposFor(noun string, pos int) string {
	found := ""
	for _, ap := range a.appos {
		if ap.pos < pos && ap.noun == noun {
			found = ap.speaker
		}
	}
	return found
}

// lastPerson is the nearest person mentioned before pos whose gender does not conflict.
// lastSpeaker is the person who spoke the nearest quote before pos, in the same or the previous
// block as s, when their gender fits.
func (a *analyzer) lastSpeaker(pos int, s span, gender byte) string {
	for i := len(a.spans) - 1; i >= 0; i-- {
		o := a.spans[i]
		if o.parent >= 0 || o.end > pos || o.block < s.block-1 || o.start == s.start {
			continue
		}
		q := a.quotes[i]
		if q.Speaker == "" || q.SpeakerStart < 0 || q.SpeakerStart > pos {
			return ""
		}
		e := a.entityAt(q.SpeakerStart)
		if e == nil || e.Label != "PERSON" {
			// a mention widened to its descriptors: the person is the entity at its end
			e = a.entityEndingAt(q.SpeakerEnd)
		}
		if e == nil || e.Label != "PERSON" || e.Canonical != q.Speaker {
			return ""
		}
		if g := a.gender[q.Speaker]; gender == 0 || g == 0 || g == gender {
			return q.Speaker
		}
		return ""
	}
	return ""
}

func (a *analyzer) entityEndingAt(end int) *entity.Mention {
	for k := range a.ents {
		if a.ents[k].End == end {
			return &a.ents[k]
		}
	}
	return nil
}

func (a *analyzer) lastPerson(pos int, gender byte) string {
	for k := len(a.ents) - 1; k >= 0; k-- {
		e := a.ents[k]
		if e.Start >= pos || e.Label != "PERSON" {
			continue
		}
		if g := a.gender[e.Canonical]; gender == 0 || g == 0 || g == gender {
			return e.Canonical
		}
	}
	return ""
}

// lastLabel is the nearest entity with the label before pos.
func (a *analyzer) lastLabel(pos int, label string) string {
	for k := len(a.ents) - 1; k >= 0; k-- {
		if e := a.ents[k]; e.Start < pos && e.Label == label {
			return e.Canonical
		}
	}
	return ""
}

// lastOrg is the nearest organisation before pos, preferring one whose name holds the noun
// ("the foundation" → The Heritage Foundation).
func (a *analyzer) lastOrg(pos int, noun string) string {
	nearest := ""
	for k := len(a.ents) - 1; k >= 0; k-- {
		e := a.ents[k]
		if e.Start >= pos || e.Label != "ORG" {
			continue
		}
		if noun != "" && strings.Contains(strings.ToLower(e.Canonical), noun) {
			return e.Canonical
		}
		if nearest == "" {
			nearest = e.Canonical
		}
	}
	return nearest
}

// resolve fills the speaker fields from a mention.
func (a *analyzer) resolve(q Quote, m np, cue, rule string) Quote {
	m.start = a.withPremodifiers(m)
	q.Speaker, q.SpeakerStart, q.SpeakerEnd = m.speaker, m.start, m.end
	q.Cue, q.Rule = cue, rule
	return q
}

// on reports a strategy not switched off.
func (a *analyzer) on(id string) bool { return !a.off[id] }

// looksLikeTerm reports a passage in marks that reads as a name or a term rather than words
// someone said: one word, two words unless they read as the start of a sentence ("political
// revolution", but not "Nous refusons"), or up to six words all capitalised ("Saturday Night Live").
// namedTitle reports a passage in title case, of two to six words, right after a possessive or
// "on": a programme's, a website's or a podcast's name ("on Fox News channel’s “Sunday Morning
// Futures,”", "told ABC’s “Good Morning America”", "on “Meet the Press.”"). Other prepositions
// lose as many quotes as titles on PolNeAR ("to “Make America Great Again”").
func namedTitle(text string, q Quote) bool {
	t := strings.TrimRight(text[q.Start:q.End], ",.;:!? ")
	if n := len(strings.Fields(t)); n < 2 || n > 6 || !looksLikeTerm(t) {
		return false
	}
	before := text[:q.Start]
	if r, size := utf8.DecodeLastRuneInString(before); size > 0 && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		before = before[:len(before)-size] // the opening mark
	}
	before = strings.TrimRight(before, " ")
	if strings.HasSuffix(before, "’s") || strings.HasSuffix(before, "'s") {
		return true
	}
	return titlePrepositions[strings.ToLower(lastWordOf(before))]
}

// titlePrepositions come before a programme's name: "on “Meet the Press”".
var titlePrepositions = map[string]bool{"on": true}

// lastWordOf is the run of letters that ends s.
func lastWordOf(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= size
	}
	return s[i:]
}

func looksLikeTerm(s string) bool {
	words := strings.Fields(s)
	if len(words) <= 1 {
		return true
	}
	if len(words) > 6 {
		return false
	}
	small := map[string]bool{"of": true, "the": true, "and": true, "a": true, "in": true, "for": true, "on": true, "to": true, "at": true, "an": true}
	capital := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "“\"'‘(¿¡"))
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	if len(words) == 2 && !(capital(words[0]) && !capital(words[1])) {
		return true
	}
	for i, w := range words {
		if !capital(w) && !(i > 0 && small[strings.ToLower(w)]) {
			return false
		}
	}
	return true
}
