//go:build !js

package annotate

// The rules' summaries are for people (the command line, the ablation's table, the docs):
// the WebAssembly build leaves them out, which saves the page their bytes.
func init() {
	for i := range Rules {
		if s, ok := summaries[Rules[i].ID]; ok { // the quote stage's; the others come with their stages
			Rules[i].Summary = s
		}
	}
}

var summaries = map[string]string{
	"quote/according-to":     "“according to X” names the speaker",
	"quote/subject-of-cue":   "the subject or passive agent of the reporting verb over the quote",
	"quote/date-subject":     "a date the parser took for the subject gives way to the name before the verb",
	"quote/outer-speaker":    "a thing's verb gives way to the person reporting its clause: “Roe said the plan should …”",
	"quote/sentence-cue":     "the subject of the reporting verb nearest the quote in its sentence",
	"quote/governing-verb":   "the subject of the verb that governs the quote, where it names someone",
	"quote/surface-after":    "after the quote: “…,” NP said / said NP, read off the words",
	"quote/surface-before":   "before the quote: NP said “…”, read off the words",
	"quote/adding":           "a participle after a comma (“…, adding, “…”) keeps the clause before's speaker",
	"quote/fronted-phrase":   "a sentence's subject comes after a fronted phrase: “Speaking to CNN on Monday, Roe said”",
	"quote/colon-intro":      "a clause ending in a colon introduces the quote: NP …: “…”",
	"quote/intro-paragraph":  "the paragraph before ends “X said:” or “X stated,”",
	"quote/previous-subject": "a quote that is a sentence of its own takes the subject of the sentence before",
	"quote/lone-person":      "no cue: the one person the quote's sentence names",
	"quote/next-sentence":    "a phrase quoted in the sentence right after an attributed quote keeps its speaker",
	"quote/signature":        "a short line under a quote naming someone first signs it: “…” ¶ -Jane Roe, Ohio.",
	"quote/continued":        "a quote going on from one of the paragraph or the one before keeps its speaker",
	"quote/nested-person":    "a quote inside a quote is listed only when a person says it",
	"quote/drop-terms":       "a passage in marks nobody is said to say is no quote",
	"quote/drop-titles":      "a title-case passage after a possessive or \"on\" is a programme's name",
}
