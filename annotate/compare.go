package annotate

import (
	"sort"
	"strings"
	"unicode"

	"github.com/attest-news/attest/annotate/internal/textutil"
)

// Comparison aligns several versions of one story: each quote (by its canonical wording and
// speaker) across versions — present, altered (with a word diff) or absent — the paragraphs they
// share, and which entities each version mentions.
type Comparison struct {
	Versions   []string       `json:"versions"`
	Quotes     []QuoteRow     `json:"quotes"`
	Paragraphs []ParagraphRow `json:"paragraphs"`
	Entities   []EntityRow    `json:"entities"`
}

// QuoteRow is one quotation across versions.
type QuoteRow struct {
	Speaker string      `json:"speaker"` // the speaker most versions give, "" when none does
	Text    string      `json:"text"`    // the canonical wording: the fullest version of it
	Cells   []QuoteCell `json:"cells"`   // one per version, in Versions order
}

// QuoteCell is a quotation in one version.
type QuoteCell struct {
	Status         string   `json:"status"`         // present, altered or absent
	Index          int      `json:"index"`          // into that version's quotes, -1 when absent
	Text           string   `json:"text,omitempty"` // that version's wording
	Speaker        string   `json:"speaker,omitempty"`
	SpeakerChanged bool     `json:"speakerChanged,omitempty"` // attributed to someone else than the row's speaker
	Diff           []DiffOp `json:"diff,omitempty"`           // word diff from the row's wording to this one
}

// DiffOp is a run of words kept ("="), added ("+") or dropped ("-").
type DiffOp struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// ParagraphRow is one paragraph across versions: its index in each version's text, -1 when absent.
type ParagraphRow struct {
	Text    string `json:"text"`
	Indexes []int  `json:"indexes"`
}

// EntityRow is one canonical entity with its number of mentions in each version.
type EntityRow struct {
	Canonical string `json:"canonical"`
	Label     string `json:"label"`
	Counts    []int  `json:"counts"`
}

// Quote statuses.
const (
	StatusPresent = "present"
	StatusAltered = "altered"
	StatusAbsent  = "absent"
)

// minQuoteMatch is how much of the shorter of two quotes must be in the longer for them to be
// the same quotation (trimmed, extended or reworded); minParagraphMatch likewise for paragraphs.
const (
	minQuoteMatch     = 0.6
	minParagraphMatch = 0.5
)

// Compare aligns the results of annotating several versions of one story; names label them.
func Compare(names []string, results []*Result) *Comparison {
	c := &Comparison{Versions: names, Quotes: []QuoteRow{}, Paragraphs: []ParagraphRow{}, Entities: []EntityRow{}}
	c.Quotes = alignQuotes(results)
	c.Paragraphs = alignParagraphs(results)
	c.Entities = entityRows(results)
	return c
}

type member struct {
	version, index int
	words          []string
}

func alignQuotes(results []*Result) []QuoteRow {
	var all []member
	for v, r := range results {
		for i, q := range r.Quotes {
			if w := normWords(q.Text); len(w) > 0 {
				all = append(all, member{v, i, w})
			}
		}
	}
	// every pair from different versions, best first: most of the shorter inside the longer,
	// then the closest in length (so a question pairs with the nested quote that is just it,
	// not the longer quote around it)
	type pair struct {
		a, b      int
		sim, dice float64
	}
	var pairs []pair
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			if all[i].version == all[j].version {
				continue
			}
			if s := quoteSimilarity(all[i].words, all[j].words); s >= minQuoteMatch {
				pairs = append(pairs, pair{i, j, s, dice(all[i].words, all[j].words)})
			}
		}
	}
	sort.SliceStable(pairs, func(x, y int) bool {
		if pairs[x].sim != pairs[y].sim {
			return pairs[x].sim > pairs[y].sim
		}
		return pairs[x].dice > pairs[y].dice
	})
	cluster := make([]int, len(all)) // union-find, with each cluster's versions
	versions := make([]map[int]bool, len(all))
	for i := range all {
		cluster[i] = i
		versions[i] = map[int]bool{all[i].version: true}
	}
	var find func(int) int
	find = func(i int) int {
		for cluster[i] != i {
			cluster[i] = cluster[cluster[i]]
			i = cluster[i]
		}
		return i
	}
	for _, p := range pairs {
		a, b := find(p.a), find(p.b)
		if a == b {
			continue
		}
		clash := false
		for v := range versions[b] {
			clash = clash || versions[a][v]
		}
		if clash {
			continue // one quote per version in a row
		}
		cluster[b] = a
		for v := range versions[b] {
			versions[a][v] = true
		}
	}
	groups := map[int][]member{}
	var order []int
	for i, m := range all {
		r := find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], m)
	}
	rows := make([]QuoteRow, 0, len(order))
	for _, r := range order {
		rows = append(rows, quoteRow(groups[r], results))
	}
	return rows
}

// quoteSimilarity: the share of the shorter quote inside the longer; quotes under four words
// (a partial quote, "No,") must match nearly word for word.
func quoteSimilarity(a, b []string) float64 {
	if min(len(a), len(b)) < 4 {
		return dice(a, b)
	}
	return overlap(a, b)
}

// dice is 2|A∩B|/(|A|+|B|) over word multisets.
func dice(a, b []string) float64 {
	return 2 * float64(textutil.CommonWords(a, b)) / float64(len(a)+len(b))
}

// quoteRow builds a row: the fullest wording is canonical, the commonest speaker the row's.
func quoteRow(cl []member, results []*Result) QuoteRow {
	canon := cl[0]
	speakers := map[string]int{}
	for _, m := range cl {
		if len(m.words) > len(canon.words) {
			canon = m
		}
		if s := results[m.version].Quotes[m.index].Speaker; s != nil {
			speakers[*s]++
		}
	}
	row := QuoteRow{Text: results[canon.version].Quotes[canon.index].Text, Speaker: commonest(speakers)}
	canonWords := strings.Fields(row.Text)
	row.Cells = make([]QuoteCell, len(results))
	for v := range results {
		row.Cells[v] = QuoteCell{Status: StatusAbsent, Index: -1}
	}
	for _, m := range cl {
		q := results[m.version].Quotes[m.index]
		cell := QuoteCell{Status: StatusPresent, Index: m.index, Text: q.Text}
		if q.Speaker != nil {
			cell.Speaker = *q.Speaker
		}
		cell.SpeakerChanged = cell.Speaker != "" && row.Speaker != "" && !sameSpeaker(cell.Speaker, row.Speaker)
		if strings.Join(m.words, " ") != strings.Join(canon.words, " ") {
			cell.Status = StatusAltered
			cell.Diff = wordDiff(canonWords, strings.Fields(q.Text))
		}
		row.Cells[m.version] = cell
	}
	return row
}

func commonest(counts map[string]int) string {
	best, n := "", 0
	for k, c := range counts {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}

func sameSpeaker(a, b string) bool {
	fa, fb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	return len(fa) > 0 && len(fb) > 0 && fa[len(fa)-1] == fb[len(fb)-1]
}

var punct = textutil.Lazy(`[^\p{L}\p{N}\s]+`)

// normWords lower-cases, drops punctuation and quote marks, and splits into words.
func normWords(s string) []string {
	return strings.Fields(punct.ReplaceAllString(strings.ToLower(s), " "))
}

// overlap is the share of the shorter word list found in the longer one (as a multiset).
func overlap(a, b []string) float64 {
	if min(len(a), len(b)) == 0 {
		return 0
	}
	return float64(textutil.CommonWords(a, b)) / float64(min(len(a), len(b)))
}

// wordDiff is a word-level diff (longest common subsequence on normalised words) from a to b,
// reported in b's and a's own spelling.
func wordDiff(a, b []string) []DiffOp {
	na, nb := make([]string, len(a)), make([]string, len(b))
	for i, w := range a {
		na[i] = strings.Join(normWords(w), "")
	}
	for i, w := range b {
		nb[i] = strings.Join(normWords(w), "")
	}
	// lcs[i][j]: LCS length of a[i:], b[j:]
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if na[i] == nb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []DiffOp
	add := func(op, w string) {
		if n := len(ops); n > 0 && ops[n-1].Op == op {
			ops[n-1].Text += " " + w
			return
		}
		ops = append(ops, DiffOp{Op: op, Text: w})
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && na[i] == nb[j]:
			add("=", b[j])
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			add("+", b[j])
			j++
		default:
			add("-", a[i])
			i++
		}
	}
	return ops
}

// alignParagraphs pairs paragraphs that share most of their words across versions.
func alignParagraphs(results []*Result) []ParagraphRow {
	type para struct {
		words map[string]bool
		n     int
	}
	var rows []ParagraphRow
	var keys [][]para
	for v, r := range results {
		for i, p := range strings.Split(r.Text, "\n\n") {
			ws := normWords(p)
			if len(ws) < 4 || i == 0 && titleLeads(r) {
				continue // a text's headline is no paragraph to line up with another version's
			}
			set := map[string]bool{}
			for _, w := range ws {
				if len(w) > 3 { // content words only: "the", "and", "was" would pair anything
					set[w] = true
				}
			}
			best, bestSim := -1, 0.0
			for ri, row := range rows {
				if row.Indexes[v] >= 0 {
					continue
				}
				for _, k := range keys[ri] {
					if s := setOverlap(set, k.words); s > bestSim {
						best, bestSim = ri, s
					}
				}
			}
			if best >= 0 && bestSim >= minParagraphMatch {
				rows[best].Indexes[v] = i
				keys[best] = append(keys[best], para{set, len(ws)})
				continue
			}
			idx := make([]int, len(results))
			for k := range idx {
				idx[k] = -1
			}
			idx[v] = i
			rows = append(rows, ParagraphRow{Text: p, Indexes: idx})
			keys = append(keys, []para{{set, len(ws)}})
		}
	}
	if rows == nil {
		rows = []ParagraphRow{}
	}
	return rows
}

func setOverlap(a, b map[string]bool) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	common := 0
	for w := range a {
		if b[w] {
			common++
		}
	}
	return float64(common) / float64(max(1, len(a)))
}

// entityRows counts each version's mentions of each canonical entity (names, not numbers).
func entityRows(results []*Result) []EntityRow {
	index := map[[2]string]int{}
	var rows []EntityRow
	for v, r := range results {
		for _, e := range r.Entities {
			switch e.Label {
			case "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL":
				continue
			}
			key := [2]string{e.Label, e.Canonical}
			i, ok := index[key]
			if !ok {
				i = len(rows)
				index[key] = i
				rows = append(rows, EntityRow{Canonical: e.Canonical, Label: e.Label, Counts: make([]int, len(results))})
			}
			rows[i].Counts[v]++
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return total(rows[i].Counts) > total(rows[j].Counts) })
	if rows == nil {
		rows = []EntityRow{}
	}
	return rows
}

func total(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// CompareMarkdown renders a comparison as Markdown: the quotes table, each altered quote's
// word diff, and the entities table.
func CompareMarkdown(c *Comparison) string {
	var sb strings.Builder
	sb.WriteString("# Comparison of " + itoa(len(c.Versions)) + " versions\n\n")
	sb.WriteString("## Quotes\n\n| speaker | quote |")
	for _, v := range c.Versions {
		sb.WriteString(" " + mdCell(v) + " |")
	}
	sb.WriteString("\n|---|---|" + strings.Repeat("---|", len(c.Versions)) + "\n")
	marks := map[string]string{StatusPresent: "✓", StatusAltered: "≈", StatusAbsent: "—"}
	for _, row := range c.Quotes {
		sb.WriteString("| " + mdCell(orDash(row.Speaker)) + " | " + mdCell(clip(row.Text, 90)) + " |")
		for _, cell := range row.Cells {
			m := marks[cell.Status]
			if cell.SpeakerChanged {
				m += " (" + mdCell(cell.Speaker) + ")"
			}
			sb.WriteString(" " + m + " |")
		}
		sb.WriteString("\n")
	}
	sb.WriteString("\n✓ present · ≈ altered · — absent; a name in brackets: attributed to someone else\n")
	for _, row := range c.Quotes {
		for v, cell := range row.Cells {
			if cell.Status != StatusAltered {
				continue
			}
			sb.WriteString("\n**" + mdCell(c.Versions[v]) + "**, " + mdCell(orDash(row.Speaker)) + ": ")
			for _, op := range cell.Diff {
				switch op.Op {
				case "=":
					sb.WriteString(mdCell(op.Text) + " ")
				case "+":
					sb.WriteString("**+" + mdCell(op.Text) + "** ")
				case "-":
					sb.WriteString("~~" + mdCell(op.Text) + "~~ ")
				}
			}
			sb.WriteString("\n")
		}
	}
	sb.WriteString("\n## Entities\n\n| entity | label |")
	for _, v := range c.Versions {
		sb.WriteString(" " + mdCell(v) + " |")
	}
	sb.WriteString("\n|---|---|" + strings.Repeat("---|", len(c.Versions)) + "\n")
	for _, e := range c.Entities {
		sb.WriteString("| " + mdCell(e.Canonical) + " | " + e.Label + " |")
		for _, n := range e.Counts {
			sb.WriteString(" " + itoa(n) + " |")
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

func mdCell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ", "*", "\\*", "_", "\\_", "~", "\\~", "<", "&lt;").Replace(s)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for cut > n/2 && !unicode.IsSpace(r[cut]) {
		cut--
	}
	return string(r[:cut]) + "…"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
