package annotate_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/attest-news/attest/annotate"
)

// TestPlainTextKeepsGold pastes the dev sets' own gold article texts (extraction-dev, the
// extraction pool's 1,449, entities-dev, quotes-dev) as plain text: a reader who
// pastes text has chosen it, so at least 99 % of its words must come back (title and summary
// count; only clear boilerplate such as share prompts, teasers and captions may go).
func TestPlainTextKeepsGold(t *testing.T) {
	data := filepath.Join("..", "..", "shared", "data")
	var texts []string
	for _, set := range []string{"extraction-dev", "extraction-pool"} {
		raw, err := os.ReadFile(filepath.Join(data, set, "ground-truth.json"))
		if err != nil {
			continue
		}
		var truth map[string]struct {
			ArticleBody string `json:"articleBody"`
		}
		if err := json.Unmarshal(raw, &truth); err != nil {
			t.Fatal(err)
		}
		for _, v := range truth {
			texts = append(texts, v.ArticleBody)
		}
	}
	for _, f := range []string{"entities-dev/gum-wikinews.jsonl", "quotes-dev/gum-wikinews-quotes.jsonl"} {
		fh, err := os.Open(filepath.Join(data, f))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var d struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &d) == nil {
				texts = append(texts, d.Text)
			}
		}
		fh.Close()
	}
	if len(texts) == 0 {
		t.Skipf("no dev sets in %s: the plain-text check needs the shared data", data)
	}
	var total, lost int
	for _, text := range texts {
		res, err := annotate.Annotate([]byte(text), annotate.Options{In: annotate.InputText})
		if err != nil {
			t.Fatal(err)
		}
		kept := map[string]int{}
		for _, w := range wordsOf(optionalString(res.Title) + " " + optionalString(res.Summary) + " " + res.Text) {
			kept[w]++
		}
		for _, w := range wordsOf(text) {
			total++
			if kept[w] > 0 {
				kept[w]--
			} else {
				lost++
			}
		}
	}
	share := 1 - float64(lost)/float64(total)
	t.Logf("%d gold texts pasted as plain text: %.2f %% of %d words kept", len(texts), 100*share, total)
	if share < 0.99 {
		t.Errorf("plain text keeps %.2f %% of the gold texts' words, want at least 99 %%", 100*share)
	}
}

func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func optionalString(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
