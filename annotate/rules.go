package annotate

import (
	"fmt"
	"strings"

	"github.com/attest-news/attest/annotate/internal/entity"
	"github.com/attest-news/attest/annotate/internal/extract"
)

// Rule is one switchable rule of the engine: a hand-written judgement with a stable ID, which
// Options.Disable can turn off to measure what it is worth (go run ./tools/ablate).
type Rule struct {
	ID      string // stage/name
	Summary string
}

// Rules lists every switchable rule, stage by stage, in the order each stage tries them.
var Rules = append(append(extractRules(), entityRules()...), []Rule{
	{"quote/according-to", "“according to X” names the speaker"},
	{"quote/subject-of-cue", "the subject or passive agent of the reporting verb over the quote"},
	{"quote/date-subject", "a date the parser took for the subject gives way to the name before the verb"},
	{"quote/outer-speaker", "a thing's verb gives way to the person reporting its clause: “Roe said the plan should …”"},
	{"quote/sentence-cue", "the subject of the reporting verb nearest the quote in its sentence"},
	{"quote/governing-verb", "the subject of the verb that governs the quote, where it names someone"},
	{"quote/surface-after", "after the quote: “…,” NP said / said NP, read off the words"},
	{"quote/surface-before", "before the quote: NP said “…”, read off the words"},
	{"quote/adding", "a participle after a comma (“…, adding, “…”) keeps the clause before's speaker"},
	{"quote/fronted-phrase", "a sentence's subject comes after a fronted phrase: “Speaking to CNN on Monday, Roe said”"},
	{"quote/colon-intro", "a clause ending in a colon introduces the quote: NP …: “…”"},
	{"quote/intro-paragraph", "the paragraph before ends “X said:” or “X stated,”"},
	{"quote/previous-subject", "a quote that is a sentence of its own takes the subject of the sentence before"},
	{"quote/lone-person", "no cue: the one person the quote's sentence names"},
	{"quote/next-sentence", "a phrase quoted in the sentence right after an attributed quote keeps its speaker"},
	{"quote/signature", "a short line under a quote naming someone first signs it: “…” ¶ -Jane Roe, Ohio."},
	{"quote/continued", "a quote going on from one of the paragraph or the one before keeps its speaker"},
	{"quote/nested-person", "a quote inside a quote is listed only when a person says it"},
	{"quote/drop-terms", "a passage in marks nobody is said to say is no quote"},
	{"quote/drop-titles", "a title-case passage after a possessive or \"on\" is a programme's name"},
}...)

func extractRules() []Rule {
	var out []Rule
	for _, r := range extract.Rules {
		out = append(out, Rule{ID: "extract/" + r.ID, Summary: r.Summary})
	}
	return out
}

func entityRules() []Rule {
	var out []Rule
	for _, r := range entity.Rules {
		out = append(out, Rule{ID: "entity/" + r.ID, Summary: r.Summary})
	}
	return out
}

// stageSwitches gives the rules of one stage that are off, without the stage's prefix.
func stageSwitches(off map[string]bool, prefix string) map[string]bool {
	var out map[string]bool
	for id := range off {
		if strings.HasPrefix(id, prefix) {
			if out == nil {
				out = map[string]bool{}
			}
			out[strings.TrimPrefix(id, prefix)] = true
		}
	}
	return out
}

// switches checks the IDs to disable against Rules.
func switches(ids []string) (map[string]bool, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	known := map[string]bool{}
	for _, r := range Rules {
		known[r.ID] = true
	}
	off := map[string]bool{}
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		if !known[id] {
			return nil, fmt.Errorf("%w: no rule %q (see annotate.Rules)", ErrOptions, id)
		}
		off[id] = true
	}
	return off, nil
}
