// Command train rebuilds the syntax models (tagger.bin, parser.bin) from UD English EWT and GUM
// train, and scores them on the dev sets:
//
//	go run ./annotate/internal/syntax/train -o annotate/internal/syntax
//
// The same data and options always give the same bytes (a test checks the committed models).
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/attest-news/attest/annotate/internal/syntax"
)

func main() {
	data := flag.String("data", "../shared/data/ud-english", "the ud-english folder")
	out := flag.String("o", "", "folder to write tagger.bin and parser.bin to (none: don't write)")
	eval := flag.Bool("eval", true, "score on ewt-dev and gum-dev")
	quiet := flag.Bool("q", false, "no progress")
	tokens := flag.Bool("tokens", false, "score the tokenizer on the dev sets' text and stop")
	templates := flag.Bool("templates", false, "report each feature template's share of the weights")
	floatEval := flag.Bool("float", false, "also score the models before packing")
	confusions := flag.Bool("confusions", false, "print the tagger's commonest errors (with -float)")
	o := syntax.DefaultTrainOptions()
	flag.IntVar(&o.TagEpochs, "tag-epochs", o.TagEpochs, "tagger epochs")
	flag.IntVar(&o.ParseEpochs, "parse-epochs", o.ParseEpochs, "parser epochs")
	flag.IntVar(&o.RetrainEpochs, "retrain", o.RetrainEpochs, "epochs of retraining after pruning")
	flag.IntVar(&o.Folds, "folds", o.Folds, "jackknife folds")
	flag.IntVar(&o.LexFrequent, "lex-frequent", o.LexFrequent, "words seen this often are features themselves")
	flag.IntVar(&o.MinCount, "min-count", o.MinCount, "features seen fewer times are never learned")
	flag.BoolVar(&o.SecondPass, "second-pass", o.SecondPass, "a second tagging pass")
	flag.BoolVar(&o.TaggerOnly, "tagger-only", false, "train and score the tagger alone")
	flag.Float64Var(&o.TagPack.MinWeight, "tag-min", o.TagPack.MinWeight, "tagger pruning")
	flag.IntVar(&o.TagPack.K, "tag-k", o.TagPack.K, "tagger classes kept per feature (0: all)")
	flag.Float64Var(&o.XPOSPack.MinWeight, "xpos-min", o.XPOSPack.MinWeight, "XPOS model pruning")
	flag.IntVar(&o.XPOSPack.K, "xpos-k", o.XPOSPack.K, "XPOS classes kept per feature")
	flag.Float64Var(&o.MovePack.MinWeight, "move-min", o.MovePack.MinWeight, "move model pruning")
	flag.Float64Var(&o.LabelPack.MinWeight, "label-min", o.LabelPack.MinWeight, "label model pruning")
	flag.IntVar(&o.LabelPack.K, "label-k", o.LabelPack.K, "labels kept per feature")
	flag.Parse()
	if !*quiet {
		start := time.Now()
		o.Logf = func(f string, a ...any) { log.Printf("%6.1fs "+f, append([]any{time.Since(start).Seconds()}, a...)...) }
	}
	dev := map[string][]syntax.CoNLLSentence{}
	for _, f := range []string{"ewt-dev.conllu", "gum-dev.conllu"} {
		s, err := read(filepath.Join(*data, f))
		if err != nil {
			log.Fatal(err)
		}
		dev[f] = s
	}
	if *tokens {
		for _, f := range []string{"ewt-dev.conllu", "gum-dev.conllu"} {
			w, s := syntax.TokenScores(dev[f])
			fmt.Printf("%-16s tokenization: words F1 %.4f, sentence ends F1 %.4f\n", f, w, s)
		}
		return
	}
	var train []syntax.CoNLLSentence
	for _, f := range []string{"ewt-train.conllu.gz", "gum-train.conllu.gz"} {
		s, err := read(filepath.Join(*data, f))
		if err != nil {
			log.Fatal(err)
		}
		train = append(train, s...)
	}
	var fm *syntax.Model
	if *floatEval {
		o.FloatModel = &fm
	}
	trained := syntax.TrainModels(train, o)
	if *templates {
		fmt.Print(syntax.TemplateReport(train, trained))
	}
	tagger, parser := trained.Pack()
	fmt.Printf("tagger.bin %d bytes (%d gzip), parser.bin %d bytes (%d gzip)\n", len(tagger), gz(tagger), len(parser), gz(parser))
	if *out != "" {
		for name, b := range map[string][]byte{"tagger.bin": tagger, "parser.bin": parser} {
			if err := os.WriteFile(filepath.Join(*out, name), b, 0o644); err != nil {
				log.Fatal(err)
			}
		}
	}
	if !*eval {
		return
	}
	m, err := syntax.LoadModel(tagger, parser)
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range []string{"ewt-dev.conllu", "gum-dev.conllu"} {
		gold := dev[f]
		if fm != nil {
			fmt.Printf("%-16s %s  (before packing)\n", f, syntax.Evaluate(fm, gold))
			if *confusions {
				fmt.Print(syntax.Confusions(fm, gold, syntax.Vocabulary(train)))
			}
		}
		start := time.Now()
		sc := syntax.Evaluate(m, gold)
		fmt.Printf("%-16s %s  (%.1f ms per 1,000 words)\n", f, sc, float64(time.Since(start).Microseconds())/float64(sc.Words))
	}
}

func gz(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, 9)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func read(path string) ([]syntax.CoNLLSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		r = z
	}
	s, err := syntax.ReadCoNLLU(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}
