package bridge

import (
	"reflect"
	"testing"

	"github.com/attest-news/attest/annotate"
)

func TestParseOptionsAndStrings(t *testing.T) {
	if o, err := ParseOptions(`{"in": "html", "url": "https://example.com/a"}`); err != nil || o.In != "html" || o.URL != "https://example.com/a" {
		t.Errorf("ParseOptions = %+v, %v", o, err)
	}
	for _, bad := range []string{`[]`, `{"in":`, ``} {
		if _, err := ParseOptions(bad); err == nil {
			t.Errorf("ParseOptions(%q) accepted", bad)
		}
	}
	if s, err := ParseStrings(`["a", "b"]`); err != nil || !reflect.DeepEqual(s, []string{"a", "b"}) {
		t.Errorf("ParseStrings = %q, %v", s, err)
	}
	if _, err := ParseStrings(`["a", 1]`); err == nil {
		t.Error("ParseStrings accepted a number")
	}
}

func TestUTF16(t *testing.T) {
	text := "a😀 é “x”"
	r := &annotate.Result{Text: text, Quotes: []annotate.Quote{{Start: 12, End: 13, SpeakerStart: -1, SpeakerEnd: -1}},
		Entities: []annotate.Entity{{Start: 0, End: 1}}, Removed: []annotate.Removed{{At: len(text)}}}
	u := UTF16(r)
	// "a" 1, "😀" 2 code units, " " 1, "é" 1, " " 1, "“" 1: the x starts at 7
	if q := u.Quotes[0]; q.Start != 7 || q.End != 8 || q.SpeakerStart != -1 {
		t.Errorf("quote %+v", q)
	}
	if u.Removed[0].At != 9 || u.Entities[0].End != 1 {
		t.Errorf("removed %+v, entity %+v", u.Removed[0], u.Entities[0])
	}
	if r.Quotes[0].Start != 12 {
		t.Error("UTF16 changed its argument")
	}
}
