package annotate

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/entity"
	"github.com/attest-news/attest/annotate/internal/extract"
	"github.com/attest-news/attest/annotate/internal/ingest"
	"github.com/attest-news/attest/annotate/internal/minify"
	"github.com/attest-news/attest/annotate/internal/quote"
	"github.com/attest-news/attest/annotate/internal/render"
	"github.com/attest-news/attest/annotate/internal/sanitize"
	"github.com/attest-news/attest/annotate/internal/syntax"
)

// BenchmarkStages times each stage on the extraction-dev pages (go test -bench Stages -benchmem).
func BenchmarkStages(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", "extraction-dev", "html", "*.html.gz"))
	if len(paths) == 0 {
		b.Skip("no extraction-dev pages in ../shared")
	}
	var pages [][]byte
	total := 0
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		data, _ := io.ReadAll(zr)
		f.Close()
		pages = append(pages, data)
		total += len(data)
	}
	type prepared struct {
		src *ingest.Source
		res *Result
	}
	prep := make([]prepared, len(pages))
	for i, p := range pages {
		src, err := ingest.Read(p, ingest.HTML, 0, nil)
		if err != nil {
			b.Fatal(err)
		}
		res, _ := Annotate(p, Options{In: InputHTML})
		prep[i] = prepared{src, res}
	}
	run := func(name string, f func(i int)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(total))
			b.ReportAllocs()
			for b.Loop() {
				for i := range pages {
					f(i)
				}
			}
		})
	}
	run("ingest", func(i int) { ingest.Read(pages[i], ingest.HTML, 0, nil) })
	run("extract", func(i int) { extract.HTML(prep[i].src.Text, extract.Options{}) })
	docs := make([]*docAndMarks, len(pages))
	for i := range pages {
		d := extract.HTML(prep[i].src.Text, extract.Options{})
		syntax.AnalyzeWhere(d, syntax.NeedsTree)
		ents := entity.Find(d)
		docs[i] = &docAndMarks{d: d, ents: ents}
	}
	run("syntax", func(i int) { syntax.AnalyzeWhere(docs[i].d, syntax.NeedsTree) })
	run("entity", func(i int) { entity.Find(docs[i].d) })
	run("quote", func(i int) { quote.Find(docs[i].d, docs[i].ents) })
	run("render", func(i int) { render.HTML(docs[i].d, marks(prep[i].res)) })
	htmls := make([]string, len(pages))
	for i := range pages {
		htmls[i] = render.HTML(docs[i].d, marks(prep[i].res))
	}
	run("minify", func(i int) { minify.HTML(htmls[i]) })
	run("sanitize", func(i int) { sanitize.HTML(htmls[i]) })
	run("all", func(i int) { Annotate(pages[i], Options{In: InputHTML}) })
	// what the browser bridge adds: the result as JSON (internal/bridge benchmarks its UTF-16 offsets)
	run("json", func(i int) { prep[i].res.AppendJSON(nil) })
}

type docAndMarks struct {
	d    *doc.Doc
	ents []entity.Mention
}
