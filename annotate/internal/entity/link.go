package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attest-news/attest/annotate/internal/textutil"
)

const pendingAcronym = "ACRONYM"

var stateWords = set("State|Republic|Kingdom|Commonwealth|City|Province|County|Principality|Emirate|Duchy|Territory|Islands")

func isConnector(t textutil.Token) bool { return connectors[t.Text] }

func hasConnector(toks []textutil.Token) bool {
	for _, t := range toks[1 : len(toks)-1] {
		if connectors[t.Text] {
			return true
		}
	}
	return false
}

// notOrgAcronyms are common all-caps words that name no organisation.
var notOrgAcronyms = set("DNA|RNA|PhD|MD|CD|DVD|TV|IQ|OK|VIP|XML|HTML|URL|PDF|USB|AI|CEO|CFO|CTO|COO|GDP|HIV|AIDS|COVID|FAQ|ID|PC|IT|IP|OS|RSS|SMS|GPS|LED|LCD|ATM|PIN|VAT|FYI|ASAP|DIY|LOL|OMG|AM|PM|BC|AD|CE|BCE|CV|PS|QC|SC|JD|MBA|BA|BSc|MSc|MP|MEP|POV|IRC|CC|VM|API|SDK|RAM|CPU|GPU|UFO|EV|MRI|ICU|ER|EU-wide|DJ|MC|CO2|NO2|PM2|GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|IST|JST|AEST")

// locative words before an unknown single capitalised word make it a place.
var locative = map[string]bool{"in": true, "to": true, "from": true, "near": true, "across": true, "outside": true, "inside": true, "towards": true, "toward": true, "via": true}

// classify labels one candidate on its own words: gazetteers, titles, suffixes, given names.
func classify(c *candidate, lower map[string]bool, off switches) {
	if len(c.toks) > 1 && c.toks[0].Text == "The" {
		rest := c.toks[1:]
		name := joinToks(rest)
		e, known := lex().names[name]
		if known && e.label == "ORG" && strings.HasPrefix(e.canonical, "The ") && off.on("the-org") {
			// "The Heritage Foundation", "The Wall Street Journal": names whose official form
			// begins with The keep it; elsewhere a capitalised The is the sentence's article
			// ("The Home Office said", "told The Huffington Post"), outside the name as
			// OntoNotes marks it
			c.label, c.canonical, c.why = "ORG", e.canonical, "the-org"
			return
		}
		c.toks, c.initial = rest, false
	} else if c.toks[0].Text == "The" {
		c.label = "" // a lone "The"
		return
	}
	name := joinToks(c.toks)
	if e, ok := lex().names[name]; ok && off.on("gazetteer") {
		c.label, c.canonical, c.gender, c.why = e.label, e.canonical, max(c.gender, e.gender), "lex"
		return
	}
	if n := len(c.toks); n == 3 && c.initial && hyphenatedGiven(c.toks[2].Text) && !isGiven(c.toks[0].Text) && !lexKnown(c.toks[0].Text) {
		c.toks, c.initial = c.toks[1:], false // "Legislators Cheng Chung-tai": the sentence's first word is not the name's
		name = joinToks(c.toks)
	}
	if n := len(c.toks); n == 3 && (c.prev == "of" || c.prev == "for") && isGiven(c.toks[1].Text) && !isGiven(c.toks[0].Text) &&
		!lexKnown(c.toks[0].Text) && looksLikeName(c.toks[1:]) {
		// "Minister of Education Stefania Giannini": the office's last word is not the name's
		c.toks, c.initial = c.toks[1:], false
		name = joinToks(c.toks)
	}
	first, last := c.toks[0].Text, c.toks[len(c.toks)-1].Text
	n := len(c.toks)
	switch {
	case off.on("norp-body") && n > 1 && lex().names[first].label == "NORP" && (isOrgName(joinToks(c.toks[1:])) || orgOf(c.toks[1:])):
		c.label, c.why = "ORG", "orgsuf" // "British Red Cross", "Greek Ministry of Culture"
	case off.on("titled") && c.titled && (isStrongGiven(first) || !unlikePerson(c.toks)):
		c.label, c.why = "PERSON", "titled"
		if c.gender == 0 {
			c.gender = givenGender(first)
		}
	case off.on("centre-building") && (last == "Center" || last == "Centre") && n > 1 && facilityCentres[c.toks[n-2].Text]:
		c.label, c.why = "FAC", "facsuf" // "Kennedy Space Center", "Metro Toronto Convention Centre": buildings
	case off.on("org-suffix") && (lex().orgSuf[last] && n > 1 || n > 2 && lex().orgSuf[first] && c.toks[1].Text == "of"):
		c.label, c.why = "ORG", "orgsuf" // "Heritage Foundation", "University of Lisbon"
	case off.on("event-suffix") && lex().eventSuf[last] && n > 1 && !isStrongGiven(first):
		c.label, c.why = "EVENT", "eventsuf" // "Waitangi Day", "World Cup"
	case off.on("initials") && n > 1 && initialed(c.toks) && looksLikeName(c.toks) && !unlikePerson(c.toks):
		c.label, c.gender, c.why = "PERSON", givenGender(first), "initials" // "O.J. Simpson", "L. Ron Hubbard", "George W. Bush"
	case off.on("strong-given") && n > 1 && isStrongGiven(first) && looksLikeName(c.toks):
		c.label, c.gender, c.why = "PERSON", lex().given[first], "given" // "Marc Lamont Hill" is a person, not a hill
	case off.on("loc-suffix") && (lex().locSuf[last] && n > 1 || n > 2 && lex().locSuf[first] && c.toks[1].Text == "of" ||
		n == 2 && placePrefixes[first] && looksLikeName(c.toks[1:])):
		c.label, c.why = "LOC", "locsuf" // "Rio Grande River", "Gulf of Mexico"
	case off.on("fac-suffix") && (lex().facSuf[last] && n > 1 || n > 2 && lex().facSuf[first] && c.toks[1].Text == "of"):
		c.label, c.why = "FAC", "facsuf" // "Port of Rotterdam"
	case off.on("weak-given") && n > 1 && givenHere(first, lower) && looksLikeName(c.toks) && !unlikePerson(c.toks):
		c.label, c.gender, c.why = "PERSON", givenGender(first), "weakgiven"
	case off.on("acronym") && n == 1 && isAcronym(first):
		c.label = pendingAcronym
	case off.on("compass") && n == 1 && compassPoints[first] && c.prev == "the":
		c.label, c.why = "LOC", "compass" // "energy supplies for the West"
	case off.on("given-one-word") && n == 1 && givenHere(first, lower) && !c.initial:
		c.label, c.gender, c.why = "PERSON", givenGender(first), "given1"
	case off.on("locative") && n == 1 && !c.initial && locative[c.prev] && looksLikeName(c.toks):
		c.label, c.why = "GPE", "locative" // "flew to Sochi", "born in Herat"
	case n == 1:
		c.label = "" // unknown single word: only a known person's name makes it one
	case off.on("state-of") && n > 2 && hasConnector(c.toks) && stateWords[first]:
		c.label, c.why = "GPE", "state" // "State of Texas", "Republic of Ireland"
	case off.on("of-head") && n > 2 && hasConnector(c.toks):
		c.label, c.why = ofHeadLabel(c.toks) // names with "of" are not people's
	case off.on("hyphen-given") && n == 2 && hyphenatedGiven(c.toks[1].Text) && len(first) <= 6 && looksLikeName(c.toks):
		c.label, c.why = "PERSON", "hyphengiven" // "Kim Jong-un", "Cheng Chung-tai", "Moon Jae-in"
	case off.on("place-qualifier") && n == 2 && placeQualifiers[first] && isPlaceName(last):
		c.label, c.why = "GPE", "placeend" // "South Australia", "Western Sahara": a place, not a person's surname
	case off.on("guess-person") && n <= 3 && looksLikeName(c.toks) && !unlikePerson(c.toks):
		c.label, c.why = "PERSON", "guess"
	case n <= 3:
		c.label = "" // "Terminal A": capitalised, but not a name
	case off.on("long-org"):
		c.label, c.why = "ORG", "long"
	default:
		c.label = ""
	}
	if c.canonical == "" {
		c.canonical = name
	}
}

// facilityCentres are the words before "Center" in the names of buildings and grounds, not
// organisations.
var facilityCentres = set("Art|Space|Convention|Visitor|Visitors|Science|Trade|Shopping|Conference|Exhibition|Sports|Aquatic|Aquatics|Community|Civic|Cultural|Arts|Performing|Events|Congress")

// hyphenatedGiven: a romanised two-syllable given name, "Jong-un", "Chung-tai", "Jae-in".
func hyphenatedGiven(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	if !ok || len(a) < 2 || len(a) > 6 || !romanisedSyllable(b) || a[0] < 'A' || a[0] > 'Z' {
		return false
	}
	for _, c := range a[1:] + b {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// newspaperWords end a newspaper's name, which keeps the place before it: "Sydney Morning Herald",
// "Japan Times".
var newspaperWords = set("Herald|Times|Post|Tribune|Chronicle|Gazette|Journal|Examiner|Inquirer|Observer|Telegraph|Courier|Dispatch|Sentinel|Star|Globe|Sun|Daily|Weekly|Bulletin|Register")

// compassPoints name regions after "the" when nothing follows: "the West", "the North".
var compassPoints = set("West|East|North|South|Orient|Occident")

// placePrefixes open the names of places: "Cape Canaveral", "Mount Kenya", "Lake Tahoe".
var placePrefixes = set("Cape|Mount|Mt.|Lake|Isle|Fort")

var placeQualifiers = set("North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|Inner|Outer")

// romanisedSyllable: the second half of a romanised Chinese or Korean given name, "un", "tai",
// "cheung", "hye", "tat" — at most six letters, none ending as English words often do ("winner",
// "based", "style").
func romanisedSyllable(b string) bool {
	if len(b) < 2 || len(b) > 6 {
		return false
	}
	switch b[len(b)-1] {
	case 'r', 's', 'd', 'y', 'l':
		return false
	}
	return !strings.HasSuffix(b, "le")
}

// looksLikeName: every word of an unknown person's name is a capitalised word of two or more
// letters (or an initial with a period), with no digits.
func looksLikeName(toks []textutil.Token) bool {
	for _, t := range toks {
		if !t.IsCap() {
			return false // "of Australia"
		}
		letters := 0
		for _, r := range t.Text {
			switch {
			case unicode.IsLetter(r):
				letters++
			case r == '.' || r == '-' || r == '\'' || r == '’':
			default:
				return false
			}
		}
		if letters < 2 && !strings.HasSuffix(t.Text, ".") {
			return false
		}
		if t.IsAllCaps() && letters > 1 && !dottedInitials(t.Text) {
			return false // an acronym; but "K.C. Maurer", "O.J. Simpson" are names
		}
	}
	return true
}

// initialed reports a name with initials before its last word: "O.J. Simpson", "J. R. R.
// Tolkien", "George W. Bush" (but not "U.S. Army": a known name's initials are that name).
func initialed(toks []textutil.Token) bool {
	for _, t := range toks[:len(toks)-1] {
		if dottedInitials(t.Text) && len(t.Text) <= 6 && !lexKnown(t.Text) {
			return true
		}
	}
	return false
}

// dottedInitials reports initials written with full stops: "J.", "K.C.", "J.R.R.".
func dottedInitials(w string) bool {
	if len(w) < 2 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// givenHere: a given name that the article does not also write as a common word — the large
// list holds "Free", "Star" and "Fan", which open "Free Culture" and "Star Wars" when the article
// also says "free" and "star".
func givenHere(s string, lower map[string]bool) bool {
	return isStrongGiven(s) || isGiven(s) && !lower[strings.ToLower(s)]
}

// unlikePerson reports words that do not make a person's name whatever opens them: one that
// ends organisations, buildings, events or places ends it ("Pilot Training Program", "Doctor
// Who Society"), a nationality stands inside it ("Baileys Irish Cream"), a country ends it
// ("Fan Expo Canada") or a long lower-case word after a hyphen does ("Prize-winner"), or a
// possessive stands inside it ("King Arthur's Court").
func unlikePerson(toks []textutil.Token) bool {
	if len(toks) < 2 {
		return false
	}
	l := lex()
	last := toks[len(toks)-1].Text
	if l.orgSuf[last] || l.facSuf[last] || l.eventSuf[last] || l.locSuf[last] || l.names[last].country {
		return true
	}
	if i := strings.LastIndexByte(last, '-'); i > 0 && last[i+1:] == strings.ToLower(last[i+1:]) && !romanisedSyllable(last[i+1:]) {
		return true // "Booker Prize-winner", "Oscar-nominated": an English word after the hyphen
	}
	for i, t := range toks[1:] {
		if l.names[t.Text].label == "NORP" {
			return true
		}
		if i < len(toks)-2 && endsPossessive(t.Text) {
			return true
		}
	}
	return endsPossessive(toks[0].Text)
}

// endsPossessive reports a word written with its possessive: "Arthur's", "Lessig’s".
func endsPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

func isGiven(s string) bool {
	if _, ok := lex().given[s]; ok {
		return true
	}
	_, weak := weakNames.find(s)
	return weak
}

func isStrongGiven(s string) bool {
	_, ok := lex().given[s]
	return ok
}

func givenGender(s string) byte {
	if g, ok := lex().given[s]; ok {
		return g
	}
	g, _ := weakNames.find(s)
	return g
}

func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if r == '.' || r == '&' {
			continue
		}
		if r < 'A' || r > 'Z' {
			if !(r >= 'a' && r <= 'z' && letters > 0) { // "DoD", "NYPD"
				return false
			}
		}
		letters++
	}
	return letters >= 2 && letters <= 6 && s[len(s)-1] >= 'A' && s[len(s)-1] <= 'Z' && !romanNumeral(s)
}

// romanNumeral: "XVII", "XIV" — a part or a king's number, not an acronym. Three letters at
// least, and well formed, so "ICC" and "CDC" stay acronyms.
func romanNumeral(s string) bool {
	return len(s) >= 3 && romanPattern.MatchString(s)
}

var romanPattern = textutil.Lazy(`^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$`)

// link classifies all candidates, then ties short forms to full names within the document:
// surnames to the full name, acronyms to the name they abbreviate, and one label per name.
func link(text string, cands []candidate, lower map[string]bool, off switches) []Mention {
	// full names of people, by surname and given name
	bySurname, byGiven := map[string]string{}, map[string]string{}
	ruleSurname := map[string]bool{} // surnames of people the rules (not the tagger) named
	gender := map[string]byte{}
	lastWords := map[string]bool{}
	for _, c := range cands {
		if c.label == "PERSON" && len(c.toks) >= 2 && c.why != "guess" {
			lastWords[c.toks[len(c.toks)-1].Text] = true
		}
	}
	for i := range cands {
		c := &cands[i]
		if c.label == "PERSON" && c.why == "guess" && !c.fixed && len(c.toks) == 2 && lastWords[c.toks[0].Text] && off.on("surname-before-word") {
			c.label = "" // a person's surname before a word is what the person made or owns: "Warhol Polaroids"
		}
	}
	for _, c := range cands {
		if c.label != "PERSON" || len(c.toks) < 2 || !off.on("surname-link") {
			continue
		}
		last, first := c.toks[len(c.toks)-1].Text, c.toks[0].Text
		if hasConnector(c.toks) {
			continue // "Abdullah of Jordan" lends no surname
		}
		if c.why == "guess" && lower[strings.ToLower(last)] {
			continue // a guessed name ending in a common word lends no surname: "Nighttime Supplement"
		}
		if _, ok := bySurname[last]; !ok {
			bySurname[last] = c.canonical
		}
		ruleSurname[last] = ruleSurname[last] || !c.fixed
		if _, ok := byGiven[first]; !ok {
			byGiven[first] = c.canonical
		}
		if c.gender != 0 {
			gender[c.canonical] = c.gender
		}
	}
	// known people by surname, for articles that never spell a famous name in full
	knownSurname := func(s string) (string, byte, bool) {
		if !off.on("known-surname") {
			return "", 0, false
		}
		name, ok := lex().surname[s]
		return name, lex().names[name].gender, ok
	}
	orgByInitials := map[string]string{}
	orgCanon := map[string]string{}
	placeByInitials := map[string]*candidate{} // "Kennedy Space Center (KSC)": the acronym is the building
	for i := range cands {
		c := &cands[i]
		if c.label == "ORG" && len(c.toks) > 1 {
			orgByInitials[initials(c)] = c.canonical
		}
		if (c.label == "FAC" || c.label == "GPE" || c.label == "LOC") && len(c.toks) > 1 {
			placeByInitials[initials(c)] = c
		}
	}
	// acronyms the article spells out as a term somewhere are that term everywhere
	named := func(s, e int) bool { // cands are in text order: look from the first that ends after s
		for k := sort.Search(len(cands), func(k int) bool { return cands[k].toks[len(cands[k].toks)-1].End > s }); k < len(cands) && cands[k].toks[0].Start < e; k++ {
			if c := cands[k]; c.label != "" && c.label != pendingAcronym && c.why != "guess" {
				return true
			}
		}
		return false
	}
	terms := map[string]bool{}
	for _, c := range cands {
		if c.label == pendingAcronym && off.on("acronym-terms") && definedAsWords(text, c.toks[0], named) {
			terms[c.toks[0].Text] = true
		}
	}
	for i := range cands {
		c := &cands[i]
		if len(c.toks) != 1 {
			continue
		}
		w := c.toks[0].Text
		if c.fixed { // the tagger decided the label: only the canonical name is linked
			switch c.label {
			case "PERSON":
				if full, ok := bySurname[w]; ok {
					c.canonical = full
				} else if full, ok := byGiven[w]; ok {
					c.canonical = full
				} else if full, g, ok := knownSurname(w); ok {
					c.canonical, c.gender = full, g
				}
			case "ORG":
				if full, ok := orgByInitials[strings.ReplaceAll(w, ".", "")]; ok && isAcronym(w) && off.on("acronym-link") {
					c.canonical = full
				}
			}
			continue
		}
		if (c.label == "GPE" || c.label == "LOC") && c.why != "compass" && ruleSurname[w] && bySurname[w] != w {
			c.label, c.why = "PERSON", "surname" // "Valeska Paris … Paris said": the surname, not the city
		}
		switch c.label {
		case "", "PERSON":
			if full, ok := bySurname[w]; ok {
				c.label, c.canonical, c.why = "PERSON", full, "surname"
			} else if full, ok := byGiven[w]; ok && c.label == "PERSON" {
				c.canonical, c.why = full, "givenlink"
			} else if full, g, ok := knownSurname(w); ok {
				c.label, c.canonical, c.gender, c.why = "PERSON", full, g, "knownsurname"
			}
		case pendingAcronym:
			if full, ok := orgByInitials[strings.ReplaceAll(w, ".", "")]; ok && off.on("acronym-link") {
				c.label, c.canonical, c.why = "ORG", full, "acronymlink"
			} else if p, ok := placeByInitials[strings.ReplaceAll(w, ".", "")]; ok && off.on("acronym-link") {
				c.label, c.canonical, c.why = p.label, p.canonical, "acronymlink"
			} else if notOrgAcronyms[w] || lower[strings.ToLower(w)] || lex().function[titleCase(w)] {
				c.label = "" // "DNA", "PhD", or a shouted word ("ALL" where the article also writes "all", "UNLESS")
			} else if terms[w] {
				c.label = "" // "ROS [Reactive Oxygen Species …]", "Interview of the Month (IOTM)": a term's initials
			} else if !c.initial || utf8.RuneCountInString(w) <= 4 {
				c.label, c.canonical, c.why = "ORG", w, "acronym"
			} else {
				c.label = ""
			}
		}
	}
	// a GPE right before an organisation qualifies it: "U.S. National Security Council"
	for i := 1; i < len(cands); i++ {
		prev, c := cands[i-1], &cands[i]
		if prev.label == "GPE" && c.label == "ORG" && prev.toks[len(prev.toks)-1].End+1 == c.toks[0].Start &&
			!strings.HasPrefix(c.canonical, prev.canonical) {
			orgCanon[joinToks(c.toks)] = prev.canonical + " " + c.canonical
		}
	}
	var out []Mention
	for _, c := range cands {
		if c.label == "" || c.label == pendingAcronym {
			continue
		}
		canon := c.canonical
		if q, ok := orgCanon[joinToks(c.toks)]; ok {
			canon = q
		}
		g := c.gender
		if g == 0 {
			g = gender[canon]
		}
		out = append(out, Mention{Start: c.toks[0].Start, End: c.toks[len(c.toks)-1].End,
			Label: c.label, Canonical: canon, Gender: g, why: c.why})
	}
	// acronyms that abbreviate a qualified organisation follow it (one lookup each: this looped
	// over every qualified name for every organisation, quadratic on a long article)
	for i := range out {
		if out[i].Label != "ORG" {
			continue
		}
		if q, ok := orgCanon[out[i].Canonical]; ok {
			out[i].Canonical = q
		}
	}
	return out
}

// ofHeadLabel labels a name with "of" or "for" in it by its head, the word before that: "Council
// for …" and "Museum of Flight" are a body and a building, "Carnival of Magic" an event, and
// "History of England" or "Critics of Scientology" none of them (the tagger may still say). A
// name joined only by "and" or "&" is an organisation's: "Johnson & Johnson".
func ofHeadLabel(toks []textutil.Token) (label, why string) {
	of := slices.IndexFunc(toks, func(t textutil.Token) bool { return t.Text == "of" || t.Text == "for" })
	if of < 1 {
		return "ORG", "of"
	}
	l, head := lex(), toks[of-1].Text
	switch {
	case l.orgSuf[head]:
		return "ORG", "of"
	case l.eventSuf[head]:
		return "EVENT", "eventsuf"
	case l.facSuf[head]:
		return "FAC", "facsuf"
	case l.locSuf[head] || l.geoSuf[head]:
		return "LOC", "locsuf"
	}
	return "", ""
}

// titleCase is w with its first letter alone a capital: "UNLESS" → "Unless".
func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
}

// definedAsWords reports an acronym spelled out beside it in brackets by words that make no
// name the rules know (named reports one over a span of text): "ROS [Reactive Oxygen Species",
// "Interview of the Month (IOTM)" — but not "Korean People's Army [KPA]".
func definedAsWords(text string, t textutil.Token, named func(s, e int) bool) bool {
	acr := strings.ReplaceAll(t.Text, ".", "")
	if len(acr) < 2 {
		return false
	}
	// after: "ROS (Reactive Oxygen Species" or "ROS [Reactive …"
	if rest := text[t.End:]; strings.HasPrefix(rest, " (") || strings.HasPrefix(rest, " [") {
		words := strings.FieldsFunc(rest[2:min(len(rest), 2+12*len(acr))], func(r rune) bool {
			return r == ' ' || r == '-'
		})
		if n := spells(acr, words); n > 0 {
			s := t.End + 2
			return !named(s, s+len(strings.Join(words[:n], " ")))
		}
	}
	// before: "Interview of the Month (IOTM)"
	before := text[:t.Start]
	if !strings.HasSuffix(before, "(") && !strings.HasSuffix(before, "[") {
		return false
	}
	words := strings.Fields(before[max(0, len(before)-1-12*len(acr)) : len(before)-1])
	for k := len(words) - 1; k >= 0; k-- {
		if n := spells(acr, words[k:]); n > 0 {
			e := len(strings.TrimRight(before[:len(before)-1], " "))
			return !named(e-len(strings.Join(words[k:], " ")), e)
		}
	}
	return false
}

// spells returns how many of words, from their first, spell acr by their first letters (small
// words may be skipped; a letter after the first may be a small word's), or 0 if they do not.
func spells(acr string, words []string) int {
	i := 0
	for n, w := range words {
		if i == len(acr) {
			return n
		}
		w = strings.TrimLeft(w, "\"'“‘")
		if w == "" {
			return 0
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.ToUpper(r) == rune(acr[i]) && (unicode.IsUpper(r) || i > 0) {
			i++
			continue
		}
		if !connectors[w] && w != "the" && w != "to" && w != "on" && w != "in" {
			return 0
		}
	}
	if i == len(acr) {
		return len(words)
	}
	return 0
}

// initials of an organisation's significant words: "National Security Council" → "NSC".
func initials(c *candidate) string {
	var sb strings.Builder
	for _, t := range c.toks {
		if connectors[t.Text] || t.Text == "The" || isPossessive(t.Text) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		sb.WriteRune(r)
	}
	return sb.String()
}
