package annotate

import (
	"fmt"
	"io"

	"github.com/attest-news/attest/annotate/internal/syntax"
)

// AnalyzeCoNLLU reads gold-tokenized CoNLL-U and writes it back with UPOS, XPOS, HEAD and
// DEPREL filled by the syntax layer; every other column and line stays as read. It is the
// measurement interface for the tagger and parser (../shared/tools/score-syntax.py).
func AnalyzeCoNLLU(r io.Reader, w io.Writer) error {
	sents, err := syntax.ReadCoNLLU(r)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	syntax.Default().AnalyzeCoNLL(sents)
	return syntax.WriteCoNLLU(w, sents)
}
