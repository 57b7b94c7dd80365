package quote

import (
	"testing"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/entity"
	"github.com/attest-news/attest/annotate/internal/syntax"
)

func TestTmp(t *testing.T) {
	for _, p := range []string{
		`The museum opened its doors to forty events. "Perpetual motion!" Rep. Glenn Tomlin, R-Pa., said of the swirl of activities.`,
		`"Perpetual motion!" Rep. Glenn Tomlin said of the swirl of activities.`,
		`"What if he had elocution lessons?" the 43-year-old asked in the video's description.`,
		`"We will keep going," the 58-year-old said on Monday.`,
		`"It is over," Sen. Amy Lund, D-Minn., said after the vote.`,
	} {
		var b doc.Builder
		b.Add(doc.Block{}, p, nil)
		d := b.Doc()
		syntax.Analyze(d)
		for _, q := range FindWith(d, entity.Find(d), nil) {
			t.Logf("%q ← %s (%s)", d.Text[q.Start:q.End], q.Speaker, q.Rule)
		}
	}
}
