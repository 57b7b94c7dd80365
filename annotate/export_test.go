package annotate_test

import (
	"strings"
	"testing"

	"github.com/attest-news/attest/annotate"
)

// TestExportsShowTheHeadlineOnce: a text keeps its headline as its first paragraph (so names in
// it are annotated); the Markdown and the standalone page print it once, as their heading.
func TestExportsShowTheHeadlineOnce(t *testing.T) {
	tests := []struct {
		name, input, in string
	}{
		{"text with a headline", "Council rejects bridge toll\n\nMayor Maria Lopez said on Friday that the city would not charge drivers.", annotate.InputText},
		{"page with a headline", `<html><head><title>Council rejects bridge toll</title></head><body><article><h1>Council rejects bridge toll</h1><p>Mayor Maria Lopez said on Friday that the city would not charge drivers to cross the new bridge over the river.</p></article></body></html>`, annotate.InputHTML},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := annotate.Annotate([]byte(tc.input), annotate.Options{In: tc.in})
			if err != nil {
				t.Fatal(err)
			}
			if res.Title == nil || *res.Title != "Council rejects bridge toll" {
				t.Fatalf("title %v", res.Title)
			}
			if md := annotate.Markdown(res); strings.Count(md, "Council rejects bridge toll") != 1 || !strings.HasPrefix(md, "# Council rejects bridge toll\n\n") {
				t.Errorf("markdown shows the headline %d times:\n%s", strings.Count(md, "Council rejects bridge toll"), md)
			}
			page := annotate.Page(res)
			body := page[strings.Index(page, "<body>"):]
			if n := strings.Count(body, "Council rejects bridge toll"); n != 1 {
				t.Errorf("page body shows the headline %d times:\n%s", n, body)
			}
		})
	}
}
