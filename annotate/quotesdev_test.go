package annotate_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/attest-news/attest/annotate"
	"github.com/attest-news/attest/annotate/internal/textutil"
)

// TestQuotesDev scores quote attribution on ../shared/data/quotes-dev with the rule of its README
// (the same as shared/tools/score-quotes.py --jsonl): quotes matched one-to-one by Dice overlap of
// their words ≥ 0.5, gold quotes with no speaker ignored; a speaker is right when the predicted
// mention overlaps the gold mention or the predicted speaker shares a name word with the gold
// mention (or, for a nominal or pronoun mention, with the gold speaker). It fails below the
// issue's targets, so a change that loses attributions shows here.
func TestQuotesDev(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "quotes-dev", "gum-wikinews-quotes.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no %s: the quotes-dev score needs the shared data", path)
	}
	defer f.Close()
	var ngold, npred, matched, right int
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var d struct {
			ID     string `json:"id"`
			Text   string `json:"text"`
			Quotes []struct {
				Text         string  `json:"text"`
				Speaker      *string `json:"speaker"`
				MentionStart int     `json:"mention_start"`
				MentionEnd   int     `json:"mention_end"`
				Mention      *string `json:"mention"`
			} `json:"quotes"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		res, err := annotate.Annotate([]byte(d.Text), annotate.Options{In: annotate.InputText})
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		type gold struct {
			toks       []string
			ms, me     int
			target     map[string]bool
			speakerSet bool
		}
		var golds []gold
		var ignored [][]string
		for _, q := range d.Quotes {
			speaker := ""
			if q.Speaker != nil {
				speaker = *q.Speaker
			}
			if speaker == "" && q.MentionStart < 0 {
				ignored = append(ignored, normTokens(q.Text))
				continue
			}
			mention := ""
			if q.Mention != nil {
				mention = *q.Mention
			}
			src := mention
			if src == "" {
				src = speaker
			}
			target := nameWords(speaker) // a pronoun or a description stands in for the speaker
			if mention == "" || sourceIsName(src) {
				target = nameWords(src)
			}
			golds = append(golds, gold{normTokens(q.Text), q.MentionStart, q.MentionEnd, target, true})
		}
		toInput := alignToInput(res.Text, d.Text)
		type pred struct {
			toks    []string
			speaker string
			ms, me  int
		}
		var preds []pred
		for _, q := range res.Quotes {
			p := pred{toks: normTokens(q.Text), ms: -1, me: -1}
			mention := ""
			if q.SpeakerStart >= 0 && q.SpeakerEnd > q.SpeakerStart && q.SpeakerEnd <= len(res.Text) {
				mention = res.Text[q.SpeakerStart:q.SpeakerEnd]
				p.ms, p.me = toInput(q.SpeakerStart, q.SpeakerEnd)
			}
			if q.Speaker != nil && *q.Speaker != "" {
				p.speaker = *q.Speaker
			} else {
				p.speaker = mention
			}
			preds = append(preds, p)
		}
		type pair struct {
			o    float64
			g, p int
		}
		var pairs []pair
		for i, p := range preds {
			for j, g := range golds {
				if o := dice(g.toks, p.toks); o >= 0.5 {
					pairs = append(pairs, pair{o, j, i})
				}
			}
		}
		sort.SliceStable(pairs, func(a, b int) bool {
			if pairs[a].o != pairs[b].o {
				return pairs[a].o > pairs[b].o
			}
			if pairs[a].g != pairs[b].g {
				return pairs[a].g < pairs[b].g
			}
			return pairs[a].p < pairs[b].p
		})
		usedP, usedG := map[int]bool{}, map[int]bool{}
		for _, pr := range pairs {
			if usedP[pr.p] || usedG[pr.g] {
				continue
			}
			usedP[pr.p], usedG[pr.g] = true, true
			matched++
			g, p := golds[pr.g], preds[pr.p]
			mention := p.ms >= 0 && g.ms >= 0 && p.ms < g.me && g.ms < p.me
			name := false
			for w := range nameWords(p.speaker) {
				name = name || g.target[w]
			}
			if mention || name {
				right++
			}
		}
		ign := 0
		for i, p := range preds {
			if usedP[i] {
				continue
			}
			for _, it := range ignored {
				if dice(it, p.toks) >= 0.5 {
					ign++
					break
				}
			}
		}
		ngold += len(golds)
		npred += len(preds) - ign
	}
	f1 := func(tp int) float64 {
		if tp == 0 {
			return 0
		}
		p, r := float64(tp)/float64(npred), float64(tp)/float64(ngold)
		return 2 * p * r / (p + r)
	}
	quoteF1, speakerAcc, e2e := f1(matched), float64(right)/float64(max(matched, 1)), f1(right)
	t.Logf("quotes-dev: %d gold, %d predicted, %d matched, %d with the right speaker", ngold, npred, matched, right)
	t.Logf("quoteF1 %.3f speakerAcc %.3f e2eF1 %.3f n %d", quoteF1, speakerAcc, e2e, ngold)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"quote F1", quoteF1, 0.98}, {"speaker accuracy", speakerAcc, 0.92}, {"end-to-end F1", e2e, 0.90}} {
		if c.got < c.want {
			t.Errorf("%s %.3f is below the target %.2f", c.name, c.got, c.want)
		}
	}
}

var (
	devQuoteMarks = regexp.MustCompile("[\u201c\u201d\"\u201e\u201f\u00ab\u00bb\u2018\u2019'`]")
	devNonWord    = regexp.MustCompile(`[^\p{L}\p{N}_\s]`)
	nameWord      = regexp.MustCompile(`[A-Z][\p{L}\p{N}_'\x{2019}.\-]*`)
	possessive    = regexp.MustCompile(`['\x{2019}]s?$`)
	notName       = map[string]bool{}
	pronouns      = map[string]bool{}
)

func init() {
	for _, w := range strings.Fields("the a an this that these those his her their its our my your some another any both " +
		"many several other others each every all no one two three four five six seven " +
		"eight nine ten mr mrs ms miss dr sen senator rep representative gov governor " +
		"president pres vice former then new gen general lt col sgt capt adm rev sir lord " +
		"judge justice secretary sec minister chairman chairwoman chief mayor speaker " +
		"leader candidate nominee he she they we i it you") {
		notName[w] = true
	}
	for _, w := range strings.Fields("he she they we i you it him her them us me his hers their theirs its our ours my " +
		"mine your yours himself herself themselves itself ourselves myself yourself who " +
		"whom whose which that this these those one") {
		pronouns[w] = true
	}
}

func normTokens(s string) []string {
	s = devQuoteMarks.ReplaceAllString(strings.ToLower(s), " ")
	return strings.Fields(devNonWord.ReplaceAllString(s, " "))
}

func dice(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return 2 * float64(textutil.CommonWords(a, b)) / float64(len(a)+len(b))
}

func nameWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range nameWord.FindAllString(s, -1) {
		w = strings.ToLower(strings.Trim(possessive.ReplaceAllString(w, ""), ".-"))
		if utf8.RuneCountInString(w) >= 2 && !notName[w] {
			out[w] = true
		}
	}
	return out
}

// sourceIsName: the gold mention is a name (not a pronoun or a description without capitals).
func sourceIsName(s string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '\'' && r != '\u2019'
	})
	all := len(words) > 0
	for _, w := range words {
		all = all && pronouns[w]
	}
	return !all && len(nameWords(s)) > 0
}

// alignToInput maps byte spans of the annotator's text back to the input by its non-space
// characters, read in order (the annotator drops blocks and normalises spaces, never reorders).
func alignToInput(out, in string) func(s, e int) (int, int) {
	var inPos []int
	var inRunes []rune
	for i, r := range in {
		if !unicode.IsSpace(r) {
			inPos = append(inPos, i)
			inRunes = append(inRunes, r)
		}
	}
	m := map[int]int{}
	k := 0
	for i, r := range out {
		if unicode.IsSpace(r) {
			continue
		}
		for j := k; j < len(inRunes); j++ {
			if inRunes[j] == r {
				m[i], k = inPos[j], j+1
				break
			}
		}
	}
	return func(s, e int) (int, int) {
		lo, hi := -1, -1
		for i := s; i < e; i++ {
			if v, ok := m[i]; ok {
				if lo < 0 || v < lo {
					lo = v
				}
				if v+1 > hi {
					hi = v + 1
				}
			}
		}
		return lo, hi
	}
}
