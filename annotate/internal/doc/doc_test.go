package doc

import (
	"reflect"
	"testing"
)

func TestDrop(t *testing.T) {
	build := func() *Doc {
		var b Builder
		b.Remove("Menu", ReasonNav)
		b.Add(Block{Kind: Heading, Level: 1}, "Headline", nil)
		b.Add(Block{}, "By Dana", nil)
		b.Remove("Share", ReasonShare)
		b.Add(Block{}, "Body with a link.", []Span{{Start: 12, End: 16, Label: "a", Attr: "https://x.example"}})
		b.Remove("Footer", ReasonFooter)
		return b.Doc()
	}
	tests := []struct {
		name    string
		reasons []string
		text    string
		removed []Removed
		link    string
	}{
		{
			name:    "nothing dropped",
			reasons: []string{"", "", ""},
			text:    "Headline\n\nBy Dana\n\nBody with a link.",
			removed: []Removed{{"Menu", ReasonNav, 0}, {"Share", ReasonShare, 19}, {"Footer", ReasonFooter, 38}},
			link:    "link",
		},
		{
			name:    "headline silent, byline listed",
			reasons: []string{Silent, ReasonOther, ""},
			text:    "Body with a link.",
			removed: []Removed{{"Menu", ReasonNav, 0}, {"By Dana", ReasonOther, 0}, {"Share", ReasonShare, 0}, {"Footer", ReasonFooter, 19}},
			link:    "link",
		},
		{
			name:    "the last block",
			reasons: []string{"", "", ReasonOther},
			text:    "Headline\n\nBy Dana",
			removed: []Removed{{"Menu", ReasonNav, 0}, {"Share", ReasonShare, 19}, {"Body with a link.", ReasonOther, 19}, {"Footer", ReasonFooter, 19}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := build()
			d.Drop(tc.reasons)
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
