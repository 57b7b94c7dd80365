// Package render turns a Doc and its annotation marks into article HTML. It only wraps the text:
// the text content of the output is the Doc's text, block by block.
package render

import (
	"cmp"
	"slices"
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
	from, to   int // where a mark's opening tag is in the block's string of them, until open is set
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
	writeStrings(sb, "<", tag, ">")
	spans := make([]span, 0, len(b.Inline)+8)
	for _, in := range b.Inline {
		spans = append(spans, inlineSpan(in))
	}
	for mi < len(marks) && marks[mi].End <= b.Start {
		mi++
	}
	// the block's marks' opening tags are written into one string, which their spans share
	var opens strings.Builder
	first := len(spans)
	for k := mi; k < len(marks) && marks[k].Start < b.End; k++ {
		m := marks[k]
		s, e := max(m.Start, b.Start), min(m.End, b.End)
		if e <= s {
			continue
		}
		from := opens.Len()
		opens.WriteString("<mark")
		for _, a := range m.Attrs {
			writeStrings(&opens, " ", a.Key, `="`)
			writeEscaped(&opens, a.Val)
			opens.WriteByte('"')
		}
		opens.WriteByte('>')
		// open holds the tag's offsets in opens until it is written
		spans = append(spans, span{start: s, end: e, from: from, to: opens.Len(), close: "</mark>", rank: 2})
	}
	all := opens.String()
	for i := first; i < len(spans); i++ {
		spans[i].open = all[spans[i].from:spans[i].to]
	}
	writeNested(sb, d.Text, b.Start, b.End, spans)
	writeStrings(sb, "</", tag, ">")
	return mi
}

func writeStrings(sb *strings.Builder, ss ...string) {
	for _, s := range ss {
		sb.WriteString(s)
	}
}

// writeEscaped writes html.EscapeString(s) without making it first.
func writeEscaped(sb *strings.Builder, s string) {
	for {
		i := strings.IndexAny(s, escapedChars)
		if i < 0 {
			sb.WriteString(s)
			return
		}
		sb.WriteString(s[:i])
		sb.WriteString(escapes[s[i]])
		s = s[i+1:]
	}
}

// escapedChars and their escapes are golang.org/x/net/html's (TestWriteEscaped holds them to it).
const escapedChars = "&'<>\"\r"

var escapes = [256]string{'&': "&amp;", '\'': "&#39;", '<': "&lt;", '>': "&gt;", '"': "&#34;", '\r': "&#13;"}

func inlineSpan(in doc.Span) span {
	switch in.Label {
	case "a":
		return span{start: in.Start, end: in.End, open: `<a href="` + html.EscapeString(in.Attr) + `" rel="nofollow noopener noreferrer">`, close: "</a>", rank: 1}
	case "br":
		return span{start: in.Start, end: in.Start, open: "<br>", rank: -1}
	case "td", "th":
		return span{start: in.Start, end: in.End, open: "<" + in.Label + ">", close: "</" + in.Label + ">"}
	}
	open, close := inlineTags(in.Label)
	return span{start: in.Start, end: in.End, open: open, close: close, rank: 3}
}

// inlineTags are a formatting element's tags, constants for those the extractor keeps.
func inlineTags(label string) (string, string) {
	switch label {
	case "em":
		return "<em>", "</em>"
	case "strong":
		return "<strong>", "</strong>"
	case "code":
		return "<code>", "</code>"
	case "s":
		return "<s>", "</s>"
	case "sub":
		return "<sub>", "</sub>"
	case "sup":
		return "<sup>", "</sup>"
	case "u":
		return "<u>", "</u>"
	case "q":
		return "<q>", "</q>"
	}
	return "<" + label + ">", "</" + label + ">"
}

// writeNested writes text[from:to] with the spans as properly nested elements, splitting a span
// where it crosses the end of one it started inside.
func writeNested(sb *strings.Builder, text string, from, to int, spans []span) {
	slices.SortStableFunc(spans, func(a, b span) int {
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		if a.end != b.end {
			return cmp.Compare(b.end, a.end)
		}
		return cmp.Compare(a.rank, b.rank)
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
		writeEscaped(sb, text[pos:end])
		pos = end
	}
}
