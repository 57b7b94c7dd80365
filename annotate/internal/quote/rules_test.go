package quote

import "testing"

// Each switchable strategy decides its own example: with the rule on the quote has the speaker
// it should, and with the rule off it does not.
func TestRulesDecide(t *testing.T) {
	tests := []struct {
		rule  string
		paras []string
		quote string
		on    string // the speaker with the rule on (off, another)
	}{
		{"quote/adding", []string{`Mark Ruiz and Dana Cole will meet sometime next week, Sean Mulroy said, adding, "They need to sit down and have a good talk."`},
			"They need to sit down and have a good talk.", "Sean Mulroy"},
		{"quote/adding", []string{`Jane Roe welcomed the news that Tom Vale would quit, saying he was "doing the right thing" for the party.`},
			"doing the right thing", "Jane Roe"},
		{"quote/fronted-phrase", []string{`Speaking to CNN's State of the Union on Sunday, Jon Bale called the deal "a good start" and described the talks as "a work in progress."`},
			"a work in progress.", "Jon Bale"},
		{"quote/next-sentence", []string{`"He is supposed to be a cheerleader for this country," Tom Vale said. Instead, "he just acts like a defeated man."`},
			"he just acts like a defeated man.", "Tom Vale"},
		{"quote/signature", []string{`The delegates spoke after the vote.`, `"Great speech. She is tested. She is ready."`, `-Michelle Marks, Philadelphia.`},
			"Great speech. She is tested. She is ready.", "Michelle Marks"},
		{"quote/signature", []string{`Economists disagree about the plan.`, "\"I worry that we may see a resurgence of budget hawks.", `Dean Baker, Center for Economic and Policy Research."`},
			"I worry that we may see a resurgence of budget hawks.", "Dean Baker"},
		{"quote/outer-speaker", []string{`Anna Kowalski said in her speech that the platform should reiterate the party's support for "our steadfast friends in the region."`},
			"our steadfast friends in the region.", "Anna Kowalski"},
	}
	for _, tc := range tests {
		t.Run(tc.rule, func(t *testing.T) {
			got := func(off map[string]bool) string {
				d, qs := runWith(off, tc.paras...)
				for _, q := range qs {
					if d.Text[q.Start:q.End] == tc.quote {
						return q.Speaker
					}
				}
				return "no quote"
			}
			if on := got(nil); on != tc.on {
				t.Errorf("%q: speaker %q, want %q", tc.quote, on, tc.on)
			}
			if off := got(map[string]bool{tc.rule: true}); off == tc.on {
				t.Errorf("%q: %s off still gives %q: the example does not test the rule", tc.quote, tc.rule, off)
			}
		})
	}
}
