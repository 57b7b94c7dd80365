package annotate

import (
	"fmt"
	"html"
	"strings"
)

// pageCSS colours marks with the displaCy palette; no script, no external resources.
const pageCSS = `body{font:18px/1.6 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;color:#1b1b1b;background:#fff}
header p{color:#555;font:15px/1.4 system-ui,sans-serif}
mark{background:none;color:inherit;border-radius:.2em;padding:0 .1em}
mark[data-label=QUOTE]{background:#fff3bf;box-shadow:inset 0 -2px #f08c00}
mark[data-label=PERSON]{background:#aa9cfc}mark[data-label=ORG]{background:#7aecec}
mark[data-label=GPE]{background:#feca74}mark[data-label=LOC]{background:#ff9561}
mark[data-label=NORP]{background:#c887fb}mark[data-label=FAC]{background:#9cc9cc}
mark[data-label=DATE],mark[data-label=TIME]{background:#bfe1d9}
mark[data-label=MONEY]{background:#e4e7d2}mark[data-label=PERCENT],mark[data-label=QUANTITY],mark[data-label=CARDINAL],mark[data-label=ORDINAL]{background:#e4e7d2}
mark[data-label=EVENT],mark[data-label=WORK_OF_ART],mark[data-label=LAW],mark[data-label=PRODUCT],mark[data-label=LANGUAGE]{background:#ffeb80}
figure img{max-width:100%;height:auto}aside{border-top:1px solid #ccc;margin-top:2em;font-size:16px}`

// Page renders a result as a standalone HTML document: the clean article and a quotes appendix.
func Page(r *Result) string {
	var sb strings.Builder
	title := "Article"
	if r.Title != nil {
		title = *r.Title
	}
	sb.WriteString("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
	sb.WriteString(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: http:; style-src 'unsafe-inline'">` + "\n")
	sb.WriteString("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n")
	sb.WriteString("<title>" + html.EscapeString(title) + "</title>\n<style>" + pageCSS + "</style></head><body>\n<article><header>")
	if r.Title != nil && !titleLeads(r) { // a text's headline already opens the article
		sb.WriteString("<h1>" + html.EscapeString(*r.Title) + "</h1>")
	}
	if r.Summary != nil {
		sb.WriteString("<p><strong>" + strings.ReplaceAll(html.EscapeString(*r.Summary), "\n", "<br>") + "</strong></p>")
	}
	if meta := byline(r); meta != "" {
		sb.WriteString("<p>" + html.EscapeString(meta) + "</p>")
	}
	sb.WriteString("</header>\n" + r.HTML + "\n</article>\n")
	if len(r.Quotes) > 0 {
		sb.WriteString("<aside><h2>Quotes</h2><ol>")
		for _, q := range r.Quotes {
			sb.WriteString("<li>“" + html.EscapeString(q.Text) + "” — " + html.EscapeString(speakerName(q)) + "</li>")
		}
		sb.WriteString("</ol></aside>\n")
	}
	sb.WriteString("</body></html>\n")
	return sb.String()
}

// Markdown renders a result as Markdown: the article, then every quote as a blockquote with
// its attribution.
func Markdown(r *Result) string {
	var sb strings.Builder
	text := r.Text
	if r.Title != nil {
		sb.WriteString("# " + mdEscape(*r.Title) + "\n\n")
		if titleLeads(r) {
			text = strings.TrimPrefix(text[len(*r.Title):], "\n\n") // shown as the heading above
		}
	}
	if r.Summary != nil {
		lines := strings.Split(*r.Summary, "\n")
		for i, l := range lines {
			lines[i] = "**" + mdEscape(l) + "**"
		}
		sb.WriteString(strings.Join(lines, "  \n") + "\n\n")
	}
	if meta := byline(r); meta != "" {
		sb.WriteString("*" + meta + "*\n\n")
	}
	for _, p := range strings.Split(text, "\n\n") {
		sb.WriteString(mdEscape(p) + "\n\n")
	}
	if len(r.Quotes) > 0 {
		sb.WriteString("## Quotes\n\n")
		for _, q := range r.Quotes {
			fmt.Fprintf(&sb, "> %s\n>\n> — %s\n\n", mdEscape(q.Text), speakerName(q))
		}
	}
	return sb.String()
}

// titleLeads reports a result whose text opens with its title as a paragraph of its own (a
// pasted text keeps its headline, so names in it are annotated).
func titleLeads(r *Result) bool {
	return r.Title != nil && (r.Text == *r.Title || strings.HasPrefix(r.Text, *r.Title+"\n\n"))
}

func byline(r *Result) string {
	var parts []string
	if r.Byline != nil {
		parts = append(parts, *r.Byline)
	}
	if r.Published != nil {
		parts = append(parts, *r.Published)
	}
	return strings.Join(parts, " · ")
}

func speakerName(q Quote) string {
	if q.Speaker == nil {
		return "unattributed"
	}
	return *q.Speaker
}

// mdEscape keeps article text from being read as Markdown syntax at the start of a line.
func mdEscape(s string) string {
	s = strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "<", "&lt;").Replace(s)
	if len(s) > 0 && strings.ContainsRune("#>-+=|", rune(s[0])) {
		s = "\\" + s
	}
	return s
}
