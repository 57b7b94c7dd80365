package entity

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func TestModelRoundTrip(t *testing.T) {
	w := map[uint32][nTags]float32{
		7:              {1, -2, 3, 0, 0, 0, 0.5},
		1 << 20:        {-40, 0, 0, 0, 12, 0, 0},
		math.MaxUint32: {0, 0, 0, 0, 0, 0, 0},
		3_000_000:      {0.01, 0.02, -0.03, 0, 0, 0, 0},
	}
	m, err := parseModel(encodeModel(w))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.scales) != len(w) {
		t.Fatalf("%d features after the round trip, want %d", len(m.scales), len(w))
	}
	for h, want := range w {
		var got [nTags]float32
		m.score([]uint32{h}, &got)
		var peak float32
		for _, v := range want {
			peak = max(peak, float32(math.Abs(float64(v))))
		}
		for k := range want {
			// int8 weights against a bfloat16 scale: within one step and a rounding of the scale
			if d := math.Abs(float64(got[k] - want[k])); d > float64(peak)/127+float64(peak)/128 {
				t.Errorf("feature %d tag %d: got %v, want %v", h, k, got[k], want[k])
			}
		}
	}
	var none [nTags]float32
	m.score([]uint32{12345}, &none)
	if none != ([nTags]float32{}) {
		t.Errorf("an unknown feature scored %v", none)
	}
}

func TestParseModelRejects(t *testing.T) {
	good := encodeModel(map[uint32][nTags]float32{1: {1}, 9: {0, 2}})
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"wrong magic", append([]byte("ATTNER1\n"), good[len(modelMagic):]...)},
		{"no count", []byte(modelMagic)},
		{"count beyond the data", append([]byte(modelMagic), 0xff, 0xff, 0xff, 0x0f)},
		{"truncated keys", good[:len(modelMagic)+2]},
		{"truncated weights", good[:len(good)-1]},
		{"trailing bytes", append(bytes.Clone(good), 0)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := parseModel(tc.b); err == nil {
				t.Error("parsed without error")
			}
		})
	}
}

func TestEmbeddedModel(t *testing.T) {
	m := loadedModel()
	if m == nil {
		t.Fatal("the embedded model does not parse")
	}
	if len(m.scales) < 500 {
		t.Errorf("the embedded model has %d features: retrain it with go run ./annotate/internal/entity/train", len(m.scales))
	}
}

// Training is deterministic for a seed, and a model trained on a name in one context finds it in another.
func TestTrain(t *testing.T) {
	var docs []TrainDoc
	for _, s := range []string{
		"Officials said Qorvath Brill would visit the port.",
		"The mayor met Qorvath Brill and Selma Odu on Monday.",
		"Yesterday Selma Odu thanked Qorvath Brill for the work.",
		"Reporters asked Selma Odu about the plan.",
	} {
		d := TrainDoc{Text: s}
		for _, n := range []string{"Qorvath Brill", "Selma Odu"} {
			if i := bytes.Index([]byte(s), []byte(n)); i >= 0 {
				d.Gold = append(d.Gold, GoldSpan{Start: i, End: i + len(n), Label: "PERSON"})
			}
		}
		docs = append(docs, d)
	}
	o := TrainOptions{Iterations: 4, MinWeight: 0.5}
	a, b := Train(docs, o), Train(docs, o)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with one seed gave different models")
	}
	text := "On Friday the council heard Qorvath Brill speak."
	spans, err := TagText(a, text)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range spans {
		if text[s.Start:s.End] == "Qorvath Brill" && s.Label == "PERSON" {
			found = true
		}
	}
	if !found {
		t.Errorf("tagged %+v, want Qorvath Brill as PERSON", spans)
	}
	if _, err := TagText([]byte("junk"), text); err == nil {
		t.Error("a bad model was accepted")
	}
}

func FuzzParseModel(f *testing.F) {
	f.Add(encodeModel(map[uint32][nTags]float32{1: {1, 2, 3}, 1 << 30: {-1}}))
	f.Add([]byte(modelMagic + "\x02\x01"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := parseModel(b)
		if err != nil {
			return
		}
		var out [nTags]float32
		for _, h := range m.index.keys {
			m.score([]uint32{h, h + 1}, &out)
		}
	})
}

// TestFeatureIndex: every key finds its row and absent keys none, through collisions and
// wrap-around (keys that all land on the last slots), with 0 as an ordinary key.
func TestFeatureIndex(t *testing.T) {
	for _, n := range []int{0, 1, 7, 8, 1000} {
		x := newFeatureIndex(n)
		keys := make([]uint32, n)
		for i := range keys {
			keys[i] = uint32(i) * 0x10000 // differ only in high bits: many share a slot
		}
		for i, k := range keys {
			x.add(k, int32(i))
		}
		for i, k := range keys {
			if got := x.find(k); got != int32(i) {
				t.Errorf("n=%d: find(%#x) = %d, want %d", n, k, got, i)
			}
		}
		for _, k := range []uint32{1, 0xffffffff, uint32(n) * 0x10000} {
			if got := x.find(k); got != -1 {
				t.Errorf("n=%d: find(%#x) = %d for an absent key", n, k, got)
			}
		}
	}
	var empty featureIndex
	if empty.find(5) != -1 {
		t.Error("the zero index finds a key")
	}
}

// TestFeatureHash holds featureHash to the hashing the model was trained with: FNV-1a over the
// kind's name, then a 0xff byte and each part.
func TestFeatureHash(t *testing.T) {
	fnv := func(kind string, parts ...string) uint32 {
		h := uint32(2166136261)
		add := func(c byte) { h ^= uint32(c); h *= 16777619 }
		for i := 0; i < len(kind); i++ {
			add(kind[i])
		}
		for _, p := range parts {
			add(0xff)
			for i := 0; i < len(p); i++ {
				add(p[i])
			}
		}
		return h
	}
	for k := range nKinds {
		for _, parts := range [][]string{nil, {""}, {"obama"}, {"Xx", "said"}, {"B-PER", "x", "é"}} {
			if got, want := featureHash(k, parts...), fnv(kindNames[k], parts...); got != want {
				t.Errorf("featureHash(%q, %q) = %#x, want %#x", kindNames[k], parts, got, want)
			}
		}
	}
	if kindHashes[kBias] != fnv("bias") {
		t.Error("the bias feature's hash changed")
	}
}

// TestGazClass: the table answers what the lists' order of precedence says, and a word in none
// of the hand-written lists falls to the large given-name list.
func TestGazClass(t *testing.T) {
	l := lex()
	for w, c := range l.gaz {
		if got := l.classOf(w); got != c || c == "" {
			t.Fatalf("table says %q for %q, classOf %q", c, w, got)
		}
	}
	for _, w := range []string{"President", "Smith", "Paris", "of", "Inc", "Mary"} {
		if c := l.classOf(w); c != "" && gazClass(w) != c {
			t.Errorf("gazClass(%q) = %q, want %q", w, gazClass(w), c)
		}
	}
	weak := 0 // names of the large list in no hand-written one
	for _, line := range strings.Split(givenNames, "\n")[1:] {
		if len(line) < 3 || l.classOf(line[2:]) != "" {
			continue
		}
		if weak++; gazClass(line[2:]) != "weakgiven" {
			t.Fatalf("gazClass(%q) = %q, want weakgiven", line[2:], gazClass(line[2:]))
		}
	}
	if weak < 1000 {
		t.Errorf("only %d names of the large list are in no hand-written one", weak)
	}
	if c := gazClass("xyzzy"); c != "" {
		t.Errorf("gazClass(xyzzy) = %q, want nothing", c)
	}
}
