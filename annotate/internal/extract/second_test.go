package extract

import (
	"strings"
	"testing"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/textutil"
)

func TestContained(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"a b c d", "x a b c d y", 1},
		{"a b c d", "a b", 0.5},
		{"a a a a", "a", 0.25}, // each word as often as it occurs
		{"", "a", 0},
		{"a b", "", 0},
	} {
		if got := contained(strings.Fields(tc.a), strings.Fields(tc.b)); got != tc.want {
			t.Errorf("contained(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// scoredPara is a paragraph of n sentences that Readability scores well (long, with commas).
func scoredPara(topic string, n int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		sb.WriteString("The " + topic + " committee met again on Tuesday, and after a long debate, it agreed to publish its findings in the spring. ")
	}
	return "<p>" + sb.String() + "</p>"
}

func TestSecondOpinion(t *testing.T) {
	for _, tc := range []struct {
		name      string
		page      string
		keep, cut []string
	}{
		{"article and its sibling paragraph",
			`<body><div id="wrap"><div class="story">` + scoredPara("harbour", 3) + scoredPara("harbour", 3) + `</div><p>A short closing note from the editor.</p></div></body>`,
			[]string{"harbour", "closing note"}, nil},
		{"unlikely names, hidden boxes and menus go before scoring",
			`<body><div class="story">` + scoredPara("budget", 4) + `<div class="sidebar">` + scoredPara("sidebar", 1) + `</div>` +
				`<div style="display: none">` + scoredPara("hidden", 1) + `</div><div role="navigation">` + scoredPara("menu", 1) + `</div></div></body>`,
			[]string{"budget"}, []string{"sidebar", "hidden", "menu"}},
		{"a name Readability may keep: comment-content",
			`<body><div class="story">` + scoredPara("river", 4) + `<div class="comment-content">` + scoredPara("reader", 2) + `</div></div></body>`,
			[]string{"river", "reader"}, nil},
		{"a box of links in the article is cleaned",
			`<body><div class="story">` + scoredPara("school", 4) + `<div class="more"><a href="/1">First other story here</a> <a href="/2">Second other story here</a> <a href="/3">Third story</a></div></div></body>`,
			[]string{"school"}, []string{"other story"}},
		{"a box with a furniture class is cleaned",
			`<body><div class="story">` + scoredPara("bridge", 4) + `<div class="promo-box">` + scoredPara("offer", 1) + `</div></div></body>`,
			[]string{"bridge"}, []string{"offer"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words, _ := secondOpinionWords(parsePage(tc.page))
			text := strings.Join(words, " ")
			for _, k := range tc.keep {
				if !strings.Contains(text, k) {
					t.Errorf("lost %q in %q", k, text)
				}
			}
			for _, c := range tc.cut {
				if strings.Contains(text, c) {
					t.Errorf("kept %q in %q", c, text)
				}
			}
		})
	}
}

func TestSecondReading(t *testing.T) {
	notice := "The library on Station Road will close for repairs from 3 March, and it will reopen on 14 April. " +
		"Books due in that time may be returned to the branch in the market square, or kept without a fine until the doors open again. " +
		"The mobile library keeps its usual Tuesday stop."
	teaser := "Books due while the doors are shut may go back to the branch in the market square, and nobody will be fined for keeping them until April. Full details inside."
	for _, tc := range []struct {
		name, page string
		keep, cut  string // text the second reading keeps, and text it must not
		warn       bool
	}{
		{"no article of ours: Readability's cleaning finds it",
			`<body><nav><a href="/">Home</a> <a href="/events">Events</a></nav><div class="sidebar-content"><p>` + notice +
				`</p></div><footer><p>© Station Road Library</p></footer></body>`,
			"The mobile library keeps its usual Tuesday stop.", "Events", true},
		{"a list of stories stays no article",
			`<body><div class="sidebar-content"><div><h2><a href="/1">Library closes for repairs this spring</a></h2><p>` + teaser +
				`</p></div><div><h2><a href="/2">Mobile library changes its route</a></h2><p>` + teaser +
				`</p></div><div><h2><a href="/3">Reading group meets in the town hall</a></h2><p>` + teaser +
				`</p></div><div><h2><a href="/4">Children's story hour moves to Saturday</a></h2><p>` + teaser + `</p></div></div></body>`,
			"", "branch in the market square", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := HTML(tc.page, Options{})
			if tc.keep != "" && !strings.Contains(d.Text, tc.keep) {
				t.Errorf("lost %q: %q", tc.keep, d.Text)
			}
			if tc.cut != "" && strings.Contains(d.Text, tc.cut) {
				t.Errorf("kept %q: %q", tc.cut, d.Text)
			}
			if tc.warn != (len(d.Warnings) > 0) {
				t.Errorf("warnings %v", d.Warnings)
			}
			off := HTML(tc.page, Options{Off: map[string]bool{"second-opinion": true}})
			if tc.keep != "" && strings.Contains(off.Text, tc.keep) {
				t.Errorf("kept %q without the second opinion: the test tests nothing", tc.keep)
			}
		})
	}
}

// TestSecondElsewhere: when our article and Readability's share next to no words, each reading
// chose a different part of the page, and Readability's is taken (its cleaning with it).
func TestSecondElsewhere(t *testing.T) {
	page := `<body><div class="story">` + scoredPara("harbour", 3) + scoredPara("harbour", 2) + `</div>` +
		`<div class="note"><p>Opening hours over the holidays: the office closes at noon on Friday and reopens on Monday at nine.</p></div></body>`
	root := parsePage(page)
	ours := &doc.Doc{Text: "Opening hours over the holidays: the office closes at noon on Friday and reopens on Monday at nine, as every year since the office moved to the old school building."}
	d := secondReading(root, Options{}, ours)
	if d == nil || !strings.Contains(d.Text, "harbour committee") || len(d.Warnings) != 1 || d.Warnings[0] != WarnElsewhere {
		t.Fatalf("want Readability's article with a warning, got %q %q", d.Text, d.Warnings)
	}
	if d := secondReading(root, Options{Off: map[string]bool{"second-elsewhere": true}}, ours); d != nil {
		t.Errorf("second-elsewhere off: want no second reading, got %q", d.Text)
	}
	// the same words in both: no disagreement, and ours is not short: no second reading
	same := &doc.Doc{Text: strings.Repeat("The harbour committee met again on Tuesday, and after a long debate, it agreed to publish its findings in the spring. ", 5)}
	if d := secondReading(root, Options{}, same); d != nil {
		t.Errorf("readings that agree: want none, got %q", d.Text)
	}
}

// TestSecondSkipsComments: Readability spares a box named "commentbody" (its name holds "body"),
// so its article can be ours plus the comment thread; that is no reason to read the page again.
func TestSecondSkipsComments(t *testing.T) {
	comments := ""
	for i := 0; i < 6; i++ {
		comments += `<div class="commentbody"><p>` + strings.Repeat("I read this on the train, and I think, on the whole, the readers deserve a longer answer than this. ", 3) + `</p></div>`
	}
	page := `<body><div class="indivbody"><h3>Harbour plan</h3>` + scoredPara("harbour", 2) + scoredPara("harbour", 2) + scoredPara("harbour", 2) + comments + `</div></body>`
	d := HTML(page, Options{})
	if !strings.Contains(d.Text, "harbour committee") || strings.Contains(d.Text, "on the train") || len(d.Warnings) > 0 {
		t.Errorf("text %q, warnings %v: want the post without its comments", d.Text, d.Warnings)
	}
	off := HTML(page, Options{Off: map[string]bool{"second-skips-comments": true}})
	if !strings.Contains(off.Text, "on the train") {
		t.Errorf("without the rule the second reading should keep the thread (or the test tests nothing): %q", off.Text)
	}
}

func TestSecondOpinionText(t *testing.T) {
	page := `<body><nav role="navigation"><a href="/">Home</a></nav><div class="story">` + scoredPara("harbour", 5) + `</div></body>`
	got := SecondOpinion(page)
	if !strings.HasPrefix(got, "The harbour committee met again") || strings.Contains(got, "Home") {
		t.Errorf("SecondOpinion = %q", got)
	}
	if SecondOpinion("") != "" {
		t.Error("an empty page has no article")
	}
}

// TestSecondAsIs: when our wording rules cut most of the article Readability chose (here an
// article about a site's legal pages, every paragraph of which reads as a legal notice), its
// reading is taken as it is rather than losing the article.
func TestSecondAsIs(t *testing.T) {
	para := `<p>The court said the terms of use and the privacy policy of the site, which claim all rights reserved, were written so that, in the judge's words, nobody could read them.</p>`
	page := `<body><div class="story">` + strings.Repeat(para, 4) + `</div></body>`
	d := HTML(page, Options{})
	if textutil.WordCount(d.Text) < 100 || !strings.Contains(d.Text, "The court said") {
		t.Fatalf("want Readability's article as it is, got %q (warnings %v)", d.Text, d.Warnings)
	}
	off := HTML(page, Options{Off: map[string]bool{"second-as-is": true}})
	if textutil.WordCount(off.Text) >= 50 {
		t.Errorf("without the rule our wording rules should cut the article (or the test tests nothing): %q", off.Text)
	}
}

// TestSecondFew: when we find no article, a short reading of Readability's (a brief of a dozen
// words) is taken rather than nothing; under secondFew words it is not.
func TestSecondFew(t *testing.T) {
	brief := `The harbour committee will meet again on Tuesday evening at the old school, the mayor said.`
	for _, tc := range []struct {
		name, text string
		off        bool
		want       bool
	}{
		{"a brief", brief, false, true},
		{"switched off", brief, true, false},
		{"too few words", `Harbour meeting on Tuesday, at the school.`, false, false},
	} {
		page := `<body><header class="top"><div><p>` + tc.text + `</p></div></header></body>`
		d := HTML(page, Options{Off: map[string]bool{"second-few": tc.off}})
		if got := strings.Contains(d.Text, "Tuesday"); got != tc.want {
			t.Errorf("%s: text %q, want kept %v", tc.name, d.Text, tc.want)
		}
	}
}
