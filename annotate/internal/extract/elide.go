package extract

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/attest-news/attest/annotate/internal/textutil"
)

// Most of a news page's bytes are style sheets and scripts (on the extraction set, 38 % and 26 %),
// which the extractor drops unread. The HTML tokenizer still reads them byte by byte and copies
// them into the tree — in WebAssembly the largest single cost of an annotation. parsePage
// therefore cuts their contents out before parsing, with a scanner that follows the tokenizer's
// states far enough to find the real <style> and <script> start tags, and checks its work on the
// tree: each element it emptied carries a marker attribute, and unless every marker sits first on
// an HTML (not SVG or MathML) style or script element, the page is parsed again as it came.

// elideMarker is the attribute elideRawText puts first on each element whose content it cut.
const elideMarker = "data-attest-elided"

// parsePage parses a page as html.Parse would, except that style elements and script elements
// other than JSON data (which the metadata reads) come out empty. A page nested too deep for the
// parser is flattened first; nil when even that fails.
func parsePage(src string) *html.Node {
	if short, cut := elideRawText(src); cut > 0 {
		if root := parseFlat(short); root != nil && emptyRawText(root, true) == cut {
			return root
		}
	}
	root := parseFlat(src)
	if root != nil {
		emptyRawText(root, false)
	}
	return root
}

// parseFlat parses src, flattening nesting deeper than the parser's limit if it must.
func parseFlat(src string) *html.Node {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// the parser refuses nesting deeper than 512 elements: flatten the excess and parse again
		if root, err = html.Parse(strings.NewReader(flattenDeep(src, maxNesting))); err != nil {
			return nil
		}
	}
	return root
}

// emptyRawText empties the HTML style and non-JSON script elements elideRawText left whole. With
// marked, it also removes and counts the markers on those it emptied, and gives -1 when one is
// anywhere but first on such an element: the scanner misread the page.
func emptyRawText(root *html.Node, marked bool) int {
	n := 0
	for el := range root.Descendants() {
		if el.Type != html.ElementNode {
			continue
		}
		drop := el.Namespace == "" && (el.Data == "style" || el.Data == "script" && !isJSONScript(el))
		for i := 0; marked && i < len(el.Attr); i++ {
			if el.Attr[i].Key != elideMarker {
				continue
			}
			if i != 0 || !drop {
				return -1
			}
			el.Attr = el.Attr[1:]
			n++
		}
		if drop {
			for el.FirstChild != nil {
				el.RemoveChild(el.FirstChild)
			}
		}
	}
	return n
}

// isJSONScript tells a script holding JSON data (its start tag says "json" somewhere, as
// elideRawText tests the tag's source) from one holding code.
func isJSONScript(el *html.Node) bool {
	for _, a := range el.Attr {
		if containsFold(a.Key, "json") || containsFold(a.Val, "json") {
			return true
		}
	}
	return false
}

func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// elideRawText returns src with the contents of its style elements and non-JSON script elements
// cut, the marker added to their start tags, and how many it cut. It reads src as the tokenizer
// does: text, comments, tags with quoted attributes, and the raw text of script, style, textarea,
// title and the like, which ends only at the matching end tag. Inside SVG or MathML, where those
// elements hold markup, it cuts nothing; at a script with "<!--" (whose end the tokenizer finds by
// rules this does not follow) or a raw text that runs to the end, it stops cutting.
func elideRawText(src string) (string, int) {
	var sb strings.Builder
	cut, copied := 0, 0
	svg, math := 0, 0 // open SVG and MathML elements, as far as end tags tell
	i := 0
scan:
	for i < len(src) {
		j := strings.IndexByte(src[i:], '<')
		if j < 0 || i+j+1 >= len(src) {
			break
		}
		i += j
		c := src[i+1]
		switch {
		case c == '!':
			switch {
			case strings.HasPrefix(src[i:], "<!--"):
				i = commentEnd(src, i+4)
			case svg+math > 0 && strings.HasPrefix(src[i:], "<![CDATA["):
				i = after(src, i+9, "]]>")
			default:
				i = after(src, i+2, ">")
			}
		case c == '?':
			i = after(src, i+2, ">")
		case c == '/':
			switch {
			case i+2 < len(src) && isASCIILetter(src[i+2]):
				nameEnd := tagNameEnd(src, i+2)
				switch strings.ToLower(src[i+2 : nameEnd]) {
				case "svg":
					svg = max(svg-1, 0)
				case "math":
					math = max(math-1, 0)
				}
				i = tagEnd(src, nameEnd)
			case i+2 < len(src) && src[i+2] == '>':
				i += 3
			default:
				i = after(src, i+2, ">")
			}
		case isASCIILetter(c):
			nameEnd := tagNameEnd(src, i+1)
			end := tagEnd(src, nameEnd)
			if end > len(src) {
				break scan
			}
			name := strings.ToLower(src[i+1 : nameEnd])
			if src[end-2] != '/' {
				switch name {
				case "svg":
					svg++
				case "math":
					math++
				}
			}
			if svg+math > 0 || !rawTextElements[name] {
				i = end
				continue
			}
			if name == "plaintext" {
				break scan
			}
			close := rawTextEnd(src, end, name)
			if close < 0 || name == "script" && strings.Contains(src[end:close], "<!--") {
				break scan
			}
			if close > end && (name == "style" || name == "script" && !containsFold(src[i:end], "json")) && !containsFold(src[i:end], elideMarker) {
				if sb.Len() == 0 {
					sb.Grow(len(src) / 2)
				}
				sb.WriteString(src[copied:nameEnd])
				sb.WriteString(" " + elideMarker + `=""`) // a value: a bare name would take a following "=" as its own
				sb.WriteString(src[nameEnd:end])
				copied = close
				cut++
			}
			i = close
		default:
			i++
		}
	}
	if cut == 0 {
		return src, 0
	}
	sb.WriteString(src[copied:])
	return sb.String(), cut
}

// rawTextElements are the elements whose start tag switches the tokenizer to raw text (with
// scripting on, as html.Parse has it, noscript is one).
var rawTextElements = map[string]bool{"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// after is the index just past the first '>' at or after i that ends with suffix (">", "-->",
// "]]>"…), or len(src)+1 when there is none (the token runs to the end). It looks for the '>'
// alone: strings.Index with a longer pattern has no fast path in WebAssembly.
func after(src string, i int, suffix string) int {
	for start := i; i < len(src); {
		k := strings.IndexByte(src[i:], '>')
		if k < 0 {
			break
		}
		i += k + 1
		if i-len(suffix) >= start && src[i-len(suffix):i] == suffix {
			return i
		}
	}
	return len(src) + 1
}

// commentEnd is the index just past a comment whose "<!--" ends before i: "<!-->" and "<!--->"
// close at once, others at the first "-->" or "--!>".
func commentEnd(src string, i int) int {
	switch {
	case strings.HasPrefix(src[i:], ">"):
		return i + 1
	case strings.HasPrefix(src[i:], "->"):
		return i + 2
	}
	for start := i; i < len(src); {
		k := strings.IndexByte(src[i:], '>')
		if k < 0 {
			break
		}
		i += k + 1
		if i-3 >= start && src[i-3:i] == "-->" || i-4 >= start && src[i-4:i] == "--!>" {
			return i
		}
	}
	return len(src) + 1
}

// tagNameEnd is the end of the tag name starting at i: the first white space, '/' or '>'.
func tagNameEnd(src string, i int) int {
	for ; i < len(src); i++ {
		switch src[i] {
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			return i
		}
	}
	return i
}

// tagEnd is the index just past the '>' closing a tag whose name ends at i, reading attributes as
// the tokenizer's readTag does (a value in quotes runs to its closing quote); len(src)+1 when the
// tag is not closed.
func tagEnd(src string, i int) int {
	skip := func() {
		for i < len(src) && textutil.IsHTMLSpace(src[i]) {
			i++
		}
	}
	for {
		if skip(); i >= len(src) {
			return len(src) + 1
		}
		if src[i] == '>' {
			return i + 1
		}
		// the name: an '=' first is part of it
		for start := i; i < len(src); i++ {
			c := src[i]
			if textutil.IsHTMLSpace(c) || c == '/' || c == '>' || c == '=' && i > start {
				break
			}
		}
		if skip(); i >= len(src) {
			return len(src) + 1
		}
		switch src[i] {
		case '/':
			i++
			continue
		case '=':
			i++
		default:
			continue
		}
		if skip(); i >= len(src) {
			return len(src) + 1
		}
		switch q := src[i]; q {
		case '>':
		case '"', '\'':
			k := strings.IndexByte(src[i+1:], q)
			if k < 0 {
				return len(src) + 1
			}
			i += 1 + k + 1
		default:
			for i < len(src) && !textutil.IsHTMLSpace(src[i]) && src[i] != '>' {
				i++
			}
		}
	}
}

// rawTextEnd is the index of the end tag closing the raw text of name that starts at i ("</name"
// in any case, then white space, '/' or '>'), or -1 when the text runs to the end.
func rawTextEnd(src string, i int, name string) int {
	for {
		k := strings.IndexByte(src[i:], '<')
		if k < 0 {
			return -1
		}
		i += k
		e := i + 2 + len(name)
		if e < len(src) && src[i+1] == '/' && strings.EqualFold(src[i+2:e], name) {
			switch src[e] {
			case ' ', '\n', '\r', '\t', '\f', '/', '>':
				return i
			}
		}
		i++
	}
}
