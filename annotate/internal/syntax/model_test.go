package syntax

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attest-news/attest/annotate/internal/doc"
)

// A sentence written for this test (the treebanks' own sentences stay out of the repository).
const sampleCoNLLU = `# sent_id = t-1
# text = The mayor didn't say it.
1	The	the	DET	DT	_	2	det	_	_
2	mayor	mayor	NOUN	NN	_	5	nsubj	_	_
3-4	didn't	_	_	_	_	_	_	_	_
3	did	do	AUX	VBD	_	5	aux	_	_
4	n't	not	PART	RB	_	5	advmod	_	_
5	say	say	VERB	VB	_	0	root	_	_
6	it	it	PRON	PRP	_	5	obj	_	SpaceAfter=No
7	.	.	PUNCT	.	_	5	punct	_	_

`

func TestCoNLLURoundTrip(t *testing.T) {
	sents, err := ReadCoNLLU(strings.NewReader(sampleCoNLLU))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 || len(sents[0].Words) != 7 || sents[0].Words[2].Form != "did" || sents[0].Words[5].SpaceAfter {
		t.Fatalf("read %+v", sents)
	}
	var b bytes.Buffer
	if err := WriteCoNLLU(&b, sents); err != nil {
		t.Fatal(err)
	}
	if b.String() != sampleCoNLLU {
		t.Errorf("round trip changed the file:\n%s", b.String())
	}
	for _, bad := range []string{"1\tx\n", "2\ta\t_\t_\t_\t_\t0\troot\t_\t_\n", "1\ta\t_\t_\t_\t_\tX\troot\t_\t_\n"} {
		if _, err := ReadCoNLLU(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestAnalyzeCoNLL: the model fills every column it owns, and the tree is a tree.
func TestAnalyzeCoNLL(t *testing.T) {
	sents, _ := ReadCoNLLU(strings.NewReader(sampleCoNLLU))
	for i := range sents[0].Words {
		w := &sents[0].Words[i]
		w.UPOS, w.XPOS, w.Head, w.Deprel = "", "", -1, ""
	}
	Default().AnalyzeCoNLL(sents)
	ws := sents[0].Words
	roots := 0
	for _, w := range ws {
		if w.UPOS == "" || w.XPOS == "" || w.Deprel == "" || w.Head < 0 || w.Head > len(ws) {
			t.Errorf("unfilled word %+v", w)
		}
		if w.Head == 0 {
			roots++
		}
	}
	if roots != 1 {
		t.Errorf("%d roots", roots)
	}
	if ws[4].Head != 0 || ws[1].Head != 5 || ws[1].Deprel != "nsubj" || ws[4].UPOS != "VERB" {
		t.Errorf("parse: %+v", ws)
	}
}

func docOfText(text string) *doc.Doc {
	var b doc.Builder
	for _, p := range strings.Split(text, "\n\n") {
		b.Add(doc.Block{}, p, nil)
	}
	return b.Doc()
}

// TestAnalyzeDoc: tokens are standoff and ordered, every sentence has one root and heads inside
// it, and the grammar the later stages read comes out right on plain news sentences.
func TestAnalyzeDoc(t *testing.T) {
	d := docOfText("The mayor said the report was deeply flawed. Critics called the plan “a giveaway.”\n\n" +
		"“We will not wait,” said Maria Lopez, the city's director.")
	Analyze(d)
	if len(d.Sentences) != 3 {
		t.Fatalf("%d sentences", len(d.Sentences))
	}
	prev := 0
	for i, tok := range d.Tokens {
		if tok.Start < prev || tok.End <= tok.Start {
			t.Fatalf("token %d %+v out of order", i, tok)
		}
		prev = tok.End
	}
	for _, s := range d.Sentences {
		roots := 0
		for i := s.Start; i < s.End; i++ {
			h := d.Tokens[i].Head
			if h == -1 {
				roots++
			} else if h < s.Start || h >= s.End || h == i {
				t.Errorf("token %d: head %d outside its sentence", i, h)
			}
		}
		if roots != 1 {
			t.Errorf("sentence %v: %d roots", s, roots)
		}
	}
	find := func(w string) int {
		for i, tok := range d.Tokens {
			if d.Text[tok.Start:tok.End] == w {
				return i
			}
		}
		t.Fatalf("no token %q", w)
		return -1
	}
	said, mayor, flawed := find("said"), find("mayor"), find("flawed")
	if d.Tokens[said].Head != -1 || d.Tokens[mayor].Head != said || d.Tokens[mayor].Rel != "nsubj" {
		t.Errorf("mayor %+v said %+v", d.Tokens[mayor], d.Tokens[said])
	}
	if d.Tokens[flawed].Head != said || d.Tokens[flawed].Rel != "ccomp" {
		t.Errorf("flawed %+v", d.Tokens[flawed])
	}
	if lopez := find("Lopez"); d.Tokens[lopez].UPOS != doc.PROPN {
		t.Errorf("Lopez %+v", d.Tokens[lopez])
	}
}

// TestModelsReproduce retrains the models from ../shared and checks that the committed files
// are exactly what the trainer gives (a few minutes; skipped with -short or without ../shared).
func TestModelsReproduce(t *testing.T) {
	if testing.Short() {
		t.Skip("retraining takes minutes")
	}
	dir := filepath.Join("..", "..", "..", "..", "shared", "data", "ud-english")
	var train []CoNLLSentence
	for _, f := range []string{"ewt-train.conllu.gz", "gum-train.conllu.gz"} {
		fh, err := os.Open(filepath.Join(dir, f))
		if err != nil {
			t.Skipf("no UD data (%v): the corpus tests need ../shared next to the project", err)
		}
		z, err := gzip.NewReader(fh)
		if err != nil {
			t.Fatal(err)
		}
		s, err := ReadCoNLLU(z)
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		train = append(train, s...)
	}
	tagger, parser := Train(train, DefaultTrainOptions())
	if !bytes.Equal(tagger, taggerBin) || !bytes.Equal(parser, parserBin) {
		t.Errorf("the committed models are not what the trainer gives: run go run ./annotate/internal/syntax/train -o annotate/internal/syntax")
	}
}

// FuzzLoadModel: damaged model files give an error or a model that still analyzes without
// panicking or looping.
func FuzzLoadModel(f *testing.F) {
	f.Add(taggerBin[:min(len(taggerBin), 4096)], parserBin[:min(len(parserBin), 4096)], 0, byte(0))
	f.Add(taggerBin, parserBin, 100, byte(0xff))
	f.Fuzz(func(t *testing.T, tagger, parser []byte, at int, v byte) {
		if at >= 0 && at < len(tagger) {
			tagger = append([]byte(nil), tagger...)
			tagger[at] ^= v
		}
		m, err := LoadModel(tagger, parser)
		if err != nil {
			return
		}
		d := docOfText("The mayor said so.")
		m.Analyze(d, nil)
	})
}

// TestAnalyzeWhere: sentences the caller does not want parsed are tagged, with no tree; the
// others are parsed as Analyze parses them.
func TestAnalyzeWhere(t *testing.T) {
	text := "The council met on Monday. “We will not wait,” the mayor said."
	d := docOfText(text)
	AnalyzeWhere(d, NeedsTree)
	if len(d.Sentences) != 2 || d.Sentences[0].Parsed || !d.Sentences[1].Parsed {
		t.Fatalf("sentences %+v", d.Sentences)
	}
	for i := d.Sentences[0].Start; i < d.Sentences[0].End; i++ {
		if tok := d.Tokens[i]; tok.Head != -1 || tok.Rel != "" || tok.UPOS == doc.X && tok.XPOS == "" {
			t.Errorf("unparsed token %+v", tok)
		}
	}
	full := docOfText(text)
	Analyze(full)
	for i := d.Sentences[1].Start; i < d.Sentences[1].End; i++ {
		if d.Tokens[i] != full.Tokens[i] {
			t.Errorf("token %d: %+v, parsed alone %+v", i, d.Tokens[i], full.Tokens[i])
		}
	}
}
