package quote

import (
	"sort"
	"strings"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/entity"
	"github.com/attest-news/attest/annotate/internal/textutil"
	"github.com/attest-news/attest/annotate/internal/vocab"
)

func textTok(start, end int, w string) textutil.Token {
	return textutil.Token{Start: start, End: end, Text: w}
}

// tree reads the syntax layer's dependency trees: who is the subject of the verb that reports a
// quote.
type tree struct {
	d    *doc.Doc
	toks []doc.Token
	kidx []int32 // children of token t: kids[kidx[t]:kidx[t+1]]
	kids []int32
}

func newTree(d *doc.Doc) *tree {
	t := &tree{d: d, toks: d.Tokens}
	n := len(d.Tokens)
	t.kidx = make([]int32, n+1)
	for _, tok := range d.Tokens {
		if tok.Head >= 0 {
			t.kidx[tok.Head+1]++
		}
	}
	for i := 1; i <= n; i++ {
		t.kidx[i] += t.kidx[i-1]
	}
	t.kids = make([]int32, t.kidx[n])
	fill := append([]int32(nil), t.kidx[:n]...)
	for i, tok := range d.Tokens {
		if h := tok.Head; h >= 0 {
			t.kids[fill[h]] = int32(i)
			fill[h]++
		}
	}
	return t
}

func (t *tree) children(i int) []int32 { return t.kids[t.kidx[i]:t.kidx[i+1]] }

func (t *tree) form(i int) string { return t.d.Text[t.toks[i].Start:t.toks[i].End] }

// at gives the first token ending after byte offset off.
func (t *tree) at(off int) int {
	return sort.Search(len(t.toks), func(i int) bool { return t.toks[i].End > off })
}

// sentence gives the sentence holding token i.
func (t *tree) sentence(i int) doc.Sentence {
	k := sort.Search(len(t.d.Sentences), func(k int) bool { return t.d.Sentences[k].End > i })
	if k < len(t.d.Sentences) {
		return t.d.Sentences[k]
	}
	return doc.Sentence{Start: i, End: i + 1}
}

// cueKind says whether token i is a verb that reports speech or names a term.
func (t *tree) cueKind(i int) vocab.CueKind {
	tok := t.toks[i]
	w := t.form(i)
	switch strings.ToLower(w) {
	case "said", "says", "told", "tells", "say":
		return vocab.Speech // whatever the tagger thought
	}
	if tok.UPOS != doc.VERB {
		return vocab.NoCue
	}
	if t.retort(i) {
		return vocab.Speech // "fired back"
	}
	return vocab.Cue(w)
}

// retort reports a verb at i that reports speech with the particle after it ("fired back").
func (t *tree) retort(i int) bool { return i+1 < len(t.toks) && vocab.Retort(t.form(i), t.form(i+1)) }

// cueText is the reporting verb at i as the tooltip names it, with its particle ("fired back").
func (t *tree) cueText(i int) string {
	if t.retort(i) {
		return t.form(i) + " " + t.form(i+1)
	}
	return t.form(i)
}

// rel reports token i's relation, without its subtype.
func (t *tree) rel(i int) string {
	r, _, _ := strings.Cut(t.toks[i].Rel, ":")
	return r
}

// cueOf finds the reporting verb of the quote held by tokens [qi, qj): one that governs a word
// of the quote (up to four steps up the tree), or one that hangs on a word of the quote
// ("“…,” he said"). It gives -1 where the tree links none.
func (t *tree) cueOf(qi, qj int) int {
	inside := func(x int) bool { return x >= qi && x < qj }
	for x := qi; x < qj; x++ {
		h := t.toks[x].Head
		for step := 0; h >= 0 && !inside(h) && step < 4; step++ {
			if t.cueKind(h) != vocab.NoCue {
				return h
			}
			h = t.toks[h].Head
		}
	}
	s := t.sentence(qi)
	e := t.sentence(max(qi, qj-1))
	for x := s.Start; x < e.End; x++ {
		if inside(x) || t.cueKind(x) == vocab.NoCue {
			continue
		}
		if h := t.toks[x].Head; h >= 0 && inside(h) {
			return x
		}
	}
	return -1
}

// sentenceCue is the reporting verb nearest the quote in its sentence, outside it, preferring one
// before it: the tree's links fail more often than the sentence does ("In a swipe against …,
// Clinton said the goal was not to “…” but to “…”"). -1 where there is none.
func (t *tree) sentenceCue(qi, qj int) int {
	s := t.sentence(qi)
	e := t.sentence(max(qi, qj-1))
	for x := qi - 1; x >= s.Start; x-- {
		if t.cueKind(x) == vocab.Speech {
			return x
		}
	}
	for x := qj; x < e.End; x++ {
		if t.cueKind(x) == vocab.Speech {
			return x
		}
	}
	return -1
}

// governor is the nearest verb above the quote held by tokens [qi, qj), outside it, or -1.
func (t *tree) governor(qi, qj int) int {
	best, bestSteps := -1, 99
	for x := qi; x < qj; x++ {
		h := t.toks[x].Head
		for step := 0; h >= 0 && step < 3 && step < bestSteps; step++ {
			if h >= qi && h < qj {
				break
			}
			if t.toks[h].UPOS == doc.VERB {
				best, bestSteps = h, step
				break
			}
			h = t.toks[h].Head
		}
	}
	return best
}

// subjectOf gives the speaker token of cue: its passive agent, its subject, the subject of the
// clause it hangs on ("…, adding that", "went on to say"), or the noun a relative or participle
// clause describes ("officials who said", "a statement saying"). -1 where there is none.
func (t *tree) subjectOf(cue int) int {
	x := cue
	for step := 0; x >= 0 && step < 4; step++ {
		agent, subj, passive, subordinate := -1, -1, -1, false
		for _, c := range t.children(x) {
			switch t.toks[c].Rel {
			case "mark":
				subordinate = step > 0 // "…, telling Fox News" under "if Mexico failed": not the controller
			}
			switch t.toks[c].Rel {
			case "obl:agent":
				agent = int(c)
			case "nsubj", "nsubj:outer", "csubj":
				// where a misparse gives the verb two subjects, the nearer one before it: "Sunday on
				// Fox News, Rep. Jane Roe said" has "Sunday" and "Roe"
				if subj < 0 || int(c) < x {
					subj = int(c)
				}
			case "nsubj:pass":
				passive = int(c)
			}
		}
		if subordinate {
			x = t.toks[x].Head
			continue
		}
		if subj < 0 && agent >= 0 {
			return agent // "was told by aides"
		}
		if subj < 0 {
			subj = passive // "he was quoted as saying"
		}
		if subj >= 0 {
			if w := strings.ToLower(t.form(subj)); (w == "who" || w == "that" || w == "which") && t.rel(x) == "acl" {
				return t.toks[x].Head // "officials who said"
			}
			return subj
		}
		if step == 0 {
			if y := t.wordBefore(x); y >= 0 {
				return y // the tree missed the subject right before the verb: "…, Clinton said"
			}
		}
		switch t.rel(x) {
		case "xcomp", "advcl", "conj", "ccomp":
			x = t.toks[x].Head
		case "acl":
			if t.cueKind(x) == vocab.Speech {
				return t.toks[x].Head // "a statement saying"
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

// outerSpeaker is the subject of the reporting verb whose clause holds cue ("Roe said the plan
// should reiterate"), or -1.
func (t *tree) outerSpeaker(cue int) int {
	x := cue
	for step := 0; step < 6; step++ {
		if r := t.rel(x); r == "nsubj" || r == "csubj" || r == "root" {
			return -1
		}
		x = t.toks[x].Head
		if x < 0 {
			return -1
		}
		if t.cueKind(x) == vocab.Speech {
			return t.subjectOf(x)
		}
	}
	return -1
}

// participleSubject is the speaker of a participle after a comma that the tree hangs on a
// clause inside another ("Roe welcomed the news that Vale would quit, saying he was “…”"): the
// subject of the verb holding that clause, or -1.
func (t *tree) participleSubject(c int) int {
	if t.rel(c) != "advcl" || c == 0 || t.form(c-1) != "," || !strings.HasSuffix(strings.ToLower(t.form(c)), "ing") {
		return -1
	}
	h := t.toks[c].Head
	if h < 0 || t.rel(h) != "ccomp" && t.rel(h) != "acl" {
		return -1
	}
	x := t.toks[h].Head
	for step := 0; x >= 0 && step < 3 && t.toks[x].UPOS != doc.VERB; step++ {
		x = t.toks[x].Head
	}
	if x < 0 || t.toks[x].UPOS != doc.VERB {
		return -1
	}
	return t.subjectOf(x)
}

// isDate reports token x inside a date the entity stage found ("Tuesday", "June 10").
func (a *analyzer) isDate(x int) bool {
	e := a.entityAt(a.tree.toks[x].Start)
	return e != nil && e.Label == "DATE"
}

// nameBefore gives the head of the name right before verb x and after token lo, past commas and
// a parenthesis ("Gov. John Kasich (R-OH), said"), or -1.
func (t *tree) nameBefore(x, lo int) int {
	depth := 0
	for y := x - 1; y > lo; y-- {
		switch f := t.form(y); {
		case f == ")":
			depth++
		case f == "(":
			depth--
		case depth > 0 || t.toks[y].UPOS == doc.PUNCT:
		case t.toks[y].UPOS == doc.PROPN:
			for t.rel(y) == "flat" && t.toks[y].Head > lo && t.toks[y].Head < y {
				y = t.toks[y].Head
			}
			return y
		default:
			return -1
		}
	}
	return -1
}

// wordBefore gives the name or pronoun right before verb x (past adverbs and auxiliaries), or -1.
func (t *tree) wordBefore(x int) int {
	s := t.sentence(x)
	for y := x - 1; y >= s.Start && y >= x-3; y-- {
		switch t.toks[y].UPOS {
		case doc.ADV, doc.AUX, doc.PART:
			continue
		case doc.PROPN, doc.PRON:
			switch t.rel(y) {
			case "obl", "obj", "iobj", "nmod":
				return -1 // the name has its place in the tree: "a letter seen by Sky News says"
			}
			if t.toks[y].UPOS == doc.PROPN || speakerPronouns[strings.ToLower(t.form(y))] {
				return y
			}
		}
		return -1
	}
	return -1
}

// mention gives the noun phrase headed by token h, for a speaker's mention: h with its
// determiners, modifiers, compounds, possessor and prepositional modifiers, not its relative
// clauses, appositions or coordinated phrases.
func (t *tree) mention(h int) (start, end int) {
	lo, hi := h, h
	var walk func(x int)
	walk = func(x int) {
		lo, hi = min(lo, x), max(hi, x)
		for _, c := range t.children(x) {
			switch t.rel(int(c)) {
			case "acl", "appos", "conj", "cc", "parataxis", "advcl", "punct", "dep", "discourse", "vocative", "list":
				continue
			case "case", "mark":
				if x == h {
					continue // "according to X", "by X": the phrase is X
				}
			}
			walk(int(c))
		}
	}
	walk(h)
	return t.toks[lo].Start, t.toks[hi].End
}

// accordingTo finds "according to X" in the sentences of tokens [qi, qj) and gives X.
func (t *tree) accordingTo(qi, qj int) int {
	s := t.sentence(qi)
	e := t.sentence(max(qi, qj-1))
	for x := s.Start; x+1 < e.End; x++ {
		if x >= qi && x < qj {
			continue
		}
		if strings.EqualFold(t.form(x), "according") && strings.EqualFold(t.form(x+1), "to") {
			if h := t.toks[x].Head; h >= 0 && (h < qi || h >= qj) && h != x+1 {
				return h
			}
			// the parser may hang "to" or the name elsewhere: the next noun after "to"
			for y := x + 2; y < e.End && y < x+6; y++ {
				if u := t.toks[y].UPOS; u == doc.PROPN || u == doc.NOUN || u == doc.PRON {
					return y
				}
			}
		}
	}
	return -1
}

// pronouns that can report a quote.
var speakerPronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "i": true, "we": true, "you": true}

// speakerAt turns the speaker token x into a mention: a name the entity stage found, a pronoun,
// or a description resolved to the name it stands for.
func (a *analyzer) speakerAt(x int, s span) (np, bool) {
	t := a.tree
	w := t.form(x)
	if speakerPronouns[strings.ToLower(w)] {
		tok := t.toks[x]
		m := a.pronoun(textTok(tok.Start, tok.End, w), s)
		if !m.ok {
			m = np{start: tok.Start, end: tok.End, speaker: w, ok: true}
		}
		return m, true
	}
	head := t.toks[x]
	if u := head.UPOS; u != doc.NOUN && u != doc.PROPN && u != doc.PRON && u != doc.NUM {
		return np{}, false
	}
	start, end := t.mention(x)
	// the names in the phrase and in apposition to it: the one the head is part of wins, then a
	// person ("CEO of the Refugee Council Enver Solomon", "The secretary general …, Nunzio
	// Galantino,"), then the last organisation or place ("the Trump campaign")
	var own, person, other *entity.Mention
	apposEnd := end
	for y := t.at(start); y < len(t.toks) && t.toks[y].Start < end; y++ {
		for _, c := range t.children(y) {
			if t.rel(int(c)) == "appos" {
				_, e := t.mention(int(c))
				apposEnd = max(apposEnd, e)
			}
		}
	}
	// a name right after the phrase, past a role word or a title, is the person it stands for:
	// "Refugee Council chief Enver Solomon told"
	for y := t.at(end); y < len(t.toks) && y < t.at(end)+3; y++ {
		if e := a.entityAt(t.toks[y].Start); e != nil && e.Label == "PERSON" {
			apposEnd = max(apposEnd, e.End)
			break
		}
		if u := t.toks[y].UPOS; !(u == doc.PROPN || vocab.Role(t.form(y)) == vocab.Person) {
			break
		}
	}
	for k := range a.ents {
		e := &a.ents[k]
		if e.End <= start || e.Start >= apposEnd || !isSpeakerLabel(e.Label) && e.Label != "NORP" {
			continue
		}
		switch {
		case e.Start <= head.Start && head.End <= e.End:
			own = e
		case e.Label == "PERSON":
			person = e
		case e.Start < end:
			other = e
		}
	}
	if own != nil && (own.Label == "PERSON" || person == nil) {
		return np{start: min(start, own.Start), end: max(end, own.End), speaker: own.Canonical, ok: true}, true
	}
	if person != nil {
		return np{start: start, end: max(end, person.End), speaker: person.Canonical, ok: true}, true
	}
	noun := strings.ToLower(w)
	role := vocab.Role(noun)
	var speaker string
	switch {
	case other != nil && role != vocab.Person:
		speaker = other.Canonical
	case role == vocab.Body:
		if prev, ok := a.lastRole[noun]; ok {
			speaker = prev
		} else if ap := a.apposFor(noun, start); ap != "" {
			speaker = ap
		} else if org := a.lastSpeakingOrg(start); org != "" {
			speaker = org // "a spokesperson for the Commission told Reuters … The spokesperson added"
		} else {
			speaker = a.lastOrg(start, noun)
		}
	case role == vocab.Person:
		if ap := a.apposFor(noun, start); ap != "" {
			speaker = ap
		} else if prev, ok := a.lastRole[noun]; ok {
			speaker = prev
		} else if titled := a.lastTitled(start, noun); titled != "" {
			speaker = titled // "Senator John Park … the senator"
		} else {
			speaker = a.lastPerson(start, 0)
		}
	case role == vocab.Place:
		speaker = a.lastLabel(start, "GPE")
	}
	if speaker == "" {
		speaker = a.d.Text[start:end] // the description is the speaker: "one poster", "the ad"
	} else if role != vocab.NoRole {
		a.lastRole[noun] = speaker
	}
	return np{start: start, end: end, speaker: speaker, ok: true}, true
}

// lastSpeakingOrg is the organisation that spoke the nearest quote before pos, or "".
func (a *analyzer) lastSpeakingOrg(pos int) string {
	best, bestAt := "", -1
	for i, q := range a.quotes {
		if q.Speaker == "" || q.SpeakerStart < 0 || q.SpeakerStart >= pos || q.SpeakerStart < bestAt || a.spans[i].start >= pos {
			continue
		}
		for k := range a.ents {
			e := a.ents[k]
			if e.Label == "ORG" && e.Canonical == q.Speaker {
				best, bestAt = q.Speaker, q.SpeakerStart
				break
			}
		}
	}
	return best
}

// termUse reports a short quoted phrase the sentence uses as a name or a modifier, not as
// someone's words: "a federal “supermax” prison", "the word ‘queue’", "“Daily Show” host",
// "“Top secret” is the highest level".
func (t *tree) termUse(qi, qj int) bool {
	words := 0
	root := -1
	for x := qi; x < qj; x++ {
		if t.toks[x].UPOS != doc.PUNCT {
			words++
		}
		if h := t.toks[x].Head; (h < qi || h >= qj) && t.toks[x].UPOS != doc.PUNCT && root < 0 {
			root = x
		}
	}
	if root < 0 || words > 6 {
		return false
	}
	h := t.toks[root].Head
	if h < 0 {
		return false
	}
	hu := t.toks[h].UPOS
	switch t.toks[root].Rel {
	case "compound", "amod", "appos", "flat", "nmod:poss", "det", "nummod":
		return hu == doc.NOUN || hu == doc.PROPN
	case "nsubj", "nsubj:pass":
		return t.cueKind(h) == vocab.NoCue && (hu == doc.VERB || hu == doc.AUX || hu == doc.NOUN || hu == doc.ADJ)
	}
	return false
}

// inside reports token x under token anc in the tree.
func (t *tree) under(x, anc int) bool {
	for step := 0; x >= 0 && step < 64; step++ {
		if x == anc {
			return true
		}
		x = t.toks[x].Head
	}
	return false
}

// fromTree attributes quote s by the dependency tree: "according to X", else the subject of the
// verb that reports it. term reports a quote a naming verb governs with no one said to say it
// ("a plan dubbed “Obamacare”").
func (a *analyzer) fromTree(s span) (m np, cue, rule string, term bool) {
	t := a.tree
	if t == nil || len(t.toks) == 0 {
		return np{}, "", "", false
	}
	qi := t.at(s.start)
	qj := sort.Search(len(t.toks), func(i int) bool { return t.toks[i].Start >= s.end })
	if qi >= qj {
		return np{}, "", "", false
	}
	if a.on("quote/drop-terms") && t.termUse(qi, qj) {
		return np{}, "", "", true
	}
	if x := t.accordingTo(qi, qj); x >= 0 && a.on("quote/according-to") {
		if m, ok := a.speakerAt(x, s); ok {
			return m, "according to", "according-to", false
		}
	}
	// a misparse puts the speaker inside the quote; a title inside the speaker's own phrase is not
	// their words ("Sam Solovey, a contestant on … “The Apprentice,” … said")
	// But a name the parser made the root, above the reporting verb that holds the quote, is no
	// misparse: "Roe (D-Calif.), who …, said that …" has the tree's root at Roe.
	c := -1
	rootSpeaker := func(x int) bool {
		return c >= 0 && c != x && t.toks[x].Head < 0 && t.under(qi, c) && t.under(c, x) &&
			(t.toks[x].UPOS == doc.PROPN || a.someone(x))
	}
	outside := func(x int) bool { return (x < qi || x >= qj) && (!t.under(qi, x) || rootSpeaker(x)) }
	c = t.cueOf(qi, qj)
	if c >= 0 && c < qi {
		// a nearer reporting verb between the one the tree found and the quote speaks it: "He told
		// me, ‘…,’ and I answered, ‘…’" (the tree hangs the second on the first clause)
		for y := qi - 1; y > c; y-- {
			if t.cueKind(y) == vocab.Speech && t.sentence(y) == t.sentence(qi) {
				c = y
				break
			}
		}
	}
	if s.parent >= 0 {
		// a quote inside a quote is spoken by someone the outer quote reports: its cue is inside
		// the outer quote ("He told me, ‘…’"), never the outer quote's own, and only the tree's
		// own link counts
		p := a.spans[s.parent]
		pi := t.at(p.start)
		pj := sort.Search(len(t.toks), func(i int) bool { return t.toks[i].Start >= p.end })
		if c < pi || c >= pj || !a.on("quote/subject-of-cue") {
			return np{}, "", "", false
		}
		if x := t.subjectOf(c); x >= 0 && outside(x) {
			if m, ok := a.speakerAt(x, s); ok {
				return m, t.cueText(c), "subject-of-cue", false
			}
		}
		return np{}, "", "", false
	}
	if c >= 0 && a.on("quote/subject-of-cue") {
		x := t.subjectOf(c)
		if y := t.participleSubject(c); y >= 0 && outside(y) && a.on("quote/adding") {
			x = y // "Roe welcomed the news that Vale would quit, saying …": Roe says it
		}
		if x >= 0 && x < c && a.on("quote/date-subject") && a.isDate(x) {
			// a fronted date taken for the subject: "Tuesday at the debate, candidate Jane Roe said"
			x = t.nameBefore(c, x)
		}
		if x >= 0 && !a.someone(x) && a.on("quote/outer-speaker") {
			// no one speaks through a thing: a clause reported by someone is theirs ("Roe said
			// the platform should reiterate “…”")
			if y := t.outerSpeaker(c); y >= 0 && outside(y) && a.someone(y) {
				x = y
			}
		}
		if x < 0 {
			term = t.cueKind(c) == vocab.Term
		} else if outside(x) {
			if m, ok := a.speakerAt(x, s); ok {
				return m, t.cueText(c), "subject-of-cue", false
			}
		}
	}
	if c < 0 && a.on("quote/sentence-cue") {
		if c := t.sentenceCue(qi, qj); c >= 0 {
			if x := t.subjectOf(c); x >= 0 && outside(x) && a.someone(x) {
				if m, ok := a.speakerAt(x, s); ok {
					return m, t.cueText(c), "sentence-cue", false
				}
			}
		}
	}
	if c < 0 && a.on("quote/governing-verb") && !looksLikeTerm(a.d.Text[s.start:s.end]) {
		// a verb that is not a reporting verb but whose subject is someone: "mocked Rubio for
		// “having a tough night”", "blamed the problem on “sickos”"
		if g := t.governor(qi, qj); g >= 0 {
			if x := t.subjectOf(g); x >= 0 && outside(x) && a.someone(x) {
				if m, ok := a.speakerAt(x, s); ok {
					return m, t.form(g), "governing-verb", false
				}
			}
		}
	}
	return np{}, "", "", term
}

// someone reports a token that names a person or a body: a name the entity stage found, a
// personal pronoun, or a role noun.
func (a *analyzer) someone(x int) bool {
	t := a.tree
	tok := t.toks[x]
	if speakerPronouns[strings.ToLower(t.form(x))] && t.form(x) != "it" {
		return true
	}
	for k := range a.ents {
		e := &a.ents[k]
		if e.Start <= tok.Start && tok.End <= e.End && (e.Label == "PERSON" || e.Label == "ORG") {
			return true
		}
	}
	r := vocab.Role(t.form(x))
	return r == vocab.Person || r == vocab.Body
}

// lastTitled is the nearest person before pos whose name the role word stands right before
// ("Senator John Park" for "the senator"), or "".
func (a *analyzer) lastTitled(pos int, role string) string {
	for k := len(a.ents) - 1; k >= 0; k-- {
		e := a.ents[k]
		if e.Start >= pos || e.Label != "PERSON" {
			continue
		}
		before := strings.TrimRight(a.d.Text[max(0, e.Start-40):e.Start], " ")
		if i := strings.LastIndexAny(before, " \n"); i >= 0 {
			before = before[i+1:]
		}
		if strings.EqualFold(strings.TrimSuffix(before, "."), role) {
			return e.Canonical
		}
	}
	return ""
}
