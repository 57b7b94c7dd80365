package annotate_test

import (
	"testing"

	_ "github.com/attest-news/attest/annotate"
	"github.com/attest-news/attest/annotate/internal/textutil"
)

// TestPatternsCompile compiles every regular expression the engine compiles lazily (on first
// use), so a bad pattern fails here and not on a reader's page.
func TestPatternsCompile(t *testing.T) {
	n, err := textutil.CompileAll()
	if err != nil {
		t.Fatal(err)
	}
	if n < 30 {
		t.Fatalf("only %d lazy patterns registered: the stages' patterns are not made with textutil.Lazy", n)
	}
}
