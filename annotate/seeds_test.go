package annotate_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/attest-news/attest/annotate"
	"github.com/attest-news/attest/annotate/internal/sanitize"
)

// sharedDir is ../shared from the project root; corpus tests skip when it is absent.
var sharedDir = filepath.Join("..", "..", "shared")

type goldQuote struct {
	Text, Speaker, Mention, Kind string
}

type goldEntity struct {
	Text, Label, Canonical string
}

type seedGold struct {
	Seed      string
	Title     *string
	Published *string
	Keep      []string
	Remove    []string
	Quotes    []goldQuote
	Entities  []goldEntity
}

type seed struct {
	name  string
	input []byte
	gold  seedGold
}

// errNoSeeds says ../shared is not beside the project: corpus tests skip, others go on without.
var errNoSeeds = errors.New("no seeds: the corpus tests need ../shared next to the project")

// readSeeds reads every seed and its gold, or errNoSeeds where there are none.
func readSeeds() ([]seed, error) {
	dir := filepath.Join(sharedDir, "fixtures", "seeds")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if len(paths) == 0 {
		return nil, errNoSeeds
	}
	var out []seed
	for _, p := range paths {
		var g seedGold
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(data, &g); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		input, err := os.ReadFile(filepath.Join(dir, g.Seed))
		if err != nil {
			return nil, err
		}
		out = append(out, seed{name: g.Seed, input: input, gold: g})
	}
	return out, nil
}

// loadSeeds gives the seeds, skips the test where ../shared is absent, and fails on a broken one.
func loadSeeds(t testing.TB) []seed {
	t.Helper()
	seeds, err := readSeeds()
	if errors.Is(err, errNoSeeds) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return seeds
}

// extraSeeds gives the seeds as extra inputs for tests that run without them too; a broken seed
// still fails the test.
func extraSeeds(t testing.TB) []seed {
	t.Helper()
	seeds, err := readSeeds()
	if err != nil && !errors.Is(err, errNoSeeds) {
		t.Fatal(err)
	}
	return seeds
}

// TestSeedContract checks the result JSON of every seed against the contract.
func TestSeedContract(t *testing.T) {
	for _, s := range loadSeeds(t) {
		t.Run(s.name, func(t *testing.T) {
			res, err := annotate.Annotate(s.input, annotate.Options{In: annotate.InputText})
			if err != nil {
				t.Fatal(err)
			}
			checkContract(t, res)
		})
	}
}

// checkContract asserts what the contract promises of any result.
func checkContract(t *testing.T, res *annotate.Result) {
	t.Helper()
	raw, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"title", "byline", "published", "text", "html", "quotes", "entities", "removed"} {
		if _, ok := fields[k]; !ok {
			t.Errorf("result JSON lacks %q", k)
		}
	}
	for _, k := range []string{"quotes", "entities", "removed"} {
		if string(fields[k]) == "null" {
			t.Errorf("%s is null, want a list", k)
		}
	}
	for _, q := range res.Quotes {
		if q.Start < 0 || q.End > len(res.Text) || q.Start >= q.End || res.Text[q.Start:q.End] != q.Text {
			t.Errorf("quote %q at %d:%d does not slice the text", q.Text, q.Start, q.End)
		}
		if (q.SpeakerStart < 0) != (q.SpeakerEnd < 0) || q.SpeakerEnd > len(res.Text) || q.SpeakerStart > q.SpeakerEnd {
			t.Errorf("quote %q: bad speaker offsets %d:%d", q.Text, q.SpeakerStart, q.SpeakerEnd)
		}
		switch q.Kind {
		case "full", "partial", "nested":
		default:
			t.Errorf("quote %q: kind %q", q.Text, q.Kind)
		}
	}
	for _, e := range res.Entities {
		if e.Start < 0 || e.End > len(res.Text) || e.Start >= e.End || res.Text[e.Start:e.End] != e.Text {
			t.Errorf("entity %q at %d:%d does not slice the text", e.Text, e.Start, e.End)
		}
		if e.Canonical == "" || !validLabel[e.Label] {
			t.Errorf("entity %q: label %q canonical %q", e.Text, e.Label, e.Canonical)
		}
	}
	for _, r := range res.Removed {
		if !validReason[r.Reason] || strings.TrimSpace(r.Text) == "" {
			t.Errorf("removed %q: reason %q", r.Text, r.Reason)
		}
	}
	if again := sanitize.HTML(res.HTML); again != res.HTML {
		t.Errorf("html does not re-sanitize to itself:\n got %.300s\nwant %.300s", again, res.HTML)
	}
	if got, want := ws(textOf(res.HTML)), ws(strings.ReplaceAll(res.Text, "\n\n", " ")); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(want, " ", "") {
		t.Errorf("html text differs from text:\nhtml %.300q\ntext %.300q", got, want)
	}
}

var validLabel = map[string]bool{}
var validReason = map[string]bool{"nav": true, "ad": true, "related": true, "promo": true, "share": true, "caption": true, "footer": true, "comment": true, "other": true}

func init() {
	for _, l := range strings.Fields("PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL") {
		validLabel[l] = true
	}
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// textOf is the text content of rendered HTML (entities decoded).
func textOf(h string) string {
	s := tagRE.ReplaceAllString(h, "")
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&#13;", "\r", "&amp;", "&").Replace(s)
}

// seed scoring, as ../shared/fixtures/seeds/README.md and tools/score-seeds.py define it

var quoteMarks = regexp.MustCompile("[\u2018\u2019\u201a\u201b\u2032'`\u201c\u201d\u201e\u201f\"«»]")
var nonWord = regexp.MustCompile(`[^\p{L}\p{N}_\s]`)

func normQuote(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = quoteMarks.ReplaceAllString(s, "")
	s = nonWord.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), " ")
}

func ws(s string) string { return strings.Join(strings.Fields(s), " ") }

func lastWord(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// seedItems returns every gold item of a seed as "category: item" with whether it passes.
func seedItems(s seed, res *annotate.Result) map[string]bool {
	items := map[string]bool{}
	text := ws(res.Text)
	for _, k := range s.gold.Keep {
		items["keep: "+k] = strings.Contains(text, ws(k))
	}
	for _, r := range s.gold.Remove {
		items["remove: "+r] = text != "" && !strings.Contains(text, ws(r))
	}
	used := map[int]bool{}
	for i, g := range s.gold.Quotes {
		gn := normQuote(g.Text)
		matched, speakerOK := false, false
		for j, q := range res.Quotes {
			pn := normQuote(q.Text)
			if used[j] || pn == "" || gn == "" {
				continue
			}
			if strings.Contains(pn, gn) || (strings.Contains(gn, pn) && len(pn)*2 >= len(gn)) {
				used[j], matched = true, true
				if q.Speaker != nil && (strings.EqualFold(*q.Speaker, g.Speaker) || lastWord(*q.Speaker) == lastWord(g.Speaker)) {
					speakerOK = true
				}
				break
			}
		}
		key := fmt.Sprintf("%d %s", i, g.Text)
		items["quote: "+key] = matched
		items["speaker: "+key+" → "+g.Speaker] = speakerOK
	}
	pred := map[[2]string][]string{}
	for _, e := range res.Entities {
		k := [2]string{ws(e.Text), e.Label}
		pred[k] = append(pred[k], strings.ToLower(e.Canonical))
	}
	for _, g := range s.gold.Entities {
		canons, ok := pred[[2]string{ws(g.Text), g.Label}]
		items["entity: "+g.Text+" "+g.Label] = ok
		if g.Label == "PERSON" || g.Label == "ORG" {
			items["canonical: "+g.Text+" → "+g.Canonical] = ok && canonicalOK(canons, g.Canonical, g.Label)
		}
	}
	return items
}

func canonicalOK(preds []string, gold, label string) bool {
	g := strings.ToLower(strings.TrimSpace(gold))
	for _, p := range preds {
		if label == "PERSON" {
			if p == g {
				return true
			}
			continue
		}
		a, b := strings.TrimPrefix(p, "the "), strings.TrimPrefix(g, "the ")
		if a != "" && (a == b || strings.Contains(b, a) || strings.Contains(a, b)) {
			return true
		}
	}
	return false
}

const seedBaseline = "testdata/seed-baseline.json"

// TestSeedReport prints, per seed, how many gold items pass, and fails if an item that passed
// when the baseline was written fails now. UPDATE_BASELINE=1 rewrites the baseline.
func TestSeedReport(t *testing.T) {
	seeds := loadSeeds(t)
	var baseline map[string][]string
	if data, err := os.ReadFile(seedBaseline); err == nil {
		if err := json.Unmarshal(data, &baseline); err != nil {
			t.Fatal(err)
		}
	}
	passing := map[string][]string{}
	cats := []string{"keep", "remove", "quote", "speaker", "entity", "canonical"}
	total := map[string][2]int{}
	for _, s := range seeds {
		res, err := annotate.Annotate(s.input, annotate.Options{In: annotate.InputText})
		if err != nil {
			t.Fatal(err)
		}
		items := seedItems(s, res)
		counts := map[string][2]int{}
		var names []string
		for item, ok := range items {
			cat := item[:strings.Index(item, ":")]
			c := counts[cat]
			c[1]++
			if ok {
				c[0]++
				names = append(names, item)
			}
			counts[cat] = c
		}
		sort.Strings(names)
		passing[s.name] = names
		line := s.name + ":"
		for _, c := range cats {
			line += fmt.Sprintf(" %s %d/%d", c, counts[c][0], counts[c][1])
			tc := total[c]
			total[c] = [2]int{tc[0] + counts[c][0], tc[1] + counts[c][1]}
		}
		t.Log(line)
		for _, was := range baseline[s.name] {
			if !items[was] {
				t.Errorf("%s: regression: %q passed in the baseline and fails now", s.name, was)
			}
		}
	}
	line := "all seeds:"
	for _, c := range cats {
		line += fmt.Sprintf(" %s %d/%d", c, total[c][0], total[c][1])
	}
	t.Log(line)
	if os.Getenv("UPDATE_BASELINE") != "" {
		data, _ := json.MarshalIndent(passing, "", "  ")
		if err := os.WriteFile(seedBaseline, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", seedBaseline)
	}
}
