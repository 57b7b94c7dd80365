// Package vocab is the one lexicon the stages share: the verbs that report speech, the nouns
// that name a role, and the possessive marks. No stage keeps a private copy of these.
package vocab

import "strings"

// CueKind is what a reporting verb says of a quoted passage.
type CueKind uint8

const (
	NoCue  CueKind = iota
	Speech         // someone says it: say, tell, add, warn, tweet…
	Term           // someone names something with it: call, dub, describe, label…
)

// cueLemmas are the reporting verbs by lemma. Speech verbs report words someone said or wrote;
// term verbs ("called the plan 'a giveaway'") name something, and quote words only where the
// sentence says someone said them.
var cueLemmas = map[string]CueKind{
	"say": Speech, "tell": Speech, "add": Speech, "write": Speech, "ask": Speech, "recount": Speech,
	"declare": Speech, "continue": Speech, "note": Speech, "argue": Speech, "claim": Speech,
	"state": Speech, "explain": Speech, "insist": Speech, "warn": Speech, "reply": Speech,
	"respond": Speech, "answer": Speech, "confirm": Speech, "admit": Speech, "acknowledge": Speech,
	"announce": Speech, "tweet": Speech, "post": Speech, "comment": Speech, "remark": Speech,
	"observe": Speech, "conclude": Speech, "suggest": Speech, "urge": Speech, "recall": Speech,
	"testify": Speech, "emphasize": Speech, "emphasise": Speech, "stress": Speech, "predict": Speech,
	"joke": Speech, "vow": Speech, "promise": Speech, "demand": Speech, "report": Speech,
	"shout": Speech, "exclaim": Speech, "whisper": Speech, "plead": Speech, "concede": Speech,
	"maintain": Speech, "contend": Speech, "counter": Speech, "agree": Speech, "muse": Speech,
	"quip": Speech, "boast": Speech, "complain": Speech, "lament": Speech, "reiterate": Speech,
	"highlight": Speech, "affirm": Speech, "assure": Speech, "read": Speech, "assert": Speech,
	"quote": Speech, "reason": Speech, "reveal": Speech, "disclose": Speech, "speculate": Speech,
	"caution": Speech, "blast": Speech, "deny": Speech, "charge": Speech, "allege": Speech,
	"mention": Speech, "opine": Speech, "scoff": Speech, "snap": Speech, "chant": Speech, "gush": Speech,
	"retort": Speech, "interject": Speech, "proclaim": Speech, "pledge": Speech, "tout": Speech,
	"boom": Speech, "thunder": Speech, "cry": Speech, "yell": Speech, "scream": Speech,
	"mutter": Speech, "sigh": Speech, "laugh": Speech, "email": Speech, "text": Speech,
	"message": Speech, "wonder": Speech, "question": Speech, "praise": Speech, "criticize": Speech,
	"criticise": Speech, "attack": Speech, "slam": Speech, "accuse": Speech, "describe": Term,
	"call": Term, "dub": Term, "label": Term, "brand": Term, "term": Term, "characterize": Term,
	"characterise": Term, "nickname": Term, "title": Term, "name": Term,
}

// irregular verb forms, by form.
var irregular = map[string]string{
	"said": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak",
	"spoken": "speak", "read": "read", "was": "be", "were": "be", "thought": "think",
	"sang": "sing", "cried": "cry", "replied": "reply", "testified": "testify", "denied": "deny",
	"implied": "imply", "queried": "query", "says": "say", "tells": "tell", "writes": "write",
}

// Lemma guesses a verb form's lemma: "said" → "say", "warned" → "warn", "argues" → "argue".
func Lemma(form string) string {
	w := strings.ToLower(form)
	if l, ok := irregular[w]; ok {
		return l
	}
	if _, ok := cueLemmas[w]; ok {
		return w
	}
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		if !strings.HasSuffix(w, suf) || len(w) <= len(suf)+2 {
			continue
		}
		stem := w[:len(w)-len(suf)]
		for _, cand := range []string{stem, stem + "e", undouble(stem)} {
			if _, ok := cueLemmas[cand]; ok {
				return cand
			}
		}
		if suf == "ed" || suf == "es" {
			if strings.HasSuffix(stem, "i") {
				if _, ok := cueLemmas[stem[:len(stem)-1]+"y"]; ok {
					return stem[:len(stem)-1] + "y"
				}
			}
		}
	}
	return w
}

func undouble(s string) string {
	if n := len(s); n > 2 && s[n-1] == s[n-2] {
		return s[:n-1]
	}
	return s
}

// Cue says whether a verb form reports speech, names something, or neither.
func Cue(form string) CueKind { return cueLemmas[Lemma(form)] }

// retorts are verbs that report speech with a particle after them, by form: "fired back",
// "shot back", "hit back", "lashed out".
var retorts = map[string]string{
	"fire": "back", "fired": "back", "fires": "back", "firing": "back", "shot": "back", "shoots": "back",
	"shooting": "back", "hit": "back", "hits": "back", "hitting": "back",
	"lash": "out", "lashed": "out", "lashes": "out", "lashing": "out",
}

// Retort reports a verb and the word after it that report speech together: "fired back".
func Retort(form, next string) bool {
	p, ok := retorts[strings.ToLower(form)]
	return ok && strings.EqualFold(next, p)
}

// SpeechVerb reports a form of a verb that reports what someone said ("said", "warns",
// "tweeted"), not one that names ("called").
func SpeechVerb(form string) bool { return Cue(form) == Speech }

// introducers are the naming verbs that also introduce someone's words: "called it “a
// disgrace”", "described the plan as “reckless”", "dubbed him “Little Marco”". The others (name,
// title, label, brand, term, nickname) only name: "named the cartels “foreign terrorist” groups".
var introducers = map[string]bool{"call": true, "describe": true, "dub": true, "characterize": true, "characterise": true}

// Introduces reports a verb form that introduces quoted words: a speech verb, or a naming verb
// that also reports what someone said.
func Introduces(form string) bool {
	switch Cue(form) {
	case Speech:
		return true
	case Term:
		return introducers[Lemma(form)]
	}
	return false
}

// RoleKind says what a noun that can stand for a speaker refers to.
type RoleKind uint8

const (
	NoRole RoleKind = iota
	Person          // a role a person holds: "the senator", "philosopher Noam Chomsky"
	Body            // an organisation or its voice: "the campaign", "a spokesperson"
	Place           // a place acting as a body: "the city"
	Self            // the description is the speaker itself: "one poster", "the report"
)

// roles are nouns that name a role or stand for a speaker.
var roles = map[string]RoleKind{
	// an organisation's voice
	"spokesperson": Body, "spokesman": Body, "spokeswoman": Body, "official": Body, "representative": Body,
	"source": Body, "aide": Body, "statement": Body, "group": Body, "foundation": Body,
	"organization": Body, "organisation": Body, "company": Body, "agency": Body, "ministry": Body,
	"department": Body, "government": Body, "administration": Body, "council": Body, "committee": Body,
	"firm": Body, "party": Body, "campaign": Body, "office": Body, "institute": Body, "newspaper": Body,
	"paper": Body, "union": Body, "team": Body, "club": Body, "network": Body, "broadcaster": Body,
	"magazine": Body, "commission": Body, "board": Body, "court": Body, "panel": Body, "embassy": Body,
	// people by what they are or do
	"president": Person, "minister": Person, "leader": Person, "senator": Person, "governor": Person,
	"mayor": Person, "chairman": Person, "chairwoman": Person, "ceo": Person, "secretary": Person,
	"director": Person, "judge": Person, "lawyer": Person, "attorney": Person, "woman": Person, "man": Person,
	"actor": Person, "actress": Person, "author": Person, "chief": Person, "coach": Person, "captain": Person,
	"manager": Person, "prosecutor": Person, "chancellor": Person, "ambassador": Person,
	"commissioner": Person, "founder": Person, "owner": Person, "professor": Person, "philosopher": Person,
	"mathematician": Person, "physicist": Person, "chemist": Person, "biologist": Person, "scholar": Person,
	"historian": Person, "economist": Person, "teacher": Person, "student": Person, "writer": Person,
	"novelist": Person, "poet": Person, "playwright": Person, "journalist": Person, "reporter": Person,
	"editor": Person, "columnist": Person, "photographer": Person, "artist": Person, "painter": Person,
	"sculptor": Person, "singer": Person, "songwriter": Person, "musician": Person, "rapper": Person,
	"comedian": Person, "filmmaker": Person, "producer": Person, "designer": Person, "architect": Person,
	"player": Person, "footballer": Person, "striker": Person, "midfielder": Person, "defender": Person,
	"goalkeeper": Person, "teammate": Person, "athlete": Person, "champion": Person, "co-founder": Person,
	"cofounder": Person, "executive": Person, "entrepreneur": Person, "businessman": Person,
	"businesswoman": Person, "billionaire": Person, "investor": Person, "congressman": Person,
	"congresswoman": Person, "lawmaker": Person, "legislator": Person, "candidate": Person,
	"activist": Person, "diplomat": Person, "envoy": Person, "astronaut": Person, "engineer": Person,
	"surgeon": Person, "nurse": Person, "priest": Person, "bishop": Person, "cardinal": Person, "rabbi": Person,
	"imam": Person, "publisher": Person, "detective": Person, "inspector": Person, "treasurer": Person,
	"commander": Person, "interviewee": Person, "boy": Person, "girl": Person, "teenager": Person,
	"mother": Person, "father": Person, "wife": Person, "husband": Person, "son": Person, "daughter": Person,
	"widow": Person, "native": Person, "citizen": Person, "veteran": Person, "survivor": Person,
	"member": Person, "fan": Person, "volunteer": Person, "head": Person, "boss": Person, "nominee": Person,
	"strategist": Person, "adviser": Person, "advisor": Person, "pollster": Person, "organizer": Person,
	"host": Person, "anchor": Person, "speaker": Person, "sheriff": Person, "chair": Person,
	// places acting as bodies
	"city": Place, "municipality": Place, "country": Place, "state": Place, "town": Place,
	// descriptions that are the speaker themselves
	"poster": Self, "blogger": Self, "post": Self, "letter": Self, "analysis": Self, "study": Self,
	"article": Self, "editorial": Self, "website": Self, "critic": Self, "expert": Self, "analyst": Self,
	"witness": Self, "resident": Self, "researcher": Self, "scientist": Self, "doctor": Self,
	"police": Self, "officer": Self, "survey": Self, "memo": Self, "document": Self, "tweet": Self,
	"message": Self, "note": Self, "email": Self, "filing": Self, "ruling": Self, "report": Body,
	"ad": Self, "advertisement": Self, "video": Self, "release": Self, "narrator": Self, "poll": Self,
	"book": Self, "speech": Self, "interview": Self, "transcript": Self, "complaint": Self, "lawsuit": Self,
}

// Role says what a noun (singular or plural, any case) names as a speaker.
func Role(noun string) RoleKind {
	w := strings.ToLower(noun)
	if k, ok := roles[w]; ok {
		return k
	}
	if n := len(w); n > 3 && w[n-1] == 's' {
		if k, ok := roles[w[:n-1]]; ok {
			return k
		}
		if n > 4 && strings.HasSuffix(w, "es") {
			if k, ok := roles[w[:n-2]]; ok {
				return k
			}
		}
	}
	switch w {
	case "women":
		return Person
	case "men", "people":
		return Person
	}
	return NoRole
}

// IsPossessive reports the possessive ending as a word of its own: "'s", "’s", and the
// apostrophe alone after a plural ("parents'").
func IsPossessive(s string) bool {
	switch s {
	case "'s", "’s", "‘s", "'S", "’S", "'", "’":
		return true
	}
	return false
}
