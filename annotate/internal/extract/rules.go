package extract

import "github.com/attest-news/attest/annotate/internal/doc"

// Rule is one judgement the extractor makes about a block: a stable ID, the reason a block it
// removes is listed under, and what it looks at. Removed blocks name the rule that removed them,
// and annotate.Options.Disable switches rules off by ID ("extract/" + ID) to measure them.
type Rule struct {
	ID, Reason, Summary string
}

// Rules are the extractor's rules, page structure first, then wording, then plain text.
var Rules = []Rule{
	// choosing the article (these remove nothing themselves)
	{"mojibake", "", ""},
	{"class-weights", "", ""},
	{"net-skips-comments", "", ""},
	{"second-elsewhere", "", ""},
	{"second-few", "", ""},
	{"second-as-is", "", ""},
	{"second-skips-comments", "", ""},
	{"contact-block", "", ""},
	{"inline-runs", "", ""},
	{"second-opinion", doc.ReasonOther, ""},
	{"text-box-sibling", "", ""},
	{"cell-votes", "", ""},
	{"hidden-copy", "", ""},
	{"tail-warning", "", ""},
	{"related-resume", "", ""},
	{"inline-image", "", ""},
	{"inline-verdict", "", ""},
	// what a page's structure says
	{"hidden", doc.ReasonOther, ""},
	{"screen-reader-only", doc.ReasonOther, ""},
	{"tag-nav", doc.ReasonNav, ""},
	{"tag-footer", doc.ReasonFooter, ""},
	{"tag-aside", doc.ReasonRelated, ""},
	{"tag-form", doc.ReasonOther, ""},
	{"tag-dialog", doc.ReasonPromo, ""},
	{"page-header", doc.ReasonNav, ""},
	{"role-nav", doc.ReasonNav, ""},
	{"role-complementary", doc.ReasonRelated, ""},
	{"role-contentinfo", doc.ReasonFooter, ""},
	{"role-dialog", doc.ReasonPromo, ""},
	{"class-comment", doc.ReasonComment, ""},
	{"class-related", doc.ReasonRelated, ""},
	{"class-share", doc.ReasonShare, ""},
	{"class-ad", doc.ReasonAd, ""},
	{"class-promo", doc.ReasonPromo, ""},
	{"class-nav", doc.ReasonNav, ""},
	{"class-footer", doc.ReasonFooter, ""},
	{"class-meta", doc.ReasonOther, ""},
	{"outside-article", doc.ReasonOther, ""},
	{"outside-link-list", doc.ReasonNav, ""},
	{"outside-footer-line", doc.ReasonFooter, ""},
	{"form-field", doc.ReasonOther, ""},
	{"link-list", doc.ReasonRelated, ""},
	{"teaser-box", doc.ReasonRelated, ""},
	{"figure-credit", doc.ReasonCaption, ""},
	// what a block's wording says
	{"related-heading", doc.ReasonRelated, ""},
	{"author-heading", doc.ReasonOther, ""},
	{"comment-heading", doc.ReasonComment, ""},
	{"teaser-lines", doc.ReasonRelated, ""},
	{"caps-headline", doc.ReasonRelated, ""},
	{"link-line", doc.ReasonNav, ""},
	{"promo-line", doc.ReasonRelated, ""},
	{"app-promo-line", doc.ReasonPromo, ""},
	{"ad-label", doc.ReasonAd, ""},
	{"credit-line", doc.ReasonCaption, ""},
	{"ui-label", doc.ReasonOther, ""},
	{"interface-row", doc.ReasonOther, ""},
	{"tail-lines", doc.ReasonOther, ""},
	{"newsletter", doc.ReasonPromo, ""},
	{"dateline-only", doc.ReasonOther, ""},
	{"bare-url", doc.ReasonOther, ""},
	{"contact-line", doc.ReasonOther, ""},
	{"browser-notice", doc.ReasonPromo, ""},
	{"legal-notice", doc.ReasonFooter, ""},
	{"reprint-notice", doc.ReasonFooter, ""},
	{"affiliate-notice", doc.ReasonAd, ""},
	{"call-to-action", doc.ReasonPromo, ""},
	{"tag-line", doc.ReasonNav, ""},
	{"copyright-line", doc.ReasonFooter, ""},
	{"repeated-caption", doc.ReasonCaption, ""},
	{"caption-credit", doc.ReasonCaption, ""},
	{"tweet-button", doc.ReasonShare, ""},
	// the article's head
	{"head-label", doc.ReasonOther, ""},
	{"head-heading", doc.ReasonOther, ""},
	{"head-byline", doc.ReasonOther, ""},
	{"head-kicker", doc.ReasonNav, ""},
	// plain text
	{"text-scraper-date", doc.ReasonOther, ""},
	{"text-share-line", doc.ReasonShare, ""},
	{"text-related-list", doc.ReasonRelated, ""},
	{"text-caption", doc.ReasonCaption, ""},
	{"text-footer-line", doc.ReasonFooter, ""},
	{"text-caps-promo", doc.ReasonPromo, ""},
	{"text-caps-teaser", doc.ReasonRelated, ""},
	{"text-edge-furniture", doc.ReasonOther, ""},
	{"text-flattened", doc.ReasonOther, ""},
	{"text-flattened-nav", doc.ReasonNav, ""},
	{"text-flattened-footer", doc.ReasonFooter, ""},
	{"text-video-label", doc.ReasonPromo, ""},
	{"text-closing-credit", doc.ReasonOther, ""},
	{"text-agency-caption", doc.ReasonCaption, ""},
}

var ruleByID = func() map[string]Rule {
	m := make(map[string]Rule, len(Rules))
	for _, r := range Rules {
		m[r.ID] = r
	}
	return m
}()

// reasonOf gives the reason the rule's removals are listed under.
func reasonOf(id string) string {
	if r, ok := ruleByID[id]; ok {
		return r.Reason
	}
	return doc.ReasonOther
}
