package extract

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/textutil"
)

// frame is the block context an element opens.
type frame struct {
	kind      doc.Kind
	level     int
	container doc.Container
	group     int
}

// emit walks the tree in document order: article content becomes blocks, everything else with
// visible text becomes removed entries.
func (e *extractor) emit(n *html.Node, inContent bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		e.emitNode(c, inContent)
	}
}

func (e *extractor) emitNode(n *html.Node, inContent bool) {
	switch n.Type {
	case html.TextNode:
		if inContent {
			e.text(n.Data)
		}
		return
	case html.DocumentNode:
		e.emit(n, inContent)
		return
	case html.ElementNode:
	default:
		return
	}
	info := e.info[n]
	if info == nil || info.silent {
		return
	}
	if info.reason != "" {
		if inContent && (isBlock(n.DataAtom) || !e.on("inline-verdict")) {
			e.flush() // an inline element removed (a hidden span, a screen reader's label) leaves its paragraph whole
		}
		e.remove(fullText(n), info.reason)
		return
	}
	if info.content {
		inContent = true
	}
	if !inContent {
		if info.hasContent {
			e.emit(n, false)
		} else {
			e.removeOutside(n)
		}
		return
	}
	if rule := e.contentBoilerplate(n, info); rule != "" {
		e.flush()
		e.remove(fullText(n), rule)
		return
	}
	e.element(n)
	if info.content {
		e.flush() // inline text right under a content root ends with it
		e.tail = ""
	}
}

// removeOutside lists a subtree outside the article, split into its parts when it is a plain wrapper.
func (e *extractor) removeOutside(n *html.Node) {
	info := e.info[n]
	if info.chars == 0 {
		return
	}
	parts := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if ci := e.info[c]; c.Type == html.ElementNode && ci != nil && !ci.silent && (ci.chars > 0 || ci.reason != "") {
			parts++
		}
	}
	if parts >= 2 && isBlock(n.DataAtom) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				if t := textutil.Collapse(c.Data); t != "" {
					e.remove(t, "outside-article")
				}
				continue
			}
			e.emitNode(c, false)
		}
		return
	}
	text := fullText(n)
	if e.title != "" && sameText(text, e.title) {
		return // the headline: shown as the title
	}
	rule := "outside-article"
	switch {
	case footerLine.MatchString(text) && e.on("outside-footer-line"):
		rule = "outside-footer-line"
	case linkDensity(info) > maxLinkDensity && e.on("outside-link-list"):
		rule = "outside-link-list"
	}
	e.remove(text, rule)
}

// contentBoilerplate catches boilerplate inside the article container: link lists and promo lines.
func (e *extractor) contentBoilerplate(n *html.Node, info *nodeInfo) string {
	if info.content {
		return ""
	}
	if info.field && info.chars-info.linkChars <= fieldMaxChars && isBlock(n.DataAtom) && e.on("form-field") {
		return "form-field" // a search or sign-up box whose <form> the parser left behind: its labels and hints
	}
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Td:
		// a box with much unlinked text of its own is more than a list of links: its parts are
		// judged one by one (a blog's whole column of posts between its menus)
		if info.chars > 0 && linkDensity(info) > maxLinkDensity && info.chars-info.linkChars < maxListProse && countLinks(n) >= 2 && e.on("link-list") {
			return "link-list"
		}
		// stories' linked headlines, each with a line of teaser at most: other stories
		if info.heads >= 2 && info.chars-info.linkChars < min(teaserChars*info.heads, maxListProse) && e.on("teaser-box") {
			return "teaser-box"
		}
	}
	return ""
}

func countLinks(n *html.Node) int {
	k := 0
	walkElements(n, func(c *html.Node) bool {
		if c.DataAtom == atom.A {
			k++
		}
		return true
	})
	return k
}

func sameText(a, b string) bool { return normWords(a) == normWords(b) }

// element turns one content element into blocks or inline spans.
func (e *extractor) element(n *html.Node) {
	if e.container == doc.Figure && (n.DataAtom == atom.Cite || creditWords.MatchString(attr(n, "class"))) && e.on("figure-credit") {
		e.flush()
		e.remove(fullText(n), "figure-credit") // a picture's credit
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		level, _ := strconv.Atoi(n.Data[1:])
		e.block(n, frame{kind: doc.Heading, level: level})
	case atom.Ul, atom.Ol:
		c := doc.UnorderedList
		if n.DataAtom == atom.Ol {
			c = doc.OrderedList
		}
		e.block(n, frame{kind: doc.ListItem, container: c, group: e.b.NewGroup()})
	case atom.Li, atom.Dt, atom.Dd:
		e.block(n, frame{kind: doc.ListItem})
	case atom.Blockquote:
		e.block(n, frame{kind: doc.Paragraph, container: doc.BlockQuote, group: e.b.NewGroup()})
	case atom.Pre:
		e.block(n, frame{kind: doc.Preformatted})
	case atom.Figure:
		e.figure(n)
	case atom.Figcaption:
		e.block(n, frame{kind: doc.Caption})
	case atom.Table:
		if isDataTable(n) {
			e.table(n)
		} else {
			e.block(n, frame{kind: doc.Paragraph})
		}
	case atom.Br:
		e.lineBreak(n)
	case atom.Hr:
		e.flush()
	case atom.Img:
		e.image(n)
	case atom.A:
		href := e.resolve(attr(n, "href"), true)
		e.inline(n, "a", href)
	case atom.Em, atom.I, atom.Cite, atom.Dfn, atom.Var:
		e.inline(n, "em", "")
	case atom.Strong, atom.B:
		if strings.HasPrefix(attr(n, "id"), "docs-internal-guid") {
			e.emit(n, true) // Google Docs wraps whole pastes in a non-bold <b>
			return
		}
		e.inline(n, "strong", "")
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		e.inline(n, "code", "")
	case atom.Sub, atom.Sup, atom.S, atom.U:
		e.inline(n, n.Data, "")
	case atom.Del, atom.Strike:
		e.inline(n, "s", "")
	case atom.Q:
		e.text("“")
		e.emit(n, true)
		e.text("”")
	default:
		if isBlock(n.DataAtom) {
			kind := doc.Paragraph
			if e.isCaption(n) {
				kind = doc.Caption
			}
			e.block(n, frame{kind: kind})
		} else {
			e.emit(n, true)
		}
	}
}

func (e *extractor) block(n *html.Node, f frame) {
	e.flush()
	saved := frame{kind: e.kind, level: e.level, container: e.container, group: e.group}
	savedEl := e.blockEl
	e.blockEl = n
	if f.container != doc.NoContainer {
		e.container, e.group = f.container, f.group
	}
	if !(e.container == doc.UnorderedList || e.container == doc.OrderedList) || f.kind != doc.Paragraph {
		e.kind, e.level = f.kind, f.level
	}
	e.emit(n, true)
	e.flush()
	e.kind, e.level, e.container, e.group = saved.kind, saved.level, saved.container, saved.group
	e.blockEl = savedEl
}

func (e *extractor) figure(n *html.Node) {
	e.flush()
	savedC, savedG, savedImg := e.container, e.group, e.figImage
	e.container, e.group, e.figImage = doc.Figure, e.b.NewGroup(), nil
	savedK := e.kind
	e.kind = doc.Caption
	e.emit(n, true)
	e.flush()
	if e.figImage != nil {
		e.b.Add(doc.Block{Kind: doc.Caption, Container: doc.Figure, Group: e.group, Image: e.figImage}, "", nil)
	}
	e.container, e.group, e.figImage, e.kind = savedC, savedG, savedImg, savedK
}

func (e *extractor) inline(n *html.Node, tag, attrVal string) {
	if tag == "a" && attrVal == "" {
		// a link we cannot keep (relative, on a page without an address): keep its text, and
		// that it was a link, for the rules that weigh how much of a line is linked
		start := e.cur.Len()
		e.emit(n, true)
		e.unkept = append(e.unkept, doc.Span{Start: start, End: e.cur.Len(), Label: "a"})
		return
	}
	if e.pendingSp && e.cur.Len() > 0 {
		e.cur.WriteByte(' ')
		e.pendingSp = false
	}
	e.spans = append(e.spans, doc.Span{Start: e.cur.Len(), End: -1, Label: tag, Attr: attrVal})
	e.open = append(e.open, len(e.spans)-1)
	e.emit(n, true)
	k := e.open[len(e.open)-1]
	e.open = e.open[:len(e.open)-1]
	e.spans[k].End = e.cur.Len()
}

func (e *extractor) text(s string) {
	if e.kind == doc.Preformatted {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		if e.cur.Len() == 0 {
			s = strings.TrimLeft(s, "\n")
		}
		e.cur.WriteString(s)
		return
	}
	e.pendingSp = writeCollapsed(&e.cur, s, e.pendingSp)
}

// writeCollapsed writes s to sb with each run of spaces (isSpace) as one space, written before
// the next word and only after something: pending says a space is owed from before s, and the
// result whether one is owed after it. Bytes that are not UTF-8 are written as U+FFFD each.
func writeCollapsed(sb *strings.Builder, s string, pending bool) bool {
	if !utf8.ValidString(s) {
		s = runeString(s)
	}
	for s != "" {
		w, sp := wordRun(s)
		if w > 0 {
			if pending && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			pending = false
			sb.WriteString(s[:w])
		}
		if sp > 0 {
			pending = true
		}
		s = s[w+sp:]
	}
	return pending
}

// lineBreak: two <br>s in a row end a paragraph; one is a line break inside it.
func (e *extractor) lineBreak(n *html.Node) {
	if e.kind == doc.Preformatted {
		e.cur.WriteByte('\n')
		return
	}
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" {
			continue
		}
		if s.Type == html.ElementNode && s.DataAtom == atom.Br {
			e.flush()
			return
		}
		break
	}
	if e.cur.Len() == 0 {
		return
	}
	e.pendingSp = false
	e.spans = append(e.spans, doc.Span{Start: e.cur.Len(), End: e.cur.Len() + 1, Label: "br"})
	e.cur.WriteByte('\n')
}

// flush ends the current block: boilerplate lines become removed entries, the rest a block.
func (e *extractor) flush() {
	s := e.cur.String()
	spans := e.spans
	// close spans still open (an inline element around several blocks) and reopen them after
	for _, k := range e.open {
		spans[k].End = len(s)
	}
	reopen := make([]doc.Span, 0, len(e.open))
	for _, k := range e.open {
		reopen = append(reopen, doc.Span{Label: spans[k].Label, Attr: spans[k].Attr, End: -1})
	}
	e.cur.Reset()
	linkSpans := spans
	if len(e.unkept) > 0 {
		linkSpans = append(append([]doc.Span(nil), spans...), e.unkept...)
		sort.SliceStable(linkSpans, func(i, j int) bool { return linkSpans[i].Start < linkSpans[j].Start })
		e.unkept = e.unkept[:0]
	}
	e.spans = nil
	e.pendingSp = false
	e.open = e.open[:0]
	for _, sp := range reopen {
		e.spans = append(e.spans, sp)
		e.open = append(e.open, len(e.spans)-1)
	}
	if e.kind == doc.Preformatted {
		s = strings.TrimRight(s, " \n\t")
	}
	trimmed := strings.TrimRight(s, "\n ")
	for i := range spans {
		spans[i].End = min(spans[i].End, len(trimmed))
	}
	s = trimmed
	if strings.TrimSpace(s) == "" {
		return
	}
	kind := e.kind
	if kind == doc.Caption && e.container != doc.Figure && textutil.WordCount(s) > captionMaxWords {
		kind = doc.Paragraph // a "caption" class around prose
	}
	caption := kind == doc.Caption || e.container == doc.Figure // also a caption inside a gallery's list item
	switch e.container {
	case doc.UnorderedList, doc.OrderedList:
		kind = doc.ListItem
	case doc.Figure:
		if kind != doc.Heading {
			kind = doc.Caption
		}
	}
	if kind == doc.Heading {
		if e.title == "" && e.b.Len() == 0 && e.level <= 2 {
			e.title = s // the headline is metadata, shown above the article
			e.headlineAt = 0
			return
		}
		if sameText(s, e.title) {
			if e.headlineAt < 0 {
				e.headlineAt = e.b.Len()
			}
			return
		}
	}
	if e.tail == "comment-heading" {
		e.remove(s, e.tail) // a comment thread runs to the end of the content root
		return
	}
	if e.tail != "" {
		ls := linkedShare(s, linkSpans)
		prose := kind == doc.Paragraph && ls < tailLinked
		// a paragraph of prose that follows no linked headline is the story going on after a
		// "Related" box inside it, however short (a teaser's blurb follows its headline's link)
		resumes := prose && (len(s) >= tailProse ||
			e.tail == "related-heading" && !e.tailAfterLink && len(s) >= minResumeChars && endsSentence(s) && e.on("related-resume"))
		if !resumes {
			e.tailAfterLink = ls >= 0.5 && kind != doc.ListItem
			e.remove(s, e.tail) // after "More from …" a teaser feed, after "About the author" a bio
			return
		}
		e.tail = "" // a long unlinked paragraph is the story going on, not a teaser or a bio: the heading named a list inside it
	}
	if len(s) < 80 && e.b.Len() > 2 {
		switch {
		case (relatedHeader.MatchString(s) || moreFrom.MatchString(s)) && e.on("related-heading"):
			e.tail = "related-heading"
		case authorHeader.MatchString(s) && e.on("author-heading"):
			e.tail = "author-heading"
		case kind == doc.Heading && linkedShare(s, linkSpans) < 0.5 && commentHeader.MatchString(s) && e.on("comment-heading"):
			// not a link: "Comments (12)" in an article's head links to the thread
			e.tail = "comment-heading"
		}
		if e.tail != "" {
			e.tailAfterLink = false
			e.remove(s, e.tail)
			return
		}
	}
	linked := linkedShare(s, linkSpans)
	if nl := strings.IndexByte(s, '\n'); nl > 0 && linked > 0.4 && relatedHeader.MatchString(s[:nl]) && e.on("teaser-lines") {
		e.remove(s, "teaser-lines") // "DON'T MISS" and a headline per line
		return
	}
	if rule := lineBoilerplate(s, linked); rule != "" && e.on(rule) {
		e.remove(s, rule)
		return
	}
	if rule := e.blockBoilerplate(s, kind, caption); rule != "" {
		e.remove(s, rule)
		return
	}
	if kind == doc.Caption && e.on("caption-credit") {
		if loc := captionCreditTail.FindStringIndex(s); loc != nil && loc[0] > 0 {
			s, spans = e.cutTail(s, spans, loc[0], "caption-credit") // the image credit
		}
	}
	if (strings.Contains(s, "weet") || strings.Contains(s, "WEET")) && e.on("tweet-button") { // the pattern only where a tweet button can be
		if loc := tweetBox.FindStringIndex(s); loc != nil && loc[0] > 0 {
			s, spans = e.cutTail(s, spans, loc[0], "tweet-button") // a pull quote's share button
		}
	}
	blk := doc.Block{Kind: kind, Level: e.level, Container: e.container, Group: e.group}
	if e.blockEl != nil && kind != doc.Caption && e.isDek(e.blockEl) {
		if e.dek == nil {
			e.dek = map[int]bool{}
		}
		e.dek[e.b.Len()] = true
	}
	if kind == doc.Caption && e.figImage != nil {
		blk.Image, e.figImage = e.figImage, nil
	}
	e.b.Add(blk, s, spans)
}

// tailProse is the length of a paragraph that ends a teaser list or a bio: teasers are a
// headline and a sentence or two. minResumeChars: a sentence of the story after a "Related" box.
const (
	tailProse      = 300
	minResumeChars = 80
)

// urlHeavy reports a line made mostly of web addresses (a CMS's attachment data printed into the page).
func urlHeavy(s string) bool {
	urls, urlChars, chars := 0, 0, 0
	for _, f := range strings.Fields(s) {
		chars += len(f)
		if strings.HasPrefix(f, "http://") || strings.HasPrefix(f, "https://") {
			urls++
			urlChars += len(f)
		}
	}
	return urls >= 2 && 2*urlChars >= chars
}

// cutTail lists s[at:] as removed with reason and returns the rest, its spans clipped to it.
func (e *extractor) cutTail(s string, spans []doc.Span, at int, rule string) (string, []doc.Span) {
	e.remove(strings.TrimSpace(s[at:]), rule)
	s = strings.TrimRight(s[:at], " ")
	for i := range spans {
		spans[i].End = min(spans[i].End, len(s))
		spans[i].Start = min(spans[i].Start, spans[i].End)
	}
	return s, spans
}

// blockBoilerplate catches page furniture inside the article container: credits, interface
// words, newsletter pitches, date and byline lines, bare addresses, and repeats of a block
// already kept (slideshow captions).
func (e *extractor) blockBoilerplate(s string, kind doc.Kind, caption bool) string {
	words := textutil.WordCount(s)
	if r := e.furniture(s, words, kind); r != "" && e.on(r) {
		return r
	}
	if caption && len(s) >= 30 && e.on("repeated-caption") { // a slideshow repeats its captions; prose may repeat on purpose
		key := captionKey(s)
		for _, c := range e.seen {
			if strings.HasPrefix(c, key) {
				return "repeated-caption" // the same caption again, whole or cut short
			}
		}
		if len(e.seen) == recentCaptions {
			e.seen = e.seen[1:] // a gallery repeats within a page's stretch; this bounds the work on hostile input
		}
		e.seen = append(e.seen, key)
	}
	return ""
}

// furniture classifies a short block by its wording. Each unanchored pattern runs only when the
// block is short enough and holds the pattern's key word, so long prose costs one lower-casing.
func (e *extractor) furniture(s string, words int, kind doc.Kind) string {
	longURLs := func() string {
		if strings.Contains(s, "http") && urlHeavy(s) {
			return "bare-url"
		}
		return ""
	}
	if words > 80 {
		return longURLs()
	}
	l := asciiLowerString(s)
	has := func(keys ...string) bool {
		for _, k := range keys {
			if strings.Contains(l, k) {
				return true
			}
		}
		return false
	}
	if has("browser", "explorer", "device") && browserNotice.MatchString(s) {
		return "browser-notice" // a notice about the reader's browser, up to a paragraph long
	}
	if legalNotice(l) && e.on("legal-notice") {
		return "legal-notice"
	}
	if has("non-commercial", "non commercial", "noncommercial") && reprintNotice.MatchString(s) {
		return "reprint-notice" // the notice runs on about the copy's use, to a paragraph
	}
	if words > 40 {
		return longURLs()
	}
	t := strings.TrimSpace(s)
	switch {
	case words <= 12 && has(creditKeys...) && creditLine.MatchString(s):
		return "credit-line"
	case words <= 5 && uiLabel.MatchString(t):
		return "ui-label"
	case words <= 10 && interfaceRow(t):
		return "interface-row"
	case (words <= 30 && kind != doc.Heading || words <= 4) && has("newsletter", "alert", "email", "inbox", "subscribe") && newsletterBox.MatchString(s):
		return "newsletter"
	case words <= 12 && datelineOnly.MatchString(t):
		return "dateline-only"
	case has("http") && (bareURL.MatchString(s) || urlHeavy(s)):
		return "bare-url"
	case words <= 16 && has("@") && contactLine.MatchString(t):
		return "contact-line"
	case has("affiliate", "commission", "share of") && affiliateNotice.MatchString(s):
		return "affiliate-notice"
	case has("follow", "join", "check out") && followPrompt.MatchString(s),
		has("subscribe", "sign up", "buy now", "shop now") && closingCTA.MatchString(s),
		words <= 16 && openingCTA.MatchString(s):
		return "call-to-action"
	case words <= 12 && tagLine.MatchString(s):
		return "tag-line"
	case (words <= 15 || words <= 40 && copyrightOpening(s) && has("site", "terms", "privacy", "trade mark", "trademark")) && copyrightLine(s):
		return "copyright-line"
	}
	return ""
}

// captionKey is a caption without the toggle a gallery puts after it ("… more", "less") or the
// ellipsis that cuts it short.
func captionKey(s string) string {
	s = strings.TrimSpace(s)
	for _, suffix := range []string{" less", " more", "…", "...", " "} {
		s = strings.TrimSuffix(s, suffix)
	}
	return strings.TrimSpace(s)
}

// linkedShare is the share of s inside links.
func linkedShare(s string, spans []doc.Span) float64 {
	if len(s) == 0 {
		return 0
	}
	covered := 0
	last := 0
	for _, sp := range spans {
		if sp.Label != "a" {
			continue
		}
		start, end := max(sp.Start, last), min(sp.End, len(s))
		if end > start {
			covered += end - start
			last = end
		}
	}
	return float64(covered) / float64(len(s))
}

// lineBoilerplate gives the rule that calls one short line of an article body a promo or a
// teaser, or "".
func lineBoilerplate(s string, linked float64) string {
	words := textutil.WordCount(s)
	if linked >= 0.7 && strings.Count(s, "|")+strings.Count(s, " · ")+strings.Count(s, " • ") >= 3 {
		return "link-line" // "Home | News | Sport | Contact": a menu written as a line of links
	}
	if words >= 3 && words <= allCapsPromoMaxWords && isAllCaps(s) && linked > 0.5 {
		return "caps-headline" // a linked headline in capitals between paragraphs
	}
	if words > promoMaxWords {
		return ""
	}
	if promoLine.MatchString(s) && (linked > 0.5 || words <= 12 || isAllCaps(s)) {
		if appPromo.MatchString(s) {
			return "app-promo-line"
		}
		return "promo-line"
	}
	if words <= 2 && adLabels[strings.ToLower(strings.TrimSpace(s))] {
		return "ad-label"
	}
	return ""
}

// isAllCaps reports text whose letters are (almost) all upper case.
func isAllCaps(s string) bool {
	upper, lower := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
	}
	return upper >= 8 && lower*20 <= upper
}

func (e *extractor) image(n *html.Node) {
	src := attr(n, "src")
	for _, k := range []string{"data-src", "data-lazy-src", "data-original", "data-url"} {
		if v := attr(n, k); v != "" && (src == "" || strings.HasPrefix(src, "data:")) {
			src = v
		}
	}
	if (src == "" || strings.HasPrefix(src, "data:")) && attr(n, "srcset") != "" {
		src = strings.Fields(attr(n, "srcset"))[0]
	}
	src = e.resolve(src, false)
	if src == "" {
		return
	}
	if w, err := strconv.Atoi(attr(n, "width")); err == nil && w <= 2 {
		return // tracking pixel
	}
	img := &doc.Image{Src: src, Alt: textutil.Collapse(attr(n, "alt"))}
	if e.container == doc.Figure {
		if e.figImage == nil {
			e.figImage = img
		}
		return
	}
	if smallPicture(n) && strings.TrimSpace(e.cur.String()) != "" && textFollows(n) && e.on("inline-image") {
		return // a small picture inside a sentence (an emoji, a formula, an icon) does not break it in two
	}
	e.flush()
	e.b.Add(doc.Block{Kind: doc.Caption, Container: doc.Figure, Group: e.b.NewGroup(), Image: img}, "", nil)
}

// smallPicture reports a picture sized to the text (an emoji, a formula, an icon): set no wider
// than 64 pixels, sized in ex (a formula's image), or named an emoji. A photo inside a paragraph
// is not.
func smallPicture(n *html.Node) bool {
	w, err := strconv.Atoi(attr(n, "width"))
	return err == nil && w <= 64 || strings.Contains(attr(n, "class"), "emoji") || strings.Contains(attr(n, "style"), "ex;")
}

// textFollows reports whether text follows n in its block (a paragraph, a list item, a cell).
func textFollows(n *html.Node) bool {
	for at := n; at.Parent != nil; at = at.Parent {
		for s := at.NextSibling; s != nil; s = s.NextSibling {
			if s.Type == html.ElementNode && isBlock(s.DataAtom) {
				return false
			}
			if strings.TrimSpace(fullText(s)) != "" {
				return true
			}
		}
		if isBlock(at.Parent.DataAtom) {
			return false
		}
	}
	return false
}

// resolve makes a link or image address absolute and keeps only safe schemes.
func (e *extractor) resolve(ref string, link bool) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		if e.base == nil {
			return ""
		}
		u = e.base.ResolveReference(u)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.String()
	case "mailto":
		if link {
			return u.String()
		}
	}
	return ""
}

// isDataTable tells a table of data from a table used for layout.
func isDataTable(n *html.Node) bool {
	if r := attr(n, "role"); r == "presentation" || r == "none" {
		return false
	}
	rows, maxCells, nested := 0, 0, false
	walkElements(n, func(c *html.Node) bool {
		switch c.DataAtom {
		case atom.Table, atom.Div, atom.P, atom.Ul, atom.Ol, atom.Blockquote, atom.Figure:
			nested = true
			return false
		case atom.Tr:
			rows++
			cells := 0
			for d := c.FirstChild; d != nil; d = d.NextSibling {
				if d.DataAtom == atom.Td || d.DataAtom == atom.Th {
					cells++
				}
			}
			maxCells = max(maxCells, cells)
		}
		return true
	})
	return !nested && rows >= 1 && maxCells >= 2
}

// table emits a data table, one block per row, cells as td/th spans separated by tabs.
func (e *extractor) table(n *html.Node) {
	e.flush()
	group := e.b.NewGroup()
	walkElements(n, func(c *html.Node) bool {
		switch c.DataAtom {
		case atom.Caption:
			if t := collapsedText(c, e.info); t != "" {
				e.b.Add(doc.Block{Kind: doc.Paragraph}, t, nil)
			}
			return false
		case atom.Tr:
			var sb strings.Builder
			var spans []doc.Span
			for d := c.FirstChild; d != nil; d = d.NextSibling {
				if d.DataAtom != atom.Td && d.DataAtom != atom.Th {
					continue
				}
				if len(spans) > 0 {
					sb.WriteByte('\t')
				}
				t := collapsedText(d, e.info)
				start := sb.Len()
				sb.WriteString(t)
				spans = append(spans, doc.Span{Start: start, End: sb.Len(), Label: d.Data})
			}
			if strings.TrimSpace(sb.String()) != "" {
				e.b.Add(doc.Block{Kind: doc.TableRow, Container: doc.Table, Group: group}, sb.String(), spans)
			}
			return false
		}
		return true
	})
}
