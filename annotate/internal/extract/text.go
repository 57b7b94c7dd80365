package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attest-news/attest/annotate/internal/doc"

	"github.com/attest-news/attest/annotate/internal/textutil"
)

// para is one paragraph of a plain-text scrape and what the scorer decided about it.
type para struct {
	text   string
	kind   doc.Kind
	level  int
	list   bool
	reason string // the rule removing it, "" to keep
	title  bool
	fixed  bool // decided by the flattened-page splitter: the scorer leaves it alone
}

var (
	mdHeading  = textutil.Lazy(`^(#{1,6})\s+(.+)$`)
	listMarker = textutil.Lazy(`^\s*(?:[-*•–]|\d{1,3}[.)])\s+(.+)$`)
	blankLine  = textutil.Lazy(`\n[ \t\f\v]*\n`)
	published  = textutil.Lazy(`\b(?:Published|Updated|Posted)(?: on)?:?\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4})`)
)

// Text extracts the article from a plain-text scrape.
func Text(src string, opts Options) *doc.Doc {
	on := func(rule string) bool { return !opts.Off[rule] }
	var b doc.Builder
	paras := splitParagraphs(src)
	var pub string
	if len(paras) > 0 && on("text-scraper-date") {
		if m := scraperDate.FindStringSubmatchIndex(paras[0].text); m != nil {
			pub = paras[0].text[m[2]:m[3]]
			b.Remove(strings.TrimSpace(paras[0].text[:m[1]]), reasonOf("text-scraper-date"), "text-scraper-date")
			paras[0].text = paras[0].text[m[1]:]
		}
	}
	if pub == "" {
		if m := published.FindStringSubmatch(src); m != nil {
			pub = m[1]
		}
	}
	var expanded []para
	for _, p := range paras {
		if isFlattenedPage(p.text) && on("text-flattened") {
			expanded = append(expanded, flattenedPage(p.text, on)...)
			continue
		}
		expanded = append(expanded, p)
	}
	paras = expanded
	classifyParagraphs(paras, on)

	title := ""
	group := 0
	for i, p := range paras {
		switch {
		case p.title:
			// the headline is the title and also the article's first heading: in a text the
			// reader pasted it is part of what they want annotated (names in it are marked)
			title = p.text
			b.Add(doc.Block{Kind: doc.Heading, Level: 1}, p.text, nil)
		case p.reason != "":
			b.Remove(p.text, reasonOf(p.reason), p.reason)
		default:
			blk := doc.Block{Kind: p.kind, Level: p.level}
			if p.list {
				if i == 0 || !paras[i-1].list || paras[i-1].reason != "" {
					group = b.NewGroup()
				}
				blk.Container, blk.Group = doc.UnorderedList, group
			}
			b.Add(blk, p.text, nil)
		}
	}
	d := b.Doc()
	d.Title, d.Published = title, pub
	return d
}

// splitParagraphs splits on blank lines, and on single newlines unless the text is hard-wrapped.
func splitParagraphs(src string) []para {
	chunks := blankLine.Split(src, -1)
	wrapped := isHardWrapped(chunks)
	var out []para
	for _, c := range chunks {
		lines := strings.Split(c, "\n")
		if wrapped {
			if t := textutil.Collapse(c); t != "" {
				out = append(out, para{text: t})
			}
			continue
		}
		for _, l := range lines {
			if t := textutil.Collapse(l); t != "" {
				out = append(out, para{text: t})
			}
		}
	}
	for i := range out {
		if m := mdHeading.FindStringSubmatch(out[i].text); m != nil {
			out[i].text, out[i].kind, out[i].level = m[2], doc.Heading, len(m[1])
		} else if m := listMarker.FindStringSubmatch(out[i].text); m != nil {
			out[i].text, out[i].kind, out[i].list = m[1], doc.ListItem, true
		}
	}
	return out
}

// isHardWrapped spots text wrapped at a fixed width: most chunks span several lines of similar length.
func isHardWrapped(chunks []string) bool {
	multi, lines, long := 0, 0, 0
	for _, c := range chunks {
		ls := strings.Split(strings.TrimSpace(c), "\n")
		if len(ls) > 1 {
			multi++
		}
		for _, l := range ls {
			lines++
			if utf8.RuneCountInString(l) > 100 {
				long++
			}
		}
	}
	return multi*2 > len(chunks) && long*10 < lines && lines >= 2*len(chunks)
}

// classifyParagraphs decides, for each paragraph, keep, title, or a removal reason.
func classifyParagraphs(ps []para, on func(string) bool) {
	isProse := func(p para) bool {
		w := textutil.WordCount(p.text)
		return p.fixed || w >= 12 && strings.ContainsAny(p.text, ".!?”\"") || w >= 3 && endsSentence(p.text)
	}
	firstProse, lastProse := -1, -1
	for i, p := range ps {
		if isProse(p) {
			if firstProse < 0 {
				firstProse = i
			}
			lastProse = i
		}
	}
	for i := range ps {
		p := &ps[i]
		words := textutil.WordCount(p.text)
		switch {
		case p.reason != "" || p.fixed:
		case words <= 6 && shareLine.MatchString(p.text) && on("text-share-line"):
			p.reason = "text-share-line"
		case words <= 6 && i > firstProse && firstProse >= 0 && relatedHeader.MatchString(p.text) && on("text-related-list"):
			p.reason = "text-related-list"
			for j := i + 1; j < len(ps); j++ {
				if ps[j].reason == "" {
					ps[j].reason = "text-related-list"
				}
			}
		case i < firstProse && !anyTitle(ps[:i]) && (isTitleLine(p.text) && p.kind != doc.ListItem || p.kind == doc.Heading && p.level == 1):
			p.title = true
		case strings.HasSuffix(p.text, ")") && words <= 60 && captionCredit.MatchString(p.text) && on("text-caption"):
			p.reason = "text-caption"
			if i > 0 && ps[i-1].reason == "" && !ps[i-1].title && !isProse(ps[i-1]) &&
				textutil.WordCount(ps[i-1].text) <= 12 && !endsSentence(ps[i-1].text) {
				ps[i-1].reason = "text-caption" // the image's alt text above its caption
			}
		case words <= 40 && footerLine.MatchString(p.text) && on("text-footer-line"):
			p.reason = "text-footer-line"
		default:
			// a reader who pastes text has chosen it: only what is clearly not the article goes
			if r := lineBoilerplate(p.text, 0); r != "" && on(r) {
				p.reason = r
			} else if words >= 3 && isAllCaps(p.text) && appPromo.MatchString(p.text) && on("text-caps-promo") {
				p.reason = "text-caps-promo" // "DOWNLOAD THE APP FOR BREAKING NEWS"
			} else if words >= 6 && isAllCaps(p.text) && !strings.HasSuffix(p.text, ".") && i > firstProse && i < lastProse && on("text-caps-teaser") {
				p.reason = "text-caps-teaser" // a linked headline between paragraphs, its link lost in the copy
			} else if (i < firstProse || i > lastProse) && !isProse(*p) && p.kind != doc.Heading && p.kind != doc.ListItem && on("text-edge-furniture") {
				if r := textFurniture.furniture(p.text, words, p.kind); textEdgeRules[r] && on(r) {
					p.reason = r // a credit, a sign-up box, a call to action around the article
				}
			}
		}
	}
}

func anyTitle(ps []para) bool {
	for _, p := range ps {
		if p.title {
			return true
		}
	}
	return false
}

// isTitleLine: a headline is short and does not end like a sentence.
func isTitleLine(s string) bool {
	w := textutil.WordCount(s)
	return w >= 3 && w <= 25 && !endsSentence(s) && !strings.HasSuffix(s, ":")
}

// isFlattenedPage spots a whole page run into one line: very long, almost no sentence punctuation.
func isFlattenedPage(s string) bool {
	if len(s) < 3000 {
		return false
	}
	words := textutil.WordCount(s)
	punct := strings.Count(s, ". ") + strings.Count(s, ", ") + strings.Count(s, "? ")
	return punct*100 < words
}

// flattenedPage finds the article inside a flattened page: the longest stretch where lower-case
// words are common (menus and footers are runs of capitalised link labels), split at all-caps
// promo headlines and photo captions.
func flattenedPage(s string, on func(string) bool) []para {
	toks := strings.Fields(s)
	const window = 40
	lower := make([]float64, len(toks))
	for i, t := range toks {
		r, _ := utf8.DecodeRuneInString(t)
		if unicode.IsLower(r) {
			lower[i] = 1
		}
	}
	// smoothed share of lower-case words around each token
	dens := make([]float64, len(toks))
	sum := 0.0
	for i := range toks {
		sum += lower[i]
		if i >= window {
			sum -= lower[i-window]
		}
		if i >= window-1 {
			dens[i-window/2] = sum / window
		}
	}
	bestStart, bestEnd, start := 0, 0, -1
	for i := 0; i <= len(toks); i++ {
		in := i < len(toks) && dens[i] >= 0.35
		if in && start < 0 {
			start = i
		}
		if !in && start >= 0 {
			if i-start > bestEnd-bestStart {
				bestStart, bestEnd = start, i
			}
			start = -1
		}
	}
	if bestEnd-bestStart < 50 {
		return []para{{text: s}}
	}
	// the edges: where a run of capitalised menu labels ends and starts again
	bestStart = edgeAfterCapsRun(toks, max(0, bestStart-window/2), min(len(toks), bestStart+window/2), bestStart)
	bestEnd = edgeBeforeCapsRun(toks, max(0, bestEnd-window/2), min(len(toks), bestEnd+window/2), bestEnd)
	var out []para
	if bestStart > 0 {
		out = append(out, para{text: strings.Join(toks[:bestStart], " "), reason: "text-flattened-nav"})
	}
	if lede := ledeAfterVideo(toks, bestStart, bestEnd); lede > bestStart {
		out = append(out, para{text: strings.Join(toks[bestStart:lede], " "), reason: "text-video-label", fixed: true})
		bestStart = lede
	}
	end := bestEnd
	if k := afterClosingCredit(toks, bestStart, bestEnd); k > 0 {
		end = k
	}
	out = append(out, splitFlattenedArticle(toks[bestStart:end], on)...)
	if end < bestEnd {
		out = append(out, para{text: strings.Join(toks[end:bestEnd], " "), reason: "text-closing-credit", fixed: true})
	}
	if bestEnd < len(toks) {
		out = append(out, para{text: strings.Join(toks[bestEnd:], " "), reason: "text-flattened-footer"})
	}
	return out
}

const capsRun = 6 // this many capitalised words in a row are menu labels, not prose

// ledeAfterVideo: a video player's label ("close Video", "Video", "WATCH") opening the article
// span is followed by the clip's title and blurb, up to the lede. The lede is found as the first
// echo, within 60 words, of the page's first two words (its headline, as the page title opens
// the scrape). Returns start when there is no such player or no echo.
func ledeAfterVideo(toks []string, start, end int) int {
	i := start
	if i < end && strings.EqualFold(toks[i], "close") {
		i++
	}
	if i >= end || !(toks[i] == "Video" || toks[i] == "VIDEO" || toks[i] == "WATCH") || len(toks) < 2 {
		return start
	}
	for k := i + 3; k+1 < min(end, i+60); k++ {
		if strings.EqualFold(toks[k], toks[0]) && strings.EqualFold(toks[k+1], toks[1]) {
			return k
		}
	}
	return start
}

// afterClosingCredit finds the line that closes a news story, "X contributed (to this)
// report(ing)", in the last third of the article span, and returns the index after it; what
// follows is the author's bio and the page's topic links. Returns 0 when there is none.
func afterClosingCredit(toks []string, start, end int) int {
	for k := end - 1; k > start+2*(end-start)/3; k-- {
		if !strings.EqualFold(toks[k], "contributed") {
			continue
		}
		for j := k + 1; j < min(end, k+4); j++ {
			if t := strings.ToLower(strings.TrimRight(toks[j], ".")); t == "report" || t == "reporting" {
				return j + 1
			}
		}
	}
	return 0
}

func capitalised(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// edgeAfterCapsRun returns the index after the last run of capitalised words in [lo, hi).
func edgeAfterCapsRun(toks []string, lo, hi, fallback int) int {
	edge, run := fallback, 0
	for i := lo; i < hi; i++ {
		if capitalised(toks[i]) {
			run++
			if run >= capsRun {
				edge = i + 1
			}
			continue
		}
		run = 0
	}
	return edge
}

// edgeBeforeCapsRun returns the start of the first run of capitalised words in [lo, hi).
func edgeBeforeCapsRun(toks []string, lo, hi, fallback int) int {
	run := 0
	for i := lo; i < hi; i++ {
		if capitalised(toks[i]) {
			run++
			if run >= capsRun {
				return i - run + 1
			}
			continue
		}
		run = 0
	}
	return fallback
}

// splitFlattenedArticle cuts all-caps promo runs and "… AP Images" captions out of the article span.
func splitFlattenedArticle(toks []string, on func(string) bool) []para {
	var out []para
	cur := 0
	flush := func(end int) {
		if end > cur {
			out = append(out, para{text: strings.Join(toks[cur:end], " "), fixed: true})
		}
	}
	for i := 0; i < len(toks); {
		// an all-caps run of four or more words is a promo headline
		j := i
		for j < len(toks) && isCapsWord(toks[j]) {
			j++
		}
		if j-i >= 4 && on("text-caps-promo") {
			flush(i)
			text := strings.Join(toks[i:j], " ")
			rule := "text-caps-promo"
			if appPromo.MatchString(text) {
				rule = "app-promo-line"
			}
			out = append(out, para{text: text, reason: rule, fixed: true})
			cur, i = j, j
			continue
		}
		if i+1 < len(toks) && toks[i+1] == "Images" && (toks[i] == "AP" || toks[i] == "Getty" || toks[i] == "Reuters") && on("text-agency-caption") {
			start := captionStart(toks, cur, i)
			flush(start)
			out = append(out, para{text: strings.Join(toks[start:i+2], " "), reason: "text-agency-caption", fixed: true})
			cur, i = i+2, i+2
			continue
		}
		i++
	}
	flush(len(toks))
	return out
}

// captionStart walks back from a photo credit to the capitalised name that opens the caption.
func captionStart(toks []string, floor, credit int) int {
	start := credit
	for k := credit - 1; k >= floor && credit-k <= 16; k-- {
		r, _ := utf8.DecodeRuneInString(toks[k])
		if unicode.IsUpper(r) && (k == floor || !isUpperStart(toks[k-1])) {
			start = k
		}
	}
	return start
}

func isUpperStart(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

func isCapsWord(t string) bool {
	letters := 0
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 || t == "A" || t == "I"
}

// textEdgeRules are the furniture rules that hold in pasted text; datelines, bylines, contact
// lines and addresses are part of what a reader selected.
var textEdgeRules = map[string]bool{"credit-line": true, "ui-label": true, "newsletter": true, "browser-notice": true,
	"affiliate-notice": true, "call-to-action": true}

// textFurniture reads lines around a pasted article with the page furniture rules; a plain
// extractor has no page metadata, so dates and bylines are read by their wording alone.
var textFurniture = &extractor{}
