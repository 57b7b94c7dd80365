package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// parsePage parses a page with x/net/html, then empties its style elements and its script
// elements other than JSON data (which the metadata reads): the extractor never reads their
// contents. A page nested too deep for the parser is flattened first; nil when even that fails.
func parsePage(src string) *html.Node {
	src = closeTitle(src)
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// the parser refuses nesting deeper than 512 elements: flatten the excess and parse again
		if root, err = html.Parse(strings.NewReader(flattenDeep(src, maxNesting))); err != nil {
			return nil
		}
	}
	for el := range root.Descendants() {
		if el.Type == html.ElementNode && el.Namespace == "" && (el.Data == "style" || el.Data == "script" && !isJSONScript(el)) {
			for el.FirstChild != nil {
				el.RemoveChild(el.FirstChild)
			}
		}
	}
	return root
}

// closeTitle ends a <title> that the page never closes before the next tag: the parser reads a
// title as text up to "</title>", so a scrape that lost the end tag would make the whole page its
// title and leave no article ("<title>Gale to drive Nation" and then the page). Browsers do the
// same, but no reader wants it.
func closeTitle(src string) string {
	open := tagAt(src, "<title", 0)
	if open < 0 {
		return src
	}
	gt := strings.IndexByte(src[open:], '>')
	if gt < 0 {
		return src
	}
	body := open + gt + 1
	if tagAt(src, "</title", body) >= 0 {
		return src
	}
	next := strings.IndexByte(src[body:], '<')
	if next < 0 {
		return src
	}
	return src[:body+next] + "</title>" + src[body+next:]
}

// tagAt is the offset of the first "<name" in src from offset from, in any case, or -1.
func tagAt(src, name string, from int) int {
	for i := from; i+len(name) <= len(src); {
		j := strings.IndexByte(src[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if i+len(name) > len(src) {
			return -1
		}
		if strings.EqualFold(src[i:i+len(name)], name) && (i+len(name) == len(src) || strings.IndexByte(" \t\n\r\f/>", src[i+len(name)]) >= 0) {
			return i
		}
		i++
	}
	return -1
}

// isJSONScript tells a script holding JSON data (its start tag says "json" somewhere) from one
// holding code.
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
