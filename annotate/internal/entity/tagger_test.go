package entity

import (
	"bytes"
	"strings"
	"testing"

	"github.com/attest-news/attest/annotate/internal/linear"
)

func TestParseModelRejects(t *testing.T) {
	p := linear.NewPerceptron(nTags)
	p.Update([]uint64{1, 2}, tagBPER, tagO)
	p.Tick()
	good := p.Average().Pack(linear.PackOptions{K: 3})
	if _, err := parseModel(good); err != nil {
		t.Fatalf("a packed model does not parse: %v", err)
	}
	p5 := linear.NewPerceptron(5)
	p5.Update([]uint64{1}, 1, 0)
	p5.Tick()
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"wrong magic", append([]byte("XXXX"), good[4:]...)},
		{"truncated", good[:len(good)-1]},
		{"trailing bytes", append(bytes.Clone(good), 0)},
		{"five classes", p5.Average().Pack(linear.PackOptions{})},
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
	if n := m.Features(); n < 500 {
		t.Errorf("the embedded model has %d features: retrain it with go run ./annotate/internal/entity/train", n)
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
	p := linear.NewPerceptron(nTags)
	p.Update([]uint64{1, 1 << 40}, tagBORG, tagO)
	p.Tick()
	f.Add(p.Average().Pack(linear.PackOptions{K: 3}))
	f.Add([]byte(linear.Magic + "\x07\x00\x03\x02"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := parseModel(b)
		if err != nil {
			return
		}
		var out [nTags]float32
		m.Add([]uint64{1, 2, 1 << 40}, out[:])
	})
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
