package extract

import (
	"strings"
	"unicode"

	"github.com/attest-news/attest/annotate/internal/textutil"
)

// Every heuristic and weight the extractor uses, each explained in one line.

// classRules maps class/id/role/aria-label words to the rule that calls such a block
// boilerplate. Checked in order; the first match wins.
var classRules = []struct {
	words nameWords
	rule  string
}{
	{commentNames, "class-comment"},
	{words("related|recommend|recommended|recommendations|more-?stories|read-?more|also-?like|most-?read|most-?popular|most-?viewed|trending|popular|outbrain|taboola|recirc|you-?may|up-?next|next-?up|teaser|further-?reading"), "class-related"},
	{words("share|sharing|social|sharebar|share-?tools|addthis|sociallinks|follow-?us|tweetmeme|digg|likebox|like-?box|fb-?like|social-?buttons|socialbuttons"), "class-share"},
	{words("ad|ads|adv|advert|advertisement|advertising|adslot|ad-?slot|ad-?container|ad-?unit|dfp|gpt|sponsor|sponsored|banner-?ad|commercial"), "class-ad"},
	{words("promo|newsletter|subscribe|subscription|signup|sign-?up|paywall|app-?promo|download-?app|cta|cookie|consent|gdpr|modal|popup|overlay"), "class-promo"},
	{words("nav|navbar|navigation|menu|breadcrumb|breadcrumbs|masthead|site-?header|skip-?link|pagination|pager|toolbar|topbar|sidebar|widget|tag|tags|tag-?list|categories|tabs|tab-?nav"), "class-nav"},
	{words("footer|foot|site-?footer|copyright|colophon|legal"), "class-footer"},
	{words("author-?bio|about-?the-?author|author-?info|bio|byline|bylines|dateline|timestamp|publish-?date|pub-?date|article-?meta|meta-?info|post-?meta|entry-?meta|postmetadata|post-?info|postinfo|entry-?utility|author-?box|authorbox|about-?author|contributor-?bio"), "class-meta"},
}

// commentNames are class/id words of comment threads.
var commentNames = words("trackbacks|pingbacks|pings|trackback|comment|comments|disqus|discussion|respond|replies|reactions|commentlist|commentslist|commentblock|commentsblock|commentpost|commentbody|commentarea|commentsarea|commentwrap|commentswrap|commentsection|commentssection|commentthread|commentform|commentbox|commentcontainer|commentscontainer")

// articleHint marks class/id words of article bodies; a block matching it is never removed by
// classReasons (a "share" word in "article-share-count" must not drop the article).
var articleHint = words("article|articlebody|article-?body|article-?content|entry-?content|post-?content|post-?body|story-?body|story-?content|main-?content|body-?text|content-?body|rich-?text|text")

// postHint and weakHint are the rest of Readability's class weights for candidates: names of
// posts and bodies, and names of furniture that no class verdict removes.
var postHint = words("post|entry|hentry|h-?entry|story|blog|article-?text|story-?text|entry-?body")
var weakHint = words("meta|media|contact|masthead|shopping|scroll|widget|banner|combx|shoutbox|skyscraper")

// iconFont are class words of icon-font glyphs written as ligature names ("chevron_left").
var iconFont = words("material-?icons|material-?icons-?outlined|material-?icons-?round|material-?symbols|material-?symbols-?outlined|material-?symbols-?rounded")

// screenReaderOnly are class words of text hidden from sight and kept for screen readers.
var screenReaderOnly = words("sr-?only|visually-?hidden|visuallyhidden|screen-?reader-?text|screen-?reader-?only|off-?screen|a11y-?hidden|hidden-?visually|element-?invisible|u-?hidden-?visually")

// articleBodyHint is the narrow version of articleHint: names only article bodies use.
var articleBodyHint = words("articlebody|article-?body|article-?content|entry-?content|post-?content|post-?body|story-?body|story-?content")

// Weights for the content score (Readability's scheme, retuned).
const (
	minParagraphChars    = 25  // shorter text runs do not vote for a container
	charsPerPoint        = 100 // one point per this many characters, up to maxLengthPoints
	maxLengthPoints      = 3
	classWeight          = 25   // added for articleHint, subtracted for classReasons
	siblingThreshold     = 0.2  // a sibling joins the article with at least this share of the top score
	siblingProse         = 300  // characters of text a same-class sibling needs to join the article
	maxLinkDensity       = 0.5  // blocks with more of their text in links are navigation
	tailLinked           = 0.2  // a long paragraph with less of its text in links than this ends a teaser list or bio
	teaserChars          = 200  // unlinked characters per linked headline in a box of teasers, at most
	maxListProse         = 1000 // characters of unlinked text past which a box is no link list as a whole
	promoMaxWords        = 16   // an all-caps or "READ MORE" line longer than this is prose
	allCapsPromoMaxWords = 30   // a linked line in capitals up to this long is a promoted headline
	proseParagraph       = 120  // a <p> this long, sentence-like and mostly unlinked, is prose
	minProseKept         = 400  // the densest paragraph container, with at least this much prose, is never dropped whole
	articleBodyGrowth    = 3.0  // an itemprop=articleBody around the top candidate replaces it if at most this much larger
	loneChildShare       = 0.98 // the top candidate gives way to its parent when it holds at least this share of the parent's text
	captionMaxWords      = 60   // a block the page calls a caption is one only up to this length
	recentCaptions       = 64   // a caption repeating one of this many before it is dropped
	fieldDepth           = 4    // a text field makes a box a form up to this many levels above it
	fieldMaxChars        = 200  // of unlinked text at most: labels and hints, not prose
)

// creditWords are class words of a picture's credit inside a figure.
var creditWords = words("credit|credits|photo-?credit|image-?credit|media-?credit|copyright|source")

// captionWords are class/id words of a picture's caption outside <figcaption> ("wp-caption-text").
var captionWords = words("caption|captions")

// tagRules are elements that are boilerplate by their tag alone (when they hold text).
var tagRules = map[string]string{
	"nav":    "tag-nav",
	"footer": "tag-footer",
	"aside":  "tag-aside",
	"form":   "tag-form",
	"button": "tag-form",
	"select": "tag-form",
	"dialog": "tag-dialog",
	"menu":   "tag-nav",
}

// silentTags never hold article text and are dropped without a removed entry.
var silentTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "head": true,
	"link": true, "meta": true, "iframe": true, "object": true, "embed": true,
	"svg": true, "math": true, "canvas": true, "video": true, "audio": true, "source": true,
	"input": true, "textarea": true, "map": true, "track": true, "param": true, "base": true,
	"picture": false, // kept: holds the <img>
}

// promoLine matches inline promo and related-story lines inside an article body
// ("READ MORE: …", "CLICK HERE TO GET THE APP", "Sign up for our newsletter").
var promoLine = textutil.Lazy(`(?i)^\s*(?:(?:share your thoughts|to read the full story|subscribe to (continue|read)|already a subscriber|read more|read also|see also|see more|related|click (here )?to|click here|sign up|subscribe|download (the|our)|get the .* app|follow us|share this|advertisement|sponsored)\b|(?:next|previous):)`)

// appPromo is the promo flavour of promoLine: these get reason "promo", the rest "related".
var appPromo = textutil.Lazy(`(?i)\b(app|newsletter|subscribe|sign up|download|click (here )?to get|follow us|podcast)\b`)

// shareLine matches share prompts in plain-text scrapes.
var shareLine = textutil.Lazy(`(?i)^\s*(share( and follow| this( article| story)?| on (facebook|twitter|x|whatsapp|linkedin))?|follow|tweet|email|print|copy link|facebook|twitter|whatsapp|linkedin)\s*$`)

// relatedHeader matches the line that starts a teaser list at the end of a scrape (also in the
// languages of the pages we have seen most).
var relatedHeader = textutil.Lazy(`(?i)^\s*(you may also like|you might also like|read more|related( stories| articles| coverage| news| posts)?|recommended( for you| stories)?|more (stories|from|on this)|more( [\w&'’-]+){1,4} (stories|news|articles|videos|headlines)|most (read|popular|viewed)|trending( now)?|also read|further reading|explore further|latest news|don'?t miss|what to read next|up next|elsewhere on .{1,30}?(\.\.\.|…)?|lesen sie auch|mehr zum thema|leia também|lea también|à lire aussi|voir aussi|leggi anche|baca juga|читайте также|материалы по теме|関連記事)\s*:?\s*$`)

// authorHeader starts the author's biography at the end of an article.
var authorHeader = textutil.Lazy(`(?i)^\s*(about the authors?|author bio(graphy)?|about the writer)\s*:?\s*$`)

// adLabels are the words a page prints over an advertisement, in several languages.
var adLabels = map[string]bool{"advertisement": true, "advertising": true, "ad": true, "anzeige": true, "werbung": true,
	"publicité": true, "publicidad": true, "pubblicità": true, "advertentie": true, "iklan": true, "реклама": true,
	"広告": true, "광고": true, "广告": true}

// affiliateNotice is a shop-link disclosure: "This post may contain affiliate links", "IGN may get
// a share of the sale", "Microsoft may earn an Affiliate Commission".
var affiliateNotice = textutil.Lazy(`(?i)\b(?:contains? affiliate|affiliate (?:links?|commission|partner)|may (?:earn|get|receive) (?:a |an )?(?:small )?(?:share|commission|affiliate))`)

// followPrompt asks the reader to follow the site or the writer elsewhere.
var followPrompt = textutil.Lazy(`(?i)(?:^|[.!?]\s+)(?:follow (?:me|us|him|her|them)\b.{0,60}\b(?:twitter|facebook|instagram|linkedin|tiktok|youtube|@\w+)|follow .{2,60}\bcoverage\b.{0,80}\bat https?://|join (?:our|the) .{0,40}\b(?:forums?|community|conversation|discussion)\b|check out my website)`)

// closingCTA is a call to action ending a promo paragraph: "… Click to subscribe!", "… (Buy Now)".
var closingCTA = textutil.Lazy(`(?i)(?:click (?:here )?to subscribe|subscribe now|sign up now|sign up here|\(buy now\)|\(shop now\))[.!]?$`)

// openingCTA opens a short promo line: "Join our Free Parlay Challenge", "Subscribe to WIRED and …".
var openingCTA = textutil.Lazy(`(?i)^(?:join (?:our|us)|subscribe to) \S`)

// tweetBox is a pull quote offered for sharing: "… business.Click To Tweet".
var tweetBox = textutil.Lazy(`(?i)(?:click to tweet|tweet this)\s*$`)

// tagLine lists the article's tags or categories: "Filed under: Politics |", "Tags: Apple".
var tagLine = textutil.Lazy(`(?i)^(?:filed under|tags?|tagged(?: with)?|categories|category|posted in)\s*:`)

// commentHeader is the heading of a reader comment thread: "Comments", "Comments (3)", "12
// Responses to “…”", "Leave a Reply", "Reader comments".
var commentHeader = textutil.Lazy(`(?i)^\s*(\d+\s+)?(reader\s+|user\s+)?comments(\s*\(\d+\))?\s*:?\s*$|^\s*\d+\s+(comments?|responses?|replies)(\s+(to|on)\s+.{1,120}?)?\s*:?\s*$|^\s*(leave|post|add|write)\s+a\s+(comment|reply|response)\s*:?\s*$`)

// moreFrom matches a short line announcing other stories: "More Washington Examiner",
// "More from The Guardian", "More in Politics". What follows it in the article container is a
// teaser feed.
var moreFrom = textutil.Lazy(`^(?:More|Also|Latest|Read) (?:from |in |on |at |stories from |news from )?(?:[A-Z0-9][\w'’.&-]*)(?: [A-Z0-9][\w'’.&-]*){0,4}:?$`)

// captionCredit matches a photo credit at the end of a caption line: "(AP Images)", "(Reuters)".
var captionCredit = textutil.Lazy(`(?i)\((?:[^()]{0,60}\b(?:images?|photos?|photo by|photograph|getty|reuters|ap|afp|epa|shutterstock|via|credit|file)\b[^()]{0,60})\)\s*$`)

// scraperDate matches a scraper's "date 2025-05-04" prefix glued to the first line.
var scraperDate = textutil.Lazy(`^\s*date:?\s+(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+Z-]+)?\s+`)

// creditLine is a photo credit on its own: "Photo: Gene J. Puskar", "Jane Doe | Bloomberg | Getty
// Images", "Image Credit: WeWork", "Credit...Anna Moneymaker/The New York Times", "(Image: © NASA)", "Getty".
var creditLine = textutil.Lazy(`(?i)^(?:\(?(?:(?:photo|image|picture|video) )?(?:photo|image|picture|credit|credits|source|courtesy)s?\s*(?::|\.\.\.|…)\s*.{1,80}|.{0,80}(?:getty images|/ ?ap(?: photo| file)?|reuters(?: file)?|afp|epa|shutterstock|associated press)\s*|getty|istock|alamy|via [\w.-]+)$`)

// creditKeys: creditLine matches no lower-cased block that holds none of these.
var creditKeys = []string{"photo", "image", "picture", "credit", "source", "courtesy", "getty", "/", "reuters",
	"afp", "epa", "shutterstock", "associated press", "istock", "alamy", "via "}

// uiLabel is a bare interface word left in the text: buttons, toggles, skip links.
var uiLabel = textutil.Lazy(`(?i)^(?:caption|close|open|menu|share|skip (?:to content|navigation)|expand|collapse|advertisement|loading…?|play video|watch|listen|hide caption|show caption|toggle caption|enlarge this image|image \d+ of \d+|\d+ of \d+|previous|next|back to top|order reprints|text size|reprints|continue reading(?: the main story)?|play now|comments?(?: \(\+\)| \(\d+\))?|\d+ comments?|video\s*[\d:]+|sharing is caring!?|get short url|printer[- ]friendly(?: version| page)?|click (?:the )?(?:photo|image|picture) to enlarge|font:?|disable ad|report this ad|(?:previous|next) (?:story|article|post)|print|e-?mail|rss|trackbacks?|enlarge photo|photos?|videos?|gallery|views|single page|view (?:this |the )?(?:article|story) on (?:a |one )?single page|font size:?(?: \+)?(?: -)?|loading \.\.\.)$`)

// interfaceWords are the words a row of buttons is made of ("Text Size | Print | Email",
// "Printable version", "Rate this article"), and interfaceActions the ones only buttons use: a
// short line of the first with one of the second is a row of buttons, whatever their order.
var (
	interfaceWords   = listSet("print printable printer friendly version email e-mail mail this story article page post text size font share sharing comments comment blog rss feed bookmark digg delicious del.icio.us reddit facebook twitter stumbleupon send feedback rate rating current recommend save reprints reprint license add new your say to a friend link permalink tweet like it on the and or us our more tools options view discuss discussion reader readers")
	interfaceActions = listSet("print printable email e-mail share rss bookmark digg delicious reddit feedback rate rating reprints permalink comments comment tweet")
)

func listSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// interfaceRow reports a line of at most ten words, numbers aside, all interface words, two or
// more of them and one an action.
func interfaceRow(s string) bool {
	fields := strings.FieldsFunc(asciiLowerString(s), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("|•·/:,()[]!?…", r)
	})
	if len(fields) > 10 {
		return false
	}
	words, action := 0, false
	for _, f := range fields {
		f = strings.Trim(f, ".")
		if f == "" || strings.Trim(f, "0123456789+-") == "" {
			continue
		}
		if !interfaceWords[f] {
			return false
		}
		words++
		action = action || interfaceActions[f]
	}
	return words >= 2 && action
}

// contactLine is an author's contact note closing an article: "Write to Al Root at allen.root@dowjones.com".
var contactLine = textutil.Lazy(`(?i)^(?:write to|contact|email) [^@]{2,80} at \S+@\S+?\.?$`)

// reprintNotice is a publisher's copy notice at the top of an article.
var reprintNotice = textutil.Lazy(`(?i)\bthis copy is for your personal,? non-commercial use only\b`)

// browserNotice is a site's warning about the reader's browser.
var browserNotice = textutil.Lazy(`(?i)\b(?:update to a modern browser|upgrad(?:e|ing) your browser|best viewed (?:in|with) (?:an? |the )?(?:up-to-date |modern |latest )?(?:web )?browser|your browser is (?:out of date|not supported)|unsupported browser|detected you are (?:on|using) internet explorer|playback is unsupported on your device)\b`)

// newsletterBox is a newsletter or alert sign-up pitch.
var newsletterBox = textutil.Lazy(`(?i)\b(?:newsletters?|news alerts?|breaking news emails?|(?:in|to|meet) your inbox|subscribe to our)\b`)

// datelineOnly is a paragraph that is only a date and time, or only a byline.
var datelineOnly = textutil.Lazy(`(?i)^(?:(?:updated|published|posted)(?: on)?:?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?(?:[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [a-z]{3,9}\.? \d{4}|\d{4}-\d{2}-\d{2})(?:,? (?:at )?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?: [a-z]{2,4})?)?$|^by [\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){0,3}(?:(?:,| and) [\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){0,3})*$`)

// bareURL is a paragraph that is only an address.
var bareURL = textutil.Lazy(`^https?://\S+$`)

// footerLine matches copyright and legal lines: the regular expression
// (?i)(©|\(c\)\s*\d{4}|copyright\s+\d{4}|all rights reserved|terms of (use|service)|privacy policy|subject to copyright|^citation: )
// written out by hand (footer.go), because backtracking it over every short paragraph was most
// of the plain-text extractor's time.
var footerLine = footerMatcher{}

// captionCreditTail matches an image credit at the end of a caption: "… Credit: ESA",
// "… Photo: Jane Doe/Reuters", "… (AP Photo/Evan Vucci)", "… (NASA/JPL/Space Science Institute)",
// "… Photograph by Robyn Beck/AFP",
// "… Austria.Leonhard Foeger / Reuters file".
var captionCreditTail = textutil.Lazy(`(?i)\s*(?:\((?:[^()]{0,40}\b(?:photos?|images?|credit|getty|reuters|ap|afp|epa)\b[^()]{0,60})\)|\([^()/]{1,40}(?:/[^()/]{1,40})+\)|(?:image |photo |picture )?(?:credit|credits|photo|photograph|image|source|courtesy)s?\s*:\s*[^.:]{1,80}|(?:photograph(?:ed)?|photo|image|picture) by [^.:]{1,80}|(?-i:\p{Lu}[\p{L}'’-]*\.?(?: \p{Lu}[\p{L}'’-]*\.?){0,3}) ?/ ?(?:reuters|ap|afp|epa|getty images|bloomberg)(?: file| photo)?)\s*$`)

// contactMaxChars: a box longer than this is no contact block (an article may quote addresses).
const contactMaxChars = 1000

// contactBlock reports text made of a site's contact details: three or more e-mail addresses,
// telephone numbers (a run of at least nine digits among spaces, dots, dashes and brackets) and
// post-office boxes.
func contactBlock(s string) bool {
	hits := strings.Count(strings.ToLower(s), "box ")
	for _, f := range strings.Fields(s) {
		if at := strings.IndexByte(f, '@'); at > 0 && strings.Contains(f[at:], ".") {
			hits++
		}
	}
	digits := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			digits++
			continue
		}
		if i < len(s) && strings.IndexByte(" .-()+/", s[i]) >= 0 {
			continue // inside a number written in groups
		}
		if digits >= 9 {
			hits++
		}
		digits = 0
	}
	return hits >= 3
}
