package vocab

import "testing"

func TestCue(t *testing.T) {
	for _, c := range []struct {
		form string
		want CueKind
	}{
		{"said", Speech}, {"says", Speech}, {"told", Speech}, {"warned", Speech}, {"argues", Speech},
		{"replied", Speech}, {"tweeted", Speech}, {"adding", Speech}, {"Noted", Speech}, {"testified", Speech},
		{"called", Term}, {"dubbed", Term}, {"describing", Term}, {"calls", Term},
		{"walked", NoCue}, {"is", NoCue}, {"the", NoCue}, {"sad", NoCue}, {"seed", NoCue},
	} {
		if got := Cue(c.form); got != c.want {
			t.Errorf("Cue(%q) = %d, want %d", c.form, got, c.want)
		}
	}
}

func TestRole(t *testing.T) {
	for _, c := range []struct {
		noun string
		want RoleKind
	}{
		{"spokesman", Body}, {"Officials", Body}, {"senator", Person}, {"senators", Person},
		{"campaign", Body}, {"report", Body}, {"ad", Self}, {"city", Place}, {"table", NoRole}, {"witnesses", Self},
	} {
		if got := Role(c.noun); got != c.want {
			t.Errorf("Role(%q) = %d, want %d", c.noun, got, c.want)
		}
	}
}

func TestIsPossessive(t *testing.T) {
	for _, s := range []string{"'s", "’s", "‘s", "'", "’"} {
		if !IsPossessive(s) {
			t.Errorf("%q", s)
		}
	}
	for _, s := range []string{"s", "is", "''", "”"} {
		if IsPossessive(s) {
			t.Errorf("%q", s)
		}
	}
}

func TestIntroduces(t *testing.T) {
	for form, want := range map[string]bool{
		"said": true, "warns": true, "tweeted": true, // speech verbs
		"called": true, "described": true, "dubbed": true, // naming verbs that report words
		"named": false, "labelled": false, "branded": false, // naming verbs that only name
		"walked": false, "": false,
	} {
		if got := Introduces(form); got != want {
			t.Errorf("Introduces(%q) = %v, want %v", form, got, want)
		}
	}
}

func TestRetort(t *testing.T) {
	for _, c := range []struct {
		form, next string
		want       bool
	}{{"fired", "back", true}, {"Shot", "Back", true}, {"lashed", "out", true}, {"fired", "at", false}, {"hit", "out", false}, {"said", "back", false}} {
		if got := Retort(c.form, c.next); got != c.want {
			t.Errorf("Retort(%q, %q) = %v, want %v", c.form, c.next, got, c.want)
		}
	}
}
