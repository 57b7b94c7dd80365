package extract

import "testing"

func TestInterfaceRow(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Text Size\tPrint\tEmail", true},
		{"Printable version\tE-mail this story", true},
		{"delicious |  digg |  reddit", true},
		{"0 Comments\t\t\tBlog\tPrint", true},
		{"Rate This Article:", true},
		{"Email this article to a friend", true},
		{"[add comment]", true},
		{"Send Feedback", true},
		{"Print", false},                       // one word: ui-label's
		{"Text size", false},                   // no action
		{"Share prices fell on Monday", false}, // a sentence
		{"Comment: the new version of the story", false},
		{"Email Jane Doe", false},
		{"print email share rss bookmark digg delicious reddit feedback rate rating", false}, // over ten words
	} {
		if got := interfaceRow(tc.line); got != tc.want {
			t.Errorf("interfaceRow(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
