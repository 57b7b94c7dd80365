package entity

import "strings"

// Named things the tagger takes for people. A storm's name is an event in OntoNotes ("Cyclone
// Phailin"); a vehicle's is a product, which the label set leaves out ("Space Shuttle Atlantis",
// "the Stardust spacecraft"). One telling mention settles every mention of the name in the
// document: "Phailin's winds" after "Cyclone Phailin" is the storm too.

// stormWords name a storm when they stand right before its name.
var stormWords = map[string]bool{"Cyclone": true, "Hurricane": true, "Typhoon": true, "Storm": true,
	"cyclone": true, "hurricane": true, "typhoon": true, "storm": true}

// vehicleWords name a craft when they stand right before its name ("Space Shuttle Discovery",
// "spacecraft Stardust") or, in lower case, right after it ("the Stardust spacecraft").
var vehicleWords = map[string]bool{"Shuttle": true, "Spacecraft": true, "Probe": true, "Rover": true,
	"Orbiter": true, "Lander": true, "Capsule": true, "Satellite": true, "Telescope": true, "HMS": true, "USS": true,
	"shuttle": true, "spacecraft": true, "probe": true, "rover": true, "orbiter": true, "lander": true,
	"capsule": true, "satellite": true, "telescope": true}

// namedThings relabels storms as events and drops craft. Only what the rules or the tagger call
// people is judged by the word after it ("the NASA spacecraft" keeps NASA); a mention that itself
// opens with such a word ("Space Shuttle Columbia", "Hurricane Katrina") is judged whatever its
// label.
func (a *analysis) namedThings(ms []Mention) []Mention {
	storms, craft := map[string]string{}, map[string]bool{}
	for _, m := range ms {
		w := a.text[m.Start:m.End]
		first, rest, two := strings.Cut(w, " ")
		prev, next := prevWord(a.text, m.Start), nextWord(a.text, m.End)
		switch {
		case two && !strings.Contains(rest, " ") && stormWords[first] && first != "Storm":
			storms[m.Canonical] = w
		case two && (vehicleWords[first] || first == "Space" && strings.HasPrefix(rest, "Shuttle ")):
			// the craft's own name is no entity either where it stands alone ("Spacecraft
			// Stardust", then "Stardust is a NASA capsule")
			craft[m.Canonical] = true
		case m.Label != "PERSON":
		case stormWords[prev] && !two:
			storms[m.Canonical] = a.text[m.Start-len(prev)-1 : m.End]
		case !two && (vehicleWords[prev] || vehicleWords[next] && next == strings.ToLower(next)):
			craft[m.Canonical] = true
		}
	}
	craftWords := a.craftNames()
	if len(storms) == 0 && len(craft) == 0 && len(craftWords) == 0 {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if craft[m.Canonical] || m.Label == "PERSON" && craftWords[a.text[m.Start:m.End]] {
			continue
		}
		if full, ok := storms[m.Canonical]; ok {
			if prev := prevWord(a.text, m.Start); stormWords[prev] && prev != strings.ToLower(prev) {
				m.Start -= len(prev) + 1 // the storm's name is "Cyclone Phailin", not "Phailin"
			}
			m.Label, m.Canonical = "EVENT", full
		}
		out = append(out, m)
	}
	return out
}

// craftNames are the one-word names the text gives to craft anywhere, whether or not that
// mention became an entity: "Spacecraft Stardust", "the Space Shuttle Discovery", "the Stardust
// spacecraft" make every lone "Stardust" or "Discovery" a craft's name, no person.
func (a *analysis) craftNames() map[string]bool {
	var out map[string]bool
	add := func(w string) {
		if out == nil {
			out = map[string]bool{}
		}
		out[w] = true
	}
	for _, toks := range a.blocks {
		for i := 0; i+1 < len(toks); i++ {
			w, next := toks[i].Text, toks[i+1]
			switch {
			case vehicleWords[w] && w != strings.ToLower(w) && next.IsCap() && next.IsWord() &&
				(i+2 == len(toks) || !toks[i+2].IsCap()):
				add(next.Text) // "Spacecraft Stardust", "Space Shuttle Discovery"
			case toks[i].IsCap() && toks[i].IsWord() && vehicleWords[next.Text] && next.Text == strings.ToLower(next.Text) &&
				(i == 0 || !toks[i-1].IsCap() || toks[i-1].Text == "The"):
				add(w) // "the Stardust spacecraft"
			}
		}
	}
	return out
}

// partyWords are the political adjectives that name a party with a lower-case "party" after them.
var partyWords = set("Republican|Democratic|Democrat|Labour|Conservative|Liberal|Communist|Socialist|Nazi|Tory")

// parties widens a political adjective before a lower-case "party" to the party's name, an
// organisation: "the Republican party" is the Republican Party, not a group of Republicans.
func (a *analysis) parties(ms []Mention) []Mention {
	for i, m := range ms {
		w := a.text[m.Start:m.End]
		rest := a.text[m.End:]
		if m.Label != "NORP" || !partyWords[w] || !strings.HasPrefix(rest, " party") ||
			len(rest) > len(" party") && isWordByte(rest[len(" party")]) {
			continue
		}
		name := w + " Party"
		if w == "Democrat" {
			name = "Democratic Party"
		}
		if e, ok := lex().names[name]; ok && e.label == "ORG" {
			name = e.canonical
		}
		ms[i].End += len(" party")
		ms[i].Label, ms[i].Canonical, ms[i].why = "ORG", name, "party"
	}
	return ms
}

// partyTags drops a politician's party-and-state tag taken for a name: "Sen. Jane Roe, D-Minn.,
// said", "(R-Texas)". It is an affiliation written after the name, not an entity of its own.
func (a *analysis) partyTags(ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if isPartyTag(a.text[m.Start:m.End]) {
			before := strings.TrimRight(a.text[max(0, m.Start-2):m.Start], " ")
			if strings.HasSuffix(before, ",") || strings.HasSuffix(before, "(") {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// isPartyTag: a party's initial, a hyphen and a state ("D-Minn", "R-N.Y", "I-VT").
func isPartyTag(w string) bool {
	if len(w) < 4 || len(w) > 12 || strings.IndexByte("RDI", w[0]) < 0 || w[1] != '-' || w[2] < 'A' || w[2] > 'Z' {
		return false
	}
	for i := 3; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.') {
			return false
		}
	}
	return true
}

// isWordByte reports an ASCII letter or digit, or any byte of a multi-byte character.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// towns relabels as places the names written "Town, State" or "Town, Country" ("a boy from
// Irving, Texas, was arrested"; "Preston, Victoria"): a person's name is not followed by a
// state's or a country's after a comma unless something else follows it ("Smith, Texas
// Republican"). Every mention of that name in the document is the place.
func (a *analysis) towns(ms []Mention) []Mention {
	var places map[string]bool
	for i := 0; i+1 < len(ms); i++ {
		m, n := ms[i], ms[i+1]
		if m.Label != "PERSON" && m.Label != "GPE" || strings.Count(a.text[m.Start:m.End], " ") > 1 ||
			n.Start != m.End+2 || a.text[m.End:n.Start] != ", " || n.Label != "GPE" {
			continue
		}
		e, ok := lex().names[a.text[n.Start:n.End]]
		if !ok || !e.country && !e.division {
			continue
		}
		if rest := a.text[n.End:]; rest != "" && !strings.ContainsRune(",.;:)!?\n", rune(rest[0])) {
			continue
		}
		if places == nil {
			places = map[string]bool{}
		}
		places[m.Canonical] = true
	}
	for i, m := range ms {
		if places[m.Canonical] && m.Label == "PERSON" {
			ms[i].Label, ms[i].Gender, ms[i].why = "GPE", 0, "town"
		}
	}
	return ms
}
