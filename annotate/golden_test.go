package annotate_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/attest-news/attest/annotate"
)

// TestGolden annotates each small input in testdata/golden and compares the rendered HTML and
// the spans with the .golden files beside it. UPDATE_GOLDEN=1 rewrites them; review the diff.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/golden/*.txt")
	htmlInputs, _ := filepath.Glob("testdata/golden/*.html")
	for _, in := range htmlInputs {
		if !strings.HasSuffix(in, ".golden.html") {
			inputs = append(inputs, in)
		}
	}
	if len(inputs) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			res, err := annotate.Annotate(data, annotate.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkContract(t, res)
			// the browser's paste path gives the same result
			if res2, err := annotate.AnnotateString(string(data), annotate.Options{}); err != nil || !reflect.DeepEqual(res2, res) {
				t.Errorf("AnnotateString differs from Annotate (error %v)", err)
			}
			base := strings.TrimSuffix(in, filepath.Ext(in))
			// the HTML one block per line, so diffs are readable
			html := strings.NewReplacer("</p>", "</p>\n", "</li>", "</li>\n", "</h1>", "</h1>\n", "</h2>", "</h2>\n",
				"</h3>", "</h3>\n", "</tr>", "</tr>\n", "</figure>", "</figure>\n", "</ul>", "</ul>\n").Replace(res.HTML)
			spans := res
			spans.HTML = "(see .golden.html)"
			var js bytes.Buffer
			enc := json.NewEncoder(&js)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(spans); err != nil {
				t.Fatal(err)
			}
			compareGolden(t, base+".golden.html", []byte(html))
			compareGolden(t, base+".golden.json", js.Bytes())
		})
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; run UPDATE_GOLDEN=1 go test ./annotate and review the diff.\n got:\n%s", path, got)
	}
}
