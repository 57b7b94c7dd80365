package annotate_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/attest-news/attest/annotate"
)

// TestCompareSeeds checks the alignment of the quotes the five seeds share, written by hand.
func TestCompareSeeds(t *testing.T) {
	seeds := loadSeeds(t)
	var names []string
	var results []*annotate.Result
	for _, s := range seeds {
		r, err := annotate.Annotate(s.input, annotate.Options{In: annotate.InputText})
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, s.name[:3])
		results = append(results, r)
	}
	c := annotate.Compare(names, results)
	// rowOf finds the row holding a quote of version v that starts with prefix.
	rowOf := func(v int, prefix string) *annotate.QuoteRow {
		for i := range c.Quotes {
			cell := c.Quotes[i].Cells[v]
			if cell.Status != annotate.StatusAbsent && strings.HasPrefix(cell.Text, prefix) {
				return &c.Quotes[i]
			}
		}
		t.Fatalf("no row has %s's quote %q", names[v], prefix)
		return nil
	}
	status := func(row *annotate.QuoteRow) string {
		var sb strings.Builder
		for _, cell := range row.Cells {
			sb.WriteString(map[string]string{"present": "P", "altered": "A", "absent": "."}[cell.Status])
		}
		return sb.String()
	}
	tests := []struct {
		version int
		prefix  string
		want    string // status per seed 000…004: P present, A altered, . absent
		speaker string
	}{
		{0, "it’s true.", "PP...", "Claudia Sheinbaum"},
		{0, "How can we help you fight drug trafficking?", "AAP.A", "Donald Trump"}, // nested in 002 and 004, with more words
		{0, "never accept", "PP...", "Claudia Sheinbaum"},
		{0, "We will make America safe again.", "PP...", "Anna Kelly"},
		{0, "We will continue exploring ways", "PP...", "Anna Kelly"},
		{0, "last resort,", "PP...", "The Heritage Foundation"},
		{0, "In the appropriate context", "PP...", "The Heritage Foundation"},
		{0, "No, President Trump, our territory is inalienable", "A.A.P", "Claudia Sheinbaum"}, // "inalienable" became "sacrosanct" in 004
		{0, "We can collaborate. We can work together", "P.A.A", "Claudia Sheinbaum"},
		{2, "Mexico still must do more", "AAP..", "Anna Kelly"}, // Kelly's words, given to "a White House spokesperson" in 002
	}
	for _, tc := range tests {
		row := rowOf(tc.version, tc.prefix)
		if got := status(row); got != tc.want {
			t.Errorf("%q: statuses %s, want %s", tc.prefix, got, tc.want)
		}
		if row.Speaker != tc.speaker {
			t.Errorf("%q: speaker %q, want %q", tc.prefix, row.Speaker, tc.speaker)
		}
	}
	// the question Trump asked is not the quote Sheinbaum wraps around it
	if rowOf(2, "He said, ‘How can we help") == rowOf(0, "How can we help") {
		t.Error("Sheinbaum's quote and Trump's nested question share a row")
	}
	if cell := rowOf(2, "Mexico still must do more").Cells[2]; !cell.SpeakerChanged || cell.Speaker != "White House" {
		t.Errorf("002's re-attribution to the White House is not flagged: %+v", cell)
	}
	// the row's wording is the fullest (004's); 000's diff from it shows the other word
	if cell := rowOf(0, "No, President Trump, our territory").Cells[0]; !hasOp(cell.Diff, "+", "inalienable") || !hasOp(cell.Diff, "-", "sacrosanct") {
		t.Errorf("the rewording is not in the diff: %+v", cell.Diff)
	}
	if len(c.Paragraphs) == 0 || len(c.Entities) == 0 {
		t.Error("no paragraph or entity rows")
	}
	// the opening paragraphs of 000 and 001 line up, though 001's text opens with its headline
	lined := false
	for _, row := range c.Paragraphs {
		if i := row.Indexes[1]; row.Indexes[0] >= 0 && i >= 0 && strings.Contains(row.Text, "publicly confirmed she rejected") &&
			strings.Contains(strings.Split(results[1].Text, "\n\n")[i], "publicly confirmed she rejected") {
			lined = true
		}
	}
	if !lined {
		t.Error("the opening paragraphs of 000 and 001 do not share a row")
	}
	md := annotate.CompareMarkdown(c)
	if !strings.Contains(md, "| Donald Trump | How can we help you fight drug trafficking?") || !strings.Contains(md, "~~sacrosanct") {
		t.Errorf("markdown lacks the rows:\n%s", md)
	}
}

func hasOp(ops []annotate.DiffOp, op, word string) bool {
	for _, o := range ops {
		if o.Op == op && strings.Contains(o.Text, word) {
			return true
		}
	}
	return false
}

// TestCompareEdits: synthetic edits of one article — a trimmed quote, a reworded one, one
// attributed to someone else, one dropped — are each found.
func TestCompareEdits(t *testing.T) {
	base := []string{
		"Mayor Maria Lopez spoke to reporters in Lisbon on Friday about the harbour plan and its cost.",
		"“We will build the new harbour by the end of next year, whatever the critics say,” Lopez said.",
		"Senator John Park disagreed with the plan and its timetable in a long statement.",
		"“The harbour plan is far too expensive for a city of this size,” Park said.",
		"“Nobody in the council has read the full report yet,” said Anna Kelly, a council member.",
	}
	edits := []struct {
		name  string
		apply func([]string) []string
		check func(t *testing.T, c *annotate.Comparison)
	}{
		{"trim", func(p []string) []string {
			p[1] = "“We will build the new harbour by the end of next year,” Lopez said."
			return p
		}, func(t *testing.T, c *annotate.Comparison) {
			cell := rowWith(t, c, "We will build the new harbour").Cells[1]
			if cell.Status != annotate.StatusAltered || !hasOp(cell.Diff, "-", "critics") {
				t.Errorf("trim not found: %+v", cell)
			}
		}},
		{"reword", func(p []string) []string {
			p[3] = "“The harbour plan is far too costly for a city of this size,” Park said."
			return p
		}, func(t *testing.T, c *annotate.Comparison) {
			cell := rowWith(t, c, "The harbour plan is far too").Cells[1]
			if cell.Status != annotate.StatusAltered || !hasOp(cell.Diff, "+", "costly") || !hasOp(cell.Diff, "-", "expensive") {
				t.Errorf("rewording not found: %+v", cell)
			}
		}},
		{"re-attribute", func(p []string) []string {
			p[3] = "“The harbour plan is far too expensive for a city of this size,” Lopez said."
			return p
		}, func(t *testing.T, c *annotate.Comparison) {
			row := rowWith(t, c, "The harbour plan is far too")
			if row.Cells[0].Speaker == row.Cells[1].Speaker || !(row.Cells[0].SpeakerChanged || row.Cells[1].SpeakerChanged) {
				t.Errorf("re-attribution not found: %+v", row.Cells)
			}
		}},
		{"drop", func(p []string) []string {
			return append(p[:4:4], "Anna Kelly, a council member, had no comment.")
		}, func(t *testing.T, c *annotate.Comparison) {
			if cell := rowWith(t, c, "Nobody in the council").Cells[1]; cell.Status != annotate.StatusAbsent {
				t.Errorf("dropped quote not absent: %+v", cell)
			}
		}},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			a := annotateText(t, strings.Join(base, "\n\n"))
			b := annotateText(t, strings.Join(e.apply(append([]string(nil), base...)), "\n\n"))
			c := annotate.Compare([]string{"original", "edited"}, []*annotate.Result{a, b})
			e.check(t, c)
			for _, row := range c.Quotes { // untouched quotes stay present in both
				if row.Cells[0].Status == annotate.StatusPresent && row.Cells[1].Status == annotate.StatusPresent && row.Cells[0].Text != row.Cells[1].Text {
					t.Errorf("present quotes differ: %q / %q", row.Cells[0].Text, row.Cells[1].Text)
				}
			}
		})
	}
}

func annotateText(t *testing.T, s string) *annotate.Result {
	t.Helper()
	r, err := annotate.Annotate([]byte(s), annotate.Options{In: annotate.InputText})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func rowWith(t *testing.T, c *annotate.Comparison, prefix string) *annotate.QuoteRow {
	t.Helper()
	for i := range c.Quotes {
		if strings.HasPrefix(c.Quotes[i].Text, prefix) {
			return &c.Quotes[i]
		}
	}
	var got []string
	for _, r := range c.Quotes {
		got = append(got, fmt.Sprintf("%q", r.Text))
	}
	t.Fatalf("no row %q among %s", prefix, strings.Join(got, ", "))
	return nil
}
