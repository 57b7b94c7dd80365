package extract

import (
	"regexp"
	"strings"
	"testing"
)

func TestNameWords(t *testing.T) {
	tests := []struct {
		names string
		list  string
		want  bool
	}{
		{"article read-more-box", "read-?more", true},
		{"readmore", "read-?more", true},
		{"read_more", "read-?more", false},
		{"threadmore", "read-?more", false},
		{"Site-Footer main", "site-?footer", true},
		{"about-theauthor", "about-?the-?author", true},
		{"ad", "ad|ads", true},
		{"head", "ad|ads", false},
		{"ads_", "ad|ads", true},
		{"", "ad", false},
		{"x-ad", "ad", true},
	}
	lists := map[string]nameWords{}
	for _, tc := range tests {
		if _, ok := lists[tc.list]; !ok {
			lists[tc.list] = words(tc.list)
		}
	}
	for _, tc := range tests {
		if got := lists[tc.list].MatchString(tc.names); got != tc.want {
			t.Errorf("%q in %q: got %v, want %v", tc.list, tc.names, got, tc.want)
		}
	}
}

func FuzzNameWords(f *testing.F) {
	for _, s := range []string{"article-body share", "x-AD_y", "most-read--", "nav\tmenu", "İnav K-ad"} {
		f.Add(s)
	}
	type pair struct {
		w  nameWords
		re *regexp.Regexp
	}
	var pairs []pair
	for i, l := range nameLists {
		pairs = append(pairs, pair{nameWords(1 << i), regexp.MustCompile(`(?i)(^|[-_ ])(` + l + `)([-_ ]|$)`)})
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\u212a\u017f") { // Kelvin sign and long s fold to k and s in (?i)
			return
		}
		for _, p := range pairs {
			if got, want := p.w.MatchString(s), p.re.MatchString(s); got != want {
				t.Fatalf("%q: words %v, regexp %v (%s)", s, got, want, p.re)
			}
		}
	})
}

func FuzzFooterLine(f *testing.F) {
	re := regexp.MustCompile(`(?i)(©|\(c\)\s*\d{4}|copyright\s+\d{4}|all rights reserved|terms of (use|service)|privacy policy|subject to copyright|^citation: )`)
	for _, s := range []string{"© 2026 Example", "(C)\t2024", "Copyright 1999 x", "copyright1999", "Citation: x", " citation: x", "TERMS OF USE", "(c) 12345", "(c)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\u212a\u017f") { // Kelvin sign and long s fold to k and s in (?i)
			return
		}
		if got, want := footerLine.MatchString(s), re.MatchString(s); got != want {
			t.Fatalf("%q: footerLine %v, regexp %v", s, got, want)
		}
	})
}
