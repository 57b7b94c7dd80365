package extract

import (
	"runtime"
	"testing"
)

// TestSummariesNameRules: the summaries (kept apart so that the WebAssembly build leaves them
// out) cover every rule and only rules.
func TestSummariesNameRules(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("the WebAssembly build leaves the summaries out")
	}
	for _, r := range Rules {
		if r.Summary == "" {
			t.Errorf("rule %q has no summary", r.ID)
		}
	}
	if len(summaries) != len(Rules) {
		t.Errorf("%d summaries for %d rules", len(summaries), len(Rules))
	}
}
