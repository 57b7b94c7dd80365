package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/attest-news/attest/annotate/internal/doc"

	"github.com/attest-news/attest/annotate/internal/textutil"
)

// The head of an article — everything before its first paragraph of prose — carries page
// furniture the body must not repeat: the section kicker above the headline, the headline
// itself, the standfirst, byline and date lines. The headline and standfirst become metadata;
// the rest is listed as removed.

// summaryLabel heads a list of key points above an article.
var summaryLabel = textutil.Lazy(`(?i)^(?:key points|highlights|key takeaways|takeaways|in brief|at a glance|summary|tl;?dr)\s*:?$`)

// dekWords are class/id words of a standfirst (the summary under a headline).
var dekWords = words("dek|deck|standfirst|sub-?head|sub-?headline|sub-?title|subtitle|strapline|summary|article-?summary|excerpt|description")

// isDek reports an element, or its parent, naming itself a standfirst.
func (e *extractor) isDek(n *html.Node) bool { return e.namedSelfOrParent(n, dekWords, "description") }

// isCaption reports an element, or its parent, naming itself a caption.
func (e *extractor) isCaption(n *html.Node) bool { return e.namedSelfOrParent(n, captionWords, "") }

// namedSelfOrParent reports an element, or its parent, with one of w's words in its class or id,
// or with the itemprop prop when prop is not empty.
func (e *extractor) namedSelfOrParent(n *html.Node, w nameWords, prop string) bool {
	for k := 0; k < 2 && n != nil && n.Type == html.ElementNode; k, n = k+1, n.Parent {
		if prop != "" && attr(n, "itemprop") == prop || w.in(e.names(n)) {
			return true
		}
	}
	return false
}

const (
	proseMinWords  = 10 // a paragraph this long that is not a date, byline or standfirst starts the body
	proseMinRunes  = 60 // the same in a script written without spaces
	kickerMaxWords = 8  // a line above the headline this short is a section label or breadcrumb
)

// isProse reports a paragraph long enough to be article text.
func isProse(s string) bool {
	words, runes := textutil.WordCount(s), utf8.RuneCountInString(s)
	return words >= proseMinWords || runes >= proseMinRunes && words*20 < runes
}

// tidyHead takes the furniture out of the article's head (see above).
// verdict is a Drop verdict removing by the rule.
func (e *extractor) verdict(rule string) doc.Verdict {
	return doc.Verdict{Reason: reasonOf(rule), Rule: rule}
}

func (e *extractor) tidyHead(d *doc.Doc) {
	body := -1
	for i, b := range d.Blocks {
		s := d.Text[b.Start:b.End]
		if b.Kind == doc.Paragraph && b.Container != doc.Figure && !e.dek[i] && isProse(s) && !e.dateOrByline(s) {
			body = i
			break
		}
	}
	if body <= 0 {
		return
	}
	reasons := make([]doc.Verdict, len(d.Blocks))
	headline := e.headlineAt
	changed := false
	for i := 0; i < body; i++ {
		b := d.Blocks[i]
		s := d.Text[b.Start:b.End]
		if reasons[i].Reason != "" {
			continue
		}
		switch {
		case b.Kind == doc.Caption:
			continue // a lead picture's caption is part of the article
		case summaryLabel.MatchString(s) && e.on("head-label"):
			// "Key Points" and the list under it: the summary, in points
			var points []string
			for j := i + 1; j < body && d.Blocks[j].Kind == doc.ListItem; j++ {
				points = append(points, d.Text[d.Blocks[j].Start:d.Blocks[j].End])
				reasons[j] = doc.Verdict{Reason: doc.Silent}
			}
			reasons[i] = e.verdict("head-label") // a label over nothing
			if len(points) > 0 {
				reasons[i] = doc.Verdict{Reason: doc.Silent}
				if d.Summary != "" {
					d.Summary += "\n"
				}
				d.Summary += strings.Join(points, "\n")
			}
		case b.Kind == doc.Heading && headline < 0 && (b.Level == 1 || b.Level == 2 && e.titleLike(s)):
			headline = i
			switch {
			case d.Title == "" || e.titleLike(s):
				d.Title = s // the headline as the page shows it
				reasons[i] = doc.Verdict{Reason: doc.Silent}
			case e.on("head-heading"):
				reasons[i] = e.verdict("head-heading") // a heading the metadata does not call the headline is listed
			default:
				continue
			}
		case d.Summary == "" && (e.dek[i] && b.Kind == doc.Heading || (e.dek[i] || b.Kind == doc.Heading) && e.descriptionLike(s)):
			reasons[i] = doc.Verdict{Reason: doc.Silent}
			d.Summary = s
		case e.dateOrByline(s) && e.on("head-byline"):
			reasons[i] = e.verdict("head-byline")
		default:
			continue
		}
		changed = true
	}
	for i := 0; i < min(headline, body); i++ {
		b := d.Blocks[i]
		if reasons[i].Reason == "" && b.Kind != doc.Caption && b.Image == nil &&
			textutil.WordCount(d.Text[b.Start:b.End]) <= kickerMaxWords && e.on("head-kicker") {
			reasons[i] = e.verdict("head-kicker") // a section label or breadcrumb above the headline
			changed = true
		}
	}
	if changed {
		d.Drop(reasons)
	}
}

// titleLike reports a heading that says what the page's metadata headline says: most of the
// words of the one are words of the other, or the heading opens the title ("Headline - Site").
func (e *extractor) titleLike(s string) bool {
	ns := normWords(s)
	for _, t := range append([]string{e.meta.title}, e.meta.titles...) {
		if t == "" {
			continue
		}
		if nt := normWords(t); wordOverlap(s, t) >= 0.6 || len(ns) >= 4 && strings.HasPrefix(nt, ns) && 2*len(ns) >= len(nt)-len(ns) {
			return true
		}
	}
	return false
}

// normWords is s in lower case with every run of non-letters, non-digits made one space.
func normWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// descriptionLike reports a block that is the page's summary, as its metadata gives it.
func (e *extractor) descriptionLike(s string) bool {
	for _, t := range e.meta.descriptions {
		if t != "" && wordOverlap(s, t) >= 0.8 {
			return true
		}
	}
	return false
}

// wordOverlap is the share of the longer text's distinct words the other has too.
func wordOverlap(a, b string) float64 {
	wa, wb := wordSet(a), wordSet(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	return float64(common) / float64(max(len(wa), len(wb)))
}

func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(normWords(s)) {
		set[w] = true
	}
	return set
}

// dateOrByline reports a line that only dates or signs the article: "Updated Nov. 19, 2019 8:21
// am ET", "Published 1 day ago", "By Jane Doe and John Roe", "November 12, 2018 | BY: Beachbody".
func (e *extractor) dateOrByline(s string) bool {
	toks := lineTokens(s)
	if len(toks) == 0 || len(toks) > 24 {
		return false
	}
	author := wordSet(e.meta.byline)
	dated, by, named, other := false, false, 0, 0
	for _, t := range toks {
		lower := strings.ToLower(t)
		switch {
		case dateWords[lower] == 'm' || dateWords[lower] == 'a' || isNumberToken(t):
			dated = true
		case dateWords[lower] == 'f':
		case lower == "by":
			by = true
		case author[lower]:
			named++
		case isNameWord(t):
			named++
			if !by {
				other++ // a capitalised word only counts as a name after "by"
			}
		default:
			other++
		}
	}
	switch {
	case other > 0:
		return false
	case by:
		return named <= 8
	default:
		return dated || named > 0 && named == len(author)
	}
}

// lineTokens splits a line into words and numbers, also where a number runs into a word
// ("2019Updated").
func lineTokens(s string) []string {
	var toks []string
	start := -1
	prevDigit := false
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		digit := unicode.IsDigit(r)
		if start >= 0 && (!word || digit != prevDigit) {
			toks = append(toks, s[start:i])
			start = -1
		}
		if word && start < 0 {
			start = i
		}
		prevDigit = digit
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

func isNumberToken(t string) bool {
	for _, r := range t {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return len(t) <= 4
}

// isNameWord is a word that could be part of a name: capitalised, all capitals, or in a script
// without case.
func isNameWord(t string) bool {
	for _, r := range t {
		return !unicode.IsLower(r)
	}
	return false
}

// dateWords: 'm' months and weekdays, 'a' relative times ("ago"), 'f' words that go with a date
// line (ordinal suffixes, "updated", time zones, "and").
var dateWords = func() map[string]byte {
	m := map[string]byte{}
	for _, w := range strings.Fields("january february march april may june july august september october november december " +
		"jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday " +
		"mon tue tues wed thu thur thurs fri sat sun today yesterday " +
		// the same in German, French, Spanish, Portuguese, Italian, Dutch and Indonesian
		"januar februar märz mai juni juli oktober dezember janvier février mars avril juin juillet août septembre octobre " +
		"novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre " +
		"janeiro fevereiro março maio junho julho setembro outubro novembro dezembro gennaio febbraio aprile maggio giugno " +
		"luglio settembre ottobre dicembre januari februari maart mei augustus maret agustus desember " +
		"montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche " +
		"lunes martes miércoles jueves viernes sábado domingo segunda terça quarta quinta sexta feira") {
		m[w] = 'm'
	}
	for _, w := range strings.Fields("ago") {
		m[w] = 'a'
	}
	for _, w := range strings.Fields("st nd rd th updated published posted modified last on at am pm a m p et est edt ct cst cdt " +
		"pt pst pdt gmt utc bst cet cest ist jst hkt aest min mins minute minutes hour hours hr hrs day days week weeks " +
		"month months year years and original de del la le à às um am den der des du el") {
		m[w] = 'f'
	}
	return m
}()

// Past the article's last sentence. The last blocks of an article long enough, when short and
// no sentence, are what the page put under it: "Previous post", "Share on Facebook", "Media
// team". Up to tailBlocks of them go; never a list item (a list can end an article), a picture,
// or a credit ("Reporting by …; Editing by …", "… contributed to this report").
const (
	tailBlocks   = 3
	tailMaxWords = 8
	tailMinWords = 150 // an article shorter than this may be all short lines
)

var tailCredit = textutil.Lazy(`(?i)\b(?:by|contribut\w*|reporting|editing|edited|writer|correspondent|reporter|staff)\b|@`)

func (e *extractor) tidyTail(d *doc.Doc) {
	if !e.on("tail-lines") || textutil.WordCount(d.Text) < tailMinWords {
		return
	}
	reasons := make([]doc.Verdict, len(d.Blocks))
	changed := false
	for i, k := len(d.Blocks)-1, 0; i >= 0 && k < tailBlocks; i, k = i-1, k+1 {
		b := d.Blocks[i]
		s := d.Text[b.Start:b.End]
		if b.Kind == doc.ListItem || b.Image != nil || b.Kind == doc.Caption ||
			textutil.WordCount(s) > tailMaxWords || endsSentence(s) || tailCredit.MatchString(s) {
			break
		}
		reasons[i] = e.verdict("tail-lines")
		changed = true
	}
	if changed {
		d.Drop(reasons)
	}
}
