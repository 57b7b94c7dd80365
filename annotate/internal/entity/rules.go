package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attest-news/attest/annotate/internal/textutil"
)

// Patterns for dates, times, money, percentages, quantities and numbers. Order matters: earlier
// labels win where matches overlap.
const (
	month   = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
	weekday = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	scale   = `(?:\s+(?:thousand|million|billion|trillion|bn|m))?`
	num     = `\d+(?:[.,]\d+)*`
)

// numericRules are tried, in order, anchored at trigger tokens (digits, currency signs, month and
// weekday names, relative-date words); the first that matches there wins.
var numericRules = []struct {
	label string
	re    *textutil.Regexp
}{
	{"MONEY", anchored(`(?:US|C|A|NZ|HK)?[$€£¥₹]\s?` + num + scale + `|` + num + scale + `\s+(?:dollars|euros|pounds sterling|pesos|yuan|yen|rupees|rubles|roubles)\b`)},
	{"PERCENT", anchored(num + `\s?(?:%|percent\b|per cent\b|percentage points?\b)`)},
	{"TIME", anchored(`\d{1,2}:\d{2}\s?(?:[ap]\.?m\.?|[AP]M)?(?:\s(?:ET|EST|EDT|PT|PST|PDT|GMT|UTC|BST|CET))?|\d{1,2}\s?(?:[ap]\.m\.|[AP]M)\b`)},
	{"DATE", anchored(`(?:(?:early|mid|late)[- ])?` + month + `\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b|\d{1,2}(?:st|nd|rd|th)?\s+` + month + `(?:,?\s+\d{4})?\b|(?:January|February|March|April|June|July|August|September|October|November|December)(?:,?\s+\d{4})?\b|May,?\s+\d{4}\b|` + weekday + `(?:,\s+` + month + `\s+\d{1,2}(?:,\s+\d{4})?)?\b|(?:last|next|this|past|coming|previous|recent|earlier this|later this)\s+(?:week|weekend|month|year|decade|century|spring|summer|fall|autumn|winter|months|weeks|years|decades|days)\b|(?:yesterday|tomorrow)\b|\d+\s+(?:days|weeks|months|years|decades)\s+ago\b|(?:19|20)\d{2}s\b|\d{4}-\d{2}-\d{2}\b`)},
	{"QUANTITY", anchored(num + `(?:-|\s)(?:km|kilometers?|kilometres?|miles?|meters?|metres?|feet|foot|inches|inch|kg|kilograms?|pounds|lbs|tons?|tonnes?|acres?|hectares?|gallons?|liters?|litres?|barrels?|square (?:miles|kilometers|kilometres|feet|meters|metres)|degrees)\b`)},
	{"CARDINAL", anchored(`\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\d+(?:\.\d+)?\b`)},
}

// anchored patterns compile on first use, not while the engine starts.
func anchored(p string) *textutil.Regexp { return textutil.Lazy(`^(?:` + p + `)`) }

// dateTriggers start a date pattern.
var dateTriggers = map[string]bool{
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true,
	"Sept": true, "Oct": true, "Nov": true, "Dec": true, "Monday": true, "Tuesday": true, "Wednesday": true,
	"Thursday": true, "Friday": true, "Saturday": true, "Sunday": true, "last": true, "next": true, "this": true,
	"past": true, "coming": true, "previous": true, "recent": true, "earlier": true, "later": true,
	"yesterday": true, "tomorrow": true, "early": true, "mid": true, "late": true,
}

// yearPrepositions make a bare year a date: "in 2024".
var yearPrepositions = map[string]bool{"in": true, "since": true, "by": true, "of": true, "from": true, "until": true,
	"before": true, "after": true, "during": true, "through": true, "early": true, "late": true, "mid": true}

// numericMentions finds rule-based mentions among the block's tokens.
func numericMentions(text string, toks []textutil.Token, to int) []Mention {
	var out []Mention
	end := -1
	for i, t := range toks {
		if t.Start < end {
			continue
		}
		// Where each pattern can start: most with a digit (what \d matches); money also with a
		// currency sign or a country prefix ("US$"), dates also with a month, weekday or
		// relative-date word. No pattern is tried at every "this" and "last".
		r, _ := utf8.DecodeRuneInString(t.Text)
		digit := r >= '0' && r <= '9'
		money := digit || strings.ContainsRune("$€£¥₹", r) || t.Text == "US" || t.Text == "C" || t.Text == "A"
		date := digit || dateTriggers[t.Text]
		if !money && !date {
			continue
		}
		rest := text[t.Start:numericWindow(text, t.Start, to)]
		for _, rule := range numericRules {
			switch rule.label {
			case "MONEY":
				if !money {
					continue
				}
			case "DATE":
				if !date {
					continue
				}
			default:
				if !digit {
					continue
				}
			}
			loc := rule.re.FindStringIndex(rest)
			if loc == nil {
				continue
			}
			s, e := t.Start, t.Start+loc[1]
			label := rule.label
			if label == "CARDINAL" && e-s == 4 && (strings.HasPrefix(t.Text, "19") || strings.HasPrefix(t.Text, "20")) &&
				(i > 0 && yearPrepositions[strings.ToLower(toks[i-1].Text)] || !countedAfter(toks, i)) {
				label = "DATE" // "in 2024", "the 2012 Summer Paralympics"; not "2016 votes"
			}
			if glued(text, s, e) {
				break
			}
			out = append(out, Mention{Start: s, End: e, Label: label, Canonical: text[s:e]})
			end = e
			break
		}
	}
	return out
}

// countedAfter reports a number followed by what it counts, a plural or a unit-like word:
// "2016 votes", "1999 people" — a year is not.
func countedAfter(toks []textutil.Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	w := toks[i+1].Text
	return w == strings.ToLower(w) && toks[i+1].IsWord() && (strings.HasSuffix(w, "s") || w == "people" || w == "children" || w == "men" || w == "women")
}

// maxNumericSpan bounds the text a numeric rule reads from its trigger: the longest mention the
// rules make is about 40 bytes ("Wednesday, September 12, 2024", "US$1,234.5 billion"). Reading
// the rest of the block instead made each trigger cost the block's length (anchored patterns this
// large run on the NFA past the backtracker's input limit), quadratic in a long paragraph.
const maxNumericSpan = 128

// numericWindow is where a numeric rule's text ends: at most maxNumericSpan bytes after start,
// before to, on a rune boundary.
func numericWindow(text string, start, to int) int {
	end := min(to, start+maxNumericSpan)
	for end > start && end < len(text) && !utf8.RuneStart(text[end]) {
		end--
	}
	return end
}

// glued rejects numbers that are part of a larger word: "45-minute", "9-year-old", "COVID-19", "A4".
func glued(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(r) || r == '-' || r == '_' || r == '/' {
			return true
		}
	}
	if e < len(text) {
		r, size := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLetter(r) || r == '_' {
			return true
		}
		if r == '-' && e+size < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[e+size:])
			if unicode.IsLetter(r2) {
				return true
			}
		}
	}
	return false
}
