package linear

import (
	"bytes"
	"math"
	"testing"
)

// train fits a small perceptron on fixed examples: feature f fires for class f%classes.
func train(classes int) *Averaged {
	p := NewPerceptron(classes)
	for it := 0; it < 5; it++ {
		for f := uint64(1); f <= 40; f++ {
			feats := []uint64{F1(1, f), F2(2, f, f%3), F1(3, 0)}
			scores := make([]float32, classes)
			p.Add(feats, scores)
			p.Update(feats, int(f)%classes, Argmax(scores, nil))
			p.Tick()
		}
	}
	return p.Average()
}

// TestPackLoad: the shipped model, dense or sparse, scores as the float model does, within the
// quantization's error, and a feature it does not hold scores nothing.
func TestPackLoad(t *testing.T) {
	for _, k := range []int{0, 2} {
		a := train(5)
		b := a.Pack(PackOptions{K: k})
		m, rest, err := Load(b)
		if err != nil || len(rest) != 0 {
			t.Fatalf("K=%d: Load: %v, %d bytes left", k, err, len(rest))
		}
		if m.Classes() != 5 || m.Features() != a.Features() {
			t.Errorf("K=%d: %d classes, %d features; want 5, %d", k, m.Classes(), m.Features(), a.Features())
		}
		fs := a.Scorer()
		right := 0
		for f := uint64(1); f <= 40; f++ {
			feats := []uint64{F1(1, f), F2(2, f, f%3), F1(3, 0)}
			want, got := make([]float32, 5), make([]float32, 5)
			fs.Add(feats, want)
			m.Add(feats, got)
			if Argmax(got, nil) == Argmax(want, nil) {
				right++
			}
			if k == 0 {
				for c := range want {
					if d := math.Abs(float64(got[c] - want[c])); d > 0.1*math.Abs(float64(want[c]))+1 {
						t.Errorf("dense: feature %d class %d: %v, float model %v", f, c, got[c], want[c])
					}
				}
			}
		}
		if right < 36 {
			t.Errorf("K=%d: the packed model agrees with the float model on %d of 40", k, right)
		}
		none := make([]float32, 5)
		m.Add([]uint64{12345, F1(99, 1)}, none)
		for _, v := range none {
			if v != 0 {
				t.Errorf("K=%d: unknown features scored %v", k, none)
				break
			}
		}
	}
}

func TestPackDeterministic(t *testing.T) {
	if !bytes.Equal(train(4).Pack(PackOptions{}), train(4).Pack(PackOptions{})) {
		t.Error("two trainings on the same examples packed differently")
	}
}

func TestLoadRejects(t *testing.T) {
	good := train(3).Pack(PackOptions{})
	for name, b := range map[string][]byte{
		"empty":       nil,
		"wrong magic": append([]byte("ASM0"), good[4:]...),
		"truncated":   good[:len(good)-1],
		"header only": good[:header],
	} {
		if _, _, err := Load(b); err == nil {
			t.Errorf("%s: loaded without error", name)
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(train(3).Pack(PackOptions{}))
	f.Add(train(3).Pack(PackOptions{K: 1}))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, _, err := Load(b)
		if err != nil {
			return
		}
		scores := make([]float32, m.Classes())
		m.Add([]uint64{1, 2, 3, math.MaxUint64}, scores)
	})
}
