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
	{"quote/according-to", ""},
	{"quote/subject-of-cue", ""},
	{"quote/date-subject", ""},
	{"quote/outer-speaker", ""},
	{"quote/sentence-cue", ""},
	{"quote/governing-verb", ""},
	{"quote/surface-after", ""},
	{"quote/surface-before", ""},
	{"quote/adding", ""},
	{"quote/fronted-phrase", ""},
	{"quote/colon-intro", ""},
	{"quote/intro-paragraph", ""},
	{"quote/previous-subject", ""},
	{"quote/lone-person", ""},
	{"quote/next-sentence", ""},
	{"quote/signature", ""},
	{"quote/continued", ""},
	{"quote/nested-person", ""},
	{"quote/drop-terms", ""},
	{"quote/drop-titles", ""},
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
