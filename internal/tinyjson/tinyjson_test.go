package tinyjson

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want any
		bad  bool
	}{
		{in: `{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d"}}`, want: map[string]any{"a": []any{1.0, 2.5, -300.0, true, false, nil}, "b": map[string]any{"c": "d"}}},
		{in: ` "\u00e9\n\ud83d\ude00\/" `, want: "é\n😀/"},
		{in: `"\ud83d x"`, want: "\ufffd x"},
		{in: `[]`, want: []any{}},
		{in: `{}`, want: map[string]any{}},
		{in: `{"a":1,}`, bad: true},
		{in: `[1,]`, bad: true},
		{in: `01`, bad: true},
		{in: `1.`, bad: true},
		{in: `"a` + "\n" + `b"`, bad: true},
		{in: `"abc`, bad: true},
		{in: `tru`, bad: true},
		{in: `{"a" 1}`, bad: true},
		{in: `1 2`, bad: true},
		{in: `1e400`, bad: true},
		{in: ``, bad: true},
		{in: strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1), bad: true},
	}
	for _, tc := range tests {
		got, err := Parse(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("Parse(%.40q) = %v, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Parse(%.40q) = %#v, %v; want %#v", tc.in, got, err, tc.want)
		}
	}
}

// FuzzParse holds Parse to encoding/json: the same values where it decodes, an error where it
// refuses.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{"b":null}]}`, `"\ud83d\ude00"`, `-0.5e-3`, `[true,false]`, `"\ud800\u0041"`, "\"\xff\"", `{"a":1,"a":2}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want any
		werr := json.Unmarshal([]byte(s), &want)
		got, err := Parse(s)
		if (werr == nil) != (err == nil) {
			t.Fatalf("%q: encoding/json error %v, tinyjson error %v", s, werr, err)
		}
		if werr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: tinyjson %#v, encoding/json %#v", s, got, want)
		}
	})
}

func TestWriter(t *testing.T) {
	var w Writer
	w.Object()
	w.Key("s")
	w.String("a<b>&\"c\"\\\n\t\x01\u2028 é 😀 \xff")
	w.Key("n")
	w.Int(-42)
	w.Key("ok")
	w.Bool(true)
	w.Key("none")
	w.OptString(nil)
	w.Key("list")
	w.Array()
	w.Object()
	w.Key("x")
	w.Ints([]int{1, 2})
	w.EndObject()
	w.Strings([]string{"a", "b"})
	w.EndArray()
	w.EndObject()
	var v map[string]any
	if err := json.Unmarshal(w.B, &v); err != nil {
		t.Fatalf("%s: %v", w.B, err)
	}
	exp := map[string]any{"s": "a<b>&\"c\"\\\n\t\x01\u2028 é 😀 \ufffd", "n": -42.0, "ok": true, "none": nil,
		"list": []any{map[string]any{"x": []any{1.0, 2.0}}, []any{"a", "b"}}}
	if !reflect.DeepEqual(v, exp) {
		t.Errorf("got %#v\nwant %#v", v, exp)
	}
}

// FuzzString holds string quoting to encoding/json's, byte for byte.
func FuzzString(f *testing.F) {
	for _, s := range []string{"plain", "a<b>&", "\x00\x1f\"\\", "\u2028\u2029", "\xff\xfe", "é😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); string(got) != string(want) {
			t.Fatalf("%q: %s, encoding/json %s", s, got, want)
		}
	})
}
