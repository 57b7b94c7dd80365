package extract

import "strings"

type footerMatcher struct{}

var footerPhrases = []string{"©", "all rights reserved", "terms of use", "terms of service", "privacy policy", "subject to copyright"}

// MatchString reports a copyright or legal line (see footerLine).
func (footerMatcher) MatchString(s string) bool {
	l := asciiLowerString(s)
	for _, p := range footerPhrases {
		if strings.Contains(l, p) {
			return true
		}
	}
	return strings.HasPrefix(l, "citation: ") || yearAfter(l, "(c)", 0) || yearAfter(l, "copyright", 1)
}

// yearAfter reports word followed by at least minSpace spaces and four digits, anywhere in l.
func yearAfter(l, word string, minSpace int) bool {
	for i := 0; ; {
		k := strings.Index(l[i:], word)
		if k < 0 {
			return false
		}
		j := i + k + len(word)
		n := j
		for n < len(l) && isRESpace(l[n]) {
			n++
		}
		if n-j >= minSpace && n+4 <= len(l) && isDigits(l[n:n+4]) {
			return true
		}
		i += k + 1
	}
}

// isRESpace is \s in Go's regular expressions: ASCII space, tab, newline, form feed, return.
func isRESpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// asciiLowerString lower-cases ASCII letters only (as (?i) does for ASCII patterns).
func asciiLowerString(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if c := b[k]; c >= 'A' && c <= 'Z' {
					b[k] = c + 32
				}
			}
			return string(b)
		}
	}
	return s
}

// copyrightLine is a short line that is a copyright notice: "Copyright @ 2019 The New Arab.",
// "© 2026 Example News", "… All rights reserved."
func copyrightLine(s string) bool {
	l := asciiLowerString(strings.TrimSpace(s))
	if strings.HasPrefix(l, "©") || strings.Contains(l, "all rights reserved") {
		return true
	}
	for _, p := range []string{"powered by ", "proudly powered by ", "comments powered by ", "blog comments powered by "} {
		if strings.HasPrefix(l, p) {
			return true // "Powered by WordPress", "Blog comments powered by Disqus"
		}
	}
	if !strings.HasPrefix(l, "copyright") {
		return false
	}
	for i := 0; i+4 <= len(l); i++ {
		if isDigits(l[i:i+4]) && (i+4 == len(l) || l[i+4] < '0' || l[i+4] > '9') {
			return true
		}
	}
	return false
}

// legalCues are the words of a site's legal notice.
var legalCues = []string{"terms of use", "terms of service", "privacy policy", "all rights reserved", "©",
	"use of this site", "use of this web", "disclaimer", "governed by"}

// legalNotice reports a block (lower-cased) of up to a paragraph with two or more of legalCues: a
// site's terms, disclaimer or copyright policy ("Use of this site is governed by our Terms of Use
// and Privacy Policy …"). Not a wire service's notice ("… may not be published, broadcast"), which
// is part of the wire story it closes.
func legalNotice(l string) bool {
	if strings.Contains(l, "may not be published") {
		return false
	}
	n := 0
	for _, c := range legalCues {
		if strings.Contains(l, c) {
			n++
		}
	}
	return n >= 2
}

// copyrightOpening reports a notice that opens with the copyright sign or "Copyright" and a year
// ("© 2008 owned by or licensed to …. Please read our Terms and Conditions …"): a site's legal
// notice, however many sentences follow it.
func copyrightOpening(s string) bool {
	l := asciiLowerString(strings.TrimSpace(s))
	if strings.HasPrefix(l, "©") || strings.HasPrefix(l, "(c) ") {
		return true
	}
	if len(l) > 24 {
		l = l[:24]
	}
	return strings.HasPrefix(l, "copyright") && yearAfter(l, "copyright", 0)
}
