// Package doc holds the one text every stage works on and the standoff spans laid over it.
//
// The extract stage builds a Doc; analysis adds Marks; only the renderer turns it into
// markup. Nothing after extraction edits Text.
package doc

import "sort"

// Kind is what a block is in the article.
type Kind uint8

const (
	Paragraph Kind = iota
	Heading
	ListItem
	Preformatted
	Caption  // a figure caption kept with its figure (HTML input)
	TableRow // cells are Inline spans with Tag "td" or "th"
)

// Container groups consecutive blocks that render inside one element.
type Container uint8

const (
	NoContainer Container = iota
	UnorderedList
	OrderedList
	BlockQuote
	Table
	Figure
)

// Image is a figure's picture; it carries no text.
type Image struct {
	Src string
	Alt string
}

// Block is one paragraph-level piece of the article: Text[Start:End].
type Block struct {
	Kind      Kind
	Level     int // heading level 1–6
	Start     int
	End       int
	Container Container
	Group     int    // blocks with the same non-zero Group share one container element
	Inline    []Span // formatting inside the block (links, emphasis, table cells), absolute offsets
	Image     *Image // for a figure: shown before the block's caption text
}

// Span is a standoff range over Doc.Text with a label.
// For formatting spans Label is the HTML tag ("a", "em", "td"…) and Attr its one attribute
// (a link's href); for annotations Label is an entity label or "QUOTE".
type Span struct {
	Start int
	End   int
	Label string
	Attr  string
}

// Removed is a block of the source that is not part of the article, with why: the reason (one
// of the contract's) and the rule that removed it (the extractor's rule ID). At is the offset in
// Doc.Text where it stood, so a reader can put it back in place.
type Removed struct {
	Text   string
	Reason string
	Rule   string
	At     int
}

// Reasons for removal, as the result JSON spells them.
const (
	ReasonNav     = "nav"
	ReasonAd      = "ad"
	ReasonRelated = "related"
	ReasonPromo   = "promo"
	ReasonShare   = "share"
	ReasonCaption = "caption"
	ReasonFooter  = "footer"
	ReasonComment = "comment"
	ReasonOther   = "other"
)

// Doc is the clean article: one text, its blocks, its metadata and what was left out.
type Doc struct {
	Text      string
	Blocks    []Block
	Title     string
	Summary   string // the standfirst under the headline, when the page has one
	Byline    string
	Published string
	Removed   []Removed
	Warnings  []string // what the reader should know about the extraction ("most of the page's text was removed")

	// Filled by the syntax stage, after extraction: every block's words and sentences.
	Tokens    []Token
	Sentences []Sentence
}

// BlockAt returns the index of the block containing byte offset i, or -1.
func (d *Doc) BlockAt(i int) int {
	k := sort.Search(len(d.Blocks), func(k int) bool { return d.Blocks[k].End > i })
	if k < len(d.Blocks) && d.Blocks[k].Start <= i {
		return k
	}
	return -1
}

// Builder appends blocks to a Doc, joining them with a blank line as the contract requires.
type Builder struct {
	doc   Doc
	text  []byte
	group int
}

// NewGroup returns a fresh container group id.
func (b *Builder) NewGroup() int {
	b.group++
	return b.group
}

// Add appends a block whose text is s and whose inline spans are relative to s.
// Empty text is ignored unless the block carries an image.
func (b *Builder) Add(blk Block, s string, inline []Span) {
	if s == "" && blk.Image == nil {
		return
	}
	if len(b.text) > 0 {
		b.text = append(b.text, '\n', '\n')
	}
	blk.Start = len(b.text)
	b.text = append(b.text, s...)
	blk.End = len(b.text)
	blk.Inline = nil
	for _, sp := range inline {
		if sp.End <= sp.Start {
			continue
		}
		sp.Start += blk.Start
		sp.End += blk.Start
		blk.Inline = append(blk.Inline, sp)
	}
	b.doc.Blocks = append(b.doc.Blocks, blk)
}

// Remove records a block left out of the article, why and by which rule.
func (b *Builder) Remove(text, reason, rule string) {
	if text == "" {
		return
	}
	at := len(b.text)
	if at > 0 {
		at += 2 // where the next block will start
	}
	b.doc.Removed = append(b.doc.Removed, Removed{Text: text, Reason: reason, Rule: rule, At: at})
}

// Len is the number of blocks so far.
func (b *Builder) Len() int { return len(b.doc.Blocks) }

// Doc finishes the document.
func (b *Builder) Doc() *Doc {
	d := b.doc
	d.Text = string(b.text)
	return &d
}

// Silent marks a block Drop takes out without a removed entry: it moved into the metadata (the
// headline, the standfirst).
const Silent = "-"

// Verdict is what Drop does with a block: keep it (the zero value), drop it silently (Reason
// Silent), or list it under Reason, removed by Rule.
type Verdict struct{ Reason, Rule string }

// Drop takes blocks out of a finished Doc as verdicts[i] says (in document order, at the offset
// where each stood). Text, blocks, inline spans and removed offsets are rebuilt to match; it runs
// at extraction, before anything is laid over the text.
func (d *Doc) Drop(verdicts []Verdict) {
	var b Builder
	k := 0 // next entry of d.Removed to copy
	copyRemoved := func(upTo int) {
		for ; k < len(d.Removed) && d.Removed[k].At <= upTo; k++ {
			b.Remove(d.Removed[k].Text, d.Removed[k].Reason, d.Removed[k].Rule) // at the start of the next block kept
		}
	}
	for i, blk := range d.Blocks {
		copyRemoved(blk.Start)
		s := d.Text[blk.Start:blk.End]
		if i < len(verdicts) && verdicts[i].Reason != "" {
			if verdicts[i].Reason != Silent {
				b.Remove(s, verdicts[i].Reason, verdicts[i].Rule)
			}
			continue
		}
		inline := make([]Span, 0, len(blk.Inline))
		for _, sp := range blk.Inline {
			sp.Start -= blk.Start
			sp.End -= blk.Start
			inline = append(inline, sp)
		}
		b.Add(blk, s, inline)
	}
	copyRemoved(int(^uint(0) >> 1))
	d.Text, d.Blocks, d.Removed = string(b.text), b.doc.Blocks, b.doc.Removed
}

// UPOS is a universal part-of-speech tag (universaldependencies.org/u/pos).
type UPOS uint8

// The universal part-of-speech tags; X also stands for "not tagged".
const (
	X UPOS = iota
	ADJ
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
)

var uposNames = [...]string{"X", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB"}

func (u UPOS) String() string {
	if int(u) < len(uposNames) {
		return uposNames[u]
	}
	return "X"
}

// ParseUPOS gives the tag named s, or X.
func ParseUPOS(s string) UPOS {
	for i, n := range uposNames {
		if n == s {
			return UPOS(i)
		}
	}
	return X
}

// Token is one syntactic word of Text as the syntax layer reads it: Text[Start:End], with its
// part of speech and its place in the sentence's dependency tree. Clitics are tokens of their
// own ("do" + "n't", "Obama" + "'s").
type Token struct {
	Start, End int
	Head       int    // index in Doc.Tokens of the head word, -1 for the sentence's root or an unparsed sentence
	Rel        string // the dependency relation to the head (UD v2: "nsubj", "obl:agent"…; "root"); "" where unparsed
	UPOS       UPOS
	XPOS       string // the Penn Treebank tag ("VBD", "NNP"…)
}

// Sentence is Doc.Tokens[Start:End]. Every sentence is tagged; Parsed says whether its tree was
// built (the syntax stage parses the sentences a later stage reads trees of).
type Sentence struct {
	Start, End int
	Parsed     bool
}
