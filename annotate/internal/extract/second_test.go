package extract

import (
	"strings"
	"testing"
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
