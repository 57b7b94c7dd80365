package annotate_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/attest-news/attest/annotate"
	"github.com/attest-news/attest/internal/bridge"
)

// TestResultJSON holds the browser's hand-written JSON to encoding/json's: the same bytes for
// every golden input and seed, and reading it back gives the same result.
func TestResultJSON(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.*"))
	var inputs [][]byte
	for _, p := range paths {
		if ext := filepath.Ext(p); (ext == ".html" || ext == ".txt") && !strings.Contains(p, ".golden.") {
			if b, err := os.ReadFile(p); err == nil {
				inputs = append(inputs, b)
			}
		}
	}
	for _, s := range extraSeeds(t) {
		inputs = append(inputs, s.input)
	}
	inputs = append(inputs, []byte(storyWithQuotes), []byte("<p>a \u2028 b <b>&amp;</b> \x01</p>"))
	if len(inputs) < 3 {
		t.Fatal("no inputs")
	}
	var results []*annotate.Result
	for _, in := range inputs {
		r, err := annotate.Annotate(in, annotate.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []*annotate.Result{r, bridge.UTF16(r)} {
			want, _ := json.Marshal(v)
			if got := v.AppendJSON(nil); string(got) != string(want) {
				t.Fatalf("AppendJSON differs from encoding/json:\n%.300s\n%.300s", got, want)
			}
			back, err := annotate.ParseResult(string(want))
			if err != nil || !reflect.DeepEqual(back, v) {
				t.Fatalf("ParseResult does not give the result back (%v)", err)
			}
		}
		results = append(results, r)
	}
	all, _ := json.Marshal(results)
	if back, err := annotate.ParseResults(string(all)); err != nil || !reflect.DeepEqual(back, results) {
		t.Fatalf("ParseResults does not give the results back (%v)", err)
	}
	names := make([]string, len(results))
	for i := range names {
		names[i] = string(rune('a' + i))
	}
	c := annotate.Compare(names, results)
	want, _ := json.Marshal(c)
	if got := c.AppendJSON(nil); string(got) != string(want) {
		t.Fatalf("Comparison.AppendJSON differs from encoding/json:\n%.300s\n%.300s", got, want)
	}
	for _, bad := range []string{"", "[]", `{"text": 1}x`, `"a"`} {
		if _, err := annotate.ParseResult(bad); err == nil {
			t.Errorf("ParseResult(%q) accepted", bad)
		}
	}
}
