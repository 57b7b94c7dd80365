// Package annotate is the Attest engine: it takes a news article (a page, a clipboard fragment,
// a saved MHTML file or a text scrape) and returns the article alone, sanitized, with every
// removed block explained, direct quotations attributed to their speakers, and named entities
// linked to canonical names.
//
// Stages (each a package under internal/): ingest → extract → syntax → analyze (entity,
// quote) → render → minify → sanitize. Analysis writes standoff spans over one text; only the renderer
// produces markup, and the sanitizer is the last gate before output.
package annotate

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/entity"
	"github.com/attest-news/attest/annotate/internal/extract"
	"github.com/attest-news/attest/annotate/internal/ingest"
	"github.com/attest-news/attest/annotate/internal/minify"
	"github.com/attest-news/attest/annotate/internal/quote"
	"github.com/attest-news/attest/annotate/internal/render"
	"github.com/attest-news/attest/annotate/internal/sanitize"
	"github.com/attest-news/attest/annotate/internal/sched"
	"github.com/attest-news/attest/annotate/internal/syntax"
)

// Input kinds for Options.In.
const (
	InputAuto = "auto"
	InputHTML = "html"
	InputText = "text"
)

// DefaultMaxBytes is the input size limit when Options.MaxBytes is zero.
const DefaultMaxBytes = ingest.DefaultMaxBytes

// Options tune one annotation run. The zero value sniffs the input and uses the default limit.
type Options struct {
	In       string // "auto" (default), "html" or "text"
	URL      string // the page's address, for absolute links and images
	MaxBytes int    // input size limit in bytes; 0 means DefaultMaxBytes

	// Charsets decodes legacy encodings (annotate/charsets.XText); nil reads UTF-8, UTF-16 and
	// windows-1252 (Latin-1) only, and refuses other declared charsets with ErrEncoding.
	Charsets Charsets

	// Disable switches rules off by their IDs (see Rules), to measure what each one is worth.
	Disable []string
}

// Charsets decodes the legacy encodings a page can be written in; see annotate/charsets.
type Charsets interface {
	// Canonical gives the Encoding Standard's name for a label, or "" for one it does not know.
	Canonical(label string) string
	// Decode decodes b from a canonical encoding; bytes that do not decode become U+FFFD.
	Decode(name string, b []byte) (string, error)
}

// Errors for unusable input; test with errors.Is. Their messages are written for people.
var (
	ErrEmpty    = ingest.ErrEmpty
	ErrBinary   = ingest.ErrBinary
	ErrTooLarge = ingest.ErrTooLarge
	ErrEncoding = ingest.ErrEncoding
	ErrOptions  = errors.New("invalid options")
)

// Result is the contract's result JSON. Offsets are UTF-8 byte offsets into Text.
type Result struct {
	Title     *string   `json:"title"`
	Summary   *string   `json:"summary"` // the standfirst under the headline (an extension of the contract)
	Byline    *string   `json:"byline"`
	Published *string   `json:"published"`
	Text      string    `json:"text"`
	HTML      string    `json:"html"`
	Quotes    []Quote   `json:"quotes"`
	Entities  []Entity  `json:"entities"`
	Removed   []Removed `json:"removed"`
	Warnings  []string  `json:"warnings"` // what the reader should know about the extraction (an extension of the contract)
}

// Quote is a direct quotation and who said it.
type Quote struct {
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Text         string  `json:"text"`
	Speaker      *string `json:"speaker"`
	SpeakerStart int     `json:"speakerStart"`
	SpeakerEnd   int     `json:"speakerEnd"`
	Cue          *string `json:"cue"`
	Kind         string  `json:"kind"`
	Rule         string  `json:"rule"` // how the speaker was found: a strategy ID, or "none" (an extension of the contract)
}

// Entity is one mention of a named entity.
type Entity struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Label     string `json:"label"`
	Canonical string `json:"canonical"`
}

// Removed is a block of the input left out of the article, with why. At is the offset in Text
// where it stood, and Rule the ID of the rule that removed it (extensions of the contract: for
// restoring a block in place, and for explaining and measuring each rule).
type Removed struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
	Rule   string `json:"rule"`
	At     int    `json:"at"`
}

// Annotate runs the whole pipeline on one input.
func Annotate(input []byte, opts Options) (*Result, error) {
	return annotateWith(opts, func(kind ingest.Kind) (*ingest.Source, error) {
		return ingest.Read(input, kind, opts.MaxBytes, opts.Charsets)
	})
}

// AnnotateString is Annotate for input that is already a string (a paste in the browser): the
// same result, without first copying the text into bytes and back.
func AnnotateString(input string, opts Options) (*Result, error) {
	return annotateWith(opts, func(kind ingest.Kind) (*ingest.Source, error) {
		return ingest.ReadString(input, kind, opts.MaxBytes, opts.Charsets)
	})
}

// annotateWith checks the options, reads the input with read and runs the pipeline.
func annotateWith(opts Options, read func(ingest.Kind) (*ingest.Source, error)) (*Result, error) {
	kind := ingest.Auto
	switch opts.In {
	case "", InputAuto:
	case InputHTML:
		kind = ingest.HTML
	case InputText:
		kind = ingest.Text
	default:
		return nil, fmt.Errorf("%w: input kind %q (want auto, html or text)", ErrOptions, opts.In)
	}
	off, err := switches(opts.Disable)
	if err != nil {
		return nil, err
	}
	src, err := read(kind)
	if err != nil {
		return nil, err
	}
	var d *doc.Doc
	if src.Kind == ingest.HTML {
		url := opts.URL
		if url == "" {
			url = src.URL
		}
		sched.Yield()
		d = extract.HTML(src.Text, extract.Options{URL: url, Fragment: src.Fragment, Off: stageSwitches(off, "extract/")})
	} else {
		d = extract.Text(src.Text, extract.Options{Off: stageSwitches(off, "extract/")})
	}
	sched.Yield()
	return analyze(d, off), nil
}

// analyze reads the extracted document's syntax, finds entities and quotes on it and renders it.
func analyze(d *doc.Doc, off map[string]bool) *Result {
	syntax.AnalyzeWhere(d, syntax.NeedsTree)
	sched.Yield()
	ents := entity.FindWith(d, stageSwitches(off, "entity/"))
	sched.Yield()
	quotes := quote.FindWith(d, ents, off)
	r := &Result{
		Title:     optional(d.Title),
		Summary:   optional(d.Summary),
		Byline:    optional(d.Byline),
		Published: optional(d.Published),
		Text:      d.Text,
		Quotes:    make([]Quote, 0, len(quotes)),
		Entities:  make([]Entity, 0, len(ents)),
		Removed:   make([]Removed, 0, len(d.Removed)),
		Warnings:  append([]string{}, d.Warnings...),
	}
	for _, q := range quotes {
		r.Quotes = append(r.Quotes, Quote{Start: q.Start, End: q.End, Text: d.Text[q.Start:q.End],
			Speaker: optional(q.Speaker), SpeakerStart: q.SpeakerStart, SpeakerEnd: q.SpeakerEnd,
			Cue: optional(q.Cue), Kind: q.Kind, Rule: q.Rule})
	}
	for _, e := range ents {
		r.Entities = append(r.Entities, Entity{Start: e.Start, End: e.End, Text: d.Text[e.Start:e.End],
			Label: e.Label, Canonical: e.Canonical})
	}
	for _, rm := range d.Removed {
		r.Removed = append(r.Removed, Removed{Text: rm.Text, Reason: rm.Reason, Rule: "extract/" + rm.Rule, At: min(rm.At, len(d.Text))})
	}
	sched.Yield()
	rendered := render.HTML(d, marks(r))
	sched.Yield()
	minified := minify.HTML(rendered)
	sched.Yield()
	r.HTML = sanitize.HTML(minified)
	return r
}

// marks turns quotes and entities into renderer marks: quotes outside, entities inside.
func marks(r *Result) []render.Mark {
	ms := make([]render.Mark, 0, len(r.Quotes)+len(r.Entities))
	all := make([]render.Attr, 0, 5*len(r.Quotes)+4*len(r.Entities)) // every mark's attributes, in one slice
	for i, q := range r.Quotes {
		from := len(all)
		all = append(all, attr("data-label", "QUOTE"), attr("data-kind", q.Kind), attr("data-q", strconv.Itoa(i)))
		title := "Quote"
		if q.Speaker != nil {
			all = append(all, attr("data-speaker", *q.Speaker))
			title = "Quote: " + *q.Speaker
			if how := howFound(q); how != "" {
				title += " (" + how + ")"
			}
		}
		all = append(all, attr("title", title))
		ms = append(ms, render.Mark{Start: q.Start, End: q.End, Attrs: all[from:len(all):len(all)]})
	}
	for i, e := range r.Entities {
		from := len(all)
		all = append(all, attr("data-label", e.Label), attr("data-canonical", e.Canonical), attr("data-e", strconv.Itoa(i)),
			attr("title", labelNames[e.Label]+": "+e.Canonical))
		ms = append(ms, render.Mark{Start: e.Start, End: e.End, Attrs: all[from:len(all):len(all)]})
	}
	return ms
}

func attr(key, val string) render.Attr { return render.Attr{Key: key, Val: val} }

// howFound says, for a quote's tooltip, how its speaker was found: "said: subject of “said”".
func howFound(q Quote) string {
	cue := ""
	if q.Cue != nil {
		cue = *q.Cue
	}
	switch q.Rule {
	case "subject-of-cue":
		return cue + ": subject of “" + cue + "”"
	case "sentence-cue":
		return cue + ": subject of “" + cue + "” in the same sentence"
	case "governing-verb":
		return "subject of “" + cue + "”, which governs the quote"
	case "according-to":
		return "“according to”"
	case "surface-after", "surface-before":
		return cue + ": named beside “" + cue + "”"
	case "colon-intro":
		return "introduced with a colon"
	case "intro-paragraph":
		return "introduced in the paragraph before"
	case "continued":
		return "goes on from a quote of theirs"
	case "previous-subject":
		return "the subject of the sentence before"
	case "lone-person":
		return "the only person named in the sentence"
	}
	return ""
}

// labelNames are the readable names of entity labels, for tooltips and screen readers.
var labelNames = map[string]string{
	"PERSON": "Person", "NORP": "Group", "FAC": "Facility", "ORG": "Organisation", "GPE": "Place",
	"LOC": "Location", "PRODUCT": "Product", "EVENT": "Event", "WORK_OF_ART": "Work", "LAW": "Law",
	"LANGUAGE": "Language", "DATE": "Date", "TIME": "Time", "PERCENT": "Percent", "MONEY": "Money",
	"QUANTITY": "Quantity", "ORDINAL": "Ordinal", "CARDINAL": "Number",
}

func optional(s string) *string {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return &s
}
