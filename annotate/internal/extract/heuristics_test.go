package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestInterfaceRow(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Text Size\tPrint\tEmail", true},
		{"Printable version\tE-mail this story", true},
		{"delicious |  digg |  reddit", true},
		{"0 Comments\t\t\tBlog\tPrint", true},
		{"Rate This Article:", true},
		{"Email this article to a friend", true},
		{"[add comment]", true},
		{"Send Feedback", true},
		{"Print", false},                       // one word: ui-label's
		{"Text size", false},                   // no action
		{"Share prices fell on Monday", false}, // a sentence
		{"Comment: the new version of the story", false},
		{"Email Jane Doe", false},
		{"print email share rss bookmark digg delicious reddit feedback rate rating", false}, // over ten words
	} {
		if got := interfaceRow(tc.line); got != tc.want {
			t.Errorf("interfaceRow(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestHiddenClass(t *testing.T) {
	for _, tc := range []struct {
		class string
		want  bool
	}{
		{"hidden", true},
		{"comment-config hidden", true},
		{"d-none", true},
		{"is-hidden", true},
		{"hidden md:block", false},       // Tailwind: shown from medium screens up
		{"d-none d-lg-block", false},     // Bootstrap 4: shown on large screens
		{"hidden visible-lg", false},     // shown again on large screens
		{"hidden-xs", false},             // Bootstrap 3: hidden on phones only
		{"visually-hidden-focus", false}, // not the word itself
		{"", false},
	} {
		if got := hiddenClass(tc.class); got != tc.want {
			t.Errorf("hiddenClass(%q) = %v, want %v", tc.class, got, tc.want)
		}
	}
}

func TestCopyrightLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"© 2026 City Paper", true},
		{"Copyright 2008 The Sports Network", true},
		{"Powered by WordPress.com VIP | Subscribe (RSS)", true},
		{"Blog comments powered by Disqus", true},
		{"The plant is powered by solar panels on its roof.", false},
		{"Copyright law changed in 1998.", true}, // opens with "copyright" and a year: the rule's known edge
		{"Copyright holders met on Monday.", false},
	} {
		if got := copyrightLine(tc.line); got != tc.want {
			t.Errorf("copyrightLine(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestLegalNotice(t *testing.T) {
	for _, tc := range []struct {
		block string
		want  bool
	}{
		{"Use of this site is governed by our Terms of Use and Privacy Policy. Except where otherwise specified, the contents are the property of the publisher.", true},
		{"Copyright Policy: © 2002, Jamie Roe, all rights reserved. Materials published here may be duplicated for classroom use.", true},
		{"The materials in this web site are no substitute for a doctor's advice. Disclaimer: read our terms of service.", true},
		{"Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.", false}, // a wire story's own close
		{"The court ruled that the copyright had expired in 1990, and the estate appealed.", false},                                                     // one cue: news
		{"The company updated its privacy policy on Monday.", false},
		{"The lawsuit claims copyright and trademark infringement by the studio.", false}, // news about the law
	} {
		if got := legalNotice(asciiLowerString(tc.block)); got != tc.want {
			t.Errorf("legalNotice(%q) = %v, want %v", tc.block, got, tc.want)
		}
	}
}

// TestRelaxedKeepsNoPicker: the safety net's last pass reads what a page's tags call boilerplate
// (old pages wrap everything in a form) but never a drop-down list's options or a button.
func TestRelaxedKeepsNoPicker(t *testing.T) {
	root := parsePage(`<body><form action="/play"><p>The jukebox holds two hundred songs.</p>` +
		`<select name="juke"><option>Peggy Sue - Buddy Holly</option></select><button>Play</button></form></body>`)
	want := map[string]string{"form": "", "p": "", "select": "tag-form", "option": "", "button": "tag-form"}
	e := newExtractor(Options{}, noTagVerdicts)
	for n := range root.Descendants() {
		if w, ok := want[n.Data]; ok && n.Type == html.ElementNode {
			if _, got := e.classify(n); got != w {
				t.Errorf("last pass, <%s>: verdict %q, want %q", n.Data, got, w)
			}
		}
	}
	e = newExtractor(Options{}, strictPass)
	if _, got := e.classify(root.FirstChild.LastChild.FirstChild); got != "tag-form" {
		t.Errorf("strict pass, <form>: verdict %q, want tag-form", got)
	}
}

func TestContactBlock(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Department of Health, P. O. Box 8206, Columbia. The general phone number is (803) 898-2500. Fraud (888) 364-3224. Email info@example.gov.", true},
		{"Call +44 20 7946 0958 or 020-7946-0959, or write to desk@example.co.uk.", true},
		{"Write to Al Root at allen.root@example.com", false},
		{"The council met in 2005 and 2006 and spent 1,250,000 dollars, the report said.", false},
		{"The office moved in 2005. Its number, 555-0134, and its e-mail, @office, stayed.", false},
	} {
		if got := contactBlock(tc.text); got != tc.want {
			t.Errorf("contactBlock(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestContactBlockNotArticle: a page whose only plain-text box is the site's address (a "page
// not found" page of link lists) keeps its own notice, not the address.
func TestContactBlockNotArticle(t *testing.T) {
	links := ""
	for _, s := range []string{"Forms and applications", "Fee schedules", "Family planning", "How and where to apply", "Programme overview"} {
		links += `<li><a href="/` + s + `">` + s + `</a></li>`
	}
	page := `<body><table><tr><td><h1>Page not found</h1><p>This page is being developed, or has moved. We are sorry for the inconvenience.</p>` +
		`<ul>` + links + `</ul><p>In April the entire web site, including the bulletins, was redesigned: favourites to the old site stop working and return this page.</p></td></tr></table>` +
		`<div class="legallinks"><p>Department of Health and Human Services, P. O. Box 8206, Columbia, SC 29202-8206.</p>` +
		`<p>The general phone number is (803) 898-2500, fraud (888) 364-3224, beneficiaries (888) 549-0820.</p>` +
		`<p>To ask questions about the agency, its programmes or its services, e-mail info@example.gov; about this web site, webmaster@example.gov.</p></div></body>`
	d := HTML(page, Options{})
	if !strings.Contains(d.Text, "redesigned") || strings.Contains(d.Text, "898-2500") {
		t.Errorf("want the page's notice without the address, got %q", d.Text)
	}
	off := HTML(page, Options{Off: map[string]bool{"contact-block": true}})
	if !strings.Contains(off.Text, "898-2500") {
		t.Errorf("without the rule the address should win (or the test tests nothing): %q", off.Text)
	}
}

// TestClassNames: the class words this session added, each as a word of its own: "foot" names
// a footer ("blq-foot", not "football"), a blog post's metadata box is furniture (WordPress's
// "postmetadata", "entry-utility"), like and share buttons are share boxes, trackbacks are
// comments, a box of tabs is navigation.
func TestClassNames(t *testing.T) {
	for _, tc := range []struct{ class, want string }{
		{"blq-rst blq-foot", "class-footer"},
		{"football-scores", ""},
		{"entry-footer", "class-footer"},
		{"postmetadata alt", "class-meta"},
		{"entry-utility", "class-meta"},
		{"post-information", ""},
		{"author-box clearfix", "class-meta"},
		{"fb-like", "class-share"},
		{"tweetmeme_button", "class-share"},
		{"trackbacks", "class-comment"},
		{"tabs most-emailed", "class-nav"},
		{"tablet-view", ""},
		{"shopping", ""},
	} {
		root := parsePage(`<body><div class="` + tc.class + `">Some text</div></body>`)
		div := root.FirstChild.LastChild.FirstChild
		if _, got := newExtractor(Options{}, strictPass).classify(div); got != tc.want {
			t.Errorf("<div class=%q>: verdict %q, want %q", tc.class, got, tc.want)
		}
	}
}

// TestInlinePieces checks that a picture or a removed span inside a sentence (an emoji, a
// formula's hidden markup, a screen reader's label) leaves its paragraph one block, and that with
// the rules off the paragraph is cut in two, as it was.
func TestInlinePieces(t *testing.T) {
	const formula = `<p>Given a set of <span class="math"><span style="display: none;">N</span><img src="https://example.com/n.svg" class="mwe-math-fallback-image-inline" style="width:2.064ex; height:2.176ex;" alt="N"></span> high-dimensional objects, the method first computes their pairwise similarities, as the original paper describes at length.</p>`
	const emoji = `<p>The crowd sang along <img class="emoji" src="https://example.com/note.png" alt="♪"> until the lights came on, and nobody wanted to leave the square that night.</p>`
	const photo = `<p>The crowd sang along in the square <img src="https://example.com/crowd.jpg" width="640" alt="The crowd"> until the lights came on, and nobody wanted to leave that night.</p>`
	page := func(p string) string {
		return `<html><body><article>` + story + p + `</article></body></html>`
	}
	for _, tc := range []struct {
		name, html, off string
		want            string // a block's whole text; empty: no block holds the start and end together
	}{
		{"hidden markup inside a sentence", page(formula), "", "Given a set of high-dimensional objects, the method first computes their pairwise similarities, as the original paper describes at length."},
		{"hidden markup, rule off", page(formula), "inline-verdict", ""},
		{"an emoji picture inside a sentence", page(emoji), "", "The crowd sang along until the lights came on, and nobody wanted to leave the square that night."},
		{"an emoji picture, rule off", page(emoji), "inline-image", ""},
		{"a photo inside a paragraph stands apart as a picture", page(photo), "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{}
			if tc.off != "" {
				opts.Off = map[string]bool{tc.off: true}
			}
			d := HTML(tc.html, opts)
			words := strings.Fields(tc.want)
			found := ""
			for _, b := range d.Blocks {
				s := d.Text[b.Start:b.End]
				if strings.HasPrefix(s, "Given") || strings.HasPrefix(s, "The crowd") {
					found = strings.Join(strings.Fields(s), " ")
				}
			}
			if tc.want != "" && found != strings.Join(words, " ") {
				t.Errorf("block = %q, want %q", found, tc.want)
			}
			if strings.Contains(tc.html, "crowd.jpg") {
				pictures := 0
				for _, b := range d.Blocks {
					if b.Image != nil {
						pictures++
					}
				}
				if pictures != 1 {
					t.Errorf("%d pictures, want the photo", pictures)
				}
			}
			if tc.want == "" && (strings.HasSuffix(found, "length.") || strings.HasSuffix(found, "night.")) {
				t.Errorf("with %q off the paragraph stayed whole: %q", tc.off, found)
			}
		})
	}
}

// TestTailWarning checks that an article that loses as much as half of what it keeps after a
// heading read as other stories says so, and that a short teaser list does not.
func TestTailWarning(t *testing.T) {
	long := `<p>Port officials, who met on Monday night, said the terminals would reopen, one by one, once engineers had checked the cranes, the quays and the rail links; the harbour master said the first ships could berth on Thursday at the earliest.</p>`
	for _, tc := range []struct {
		name, after string
		off         bool
		want        bool
	}{
		{"the story's end read as a teaser list", `<h2>More stories</h2>` + strings.Repeat(`<p><a href="/a">Bridge closed after storm</a> — engineers checked the joints of the coast road bridge for damage on Monday</p>`, 8), false, true},
		{"the same, warning off", `<h2>More stories</h2>` + strings.Repeat(`<p><a href="/a">Bridge closed after storm</a> — engineers checked the joints of the coast road bridge for damage on Monday</p>`, 8), true, false},
		{"a short teaser list", `<h2>More stories</h2><p><a href="/a">Bridge closed after storm</a></p><p><a href="/b">Ferries cancelled again</a></p>`, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{}
			if tc.off {
				opts.Off = map[string]bool{"tail-warning": true}
			}
			d := HTML(`<html><body><article>`+story+long+tc.after+`</article></body></html>`, opts)
			got := len(d.Warnings) == 1 && d.Warnings[0] == WarnTailCut
			if got != tc.want {
				t.Errorf("warnings %q, want the tail warning: %v (text %d words)", d.Warnings, tc.want, len(strings.Fields(d.Text)))
			}
		})
	}
}
