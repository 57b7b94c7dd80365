// Package entity finds named entities (OntoNotes labels) in the article text and links the
// mentions of one entity to a single canonical name.
package entity

import (
	_ "embed"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/sched"
	"github.com/attest-news/attest/annotate/internal/syntax"
	"github.com/attest-news/attest/annotate/internal/textutil"
)

// Mention is one entity mention: Text[Start:End] with its label and canonical name.
type Mention struct {
	Start, End int
	Label      string
	Canonical  string
	Gender     byte // 'm' or 'f' for people when known
	why        string
}

type entry struct {
	label     string
	canonical string
	gender    byte
	country   bool // a country (or its common short name), not a state, region or city
	division  bool // a state, province or region: "Town, State" makes the town a place
}

// lexicon holds every gazetteer name keyed by its exact spelling.
type lexicon struct {
	names    map[string]entry
	maxWords int
	surname  map[string]string // last word of a known person's name → the full name
	given    map[string]byte   // given name → gender (hand-written lists)
	titles   map[string]byte   // title → gender (0 when neutral)
	maxTitle int
	orgSuf   map[string]bool
	locSuf   map[string]bool
	geoSuf   map[string]bool // place suffixes that outrank a given name
	facSuf   map[string]bool
	eventSuf map[string]bool
	function map[string]bool
	gaz      map[string]string // gazClass's answers for the words above (classTable)
}

// givenNames is the large given-name list (see gennames): weaker evidence than the hand-written
// lists above, so it never overrides a place or facility suffix. Its lines ("f Name") are sorted
// by name, so weakGiven searches the embedded text itself: no table is built at start-up (a map
// of its 8,400 names was a third of the engine's initialisation in the browser).
//
//go:embed given-names.txt
var givenNames string

var weakNames = newNameList(givenNames)

// nameList is a list of "g name" lines (g is f, m or x for both) sorted bytewise by name, after
// one comment line, with every name starting with an ASCII capital; first[c] is where the names
// starting with 'A'+c begin (first[26] is the end), so a search looks at one letter's lines.
type nameList struct {
	text  string
	first [27]int
}

func newNameList(text string) *nameList {
	l := &nameList{text: text}
	start := strings.IndexByte(text, '\n') + 1
	if start == 0 {
		start = len(text)
	}
	c := 0
	for i := start; i < len(text); {
		if i+2 < len(text) {
			for ; c < 26 && text[i+2] >= 'A'+byte(c); c++ {
				l.first[c] = i
			}
		}
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
	}
	for ; c < 27; c++ {
		l.first[c] = len(text)
	}
	return l
}

// find binary-searches the list for name and returns its gender ('f', 'm', or 0 for both).
func (l *nameList) find(name string) (byte, bool) {
	if name == "" || name[0] < 'A' || name[0] > 'Z' {
		return 0, false
	}
	list := l.text
	lo, hi := l.first[name[0]-'A'], l.first[name[0]-'A'+1] // [lo, hi) holds whole lines
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := strings.LastIndexByte(list[lo:mid], '\n') + 1 + lo // the line holding mid
		end := strings.IndexByte(list[start:hi], '\n')
		if end < 0 {
			end = hi
		} else {
			end += start
		}
		line := list[start:end]
		if len(line) < 3 {
			return 0, false // malformed: TestNameList holds the embedded list to its format
		}
		switch c := strings.Compare(line[2:], name); {
		case c == 0:
			switch line[0] {
			case 'f', 'm':
				return line[0], true
			}
			return 0, true
		case c < 0:
			lo = end + 1
		default:
			hi = start
		}
	}
	return 0, false
}

// lex is the lexicon, built on first use: that is a third of the engine's own initialisation
// (about 6 ms under Node, more in a browser that compiles each function on its first call), and
// a page wants the engine ready before the first article arrives.
var lex = sync.OnceValue(buildLexicon)

func buildLexicon() *lexicon {
	// maps sized up front: growing them entry by entry was most of the engine's start-up in WASM
	l := &lexicon{names: make(map[string]entry, 4096), surname: map[string]string{}, given: make(map[string]byte, 1024),
		titles: map[string]byte{},
		orgSuf: set(orgSuffixes), locSuf: set(locSuffixes), geoSuf: set(geoSuffixes), facSuf: set(facSuffixes), eventSuf: set(eventSuffixes), function: set(functionWords)}
	add := func(name string, e entry) {
		if e.canonical == "" {
			e.canonical = name
		}
		if _, ok := l.names[name]; !ok {
			l.names[name] = e
		}
		l.maxWords = max(l.maxWords, strings.Count(name, " ")+1)
	}
	for _, n := range splitList(countries) {
		add(n, entry{label: "GPE", country: true})
	}
	for _, n := range splitList(usStates) {
		add(n, entry{label: "GPE", division: true})
	}
	for _, n := range splitList(cities) {
		add(n, entry{label: "GPE"})
	}
	for _, n := range splitList(regions) {
		add(n, entry{label: "LOC"})
	}
	for _, alias := range []string{"U.S.", "U.S", "US", "USA", "U.S.A.", "America", "United States", "United States of America", "the States"} {
		l.names[alias] = entry{label: "GPE", canonical: "United States", country: true}
	}
	for _, alias := range []string{"UK", "U.K.", "Britain", "Great Britain", "United Kingdom"} {
		l.names[alias] = entry{label: "GPE", canonical: "United Kingdom", country: true}
	}
	l.names["UAE"] = entry{label: "GPE", canonical: "United Arab Emirates", country: true}
	for _, alias := range []string{"Washington D.C.", "Washington, D.C.", "Washington DC", "Washington, DC"} {
		l.names[alias] = entry{label: "GPE", canonical: "Washington, D.C."}
	}
	for _, n := range splitList(nationalities) {
		add(n, entry{label: "NORP"})
		if !strings.HasSuffix(n, "ese") && !strings.HasSuffix(n, "sh") && !strings.HasSuffix(n, "ch") && !strings.HasSuffix(n, "i") {
			add(n+"s", entry{label: "NORP", canonical: n})
		}
	}
	for _, n := range splitList(orgs) {
		name, canon, _ := strings.Cut(n, "=")
		add(name, entry{label: "ORG", canonical: canon})
		if canon != "" {
			add(canon, entry{label: "ORG"}) // a canonical name is a name too: "United States Air Force"
		}
	}
	for _, p := range splitList(persons) {
		name, g, _ := strings.Cut(p, ":")
		add(name, entry{label: "PERSON", gender: g[0]})
		if f := strings.Fields(name); len(f) > 1 {
			l.surname[f[len(f)-1]] = name
		}
	}
	for _, n := range splitList(maleNames) {
		l.given[n] = 'm'
	}
	for _, n := range splitList(femaleNames) {
		if _, ok := l.given[n]; ok {
			l.given[n] = 0 // used for both
			continue
		}
		l.given[n] = 'f'
	}
	for _, t := range splitList(titles) {
		l.titles[t] = 0
		l.maxTitle = max(l.maxTitle, textutil.WordCount(t))
	}
	for _, t := range splitList(maleTitles) {
		l.titles[t] = 'm'
	}
	for _, t := range splitList(femaleTitles) {
		l.titles[t] = 'f'
	}
	l.gaz = l.classTable()
	return l
}

func set(list string) map[string]bool {
	m := map[string]bool{}
	for _, s := range splitList(list) {
		m[s] = true
	}
	return m
}

// candidate is a run of capitalised tokens before classification.
type candidate struct {
	toks      []textutil.Token
	titled    bool
	gender    byte
	initial   bool // starts a sentence
	label     string
	canonical string
	prev      string // the word before the candidate, lower case ("in" before a place)
	why       string // which rule labelled it: a feature for the tagger
	fixed     bool   // labelled by the tagger: linking may set its canonical name, not its label
}

// Find returns the document's entity mentions in text order, linked to canonical names.
//
// The tagger reads the syntax layer's parts of speech: a document the syntax stage has not seen
// is tagged here first (without parsing).
func Find(d *doc.Doc) []Mention { return FindWith(d, nil) }

// FindWith is Find with the rules whose IDs off holds switched off (see Rules).
func FindWith(d *doc.Doc, off map[string]bool) []Mention {
	if len(d.Tokens) == 0 && len(d.Blocks) > 0 {
		syntax.AnalyzeWhere(d, func(string) bool { return false })
	}
	// the sub-stages yield to the collector in between (see sched): on a long article each runs
	// for hundreds of milliseconds in WebAssembly
	a := analyzeWith(d, off)
	sched.Yield()
	cands := a.cands
	if m := loadedModel(); m != nil {
		rules := a.ruleMentions()
		sched.Yield()
		tagged := m.tagAll(a, rules)
		sched.Yield()
		cands = a.reconcile(tagged)
		sched.Yield()
	}
	linked := link(d.Text, cands, a.lower, a.off)
	sched.Yield()
	ms := a.dropPlurals(linked)
	if a.off.on("datelines") {
		ms = a.datelines(ms)
	}
	if a.off.on("sports-teams") {
		ms = a.sportsTeams(ms)
	}
	if a.off.on("named-things") {
		ms = a.namedThings(ms)
	}
	if a.off.on("parties") {
		ms = a.parties(ms)
	}
	if a.off.on("party-tags") {
		ms = a.partyTags(ms)
	}
	all := append(a.nums, ms...)
	sort.Slice(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	if a.off.on("towns") {
		return a.towns(dedupe(all))
	}
	return dedupe(all)
}

// dropPlurals removes one-word "people" that are the plural of a capitalised word the document
// also uses ("Polaroids" beside "Polaroid", "Paralympics" beside "Paralympic"), and one unknown
// word only the tagger calls a person.
func (a *analysis) dropPlurals(ms []Mention) []Mention {
	var singular map[string]bool
	acts := map[string]bool{} // one-word people that somewhere do what only people do
	for _, m := range ms {
		if m.Label == "PERSON" && a.actsAsPerson(textutil.Token{Text: a.text[m.Start:m.End], Start: m.Start, End: m.End}) {
			acts[a.text[m.Start:m.End]] = true
		}
	}
	out := ms[:0]
	for _, m := range ms {
		w := a.text[m.Start:m.End]
		if m.Label == "PERSON" && a.off.on("drop-unknown-person") && m.Canonical == w && !strings.ContainsAny(w, " -") && !a.settled(m.why) && m.why != "acts" && m.why != "listed" && m.why != "credit" && !isGiven(w) && !acts[w] {
			continue // one unknown word the tagger alone calls a person, tied to no fuller name: "Marine", "Galaxy", "Godiva"
		}
		if m.Label == "PERSON" && a.off.on("drop-plural-person") && len(w) > 3 && strings.HasSuffix(w, "s") && !strings.ContainsAny(w, " -'’") {
			if singular == nil {
				singular = map[string]bool{}
				for _, toks := range a.blocks {
					for _, t := range toks {
						if t.IsCap() {
							singular[t.Text] = true
						}
					}
				}
			}
			if singular[w[:len(w)-1]] {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// humanVerbs are what a person, and hardly anything else, does: the speech verbs and more. A name
// right before one (past at most one adverb or auxiliary) is someone: "Gorbachev agreed",
// "Gorbachev also proposed".
var humanVerbs = func() map[string]bool {
	m := set("agreed|agrees|proposed|proposes|believed|believes|thought|thinks|wanted|wants|decided|promised|hoped|hopes|" +
		"recalled|recalls|denied|urged|vowed|apologised|apologized|resigned|testified|acknowledged|suggested|emailed|tweeted")
	for v := range speechVerbs {
		m[v] = true
	}
	return m
}()

var beforeVerb = set("also|then|later|never|still|once|previously|recently|has|had|would|will|did|repeatedly|reportedly")

// humanSubject reports a human verb after offset end.
func (a *analysis) humanSubject(end int) bool {
	next := nextWord(a.text, end)
	if beforeVerb[next] {
		next = nextWord(a.text, end+strings.Index(a.text[end:], next)+len(next))
	}
	return humanVerbs[next]
}

// analysis is the rules' view of a document: tokens per block, the words it writes in lower
// case, rule-based numeric mentions and classified name candidates.
type analysis struct {
	text   string
	blocks [][]textutil.Token
	lower  map[string]bool
	nums   []Mention
	cands  []candidate
	linked []candidate  // cands after linking (ruleMentions)
	off    switches     // rules switched off
	upos   [][]doc.UPOS // per block, the syntax layer's part of speech of each token (nil: not tagged)
}

// uposOf is block bi's parts of speech, one per token (nil when the text was not tagged).
func (a *analysis) uposOf(bi int) []doc.UPOS {
	if bi < len(a.upos) {
		return a.upos[bi]
	}
	return nil
}

// alignUPOS gives each token the part of speech of the syntax layer's token that starts where it
// does, or failing that the one it starts inside ("U.S." against "U.S" + "."): the two layers
// tokenize alike but not identically.
func alignUPOS(blocks [][]textutil.Token, syn []doc.Token) [][]doc.UPOS {
	if len(syn) == 0 {
		return nil
	}
	out := make([][]doc.UPOS, len(blocks))
	k := 0
	for bi, toks := range blocks {
		if len(toks) == 0 {
			continue
		}
		tags := make([]doc.UPOS, len(toks))
		for i, t := range toks {
			for k < len(syn) && syn[k].End <= t.Start {
				k++
			}
			if k < len(syn) && syn[k].Start <= t.Start {
				tags[i] = syn[k].UPOS
			}
		}
		out[bi] = tags
	}
	return out
}

func analyze(d *doc.Doc) *analysis { return analyzeWith(d, nil) }

func analyzeWith(d *doc.Doc, off switches) *analysis {
	a := &analysis{text: d.Text, lower: map[string]bool{}, off: off}
	// tokenize every block once: the document's lower-case vocabulary is needed before any block
	a.blocks = make([][]textutil.Token, len(d.Blocks))
	for bi, b := range d.Blocks {
		if b.End <= b.Start {
			continue
		}
		toks := textutil.Tokenize(d.Text[b.Start:b.End])
		for i := range toks {
			toks[i].Start += b.Start
			toks[i].End += b.Start
			if toks[i].IsWord() && !toks[i].IsCap() {
				a.lower[toks[i].Text] = true // the words the document writes in lower case somewhere
			}
		}
		a.blocks[bi] = toks
	}
	a.upos = alignUPOS(a.blocks, d.Tokens)
	sched.Yield()
	for bi, b := range d.Blocks {
		toks := a.blocks[bi]
		if len(toks) == 0 {
			continue
		}
		if bi%256 == 255 {
			sched.Yield()
		}
		nums := numericMentions(d.Text, toks, b.End)
		a.nums = append(a.nums, nums...)
		a.cands = append(a.cands, nameCandidates(d.Text, toks, nums, blockAllCaps(toks), a.lower)...)
	}
	for i := range a.cands {
		classify(&a.cands[i], a.lower, a.off)
	}
	for _, st := range []struct {
		id  string
		run func()
	}{
		{"affiliation", a.affiliations}, {"vet-locatives", a.vetLocatives}, {"places-of", a.placesOf},
		{"place-lists", a.placeLists}, {"places-by-noun", a.placesByNoun},
	} {
		if a.off.on(st.id) {
			st.run()
		}
	}
	return a
}

// geoNouns follow a place's name and make it one: "the Tagus estuary", "the Mekong delta".
var geoNouns = set("river|estuary|delta|valley|basin|coast|coastline|bay|gulf|peninsula|plateau|desert|lagoon|canal|riverbank|waterfront|glacier|archipelago")

// placesByNoun labels a one-word name the article writes before a kind of landform as a place in
// every mention: "on the Tagus … the Tagus estuary" (the tagger, seeing "Tagus Fishermen's
// Association" too, took it for an organisation).
func (a *analysis) placesByNoun() {
	var places map[string]bool // nil until a name is found: most articles have none
	for _, c := range a.cands {
		if len(c.toks) == 1 && c.label == "" && geoNouns[nextWord(a.text, c.toks[0].End)] {
			if places == nil {
				places = map[string]bool{}
			}
			places[c.toks[0].Text] = true
		}
	}
	for i := range a.cands {
		if c := &a.cands[i]; len(c.toks) == 1 && c.label == "" && places[c.toks[0].Text] {
			c.label, c.canonical, c.why = "LOC", c.toks[0].Text, "placeof"
		}
	}
}

// placePlurals are kinds of places in the plural: a list of names before one is a list of places.
var placePlurals = set("towns|cities|villages|suburbs|districts|provinces|states|counties|regions|islands|municipalities|prefectures|communes|settlements|neighbourhoods|neighborhoods|boroughs|parishes|oblasts|governorates|countries")

// placeLists labels the names of a list that ends before a plural kind of place as places:
// "Barry, Berrien, Calhoun, Cass, Kalamazoo and Van Buren counties" (people's names, some of
// them, but not here).
func (a *analysis) placeLists() {
	for i := range a.cands {
		end := a.cands[i].toks[len(a.cands[i].toks)-1].End
		if w := nextWord(a.text, end); !placePlurals[w] || !strings.HasPrefix(a.text[end:], " "+w) {
			continue
		}
		// back along the list over ", ", " and ", ", and "
		for k := i; k >= 0; k-- {
			p := &a.cands[k]
			if p.label != "" && p.label != "PERSON" && p.label != "GPE" || p.why == "titled" {
				break
			}
			p.label, p.canonical, p.why = "GPE", joinToks(p.toks), "placeof"
			if k == 0 {
				break
			}
			if gap, ok := a.between(&a.cands[k-1], p); !ok || !listSeparators[gap] && gap != ", and " {
				break
			}
		}
	}
}

// datelines adds the place a wire story's dateline opens with, written in capitals at the start
// of a paragraph: "LONDON 1996-08-24", "AL-AIN, United Arab Emirates 1996-12-06", "LONDON
// (Reuters) -", "NAIROBI, Kenya —". Read as words, the capitals would be an acronym. A date or an
// agency after it is enough; after a bare dash ("SOCCER - JAPAN WIN") the gazetteer must know the
// place. It runs after the tagger, whose training texts hold almost no datelines: as a feature
// it only moved the model's weights about.
func (a *analysis) datelines(ms []Mention) []Mention {
	for i := range a.cands {
		c := &a.cands[i]
		if len(c.toks) > 3 {
			continue
		}
		caps := true
		for _, t := range c.toks {
			caps = caps && t.IsAllCaps() && len(t.Text) >= 3
		}
		before := strings.TrimRight(a.text[:c.toks[0].Start], " \t")
		if !caps || before != "" && !strings.HasSuffix(before, "\n") {
			continue
		}
		if e, ok := lex().names[joinToks(c.toks)]; ok && e.label != "GPE" && e.label != "LOC" {
			continue // an acronym the gazetteer knows: "NASA"
		}
		words := make([]string, len(c.toks))
		for k, t := range c.toks {
			parts := strings.Split(t.Text, "-")
			for p := range parts {
				if parts[p] != "" {
					parts[p] = titleCase(parts[p])
				}
			}
			words[k] = strings.Join(parts, "-") // "AL-AIN" → "Al-Ain"
		}
		name := strings.Join(words, " ")
		end := c.toks[len(c.toks)-1].End
		rest := datelineCountry.ReplaceAllString(a.text[end:min(len(a.text), end+80)], "")
		if !(datelineDate.MatchString(rest) || datelineAgency.MatchString(rest) || datelineDash.MatchString(rest) && isPlaceName(name)) {
			continue
		}
		m := Mention{Start: c.toks[0].Start, End: end, Label: "GPE", Canonical: name, why: "placeof"}
		if e, ok := lex().names[name]; ok && (e.label == "GPE" || e.label == "LOC") {
			m.Label, m.Canonical = e.label, e.canonical
		}
		out := ms[:0]
		for _, o := range ms {
			if o.End <= m.Start || o.Start >= m.End {
				out = append(out, o) // what overlaps the place was the capitals read as something else
			}
		}
		ms = append(out, m)
	}
	return ms
}

var (
	// datelineCountry is the country or state a dateline may name after the city: ", Kenya"
	datelineCountry = textutil.Lazy(`^\s*,\s*(?:[A-Z][\w.'’-]*\s?){1,4}`)
	datelineDate    = textutil.Lazy(`^\s*(?:\d{4}-\d\d-\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b)`)
	datelineAgency  = textutil.Lazy(`^\s*\([A-Z][\w .&'’-]{1,30}\)\s*[-–—:]`)
	datelineDash    = textutil.Lazy(`^\s*[-–—]\s`)
)

// placeNouns name kinds of places: the name after "the town of" is a place's.
var placeNouns = set("town|city|village|hamlet|suburb|district|province|state|county|region|island|capital|municipality|prefecture|commune|port|settlement|neighbourhood|neighborhood|borough|parish|oblast|governorate|emirate|kingdom|republic")

// placesOf labels the name after "the town of", "the city of" and the like a place: "the town of
// Yeoncheon", "the Melbourne suburb of Preston". A name the rules know otherwise keeps its label.
func (a *analysis) placesOf() {
	for i := range a.cands {
		c := &a.cands[i]
		if !(c.label == "" || c.why == "guess" || c.why == "weakgiven" || c.why == "given1") || !looksLikeName(c.toks) {
			continue
		}
		before := strings.TrimSuffix(a.text[:c.toks[0].Start], " ")
		if !strings.HasSuffix(before, " of") {
			continue
		}
		if placeNouns[strings.ToLower(prevWord(before, len(before)-3))] {
			c.label, c.canonical, c.why = "GPE", joinToks(c.toks), "placeof"
		}
	}
}

// notMotion are the words before a "to" that leads to no place.
var notMotion = set("according|attributed|thanks|due|compared|similar|related|owing|next|reply|replied|tribute|dedicated|credited|referring|listen|listened|listening|talk|talked|talking|spoke|speaking|wrote|writing|said|told|belongs|belong|belonged|married|known|addressed|apologised|apologized|responded|introduced|opposed|loyal|close|thank")

// vetLocatives takes back the place an unknown word was given for following "in" or "to" where it
// names a field ("a degree in Linguistics"), qualifies the noun after it ("dead in Hajj
// stampede"), or the "to" goes nowhere ("attributed to Einstein").
func (a *analysis) vetLocatives() {
	for i := range a.cands {
		c := &a.cands[i]
		if c.why != "locative" {
			continue
		}
		if abstractNoun(c.toks[0].Text) || qualifiesNoun(nextWord(a.text, c.toks[0].End)) {
			c.label, c.why = "", ""
			continue
		}
		// "according to Quantcast", "attributed to Einstein": "to" that goes nowhere
		if c.prev == "to" {
			_, to := wordBefore(a.text, c.toks[0].Start)
			if w, _ := wordBefore(a.text, to); notMotion[strings.ToLower(w)] {
				c.label, c.why = "", ""
			}
		}
	}
}

// qualifiesNoun reports the lower-case word after a name that makes the name a modifier of it
// ("the Social Welfare constituency", "Hajj stampede"): not a word that may follow a name in a
// sentence, nor a past tense ("… failed").
func qualifiesNoun(w string) bool {
	return w != "" && w == strings.ToLower(w) && !afterBody[w] && !strings.HasSuffix(w, "ed")
}

// between is the text between two candidates, the first before the second; false where they
// overlap.
func (a *analysis) between(p, c *candidate) (string, bool) {
	s, e := p.toks[len(p.toks)-1].End, c.toks[0].Start
	if s > e {
		return "", false
	}
	return a.text[s:e], true
}

// afterBody are the lower-case words that may follow a body's name in a sentence.
var afterBody = set("and|or|in|at|on|of|for|from|to|by|near|during|since|after|before|until|where|when|while|was|were|is|are|has|had|have|who|which|said|says|won|lost|but|with|as")

// affiliations labels the name after a person's and "of", or before a person's with "'s", as the
// body the person belongs to: "Raymond Chan of People Power", "Gary Fan of the Neo Democrats",
// "Demosisto's Nathan Law". A place stays a place ("Abdullah of Jordan"); a name the rules know
// otherwise keeps its label.
func (a *analysis) affiliations() {
	for i := 1; i < len(a.cands); i++ {
		p, c := &a.cands[i-1], &a.cands[i]
		if p.label != "PERSON" || p.why == "guess" || !(c.label == "" || c.label == "PERSON" && c.why == "guess") {
			continue
		}
		// "of the Social Welfare constituency": a name before a noun only qualifies it
		if qualifiesNoun(nextWord(a.text, c.toks[len(c.toks)-1].End)) {
			continue
		}
		gap, ok := a.between(p, c)
		if !ok || gap != " of " && gap != " of the " || !looksLikeName(c.toks) && !isAcronym(c.toks[0].Text) {
			continue
		}
		if isPlaceName(joinToks(c.toks)) || len(c.toks) == 1 && isGiven(c.toks[0].Text) {
			continue
		}
		c.label, c.canonical, c.why = "ORG", joinToks(c.toks), "affil"
	}
	// "Youngspiration's Baggio Leung", "Demosisto's Nathan Law": an unknown name owning a person
	for i := 0; i+1 < len(a.cands); i++ {
		c, p := &a.cands[i], &a.cands[i+1]
		if p.label != "PERSON" || p.why == "guess" || c.label != "" && !(c.label == "PERSON" && c.why == "guess") {
			continue
		}
		gap, ok := a.between(c, p)
		if !ok || gap != "'s " && gap != "’s " || isPlaceName(joinToks(c.toks)) || isGiven(c.toks[0].Text) || !looksLikeName(c.toks) && !isAcronym(c.toks[0].Text) {
			continue
		}
		c.label, c.canonical, c.why = "ORG", joinToks(c.toks), "affil"
	}
}

// ruleMentions links a copy of the candidates: the rules' complete answer, sorted. The linked
// candidates are kept for reconcile.
func (a *analysis) ruleMentions() []Mention {
	a.linked = append([]candidate(nil), a.cands...)
	all := append(append([]Mention(nil), a.nums...), link(a.text, a.linked, a.lower, a.off)...)
	sort.Slice(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	return dedupe(all)
}

func blockAllCaps(toks []textutil.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if r, _ := utf8.DecodeRuneInString(t.Text); t.IsWord() && !unicode.IsDigit(r) {
			words++
			if t.IsAllCaps() {
				caps++
			}
		}
	}
	return words >= 4 && caps*10 >= words*8
}

// orgOf reports an organisation's generic word followed by "of" in toks: "Supreme Court of
// Cassation", "Ministry of Culture".
func orgOf(toks []textutil.Token) bool {
	for x := 0; x+1 < len(toks); x++ {
		if lex().orgSuf[toks[x].Text] && toks[x+1].Text == "of" {
			return true
		}
	}
	return false
}

func isOrgName(s string) bool {
	e, ok := lex().names[s]
	return ok && e.label == "ORG"
}

// letterCompound reports a common noun written with a capital letter and a hyphen: "T-shirt",
// "X-ray", "U-turn", "E-mail" — never part of a name ("a NASA T-shirt").
func letterCompound(w string) bool {
	return len(w) > 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '-' && strings.IndexFunc(w[2:], unicode.IsUpper) < 0
}

var connectors = map[string]bool{"of": true, "and": true, "de": true, "la": true, "del": true, "van": true, "von": true, "der": true, "al": true, "bin": true, "&": true, "for": true}

// nameCandidates finds runs of capitalised words, split at titles and stripped of sentence-initial
// function words.
func nameCandidates(text string, toks []textutil.Token, nums []Mention, allCaps bool, lower map[string]bool) []candidate {
	inNum := func(t textutil.Token) bool { // nums are in text order: one search, not a scan per token
		k := sort.Search(len(nums), func(k int) bool { return nums[k].End > t.Start })
		return k < len(nums) && nums[k].Start < t.End
	}
	var out []candidate
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.IsWord() || !t.IsCap() || inNum(t) || (allCaps && !lexKnown(t.Text)) || letterCompound(t.Text) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			n := toks[j]
			// after a word ending in a full stop, "The" or a label opens a new sentence
			// ("in Washington D.C. The team …", "Washington D.C. Image: …")
			stop := strings.HasSuffix(toks[j-1].Text, ".") && (lex().function[n.Text] || j+1 < len(toks) && toks[j+1].Text == ":")
			if n.IsWord() && n.IsCap() && !inNum(n) && adjacent(text, toks[j-1], n) && !stop && !letterCompound(n.Text) {
				j++
				continue
			}
			if connectors[n.Text] && j+1 < len(toks) && toks[j+1].IsCap() && toks[j+1].IsWord() && !inNum(toks[j+1]) && adjacent(text, n, toks[j+1]) {
				j += 2
				continue
			}
			// a possessive inside an organisation's name: "Fishermen's Association", "People's Party"
			if isPossessive(n.Text) && j+1 < len(toks) && lex().orgSuf[toks[j+1].Text] && toks[j-1].End == n.Start {
				j += 2
				continue
			}
			break
		}
		initial := sentenceInitial(toks, i)
		before := len(out)
		out = append(out, splitRun(toks[i:j], initial, lower)...)
		if before < len(out) && i > 0 && out[before].toks[0].Start == t.Start {
			out[before].prev = strings.ToLower(toks[i-1].Text)
		}
		// a candidate split off inside the run: the run's word before it ("Minister of |
		// Education Stefania Giannini" has "of"); the candidates are in order, so one walk
		for k, x := before, i+1; k < len(out); k++ {
			for x < j && toks[x].Start < out[k].toks[0].Start {
				x++
			}
			if out[k].prev == "" && x < j && toks[x].Start == out[k].toks[0].Start {
				out[k].prev = strings.ToLower(toks[x-1].Text)
			}
		}
		i = j
	}
	return out
}

// adjacent: two tokens separated only by spaces (no comma or line break between name parts).
func adjacent(text string, a, b textutil.Token) bool {
	gap := text[a.End:b.Start]
	return len(gap) <= 2 && strings.TrimLeft(gap, " ") == ""
}

func isPossessive(s string) bool { return s == "'s" || s == "’s" || s == "‘s" }

func sentenceInitial(toks []textutil.Token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch toks[k].Text {
		case "“", "\"", "‘", "'", "(", "«", "„", "—", "–", "-":
			continue
		case ".", "!", "?", ":", ";":
			return true
		}
		return false
	}
	return true
}

func lexKnown(s string) bool {
	_, ok := lex().names[s]
	return ok
}

// splitRun cuts a capitalised run into name candidates: leading function words go, titles split
// the run and mark what follows as a person.
func splitRun(run []textutil.Token, initial bool, lower map[string]bool) []candidate {
	var out []candidate
	// drop sentence-initial function words ("However", "The" before a non-name) and common words
	// the document also writes in lower case ("Critics of Scientology" → "critics"), unless a known
	// name starts with them ("New Zealand begins…" where the article also says "new")
	for len(run) > 0 && run[0].Text != "The" && (lex().function[run[0].Text] ||
		initial && lower[strings.ToLower(run[0].Text)] && longestName(run) == 0 && !isGiven(run[0].Text)) {
		run, initial = run[1:], false
		for len(run) > 0 && connectors[run[0].Text] {
			run = run[1:]
		}
	}
	var cur []textutil.Token
	titled, gender := false, byte(0)
	andAt := -1 // the first "and" after k
	flush := func() {
		for len(cur) > 0 && connectors[cur[len(cur)-1].Text] {
			cur = cur[:len(cur)-1]
		}
		// an organisation's name followed by a person's: "Refugee Council Enver Solomon"
		for i := 1; i < len(cur)-1; i++ {
			if lex().orgSuf[cur[i].Text] && len(cur)-i-1 <= 3 && (isGiven(cur[i+1].Text) || len(cur)-i-1 >= 2) && looksLikeName(cur[i+1:]) &&
				!lex().facSuf[cur[len(cur)-1].Text] && !lex().orgSuf[cur[len(cur)-1].Text] { // "Air Force Base" is one name
				out = append(out, candidate{toks: cur[:i+1], initial: initial && len(out) == 0})
				cur = cur[i+1:]
				titled = true
				break
			}
		}
		if len(cur) > 0 {
			out = append(out, candidate{toks: cur, titled: titled, gender: gender, initial: initial && len(out) == 0})
		}
		cur, titled, gender = nil, false, 0
	}
	for k := 0; k < len(run); {
		// a person's name ends where a known name starts: "Adam Shaw | Associated Press"
		if len(cur) >= 2 && isStrongGiven(cur[0].Text) && !connectors[run[k].Text] && longestName(run[k:]) > 0 && looksLikeName(cur) {
			flush()
		}
		// a whole known name wins over a title inside it ("Prince Edward Island")
		if n := longestName(run[k:]); n > 0 && len(cur) == 0 {
			cur = append(cur, run[k:k+n]...)
			k += n
			e := lex().names[joinToks(cur)]
			rest := len(run) - k
			// a place or nationality before another name modifies it: "U.S. | National Security Council"
			// (a nationality before an organisation's name is part of it: "Portuguese Environment Agency")
			orgName := e.label == "NORP" && rest > 0 && (lex().orgSuf[run[len(run)-1].Text] || orgOf(run[k:]) ||
				isOrgName(joinToks(run[k:]))) // "British Red Cross", "Greek Ministry of Culture"
			// a state or city before an institution's generic name is part of that name:
			// "Washington State University", "Massachusetts Institute of Technology" (a country
			// stays apart, as above)
			orgName = orgName || e.label == "GPE" && !e.country && rest >= 2 &&
				(run[k].Text == "State" && lex().orgSuf[run[k+1].Text] || lex().orgSuf[run[k].Text] && run[k+1].Text == "of")
			// …and so is it before a building's, a newspaper's or an agency's whole name, every
			// word capitalised up to the suffix: "Washington Dulles International Airport",
			// "Sydney Morning Herald", "Chicago Police Department"; a city's own "City" too
			// ("Taipei City")
			last := run[len(run)-1].Text
			plainRest := rest >= 1 && !slices.ContainsFunc(run[k:], isConnector)
			orgName = orgName || e.label == "GPE" && plainRest && (!e.country && (lex().facSuf[last] || lex().orgSuf[last]) || newspaperWords[last]) ||
				e.label == "GPE" && rest == 1 && run[k].Text == "City"
			// a compass word before a place is part of its name: "Western Australia"
			orgName = orgName || e.label == "NORP" && placeQualifiers[joinToks(cur)] && rest >= 1 && isPlaceName(run[k].Text)
			modifier := (e.label == "GPE" || e.label == "NORP") && !orgName && (rest >= 2 || rest == 1 && longestName(run[k:]) == 1)
			// a known organisation before a word or two that make no institution's name is itself
			// the name: "Google | Chrome", "NASA | Bill Ingalls" (but "Harvard Business School")
			modifier = modifier || e.label == "ORG" && rest >= 1 && rest <= 2 && !lex().orgSuf[last] && !lex().facSuf[last]
			// …and before another known name, or a person's given name and surname: "Fox News
			// Digital | Adam Shaw | Associated Press" in a scrape that lost its punctuation
			modifier = modifier || (e.label == "ORG" || e.label == "PERSON") && rest >= 2 &&
				(longestName(run[k:]) > 0 || isStrongGiven(run[k].Text) && run[k+1].IsCap() && !connectors[run[k+1].Text])
			if k < len(run) && !isTitleAt(run, k) && !modifier {
				continue
			}
			flush()
			continue
		}
		if n, g := titleAt(run, k); n > 0 && k+n < len(run) {
			// unknown capitalised words before a title belong to it: "Shadow Home Secretary Yvette Cooper"
			if len(cur) > 0 && longestName(cur) == 0 && !lex().orgSuf[cur[len(cur)-1].Text] {
				cur = nil
			}
			flush()
			titled, gender = true, g
			k += n
			if connectors[run[k].Text] {
				titled, gender = false, 0 // an office, not a person: "High Commissioner for Refugees"
			}
			continue
		}
		if n, _ := titleAt(run, k); n > 0 && k+n == len(run) && len(cur) == 0 {
			break // a title with no name after it ("Prime Minister") is not an entity
		}
		// "Trump and Sheinbaum": "and" joins two names unless the whole is one known name
		// …also before an organisation's name when two people are named first: "Mario J. Lucero
		// and Isabel Ruiz of Heaven Sent Gaming"
		twoPeople := len(cur) >= 2 && isGiven(cur[0].Text) && k+1 < len(run) && isGiven(run[k+1].Text)
		// …and between two institutions when the second opens with a place: "Massachusetts
		// Institute of Technology and Colorado State University" (but "Department of Health and
		// Human Services" is one)
		twoBodies := len(cur) >= 2 && len(run)-k-1 >= 2 && lex().orgSuf[run[len(run)-1].Text] && isPlaceName(run[k+1].Text) &&
			(lex().orgSuf[cur[len(cur)-1].Text] || slices.ContainsFunc(cur, func(t textutil.Token) bool { return lex().orgSuf[t.Text] }))
		// …and before a person named in full and where they are from: "Gary Chan of DAB and
		// Eunice Yung of New People's Party"
		personAfter := k+3 < len(run) && isGiven(run[k+1].Text) && run[k+2].IsCap() && run[k+3].Text == "of"
		if run[k].Text == "and" && len(cur) > 0 && longestName(run) < len(run) &&
			(!lex().orgSuf[run[len(run)-1].Text] && !lex().facSuf[run[len(run)-1].Text] || twoPeople || twoBodies || personAfter) {
			flush()
			k++
			continue
		}
		// the organisation's name runs to the next "and" or the end: "Jann Wenner of Rolling Stone
		// Magazine and Carlo De Benedetti of …" (found again only once k passes it: a run of
		// thousands of capitalised words is scanned once, not once a word)
		if andAt <= k {
			andAt = len(run)
			for x := k + 1; x < len(run); x++ {
				if run[x].Text == "and" {
					andAt = x
					break
				}
			}
		}
		segEnd := andAt
		orgAfter := segEnd-k-1 >= 2 && lex().orgSuf[run[segEnd-1].Text] && len(cur) >= 2 && len(cur) <= 3 && !lex().orgSuf[cur[len(cur)-1].Text]
		person := titled || len(cur) >= 2 && isGiven(cur[0].Text) || len(cur) >= 2 && len(cur) <= 3 && hyphenatedGiven(cur[len(cur)-1].Text)
		if (run[k].Text == "of" || run[k].Text == "for" && len(cur) >= 2 && isGiven(cur[0].Text)) && len(cur) >= 1 && (person || orgAfter) && looksLikeName(cur) {
			// "Troy Patterson of Slate Magazine", "Abdullah of Jordan", "Cheng Chung-tai of Civic
			// Passion", "Lydia Buchtmann for Food Standards Australia": a person, then where they are from
			flush()
			k++
			continue
		}
		if len(cur) == 0 && connectors[run[k].Text] {
			k++ // a name never starts with "and" or "of": "Virginia and California"
			continue
		}
		cur = append(cur, run[k])
		k++
	}
	flush()
	return out
}

func isTitleAt(run []textutil.Token, k int) bool {
	n, _ := titleAt(run, k)
	return n > 0
}

// titleAt returns the number of tokens of a title starting at k.
func titleAt(run []textutil.Token, k int) (int, byte) {
	for n := min(lex().maxTitle, len(run)-k); n >= 1; n-- {
		if g, ok := lex().titles[joinToks(run[k:k+n])]; ok {
			return n, g
		}
	}
	return 0, 0
}

// longestName returns how many tokens from the start form a known gazetteer name.
func longestName(run []textutil.Token) int {
	for n := min(lex().maxWords, len(run)); n >= 1; n-- {
		if _, ok := lex().names[joinToks(run[:n])]; ok {
			return n
		}
	}
	return 0
}

// joinToks writes tokens as a name: one space between words, none before a possessive.
func joinToks(ts []textutil.Token) string {
	switch len(ts) {
	case 0:
		return ""
	case 1:
		return ts[0].Text // most lookups are of one word: no copy
	}
	n := len(ts) - 1
	for _, t := range ts {
		n += len(t.Text)
	}
	var sb strings.Builder
	sb.Grow(n)
	for i, t := range ts {
		if i > 0 && !isPossessive(t.Text) {
			sb.WriteByte(' ')
		}
		sb.WriteString(t.Text)
	}
	return sb.String()
}

func dedupe(ms []Mention) []Mention {
	out := ms[:0]
	end := -1
	for _, m := range ms {
		if m.Start < end {
			continue
		}
		out = append(out, m)
		end = m.End
	}
	return out
}
