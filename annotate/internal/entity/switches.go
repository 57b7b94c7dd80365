package entity

// Rule is one hand-written judgement of the entity stage, with a stable ID that Options can
// switch off to measure what it is worth (tools/ablate.sh entity/).
type Rule struct {
	ID, Summary string
}

// Rules are the stage's switchable rules, in the order the stage applies them. The numeric
// patterns (dates, money, percentages, quantities) and the gazetteers are facts, not judgements
// the tagger could learn; everything after them is what the rules add to the tagger.
var Rules = []Rule{
	// what a capitalised run is, on its own words (classify, in this order: the first that
	// applies labels the run)
	{"the-org", ""},
	{"gazetteer", ""},
	{"norp-body", ""},
	{"titled", ""},
	{"centre-building", ""},
	{"org-suffix", ""},
	{"event-suffix", ""},
	{"initials", ""},
	{"strong-given", ""},
	{"loc-suffix", ""},
	{"fac-suffix", ""},
	{"weak-given", ""},
	{"acronym", ""},
	{"compass", ""},
	{"given-one-word", ""},
	{"locative", ""},
	{"state-of", ""},
	{"of-head", ""},
	{"hyphen-given", ""},
	{"place-qualifier", ""},
	{"guess-person", ""},
	{"long-org", ""},

	// what the document says about a name
	{"affiliation", ""},
	{"vet-locatives", ""},
	{"places-of", ""},
	{"place-lists", ""},
	{"places-by-noun", ""},

	// linking within the document
	{"surname-before-word", ""},
	{"surname-link", ""},
	{"known-surname", ""},
	{"acronym-link", ""},
	{"acronym-terms", ""},

	// the tagger and the rules together
	{"settled", ""},
	{"person-cue", ""},
	{"not-person", ""},
	{"bodies", ""},
	{"actors", ""},
	{"listed-people", ""},
	{"orphan-surnames", ""},

	// last checks on the mentions
	{"drop-unknown-person", ""},
	{"drop-plural-person", ""},
	{"datelines", ""},
	{"sports-teams", ""},
	{"named-things", ""},
	{"parties", ""},
	{"party-tags", ""},
	{"towns", ""},
}

// switches are the rules switched off, by ID; nil switches every rule on.
type switches map[string]bool

func (s switches) on(id string) bool { return !s[id] }
