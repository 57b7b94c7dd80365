// Package sanitize holds the one HTML policy every output passes through last.
package sanitize

import (
	"regexp"
	"sync"

	"github.com/microcosm-cc/bluemonday"
)

var (
	once   sync.Once
	policy *bluemonday.Policy
)

// Policy is the article policy: structure, links, images and annotation marks; no style, class,
// event handlers, or URL schemes other than http, https and mailto.
func Policy() *bluemonday.Policy {
	once.Do(func() {
		p := bluemonday.NewPolicy()
		p.AllowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
			"ul", "ol", "li", "blockquote", "q", "pre", "code",
			"figure", "figcaption", "table", "thead", "tbody", "tr", "td", "th", "caption",
			"em", "strong", "s", "u", "sub", "sup", "article", "header")
		p.AllowAttrs("href").OnElements("a")
		p.AllowAttrs("rel").Matching(regexp.MustCompile(`^nofollow noopener noreferrer$`)).OnElements("a")
		p.AllowURLSchemes("http", "https", "mailto")
		p.RequireParseableURLs(true)
		p.RequireNoFollowOnLinks(true)
		p.RequireNoReferrerOnLinks(true)
		p.AddTargetBlankToFullyQualifiedLinks(false)
		p.AllowAttrs("src", "alt").OnElements("img")
		p.AllowAttrs("loading").Matching(regexp.MustCompile(`^lazy$`)).OnElements("img")
		// the OntoNotes entity labels and QUOTE
		labelValue := regexp.MustCompile(`^(PERSON|NORP|FAC|ORG|GPE|LOC|PRODUCT|EVENT|WORK_OF_ART|LAW|LANGUAGE|DATE|TIME|PERCENT|MONEY|QUANTITY|ORDINAL|CARDINAL|QUOTE)$`)
		p.AllowAttrs("data-label").Matching(labelValue).OnElements("mark")
		p.AllowAttrs("data-speaker", "data-canonical", "data-cue", "title").Matching(regexp.MustCompile(`^[^<>]{1,200}$`)).OnElements("mark")
		p.AllowAttrs("data-kind").Matching(regexp.MustCompile(`^(full|partial|nested)$`)).OnElements("mark")
		p.AllowAttrs("data-q", "data-e").Matching(regexp.MustCompile(`^[0-9]{1,7}$`)).OnElements("mark")
		p.AllowAttrs("data-removed").Matching(regexp.MustCompile(`^[0-9]{1,7}$`)).OnElements("p")
		policy = p
	})
	return policy
}

// HTML sanitizes s with the article policy.
func HTML(s string) string { return Policy().Sanitize(s) }
