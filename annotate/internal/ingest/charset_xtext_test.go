package ingest

import (
	"bytes"
	"slices"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// decode1252 agrees with golang.org/x/text's windows-1252 on every byte but the five it leaves
// undefined (x/text gives U+FFFD; the Encoding Standard and browsers give the C1 control).
func TestDecode1252MatchesXText(t *testing.T) {
	b := make([]byte, 256)
	for i := range b {
		b[i] = byte(i)
	}
	want, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	want = bytes.ReplaceAll(want, []byte("\uFFFD"), nil)
	got := []rune(decode1252(b))
	got = slices.DeleteFunc(got, func(r rune) bool { return r == 0x81 || r == 0x8d || r == 0x8f || r == 0x90 || r == 0x9d })
	if string(got) != string(want) {
		t.Errorf("decode1252 differs from x/text:\n got %q\nwant %q", got, want)
	}
}
