// Command train fits the entity tagger on the GUM training set and writes model.bin:
//
//	go run ./annotate/internal/entity/train                 # train, write the embedded model
//	go run ./annotate/internal/entity/train -eval ../shared/data/entities-dev -o /tmp/m.bin
//
// -eval scores the tagger's PERSON/ORG/LOC names on a JSONL gold set the way
// shared/tools/score-entities.py does (spans snapped to whitespace tokens, exact match). It never
// trains on that set.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/attest-news/attest/annotate/internal/entity"
)

type jsonDoc struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Entities []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Label string `json:"label"`
	} `json:"entities"`
}

func main() {
	data := flag.String("data", "../shared/data/entities-train,../shared/data/entities-train-more/uner-ewt.jsonl", "training JSONL files or folders, comma-separated")
	out := flag.String("o", "annotate/internal/entity/model.bin", "model file to write")
	eval := flag.String("eval", "", "JSONL gold file or folder to score the new model on")
	iters := flag.Int("iter", 0, "training passes (0: the default)")
	seed := flag.Int64("seed", 0, "shuffling seed (0: the default)")
	minw := flag.Float64("minweight", 0, "prune features lighter than this (0: the default)")
	k := flag.Int("k", 0, "classes kept per feature (0: the default)")
	rulesOnly := flag.Bool("rules", false, "with -eval: score the rules alone, for comparison")
	modelFile := flag.String("model", "", "with -eval: score this model file instead of training one")
	raw := flag.Bool("raw", false, "with -eval: score the tagger's names before the rules reconcile them")
	showErrs := flag.Bool("errors", false, "with -eval: print each missed and each wrong name")
	disable := flag.String("disable", "", "train with these rules switched off, comma-separated (entity/ID or ID; see entity.Rules)")
	flag.Parse()
	var off map[string]bool
	for _, id := range strings.Split(*disable, ",") {
		if id = strings.TrimPrefix(strings.TrimSpace(id), "entity/"); id != "" {
			if off == nil {
				off = map[string]bool{}
			}
			off[id] = true
		}
	}
	var model []byte
	if *modelFile != "" {
		b, err := os.ReadFile(*modelFile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		model = b
	} else {
		var docs []jsonDoc
		for _, path := range strings.Split(*data, ",") {
			ds, err := readDocs(path)
			if err != nil {
				fmt.Fprintln(os.Stderr, "train:", err)
				os.Exit(1)
			}
			docs = append(docs, ds...)
		}
		tds := trainDocs(docs)
		model = entity.Train(tds, entity.TrainOptions{Iterations: *iters, Seed: *seed, MinWeight: *minw, K: *k, Off: off, Log: os.Stderr})
		if err := os.WriteFile(*out, model, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "wrote %s (%d bytes) from %d documents\n", *out, len(model), len(tds))
	}
	if *eval == "" {
		return
	}
	gold, err := readDocs(*eval)
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	types := []string{"PERSON", "ORG", "LOC"}
	tp, np, ng := map[string]int{}, map[string]int{}, map[string]int{}
	for _, d := range gold {
		m := model
		if *rulesOnly {
			m = nil
		}
		tag := entity.TagText
		if *raw {
			tag = entity.TagTextRaw
		}
		spans, err := tag(m, d.Text)
		if err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		sn := newSnapper(d.Text)
		g, p := map[[3]string]bool{}, map[[3]string]bool{}
		for _, e := range d.Entities {
			if k, ok := sn.key(e.Start, e.End, coarse(e.Label)); ok {
				g[k] = true
			}
		}
		for _, e := range spans {
			if k, ok := sn.key(e.Start, e.End, e.Label); ok {
				p[k] = true
			}
		}
		for k := range g {
			ng[k[2]]++
			if p[k] {
				tp[k[2]]++
			}
		}
		for k := range p {
			np[k[2]]++
		}
		if *showErrs {
			for k := range g {
				if !p[k] {
					fmt.Printf("%s\tmissed\t%s\t%s\n", d.ID, k[2], sn.words(k))
				}
			}
			for k := range p {
				if !g[k] {
					fmt.Printf("%s\twrong\t%s\t%s\n", d.ID, k[2], sn.words(k))
				}
			}
		}
	}
	f1 := func(t, p, g int) float64 {
		if t == 0 {
			return 0
		}
		P, R := float64(t)/float64(p), float64(t)/float64(g)
		return 2 * P * R / (P + R)
	}
	T, P, G := 0, 0, 0
	for _, t := range types {
		T, P, G = T+tp[t], P+np[t], G+ng[t]
		fmt.Printf("%-6s F1 %.3f (tp %d pred %d gold %d)\n", t, f1(tp[t], np[t], ng[t]), tp[t], np[t], ng[t])
	}
	fmt.Printf("micro  F1 %.3f P %.3f R %.3f\n", f1(T, P, G), float64(T)/float64(P), float64(T)/float64(G))
}

func trainDocs(docs []jsonDoc) []entity.TrainDoc {
	var tds []entity.TrainDoc
	for _, d := range docs {
		td := entity.TrainDoc{ID: d.ID, Text: d.Text}
		for _, e := range d.Entities {
			td.Gold = append(td.Gold, entity.GoldSpan{Start: e.Start, End: e.End, Label: e.Label})
		}
		tds = append(tds, td)
	}
	return tds
}

func coarse(l string) string {
	switch l {
	case "GPE", "FAC":
		return "LOC"
	case "PER":
		return "PERSON"
	}
	return l
}

func readDocs(path string) ([]jsonDoc, error) {
	files := []string{path}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		files, _ = filepath.Glob(filepath.Join(path, "*.jsonl"))
	}
	var out []jsonDoc
	for _, fn := range files {
		f, err := os.Open(fn)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var d jsonDoc
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s: %w", fn, err)
			}
			out = append(out, d)
		}
		f.Close()
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no documents in %s", path)
	}
	return out, nil
}

// snapper snaps byte spans outward to whitespace tokens and trims punctuation-only tokens, as the
// reference scorer does.
type snapper struct {
	text string
	toks [][2]int
}

func newSnapper(text string) *snapper {
	s := &snapper{text: text}
	start := -1
	for i, r := range text {
		if unicode.IsSpace(r) {
			if start >= 0 {
				s.toks = append(s.toks, [2]int{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		s.toks = append(s.toks, [2]int{start, len(text)})
	}
	return s
}

func (s *snapper) punct(k int) bool {
	for _, r := range s.text[s.toks[k][0]:s.toks[k][1]] {
		if !unicode.IsPunct(r) {
			return false
		}
	}
	return true
}

func (s *snapper) key(start, end int, label string) ([3]string, bool) {
	a, b := -1, -1
	for k, t := range s.toks {
		if t[0] < end && start < t[1] {
			if a < 0 {
				a = k
			}
			b = k
		}
	}
	if a < 0 {
		return [3]string{}, false
	}
	for a <= b && s.punct(a) {
		a++
	}
	for b >= a && s.punct(b) {
		b--
	}
	if a > b {
		return [3]string{}, false
	}
	return [3]string{fmt.Sprint(s.toks[a][0]), fmt.Sprint(s.toks[b][1]), label}, true
}

// text is the words a key spans.
func (s *snapper) words(k [3]string) string {
	var a, b int
	fmt.Sscan(k[0], &a)
	fmt.Sscan(k[1], &b)
	return s.text[a:b]
}
