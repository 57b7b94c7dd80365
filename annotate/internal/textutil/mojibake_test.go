package textutil

import "testing"

func TestFixMojibake(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"NBCâ€™s president", "NBC’s president"},
		{"espaÃ±ol y mÃ¡s", "español y más"},
		{"â€œQuotedâ€\u009d â€” a dash", "“Quoted” — a dash"},
		{"50Â\u00a0km", "50\u00a0km"},
		{"costs â‚¬5", "costs €5"},
		{"Å\u00a0koda", "Škoda"},
		{"café, déjà vu, naïve", "café, déjà vu, naïve"}, // real Latin-1 letters stay
		{"Ã alone, â alone, Â", "Ã alone, â alone, Â"},   // a lead without its continuations stays
		{"CAFÉ» and Â«", "CAFÉ» and «"},                  // only Â, Ã, Å lead a pair
		{"plain ASCII", "plain ASCII"},
		{"", ""},
	} {
		if got := FixMojibake(tc.in); got != tc.want {
			t.Errorf("FixMojibake(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzFixMojibake(f *testing.F) {
	for _, s := range []string{"NBCâ€™s", "espaÃ±ol", "Â", "â€", "Ã\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := FixMojibake(s)
		if len(out) > len(s) {
			t.Errorf("FixMojibake(%q) grew to %q", s, out)
		}
	})
}
