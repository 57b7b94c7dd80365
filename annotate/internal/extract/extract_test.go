package extract

import (
	"strings"
	"testing"

	"github.com/attest-news/attest/annotate/internal/doc"
)

const story = `<p>The harbour authority closed three terminals on Monday as winds reached 120 kilometers an hour, officials said.</p>
<p>Shipping companies said delays could last until the weekend, with hundreds of containers waiting at sea.</p>
<p>Ferry services to the islands were cancelled, and the coast guard asked small boats to stay in port overnight.</p>`

// inlineRunPage holds its short article as text straight in a box that also holds a picture, and
// a longer thread of comments in paragraphs.
var inlineRunPage = `<html><body><div id="content"><div class="post"><h1>Latest doodle rides the rapids</h1>
	<div class="post-body"><div class="pic"><img src="a.jpg" alt=""></div>Google continues its flirtation with the Olympic Games in London today, with another playable doodle. Today's doodle, by all accounts, threatens productivity everywhere by challenging searchers to clear a rocky, frog-infested <a href="/c">canoe slalom course</a>.<br><br>In case you missed them, previous doodles took to the court with basketball, and conjured up a little track and field with a hurdles race. Unfortunately, you can't <a href="/b">boost your odds</a> this time around.</div></div>
	<div class="thread">` + strings.Repeat(`<div class="c"><p>I agree with the first commenter, and I would add that the game is hard, the frogs are everywhere, and my score, after an hour of trying, was still far behind my brother's.</p></div>`, 4) + `</div></div></body></html>`

// longStory is an article of over 150 words.
const longStory = story + `<p>Port officials, who met on Monday night, said the terminals would reopen, one by one, once engineers had checked the cranes, the quays and the rail links.</p>
<p>Traders warned that fresh food, medicine and fuel, much of it carried by the island ferries, could run short in shops, pharmacies and filling stations by Friday.</p>
<p>The authority said it would publish a timetable for reopening on Wednesday, after a second inspection of the breakwater, which lost a section of its wall in the first night of the storm.</p>
<p>Insurers, for their part, expect claims from shipowners, hauliers and the owners of the waterfront cafés, several of which were flooded to the height of their counters.</p>`

// mojibakePage writes "NBC’s" as a page whose text was encoded twice does: "â" as an entity,
// then the two bytes Windows-1252 shows as "€™", decoded as the C1 controls U+0080 and U+0099.
const mojibakePage = "<html><body><article><p>Alan Wurtzel, NBC&acirc;\u0080\u0099s head of research, said on Thursday that archery is the new curling, and nobody laughed.</p></article></body></html>"

// readMore is a blog post whose body ends in a bare-text box after a "more" anchor.
const readMore = `<html><body><div class="entry"><h3>Storm closes ports</h3><div class="entry-content"><div class="entry-body">` + story + `
				<p>Port officials, who met on Monday night, said the terminals would reopen, one by one, once engineers had checked the cranes, the quays and the rail links.</p>
				<p>Traders warned that fresh food, medicine and fuel, much of it carried by the island ferries, could run short in shops, pharmacies and filling stations by Friday.</p></div>
				<a id="more"></a><div class="entry-more">
				In addition to the ports, the authority shut two bridges to lorries and asked drivers to stay off the coast road until the wind drops.
				</div><div class="policy">By listing events on this site, City Paper shall not be deemed to endorse or recommend them, or any facts or views in them. ©2026 City Paper. Terms of Use</div></div></div></body></html>`

func TestHTML(t *testing.T) {
	tests := []struct {
		name        string
		html        string
		opts        Options
		keep        []string
		once        []string // kept exactly once
		drop        []string
		removed     map[string]string // removed text fragment → reason
		title       string
		summary     string
		wantSnippet string // a piece of the block structure, e.g. a link's href
	}{
		{
			name: "page chrome",
			html: `<html><body><header><a href="/">Site</a><nav><a href="/a">World</a> <a href="/b">Sport</a></nav></header>
				<main><article><h1>Storm closes ports</h1>` + story + `</article>
				<aside><h3>Most read</h3><a href="/x">Other story</a></aside></main>
				<footer>© 2026 Site. All rights reserved.</footer><script>var x = "hidden script";</script></body></html>`,
			keep:    []string{"closed three terminals", "coast guard asked"},
			drop:    []string{"World", "Other story", "All rights reserved", "hidden script", "Storm closes ports"},
			removed: map[string]string{"World Sport": doc.ReasonNav, "Other story": doc.ReasonRelated, "All rights reserved": doc.ReasonFooter},
			title:   "Storm closes ports",
		},
		{
			name: "a blog post's \"read more\" part, bare text in a box beside the body, joins it; a notice beside it does not",
			html: readMore,
			keep: []string{"closed three terminals", "shut two bridges"},
			drop: []string{"shall not be deemed"},
		},
		{
			name: "the same post with text-box-sibling off: the read-more part is outside the article",
			html: readMore,
			opts: Options{Off: map[string]bool{"text-box-sibling": true}},
			keep: []string{"closed three terminals"},
			drop: []string{"shut two bridges"},
		},
		{
			name:    "short lines that are no sentence end a long article: the page's, not the story's",
			html:    `<html><body><article>` + longStory + `<p>Media team</p><p>Previous post</p></article></body></html>`,
			keep:    []string{"stay in port overnight", "rail links"},
			drop:    []string{"Media team", "Previous post"},
			removed: map[string]string{"Media team": doc.ReasonOther},
		},
		{
			name: "a \"Related\" box inside the story: its links go, the story's short paragraphs after it stay",
			html: `<html><body><article>` + story + `<h2>Related coverage</h2><ul><li><a href="/a">Bridge closed after storm</a></li><li><a href="/b">Ferries cancelled again</a></li></ul>
				<p>Port officials said the terminals would reopen once engineers had checked the cranes.</p>
				<p>Traders warned that fresh food could run short in the island shops by Friday.</p></article></body></html>`,
			keep:    []string{"closed three terminals", "checked the cranes", "run short in the island shops"},
			drop:    []string{"Related coverage", "Ferries cancelled again"},
			removed: map[string]string{"Related coverage": doc.ReasonRelated},
		},
		{
			name: "the same story with related-resume off loses its end (as it did)",
			html: `<html><body><article>` + story + `<h2>Related coverage</h2><ul><li><a href="/a">Bridge closed after storm</a></li><li><a href="/b">Ferries cancelled again</a></li></ul>
				<p>Port officials said the terminals would reopen once engineers had checked the cranes.</p></article></body></html>`,
			opts: Options{Off: map[string]bool{"related-resume": true}},
			keep: []string{"closed three terminals"},
			drop: []string{"checked the cranes"},
		},
		{
			name: "after \"More stories\", teasers (a linked headline, then its blurb) still go",
			html: `<html><body><article>` + longStory + `<h2>More stories</h2>
				<h3><a href="/a">Bridge closed after storm</a></h3><p>The coast road bridge was shut to lorries on Monday as engineers checked its joints for damage.</p>
				<h3><a href="/b">Ferries cancelled again</a></h3><p>Island ferries stayed in port for a third day, and the operator said it could not say when they would sail.</p></article></body></html>`,
			keep: []string{"closed three terminals", "waterfront cafés"},
			drop: []string{"More stories", "checked its joints", "when they would sail"},
		},
		{
			name: "a credit line and a list end the article and stay",
			html: `<html><body><article>` + longStory + `<ul><li>Terminal one</li><li>Terminal two</li></ul><p>Reporting by Jane Roe; Editing by John Doe</p></article></body></html>`,
			keep: []string{"Terminal two", "Editing by John Doe"},
		},
		{
			name: "a comment thread after a \"Comments\" heading inside the article goes, to the end",
			html: `<html><body><div class="content">` + longStory + `<p class="posted">Posted by Ann on April 6 | <a href="/p">Permalink</a></p>
				<h2><a id="comments"></a>Comments</h2>
				<p>Wow, that is a long wait for the ferry, and the shops here are already running out of bread and milk, as far as I can see.</p>
				<p class="posted">Posted by: Bob | Apr 6, 2007 2:00:18 PM</p>
				<p>I'm really sorry to see this happening to the island again, after last winter's storm took the pier and the café with it.</p></div></body></html>`,
			keep:    []string{"closed three terminals", "rail links"},
			drop:    []string{"Wow, that is a long wait", "Posted by: Bob", "last winter's storm"},
			removed: map[string]string{"Comments": doc.ReasonComment, "Wow, that is a long wait": doc.ReasonComment},
		},
		{
			name:    "\"12 Responses to …\" and \"Leave a Reply\" open a thread too",
			html:    `<html><body><article>` + longStory + `<h3>12 Responses to “Storm closes ports”</h3><p>Thanks for the update, we were about to drive down to the harbour with the caravan this weekend.</p><h3>Leave a Reply</h3><p>Your email address will not be published.</p></article></body></html>`,
			keep:    []string{"rail links"},
			drop:    []string{"Thanks for the update", "will not be published"},
			removed: map[string]string{"12 Responses to": doc.ReasonComment},
		},
		{
			name: "a heading that is a section of the text, or a link to the thread, opens no thread",
			html: `<html><body><article><h1>Storm closes ports</h1>` + story + `<h4><a href="#comments">Comments (3)</a></h4>` + strings.TrimPrefix(longStory, story) + `<h2>Response</h2><p>The authority's response to the storm, its critics say, came two days too late for the ferry operators and the fishermen.</p></article></body></html>`,
			keep: []string{"closed three terminals", "rail links", "two days too late"},
		},
		{
			name: "comment-heading off: the thread stays",
			html: `<html><body><article>` + longStory + `<h2>Comments</h2><p>Wow, that is a long wait for the ferry, and the shops here are already running out of bread and milk, as far as I can see.</p></article></body></html>`,
			opts: Options{Off: map[string]bool{"comment-heading": true}},
			keep: []string{"rail links", "Wow, that is a long wait"},
		},
		{
			name: "a hidden copy of the article (another version kept in the page) stays hidden: the text comes once",
			html: `<html><body><div id="main"><div class="story snippet hidden">` + longStory + `</div>
				<div class="box">Read our other stories about the weather this week.</div><div class="story snippet">` + longStory + `</div></div></body></html>`,
			once: []string{"closed three terminals", "rail links"},
		},
		{
			name: "an article the page hides until a script shows it is still found",
			html: `<html><body><div id="main"><div class="story" style="display:none">` + longStory + `</div><p>Loading the story, please wait.</p></div></body></html>`,
			keep: []string{"closed three terminals", "rail links"},
		},
		{
			name: "a box beside the article in the same wrapper stays out: the article takes its wrapper only when it holds nearly all of its text",
			html: `<html><body><div class="wrap"><div class="col-a">` + longStory + `</div>
				<div class="col-b"><h3>About this blog</h3><p>Harbour Notes is written by two former pilots who have watched the port for forty years.</p></div></div></body></html>`,
			keep: []string{"closed three terminals", "rail links"},
			drop: []string{"former pilots"},
		},
		{
			name: "tail-lines off",
			html: `<html><body><article>` + longStory + `<p>Media team</p></article></body></html>`,
			opts: Options{Off: map[string]bool{"tail-lines": true}},
			keep: []string{"Media team"},
		},
		{
			name: "a short article keeps its short last line",
			html: `<html><body><article>` + story + `<p>Media team</p></article></body></html>`,
			keep: []string{"Media team"},
		},
		{
			name:    "a site's legal notice under the article",
			html:    `<html><body><article>` + story + `<p>Use of this site is governed by our Terms of Use and Privacy Policy. Except where otherwise specified, the contents of this site are the property of City Paper and may be used only with its written permission, which it may refuse for any reason at all.</p></article></body></html>`,
			keep:    []string{"closed three terminals"},
			removed: map[string]string{"Use of this site is governed": doc.ReasonFooter},
		},
		{
			name:    "a reprint notice that runs on for a paragraph",
			html:    `<html><body><article>` + story + `<p>This copy is for your personal, non-commercial use only. Distribution and use of this material are governed by our Subscriber Agreement and by copyright law. For non-personal use or to order multiple copies, please contact Dow Jones Reprints at 1-800-843-0008 or visit our reprints site.</p></article></body></html>`,
			keep:    []string{"closed three terminals"},
			removed: map[string]string{"This copy is for your personal": doc.ReasonFooter},
		},
		{
			name: "UTF-8 the page holds as Windows-1252 is read again (mojibake)",
			html: mojibakePage,
			keep: []string{"NBC’s head"},
			drop: []string{"â"},
		},
		{
			name: "mojibake off: the text stays as the page has it",
			html: mojibakePage,
			opts: Options{Off: map[string]bool{"mojibake": true}},
			keep: []string{"NBCâ"},
		},
		{
			name: "a box a framework hides by class (\"hidden\"), and a footer after the story",
			html: `<html><body><div class="post"><h1>Storm closes ports</h1>` + story + `<div class="hidden">initialComments:true! pubdate:03/27/2013 14:44 EDT!</div></div>
				<div class="footer"><p>City Paper is the region's largest independent newspaper, providing local news, business news, sports and weather to readers across the coast since 1901.</p>
				<p>Market data delayed by at least twenty minutes. For a complete list of exchanges and delays, please see our terms of use and the notes on each quote page.</p></div></body></html>`,
			keep: []string{"closed three terminals"},
			drop: []string{"initialComments", "largest independent newspaper", "Market data delayed"},
		},
		{
			name: "a press release in <pre> and a footer with two paragraphs: the footer is not the article",
			html: `<html><body><pre>
The harbour authority closed three terminals on Monday as winds reached 120 kilometers an hour, officials said.
Shipping companies said delays could last until the weekend, with hundreds of containers waiting at sea.
Ferry services to the islands were cancelled, and the coast guard asked small boats to stay in port overnight.
</pre>
				<div class="footer"><p>City Paper is the region's largest independent newspaper, providing local news, business news, sports and weather to readers across the coast since 1901.</p>
				<p>Market data delayed by at least twenty minutes. For a complete list of exchanges and delays, please see our terms of use and the notes on each quote page.</p>
				<p>Letters to the editor are welcome by post or e-mail; they may be edited for length and clarity, and we regret that we cannot answer every one of them in person.</p></div></body></html>`,
			keep: []string{"closed three terminals"},
			drop: []string{"largest independent newspaper", "Market data delayed"},
		},
		{
			name: "the story goes on after a teaser list in a long paragraph with a link in it",
			html: `<article><h1>Storm closes ports</h1>` + story + `<h3>Related stories</h3><p><a href="/a">Ferry stranded off the coast</a></p>
				<p>The harbour master said later that the terminals would reopen one at a time, beginning with the <a href="/q">container quay</a> on the north side, once divers had checked the walls for damage and the pilots had surveyed the approach channel, which the storm had silted in two places. Insurers expect claims to run into the tens of millions.</p></article>`,
			keep: []string{"divers had checked the walls"},
			drop: []string{"Ferry stranded"},
		},
		{
			name: "a menu written as a line of relative links between bars, on a page without an address",
			html: `<html><body><div class="main"><h1>Storm closes ports</h1>` + story + `<p>Two ports (Brest | Lorient | Vannes | Quimper) stay shut.</p>
				<p><a href="/">News</a>: <a href="/e">ePaper</a> | <a href="/f">Front Page</a> | <a href="/n">National</a> | <a href="/s">States</a> | <a href="/w">World</a></p></div></body></html>`,
			keep:    []string{"closed three terminals", "Brest | Lorient"},
			drop:    []string{"ePaper"},
			removed: map[string]string{"ePaper": doc.ReasonNav},
		},
		{
			name: "interface labels between the paragraphs: print, enlarge, font, report this ad",
			html: `<html><body><article><h1>Storm closes ports</h1><p>Printer friendly</p><p>Font:</p>` + story + `
				<p>Click photo to enlarge</p><p>report this ad</p><p>Previous story</p><p>E-mail this story</p>
				<p>Trackbacks</p><p>Email | Print</p><p>View article on single page</p><p>Font size: + -</p><p>Loading ...</p></article></body></html>`,
			keep: []string{"closed three terminals"},
			drop: []string{"Printer friendly", "Font:", "Click photo", "report this ad", "Previous story", "E-mail this", "Trackbacks", "Email | Print", "single page", "Font size", "Loading"},
		},
		{
			name: "a box of linked headlines with a line of teaser each, under a heading no list names",
			html: `<html><body><div class="page"><h1>Storm closes ports</h1>` + story + `
				<div class="features"><h2>Features &amp; Analysis</h2><ul>
				<li><h3><a href="/a">Persian passion</a></h3><p>Why a motoring show has fans in Tehran</p></li>
				<li><h3><a href="/b">The class ceiling</a></h3><p>How Britain's class system is changing</p></li>
				<li><h3><a href="/c">Faces inverted</a></h3><p>Can you name them?</p></li></ul></div></div></body></html>`,
			keep:    []string{"closed three terminals", "coast guard asked"},
			drop:    []string{"Persian passion", "class system", "Features & Analysis"},
			removed: map[string]string{"Persian passion": doc.ReasonRelated},
		},
		{
			name: "a heading that names a list inside the story ends where the story goes on",
			html: `<article><h1>Storm closes ports</h1>` + story + `<h3>Related stories</h3><p><a href="/a">Ferry stranded off the coast</a></p>
				<p><a href="/b">Harbour closures across the region</a></p>
				<p>The harbour master said later that the terminals would reopen one at a time, beginning with the container quay on the north side, once divers had checked the walls for damage and the pilots had surveyed the approach channel, which the storm had silted in two places. Insurers expect claims from the port's tenants to run into the tens of millions.</p>
				<p>Fishing boats were allowed out again on Thursday.</p></article>`,
			keep:    []string{"divers had checked the walls", "Fishing boats were allowed out"},
			drop:    []string{"Ferry stranded", "Harbour closures across the region"},
			removed: map[string]string{"Ferry stranded": doc.ReasonRelated},
		},
		{
			name: "headings naming teaser lists: \"More Science & Environment stories\", \"Related Posts:\"",
			html: `<html><body><article><h1>Storm closes ports</h1>` + story + `<h3>More Science &amp; Environment stories</h3>
				<p><a href="/a">Bees need a ban on pesticides, say MPs</a></p><p><a href="/b">Brain scans can read dreams</a></p>
				</article><div class="post"><p>The harbour master said the terminals would reopen one at a time once divers had checked the walls, and the pilots had surveyed the approach channel.</p>
				<p>Related Posts:</p><p><a href="/c">Ferry stranded off the coast after the storm</a></p><p><a href="/d">Harbour closures across the region this winter</a></p></div></body></html>`,
			keep:    []string{"closed three terminals"},
			drop:    []string{"Bees need a ban", "Brain scans", "Ferry stranded", "Harbour closures across"},
			removed: map[string]string{"More Science": doc.ReasonRelated, "Related Posts": doc.ReasonRelated},
		},
		{
			name: "a form's select list is no prose the article must match",
			html: `<html><body><table><tr><td><form><select name="stock">` + strings.Repeat(`<option>Acme Steel Holdings Ltd</option>`, 400) +
				`</select></form></td><td><h1>Storm closes ports</h1>` + story + `</td></tr></table></body></html>`,
			keep: []string{"closed three terminals", "coast guard asked"},
			drop: []string{"Acme Steel"},
		},
		{
			name: "text written straight into a box beside a picture is the article, beside a longer thread of comments",
			html: inlineRunPage,
			keep: []string{"flirtation with the Olympic Games", "boost your odds"},
		},
		{
			name: "a post's box outscores a longer box with no name for it (Readability's class weights)",
			html: `<html><body><div id="wrap"><div class="left"><div class="post"><h1>Gallery night</h1><p>The gallery opened its winter show on Friday, with prints, drawings and two films.</p><p>The curator said the show would run until March.</p></div></div>
				<div class="right"><div class="note">` + strings.Repeat(`<p>Opening hours, prices and directions, for members, students and groups, are on the desk by the door.</p>`, 3) + `</div></div></div></body></html>`,
			keep: []string{"winter show on Friday", "run until March"},
		},
		{
			name: "a long comment is no reason to distrust the verdicts: the short post stands",
			html: `<html><body><div class="post"><h1>Forgiving your enemies</h1><p>The abbot asked his favourite pupil how his spiritual progress was coming along, and the pupil answered that he dedicated every moment of the day to the work.</p><p>“Then all that is left now is to forgive your enemies,” said the abbot.</p></div>
				<dl class="commentlist"><dd class="comment even depth-1"><div class="format_text">` + strings.Repeat(`<p>Thank you for this story, which I read every morning, and which reminds me, every single time, that forgiving is something we do for our own sake, not for the sake of anyone else, and that it takes a lifetime.</p>`, 12) + `</div></dd></dl></body></html>`,
			keep: []string{"spiritual progress", "forgive your enemies"},
			drop: []string{"Thank you for this story"},
		},
		{
			name: "a wrapper round the whole page named after a post about comments is still searched",
			html: `<text id="http://example.com/2013/03/08/read-comments-on-mobile-web/"><html><body><div id="content"><h1>Read comments on mobile</h1>` + strings.Repeat(`<p>The mobile site has come a long way since we launched it last summer: we have tried storm trackers, election maps and photo widgets, and we keep adding what readers ask for.</p>`, 5) + `</div></body></html></text>`,
			keep: []string{"storm trackers, election maps"},
		},
		{
			name: "a title the page never closes does not swallow the page",
			html: "<html><head><title>Storm closes ports\n<script>var a = 1;</script></head><body><article>" + story + "</article></body></html>",
			keep: []string{"harbour authority", "coast guard asked"},
		},
		{
			name: "a column of posts beside a long menu is no link list as a whole",
			html: `<body><div id="content"><h1>Storm</h1><p>The storm closed the port on Monday, and the harbour authority said that the terminals would stay shut for a week while the damage was assessed.</p>
				<table><tr><td>` + strings.Repeat(`<a href="/c">A category of posts with a long name</a><br>`, 60) + `</td><td>` +
				strings.Repeat(`<p>Ferry passengers waited in the terminal building through the night, and the operator handed out blankets.</p>`, 10) + `</td></tr></table></div></body>`,
			keep: []string{"stay shut for a week", "handed out blankets"},
			drop: []string{"A category of posts"},
		},
		{
			name: "a page laid out in table cells: the story's cell is found inside the cell holding all the columns",
			html: `<html><body><table><tr><td><table><tr><td>` + strings.Repeat(`<a href="/c">A category of posts</a><br>`, 80) + `</td>
				<td><div><h2>Storm closes ports</h2><div>` + story + `</div></div></td><td>` + strings.Repeat(`<a href="/s">Another site we like</a><br>`, 40) + `</td></tr></table></td></tr></table></body></html>`,
			keep: []string{"harbour authority", "coast guard asked"},
			drop: []string{"A category of posts", "Another site we like"},
		},
		{
			name: "class names",
			html: `<div class="article-body">` + story + `<div class="social-share"><a href="#">Share on Facebook</a></div>
				<div class="newsletter-signup">Sign up for our daily newsletter</div><div id="comments"><p>Great article, thanks for writing it up!</p></div></div>`,
			keep:    []string{"harbour authority"},
			drop:    []string{"Share on Facebook", "daily newsletter", "Great article"},
			removed: map[string]string{"Share on Facebook": doc.ReasonShare, "daily newsletter": doc.ReasonPromo, "Great article": doc.ReasonComment},
		},
		{
			name: "publisher furniture inside the article",
			html: `<article><p>We've detected you are on Internet Explorer. For the best experience, please update to a modern browser.</p><p>This copy is for your personal, non-commercial use only. To order copies visit our reprints desk.</p>` +
				story + `<p>Order Reprints</p><p>Print Article</p><p>Write to Al Root at allen.root@example.com</p></article>`,
			keep:    []string{"harbour authority"},
			drop:    []string{"Internet Explorer", "non-commercial use", "Order Reprints", "Print Article", "Write to Al Root"},
			removed: map[string]string{"Internet Explorer": doc.ReasonPromo, "non-commercial use": doc.ReasonFooter, "Write to Al Root": doc.ReasonOther},
		},
		{
			name: "a body split into blocks of one class around a figure",
			html: `<body><nav><a href="/">Home</a> <a href="/s">Science</a></nav><main>` +
				`<div class="acf-content"><section><div class="post__content">` + story + `</div></section></div>` +
				`<section class="figure"><img src="/a.jpg" alt="Cells"><div class="caption">Cells under the microscope.</div></section>` +
				`<div class="acf-content"><section><div class="post__content"><p>Later the researchers infected mice with the influenza virus and searched the lungs of those with severe symptoms for signs of the new cells.</p><p>Sure enough, they were all over the place, the lead author said, but only after the infection had cleared from the airways.</p><p>The team now wants to learn whether the same cells help people recover from the flu.</p></div></section></div>` +
				`</main><footer>© 2026 Example</footer></body>`,
			keep: []string{"harbour authority", "searched the lungs", "all over the place"},
			drop: []string{"Science", "2026 Example"},
		},
		{
			name: "closing furniture: disclosures, prompts, tags, copyright and the author's bio",
			html: `<article><p>Iklan</p><p>This post may contain affiliate links. Please see my disclosure page.</p>` + story +
				`<p>Continue reading the main story</p><p>Follow AP's full coverage of the storm at https://apnews.com/storm</p>` +
				`<p>Join our Space Forums to keep talking space on the latest missions!</p><p>Filed under: Weather |</p>` +
				`<p>In each episode of her weekly show, Dana Reyes goes out with the coast guard. Click to subscribe!</p><h2>Breaking News Emails</h2>` +
				`<p>Join our Free Storm Photo Challenge</p><p>Subscribe to The Coast Times and stay ahead of the weather.</p><p>Buyer's Guide: Rain Jackets (Buy Now)</p>` +
				`<p>Sharing is caring!</p><p><a href="https://x.example/blog"><i class="material-icons">chevron_left</i> Browse all posts</a></p><p>Via SyndiGate.info</p>` +
				`<p>Copyright @ 2019 The Coast Times.</p><h3>About the author</h3><p>Dana Reyes</p><p>Dana covers the coast and spends her weekends sailing.</p></article>`,
			keep: []string{"harbour authority", "coast guard asked"},
			drop: []string{"Iklan", "affiliate", "Continue reading", "full coverage", "Space Forums", "Filed under", "Copyright", "About the author", "weekends sailing",
				"Click to subscribe", "Breaking News Emails", "Sharing is caring", "chevron_left", "SyndiGate", "Photo Challenge", "stay ahead", "Buy Now"},
			removed: map[string]string{"Iklan": doc.ReasonAd, "affiliate links": doc.ReasonAd, "full coverage": doc.ReasonPromo,
				"Space Forums": doc.ReasonPromo, "Filed under": doc.ReasonNav, "Click to subscribe": doc.ReasonPromo, "Breaking News Emails": doc.ReasonPromo, "Copyright @ 2019": doc.ReasonFooter, "weekends sailing": doc.ReasonOther},
		},
		{
			name: "a search box whose form the parser left behind goes; prose around a field stays",
			html: `<article>` + story + `<table><form action="/jobs"><tr><td>Find your new job:</td></tr><tr><td><label>Job title</label><br><input name="t" type="text"><br>e.g. secretary</td></tr><tr><td><label>Location</label><br><input name="l"></td></tr></form></table>` +
				`<div><p>Readers can work out their own flood risk: type the height of the nearest river bank above the water, in metres, into the box below and compare the answer with the council's map of the streets most at risk.</p><input name="h" type="number"></div></article>`,
			keep:    []string{"harbour authority", "flood risk"},
			drop:    []string{"Find your new job", "e.g. secretary"},
			removed: map[string]string{"Find your new job": doc.ReasonOther},
		},
		{
			name:    "a blog's link to the next post goes; a source line after a colon stays",
			html:    `<article>` + story + `<p>More: http://example.org/harbour-report</p><p>Next: <a href="/next">Ferry timetables change for the winter season</a></p></article>`,
			keep:    []string{"harbour authority", "More: http://example.org/harbour-report"},
			drop:    []string{"Ferry timetables"},
			removed: map[string]string{"Ferry timetables": doc.ReasonRelated},
		},
		{
			name:    "a paragraph-long notice about the reader's browser goes",
			html:    `<article>` + story + `<p>This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled. While you will be able to read this page in your current browser, you will not get the full visual experience. Please consider upgrading your browser software or enabling style sheets (CSS) if you are able to do so.</p></article>`,
			keep:    []string{"harbour authority"},
			drop:    []string{"best viewed"},
			removed: map[string]string{"best viewed": doc.ReasonPromo},
		},
		{
			name: "a site's long legal notice goes; a notice about the story's own material stays",
			html: `<article>` + story + `<p>© 2026 The Coast Times. All Rights Reserved. This material may not be published, broadcast, rewritten or redistributed.</p>` +
				`<table><tr><td>&copy; 2008 owned by or licensed to Coast Media Limited. icCoast&trade; is a trade mark of Coast Media Limited. Please read our Terms and Conditions and Privacy Statement before using this site.</td></tr></table></article>`,
			keep:    []string{"harbour authority", "may not be published"},
			drop:    []string{"trade mark of Coast Media"},
			removed: map[string]string{"trade mark of Coast Media": doc.ReasonFooter},
		},
		{
			name: "a gallery repeating one caption in WordPress caption blocks keeps it once",
			html: `<article>` + story + strings.Repeat(`<div class="wp-caption"><img src="https://img.example.com/a.jpg" alt=""><p class="wp-caption-text">The harbour at dawn during the 2026 storm season</p></div>`, 4) +
				`<div class="has-caption"><p>Ports are expected to reopen on Wednesday once the wind has dropped below gale force, officials said.</p></div></article>`,
			keep:    []string{"expected to reopen"},
			once:    []string{"The harbour at dawn during the 2026 storm season"},
			removed: map[string]string{"The harbour at dawn": doc.ReasonCaption},
		},
		{
			name:    "a gallery in a list shows each caption whole and cut short",
			html:    `<article>` + story + `<ul class="gallery">` + strings.Repeat(`<li><img src="https://img.example.com/a.jpg" alt=""><div class="caption-full">Brock Nelson puts the winning goal past the goaltender in overtime. (AP Photo/Gene J. Puskar) <a class="more-caption">less</a></div><div class="caption-truncated">Brock Nelson puts the winning goal past the goaltender ... <a class="more-caption">more</a></div></li>`, 2) + `</ul></article>`,
			once:    []string{"Brock Nelson puts the winning goal past the goaltender in overtime."},
			drop:    []string{"goaltender ..."},
			removed: map[string]string{"goaltender ... more": doc.ReasonCaption},
		},
		{
			name: "teasers and share buttons between paragraphs",
			html: `<article>` + story + `<p><strong>DON'T MISS</strong><br><a href="https://x.example/a">Storm chasers film the surge</a> [VIDEO]<br><a href="https://x.example/b">Ferry stranded off the coast</a> [NEWS]</p>` +
				`<p>SEE MORE: Harbour closures across the region</p><p>Every storm tests the harbour's defences.Click To Tweet</p>` +
				`<p><a href="https://x.example/c">STORM CLEARED TO HIT THE COAST AGAIN AMID FEUD WITH FORECASTERS, WEATHER SERVICE AND HARBOUR MASTERS: REPORT</a></p>` +
				`<figure><img src="https://img.example.com/a.jpg" alt=""><figcaption><span class="sr-only">Image caption</span>The pier at night</figcaption></figure>` +
				`<p>Dana Reyes covers the coast. Follow her on Twitter @danareyes.</p></article>`,
			keep: []string{"Every storm tests the harbour's defences.", "The pier at night"},
			drop: []string{"DON'T MISS", "Ferry stranded", "SEE MORE", "Click To Tweet", "Follow her", "FORECASTERS", "Image caption"},
			removed: map[string]string{"Storm chasers": doc.ReasonRelated, "SEE MORE": doc.ReasonRelated, "Click To Tweet": doc.ReasonShare, "Follow her": doc.ReasonPromo,
				"FORECASTERS": doc.ReasonRelated, "Image caption": doc.ReasonOther},
		},
		{
			name:    "inline promo line",
			html:    `<article>` + story + `<p><a href="/live"><strong>READ MORE: LIVE UPDATES FROM THE COAST</strong></a></p><p>Ports are expected to reopen on Wednesday once the wind has dropped below gale force.</p></article>`,
			keep:    []string{"expected to reopen on Wednesday"},
			drop:    []string{"LIVE UPDATES"},
			removed: map[string]string{"LIVE UPDATES": doc.ReasonRelated},
		},
		{
			name:        "links made absolute, unsafe ones dropped",
			html:        `<article>` + story + `<p>See the <a href="/report.pdf">full report</a> and <a href="javascript:alert(1)">this</a> page, which was published this morning.</p></article>`,
			opts:        Options{URL: "https://news.example.com/2026/storm"},
			keep:        []string{"full report", "this page"},
			wantSnippet: "a https://news.example.com/report.pdf",
		},
		{
			name:        "figure with caption",
			html:        `<article>` + story + `<figure><img src="https://img.example.com/a.jpg" alt="Waves"><figcaption>Waves hit the pier.</figcaption></figure></article>`,
			keep:        []string{"Waves hit the pier."},
			wantSnippet: "img https://img.example.com/a.jpg",
		},
		{
			name:        "list and table",
			html:        `<article>` + story + `<ul><li>Terminal A</li><li>Terminal C</li></ul><table><tr><th>Terminal</th><th>Opens</th></tr><tr><td>A</td><td>Wednesday</td></tr></table></article>`,
			keep:        []string{"Terminal A", "Terminal\tOpens", "A\tWednesday"},
			wantSnippet: "container table",
		},
		{
			name: "clipboard fragment keeps the selection",
			html: `<p>Short selected line.</p><p>Another line.</p>`,
			opts: Options{Fragment: true},
			keep: []string{"Short selected line.", "Another line."},
		},
		{
			name: "google docs paste",
			html: `<b style="font-weight:normal;" id="docs-internal-guid-1234"><p dir="ltr"><span>Plain pasted text from a document, long enough to count.</span></p></b>`,
			opts: Options{Fragment: true},
			keep: []string{"Plain pasted text"},
		},
		{
			name: "the head of an article: kicker, headline, standfirst, byline and date",
			html: `<html><head><meta property="og:title" content="Storm closes ports along the coast | Example News">` +
				`<meta name="description" content="Three terminals shut as winds reach 120 km/h."><meta name="author" content="Dana Reyes"></head>` +
				`<body><article><p><a href="/world">World</a></p><h1>Storm closes ports along the coast</h1><p class="article-dek">Three terminals shut as winds reach 120 km/h.</p>` +
				`<p>By Dana Reyes</p><p>Updated Nov. 19, 2019 8:21 am ET</p><figure><img src="https://img.example.com/a.jpg" alt=""><figcaption>Waves hit the pier.</figcaption><cite>Harbour Photo Agency</cite></figure>` +
				story + `</article></body></html>`,
			keep:    []string{"Waves hit the pier.", "harbour authority"},
			drop:    []string{"World", "Storm closes", "Three terminals shut", "Dana Reyes", "Updated"},
			removed: map[string]string{"World": doc.ReasonNav, "By Dana Reyes": doc.ReasonOther, "Updated Nov. 19": doc.ReasonOther, "Harbour Photo Agency": doc.ReasonCaption},
			title:   "Storm closes ports along the coast",
			summary: "Three terminals shut as winds reach 120 km/h.",
		},
		{
			name:    "a subtitle heading under the headline is the standfirst",
			html:    `<html><body><article><h1>Storm closes ports</h1><h2 class="subtitle">Three terminals shut as the winds rise</h2>` + story + `</article></body></html>`,
			keep:    []string{"harbour authority"},
			drop:    []string{"Three terminals shut"},
			summary: "Three terminals shut as the winds rise",
		},
		{
			name: "a sub-headline heading that is the page's description is the standfirst",
			html: `<html><head><meta property="og:description" content="Several deals go live today"></head><body><article><h1>Daily deals</h1><h3>Several Deals Go Live Today</h3>` + story + `</article></body></html>`,
			keep: []string{"harbour authority"},
			drop: []string{"Several Deals"},
		},
		{
			name: "a first paragraph the description copies stays in the article",
			html: `<html><head><meta name="description" content="The harbour authority closed three terminals on Monday as winds reached 120 kilometers an hour, officials said."></head><body><article>` + story + `</article></body></html>`,
			keep: []string{"The harbour authority closed three terminals"},
		},
		{
			name: "a byline in a script without case, and a headline that is the start of the page title",
			html: `<html><head><title>商品の改造が商標法違反に！？ - ライトハウス国際特許事務所</title></head><body><article><p>ブログ</p><h2>商品の改造が商標法違反に！？</h2><p>by ライトハウス国際特許事務所 ／ 2016.12.01</p>` +
				`<p>先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで20代の男性が逮捕されたというニュースがありました。今回はこの事件について考えてみたいと思います。</p><p>商標権者の許諾を得ずに商品を改造して販売すると、商標権の侵害となる場合があります。</p></article></body></html>`,
			keep:    []string{"先日"},
			drop:    []string{"ブログ", "by ライトハウス", "商品の改造が商標法違反に！？"},
			removed: map[string]string{"ブログ": doc.ReasonNav},
			title:   "商品の改造が商標法違反に！？",
		},
		{
			name: "key points above the article are its summary; attachment data is not text",
			html: `<article><h1>Storm closes ports</h1><div>Key Points</div><ul><li>Three terminals shut.</li><li>Ferries cancelled.</li></ul>` + story +
				`<p>https://example.com/wp-content/uploads/a.jpg 540 960 admin https://example.com/wp-content/uploads/b.png</p></article>`,
			keep:    []string{"harbour authority"},
			drop:    []string{"Key Points", "Three terminals shut", "wp-content"},
			removed: map[string]string{"wp-content": doc.ReasonOther},
			summary: "Three terminals shut.\nFerries cancelled.",
		},
		{
			name:  "metadata",
			html:  `<html><head><meta property="og:title" content="OG title"><script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline","datePublished":"2026-01-02","author":[{"@type":"Person","name":"A. Writer"}]}</script></head><body><article>` + story + `</article></body></html>`,
			title: "LD headline",
			keep:  []string{"harbour authority"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := HTML(tc.html, tc.opts)
			for _, k := range tc.keep {
				if !strings.Contains(d.Text, k) {
					t.Errorf("text lacks %q:\n%s", k, d.Text)
				}
			}
			for _, k := range tc.once {
				if n := strings.Count(d.Text, k); n != 1 {
					t.Errorf("text has %q %d times, want once:\n%s", k, n, d.Text)
				}
			}
			for _, k := range tc.drop {
				if strings.Contains(d.Text, k) {
					t.Errorf("text keeps %q:\n%s", k, d.Text)
				}
			}
			checkRemoved(t, d, tc.removed)
			checkRemovedOrder(t, d)
			if tc.summary != "" && d.Summary != tc.summary {
				t.Errorf("summary %q, want %q", d.Summary, tc.summary)
			}
			if tc.title != "" && d.Title != tc.title {
				t.Errorf("title %q, want %q", d.Title, tc.title)
			}
			if tc.wantSnippet != "" && !strings.Contains(describe(d), tc.wantSnippet) {
				t.Errorf("structure lacks %q:\n%s", tc.wantSnippet, describe(d))
			}
			checkDoc(t, d)
		})
	}
}

func TestMetadataHostileJSONLD(t *testing.T) {
	for _, ld := range []string{strings.Repeat("[", 20000), strings.Repeat(`{"a":`, 9000) + "1" + strings.Repeat("}", 9000), `{"@type":"NewsArticle","headline":`, "\xff\xfe"} {
		d := HTML(`<html><head><script type="application/ld+json">`+ld+`</script></head><body><article>`+story+`</article></body></html>`, Options{})
		if !strings.Contains(d.Text, "harbour authority") {
			t.Errorf("a broken JSON-LD block lost the article: %.60q", ld)
		}
	}
}

func TestMetadataFields(t *testing.T) {
	d := HTML(`<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"H","datePublished":"2026-01-02T10:00:00Z","author":{"name":"Dana Reyes"}}]}</script></head><body><article>`+story+`</article></body></html>`, Options{})
	if d.Title != "H" || d.Byline != "Dana Reyes" || d.Published != "2026-01-02T10:00:00Z" {
		t.Errorf("metadata = %q %q %q", d.Title, d.Byline, d.Published)
	}
}

// checkRemoved asserts a removed entry with the given reason for each text fragment.
func checkRemoved(t *testing.T, d *doc.Doc, removed map[string]string) {
	t.Helper()
	for frag, reason := range removed {
		found := false
		for _, r := range d.Removed {
			if strings.Contains(r.Text, frag) {
				found = true
				if r.Reason != reason {
					t.Errorf("removed %q: reason %q, want %q", frag, r.Reason, reason)
				}
			}
		}
		if !found {
			t.Errorf("no removed entry for %q: %+v", frag, d.Removed)
		}
	}
}

// checkRemovedOrder asserts removed entries stand in document order, inside the text.
func checkRemovedOrder(t *testing.T, d *doc.Doc) {
	t.Helper()
	last := 0
	for _, r := range d.Removed {
		if r.At < last || r.At > len(d.Text)+2 {
			t.Errorf("removed %q at %d: out of order (after %d) or past the text (%d)", r.Text, r.At, last, len(d.Text))
		}
		last = r.At
	}
}

// describe lists blocks and their formatting for structure checks.
func describe(d *doc.Doc) string {
	var sb strings.Builder
	for _, b := range d.Blocks {
		if b.Image != nil {
			sb.WriteString("img " + b.Image.Src + "\n")
		}
		if b.Container == doc.Table {
			sb.WriteString("container table\n")
		}
		for _, s := range b.Inline {
			sb.WriteString(s.Label + " " + s.Attr + "\n")
		}
	}
	return sb.String()
}

// checkDoc asserts the invariants every Doc keeps.
func checkDoc(t *testing.T, d *doc.Doc) {
	t.Helper()
	last := -1
	for _, b := range d.Blocks {
		if b.Start < last || b.End < b.Start || b.End > len(d.Text) {
			t.Fatalf("block %d:%d out of order or range (text %d)", b.Start, b.End, len(d.Text))
		}
		last = b.End
		for _, s := range b.Inline {
			if s.Start < b.Start || s.End > b.End || s.End < s.Start {
				t.Fatalf("span %+v outside block %d:%d", s, b.Start, b.End)
			}
		}
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		keep      []string
		removed   map[string]string
		title     string
		published string
	}{
		{
			name: "scrape with title, share prompt, promo, caption and teaser list",
			text: "Ports close as storm hits the coast\nShare and Follow\n\n" +
				"The harbour authority closed three terminals on Monday as winds reached 120 kilometers an hour.\n\n" +
				"STORM CHASERS FLOCK TO THE COAST FOR A GLIMPSE\n\n" +
				"Shipping companies said delays could last until the weekend, with containers waiting at sea.\n\n" +
				"Waves at the pier\n\nWaves hit the pier on Monday. (AP Photo/Jane Doe)\n\n" +
				"Ferry services to the islands were cancelled for the rest of the week, officials said.\n\n" +
				"You May Also Like\nCat rescued from a tree\nRecipe: the perfect soup",
			keep:    []string{"closed three terminals", "Ferry services"},
			removed: map[string]string{"Share and Follow": "share", "STORM CHASERS": "related", "Waves hit the pier": "caption", "Waves at the pier": "caption", "You May Also Like": "related", "Cat rescued": "related", "perfect soup": "related"},
			title:   "Ports close as storm hits the coast",
		},
		{
			name:      "scraper date prefix",
			text:      " date 2025-05-04 The harbour authority closed three terminals on Monday, officials said.\n\nMore text follows in this second paragraph of the article.",
			keep:      []string{"The harbour authority closed"},
			removed:   map[string]string{"date 2025-05-04": "other"},
			published: "2025-05-04",
		},
		{
			name: "app promo",
			text: "The harbour authority closed three terminals on Monday, officials said.\n\nCLICK HERE TO GET THE NEWS APP\n\nShipping companies said delays could last until the weekend.",
			keep: []string{"Shipping companies"}, removed: map[string]string{"GET THE NEWS APP": "promo"},
		},
		{
			name: "a sentence in capitals that ends with a full stop is a section's lead, not a teaser",
			text: "Here are the stories of the day, compiled by the news desk.\n\n" +
				"FIREWORKS FLY IN THE FIRST ONE-ON-ONE DEBATE.\n\n" +
				"The two candidates clashed over health care, the banks and foreign policy for two hours.\n\n" +
				"STORM CHASERS FLOCK TO THE COAST FOR A GLIMPSE\n\n" +
				"Shipping companies said delays could last until the weekend, with containers waiting at sea.",
			keep:    []string{"FIREWORKS FLY IN THE FIRST", "clashed over health care"},
			removed: map[string]string{"STORM CHASERS": "related"},
		},
		{
			name: "hard-wrapped text",
			text: "The harbour authority closed three terminals on Monday as winds\nreached 120 kilometers an hour, officials said on the quay.\n\n" +
				"Shipping companies said delays could last until the weekend,\nwith containers waiting at sea for days.",
			keep: []string{"as winds reached 120 kilometers"},
		},
		{
			name: "markdown",
			text: "# Ports close\n\nThe harbour authority closed three terminals on Monday, officials said.\n\n- Terminal A\n- Terminal C\n\nShips wait at sea.",
			keep: []string{"Terminal A", "Ships wait at sea."}, title: "Ports close",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Text(tc.text, Options{})
			for _, k := range tc.keep {
				if !strings.Contains(d.Text, k) {
					t.Errorf("text lacks %q:\n%s", k, d.Text)
				}
			}
			for frag := range tc.removed {
				if strings.Contains(d.Text, frag) {
					t.Errorf("text keeps %q", frag)
				}
			}
			checkRemoved(t, d, tc.removed)
			if d.Title != tc.title {
				t.Errorf("title %q, want %q", d.Title, tc.title)
			}
			if d.Published != tc.published {
				t.Errorf("published %q, want %q", d.Published, tc.published)
			}
			checkDoc(t, d)
		})
	}
}

func TestFlattenedPage(t *testing.T) {
	menu := strings.Repeat("Home World Politics Sport Business Tech Science Health Entertainment Video Live ", 30)
	article := strings.Repeat("officials closed three terminals monday winds reached record speeds ships waited sea companies expected delays until weekend ", 12)
	footer := strings.Repeat("Contact Us Careers Advertise Privacy Policy Terms Use Newsletters Podcasts Apps ", 30)
	d := Text(menu+"STORM CHASERS FLOCK COAST GLIMPSE "+article+footer, Options{})
	if !strings.Contains(d.Text, "officials closed three terminals") {
		t.Fatalf("article span lost:\n%.300s", d.Text)
	}
	if strings.Contains(d.Text, "Entertainment Video Live Home") || strings.Contains(d.Text, "Careers Advertise Privacy") {
		t.Errorf("menus kept:\n%.500s", d.Text)
	}
}

func TestFlattenedPageEdges(t *testing.T) {
	menu := strings.Repeat("Home World Politics Sport Business Tech Science Health Entertainment Live ", 30)
	article := strings.Repeat("officials closed three terminals monday winds reached record speeds ships waited sea companies expected delays until weekend ", 12)
	footer := strings.Repeat("Contact Us Careers Advertise Privacy Policy Terms Use Newsletters Podcasts Apps ", 30)
	video := "close Video Storm chasers film surge harbour wall reporter explains forecasters fear worst week "
	lede := "Harbour officials said Monday three terminals would stay shut "
	credit := "Associated Press contributed report "
	bio := "Dana Reyes breaking news writer Coast Times Prior joining Dana covered weather crime courts "
	d := Text("Harbour officials close ports storm "+menu+video+lede+article+credit+bio+footer, Options{})
	for _, k := range []string{"Harbour officials said Monday", "officials closed three terminals", "Associated Press contributed report"} {
		if !strings.Contains(d.Text, k) {
			t.Errorf("text lacks %q:\n%.400s", k, d.Text)
		}
	}
	for _, k := range []string{"Storm chasers film surge", "Dana covered weather"} {
		if strings.Contains(d.Text, k) {
			t.Errorf("text keeps %q:\n%.400s", k, d.Text)
		}
	}
	checkRemoved(t, d, map[string]string{"Storm chasers film surge": doc.ReasonPromo, "Dana covered weather": doc.ReasonOther})
}

func FuzzHTML(f *testing.F) {
	f.Add(`<article>` + story + `</article>`)
	f.Add(`<table><tr><td><a href="x"><b>y</a></b></td></tr></table><figure><img src="http://a/b"><figcaption>c</figcaption></figure>`)
	f.Add(`<ul><li><p>a<br><br>b</p></li></ul><pre>  x
  y</pre><q>quoted</q>`)
	f.Add(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H é","author":[{"name":"A"}],"description":"D"}]}</script><article><h1>H é</h1><p class="dek">D</p></article>`)
	// the second opinion's reading: no article of ours, one of Readability's
	f.Add(`<body><nav><a href="/">Home</a></nav><div class="sidebar-content"><p>` + strings.Repeat("The library will close for repairs, and it will reopen in April. ", 6) + `</p></div></body>`)
	f.Fuzz(func(t *testing.T, s string) {
		for _, frag := range []bool{false, true} {
			checkDoc(t, HTML(s, Options{Fragment: frag, URL: "https://example.com/a/"}))
		}
	})
}

func FuzzText(f *testing.F) {
	f.Add("Title line\nShare and Follow\n\nBody text here. It is long enough to count as prose for sure.\n\nREAD MORE\n- a\n- b")
	f.Add(" date 2025-05-04 x")
	f.Fuzz(func(t *testing.T, s string) {
		checkDoc(t, Text(s, Options{}))
	})
}

func TestCredits(t *testing.T) {
	lines := []struct {
		s      string
		credit bool
	}{
		{"Photo: Gene J. Puskar", true},
		{"Image Credit: WeWork", true},
		{"Credit...Anna Moneymaker/The New York Times", true},
		{"(Image: © NASA/ESA/K. Retherford/SWRI)", true},
		{"Getty", true},
		{"Jane Doe | Bloomberg | Getty Images", true},
		{"Getty Images bought a rival archive on Tuesday", false},
		{"Sources said the talks had stalled.", false},
	}
	for _, tc := range lines {
		if got := creditLine.MatchString(tc.s); got != tc.credit {
			t.Errorf("creditLine(%q) = %v, want %v", tc.s, got, tc.credit)
		}
	}
	tails := []struct{ s, caption string }{
		{"Home Depot stock fell after the report. Photograph by Robyn Beck/AFP/Getty Images", "Home Depot stock fell after the report."},
		{"The house in Braunau am Inn, Austria.Leonhard Foeger / Reuters file", "The house in Braunau am Inn, Austria."},
		{"Rep. Ilhan Omar speaks at the Capitol.J. Scott Applewhite / AP file", "Rep. Ilhan Omar speaks at the Capitol."},
		{"Titan in false colour. (NASA/JPL/Space Science Institute)", "Titan in false colour."},
		{"Swift's first six albums, including “1989.” (Photos by Richard Shotwell/Invision/AP, File)", "Swift's first six albums, including “1989.”"},
		{"Turnout (in per cent) rose to 64 (from 58)", "Turnout (in per cent) rose to 64 (from 58)"},
		{"Waves hit the pier. (AP Photo/Evan Vucci)", "Waves hit the pier."},
		{"The pier at night", "The pier at night"},
	}
	for _, tc := range tails {
		got := tc.s
		if loc := captionCreditTail.FindStringIndex(tc.s); loc != nil && loc[0] > 0 {
			got = tc.s[:loc[0]]
		}
		if got != tc.caption {
			t.Errorf("caption of %q = %q, want %q", tc.s, got, tc.caption)
		}
	}
}

// creditKeyed reports whether a lower-cased line holds one of creditKeys.
func creditKeyed(l string) bool {
	for _, k := range creditKeys {
		if strings.Contains(l, k) {
			return true
		}
	}
	return false
}

// TestCreditKeys holds the key-word gate in front of creditLine to the pattern: every line the
// pattern takes holds a key, so the gate only skips lines the pattern would refuse.
func TestCreditKeys(t *testing.T) {
	for _, s := range []string{
		"Photo: Gene J. Puskar", "Jane Doe | Bloomberg | Getty Images", "Image Credit: WeWork",
		"Credit...Anna Moneymaker/The New York Times", "(Image: © NASA)", "Getty", "ISTOCK", "Alamy",
		"via Reuters", "John Smith/AP", "John Smith / AP Photo", "Reuters file", "AFP", "EPA",
		"Shutterstock", "Associated Press", "Pictures: Jane Doe", "Source: the agency", "Courtesy… the family",
		"Video photo: x", "SOURCES: officials", "PHOTOS: ALEX",
	} {
		if !creditLine.MatchString(s) {
			t.Errorf("%q: not a credit line", s)
		}
		if !creditKeyed(asciiLowerString(s)) {
			t.Errorf("%q: a credit line without a credit key", s)
		}
	}
}

// FuzzCreditKeys: on ASCII lines (the pattern's case folding also takes "ſ" for "s"), whatever
// creditLine takes holds a credit key.
func FuzzCreditKeys(f *testing.F) {
	for _, s := range []string{"Photo: Gene", "x / ap", "via a.b", "The mayor said no.", "Getty"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return
			}
		}
		if creditLine.MatchString(s) && !creditKeyed(asciiLowerString(s)) {
			t.Fatalf("%q: creditLine takes it but holds no credit key", s)
		}
	})
}

// collapseRunes is how text and visibleText wrote text before they wrote it a word at a time:
// rune by rune, each run of spaces one space, none at the start.
func collapseRunes(s string) string {
	var sb strings.Builder
	pending := false
	for _, r := range s {
		if isSpace(r) {
			pending = true
			continue
		}
		if pending && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		pending = false
		sb.WriteRune(r)
	}
	return sb.String()
}

// collapseRuns is writeCollapsed on s alone.
func collapseRuns(s string) string {
	var sb strings.Builder
	writeCollapsed(&sb, s, false)
	return sb.String()
}

func TestWordRun(t *testing.T) {
	for _, c := range []struct {
		s     string
		w, sp int
	}{
		{"", 0, 0},
		{"word", 4, 0},
		{"  x", 0, 2},
		{"ab \t\n\v\f\rcd", 2, 6},
		{"é\u00a0\u200b\u2003z", 2, 8},
		{"a\u0085b", 1, 2},
		{"\u200dz y", 4, 1}, // a zero-width joiner is not a space
	} {
		if w, sp := wordRun(c.s); w != c.w || sp != c.sp {
			t.Errorf("wordRun(%q) = %d, %d; want %d, %d", c.s, w, sp, c.w, c.sp)
		}
	}
	for _, s := range []string{" a  b ", "\xffx\xfe\xfd y", "a\u00a0\u00a0b\u3000c\n", "\xe2\x80 \xe2\x80\x8b z"} {
		if got, want := collapseRuns(s), collapseRunes(s); got != want {
			t.Errorf("%q: runs %q, runes %q", s, got, want)
		}
	}
}

func FuzzWordRun(f *testing.F) {
	f.Add(" a  b\u00a0c\xff\u200b")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseRuns(s), collapseRunes(s); got != want {
			t.Errorf("%q: runs %q, runes %q", s, got, want)
		}
	})
}
