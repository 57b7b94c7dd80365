// Package extract finds the article in a page or a text scrape and lists everything it leaves out.
package extract

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/sched"
	"github.com/attest-news/attest/annotate/internal/textutil"
)

// Options tune extraction.
type Options struct {
	URL      string          // the page address, for making links absolute
	Fragment bool            // the input is a clipboard selection: keep all of it but clear boilerplate
	Off      map[string]bool // rules switched off, by ID (see Rules)
}

// maxNesting is how deep flattenDeep lets elements nest; the parser's own limit is 512.
const maxNesting = 256

// flattenDeep drops the tags of elements nested deeper than limit, keeping all their text, so a
// hostile or broken page parses instead of failing.
func flattenDeep(src string, limit int) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var sb strings.Builder
	sb.Grow(len(src))
	depth, dropped := 0, 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return sb.String()
		case html.StartTagToken:
			if depth >= limit {
				dropped++
				continue
			}
			name, _ := z.TagName()
			if !voidElements[string(name)] {
				depth++
			}
		case html.EndTagToken:
			if dropped > 0 {
				dropped--
				continue
			}
			if depth > 0 {
				depth--
			}
		}
		sb.Write(z.Raw())
	}
}

var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true, "param": true}

// nodeInfo is what the passes learn about an element.
type nodeInfo struct {
	chars      int     // visible characters below the node (whitespace collapsed)
	linkChars  int     // of which inside links
	score      float64 // content score
	scored     bool
	reason     string // the rule that makes the node boilerplate, "" if none does
	silent     bool   // dropped without a removed entry (script, style…)
	content    bool   // a root of the article content
	hasContent bool   // the node contains article content below it
	heads      int    // headings below the node that are links (a teaser's headline)
	field      bool   // a form field (isFormField) is below the node, up to fieldDepth levels down
}

type extractor struct {
	info     map[*html.Node]*nodeInfo
	slab     []nodeInfo        // where get takes new nodeInfos from: one allocation per slab, not per node
	hits     map[string]uint32 // names' cache
	base     *url.URL
	b        doc.Builder
	meta     metadata
	title    string
	fragment bool

	// the block being built
	cur       strings.Builder
	spans     []doc.Span
	unkept    []doc.Span // links of the block being built that were not kept as links
	open      []int      // indexes into spans of open inline elements
	kind      doc.Kind
	level     int
	container doc.Container
	group     int
	pendingSp bool
	figImage  *doc.Image
	tail      string // past a "More from …" or "About the author" line: why the rest of this content root goes
	// tailAfterLink: the last block the tail removed was a linked headline (a teaser's blurb may follow)
	tailAfterLink bool
	seen          []string   // captions kept so far (as captionKey gives them), to drop repeats
	blockEl       *html.Node // the element that opened the block being built

	headlineAt int          // the block index where the headline stood (it is metadata), or -1
	dek        map[int]bool // blocks whose element names itself a standfirst (class "dek", itemprop=description…)

	off        map[string]bool // rules switched off
	roots      []*html.Node    // the article's roots when a second opinion gives them
	second     *readability    // the second opinion whose verdicts replace the page-structure rules
	relax      int             // the safety net's pass: which verdicts are off (strictPass, noClassVerdicts, noTagVerdicts)
	url        string          // the page's address from the caller, if any
	proseWords int             // words in the page's largest container of prose paragraphs, or its marked article body
	// words in the page's largest run of unlinked text outside block elements (pages without <p>)
	largestOwnText int
}

// HTML extracts the article from an HTML page or fragment.
//
// A safety net keeps the article from being lost: when the first pass keeps much less than the
// page's best candidate for the article (its largest container of prose paragraphs, its
// itemprop=articleBody, its JSON-LD articleBody), the page is read again with the class-name
// verdicts off, then with the tag verdicts off too (Readability's relaxed flags), and the first
// attempt that keeps enough is taken; failing that, the one that keeps the most. The document's
// Warnings say when the article was hard to find.
func HTML(src string, opts Options) *doc.Doc {
	root := parsePage(src)
	if root == nil {
		return &doc.Doc{}
	}
	if !opts.Off["mojibake"] {
		for n := range root.Descendants() {
			if n.Type == html.TextNode {
				n.Data = textutil.FixMojibake(n.Data) // UTF-8 the page's bytes hold as Windows-1252
			}
		}
	}
	sched.Yield()
	d := read(root, opts)
	if !opts.Fragment && !opts.Off["second-opinion"] {
		if d2 := secondReading(root, opts, d); d2 != nil {
			d = d2
		}
	}
	if len(d.Warnings) == 0 && !opts.Off["tail-warning"] && tailCut(d) {
		d.Warnings = append(d.Warnings, WarnTailCut)
	}
	return d
}

// tailCut reports an article that lost as much as half of what it keeps (tailCutMinWords at
// least) after a heading read as other stories, an author's bio or a comment thread: if the
// heading was misread, the article's end went with it, and the reader should know.
func tailCut(d *doc.Doc) bool {
	cut := 0
	for _, r := range d.Removed {
		switch r.Rule {
		case "related-heading", "author-heading", "comment-heading":
			cut += textutil.WordCount(r.Text)
		}
	}
	return cut >= tailCutMinWords && cut*2 >= textutil.WordCount(d.Text)
}

const tailCutMinWords = 50

// read runs the strict pass and, when it keeps too little, the safety net's relaxed passes.
func read(root *html.Node, opts Options) *doc.Doc {
	var best *doc.Doc
	var bestWords int
	var want int
	for relax := strictPass; relax <= lastPass; relax++ {
		e := newExtractor(opts, relax)
		d := e.run(root)
		words := textutil.WordCount(d.Text)
		if relax == strictPass {
			want = e.expectedWords()
			best, bestWords = d, words
			if opts.Fragment || !tooLittle(words, want) {
				if !opts.Fragment && words < minArticleWords {
					d.Warnings = append(d.Warnings, WarnNoArticle)
				}
				return d
			}
			continue
		}
		if words > bestWords {
			best, bestWords = d, words
		}
		if !tooLittle(words, want) {
			break
		}
		sched.Yield()
	}
	switch {
	case best == nil:
	case tooLittle(bestWords, want) && want >= minProseWords:
		best.Warnings = append(best.Warnings, WarnLittleKept)
	case bestWords < minArticleWords:
		best.Warnings = append(best.Warnings, WarnNoArticle)
	default:
		best.Warnings = append(best.Warnings, WarnRelaxed)
	}
	return best
}

// The passes of the safety net, strictest first.
const (
	strictPass      = iota
	noClassVerdicts // class, id and role names no longer make boilerplate
	noTagVerdicts   // nor do nav, aside, footer, header and form
	lastPass        = noTagVerdicts
)

// Warnings the extractor gives, as the result's warnings say them.
const (
	WarnLittleKept = "most of the page's text was removed: the article may be missing; see what was removed"
	WarnRelaxed    = "the article was hard to find: text the page marks as boilerplate was kept"
	WarnElsewhere  = "the article was hard to find: two readings of the page chose different parts of it; see what was removed"
	WarnNoArticle  = "no article was found on this page (it may be a list of stories, or hold little text); see what was removed"
	WarnTailCut    = "the article's end may be missing: what followed a heading read as other stories, an author's bio or comments was removed; see what was removed"
)

// minArticleWords: a page that keeps fewer words than this has no article to speak of.
const minArticleWords = 25

// minProseWords is how much prose a page needs before an extraction that keeps little of it
// counts as a failure (and is retried).
const minProseWords = 100

// tooLittle reports an extraction that kept much less than the page's best candidate.
func tooLittle(kept, want int) bool {
	return want >= minProseWords && kept*3 < want
}

func newExtractor(opts Options, relax int) *extractor {
	return &extractor{info: map[*html.Node]*nodeInfo{}, hits: map[string]uint32{}, fragment: opts.Fragment,
		headlineAt: -1, relax: relax, url: opts.URL, off: opts.Off}
}

// on reports a rule not switched off.
func (e *extractor) on(rule string) bool { return !e.off[rule] }

// remove lists text as removed by the rule.
func (e *extractor) remove(text, rule string) { e.b.Remove(text, reasonOf(rule), rule) }

// run is one pass over the parsed page.
func (e *extractor) run(root *html.Node) *doc.Doc {
	e.meta = readMetadata(root)
	base := e.url
	if base == "" {
		base = e.meta.url
	}
	if u, err := url.Parse(base); err == nil && u.IsAbs() {
		e.base = u
	}
	e.classifyAll(root)
	if e.second == nil {
		e.keepProse(root)
	}
	e.measure(root, false)
	sched.Yield()
	body := findBody(root)
	roots := e.roots
	if roots == nil {
		roots = e.pickContent(body)
	}
	for _, n := range roots {
		e.info[n].content = true
		for p := n.Parent; p != nil; p = p.Parent {
			e.get(p).hasContent = true
		}
	}
	e.title = e.meta.title
	sched.Yield()
	e.emit(root, false)
	e.flush()
	d := e.b.Doc()
	d.Title, d.Byline, d.Published = e.title, e.meta.byline, e.meta.published
	if !e.fragment {
		e.tidyHead(d)
		e.tidyTail(d)
	}
	return d
}

// expectedWords is how many words the page's best candidate for the article holds: its largest
// container of prose paragraphs, its itemprop=articleBody, its JSON-LD articleBody, or (for pages
// written without paragraphs, in table cells and line breaks) its largest run of unlinked text.
func (e *extractor) expectedWords() int {
	return max(e.proseWords, textutil.WordCount(e.meta.articleBody), e.largestOwnText)
}

// ownText measures the text an element holds outside its block-level children, unlinked, and
// keeps the largest such run in e.largestOwnText (in words).
func (e *extractor) ownText(n *html.Node) {
	var words, linked int
	var walk func(c *html.Node, inLink bool)
	walk = func(c *html.Node, inLink bool) {
		switch c.Type {
		case html.TextNode:
			w := textutil.WordCount(c.Data)
			words += w
			if inLink {
				linked += w
			}
		case html.ElementNode:
			if c.Namespace != "" || silentTags[c.Data] || formControls[c.DataAtom] {
				return // a form control's text (a select's 1,900 options) is no prose
			}
			if info := e.info[c]; info != nil && (info.silent || e.notCandidate(c, info)) {
				return
			}
			if blockTags[c.DataAtom] && c != n {
				e.ownText(c)
				return
			}
			for k := c.FirstChild; k != nil; k = k.NextSibling {
				walk(k, inLink || c.DataAtom == atom.A)
			}
		}
	}
	walk(n, false)
	if unlinked := words - linked; linked*2 < words && unlinked > e.largestOwnText {
		e.largestOwnText = unlinked
	}
}

// formControls hold text a reader picks from, not reads.
var formControls = map[atom.Atom]bool{atom.Select: true, atom.Option: true, atom.Optgroup: true, atom.Datalist: true, atom.Button: true}

// blockTags are the elements whose text stands apart from their parent's.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Td: true, atom.Th: true, atom.Li: true, atom.Table: true, atom.Tr: true,
	atom.Tbody: true, atom.Section: true, atom.Article: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dd: true, atom.Dt: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Blockquote: true, atom.Pre: true, atom.Form: true, atom.Header: true, atom.Footer: true,
	atom.Nav: true, atom.Aside: true, atom.Main: true, atom.Body: true, atom.Center: true, atom.Figure: true,
}

// names returns the name lists hit by an element's class and id (nameHits), once per distinct
// pair in the page: a page repeats a few class names on thousands of elements.
func (e *extractor) names(n *html.Node) uint32 {
	key := attr(n, "class")
	if id := attr(n, "id"); id != "" {
		key += " " + id
	}
	hits, ok := e.hits[key]
	if !ok {
		hits = nameHits(key)
		e.hits[key] = hits
	}
	return hits
}

// infoSlab is how many nodeInfos get allocates at once. A page has thousands of elements, and in
// WebAssembly every allocation is paid for again by the collector.
const infoSlab = 256

func (e *extractor) get(n *html.Node) *nodeInfo {
	i := e.info[n]
	if i == nil {
		if len(e.slab) == cap(e.slab) {
			e.slab = make([]nodeInfo, 0, infoSlab)
		}
		e.slab = e.slab[:len(e.slab)+1]
		i = &e.slab[len(e.slab)-1]
		e.info[n] = i
	}
	return i
}

func findBody(root *html.Node) *html.Node {
	var found *html.Node
	walkElements(root, func(n *html.Node) bool {
		if n.DataAtom == atom.Body {
			found = n
			return false
		}
		return found == nil
	})
	if found == nil {
		return root
	}
	return found
}

// walkElements visits element nodes depth-first; visit returns false to skip the children.
func walkElements(n *html.Node, visit func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if visit(c) {
				walkElements(c, visit)
			}
		} else if c.Type == html.DocumentNode {
			walkElements(c, visit)
		}
	}
}

// classifyAll marks every element silent (never text) or boilerplate, with why.
func (e *extractor) classifyAll(root *html.Node) {
	walkElements(root, func(n *html.Node) bool {
		info := e.get(n)
		info.silent, info.reason = e.classify(n)
		if isFormField(n) {
			for p, k := n.Parent, 0; p != nil && k < fieldDepth; p, k = p.Parent, k+1 {
				e.get(p).field = true
			}
		}
		return !info.silent
	})
}

// hiddenClass reports a class list that hides the element on every screen.
func hiddenClass(class string) bool {
	hidden := false
	for _, c := range strings.Fields(class) {
		switch strings.ToLower(c) {
		case "hidden", "hide", "d-none", "is-hidden", "u-hidden":
			hidden = true
			continue
		}
		if strings.Contains(c, ":") || strings.HasPrefix(c, "d-") || strings.HasPrefix(c, "visible") {
			return false
		}
	}
	return hidden
}

// isFormField reports a control a reader fills in: any input but a hidden one (a text box, a
// check box, a rating's radio buttons, a submit button) or a textarea. Not a select: a forum's
// "jump to post" list sits in each post's header.
func isFormField(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Textarea:
		return true
	case atom.Input:
		return strings.ToLower(attr(n, "type")) != "hidden"
	}
	return false
}

// keepProse un-flags boilerplate verdicts on the way to the article: the element holding the most
// prose paragraphs as direct children, and any element the page marks as the article body. A
// class name like "elementor-widget" or "promo-wrapper" on their ancestors must not drop the
// article. Their other parts are still judged on their own.
func (e *extractor) keepProse(root *html.Node) {
	var best, shown *html.Node
	bestProse, shownProse := 0, 0
	var marked []*html.Node
	e.prose(root, func(n *html.Node, direct int) {
		if direct > bestProse {
			best, bestProse = n, direct
		}
		if direct > shownProse && !e.hiddenFrom(n) {
			shown, shownProse = n, direct
		}
		if attr(n, "itemprop") == "articleBody" || articleBodyHint.in(e.names(n)) {
			marked = append(marked, n)
		}
	})
	if best != shown && shownProse*2 >= bestProse && e.on("hidden-copy") {
		// the densest prose is hidden and the page shows a copy of it (a print or mobile
		// version kept in the page): the shown one is the article, the hidden stays hidden
		best, bestProse = shown, shownProse
	}
	if bestProse >= minProseKept && !footerVerdict(e.info[best]) {
		marked = append(marked, best)
	}
	if best != nil {
		e.proseWords = e.candidateWords(best)
	}
	if b := findBody(root); b != nil {
		e.ownText(b)
	}
	for _, n := range marked {
		e.proseWords = max(e.proseWords, e.candidateWords(n))
	}
	for _, n := range marked {
		for p := n; p != nil; p = p.Parent {
			if info := e.info[p]; info != nil && !info.silent {
				info.reason = ""
			}
		}
	}
}

// hiddenFrom reports an element the page hides, or one inside a hidden element.
func (e *extractor) hiddenFrom(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if i := e.info[p]; i != nil && i.reason == "hidden" {
			return true
		}
	}
	return false
}

// candidateWords counts the words below n the safety net weighs: not those of a comment thread
// nested in the best container (notCandidate), which no relaxed pass should bring back.
func (e *extractor) candidateWords(n *html.Node) int {
	words := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			words += textutil.WordCount(n.Data)
		case html.ElementNode:
			if info := e.info[n]; n.Namespace != "" || silentTags[n.Data] || info != nil && (info.silent || e.notCandidate(n, info)) {
				return
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	walk(n)
	return words
}

// footerVerdict reports an element judged a page footer: its prose is never the article.
func footerVerdict(info *nodeInfo) bool {
	if info == nil {
		return false
	}
	switch info.reason {
	case "class-footer", "tag-footer", "role-contentinfo":
		return true
	}
	return false
}

// prose counts the characters of prose paragraphs (long, sentence-like, few links) below n and
// reports, for every element, the prose of its direct paragraph children.
func (e *extractor) prose(n *html.Node, report func(n *html.Node, direct int)) int {
	if n.Type != html.ElementNode && n.Type != html.DocumentNode {
		return 0
	}
	if info := e.info[n]; info != nil && (info.silent || e.notCandidate(n, info)) {
		return 0
	}
	if n.DataAtom == atom.P {
		text, linked := textAndLinks(n)
		if len(text) >= proseParagraph && linked*3 < len(text) && strings.ContainsAny(text, ".!?。") {
			return len(text)
		}
		return 0
	}
	sum, direct := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		k := e.prose(c, report)
		sum += k
		if c.DataAtom == atom.P {
			direct += k
		}
	}
	if n.Type == html.ElementNode {
		report(n, direct)
	}
	return sum
}

// notCandidate reports an element the safety net's best candidate leaves out, whatever the pass:
// a comment thread holds text, often more than the article, that is never it. Not a wrapper of
// the whole page (body, main, or a tag HTML does not know), whose name may carry a post's slug
// ("read-comments-on-mobile-web").
func (e *extractor) notCandidate(n *html.Node, info *nodeInfo) bool {
	switch n.DataAtom {
	case 0, atom.Html, atom.Body, atom.Main:
		return false
	}
	return info.reason == "class-comment" && e.on("net-skips-comments")
}

// textAndLinks returns an element's collapsed text and how many of its bytes are inside links.
func textAndLinks(n *html.Node) (string, int) {
	var sb strings.Builder
	linked := 0
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode {
			t := textutil.Collapse(n.Data)
			if t == "" {
				return
			}
			if sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(t)
			if inLink {
				linked += len(t)
			}
			return
		}
		if n.Type == html.ElementNode && (n.Namespace != "" || silentTags[n.Data]) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink || n.DataAtom == atom.A)
		}
	}
	walk(n, false)
	return sb.String(), linked
}

// measure counts every element's visible and linked characters.
func (e *extractor) measure(n *html.Node, inLink bool) (chars, linkChars int) {
	if n.Type == html.TextNode {
		c := visibleLen(n.Data)
		if inLink {
			return c, c
		}
		return c, 0
	}
	if n.Type != html.ElementNode && n.Type != html.DocumentNode {
		return 0, 0
	}
	info := e.get(n)
	if n.Type == html.ElementNode {
		if info.silent {
			return 0, 0
		}
		inLink = inLink || n.DataAtom == atom.A
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		a, b := e.measure(c, inLink)
		chars += a
		linkChars += b
		if ci := e.info[c]; ci != nil && c.Type == html.ElementNode && ci.reason == "" && !ci.silent {
			info.heads += ci.heads
		}
	}
	info.chars, info.linkChars = chars, linkChars
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if chars > 0 && linkChars*5 >= chars*4 {
			info.heads = 1 // a headline that is a link
		}
	}
	if info.reason != "" {
		return 0, 0 // boilerplate does not count toward its ancestors' text
	}
	return chars, linkChars
}

func visibleLen(s string) int {
	n, space := 0, true
	for _, r := range s {
		if isSpace(r) {
			if !space {
				n++
			}
			space = true
			continue
		}
		space = false
		n++
	}
	return n
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' }

// wordRun splits the start of s (valid UTF-8) into a run of w bytes holding no space (isSpace)
// and the run of sp bytes of spaces after it: writing text a run at a time instead of a rune at
// a time.
func wordRun(s string) (w, sp int) {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			i++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if isSpace(r) {
				break
			}
			i += n
		}
	}
	w = i
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isSpace(r) {
				break
			}
			i += n
		}
	}
	return w, i - w
}

// asciiSpace are the ASCII characters isSpace takes for spaces.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// runeString is s as ranging over it reads it: each byte that is not UTF-8 a U+FFFD.
func runeString(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// classify says whether an element is silent (never text) or boilerplate, and by which rule.
func (e *extractor) classify(n *html.Node) (silent bool, reason string) {
	tag := n.Data
	if n.Namespace != "" { // SVG and MathML
		return true, ""
	}
	if silentTags[tag] {
		return true, ""
	}
	if e.second != nil {
		if e.second.gone[n] || e.second.dropped[n] {
			return false, "second-opinion"
		}
		return false, ""
	}
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	if (hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" ||
		strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") ||
		hiddenClass(attr(n, "class"))) && e.on("hidden") {
		return false, "hidden"
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false, ""
	case atom.Header:
		if !insideArticle(n) && e.relax < noTagVerdicts && e.on("page-header") {
			return false, "page-header"
		}
	}
	if e.relax >= noTagVerdicts && !formControls[n.DataAtom] {
		return false, "" // a page wrapped in a form is read, but never a picker's options
	}
	if r, ok := tagRules[tag]; ok && e.on(r) {
		return false, r
	}
	if e.relax >= noClassVerdicts {
		return false, ""
	}
	role := ""
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "banner", "search", "menubar", "menu":
		role = "role-nav"
	case "complementary":
		role = "role-complementary"
	case "contentinfo":
		role = "role-contentinfo"
	case "dialog", "alertdialog":
		role = "role-dialog"
	}
	if role != "" && e.on(role) {
		return false, role
	}
	hits := e.names(n)
	if iconFont.in(hits) {
		return true, "" // an icon drawn from its name in an icon font: no text to read
	}
	if screenReaderOnly.in(hits) && e.on("screen-reader-only") {
		return false, "screen-reader-only" // a label for screen readers ("Image caption"), not shown on the page
	}
	if hits == 0 || articleHint.in(hits) {
		return false, ""
	}
	for _, cr := range classRules {
		if cr.words.in(hits) && e.on(cr.rule) {
			return false, cr.rule
		}
	}
	return false, ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func insideArticle(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Article || p.DataAtom == atom.Main {
			return true
		}
	}
	return false
}

// pickContent scores containers by the paragraphs they hold and returns the article's roots.
func (e *extractor) pickContent(body *html.Node) []*html.Node {
	if e.fragment {
		return []*html.Node{body}
	}
	var candidates []*html.Node
	// vote gives a paragraph's points to the element holding it and, less and less, to four of
	// that element's ancestors
	vote := func(holder *html.Node, text string) bool {
		chars := utf8.RuneCountInString(text)
		if chars < minParagraphChars {
			return false
		}
		points := 1 + float64(strings.Count(text, ",")+strings.Count(text, "，")+strings.Count(text, "、"))
		points += min(float64(chars/charsPerPoint), maxLengthPoints)
		level := 0
		for p := holder; p != nil && p != body.Parent && level < 5; p = p.Parent {
			pi := e.get(p)
			if !pi.scored {
				pi.scored = true
				pi.score = e.initialScore(p)
				candidates = append(candidates, p)
			}
			pi.score += voteShare(points, level)
			level++
		}
		return true
	}
	walkElements(body, func(n *html.Node) bool {
		info := e.info[n]
		if info == nil || info.silent || info.reason != "" {
			return false
		}
		if !isParagraphLike(n) {
			if e.on("inline-runs") {
				// text written straight into a box beside block children, lines kept apart by
				// <br>: each run between the blocks is a paragraph (Readability wraps them in <p>)
				for _, run := range e.inlineRuns(n) {
					vote(n, run)
				}
			}
			return true
		}
		if n.DataAtom == atom.Td && e.on("cell-votes") && hasBlockChild(n) {
			// a table cell laid out with blocks (a page's column, a section of a long text) votes
			// as Readability scores cells, and the paragraphs in it vote too
			vote(n.Parent, collapsedText(n, e.info))
			return true
		}
		return !vote(n.Parent, collapsedText(n, e.info)) // a paragraph too short to vote may hold one that does
	})
	var top *html.Node
	best := 0.0
	for _, c := range candidates {
		ci := e.info[c]
		ci.score *= 1 - linkDensity(ci)
		if ci.chars < contactMaxChars && e.on("contact-block") && contactBlock(collapsedText(c, e.info)) {
			ci.score -= classWeight // a site's address, telephones and e-mail: its footer, not its article
		}
		if ci.score > best {
			best, top = ci.score, c
		}
	}
	if top == nil {
		return []*html.Node{body}
	}
	// The page's own article body around the top candidate, if not much larger, is the article:
	// it gathers paragraphs a publisher split across sibling containers.
	for p := top.Parent; p != nil && p != body; p = p.Parent {
		if p.Type == html.ElementNode && attr(p, "itemprop") == "articleBody" {
			if pi, ti := e.info[p], e.info[top]; pi != nil && ti != nil && !pi.silent && pi.reason == "" &&
				float64(pi.chars) <= articleBodyGrowth*float64(ti.chars) {
				top = p
			}
			break
		}
	}
	if top.DataAtom == atom.Td && e.on("cell-votes") {
		// a cell is part of a layout: its table is the unit, whose link columns the link-list
		// rule takes out, and beside which an introduction may stand
		for p := top.Parent; p != nil && p != body; p = p.Parent {
			if p.DataAtom == atom.Table {
				top = p
				break
			}
		}
	}
	// A child holding (nearly) all of its parent's text: take the parent, it may hold a headline,
	// a byline and figures. A sidebar beside the article is more than that: at 85 % the parent
	// brought blog sidebars and author boxes in (pool, both halves: 0.98 is +1.9 / +1.8 summed F1).
	for top.Parent != nil && top.Parent != body.Parent && top.Parent.Type == html.ElementNode {
		pi := e.info[top.Parent]
		if pi == nil || pi.chars == 0 || float64(e.info[top].chars)/float64(pi.chars) < loneChildShare || top.Parent == body {
			break
		}
		top = top.Parent
	}
	roots := []*html.Node{}
	threshold := max(10, best*siblingThreshold)
	for s := top.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s == top {
			roots = append(roots, s)
			continue
		}
		si := e.info[s]
		if s.Type != html.ElementNode || si == nil || si.silent || si.reason != "" {
			continue
		}
		if si.scored && si.score >= threshold {
			roots = append(roots, s)
			continue
		}
		// a sibling cut from the same cloth: publishers split a body into repeated blocks of one
		// class between figures and videos ("acf-content", "article-body__section")
		if s.DataAtom == top.DataAtom && top.DataAtom != atom.P && attr(s, "class") != "" && attr(s, "class") == attr(top, "class") &&
			si.chars >= siblingProse && linkDensity(si) < 0.25 {
			roots = append(roots, s)
			continue
		}
		if s.DataAtom == atom.Div && isParagraphLike(s) && e.on("text-box-sibling") {
			// a box of bare text beside the article's paragraphs (a blog's "read more" part)
			// joins it when it reads as prose
			text := collapsedText(s, e.info)
			if utf8.RuneCountInString(text) > 80 && linkDensity(si) < 0.25 && endsSentence(text) {
				roots = append(roots, s)
			}
			continue
		}
		if s.DataAtom == atom.P {
			text := collapsedText(s, e.info)
			ld := linkDensity(si)
			n := utf8.RuneCountInString(text)
			if (n > 80 && ld < 0.25) || (n > 0 && ld == 0 && endsSentence(text)) {
				roots = append(roots, s)
			}
		}
	}
	return roots
}

// inlineRuns gives the texts of the runs of inline content (text and inline elements) between
// the block children of a box that has block children.
func (e *extractor) inlineRuns(n *html.Node) []string {
	var runs []string
	var sb strings.Builder
	blocks := false
	end := func() {
		if t := textutil.Collapse(sb.String()); t != "" {
			runs = append(runs, t)
		}
		sb.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			sb.WriteString(c.Data)
		case html.ElementNode:
			if isBlock(c.DataAtom) {
				blocks = true
				end()
				continue
			}
			if i := e.info[c]; i != nil && (i.silent || i.reason != "") {
				continue
			}
			sb.WriteByte(' ')
			sb.WriteString(collapsedText(c, e.info))
			sb.WriteByte(' ')
		}
	}
	end()
	if !blocks {
		return nil
	}
	return runs
}

// voteShare is the part of a paragraph's points that goes to the ancestor level steps above its
// holder: all to the holder, half to its parent, a third of that per step beyond (Readability's).
func voteShare(points float64, level int) float64 {
	switch level {
	case 0:
		return points
	case 1:
		return points / 2
	}
	return points / float64(level*3)
}

// tagScore is Readability's first score for a candidate, by its tag.
func tagScore(a atom.Atom) float64 {
	switch a {
	case atom.Div:
		return 5
	case atom.Pre, atom.Td, atom.Blockquote:
		return 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		return -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		return -5
	}
	return 0
}

func (e *extractor) initialScore(n *html.Node) float64 {
	s := tagScore(n.DataAtom)
	switch n.DataAtom {
	case atom.Article, atom.Main, atom.Section:
		s = 5 // scored as a div
	}
	hits := e.names(n)
	if articleHint.in(hits) {
		s += classWeight
	} else if e.on("class-weights") && postHint.in(hits) {
		s += classWeight
	}
	if e.on("class-weights") && weakHint.in(hits) {
		s -= classWeight
	}
	if n.DataAtom == atom.Article || attr(n, "itemprop") == "articleBody" {
		s += classWeight
	}
	return s
}

func linkDensity(i *nodeInfo) float64 {
	if i.chars == 0 {
		return 0
	}
	return float64(i.linkChars) / float64(i.chars)
}

func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return isSpace(r) || strings.ContainsRune("\"'”’)", r) })
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// isParagraphLike reports elements whose own text votes for their ancestors.
func isParagraphLike(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Td, atom.Blockquote, atom.Li, atom.Dd:
		return true
	case atom.Div, atom.Section, atom.Span:
		// a div with text of its own and no block children acts as a paragraph
		return !hasBlockChild(n) && n.DataAtom != atom.Span
	}
	return false
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlock(c.DataAtom) {
			return true
		}
	}
	return false
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer,
		atom.Aside, atom.Nav, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre,
		atom.Figure, atom.Figcaption, atom.Table, atom.Tr, atom.Td, atom.Th, atom.Thead,
		atom.Tbody, atom.Tfoot, atom.Caption, atom.Hr, atom.Address, atom.Details, atom.Summary,
		atom.Form, atom.Fieldset, atom.Center, atom.Hgroup:
		return true
	}
	return false
}

// collapsedText is the node's visible text with whitespace collapsed, skipping boilerplate.
func collapsedText(n *html.Node, info map[*html.Node]*nodeInfo) string {
	return visibleText(n, func(c *html.Node) bool {
		i := info[c]
		return i != nil && (i.silent || i.reason != "")
	})
}

// fullText is all visible text of a subtree, for removed entries (boilerplate included).
func fullText(n *html.Node) string {
	return visibleText(n, func(c *html.Node) bool { return c.Namespace != "" || silentTags[c.Data] })
}

// visibleText is a subtree's text with whitespace collapsed and block elements kept apart by a
// space; skip leaves out elements below n with their subtrees.
func visibleText(n *html.Node, skip func(*html.Node) bool) string {
	var sb strings.Builder
	space := true
	sep := func() {
		if !space {
			sb.WriteByte(' ')
			space = true
		}
	}
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, top bool) {
		switch n.Type {
		case html.TextNode:
			s := n.Data
			if !utf8.ValidString(s) {
				s = runeString(s)
			}
			for s != "" {
				w, sp := wordRun(s)
				if w > 0 {
					sb.WriteString(s[:w])
					space = false
				}
				if sp > 0 {
					sep()
				}
				s = s[w+sp:]
			}
			return
		case html.ElementNode:
			if !top && skip(n) {
				return
			}
			if isBlock(n.DataAtom) || n.DataAtom == atom.Br {
				sep()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, false)
		}
		if n.Type == html.ElementNode && isBlock(n.DataAtom) {
			sep() // "Related stories" + "Another story" stay two words
		}
	}
	walk(n, true)
	return strings.TrimSpace(sb.String())
}
