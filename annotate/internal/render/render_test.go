package render

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/sanitize"
)

func mark(s, e int, label string) Mark {
	return Mark{Start: s, End: e, Attrs: []Attr{{Key: "data-label", Val: label}}}
}

func TestHTML(t *testing.T) {
	build := func(add func(b *doc.Builder)) *doc.Doc {
		var b doc.Builder
		add(&b)
		return b.Doc()
	}
	tests := []struct {
		name  string
		doc   *doc.Doc
		marks []Mark
		want  string
	}{
		{
			name:  "escaping and a mark",
			doc:   build(func(b *doc.Builder) { b.Add(doc.Block{}, `Tom & "Jerry" <3 it's`, nil) }),
			marks: []Mark{mark(0, 3, "PERSON")},
			want:  `<p><mark data-label="PERSON">Tom</mark> &amp; &#34;Jerry&#34; &lt;3 it&#39;s</p>`,
		},
		{
			name: "a mark crossing a link is split, never mis-nested",
			doc: build(func(b *doc.Builder) {
				b.Add(doc.Block{}, "Read the Wall Street Journal today", []doc.Span{{Start: 5, End: 20, Label: "a", Attr: "https://x.test/"}})
			}),
			marks: []Mark{mark(9, 28, "ORG")},
			want:  `<p>Read <a href="https://x.test/" rel="nofollow noopener noreferrer">the <mark data-label="ORG">Wall Street</mark></a><mark data-label="ORG"> Journal</mark> today</p>`,
		},
		{
			name:  "entity inside a quote",
			doc:   build(func(b *doc.Builder) { b.Add(doc.Block{}, "“Mexico will not,” she said.", nil) }),
			marks: []Mark{mark(3, 19, "QUOTE"), mark(3, 9, "GPE")},
			want:  `<p>“<mark data-label="QUOTE"><mark data-label="GPE">Mexico</mark> will not,</mark>” she said.</p>`,
		},
		{
			name: "containers, headings, figures and tables",
			doc: build(func(b *doc.Builder) {
				b.Add(doc.Block{Kind: doc.Heading, Level: 2}, "Closed", nil)
				g := b.NewGroup()
				b.Add(doc.Block{Kind: doc.ListItem, Container: doc.UnorderedList, Group: g}, "A", nil)
				b.Add(doc.Block{Kind: doc.ListItem, Container: doc.UnorderedList, Group: g}, "C", nil)
				b.Add(doc.Block{Kind: doc.Caption, Container: doc.Figure, Group: b.NewGroup(), Image: &doc.Image{Src: "https://i.test/a.jpg", Alt: "x"}}, "Waves", nil)
				g = b.NewGroup()
				b.Add(doc.Block{Kind: doc.TableRow, Container: doc.Table, Group: g}, "a\tb", []doc.Span{{Start: 0, End: 1, Label: "th"}, {Start: 2, End: 3, Label: "th"}})
				b.Add(doc.Block{Kind: doc.Paragraph, Container: doc.BlockQuote, Group: b.NewGroup()}, "line one\nline two", []doc.Span{{Start: 8, End: 9, Label: "br"}})
			}),
			want: `<h2>Closed</h2><ul><li>A</li><li>C</li></ul><figure><img src="https://i.test/a.jpg" alt="x"><figcaption>Waves</figcaption></figure>` +
				"<table><tbody><tr><th>a</th>\t<th>b</th></tr></tbody></table><blockquote><p>line one<br>\nline two</p></blockquote>",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := HTML(tc.doc, tc.marks)
			if got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			if s := sanitize.HTML(got); s != got {
				t.Errorf("the sanitizer changes the output:\n%s\n%s", got, s)
			}
		})
	}
}

// TestOnlyWraps: the text content of the output is the document's text.
func TestOnlyWraps(t *testing.T) {
	var b doc.Builder
	b.Add(doc.Block{}, "Ünïcödé “quotes” & <tags> stay as text", []doc.Span{{Start: 0, End: 5, Label: "em"}})
	d := b.Doc()
	out := HTML(d, []Mark{mark(0, 12, "PERSON"), mark(3, 20, "QUOTE")})
	plain := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(tagRE(out))
	if plain != d.Text {
		t.Errorf("text content %q, want %q", plain, d.Text)
	}
}

func tagRE(s string) string {
	var sb strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

func FuzzHTML(f *testing.F) {
	f.Add("Tom & Jerry <3", 0, 3, 2, 9, 4, 8)
	f.Fuzz(func(t *testing.T, s string, a, b, c, d, e, g int) {
		var bl doc.Builder
		clamp := func(x int) int {
			if len(s) == 0 {
				return 0
			}
			if x < 0 {
				x = -x
			}
			return x % (len(s) + 1)
		}
		a, b, c, d, e, g = clamp(a), clamp(b), clamp(c), clamp(d), clamp(e), clamp(g)
		bl.Add(doc.Block{}, s, []doc.Span{{Start: min(a, b), End: max(a, b), Label: "a", Attr: "https://x.test/"}})
		out := HTML(bl.Doc(), []Mark{mark(min(c, d), max(c, d), "ORG"), mark(min(e, g), max(e, g), "QUOTE")})
		if sanitize.HTML(out) != out && strings.ToValidUTF8(s, "") == s && !strings.ContainsAny(s, "\x00\r") {
			t.Fatalf("sanitizer changes %q", out)
		}
	})
}

// writeEscaped writes what html.EscapeString returns.
func TestWriteEscaped(t *testing.T) {
	for _, s := range []string{"", "plain", `a&b<c>d"e'f` + "\r\n", "&&", "é ‘quoted’ <x>", "\x00\xff"} {
		var sb strings.Builder
		writeEscaped(&sb, s)
		if got, want := sb.String(), html.EscapeString(s); got != want {
			t.Errorf("writeEscaped(%q) = %q, want %q", s, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		var sb strings.Builder
		writeEscaped(&sb, string(rune(c)))
		if got, want := sb.String(), html.EscapeString(string(rune(c))); got != want {
			t.Errorf("writeEscaped(%q) = %q, want %q", rune(c), got, want)
		}
	}
}
