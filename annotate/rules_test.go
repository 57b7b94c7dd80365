package annotate

import (
	"runtime"
	"strings"
	"testing"
)

// TestRuleSummaries: every switchable rule has a summary (they live apart from the tables so
// that the WebAssembly build leaves them out), IDs are unique and name their stage, and no
// summary is left over from a rule that is gone.
func TestRuleSummaries(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("the WebAssembly build leaves the summaries out")
	}
	seen := map[string]bool{}
	for _, r := range Rules {
		stage, _, ok := strings.Cut(r.ID, "/")
		if !ok || (stage != "extract" && stage != "entity" && stage != "quote") {
			t.Errorf("rule %q: no stage prefix", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("rule %q listed twice", r.ID)
		}
		seen[r.ID] = true
		if strings.TrimSpace(r.Summary) == "" {
			t.Errorf("rule %q has no summary", r.ID)
		}
	}
	for id := range summaries {
		if !seen[id] {
			t.Errorf("summary for %q, which is no rule", id)
		}
	}
}

func TestSwitchesRejectUnknown(t *testing.T) {
	if _, err := switches([]string{"extract/no-such-rule"}); err == nil {
		t.Error("an unknown rule ID should be refused")
	}
	off, err := switches([]string{" extract/tail-lines ", ""})
	if err != nil || !off["extract/tail-lines"] || len(off) != 1 {
		t.Errorf("switches = %v, %v", off, err)
	}
}
