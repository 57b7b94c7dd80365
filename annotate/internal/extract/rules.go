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
	{"mojibake", "", "UTF-8 text the page's bytes hold as Windows-1252 (\"NBCâ€™s\", \"espaÃ±ol\") is read again as UTF-8"},
	{"class-weights", "", "Readability's class weights: post names score up, furniture names down"},
	{"net-skips-comments", "", "the safety net's best candidate is never a comment"},
	{"second-elsewhere", "", "when our article and Readability's share under 30 % of their words, each chose a different part of the page: Readability's is taken, with its cleaning"},
	{"second-few", "", "when we find no article, Readability's reading is taken from 10 words (not 50): a short page keeps what it holds"},
	{"second-as-is", "", "when our rules keep under half of the words of Readability's article that the second opinion takes, its reading is taken as it is"},
	{"second-skips-comments", "", "the second opinion is not taken when what it adds beyond our article is mostly in boxes named as comments"},
	{"inline-runs", "", "text written straight into a box beside its blocks votes as paragraphs"},
	{"second-opinion", doc.ReasonOther, "Readability's own reading: when its article holds ours and is twice as long, read again keeping boxes; when we find none, its cleaning (what it cleans away is listed under this rule)"},
	{"text-box-sibling", "", "a box of bare prose beside the article's container joins it, as a paragraph does (a blog's \"read more\" part)"},
	{"cell-votes", "", "a table cell laid out with blocks votes, and so do the paragraphs in it"},
	// what a page's structure says
	{"hidden", doc.ReasonOther, "hidden from sight: the hidden attribute, aria-hidden, display:none"},
	{"screen-reader-only", doc.ReasonOther, "text for screen readers only (sr-only, visually-hidden)"},
	{"tag-nav", doc.ReasonNav, "a nav or menu element"},
	{"tag-footer", doc.ReasonFooter, "a footer element"},
	{"tag-aside", doc.ReasonRelated, "an aside element"},
	{"tag-form", doc.ReasonOther, "a form, button or select"},
	{"tag-dialog", doc.ReasonPromo, "a dialog element"},
	{"page-header", doc.ReasonNav, "a header element outside the article"},
	{"role-nav", doc.ReasonNav, "ARIA role navigation, banner, search or menu"},
	{"role-complementary", doc.ReasonRelated, "ARIA role complementary"},
	{"role-contentinfo", doc.ReasonFooter, "ARIA role contentinfo"},
	{"role-dialog", doc.ReasonPromo, "ARIA role dialog or alertdialog"},
	{"class-comment", doc.ReasonComment, "class or id naming comments (comments, disqus, replies)"},
	{"class-related", doc.ReasonRelated, "class or id naming related stories (related, recommended, most-read, teaser)"},
	{"class-share", doc.ReasonShare, "class or id naming sharing (share, social, follow-us)"},
	{"class-ad", doc.ReasonAd, "class or id naming an advertisement (ad, sponsor, dfp)"},
	{"class-promo", doc.ReasonPromo, "class or id naming a promotion (newsletter, subscribe, paywall, popup)"},
	{"class-nav", doc.ReasonNav, "class or id naming navigation (menu, breadcrumb, sidebar, tags)"},
	{"class-footer", doc.ReasonFooter, "class or id naming a footer (footer, copyright)"},
	{"class-meta", doc.ReasonOther, "class or id naming article furniture (author-bio, byline, dateline)"},
	{"outside-article", doc.ReasonOther, "text outside the article's containers"},
	{"outside-link-list", doc.ReasonNav, "text outside the article, mostly links"},
	{"outside-footer-line", doc.ReasonFooter, "text outside the article reading as a footer (©, all rights reserved)"},
	{"form-field", doc.ReasonOther, "a short box holding a form field (input or textarea): a search, sign-up or rating form's labels"},
	{"link-list", doc.ReasonRelated, "a list or box inside the article, mostly links"},
	{"teaser-box", doc.ReasonRelated, "a box of two or more linked headlines, each with a line of teaser at most"},
	{"figure-credit", doc.ReasonCaption, "a picture's credit inside its figure"},
	// what a block's wording says
	{"related-heading", doc.ReasonRelated, "a heading that opens a teaser list (\"Related stories\", \"More from\"), and the list after it"},
	{"author-heading", doc.ReasonOther, "a heading that opens the author's biography, and the bio after it"},
	{"teaser-lines", doc.ReasonRelated, "a \"Don't miss\" line with a linked headline on each line"},
	{"caps-headline", doc.ReasonRelated, "a linked headline in capitals between paragraphs"},
	{"link-line", doc.ReasonNav, "a line of four or more links between separators (|, ·, •): a menu"},
	{"promo-line", doc.ReasonRelated, "a short line reading \"Read more\", \"See also\", \"Click here\"…"},
	{"app-promo-line", doc.ReasonPromo, "a short line promoting an app, a newsletter or a podcast (\"Download the app\")"},
	{"ad-label", doc.ReasonAd, "the word a page prints over an advertisement"},
	{"credit-line", doc.ReasonCaption, "a picture credit line (\"Photo: …\", \"Getty Images\")"},
	{"ui-label", doc.ReasonOther, "an interface label (\"Close\", \"Play video\")"},
	{"interface-row", doc.ReasonOther, "a short line made only of button words, one of them an action (\"Text Size | Print | Email\", \"Rate this article\")"},
	{"tail-lines", doc.ReasonOther, "up to three short blocks that are no sentence and no credit at the end of an article of 150 words or more (\"Previous post\", \"Media team\"); never a list item"},
	{"newsletter", doc.ReasonPromo, "a newsletter or alert sign-up"},
	{"dateline-only", doc.ReasonOther, "a line that is only a date"},
	{"bare-url", doc.ReasonOther, "a line that is a web address, or mostly addresses"},
	{"contact-line", doc.ReasonOther, "a short contact line (e-mail, telephone)"},
	{"browser-notice", doc.ReasonPromo, "a notice about the reader's browser or device"},
	{"legal-notice", doc.ReasonFooter, "a block of up to 80 words with two or more phrases of a site's legal notice (terms of use, privacy policy, all rights reserved, ©, disclaimer …); not a wire service's notice"},
	{"reprint-notice", doc.ReasonFooter, "a reprint or licence notice"},
	{"affiliate-notice", doc.ReasonAd, "an affiliate-link disclosure"},
	{"call-to-action", doc.ReasonPromo, "a call to follow, join, subscribe or buy"},
	{"tag-line", doc.ReasonNav, "a short list of tags or topics"},
	{"copyright-line", doc.ReasonFooter, "a short copyright line, or a notice of up to 40 words opening with © about the site (terms, privacy, trade mark)"},
	{"repeated-caption", doc.ReasonCaption, "a caption repeating one already kept (slideshows)"},
	{"caption-credit", doc.ReasonCaption, "the credit at the end of a caption"},
	{"tweet-button", doc.ReasonShare, "a pull quote's \"Click to tweet\""},
	// the article's head
	{"head-label", doc.ReasonOther, "a label over the summary with nothing under it"},
	{"head-heading", doc.ReasonOther, "a headline the metadata does not call the title"},
	{"head-byline", doc.ReasonOther, "the byline and date under the headline (kept as metadata)"},
	{"head-kicker", doc.ReasonNav, "a section label or breadcrumb above the headline"},
	// plain text
	{"text-scraper-date", doc.ReasonOther, "a scraper's date stamp opening the text"},
	{"text-share-line", doc.ReasonShare, "a share prompt (\"Share\", \"Tweet\", \"Email\")"},
	{"text-related-list", doc.ReasonRelated, "a teaser list after the article (\"You may also like\" and what follows)"},
	{"text-caption", doc.ReasonCaption, "a caption with its credit in brackets, and the alt text above it"},
	{"text-footer-line", doc.ReasonFooter, "a footer line (©, all rights reserved)"},
	{"text-caps-promo", doc.ReasonPromo, "a line in capitals promoting an app, a newsletter or a download"},
	{"text-caps-teaser", doc.ReasonRelated, "a sentence in capitals between paragraphs: a teaser whose link the copy lost"},
	{"text-edge-furniture", doc.ReasonOther, "page furniture (credits, sign-ups, calls to action) before the first paragraph or after the last"},
	{"text-flattened", doc.ReasonOther, "a whole page scraped onto one line is cut into menu, article and footer (the next three)"},
	{"text-flattened-nav", doc.ReasonNav, "a one-line page: the menu before the article"},
	{"text-flattened-footer", doc.ReasonFooter, "a one-line page: what follows the article"},
	{"text-video-label", doc.ReasonPromo, "a one-line page: a video player's label opening the article"},
	{"text-closing-credit", doc.ReasonOther, "a one-line page: the credit line closing the article"},
	{"text-agency-caption", doc.ReasonCaption, "a one-line page: a caption ending in an agency credit (AP Images)"},
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
