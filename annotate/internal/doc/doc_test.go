package doc

import (
	"reflect"
	"testing"
)

func TestDrop(t *testing.T) {
	build := func() *Doc {
		var b Builder
		b.Remove("Menu", ReasonNav, "tag-nav")
		b.Add(Block{Kind: Heading, Level: 1}, "Headline", nil)
		b.Add(Block{}, "By Dana", nil)
		b.Remove("Share", ReasonShare, "class-share")
		b.Add(Block{}, "Body with a link.", []Span{{Start: 12, End: 16, Label: "a", Attr: "https://x.example"}})
		b.Remove("Footer", ReasonFooter, "tag-footer")
		return b.Doc()
	}
	tests := []struct {
		name     string
		verdicts []Verdict
		text     string
		removed  []Removed
		link     string
	}{
		{
			name:     "nothing dropped",
			verdicts: []Verdict{{}, {}, {}},
			text:     "Headline\n\nBy Dana\n\nBody with a link.",
			removed:  []Removed{{"Menu", ReasonNav, "tag-nav", 0}, {"Share", ReasonShare, "class-share", 19}, {"Footer", ReasonFooter, "tag-footer", 38}},
			link:     "link",
		},
		{
			name:     "headline silent, byline listed",
			verdicts: []Verdict{{Reason: Silent}, {ReasonOther, "head-byline"}, {}},
			text:     "Body with a link.",
			removed:  []Removed{{"Menu", ReasonNav, "tag-nav", 0}, {"By Dana", ReasonOther, "head-byline", 0}, {"Share", ReasonShare, "class-share", 0}, {"Footer", ReasonFooter, "tag-footer", 19}},
			link:     "link",
		},
		{
			name:     "the last block",
			verdicts: []Verdict{{}, {}, {ReasonOther, "x"}},
			text:     "Headline\n\nBy Dana",
			removed:  []Removed{{"Menu", ReasonNav, "tag-nav", 0}, {"Share", ReasonShare, "class-share", 19}, {"Body with a link.", ReasonOther, "x", 19}, {"Footer", ReasonFooter, "tag-footer", 19}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := build()
			d.Drop(tc.verdicts)
			if d.Text != tc.text {
				t.Errorf("text %q, want %q", d.Text, tc.text)
			}
			if !reflect.DeepEqual(d.Removed, tc.removed) {
				t.Errorf("removed %+v,\nwant    %+v", d.Removed, tc.removed)
			}
			link := ""
			for _, b := range d.Blocks {
				if d.Text[b.Start:b.End] == "" {
					t.Errorf("empty block %+v", b)
				}
				for _, sp := range b.Inline {
					link = d.Text[sp.Start:sp.End]
				}
			}
			if link != tc.link {
				t.Errorf("link text %q, want %q", link, tc.link)
			}
		})
	}
}
