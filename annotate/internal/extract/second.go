package extract

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/textutil"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A second opinion: Readability's own reading of the page (Mozilla Readability.js, Apache-2.0,
// as readeck's go-readability ports it), done over the same parsed page without changing it.
// It removes what Readability removes before scoring (hidden elements, class and id names it
// finds unlikely, menus by role), scores paragraphs into their ancestors, takes the top
// candidate with its siblings, and cleans that as Readability does (a box of links, a form, a
// box of pictures goes). The extractor asks it two questions (secondReading): does the page hold
// an article that contains ours and is much longer? On such pages our own verdicts took a blog's
// comment thread, an article's link lists or its second column for boilerplate where the
// benchmarks' readers kept them. And where we find no article, does it find one?

// Readability's class and id patterns, as words any name may contain (its regular expressions
// are alternations of substrings, matched without case; Go's regexp is slow on them).
var (
	rdUnlikely = rdWords("-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote")
	rdMaybe    = rdWords("and|article|body|column|content|main|mathjax|shadow")
	rdPositive = rdWords("article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story")
	rdNegative = rdWords("-ad-|hidden|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget")
)

type rdWordList []string

func rdWords(list string) rdWordList { return strings.Split(list, "|") }

// in reports whether a lower-case name contains one of the words.
func (l rdWordList) in(lower string) bool {
	for _, w := range l {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// rdHid is Readability's "hid" as a whole word (^hid$| hid$| hid |^hid ).
func rdHid(lower string) bool {
	for _, f := range strings.Split(lower, " ") {
		if f == "hid" {
			return true
		}
	}
	return false
}

var (
	rdShare   = regexp.MustCompile(`(?i)(\b|_)(share|sharedaddy)(\b|_)`)
	rdAdWords = regexp.MustCompile(`(?i)^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$`)
	rdLoading = regexp.MustCompile(`(?i)^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$`)
)

// rdStats is what Readability counts in a subtree.
type rdStats struct {
	chars, links, commas       float64
	p, img, li, input, embed   int
	headingChars, textishChars float64
	listChars                  float64
	dataTable                  bool
}

func (s *rdStats) add(o rdStats) {
	s.chars += o.chars
	s.links += o.links
	s.commas += o.commas
	s.p += o.p
	s.img += o.img
	s.li += o.li
	s.input += o.input
	s.embed += o.embed
	s.headingChars += o.headingChars
	s.textishChars += o.textishChars
	s.listChars += o.listChars
	s.dataTable = s.dataTable || o.dataTable
}

type readability struct {
	body    *html.Node
	gone    map[*html.Node]bool // removed before scoring
	dropped map[*html.Node]bool // cleaned out of the article
	stats   map[*html.Node]rdStats
	score   map[*html.Node]float64
	scored  []*html.Node
	roots   []*html.Node // the article: the top candidate and its siblings

	unlikelyNames map[string]bool    // names' verdicts, cached
	weights       map[string]float64 // names' weights, cached
}

// SecondOpinion returns the text of the article Readability's reading of the page chooses,
// its words joined by spaces (for scoring the port alone).
func SecondOpinion(src string) string {
	root := parsePage(src)
	if root == nil {
		return ""
	}
	words, _ := secondOpinionWords(root)
	return strings.Join(words, " ")
}

// secondOpinionWords returns the words of Readability's article for the page, and its reading.
func secondOpinionWords(root *html.Node) ([]string, *readability) {
	body := findBody(root)
	if body == nil {
		return nil, nil
	}
	r := &readability{body: body, gone: map[*html.Node]bool{}, dropped: map[*html.Node]bool{}, stats: map[*html.Node]rdStats{}, score: map[*html.Node]float64{}, unlikelyNames: map[string]bool{}, weights: map[string]float64{}}
	r.strip(body, false)
	r.count(body, false)
	r.roots = r.grab()
	var sb bytes.Buffer
	for _, n := range r.roots {
		r.walk(n, false, &sb, false)
		sb.WriteByte(' ')
	}
	return strings.Fields(sb.String()), r
}

// secondGrowth and secondContained: the second opinion is taken when its article is at least
// twice as long as ours and holds nearly all of our words.
const (
	secondGrowth    = 2
	secondContained = 0.9
	// secondDisjoint: below this share of each reading's words in the other, they chose
	// different parts of the page
	secondDisjoint = 0.3
	// secondFew: when we find no article, Readability's reading of at least this many words
	// is taken (a short page, a picture's caption, a brief)
	secondFew = 10
)

// secondRuleOff are the verdicts the second reading switches off: those that take a box inside
// the article for comments, links or furniture.
var secondRuleOff = []string{"class-comment", "link-list", "class-related", "class-nav", "class-footer",
	"class-meta", "class-share", "class-promo", "class-ad"}

// secondReading reads the page again when Readability finds more than we do, or elsewhere.
// When our article (of at least minProseWords) is less than half as long as Readability's and
// nearly all of it is in there, the page is read from Readability's roots with the verdicts that
// cut boxes out of an article off, unless what Readability adds is mostly a comment thread. When
// we find no article (fewer than minArticleWords), or ours and Readability's share under
// secondDisjoint of their words each way, and Readability's has at least twice minArticleWords
// and is no list of linked headlines (nor, in the second case, a comment thread), the page is
// read from its roots with its verdicts in place of our page-structure rules (what it cleans
// away is removed under "second-opinion"). Nil when none holds, or when the reading keeps no
// more than ours (for the disagreeing case: fewer than minArticleWords).
func secondReading(root *html.Node, opts Options, d *doc.Doc) *doc.Doc {
	ours := strings.Fields(d.Text)
	small := len(ours) < minArticleWords
	theirs, r := secondOpinionWords(root)
	if r == nil || len(theirs) < secondGrowth*minArticleWords && !(small && len(theirs) >= secondFew && !opts.Off["second-few"]) {
		return nil
	}
	comments := !opts.Off["class-comment"] && !opts.Off["second-skips-comments"]
	// elsewhere: the two readings share next to nothing, each a different part of the page
	elsewhere := !small && !opts.Off["second-elsewhere"] && contained(ours, theirs) < secondDisjoint &&
		contained(theirs, ours) < secondDisjoint
	switch {
	case small, elsewhere:
		if r.teasers() >= 2 {
			return nil // a list of stories: no article, as we said
		}
		if len(theirs) < contactMaxChars/5 && !opts.Off["contact-block"] && contactBlock(strings.Join(theirs, " ")) {
			return nil // Readability's is the site's address
		}
		if elsewhere && comments && 2*r.commentWords() > len(theirs) {
			return nil // Readability's is a comment thread
		}
	case len(ours) < minProseWords, len(theirs) < secondGrowth*len(ours), contained(ours, theirs) < secondContained:
		return nil
	case comments && 2*r.commentWords() > len(theirs)-len(ours):
		return nil // what Readability finds beyond ours is mostly a comment thread
	}
	e := newExtractor(opts, strictPass)
	e.roots = r.roots
	off := map[string]bool{}
	for k, v := range opts.Off {
		off[k] = v
	}
	for _, id := range secondRuleOff {
		off[id] = true
	}
	e.off = off
	if small || elsewhere {
		// Readability's cleaning, not only its roots, finds the article there
		e.second = r
	}
	d2 := e.run(root)
	words := textutil.WordCount(d2.Text)
	if e.second != nil && words*2 < len(theirs) && !opts.Off["second-as-is"] {
		// our rules cut most of Readability's article away: its reading is taken as it is
		for _, rule := range Rules {
			off[rule.ID] = true
		}
		e = newExtractor(opts, strictPass)
		e.roots, e.second, e.off = r.roots, r, off
		d3 := e.run(root)
		if n := textutil.WordCount(d3.Text); n > words {
			d2, words = d3, n
		}
	}
	switch {
	case elsewhere && words >= minArticleWords:
		d2.Warnings = append(d2.Warnings, WarnElsewhere)
		return d2
	case words <= len(ours):
		return nil
	case words < minArticleWords:
		d2.Warnings = append(d2.Warnings, WarnNoArticle)
	default:
		d2.Warnings = append(d2.Warnings, WarnRelaxed)
	}
	return d2
}

// commentWords counts the words of Readability's article inside boxes named as comments
// (class-comment's names: Readability spares "commentbody" for its "body").
func (r *readability) commentWords() int {
	k := 0
	for _, root := range r.roots {
		walkElements(root, func(n *html.Node) bool {
			if r.gone[n] || r.dropped[n] {
				return false
			}
			names := attr(n, "class")
			if id := attr(n, "id"); id != "" {
				names += " " + id
			}
			if hits := nameHits(names); hits != 0 && !articleHint.in(hits) && commentNames.in(hits) {
				var sb bytes.Buffer
				r.walk(n, false, &sb, false)
				k += len(strings.Fields(sb.String()))
				return false
			}
			return true
		})
	}
	return k
}

// teasers counts the headings in Readability's article that are links (a list of stories
// gives each story a linked headline).
func (r *readability) teasers() int {
	k := 0
	for _, root := range r.roots {
		walkElements(root, func(n *html.Node) bool {
			if r.gone[n] || r.dropped[n] {
				return false
			}
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				if s := r.stats[n]; s.chars > 0 && s.links >= 0.8*s.chars {
					k++
				}
				return false
			}
			return true
		})
	}
	return k
}

// contained is the share of a's words that b holds, each word as often as it occurs.
func contained(a, b []string) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(textutil.CommonWords(a, b)) / float64(len(a))
}

// strip marks what Readability removes before it scores: scripts and the like, hidden
// elements, unlikely candidates by class and id, and menus and dialogs by role.
func (r *readability) strip(n *html.Node, inTable bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if r.unlikely(c, inTable) {
			r.gone[c] = true
			continue
		}
		r.strip(c, inTable || c.DataAtom == atom.Table || c.DataAtom == atom.Code)
	}
}

func (r *readability) unlikely(n *html.Node, inTable bool) bool {
	if n.Namespace != "" || silentTags[n.Data] {
		return true
	}
	switch n.DataAtom {
	case atom.Script, atom.Noscript, atom.Style, atom.Template, atom.Iframe, atom.Object, atom.Embed,
		atom.Link, atom.Input, atom.Textarea, atom.Select, atom.Button, atom.Aside, atom.Footer:
		return true
	}
	if hasAttr(n, "hidden") {
		return true
	}
	if attr(n, "aria-hidden") == "true" && !strings.Contains(attr(n, "class"), "fallback-image") {
		return true
	}
	if st := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""); strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
		return true
	}
	switch attr(n, "role") {
	case "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog":
		return true
	}
	if inTable || n.DataAtom == atom.Body || n.DataAtom == atom.A {
		return false
	}
	class, id := attr(n, "class"), attr(n, "id")
	if class == "" && id == "" {
		return false
	}
	names := class + " " + id
	v, ok := r.unlikelyNames[names]
	if !ok {
		lower := strings.ToLower(names)
		v = rdUnlikely.in(lower) && !rdMaybe.in(lower)
		r.unlikelyNames[names] = v // a page repeats a few names on thousands of elements
	}
	return v
}

// asParagraph reports an element Readability scores as a paragraph: its scored tags, and a div
// without block children (which it turns into a p).
func asParagraph(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Td, atom.Pre, atom.Section, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	case atom.Div:
		return !hasBlockChild(n)
	}
	return false
}

// count fills r.stats for every element left after strip.
func (r *readability) count(n *html.Node, inLink bool) rdStats {
	return r.walk(n, inLink, nil, false)
}

// walk counts what Readability counts below n. With sb it also writes the text and judges each
// element as Readability's prepArticle does, inner elements first, and a dropped element
// counts for nothing in its ancestors; without it, it records every element's counts.
func (r *readability) walk(n *html.Node, inLink bool, sb *bytes.Buffer, inData bool) rdStats {
	var s rdStats
	mark := 0
	if sb != nil {
		mark = sb.Len()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			k := float64(visibleLen(c.Data))
			s.chars += k
			if inLink {
				s.links += k
			}
			s.commas += float64(strings.Count(c.Data, ",") + strings.Count(c.Data, "，"))
			if sb != nil {
				sb.WriteString(c.Data)
			}
		case html.ElementNode:
			if r.gone[c] {
				continue
			}
			block := isBlock(c.DataAtom) || c.DataAtom == atom.Br
			if sb != nil && block {
				sb.WriteByte(' ')
			}
			link := inLink || c.DataAtom == atom.A
			cs := r.walk(c, link, sb, inData || (c.DataAtom == atom.Table && r.stats[c].dataTable))
			if c.DataAtom == atom.A && !inLink && strings.HasPrefix(attr(c, "href"), "#") {
				cs.links -= 0.7 * cs.chars // an in-page link weighs 0.3
			}
			s.add(cs)
			if sb != nil && block {
				sb.WriteByte(' ')
			}
		}
	}
	if n.Type != html.ElementNode {
		return s
	}
	switch n.DataAtom {
	case atom.Img:
		s.img++
	case atom.Li:
		s.li++
	case atom.Input:
		s.input++
	case atom.Object, atom.Embed, atom.Iframe:
		s.embed++
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		s.headingChars = s.chars
	case atom.Ul, atom.Ol:
		s.listChars = s.chars
	case atom.Table:
		s.dataTable = s.dataTable || isDataTable(n)
	}
	if n.DataAtom == atom.P || (n.DataAtom == atom.Div && !hasBlockChild(n)) {
		s.p++
	}
	switch n.DataAtom {
	case atom.Span, atom.Li, atom.Td, atom.Blockquote, atom.Dl, atom.Div, atom.Img, atom.Ol, atom.P, atom.Pre, atom.Table, atom.Ul:
		s.textishChars = s.chars
	}
	if sb == nil {
		r.stats[n] = s
		return s
	}
	if r.drop(n, s, inData, sb.Bytes()[mark:]) {
		r.dropped[n] = true
		sb.Truncate(mark)
		return rdStats{}
	}
	return s
}

func (r *readability) linkDensity(n *html.Node) float64 {
	s := r.stats[n]
	if s.chars == 0 {
		return 0
	}
	return s.links / s.chars
}

// classWeight is Readability's weight of an element's class and id: -25 for a furniture name,
// +25 for an article name, each.
func (r *readability) classWeight(n *html.Node) float64 {
	w := 0.0
	for _, name := range [2]string{attr(n, "class"), attr(n, "id")} {
		if name == "" {
			continue
		}
		v, ok := r.weights[name]
		if !ok {
			lower := strings.ToLower(name)
			if rdNegative.in(lower) || rdHid(lower) {
				v -= 25
			}
			if rdPositive.in(lower) {
				v += 25
			}
			r.weights[name] = v
		}
		w += v
	}
	return w
}

func (r *readability) initialize(n *html.Node) {
	if _, ok := r.score[n]; ok {
		return
	}
	r.score[n] = tagScore(n.DataAtom) + r.classWeight(n)
	r.scored = append(r.scored, n)
}

// vote gives a paragraph's points to its holder and, less and less, to four more ancestors.
func (r *readability) vote(holder *html.Node, chars, commas float64) {
	if chars < 25 {
		return
	}
	points := 1 + commas + min(float64(int(chars/100)), 3)
	level := 0
	for p := holder; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Html && level < 5; p = p.Parent {
		r.initialize(p)
		r.score[p] += voteShare(points, level)
		level++
	}
}

// grab is Readability's grabArticle: the top candidate and the siblings that go with it.
func (r *readability) grab() []*html.Node {
	walkElements(r.body, func(n *html.Node) bool {
		if r.gone[n] {
			return false
		}
		if asParagraph(n) {
			s := r.stats[n]
			r.vote(n.Parent, s.chars, s.commas)
		} else if n.DataAtom == atom.Div {
			// text between a div's blocks: Readability wraps each run in a p
			var chars, commas float64
			flush := func() {
				r.vote(n, chars, commas)
				chars, commas = 0, 0
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				switch {
				case c.Type == html.TextNode:
					chars += float64(visibleLen(c.Data))
					commas += float64(strings.Count(c.Data, ","))
				case c.Type == html.ElementNode && isBlock(c.DataAtom):
					flush()
				case c.Type == html.ElementNode && !r.gone[c]:
					chars += r.stats[c].chars
					commas += r.stats[c].commas
				}
			}
			flush()
		}
		return true
	})
	var top *html.Node
	best := 0.0
	for _, c := range r.scored {
		r.score[c] *= 1 - r.linkDensity(c)
		if r.score[c] > best {
			best, top = r.score[c], c
		}
	}
	if top == nil || top == r.body {
		return []*html.Node{r.body}
	}
	top = r.alternative(top, best)
	// climb while the parent scores higher, not far below
	last := r.score[top]
	for p := top.Parent; p != nil && p != r.body && p.Type == html.ElementNode; p = p.Parent {
		ps, ok := r.score[p]
		if !ok {
			continue
		}
		if ps < last/3 {
			break
		}
		if ps > last {
			top = p
			break
		}
		last = ps
	}
	for top.Parent != nil && top.Parent != r.body && top.Parent.Type == html.ElementNode && r.elementChildren(top.Parent) == 1 {
		top = top.Parent
	}
	r.initialize(top)
	topScore := r.score[top]
	threshold := max(10, topScore*0.2)
	var roots []*html.Node
	for s := top.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode || r.gone[s] {
			continue
		}
		if s == top {
			roots = append(roots, s)
			continue
		}
		bonus := 0.0
		if c := attr(top, "class"); c != "" && attr(s, "class") == c {
			bonus = topScore * 0.2
		}
		if sc, ok := r.score[s]; ok && sc+bonus >= threshold {
			roots = append(roots, s)
			continue
		}
		if s.DataAtom == atom.P {
			text := visibleText(s, func(c *html.Node) bool { return r.gone[c] })
			ld, n := r.linkDensity(s), r.stats[s].chars
			if (n > 80 && ld < 0.25) || (n < 80 && n > 0 && ld == 0 && (strings.Contains(text, ". ") || strings.HasSuffix(text, "."))) {
				roots = append(roots, s)
			}
		}
	}
	return roots
}

// alternative climbs to the ancestor that at least three near-top candidates share, as
// Readability does when a page splits its article into several boxes.
func (r *readability) alternative(top *html.Node, best float64) *html.Node {
	// Readability looks at the five best candidates only
	var five [5]*html.Node
	for _, c := range r.scored {
		for i := range five {
			if five[i] == nil || r.score[c] > r.score[five[i]] {
				copy(five[i+1:], five[i:len(five)-1])
				five[i] = c
				break
			}
		}
	}
	var alts []*html.Node
	for _, c := range five[1:] {
		if c != nil && c != top && r.score[c] >= 0.75*best {
			alts = append(alts, c)
		}
	}
	if len(alts) < 3 {
		return top
	}
	for p := top.Parent; p != nil && p != r.body; p = p.Parent {
		k := 0
		for _, a := range alts {
			for q := a.Parent; q != nil; q = q.Parent {
				if q == p {
					k++
					break
				}
			}
		}
		if k >= 3 {
			return p
		}
	}
	return top
}

func (r *readability) elementChildren(n *html.Node) int {
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !r.gone[c] {
			k++
		}
	}
	return k
}

// drop is Readability's prepArticle verdict on one element of the article.
func (r *readability) drop(n *html.Node, s rdStats, inData bool, text []byte) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2:
		return r.classWeight(n) < 0
	case atom.Form, atom.Fieldset, atom.Table, atom.Ul, atom.Div:
	default:
		names := attr(n, "class") + " " + attr(n, "id")
		return s.chars < 500 && rdShare.MatchString(names)
	}
	if inData || s.dataTable {
		return false
	}
	names := attr(n, "class") + " " + attr(n, "id")
	if s.chars < 500 && rdShare.MatchString(names) {
		return true
	}
	weight := r.classWeight(n)
	if weight < 0 {
		return true
	}
	if s.commas >= 10 {
		return false
	}
	isList := n.DataAtom == atom.Ul || (s.chars > 0 && s.listChars/s.chars > 0.9)
	if t := bytes.TrimSpace(text); s.chars < 40 && (rdAdWords.Match(t) || rdLoading.Match(t)) {
		return true
	}
	ld := 0.0
	if s.chars > 0 {
		ld = s.links / s.chars
	}
	textDensity, headingDensity := 0.0, 0.0
	if s.chars > 0 {
		textDensity = s.textishChars / s.chars
		headingDensity = s.headingChars / s.chars
	}
	switch {
	case s.img > 1 && float64(s.p)/float64(s.img) < 0.5:
	case !isList && s.li-100 > s.p:
	case s.input > s.p/3:
	case !isList && headingDensity < 0.9 && s.chars < 25 && (s.img == 0 || s.img > 2) && ld > 0:
	case !isList && weight < 25 && ld > 0.2:
	case weight >= 25 && ld > 0.5:
	case s.embed == 1 && s.chars < 75, s.embed > 1:
	case s.img == 0 && textDensity == 0:
	default:
		return false
	}
	return true
}
