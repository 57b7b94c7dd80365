//go:build !js

package entity

// The rules' summaries are for people (the command line, the ablation's table, the docs):
// the WebAssembly build leaves them out, which saves the page their bytes.
func init() {
	for i := range Rules {
		Rules[i].Summary = summaries[Rules[i].ID]
	}
}

var summaries = map[string]string{
	"the-org":             "“The” opens an organisation's name where its official form has it: The Heritage Foundation",
	"gazetteer":           "a name the gazetteers hold takes their label and canonical name",
	"norp-body":           "a nationality before an organisation's name is part of it: British Red Cross",
	"titled":              "a name after a title (Mr, President, Dr) is a person's",
	"centre-building":     "…Space Center, Convention Centre: a building",
	"org-suffix":          "a name ending in an organisation word (Foundation, University of …) is an organisation",
	"event-suffix":        "a name ending in an event word (Day, Cup, Festival) is an event",
	"initials":            "a name with initials is a person's: O.J. Simpson, George W. Bush",
	"strong-given":        "a name opening with a listed given name is a person's",
	"loc-suffix":          "a name ending in a place word (River, Gulf of …), or after Cape/Mount/Lake, is a place",
	"fac-suffix":          "a name ending in a building word (Airport, Port of …) is a facility",
	"weak-given":          "a name opening with a given name from the large list is a person's",
	"acronym":             "an all-capitals word is an acronym: linked to the name it abbreviates, or an organisation",
	"compass":             "“the West”: a compass point after “the” is a place",
	"given-one-word":      "one given name, not opening a sentence, is a person",
	"locative":            "one unknown name after in/to/from/near is a place",
	"state-of":            "State of …, Republic of …: a place",
	"of-head":             "a name with “of”/“for” is labelled by its head word, not as a person",
	"hyphen-given":        "Kim Jong-un: a short name before a romanised hyphenated given name is a person's",
	"place-qualifier":     "South Australia, Western Sahara: a qualifier and a place is a place",
	"guess-person":        "a capitalised run of two or three name-like words is a person's",
	"long-org":            "a capitalised run of four or more words is an organisation",
	"affiliation":         "the body a person belongs to is an organisation: X of People Power, Demosisto's X",
	"vet-locatives":       "in/to name no place before a noun they qualify, a field, or after “according to”",
	"places-of":           "the town of X, a suburb of X: a place",
	"place-lists":         "a list of names before “counties”/“states” is a list of places",
	"places-by-noun":      "a one-word name before a landform noun (the Tagus estuary) is a place in every mention",
	"surname-before-word": "a person's surname before another word names what they made: Warhol Polaroids",
	"surname-link":        "a lone surname or given name of a person named in full is that person",
	"known-surname":       "a lone surname of a well-known person is that person",
	"acronym-link":        "an acronym of a name the article spells out is that name",
	"acronym-terms":       "an acronym the article spells out as a term (ROS, reactive oxygen species) names nothing",
	"settled":             "the tagger does not overrule the rules' sure answers (gazetteer, titled, suffixes, given names)",
	"person-cue":          "a guessed person the sentence shows to be someone (said, a role) stays a person",
	"not-person":          "a tagged person whose words are no person's (an org or place word, a sure person's surname before a word) is dropped",
	"bodies":              "a one-word name written as a body's (X officials, a member of X) is an organisation everywhere",
	"actors":              "a one-word name that does what people do (X agreed, said X) is a person everywhere",
	"listed-people":       "guessed names in a list with a known person are people",
	"orphan-surnames":     "a lone surname whose full name ends up no one's is dropped",
	"drop-unknown-person": "one unknown word only the tagger calls a person, tied to no fuller name, is dropped",
	"drop-plural-person":  "a one-word person that is the plural of a word the article uses is dropped: Polaroids",
	"datelines":           "a place in capitals opening a paragraph before a date, an agency or a dash is the dateline's place: LONDON 1996-08-24",
	"sports-teams":        "a place's name in a match report is its team",
	"named-things":        "products, works and laws named in the article keep their kind",
	"parties":             "a party's short name (the Democrats) is an organisation",
	"party-tags":          "a party-and-state tag after a politician's name (D-Minn., R-Texas) is no name",
	"towns":               "a person's one-word name that is a town the article places things in is the town",
}
