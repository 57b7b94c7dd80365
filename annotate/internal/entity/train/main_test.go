package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/attest-news/attest/annotate/internal/entity"
)

// The embedded model is what the training command makes from entities-train with the current
// rules (their decisions are features): change the rules, retrain, commit both.
func TestEmbeddedModelIsReproducible(t *testing.T) {
	data := filepath.Join("..", "..", "..", "..", "..", "shared", "data", "entities-train")
	if _, err := os.Stat(data); err != nil {
		t.Skipf("no %s: the reproducibility check needs the shared training data", data)
	}
	docs, err := readDocs(data)
	if err != nil {
		t.Fatal(err)
	}
	got := entity.Train(trainDocs(docs), entity.TrainOptions{})
	want, err := os.ReadFile(filepath.Join("..", "model.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("model.bin (%d bytes) is not what training gives now (%d bytes): run go run ./annotate/internal/entity/train from the project root and commit model.bin", len(want), len(got))
	}
}
