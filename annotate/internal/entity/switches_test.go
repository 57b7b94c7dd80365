package entity

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRulesSwitched: every rule in the table is switched somewhere in the stage's code, and
// every switch in the code is a rule of the table, once.
func TestRulesSwitched(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	used := map[string]bool{}
	re := regexp.MustCompile(`\.on\("([a-z0-9-]+)"\)`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
		if f == "entity.go" { // the analysis stages run from a table of their own
			for _, m := range regexp.MustCompile(`\{"([a-z0-9-]+)", a\.`).FindAllStringSubmatch(string(b), -1) {
				used[m[1]] = true
			}
		}
	}
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("rule %q is in the table twice", r.ID)
		}
		seen[r.ID] = true
		if !used[r.ID] {
			t.Errorf("rule %q has no switch in the code", r.ID)
		}
		if r.Summary == "" {
			t.Errorf("rule %q has no summary", r.ID)
		}
	}
	for id := range used {
		if !seen[id] {
			t.Errorf("the code switches %q, which the table does not list", id)
		}
	}
}

// TestSwitchesChangeFind: switching a linking rule off changes the canonical names it gives, and
// nothing else.
func TestSwitchesChangeFind(t *testing.T) {
	text := "The Brightwater Research Council (BRC) met on Monday. Obama said the BRC plan was sound."
	canon := func(off map[string]bool) map[string]string {
		out := map[string]string{}
		for _, m := range FindWith(docOf(text), off) {
			out[text[m.Start:m.End]] = m.Canonical
		}
		return out
	}
	all := canon(nil)
	if all["Obama"] != "Barack Obama" || all["BRC"] != "Brightwater Research Council" {
		t.Fatalf("with every rule on: %v", all)
	}
	noSurname := canon(map[string]bool{"known-surname": true})
	if noSurname["Obama"] == "Barack Obama" || noSurname["BRC"] != all["BRC"] {
		t.Errorf("known-surname off: %v", noSurname)
	}
	noAcronym := canon(map[string]bool{"acronym-link": true})
	if noAcronym["BRC"] == "Brightwater Research Council" || noAcronym["Obama"] != "Barack Obama" {
		t.Errorf("acronym-link off: %v", noAcronym)
	}
}
