package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/attest-news/attest/annotate/internal/entity"
)

// The embedded model is what the training command makes from its default data (entities-train
// and UNER English-EWT) with the current rules (their decisions are features) and the syntax
// layer (its parts of speech are too): change either, retrain, commit the model.
func TestEmbeddedModelIsReproducible(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "..", "..", "shared", "data")
	var docs []jsonDoc
	for _, f := range []string{"entities-train", filepath.Join("entities-train-more", "uner-ewt.jsonl")} {
		data := filepath.Join(shared, f)
		if _, err := os.Stat(data); err != nil {
			t.Skipf("no %s: the reproducibility check needs the shared training data", data)
		}
		ds, err := readDocs(data)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, ds...)
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
