package quote

import (
	"strings"
	"testing"

	"github.com/attest-news/attest/annotate/internal/doc"
	"github.com/attest-news/attest/annotate/internal/entity"
	"github.com/attest-news/attest/annotate/internal/syntax"
	"github.com/attest-news/attest/annotate/internal/textutil"
)

type want struct {
	text, speaker, kind string
}

func run(paras ...string) (*doc.Doc, []Quote) { return runWith(nil, paras...) }

// runWith runs the quote stage on paragraphs with the strategies off holds switched off.
func runWith(off map[string]bool, paras ...string) (*doc.Doc, []Quote) {
	var b doc.Builder
	for _, p := range paras {
		b.Add(doc.Block{}, p, nil)
	}
	d := b.Doc()
	syntax.Analyze(d) // as the pipeline does before the quote stage
	return d, FindWith(d, entity.Find(d), off)
}

func TestFind(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  []want
	}{
		{"said after", []string{`“We will not,” Sheinbaum said.`}, []want{{"We will not,", "Sheinbaum", "full"}}},
		{"no cue: the one person the sentence names", []string{`On the radio on Tuesday, Richard Viguerie was blunt about it, “Not only can he win in November, he is the one with the best chance.”`},
			[]want{{"Not only can he win in November, he is the one with the best chance.", "Richard Viguerie", "full"}}},
		{"a programme's title is no quote, whoever spoke on it", []string{`Speaking on CNN’s “New Day,” Ben Carson said he was sure. Ted Cruz said on “Meet the Press.” that he would stay.`, `Cruz said on Twitter: “We Will Win.”`},
			[]want{{"We Will Win.", "Ted Cruz", "full"}}},
		{"a capitalised word is no cue: told The Huffington Post", []string{`As Colette Heald told The Huffington Post, surface ozone has dropped. "Despite an increase in vehicle miles driven, surface ozone has declined by 25 percent."`},
			[]want{{"Despite an increase in vehicle miles driven, surface ozone has declined by 25 percent.", "Colette Heald", "full"}}},
		{"a bare quote paragraph: the subject of the paragraph before", []string{`Richard Viguerie is upbeat about the senator’s chances in November.`, `“Not only can he win in November, he is the one with the best chance.”`},
			[]want{{"Not only can he win in November, he is the one with the best chance.", "Richard Viguerie", "full"}}},
		{"a quote that is its own sentence: the subject of the sentence before", []string{`Kiara Perkins skipped class to see the show. Why did she want to go? "It is Warhol. He is a legend."`},
			[]want{{"It is Warhol. He is a legend.", "Kiara Perkins", "full"}}},
		{"a bare quote paragraph after a subject that is no one: no speaker", []string{`The hall was quiet on Tuesday night.`, `“Not only can he win in November, he is the one with the best chance.”`},
			[]want{{"Not only can he win in November, he is the one with the best chance.", "", "full"}}},
		{"no cue and two people: no speaker", []string{`Richard Viguerie and Brent Bozell, on the radio, “Not only can he win in November, he is the one with the best chance.”`},
			[]want{{"Not only can he win in November, he is the one with the best chance.", "", "full"}}},
		{"inverted", []string{`“We will not,” said Claudia Sheinbaum.`}, []want{{"We will not,", "Claudia Sheinbaum", "full"}}},
		{"split by attribution", []string{`Mayor Maria Lopez spoke. "No," she said, "we will not."`},
			[]want{{"No,", "Maria Lopez", "full"}, {"we will not.", "Maria Lopez", "full"}}},
		{"split by a long attribution", []string{`"We have had offices here since April," said Jane Roe, the campaign's state communications director, "and we have built relationships that last."`},
			[]want{{"We have had offices here since April,", "Jane Roe", "full"}, {"and we have built relationships that last.", "Jane Roe", "full"}}},
		{"a title between two quotes does not break the speaker's run", []string{`"It is too early to tell," said Mark Cuban, a host on the show "Shark Tank." "I mean, it depends on the economy." The crowd laughed.`},
			[]want{{"It is too early to tell,", "Mark Cuban", "full"}, {"I mean, it depends on the economy.", "Mark Cuban", "full"}}},
		{"a fronted date is no speaker", []string{`Tuesday at the university in Berea, after winning the primary, Gov. John Kasich (R-OH), said, "We are going all the way."`},
			[]want{{"We are going all the way.", "John Kasich", "full"}}},
		{"two subjects for one verb: the nearer", []string{`Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Darrell Issa said the answers were "in question" now.`},
			[]want{{"in question", "Darrell Issa", "partial"}}},
		{"a verb with its particle reports speech: fired back", []string{`“We know you are rooting for him,” Brian Fallon fired back at Donald Trump.`},
			[]want{{"We know you are rooting for him,", "Brian Fallon", "full"}}},
		{"a party-and-state tag is not the speaker", []string{`"It is over," Sen. Amy Lund, D-Minn., said after the vote.`},
			[]want{{"It is over,", "Amy Lund", "full"}}},
		{"a crowd's chant is its words", []string{`The speaker described the city as beset by crime. The crowd chanted back at him, "Send them home," as he spoke.`},
			[]want{{"Send them home,", "The crowd", "full"}}},
		{"a speaker the tree takes for the sentence's root", []string{`Rep. Zoe Larkin (D-Calif.), who introduced a bill this month aimed at improving conditions abroad, said in a statement that the announcements were "important preliminary steps" toward a fix.`},
			[]want{{"important preliminary steps", "Zoe Larkin", "partial"}}},
		{"a conjunction opening the sentence is no name", []string{`When asked to comment: "We are reviewing the report and will respond in due course."`},
			[]want{{"We are reviewing the report and will respond in due course.", "", "full"}}},
		{"colon intro", []string{`Kelly Ayotte said: “The budget is done.”`}, []want{{"The budget is done.", "Kelly Ayotte", "full"}}},
		{"partial", []string{`Donald Trump called it “a last resort” on Monday.`}, []want{{"a last resort", "Donald Trump", "partial"}}},
		{"pronoun with gender", []string{`Donald Trump met Claudia Sheinbaum.`, `“It went well,” she said.`}, []want{{"It went well,", "Claudia Sheinbaum", "full"}}},
		{"organisation speaker", []string{`The Heritage Foundation, a conservative group, published a study.`, `“Act now,” the group wrote.`},
			[]want{{"Act now,", "The Heritage Foundation", "full"}}},
		{"spokesperson for an organisation", []string{`“Talks continue,” a spokesperson for the European Commission told Reuters.`, `The spokesperson added that “progress is slow.”`},
			[]want{{"Talks continue,", "European Commission", "full"}, {"progress is slow.", "European Commission", "partial"}}},
		{"according to", []string{`According to Reuters, the minister said it was “not final.”`}, []want{{"not final.", "", "partial"}}},
		{"nested quote has its own speaker", []string{`Donald Trump called Claudia Sheinbaum.`, `“He asked me, ‘How can we help?’” Sheinbaum said.`},
			[]want{{"He asked me, ‘How can we help?’", "Claudia Sheinbaum", "full"}, {"How can we help?", "Donald Trump", "nested"}}},
		{"a quote inside a quote said by a thing is no quote of its own", []string{`John Kerry spoke on Monday. "When they march down the street saying 'Death to the United States,' you cannot let that happen," Kerry said.`},
			[]want{{"When they march down the street saying 'Death to the United States,' you cannot let that happen,", "John Kerry", "full"}}},
		{"mismatched closing mark", []string{`“We can work together, but you in your territory and us in ours,“ said Sheinbaum.`, `“Next,” she declared.`},
			[]want{{"We can work together, but you in your territory and us in ours,", "Sheinbaum", "full"}, {"Next,", "Sheinbaum", "full"}}},
		{"guillemets", []string{`« Nous refusons », a déclaré Emmanuel Macron.`}, []want{{"Nous refusons", "", "full"}}},
		{"low-high German marks", []string{`„Wir lehnen ab“, sagte Olaf Scholz.`}, []want{{"Wir lehnen ab", "", "full"}}},
		{"apostrophes are not quotes", []string{`“Trump‘s plan isn’t ours,” Sheinbaum said.`}, []want{{"Trump‘s plan isn’t ours,", "Sheinbaum", "full"}}},
		{"multi-paragraph quote", []string{`Claudia Sheinbaum said: “We will not accept it.`, `“Sovereignty is not for sale.”`},
			[]want{{"We will not accept it.", "Claudia Sheinbaum", "full"}, {"Sovereignty is not for sale.", "Claudia Sheinbaum", "full"}}},
		{"comma outside the marks, inverted", []string{`"Punishment will follow", said Gustafon. "We warned them", added KCNA.`},
			[]want{{"Punishment will follow", "Gustafon", "full"}, {"We warned them", "KCNA", "full"}}},
		{"unknown name before an apposition", []string{`"It would have been much worse," Khaled Al-Maeena, editor at large at the Saudi Gazette, said.`},
			[]want{{"It would have been much worse,", "Khaled Al-Maeena", "full"}}},
		{"a person opens a long apposition", []string{`Cynthia Thompson, curator of exhibits at the University of Arkansas, Fayetteville, said, "These images are documents."`},
			[]want{{"These images are documents.", "Cynthia Thompson", "full"}}},
		{"a role before the name after the quote", []string{`"We see a chance to show our talent," team member Rodaba Noori told the press.`},
			[]want{{"We see a chance to show our talent,", "Rodaba Noori", "full"}}},
		{"colon after an earlier quote in the sentence", []string{`Refugee Council chief Enver Solomon told Sky News any process "must be well thought out": "Moves to reduce the backlog are welcome."`},
			[]want{{"must be well thought out", "Enver Solomon", "partial"}, {"Moves to reduce the backlog are welcome.", "Enver Solomon", "full"}}},
		{"a paragraph continues a quote without a new mark", []string{`After the match, coach Nabil Maaloul said, "We played a skilled team.`, `If we were to get a draw it would have been excellent." The team left.`},
			[]want{{"We played a skilled team.", "Nabil Maaloul", "full"}, {"If we were to get a draw it would have been excellent.", "Nabil Maaloul", "full"}}},
		{"a scare quote inside a quote is part of it", []string{`"The net produces these 'events' every now and again," the poster wrote.`},
			[]want{{"The net produces these 'events' every now and again,", "", "full"}}},
		{"a statement announced in the sentence before", []string{`U.S. Senator John Cornyn, Republican from Texas, issued a statement regarding the choice. "Like many Texans, I am disappointed."`},
			[]want{{"Like many Texans, I am disappointed.", "John Cornyn", "full"}}},
		{"a name in apposition before the verb", []string{`The secretary general of the bishops' conference, Nunzio Galantino, has called the ruling "dangerous".`},
			[]want{{"dangerous", "Nunzio Galantino", "partial"}}},
		{"partial quotes joined by and", []string{`Senator John Park called the decision "a gift" (in Italian) and "a mistake".`},
			[]want{{"a gift", "John Park", "partial"}, {"a mistake", "John Park", "partial"}}},
		{"a reduced relative's agent is not the speaker", []string{`A leaked internal letter seen by Sky News says "failure to reply may end the claim".`},
			[]want{{"failure to reply may end the claim", "A leaked internal letter", "partial"}}},
		{"the subject of a complement clause, and no cue across a full stop", []string{`Steve Whitmore told LA Weekly that Daniel Montalvo "walked into the station", and told the police "everything he did". Whitmore stated more later.`},
			// the second "told" is Montalvo's, but the parser hangs it on Whitmore's "told": a known
			// miss; what holds is that "Whitmore stated" past the full stop speaks neither
			[]want{{"walked into the station", "", "partial"}, {"everything he did", "", "partial"}}},
		{"call for", []string{`The report's authors met. They call for "urgent action on salt."`},
			[]want{{"urgent action on salt.", "", "partial"}}},
		{"words ending in 'that' before the next quote introduce it", []string{`One poster admitted it, writing in a blog post "I have loaded the tool." The poster wrote that "an insurgency is under way."`},
			[]want{{"I have loaded the tool.", "One poster", "partial"}, {"an insurgency is under way.", "The poster", "partial"}}},
		{"a sentence about someone under a quote does not sign it", []string{`Nobody expected the result.`, `"It is door-to-door election combat."`, `Costa reported from Washington.`, `"We will see," one voter said. Follow Pam Key on Twitter.`},
			[]want{{"It is door-to-door election combat.", "", "full"}, {"We will see,", "one voter", "full"}}},
		{"the signing line carried inside the marks is no quote", []string{`Economists disagree.`, "\"I worry about budget hawks.", `Dean Baker, Center for Economic and Policy Research."`},
			[]want{{"I worry about budget hawks.", "Dean Baker", "full"}}},
		{"a pronoun after a quote refers to its speaker before a person merely mentioned", []string{`Matthew Ingram of The Globe and Mail dubbed the conflict "a war" in a column about Donald Trump. He called it "a skirmish".`},
			[]want{{"a war", "Matthew Ingram", "partial"}, {"a skirmish", "Matthew Ingram", "partial"}}},
		{"a quote left open goes on past a caption", []string{`Governor Chris Gregoire said, "The museum worked hard.`, `In 2008, Endeavour awaited a journey. Image: NASA.`, `"However, the trainer will soon call the museum home."`},
			[]want{{"The museum worked hard.", "Chris Gregoire", "full"}, {"However, the trainer will soon call the museum home.", "Chris Gregoire", "full"}}},
		{"a paragraph ending in a semicolon introduces the quote after it", []string{`Rick Santorum has discussed the phenomenon; he was quoted by The Canadian Press on the response;`, `"I suspect that is not true."`},
			[]want{{"I suspect that is not true.", "Rick Santorum", "full"}}},
		// a quoted phrase the sentence uses as a modifier, a title or a scare quote is nobody's words
		{"scare quote is not a quote", []string{`Officials named the cartels “foreign terrorist” groups.`}, nil},
		{"title is not a quote", []string{`She appeared on “Saturday Night Live” on Sunday.`}, nil},
		{"a term someone is said to use is theirs", []string{`The senator called the plan “a giveaway to the rich.”`}, []want{{"a giveaway to the rich.", "senator", "partial"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, qs := run(tc.paras...)
			for _, q := range qs {
				if q.Start < 0 || q.End > len(d.Text) || q.Start >= q.End {
					t.Fatalf("quote %+v out of range", q)
				}
			}
			if len(qs) != len(tc.want) {
				var got []string
				for _, q := range qs {
					got = append(got, d.Text[q.Start:q.End])
				}
				t.Errorf("%d quotes %q, want %d", len(qs), got, len(tc.want))
			}
			for _, w := range tc.want {
				found := false
				for _, q := range qs {
					if d.Text[q.Start:q.End] != w.text {
						continue
					}
					found = true
					if w.speaker != "" && !strings.HasSuffix(q.Speaker, w.speaker) && q.Speaker != w.speaker {
						t.Errorf("%q: speaker %q, want %q", w.text, q.Speaker, w.speaker)
					}
					if w.kind != q.Kind {
						t.Errorf("%q: kind %q, want %q", w.text, q.Kind, w.kind)
					}
				}
				if !found {
					var got []string
					for _, q := range qs {
						got = append(got, d.Text[q.Start:q.End]+" ← "+q.Speaker)
					}
					t.Errorf("no quote %q; got %q", w.text, got)
				}
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	f.Add("“He said, ‘How can we help?’” Sheinbaum said.\n\n„Ja“, sagte er. « Non » \"x\" ‘y’")
	f.Add("“Unclosed quote\n\n“continues here” she said")
	f.Fuzz(func(t *testing.T, s string) {
		d, qs := run(strings.Split(s, "\n\n")...)
		for _, q := range qs {
			if q.Start < 0 || q.End > len(d.Text) || q.Start >= q.End {
				t.Fatalf("quote %+v out of range in %q", q, d.Text)
			}
			if q.SpeakerStart > q.SpeakerEnd || q.SpeakerEnd > len(d.Text) {
				t.Fatalf("speaker %d:%d out of range", q.SpeakerStart, q.SpeakerEnd)
			}
		}
	})
}

// The speaker's mention is the noun phrase naming them, descriptors before the name included.
func TestSpeakerMention(t *testing.T) {
	tests := []struct{ para, want string }{
		{`Tunisia's coach Nabil Maaloul said, "We tried."`, "Tunisia's coach Nabil Maaloul"},
		{`Labour's Shadow Home Secretary Yvette Cooper said: "Act now."`, "Labour's Shadow Home Secretary Yvette Cooper"},
		{`"No," Minister Klara Weiss said.`, "Minister Klara Weiss"},
		{`After the match, Klara Weiss said, "We tried."`, "Klara Weiss"},
		{`Discussing it, Malaysia's Prime Minister, Najib Razak said, "We are in contact."`, "Malaysia's Prime Minister, Najib Razak"},
	}
	for _, tc := range tests {
		d, qs := run(tc.para)
		if len(qs) == 0 {
			t.Errorf("%q: no quote", tc.para)
			continue
		}
		got := ""
		if q := qs[0]; q.SpeakerStart >= 0 {
			got = d.Text[q.SpeakerStart:q.SpeakerEnd]
		}
		if got != tc.want {
			t.Errorf("%q: mention %q, want %q", tc.para, got, tc.want)
		}
	}
}

func TestLastSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"He left. The firm Secunia.com has said that", "The firm Secunia.com has said that"},
		{"One. Two! Three? Four", "Four"},
		{"No stop here", "No stop here"},
		{`It is not true." Santorum criticized`, `" Santorum criticized`},
	}
	for _, tc := range tests {
		toks := textutil.Tokenize(tc.in)
		got := lastSentence(toks)
		if len(got) == 0 || tc.in[got[0].Start:got[len(got)-1].End] != tc.want {
			t.Errorf("%q: got %v, want %q", tc.in, got, tc.want)
		}
	}
}

// Where a misparse gives a reporting verb two subjects ("Sunday" and "Issa"), the nearer one
// before the verb speaks, even with the date rule off.
func TestNearestSubject(t *testing.T) {
	_, qs := runWith(map[string]bool{"quote/date-subject": true}, `Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Darrell Issa said the answers were "in question" now.`)
	if len(qs) != 1 || qs[0].Speaker != "Darrell Issa" {
		t.Errorf("got %+v, want one quote said by Darrell Issa", qs)
	}
}
