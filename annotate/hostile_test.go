package annotate_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/attest-news/attest/annotate"
)

// xssVectors are hostile inputs in the spirit of bluemonday's TestXSS and the filter-evasion
// cheat sheets. Each is embedded in an article so extraction keeps the surrounding block.
// xssVectors are hostile inputs in the spirit of bluemonday's TestXSS and the filter-evasion
// cheat sheets, shared with the browser test (e2e/hostile.test.mjs). {{CANARY}} stands for a
// server address; here it is a host that does not exist.
func xssVectors(t *testing.T) []string {
	data, err := os.ReadFile("testdata/xss-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vs []string
	if err := json.Unmarshal(data, &vs); err != nil {
		t.Fatal(err)
	}
	for i := range vs {
		vs[i] = strings.ReplaceAll(vs[i], "{{CANARY}}", "https://canary.invalid")
	}
	return vs
}

// executable matches any construct that could run script or load active content.
var executable = regexp.MustCompile(`(?i)<\s*/?\s*(script|iframe|frame|object|embed|svg|math|style|link|meta|base|form|input|button|template|noscript|video|audio|source|details|marquee|isindex|body)\b|\son[a-z]+\s*=|javascript:|vbscript:|data:text|srcdoc|formaction|style\s*=|expression\(|rel="opener"`)

func TestXSS(t *testing.T) {
	for _, v := range xssVectors(t) {
		page := "<html><body><article><p>The council of Lisbon approved the harbour plan on Monday, officials said.</p><p>Before " +
			v + " after.</p><p>“It is done,” said Mayor Inês Carvalho, adding that work starts in June.</p></article></body></html>"
		for _, in := range []string{annotate.InputHTML, annotate.InputText} {
			res, err := annotate.Annotate([]byte(page), annotate.Options{In: in})
			if err != nil {
				t.Fatalf("%q (%s): %v", v, in, err)
			}
			page := annotate.Page(res)
			// the head (our CSP, styles) and the closing tags are ours
			body := page[strings.Index(page, "<body>")+len("<body>") : strings.LastIndex(page, "</body>")]
			for name, out := range map[string]string{"html": res.HTML, "page body": body} {
				// only tags can execute: escaped text such as "&lt;script&gt;" is inert
				for _, tag := range tagRE.FindAllString(out, -1) {
					if m := executable.FindString(tag); m != "" {
						t.Errorf("%q (%s input, %s output) keeps %q in %s", v, in, name, m, tag)
					}
				}
			}
			if strings.Contains(annotate.Markdown(res), "<") {
				t.Errorf("%q: markdown carries raw markup", v)
			}
		}
	}
}

// TestReannotateIsStable: annotating the output HTML again gives the same text and spans.
func TestReannotateIsStable(t *testing.T) {
	inputs := [][]byte{}
	for _, s := range extraSeeds(t) {
		inputs = append(inputs, s.input)
	}
	inputs = append(inputs, []byte(storyWithQuotes))
	for _, in := range inputs {
		first, err := annotate.Annotate(in, annotate.Options{})
		if err != nil {
			t.Fatal(err)
		}
		second, err := annotate.Annotate([]byte(first.HTML), annotate.Options{In: annotate.InputHTML})
		if err != nil {
			t.Fatal(err)
		}
		// a text's headline is kept as its first heading; read back as a page, that heading is
		// the page's headline again: the title, outside the text
		wantText, wantHTML, from := first.Text, first.HTML, 0
		if first.Title != nil && strings.HasPrefix(first.Text, *first.Title+"\n\n") {
			from = len(*first.Title) + 2
			wantText = first.Text[from:]
			if i := strings.Index(wantHTML, "</h1>"); i >= 0 {
				wantHTML = strings.TrimLeft(wantHTML[i+len("</h1>"):], "\n")
			}
			if second.Title == nil || *second.Title != *first.Title {
				t.Errorf("the headline does not come back as the title: %v", second.Title)
			}
		}
		if second.Text != wantText {
			t.Errorf("text changes on re-annotation:\n%.300q\n%.300q", wantText, second.Text)
			continue
		}
		if numbering.ReplaceAllString(second.HTML, "") != numbering.ReplaceAllString(wantHTML, "") {
			t.Errorf("html changes on re-annotation:\n%.400s\n%.400s", wantHTML, second.HTML)
		}
		quotes, ents := 0, 0
		for _, q := range first.Quotes {
			if q.Start >= from {
				quotes++
			}
		}
		for _, e := range first.Entities {
			if e.Start >= from {
				ents++
			}
		}
		if len(second.Quotes) != quotes || len(second.Entities) != ents {
			t.Errorf("spans change on re-annotation: %d/%d quotes, %d/%d entities",
				quotes, len(second.Quotes), ents, len(second.Entities))
		}
	}
}

// numbering is the marks' running numbers, which count from the text's start.
var numbering = regexp.MustCompile(` data-[eq]="\d+"`)

const storyWithQuotes = "Council approves harbour plan\n\nMayor Maria Lopez said on Friday that the harbour of Lisbon would reopen in May.\n\n" +
	"“No,” she said, “we will not wait.” The Heritage Foundation, a conservative group, disagreed.\n\n“It is too soon,” the group wrote."

// TestResourceLimits: huge, deep, wide and broken inputs get a result or a clear error, never a
// panic. Elapsed time and allocation are logged (go test -run ResourceLimits -v), not asserted.
func TestResourceLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	cases := []struct {
		name    string
		input   func() []byte
		wantErr error
		want    string // text that must survive
	}{
		{"100 MB", func() []byte { return bytes.Repeat([]byte("a"), 100<<20) }, annotate.ErrTooLarge, ""},
		{"100,000-deep nesting", func() []byte {
			return []byte(strings.Repeat("<div>", 100000) + "deep text survives" + strings.Repeat("</div>", 100000))
		}, nil, "deep text survives"},
		{"100,000-deep inline nesting", func() []byte {
			return []byte(strings.Repeat("<b><i>", 50000) + "inline text survives" + strings.Repeat("</i></b>", 50000))
		}, nil, "inline text survives"},
		{"a million attributes", func() []byte {
			var sb strings.Builder
			sb.WriteString("<p ")
			for i := 0; i < 1_000_000; i++ {
				sb.WriteString("a")
				sb.WriteString(strings.Repeat("b", i%7))
				sb.WriteString(`="x" `)
			}
			sb.WriteString(">attributes text survives</p>")
			return []byte(sb.String())
		}, nil, "attributes text survives"},
		{"a single 10 MB line", func() []byte { return []byte(strings.Repeat("word salad ", 1_000_000)) }, nil, "word salad"},
		// one run of capitalised words and connectors, every word a name: the entity rules once
		// scanned such a run again for every candidate in it (see entity's TestFindLongRuns)
		{"1 MB of names joined by of and and", func() []byte {
			return []byte(strings.Repeat("Mr. John Smith of Acme and Jane Doe ", 1<<20/36))
		}, nil, "Jane Doe"},
		{"invalid UTF-8 in a UTF-8 page", func() []byte {
			return []byte("<meta charset=utf-8><p>Caf\xe9 \xff\xfe still readable text here.</p>")
		}, nil, "still readable text"},
		{"mixed encodings", func() []byte {
			return []byte("<p>Café (UTF-8) and Caf\xe9 (Latin-1) in one page, both kept.</p>")
		}, nil, "both kept"},
		{"byte soup", func() []byte { return bytes.Repeat([]byte{0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82}, 20000) }, annotate.ErrEncoding, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			input := tc.input()
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			res, err := annotate.Annotate(input, annotate.Options{})
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			t.Logf("%s: %.1f MB in %v, %.0f MB allocated", tc.name, float64(len(input))/(1<<20), elapsed.Round(time.Millisecond),
				float64(after.TotalAlloc-before.TotalAlloc)/(1<<20))
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(res.Text, tc.want) {
				t.Errorf("text lost: %.200q", res.Text)
			}
		})
	}
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

// FuzzAnnotate runs the whole pipeline: no panic, spans inside the text and equal to their text,
// and no word of a plain-text input vanishing without a removed entry.
func FuzzAnnotate(f *testing.F) {
	f.Add([]byte(storyWithQuotes), false)
	f.Add([]byte("<article><h1>T</h1><p>“A,” he said. <a href=x>l</a></p><aside>rel</aside></article>"), true)
	f.Add([]byte(" date 2025-05-04 Body text. READ MORE\n\n- a\n- b"), false)
	f.Fuzz(func(t *testing.T, input []byte, html bool) {
		in := annotate.InputText
		if html {
			in = annotate.InputHTML
		}
		res, err := annotate.Annotate(input, annotate.Options{In: in})
		if err != nil {
			return
		}
		for _, q := range res.Quotes {
			if q.Start < 0 || q.End > len(res.Text) || q.Start > q.End || res.Text[q.Start:q.End] != q.Text {
				t.Fatalf("quote %+v does not slice the text", q)
			}
		}
		for _, e := range res.Entities {
			if e.Start < 0 || e.End > len(res.Text) || e.Start > e.End || res.Text[e.Start:e.End] != e.Text {
				t.Fatalf("entity %+v does not slice the text", e)
			}
		}
		if !utf8.ValidString(res.Text) {
			t.Fatal("text is not valid UTF-8")
		}
		if html || !utf8.Valid(input) || bytes.IndexByte(input, 0) >= 0 {
			return // decoded from another encoding (NULs mean UTF-16): its words are not the bytes' words
		}
		kept := map[string]bool{}
		add := func(s string) {
			for _, w := range wordRE.FindAllString(s, -1) {
				kept[w] = true
			}
		}
		add(res.Text)
		for _, r := range res.Removed {
			add(r.Text)
		}
		for _, p := range []*string{res.Title, res.Summary, res.Published, res.Byline} {
			if p != nil {
				add(*p)
			}
		}
		for _, w := range wordRE.FindAllString(string(input), -1) {
			if !kept[w] && !strings.EqualFold(w, "date") && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
				t.Fatalf("word %q vanished without a removed entry\ninput %q\ntext %q\nremoved %+v", w, input, res.Text, res.Removed)
			}
		}
	})
}
