package entity

import (
	"regexp"
	"unicode"
	"unicode/utf8"
)

// Patterns for dates, times, money, percentages, quantities and numbers. Order matters: earlier
// labels win where matches overlap.
const (
	month   = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
	weekday = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	scale   = `(?:\s+(?:thousand|million|billion|trillion|bn|m))?`
	num     = `\d+(?:[.,]\d+)*`
)

var numericRules = []struct {
	label string
	re    *regexp.Regexp
}{
	{"MONEY", regexp.MustCompile(`(?:US|C|A|NZ|HK)?[$€£¥₹]\s?` + num + scale + `|\b` + num + scale + `\s+(?:dollars|euros|pounds sterling|pesos|yuan|yen|rupees|rubles|roubles)\b`)},
	{"PERCENT", regexp.MustCompile(`\b` + num + `\s?(?:%|percent\b|per cent\b|percentage points?\b)`)},
	{"TIME", regexp.MustCompile(`\b\d{1,2}:\d{2}\s?(?:[ap]\.?m\.?|[AP]M)?(?:\s(?:ET|EST|EDT|PT|PST|PDT|GMT|UTC|BST|CET))?|\b\d{1,2}\s?(?:[ap]\.m\.|[AP]M)\b`)},
	{"DATE", regexp.MustCompile(`\b(?:(?:early|mid|late)[- ])?` + month + `\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+` + month + `(?:,?\s+\d{4})?\b|\b(?:early |mid-|late )?(?:January|February|March|April|June|July|August|September|October|November|December)(?:,?\s+\d{4})?\b|\bMay,?\s+\d{4}\b|\b` + weekday + `(?:,\s+` + month + `\s+\d{1,2}(?:,\s+\d{4})?)?\b|\b(?:last|next|this|past|coming|previous|recent|earlier this|later this)\s+(?:week|weekend|month|year|decade|century|spring|summer|fall|autumn|winter|months|weeks|years|decades|days)\b|\b(?:yesterday|tomorrow)\b|\b\d+\s+(?:days|weeks|months|years|decades)\s+ago\b|\b(?:the\s+)?(?:19|20)\d{2}s\b|\b(?:in|since|by|of|from|until|before|after|during|through|early|late)\s+(?:19|20)\d{2}\b|\b\d{4}-\d{2}-\d{2}\b`)},
	{"QUANTITY", regexp.MustCompile(`\b` + num + `(?:-|\s)(?:km|kilometers?|kilometres?|miles?|meters?|metres?|feet|foot|inches|inch|kg|kilograms?|pounds|lbs|tons?|tonnes?|acres?|hectares?|gallons?|liters?|litres?|barrels?|square (?:miles|kilometers|kilometres|feet|meters|metres)|degrees)\b`)},
	{"CARDINAL", regexp.MustCompile(`\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?\b`)},
}

// yearPrefix words inside a DATE match that are not part of the date ("in 2024" → "2024").
var yearPrefix = regexp.MustCompile(`^(?:in|since|by|of|from|until|before|after|during|through)\s+`)

// numericMentions finds rule-based mentions in text[from:to].
func numericMentions(text string, from, to int) []Mention {
	var out []Mention
	taken := func(s, e int) bool {
		for _, m := range out {
			if s < m.End && m.Start < e {
				return true
			}
		}
		return false
	}
	seg := text[from:to]
	for _, rule := range numericRules {
		for _, loc := range rule.re.FindAllStringIndex(seg, -1) {
			s, e := from+loc[0], from+loc[1]
			if rule.label == "DATE" {
				if p := yearPrefix.FindString(text[s:e]); p != "" && !isWeekdayOrMonth(text[s+len(p):e]) {
					s += len(p)
				}
			}
			if taken(s, e) || glued(text, s, e) {
				continue
			}
			out = append(out, Mention{Start: s, End: e, Label: rule.label, Canonical: text[s:e]})
		}
	}
	return out
}

func isWeekdayOrMonth(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
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
