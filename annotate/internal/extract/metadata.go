package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/attest-news/attest/annotate/internal/textutil"
	"github.com/attest-news/attest/internal/tinyjson"
)

type metadata struct {
	title, byline, published, url string
	articleBody                   string   // JSON-LD's articleBody, where the page gives it
	titles                        []string // every headline the page names (JSON-LD, og:, twitter:, <title>), for finding it in the text
	descriptions                  []string // every summary it names (JSON-LD, og:, twitter:, description), for finding the standfirst
}

// readMetadata reads title, byline, date and address from JSON-LD, meta tags and <time>,
// most trustworthy source first.
func readMetadata(root *html.Node) metadata {
	var m, ld metadata
	var docTitle, h1, timeText, baseHref, authorLink string
	walkElements(root, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Script:
			if strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil {
				readJSONLD(n.FirstChild.Data, &ld)
			}
			return false
		case atom.Title:
			if docTitle == "" && n.FirstChild != nil {
				docTitle = textutil.Collapse(n.FirstChild.Data)
			}
		case atom.Base:
			if baseHref == "" {
				baseHref = attr(n, "href")
			}
		case atom.Link:
			if attr(n, "rel") == "canonical" && m.url == "" {
				m.url = attr(n, "href")
			}
		case atom.Meta:
			key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
			val := textutil.Collapse(attr(n, "content"))
			switch key {
			case "og:title", "twitter:title":
				setOnce(&m.title, val)
				m.titles = append(m.titles, val)
			case "description", "og:description", "twitter:description":
				m.descriptions = append(m.descriptions, val)
			case "author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author":
				if !strings.HasPrefix(val, "http") {
					setOnce(&m.byline, val)
				}
			case "article:published_time", "datepublished", "date", "dc.date", "pubdate",
				"publishdate", "parsely-pub-date", "sailthru.date", "og:published_time":
				setOnce(&m.published, val)
			case "og:url":
				setOnce(&m.url, val)
			}
		case atom.Time:
			if timeText == "" {
				if v := attr(n, "datetime"); v != "" {
					timeText = v
				} else {
					timeText = fullText(n)
				}
			}
		case atom.H1:
			if h1 == "" {
				h1 = fullText(n)
			}
		case atom.A:
			if attr(n, "rel") == "author" && authorLink == "" {
				authorLink = fullText(n)
			}
		}
		return true
	})
	out := metadata{
		title:        unescapeTwice(first(ld.title, m.title, h1, docTitle)),
		byline:       unescapeTwice(first(ld.byline, m.byline, authorLink)),
		published:    first(ld.published, m.published, timeText),
		url:          first(baseHref, m.url, ld.url),
		titles:       append(append(m.titles, ld.titles...), docTitle),
		descriptions: append(m.descriptions, ld.descriptions...),
		articleBody:  ld.articleBody,
	}
	for _, list := range [][]string{out.titles, out.descriptions} {
		for i := range list {
			list[i] = unescapeTwice(list[i])
		}
	}
	return out
}

// unescapeTwice decodes character references a CMS escaped twice ("&amp;#8216;" arrives as
// "&#8216;" after parsing).
func unescapeTwice(s string) string {
	if strings.IndexByte(s, '&') >= 0 && strings.IndexByte(s, ';') >= 0 {
		return html.UnescapeString(s)
	}
	return s
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func first(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// readJSONLD fills m from schema.org Article objects (also inside @graph and arrays).
func readJSONLD(src string, m *metadata) {
	v, err := tinyjson.Parse(strings.TrimSpace(src))
	if err != nil {
		return
	}
	var visit func(any)
	visit = func(v any) {
		switch t := v.(type) {
		case []any:
			for _, x := range t {
				visit(x)
			}
		case map[string]any:
			if g, ok := t["@graph"]; ok {
				visit(g)
			}
			if !isArticleType(t["@type"]) {
				return
			}
			if s, ok := t["headline"].(string); ok {
				setOnce(&m.title, s)
				m.titles = append(m.titles, s)
			}
			if s, ok := t["description"].(string); ok {
				m.descriptions = append(m.descriptions, s)
			}
			if s, ok := t["datePublished"].(string); ok {
				setOnce(&m.published, s)
			}
			if s, ok := t["articleBody"].(string); ok && len(s) > len(m.articleBody) {
				m.articleBody = s
			}
			if s, ok := t["url"].(string); ok {
				setOnce(&m.url, s)
			}
			setOnce(&m.byline, authorNames(t["author"]))
		}
	}
	visit(v)
}

func isArticleType(t any) bool {
	switch v := t.(type) {
	case string:
		return strings.HasSuffix(v, "Article") || v == "BlogPosting" || v == "Report" || v == "LiveBlogPosting"
	case []any:
		for _, x := range v {
			if isArticleType(x) {
				return true
			}
		}
	}
	return false
}

func authorNames(a any) string {
	switch v := a.(type) {
	case string:
		return v
	case map[string]any:
		if s, ok := v["name"].(string); ok {
			return s
		}
	case []any:
		var names []string
		for _, x := range v {
			if s := authorNames(x); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}
