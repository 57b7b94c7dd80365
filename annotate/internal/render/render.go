// Package render turns a Doc and its annotation marks into article HTML. It only wraps the text:
// the text content of the output is the Doc's text, block by block.
package render

import (
	"sort"
	"strings"

	"golang.org/x/net/html"

	"github.com/attest-news/attest/annotate/internal/doc"
)

// Attr is one attribute of a mark, in output order.
type Attr struct{ Key, Val string }

// Mark is an annotation to wrap in <mark>: an entity or a quote.
type Mark struct {
	Start, End int
	Attrs      []Attr
}

// span is anything the renderer wraps: a formatting element or a mark.
type span struct {
	start, end int
	open       string // the opening tag, ready to write
	close      string
	rank       int // lower nests outside at equal ranges
}

// HTML renders the document. marks may overlap blocks only by mistake: they are clipped to blocks.
func HTML(d *doc.Doc, marks []Mark) string {
	var sb strings.Builder
	sb.Grow(len(d.Text) * 2)
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].Start < marks[j].Start })
	mi := 0
	for i := 0; i < len(d.Blocks); {
		blk := d.Blocks[i]
		j := i + 1
		if blk.Container != doc.NoContainer {
			for j < len(d.Blocks) && d.Blocks[j].Container == blk.Container && d.Blocks[j].Group == blk.Group {
				j++
			}
			open, close := containerTags(blk.Container)
			sb.WriteString(open)
			for k := i; k < j; k++ {
				mi = renderBlock(&sb, d, d.Blocks[k], marks, mi)
			}
			sb.WriteString(close)
		} else {
			mi = renderBlock(&sb, d, blk, marks, mi)
		}
		i = j
	}
	return sb.String()
}

func containerTags(c doc.Container) (string, string) {
	switch c {
	case doc.UnorderedList:
		return "<ul>", "</ul>"
	case doc.OrderedList:
		return "<ol>", "</ol>"
	case doc.BlockQuote:
		return "<blockquote>", "</blockquote>"
	case doc.Table:
		return "<table><tbody>", "</tbody></table>"
	case doc.Figure:
		return "<figure>", "</figure>"
	}
	return "", ""
}

func blockTag(b doc.Block) string {
	switch b.Kind {
	case doc.Heading:
		return "h" + string(rune('0'+min(max(b.Level, 1), 6)))
	case doc.ListItem:
		if b.Container == doc.UnorderedList || b.Container == doc.OrderedList {
			return "li"
		}
	case doc.Preformatted:
		return "pre"
	case doc.Caption:
		if b.Container == doc.Figure {
			return "figcaption"
		}
	case doc.TableRow:
		if b.Container == doc.Table {
			return "tr"
		}
	}
	return "p"
}

// renderBlock writes one block; mi is the first mark that may still start in or after it.
func renderBlock(sb *strings.Builder, d *doc.Doc, b doc.Block, marks []Mark, mi int) int {
	if b.Image != nil {
		sb.WriteString(`<img src="` + html.EscapeString(b.Image.Src) + `" alt="` + html.EscapeString(b.Image.Alt) + `">`)
		if b.End == b.Start {
			return mi
		}
	}
	tag := blockTag(b)
	sb.WriteString("<" + tag + ">")
	var spans []span
	for _, in := range b.Inline {
		spans = append(spans, inlineSpan(in))
	}
	for mi < len(marks) && marks[mi].End <= b.Start {
		mi++
	}
	for k := mi; k < len(marks) && marks[k].Start < b.End; k++ {
		m := marks[k]
		s, e := max(m.Start, b.Start), min(m.End, b.End)
		if e <= s {
			continue
		}
		var open strings.Builder
		open.WriteString("<mark")
		for _, a := range m.Attrs {
			open.WriteString(" " + a.Key + `="` + html.EscapeString(a.Val) + `"`)
		}
		open.WriteString(">")
		spans = append(spans, span{start: s, end: e, open: open.String(), close: "</mark>", rank: 2})
	}
	writeNested(sb, d.Text, b.Start, b.End, spans)
	sb.WriteString("</" + tag + ">")
	return mi
}

func inlineSpan(in doc.Span) span {
	switch in.Label {
	case "a":
		return span{in.Start, in.End, `<a href="` + html.EscapeString(in.Attr) + `" rel="nofollow noopener noreferrer">`, "</a>", 1}
	case "br":
		return span{in.Start, in.Start, "<br>", "", -1}
	case "td", "th":
		return span{in.Start, in.End, "<" + in.Label + ">", "</" + in.Label + ">", 0}
	}
	return span{in.Start, in.End, "<" + in.Label + ">", "</" + in.Label + ">", 3}
}

// writeNested writes text[from:to] with the spans as properly nested elements, splitting a span
// where it crosses the end of one it started inside.
func writeNested(sb *strings.Builder, text string, from, to int, spans []span) {
	sort.SliceStable(spans, func(i, j int) bool {
		a, b := spans[i], spans[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end > b.end
		}
		return a.rank < b.rank
	})
	var stack []span
	pos := from
	next := 0
	for pos < to || next < len(spans) || len(stack) > 0 {
		// close what ends here, reopening anything above it that goes on
		for {
			k := -1
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].end <= pos {
					k = i
				}
			}
			if k < 0 {
				break
			}
			var reopen []span
			for i := len(stack) - 1; i >= k; i-- {
				sb.WriteString(stack[i].close)
				if stack[i].end > pos {
					reopen = append(reopen, stack[i])
				}
			}
			stack = stack[:k]
			for i := len(reopen) - 1; i >= 0; i-- {
				sb.WriteString(reopen[i].open)
				stack = append(stack, reopen[i])
			}
		}
		for next < len(spans) && spans[next].start <= pos {
			s := spans[next]
			next++
			if s.close == "" { // a void element such as <br>
				sb.WriteString(s.open)
				continue
			}
			if s.end <= pos || s.start < from {
				continue
			}
			sb.WriteString(s.open)
			stack = append(stack, s)
		}
		if pos >= to {
			for i := len(stack) - 1; i >= 0; i-- {
				sb.WriteString(stack[i].close)
			}
			stack = nil
			break
		}
		end := to
		if next < len(spans) && spans[next].start < end {
			end = spans[next].start
		}
		for _, s := range stack {
			if s.end < end {
				end = s.end
			}
		}
		sb.WriteString(html.EscapeString(text[pos:end]))
		pos = end
	}
}
