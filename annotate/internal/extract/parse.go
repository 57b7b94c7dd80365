package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// parsePage parses a page with x/net/html, then empties its style elements and its script
// elements other than JSON data (which the metadata reads): the extractor never reads their
// contents. A page nested too deep for the parser is flattened first; nil when even that fails.
func parsePage(src string) *html.Node {
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
