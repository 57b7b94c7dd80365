package entity

import (
	_ "embed"
	"errors"
	"sort"
	"strings"
	"sync"

	"github.com/attest-news/attest/annotate/internal/linear"
	"github.com/attest-news/attest/annotate/internal/sched"
	"github.com/attest-news/attest/annotate/internal/textutil"
)

// model.bin is the trained tagger (go run ./annotate/internal/entity/train). Trained on GUM
// (CC BY 4.0 annotations; CC BY 4.0 and CC BY-SA 3.0 texts): see the README's attribution.
//
//go:embed model.bin
var modelBin []byte

// model is the tagger's linear model (package linear's shipped format) over nTags classes.
type model struct{ *linear.Model }

var (
	modelOnce sync.Once
	theModel  *model
)

// loadedModel parses the embedded model once; nil when none is embedded (the rules work alone).
func loadedModel() *model {
	modelOnce.Do(func() {
		if m, err := parseModel(modelBin); err == nil {
			theModel = m
		}
	})
	return theModel
}

// errModel: the bytes are not a tagger model.
var errModel = errors.New("entity: malformed tagger model")

// parseModel reads a model in place: b must outlive it.
func parseModel(b []byte) (*model, error) {
	m, rest, err := linear.Load(b)
	if err != nil || len(rest) != 0 || m.Classes() != nTags {
		return nil, errModel
	}
	return &model{m}, nil
}

// tagged is one name the tagger found: tokens toks[s:e] of block b, of a coarse class.
type tagged struct {
	b, s, e int
	label   string
}

// tagAll runs the tagger over every block, then makes the document consistent: one name, one
// class (the majority of its tagged mentions).
func (m *model) tagAll(a *analysis, rules []Mention) []tagged {
	return tagDocument(a, rules, m.Model)
}

func tagDocument(a *analysis, rules []Mention, score linear.Scorer) []tagged {
	docRule := docRules(a.text, rules)
	var out []tagged
	var seq []seqToken
	var dec decoder
	for bi, toks := range a.blocks {
		if len(toks) == 0 {
			continue
		}
		if bi%256 == 255 {
			sched.Yield()
		}
		seq = sequence(seq, toks, a.uposOf(bi), rules, a.lower, docRule)
		for _, sp := range spansOf(dec.decode(seq, score)) {
			for sp[1] > sp[0] && !toks[sp[1]-1].IsWord() {
				sp[1]-- // a name does not end in punctuation the tagger ran on into: "Jang Noksu] ‘"
			}
			if sp[1] > sp[0] {
				out = append(out, tagged{b: bi, s: sp[0], e: sp[1], label: tagCoarse[sp[2]]})
			}
		}
	}
	return out
}

// settled are the rules whose answer the tagger does not overrule: gazetteer names, titled
// people, surnames of people named in full, suffixes and given names. What the rules only guess
// (unknown capitalised runs as people, long runs as organisations, single unknown words) is the
// tagger's to decide.
var settledRules = set("affil|initials|placeof|compass|eventsuf|lex|the-org|titled|surname|knownsurname|acronymlink|acronym|orgsuf|locsuf|facsuf|given|given1|weakgiven|state|of|locative|hyphengiven")

// settled reports a rule whose answer the tagger does not overrule (none with "settled" off).
func (a *analysis) settled(why string) bool { return settledRules[why] && a.off.on("settled") }

// reconcile merges the rules' linked candidates with the tagger's names: settled rule names stay,
// the tagger's names fill everything else, and the rules' other labels (nationalities, events)
// stay where no tagged name overlaps them.
func (a *analysis) reconcile(names []tagged) []candidate {
	type span struct{ s, e int }
	var keep []candidate
	held := newCoverage() // bytes of the text already given to a name
	for _, c := range a.linked {
		// settled names stay, events too: the tagger knows only people, organisations and
		// places, and would take "World" out of "the World Cup"
		if (coarse(c.label) != "" || c.label == "EVENT") && a.settled(c.why) {
			keep = append(keep, c)
			held.add(c.toks[0].Start, c.toks[len(c.toks)-1].End)
		}
	}
	free := held.free
	byspan := map[span]candidate{}
	for _, c := range a.linked {
		byspan[span{c.toks[0].Start, c.toks[len(c.toks)-1].End}] = c
	}
	people := a.peopleByStart()
	// the full names the rules are sure are people's somewhere in the article: the tagger may
	// not call another mention of them something else
	sure := map[string]bool{}
	for _, c := range a.linked {
		if c.label == "PERSON" && len(c.toks) >= 2 && (a.settled(c.why) || c.why == "guess" && a.personCue(c)) {
			sure[joinToks(c.toks)] = true
		}
	}
	sureSurname := map[string]bool{}
	for name := range sure {
		sureSurname[name[strings.LastIndexByte(name, ' ')+1:]] = true
	}
	for _, t := range names {
		toks := a.blocks[t.b]
		sp := span{toks[t.s].Start, toks[t.e-1].End}
		// a person the rules named in more words keeps them ("Ngozi Okonjo-Iweala", not "Ngozi")
		if t.label == "PERSON" {
			if c, ok := people.around(sp.s, sp.e); ok {
				cs, ce := c.toks[0].Start, c.toks[len(c.toks)-1].End
				sp = span{cs, ce}
				for t.s > 0 && toks[t.s].Start > cs {
					t.s--
				}
				for t.e < len(toks) && toks[t.e-1].End < ce {
					t.e++
				}
			}
		}
		if !free(sp.s, sp.e) {
			continue
		}
		c, ok := byspan[sp]
		if (!ok || coarse(c.label) == "") && !a.plausible(toks[t.s:t.e], sentenceInitial(toks, t.s), t.label) {
			continue
		}
		if !ok {
			c = candidate{toks: toks[t.s:t.e], initial: sentenceInitial(toks, t.s)}
			if t.s > 0 {
				c.prev = strings.ToLower(toks[t.s-1].Text) // as nameCandidates sets it
				if g, ok := lex().titles[toks[t.s-1].Text]; ok {
					c.titled, c.gender = true, g
				}
			}
		}
		label := t.label
		if ok && c.why == "guess" && label != "PERSON" && a.off.on("person-cue") && (a.personCue(c) || sure[joinToks(c.toks)]) {
			label = "PERSON" // the sentence says who it is: "K.C. Maurer, chief financial officer"
		}
		if label == "PERSON" && len(c.toks) == 2 && placeQualifiers[c.toks[0].Text] && isPlaceName(c.toks[1].Text) && a.off.on("place-qualifier") {
			label = "LOC" // "South Australia", "Western Sahara": a place's name, not a person's surname
		}
		if label == "PERSON" && a.off.on("not-person") && !(ok && a.settled(c.why)) && (a.notPerson(c.toks) || sureSurname[c.toks[0].Text] && !sure[joinToks(c.toks)]) {
			continue // not a name of a person; or a sure person's surname before a word: "Warhol Polaroids"
		}
		keep = append(keep, fixCandidate(c, label))
		held.add(sp.s, sp.e)
	}
	actors, bodies := a.actors(), a.bodies()
	for _, c := range a.linked {
		// a guessed name of two or three words stays when the tagger found nothing there but the
		// sentence says it is someone: it speaks or does what people do ("Sujata Raisinghani told
		// CBC News", "Gorbachev also proposed"), or a role names it ("philosopher Noam Chomsky",
		// "the team's coach, Alireza Mehraban", "K.C. Maurer, chief financial officer")
		if c.why == "guess" && len(c.toks) >= 2 && a.off.on("person-cue") && a.personCue(c) && free(c.toks[0].Start, c.toks[len(c.toks)-1].End) {
			keep = append(keep, c)
			continue
		}
		if c.label == "" && len(c.toks) == 1 && bodies[c.toks[0].Text] && a.off.on("bodies") && free(c.toks[0].Start, c.toks[0].End) {
			c.why = "body"
			keep = append(keep, fixCandidate(c, "ORG"))
			held.add(c.toks[0].Start, c.toks[0].End)
			continue
		}
		if c.label == "" && len(c.toks) == 1 && actors[c.toks[0].Text] && a.off.on("actors") && free(c.toks[0].Start, c.toks[0].End) {
			c.why = "acts"
			keep = append(keep, fixCandidate(c, "PERSON"))
			continue
		}
		if c.label != "" && c.label != pendingAcronym && coarse(c.label) == "" && free(c.toks[0].Start, c.toks[len(c.toks)-1].End) {
			keep = append(keep, c) // NORP, EVENT, …
		}
	}
	if a.off.on("listed-people") {
		keep = a.listedPeople(keep, held)
	}
	if a.off.on("orphan-surnames") {
		keep = a.orphanSurnames(keep)
	}
	sort.Slice(keep, func(i, j int) bool { return keep[i].toks[0].Start < keep[j].toks[0].Start })
	return keep
}

// orphanSurnames drops the lone surnames the rules linked to a full name that, in the end, is no
// person's: the tagger took "MacBook Pro" for a product's name, so "Pro" is no one. A surname
// the sentence shows to be someone's, or a titled one, stays.
func (a *analysis) orphanSurnames(keep []candidate) []candidate {
	people := map[string]bool{}
	for _, c := range keep {
		if c.label == "PERSON" && len(c.toks) > 1 {
			people[joinToks(c.toks)], people[c.canonical] = true, true
		}
	}
	out := keep[:0]
	for _, c := range keep {
		if c.why == "surname" && len(c.toks) == 1 && !people[c.canonical] && !c.titled && !a.personCue(c) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// listSeparators join the items of a list of names.
var listSeparators = set(", |, and | and |, or | or |; ")

// listedPeople adds the guessed names of two or three words that are a person's elsewhere in the
// article, or stand in one list with a person: "Romelu Lukaku, Yannick Carrasco, and Dries
// Mertens" once one of them is known to be someone.
func (a *analysis) listedPeople(keep []candidate, held *coverage) []candidate {
	byStart, byEnd, names := map[int]bool{}, map[int]bool{}, map[string]bool{}
	// the list's items: the rules' candidates, and the people already kept, which carry the
	// spread along the list but start it only when the rules are sure of them (the tagger alone
	// would spread its mistakes)
	type item struct {
		c    candidate
		kept int // the index in keep of a name the tagger kept, or -1
	}
	var items []item
	for i, c := range keep {
		if c.label != "PERSON" {
			continue
		}
		if a.settled(c.why) || c.why == "acts" || a.personCue(c) {
			byStart[c.toks[0].Start], byEnd[c.toks[len(c.toks)-1].End] = true, true
			names[joinToks(c.toks)] = true
			if c.why == "surname" && (c.titled || a.personCue(c)) {
				names[c.canonical] = true // "Daly explained": the full name it stands for is someone too
			}
		} else {
			items = append(items, item{c, i})
		}
	}
	for _, c := range a.linked {
		items = append(items, item{c, -1})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].c.toks[0].Start < items[j].c.toks[0].Start })
	adjacent := func(s, e int) bool {
		for sep := range listSeparators {
			if s >= len(sep) && a.text[s-len(sep):s] == sep && byEnd[s-len(sep)] ||
				e+len(sep) <= len(a.text) && a.text[e:e+len(sep)] == sep && byStart[e+len(sep)] {
				return true
			}
		}
		return false
	}
	// a sweep each way spreads along a list from a person at either end; a few rounds settle what
	// a name found anew elsewhere adds (each sweep is linear: a 1 MB list stays fast)
	for round, changed := 0, true; changed && round < 4; round++ {
		changed = false
		for k := range 2 * len(items) {
			it := items[k%len(items)]
			if k >= len(items) {
				it = items[2*len(items)-1-k]
			}
			c := it.c
			s, e := c.toks[0].Start, c.toks[len(c.toks)-1].End
			if it.kept >= 0 {
				if next := adjacent(s, e); !byStart[s] && (next || names[joinToks(c.toks)]) { // by a person, or one elsewhere
					byStart[s], byEnd[e] = true, true
					if next && len(c.toks) == 1 && keep[it.kept].why == "" {
						keep[it.kept].why = "listed" // kept as a person by dropPlurals, like "acts"
					}
					changed = true
				}
				continue
			}
			// a guessed name, or one unknown capitalised word mid-sentence ("Zeus, Hera, Poseidon,
			// Aphrodite, and Athena")
			single := len(c.toks) == 1 && c.label == "" && !c.initial && looksLikeName(c.toks) && !lex().function[c.toks[0].Text]
			if !(c.why == "guess" && len(c.toks) >= 2 || single) || !held.free(s, e) {
				continue
			}
			if !single && names[joinToks(c.toks)] || adjacent(s, e) { // or the same full name is someone elsewhere
				if single {
					c.why = "listed" // kept as a person by dropPlurals, like "acts"
				}
				keep = append(keep, fixCandidate(c, "PERSON"))
				held.add(s, e)
				byStart[s], byEnd[e], names[joinToks(c.toks)] = true, true, true
				changed = true
			}
		}
	}
	return keep
}

// actors are the one-word names nothing else recognised that, somewhere in the document and not
// opening a sentence, do what people do ("between Gorbachev and …; … that Gorbachev agreed"):
// every mention of them is a person. Words the document also writes in lower case, words that
// name kinds of organisation or place, words after an article ("the Ministry said") and plurals
// ("Critics said": a person first named by surname alone rarely ends in s) are not.
// bodyAfter are the words after a body's name that say it is one: "Scientology officials", "the
// Quantcast website".
var bodyAfter = set("officials|official|spokesman|spokeswoman|spokesperson|spokespeople|executives|headquarters|employees|staffers|organization|organisation|leadership|attorney|attorneys|lawyers|shareholders|subsidiary|chairman|chairwoman|CEO|website")

// bodies are the one-word names nothing else recognises that the article writes as a body's
// somewhere — its officials, members or headquarters ("Scientology officials", "a member of
// Scientology"): every mention of them is the organisation's.
func (a *analysis) bodies() map[string]bool {
	out := map[string]bool{}
	for _, c := range a.linked {
		if c.label != "" || len(c.toks) != 1 {
			continue
		}
		t := c.toks[0]
		w := t.Text
		if !t.IsCap() || a.lower[strings.ToLower(w)] || lex().function[w] || isTitleWord(w) || isGiven(w) {
			continue
		}
		w1, at := wordBefore(a.text, t.Start)
		p2 := ""
		if w1 == "of" {
			w2, _ := wordBefore(a.text, at)
			p2 = strings.ToLower(w2)
		}
		if bodyAfter[nextWord(a.text, t.End)] || p2 == "member" || p2 == "members" || p2 == "employees" || p2 == "staff" {
			out[w] = true
		}
	}
	return out
}

func (a *analysis) actors() map[string]bool {
	out := map[string]bool{}
	for _, c := range a.linked {
		if c.label != "" || len(c.toks) != 1 || c.initial {
			continue
		}
		w := c.toks[0].Text
		if !c.toks[0].IsCap() || strings.HasSuffix(w, "s") || a.lower[strings.ToLower(w)] || lex().orgSuf[w] || lex().locSuf[w] || lex().facSuf[w] ||
			isTitleWord(w) || lex().function[w] || articles[strings.ToLower(prevWord(a.text, c.toks[0].Start))] {
			continue
		}
		if a.actsAsPerson(c.toks[0]) {
			out[w] = true
		}
	}
	return out
}

var articles = set("the|a|an")

// actsAsPerson reports a one-word name that does what people do: "that Gorbachev agreed", "…,
// said Mauer". A plural does not count ("Critics said"): a person first named by surname alone
// rarely ends in s.
func (a *analysis) actsAsPerson(t textutil.Token) bool {
	return !strings.HasSuffix(t.Text, "s") &&
		(a.humanSubject(t.End) || speechVerbs[strings.ToLower(prevWord(a.text, t.Start))])
}

// coverage is a set of byte ranges of the text, for asking whether a range is still free.
type coverage struct{ taken map[int]bool }

func newCoverage() *coverage { return &coverage{taken: map[int]bool{}} }

func (c *coverage) add(s, e int) {
	for i := s; i < e; i++ {
		c.taken[i] = true
	}
}

// free reports that no byte of [s, e) is taken.
func (c *coverage) free(s, e int) bool {
	for i := s; i < e; i++ {
		if c.taken[i] {
			return false
		}
	}
	return true
}

// personIndex holds the rules' person candidates by where they start, for finding one that
// contains a span.
type personIndex struct {
	cands  []candidate
	order  []int // index of each in a.linked: the first in that order wins, as it did in a scan
	maxLen int
}

func (a *analysis) peopleByStart() personIndex {
	var p personIndex
	for i, c := range a.linked {
		if coarse(c.label) == "PERSON" {
			p.cands = append(p.cands, c)
			p.order = append(p.order, i)
			p.maxLen = max(p.maxLen, c.toks[len(c.toks)-1].End-c.toks[0].Start)
		}
	}
	idx := make([]int, len(p.cands))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return p.cands[idx[i]].toks[0].Start < p.cands[idx[j]].toks[0].Start })
	cands, order := make([]candidate, len(idx)), make([]int, len(idx))
	for k, i := range idx {
		cands[k], order[k] = p.cands[i], p.order[i]
	}
	p.cands, p.order = cands, order
	return p
}

// around returns the first person candidate (in the rules' order) that holds [s, e) and is longer.
func (p personIndex) around(s, e int) (candidate, bool) {
	hi := sort.Search(len(p.cands), func(k int) bool { return p.cands[k].toks[0].Start > s })
	best := -1
	for k := hi - 1; k >= 0 && p.cands[k].toks[0].Start >= s-p.maxLen; k-- {
		c := p.cands[k]
		cs, ce := c.toks[0].Start, c.toks[len(c.toks)-1].End
		if cs <= s && e <= ce && ce-cs > e-s && (best < 0 || p.order[k] < p.order[best]) {
			best = k
		}
	}
	if best < 0 {
		return candidate{}, false
	}
	return p.cands[best], true
}

// speechVerbs follow a speaker's name.
var speechVerbs = set("said|says|told|tells|added|adds|explained|explains|wrote|writes|stated|states|argued|argues|warned|warns|noted|notes|asked|asks|replied|admitted|insisted|claimed|commented|announced|confirmed|continued")

// roles are lower-case words for what people are or do, which name the person next to them.
var roles = set("philosopher|mathematician|physicist|chemist|biologist|scientist|researcher|scholar|historian|economist|analyst|" +
	"professor|teacher|student|writer|author|novelist|poet|playwright|journalist|reporter|editor|columnist|photographer|blogger|" +
	"artist|painter|sculptor|singer|songwriter|musician|rapper|actor|actress|comedian|director|filmmaker|producer|designer|architect|" +
	"player|footballer|striker|midfielder|defender|goalkeeper|coach|captain|teammate|athlete|athletes|champion|" +
	"founder|co-founder|cofounder|owner|chairman|chairwoman|executive|entrepreneur|businessman|businesswoman|billionaire|investor|" +
	"spokesman|spokeswoman|spokesperson|lawyer|attorney|prosecutor|judge|senator|congressman|congresswoman|lawmaker|legislator|" +
	"candidate|activist|ambassador|diplomat|envoy|minister|president|governor|mayor|astronaut|engineer|doctor|surgeon|nurse|priest|" +
	"bishop|cardinal|rabbi|imam|officer|official|publisher|detective|inspector|treasurer|secretary|manager|commander|interviewee|" +
	"man|woman|boy|girl|teenager|mother|father|wife|husband|son|daughter|widow|resident|native|citizen|veteran|survivor|member|fan|volunteer|" +
	"head|leader|boss|ceo|chief")

// notPerson reports a name the tagger took for a person's that no given name opens and that
// reads as something else (unlikePerson), or whose every word the article also writes in lower
// case ("Free Culture", "Soup").
func (a *analysis) notPerson(toks []textutil.Token) bool {
	if isGiven(toks[0].Text) {
		return false
	}
	if unlikePerson(toks) {
		return true
	}
	for _, t := range toks {
		w := strings.TrimSuffix(strings.TrimSuffix(t.Text, "'s"), "’s")
		if !a.lower[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// isRole reports a role word, singular or plural ("photographers Nat Finkelstein, …").
func isRole(w string) bool {
	return roles[w] || len(w) > 3 && strings.HasSuffix(w, "s") && roles[w[:len(w)-1]]
}

// personCue reports what the sentence says of a guessed name that makes it someone's: it speaks
// or does what people do, a role names it, or in a match report it does what players do.
func (a *analysis) personCue(c candidate) bool {
	end := c.toks[len(c.toks)-1].End
	return a.humanSubject(end) || a.roleAround(c) || playerVerbs[nextWord(a.text, end)] && a.matchReport()
}

// roleAround reports a role right before a name ("philosopher Noam Chomsky"), before it across a
// comma ("the team's coach, Alireza Mehraban"), or in an apposition after it, past a comma and at
// most two words ("K.C. Maurer, chief financial officer", "Khaled Al-Maeena, editor at large").
func (a *analysis) roleAround(c candidate) bool {
	start, end := c.toks[0].Start, c.toks[len(c.toks)-1].End
	before := strings.TrimRight(a.text[:start], " ")
	comma := strings.HasSuffix(before, ",")
	if comma {
		before = strings.TrimRight(before[:len(before)-1], " ")
	}
	if isRole(strings.ToLower(prevWord(before, len(before)))) {
		return true
	}
	// "the head of NATO, Hoop Scheffer", "Co-founder of Google, Sergey Brin": a role of
	// something, then the name after a comma
	for at, k := len(before), 0; comma && k < 4 && at > 0; k++ {
		w := prevWord(before, at)
		if w == "" {
			break
		}
		at = strings.LastIndex(before[:at], w)
		if k > 0 && isRole(strings.ToLower(w)) && nextWord(before, at+len(w)) == "of" {
			return true
		}
	}
	after := strings.TrimLeft(a.text[end:], " ")
	if !strings.HasPrefix(after, ",") {
		return false
	}
	at := end + strings.Index(a.text[end:], ",") + 1
	for range 4 {
		w := nextWord(a.text, at)
		if w == "" {
			return false
		}
		if isRole(w) {
			return true
		}
		// what may stand before the role: "a", "chief financial", "14-year-old", "an
		// Australian", "Panama"
		e, known := lex().names[w]
		if w != strings.ToLower(w) && !(known && (e.label == "NORP" || e.label == "GPE")) ||
			w == strings.ToLower(w) && !articles[w] && !adjectiveLike(w) {
			return false
		}
		at += strings.Index(a.text[at:], w) + len(w)
	}
	return false
}

// adjectiveLike: a (lower-case) word that may qualify a role in an apposition ("chief financial
// officer", "former editor", "a longtime editor").
func adjectiveLike(w string) bool {
	return (strings.HasSuffix(w, "al") || strings.ContainsAny(w, "-0123456789") || strings.HasSuffix(w, "ive") || strings.HasSuffix(w, "er") ||
		w == "chief" || w == "former" || w == "senior" || w == "longtime" || w == "deputy" || w == "assistant" || w == "general" || w == "head")
}

// plausible vets a name the rules did not propose: its words sit side by side (not across table
// cells or a line break), and a lone capitalised word opening a sentence is a name only where it is
// known as that kind of name (a gazetteer entry, a given name for a person) — "Safety comes first" is
// not about a person called Safety.
func (a *analysis) plausible(toks []textutil.Token, initial bool, class string) bool {
	for k := 1; k < len(toks); k++ {
		if !adjacent(a.text, toks[k-1], toks[k]) {
			return false
		}
	}
	if len(toks) == 1 && class == "LOC" && !isPlaceName(toks[0].Text) && abstractNoun(toks[0].Text) {
		return false // "Scientology", "Linguistics", "Islamophobia": doctrines and fields, not places
	}
	if len(toks) == 1 && initial {
		w := toks[0].Text
		if e, ok := lex().names[w]; ok {
			return coarse(e.label) == class
		}
		return class == "PERSON" && isGiven(w)
	}
	return true
}

// abstractNoun reports a word with the ending of a doctrine, a field or a fear.
func abstractNoun(w string) bool {
	for _, suf := range []string{"ology", "ism", "ics", "phobia", "sophy", "ship"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// isPlaceName: a gazetteer country, city or region.
func isPlaceName(w string) bool {
	e, ok := lex().names[w]
	return ok && (e.label == "GPE" || e.label == "LOC")
}

// fixCandidate gives a candidate the tagger's class, keeping what the rules knew when it agrees.
func fixCandidate(c candidate, class string) candidate {
	c.fixed = true
	name := joinToks(c.toks)
	if coarse(c.label) == class && c.canonical != "" {
		return c
	}
	c.canonical = name
	if e, ok := lex().names[name]; ok && coarse(e.label) == class {
		c.label, c.canonical = e.label, e.canonical
		c.gender = max(c.gender, e.gender)
		return c
	}
	switch class {
	case "PERSON":
		c.label = "PERSON"
		if c.gender == 0 {
			c.gender = givenGender(c.toks[0].Text)
		}
	case "ORG":
		c.label = "ORG"
	case "LOC":
		c.label = placeLabel(c.toks)
	}
	return c
}

// placeLabel splits the tagger's places into OntoNotes' GPE, LOC and FAC by the name's last word.
func placeLabel(toks []textutil.Token) string {
	last := toks[len(toks)-1].Text
	switch {
	case lex().facSuf[last]:
		return "FAC"
	case lex().locSuf[last]:
		return "LOC"
	}
	if e, ok := lex().names[joinToks(toks)]; ok && (e.label == "LOC" || e.label == "FAC") {
		return e.label
	}
	return "GPE"
}
