package entity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/attest-news/attest/annotate/internal/doc"
)

func docOf(paras ...string) *doc.Doc {
	var b doc.Builder
	for _, p := range paras {
		b.Add(doc.Block{}, p, nil)
	}
	return b.Doc()
}

func TestFind(t *testing.T) {
	tests := []struct {
		name  string
		text  []string
		want  []string // "text LABEL canonical"
		not   []string // texts that must not be entities
		notAs []string // "text LABEL": texts that must not have that label
	}{
		{
			name: "people, titles and surnames",
			text: []string{"Mexican President Claudia Sheinbaum met President Donald Trump on Friday.", "Sheinbaum said Trump's plan failed."},
			want: []string{"Mexican NORP Mexican", "Claudia Sheinbaum PERSON Claudia Sheinbaum", "Donald Trump PERSON Donald Trump",
				"Friday DATE Friday", "Sheinbaum PERSON Claudia Sheinbaum", "Trump PERSON Donald Trump"},
			not: []string{"President", "Mexican President"},
		},
		{
			name: "a party-and-state tag after a politician's name is no name",
			text: []string{"Sen. Amy Lund, D-Minn., spoke first, and Rep. Carl Voss (R-Texas) spoke after her."},
			want: []string{"Amy Lund PERSON Amy Lund", "Carl Voss PERSON Carl Voss"},
			not:  []string{"D-Minn", "R-Texas"},
		},
		{
			name: "a capitalised The stays only in names that carry it",
			text: []string{"The Home Office said the Border Force was ready, and The Heritage Foundation agreed.", "He told The Huffington Post that The Wall Street Journal was wrong."},
			want: []string{"Home Office ORG Home Office", "The Heritage Foundation ORG The Heritage Foundation",
				"Huffington Post ORG Huffington Post", "The Wall Street Journal ORG The Wall Street Journal"},
			not: []string{"The Home Office", "The Huffington Post"},
		},
		{
			name: "places that play a match are teams",
			text: []string{"Belgium defeated Panama 3 – 0 in Sochi on Monday. Dries Mertens scored the first goal from a volley after the referee waved play on.",
				"Panama's goalkeeper saved a penalty, but the striker Romelu Lukaku scored twice for Belgium in the tournament's group match."},
			want: []string{"Belgium ORG Belgium", "Panama ORG Panama", "Sochi GPE Sochi"},
		},
		{
			name: "outside a match report a country stays a place",
			text: []string{"Belgium defeated a proposal from the Netherlands on Monday, officials in Brussels said."},
			want: []string{"Belgium GPE Belgium", "Netherlands GPE Netherlands"},
		},
		{
			name: "buildings, role words before names, lone letters",
			text: []string{"Biologist Nick Bos visited the Kennedy Space Center and the Al-Ghaza Hotel in Group F of the tour.", "Attorney Robert Sarvis spoke at the Metro Toronto Convention Centre."},
			want: []string{"Nick Bos PERSON Nick Bos", "Kennedy Space Center FAC Kennedy Space Center", "Al-Ghaza Hotel FAC Al-Ghaza Hotel",
				"Robert Sarvis PERSON Robert Sarvis", "Metro Toronto Convention Centre FAC Metro Toronto Convention Centre"},
			not: []string{"F", "Biologist Nick Bos", "Attorney Robert Sarvis"},
		},
		{
			name: "words that make no person's name, whatever opens them",
			text: []string{"I was chosen to attend a unique Pilot Training Program in Texas, with Lawrence Lessig's Free Culture as reading.",
				"The free culture movement grew, and the Star Wars fans gave the star a Doctor Who Society prize over Baileys Irish Cream."},
			want: []string{"Lawrence Lessig PERSON Lawrence Lessig", "Training Program ORG Training Program", "Who Society ORG Who Society"},
			not:  []string{"Pilot Training Program", "Free Culture", "Star Wars"},
		},
		{
			name: "acronyms take the kind of what they abbreviate, or go with it",
			text: []string{"The shuttle rolled out at the Kennedy Space Center (KSC) in Florida, and KSC employees cheered.",
				"Healthy ants die sooner when ingesting ROS [Reactive Oxygen Species, a group of chemicals] in May, UNLESS treated.",
				"He was our Interview of the Month (IOTM) in May.", "We measured the ROS with a meter.",
				"Commanders of the Korean People's Army [KPA] were sent, and the KPA fired."},
			want: []string{"Kennedy Space Center FAC Kennedy Space Center", "KSC FAC Kennedy Space Center",
				"Korean People's Army ORG Korean People's Army", "KPA ORG Korean People's Army"},
			not: []string{"ROS", "UNLESS", "IOTM"},
		},
		{
			name: "a word only the tagger calls a place needs the sentence to put something there",
			text: []string{"So now Maria Lopez left the Voice for a while.", "The Hajj draws millions of pilgrims to Mecca every year."},
			want: []string{"Mecca GPE Mecca"},
			not:  []string{"Voice", "Hajj"},
		},
		{
			name: "a surname that stands for a full name makes the full name someone's",
			text: []string{"Wikinews interviews Marymegan Daly on a new sea anemone.", "Daly explained how she found it under the ice."},
			want: []string{"Marymegan Daly PERSON Marymegan Daly", "Daly PERSON Marymegan Daly"},
		},
		{
			name: "events by their last word",
			text: []string{"She retired after the 2012 Summer Paralympics and watched the Chinese New Year parade at the Fan Expo."},
			want: []string{"Summer Paralympics EVENT Summer Paralympics", "New Year EVENT New Year", "Fan Expo EVENT Fan Expo"},
		},
		{
			name: "names the tagger alone calls places need a place in them or around them",
			text: []string{"Harry Kane won the Budweiser Man of the Match award before the last Space Shuttle mission."},
			want: []string{"Harry Kane PERSON Harry Kane"},
			not:  []string{"Space Shuttle"},
		},
		{
			name: "a known name keeps an opening word the article also writes in lower case",
			text: []string{"New Zealand begins process to consider a new flag", "On Tuesday, the new government in Wellington announced it."},
			want: []string{"New Zealand GPE New Zealand", "Wellington GPE Wellington"},
			not:  []string{"Zealand"},
		},
		{
			name: "places by their first or last word, buildings by their last",
			text: []string{"The shuttle flew from Cape Canaveral to Eureka Springs, past the Bat Cave and the Republic Windows Factory."},
			want: []string{"Cape Canaveral LOC Cape Canaveral", "Eureka Springs LOC Eureka Springs", "Bat Cave LOC Bat Cave",
				"Republic Windows Factory FAC Republic Windows Factory"},
		},
		{
			name: "an art centre is a building",
			text: []string{"The McCutchan Art Center shows the prints in Evansville."},
			want: []string{"McCutchan Art Center FAC McCutchan Art Center", "Evansville GPE Evansville"},
		},
		{
			name: "a person's surname before a word names what the person made, not another person",
			text: []string{"Andy Warhol took the pictures.", "There are Warhol Polaroid exhibits in Boston, and the Polaroid format helped."},
			want: []string{"Andy Warhol PERSON Andy Warhol", "Boston GPE Boston"},
			not:  []string{"Warhol Polaroid", "Polaroid"},
		},
		{
			name: "a romanised given name is short after its hyphen",
			text: []string{"Atwood, a Booker Prize-winner, met Lam Cheuk-ting and Yau Wai-ching in Toronto."},
			want: []string{"Lam Cheuk-ting PERSON Lam Cheuk-ting", "Yau Wai-ching PERSON Yau Wai-ching"},
			not:  []string{"Booker Prize-winner"},
		},
		{
			name: "the body a person belongs to",
			text: []string{"Raymond Chan of People Power and Gary Fan of the Neo Democrats failed, while Demosisto's Nathan Law won.",
				"King Abdullah of Jordan met Shiu Ka-chun of the Social Welfare constituency."},
			want: []string{"People Power ORG People Power", "Neo Democrats ORG Neo Democrats", "Demosisto ORG Demosisto",
				"Nathan Law PERSON Nathan Law", "Jordan GPE Jordan"},
		},
		{
			name: "a place after a preposition, unless it is a field or qualifies a noun",
			text: []string{"Hundreds dead in Hajj stampede", "She took a degree in Linguistics, then flew to Yeoncheon on Monday.",
				"There is a quote attributed to Einstein and a ranking according to Quantcast."},
			want: []string{"Yeoncheon GPE Yeoncheon"},
			not:  []string{"Hajj", "Linguistics", "Quantcast"},
		},
		{
			name: "\"and\" before a person named with where they are from",
			text: []string{"The winners were Gary Chan of DAB and Eunice Yung of New People's Party."},
			want: []string{"Gary Chan PERSON Gary Chan", "DAB ORG DAB", "Eunice Yung PERSON Eunice Yung", "New People's Party ORG New People's Party"},
		},
		{
			name: "initials make a person's name",
			text: []string{"I don't know, the O.J. Simpson trial, said the guide at the U.S. Army base.",
				"Instituto Gonzaga, a catholic school in Milan, lost its case; Leung Che-cheung won."},
			want: []string{"O.J. Simpson PERSON O.J. Simpson", "U.S. Army ORG United States Army",
				"Milan GPE Milan", "Leung Che-cheung PERSON Leung Che-cheung"},
		},
		{
			name: "a name with \"of\" is what its head word makes it",
			text: []string{"He read History of England at the Museum of Flight before the Winter Carnival of Magic.",
				"The Municipality of Livorno and Johnson & Johnson disagreed with the Critics of Scientology group."},
			want: []string{"Museum of Flight FAC Museum of Flight", "Winter Carnival of Magic EVENT Winter Carnival of Magic",
				"Municipality of Livorno ORG Municipality of Livorno", "Johnson & Johnson ORG Johnson & Johnson"},
			not: []string{"History of England", "Critics of Scientology"},
		},
		{
			name: "the name after \"the town of\" is a place's; a building's name keeps its \"and\"",
			text: []string{"About 80 people left the town of Yeoncheon, a cafe in the Melbourne suburb of Preston, and voted in Taikoo of the island.",
				"The orbiter went to the National Air and Space Museum in Washington."},
			want: []string{"Yeoncheon GPE Yeoncheon", "Melbourne GPE Melbourne", "Preston GPE Preston", "Taikoo GPE Taikoo",
				"National Air and Space Museum FAC National Air and Space Museum"},
			not: []string{"National Air", "Space Museum"},
		},
		{
			name: "known names and a person's name part in a run that lost its punctuation",
			text: []string{"The foundation claimed Mexico would not change its stance.", "Fox News Digital Adam Shaw Associated Press contributed report"},
			want: []string{"Fox News Digital ORG Fox News Digital", "Adam Shaw PERSON Adam Shaw", "Associated Press ORG The Associated Press"},
		},
		{
			name: "a one-word name the article writes as a body's is an organisation in every mention",
			text: []string{"Zorblax officials declined to comment on Monday.", "A member of Quorvia said that Quorvia had paid.",
				"She told Mauer that Zorblax would appeal."},
			want: []string{"Zorblax ORG Zorblax", "Quorvia ORG Quorvia"},
		},
		{
			name: "famous people by surname alone",
			text: []string{"There is a quote attributed to Einstein, and Macron met Erdogan in Ankara."},
			want: []string{"Einstein PERSON Albert Einstein", "Macron PERSON Emmanuel Macron", "Erdogan PERSON Recep Tayyip Erdogan", "Ankara GPE Ankara"},
		},
		{
			name: "a list of names before a plural kind of place is a list of places",
			text: []string{"The virus has been reported in Barry, Berrien, Calhoun, Cass, Kalamazoo and Van Buren counties, said Mike Smith."},
			want: []string{"Barry GPE Barry", "Cass GPE Cass", "Kalamazoo GPE Kalamazoo", "Van Buren GPE Van Buren", "Mike Smith PERSON Mike Smith"},
		},
		{
			name:  "a surname stands for a full name's person only where the sentence says it is someone",
			text:  []string{"The MacBook Pro is fast, and the MacBook Pro is thin.", "The Pro keyboard is new."},
			notAs: []string{"MacBook Pro PERSON", "Pro PERSON"},
		},
		{
			name: "a one-word name before a landform is a place in every mention",
			text: []string{"Lisbon approves a solar farm on the Tagus despite protests", "The Tagus Fishermen's Association warned that the Tagus estuary would suffer."},
			want: []string{"Tagus LOC Tagus", "Tagus Fishermen's Association ORG Tagus Fishermen's Association"},
		},
		{
			name: "planets and moons are places; a guessed name ending in a common word lends no surname",
			text: []string{"The probe will study Europa, a moon of Jupiter, after passing Mars.", "Take the Nighttime Supplement with water; each supplement helps, and one Supplement a day is enough."},
			want: []string{"Europa LOC Europa", "Jupiter LOC Jupiter", "Mars LOC Mars"},
			not:  []string{"Supplement"},
		},
		{
			name: "a bare year is a date unless it counts something",
			text: []string{"She retired after the 2012 Summer Paralympics; the 2016 MacBook Pro had 2016 votes and 1999 people in its forum."},
			want: []string{"2012 DATE 2012", "2016 DATE 2016", "2016 CARDINAL 2016", "1999 CARDINAL 1999"},
		},
		{
			name: "doctrines and fields are not places",
			text: []string{"Critics of Scientology met in Clearwater on Monday.", "Scientology denied it, and Linguistics professors in Boston agreed."},
			want: []string{"Clearwater GPE Clearwater", "Boston GPE Boston"},
			not:  []string{"Linguistics"},
		},
		{
			name: "one unknown word is no person without a fuller name or a given name",
			text: []string{"The Galaxy phone sold well, Rebecca said, and Senator John Park agreed with Park's aides."},
			want: []string{"Rebecca PERSON Rebecca", "John Park PERSON John Park", "Park PERSON John Park"},
			not:  []string{"Galaxy"},
		},
		{
			name: "organisations and acronyms",
			text: []string{"The Heritage Foundation cited a Wall Street Journal report and the CIA.", "A spokesperson for the U.S. National Security Council said the NSC agreed."},
			want: []string{"The Heritage Foundation ORG The Heritage Foundation", "Wall Street Journal ORG The Wall Street Journal",
				"CIA ORG Central Intelligence Agency", "U.S. GPE United States",
				"National Security Council ORG United States National Security Council", "NSC ORG United States National Security Council"},
		},
		{
			name: "places",
			text: []string{"Flights from Mexico City to the United States resumed, and America welcomed them along the Rio Grande."},
			want: []string{"Mexico City GPE Mexico City", "United States GPE United States", "America GPE United States", "Rio Grande LOC Rio Grande"},
		},
		{
			name: "numbers and dates",
			text: []string{"On April 16 the council approved $1.5 billion, a 12 percent rise, for 10,000 homes last month during a 45-minute meeting."},
			want: []string{"April 16 DATE April 16", "$1.5 billion MONEY $1.5 billion", "12 percent PERCENT 12 percent",
				"10,000 CARDINAL 10,000", "last month DATE last month"},
			not: []string{"45"},
		},
		{
			name: "sentence-initial words are not names",
			text: []string{"However, officials disagreed. Responding to critics, Kelly said more was needed."},
			want: []string{"Kelly PERSON Kelly"},
			not:  []string{"However", "Responding"},
		},
		{
			name: "the tagger's guesses are vetted",
			text: []string{"Port officials in Rotterdam closed the quay.", "“Safety comes first,” said Pieter Jansen.", "Terminal\tReopens"},
			want: []string{"Rotterdam GPE Rotterdam", "Pieter Jansen PERSON Pieter Jansen"},
			not:  []string{"Port", "Safety", "Terminal\tReopens", "Terminal"},
		},
		{
			name: "the tagger names what no rule knows",
			text: []string{"The report was written by Ngozi Okonjo-Iweala and Amara Diallo at the Brookings Institution in Washington.", "Okonjo-Iweala later left Washington for Geneva."},
			want: []string{"Ngozi Okonjo-Iweala PERSON Ngozi Okonjo-Iweala", "Okonjo-Iweala PERSON Ngozi Okonjo-Iweala", "Brookings Institution ORG Brookings Institution", "Geneva GPE Geneva"},
		},
		{
			name: "a region of a country is a place, and lends the country no surname",
			text: []string{"Researchers in South Australia tested 800 women.", "Pregnant women in Australia are getting half of what they need, Cres Eastman said."},
			want: []string{"South Australia GPE South Australia", "Australia GPE Australia"},
		},
		{
			name: "an office named after its title is not a person",
			text: []string{"The United Nations High Commissioner for Refugees recommended it.", "Minister Klara Weiss agreed."},
			want: []string{"Klara Weiss PERSON Klara Weiss"},
			not:  []string{"Refugees"},
		},
		{
			name: "an unknown name before a speech verb is a person",
			text: []string{"Environment Canada spokeswoman Sujata Raisinghani told CBC News the department will look into it."},
			want: []string{"Sujata Raisinghani PERSON Sujata Raisinghani"},
		},
		{
			name: "the plural of a capitalised word is not a person",
			text: []string{"The show Warhol Polaroids opened in May.", "He took the pictures with a Polaroid camera.", "Curators said Polaroids were his diary."},
			not:  []string{"Polaroids"},
		},
		{
			name: "a romanised name with a hyphenated given name",
			text: []string{"Legislators Cheng Chung-tai and Yau Wai-ching walked out; Kim Jong-un was not mentioned."},
			want: []string{"Cheng Chung-tai PERSON Cheng Chung-tai", "Yau Wai-ching PERSON Yau Wai-ching", "Kim Jong-un PERSON Kim Jong-un"},
		},
		{
			name: "two people joined by and",
			text: []string{"Donald Trump and Claudia Sheinbaum spoke. Trump and Sheinbaum agreed."},
			want: []string{"Trump PERSON Donald Trump", "Sheinbaum PERSON Claudia Sheinbaum"},
			not:  []string{"Trump and Sheinbaum"},
		},
		{
			name: "an unknown name that does what people do is a person, in every mention",
			text: []string{"There was an agreement between Vrabec and the U.S. government.", "The agreement was that Vrabec agreed to it. Vrabec also proposed a treaty."},
			want: []string{"Vrabec PERSON Vrabec", "U.S. GPE United States"},
		},
		{
			// "the Directorate said" beside "the directorate" was here too: the tagger trained on
			// UNER now calls it an organisation, and a rule to overrule it cost 0.003 on
			// entities-dev ("the Senate" … "the senate") and bought nothing on entities-dev2
			name: "a plural that does what people do is not a person",
			text: []string{"Officials said the directorate was wrong, and then Critics said so too."},
			not:  []string{"Critics"},
		},
		{
			name: "a storm is an event, its every mention",
			text: []string{"Cyclone Phailin has winds of 190 kilometres per hour, forecasters said.", "Phailin's winds will weaken inland, said David Titley."},
			want: []string{"Cyclone Phailin EVENT Cyclone Phailin", "Phailin EVENT Cyclone Phailin", "David Titley PERSON David Titley"},
			not:  []string{"Cyclone"},
		},
		{
			name: "craft are not people",
			text: []string{"Space Shuttle Atlantis will go on display in Florida. Atlantis flew 33 missions.", "The Stardust spacecraft returned. Stardust carried dust, NASA said, and the NASA spacecraft landed."},
			want: []string{"Florida GPE Florida", "NASA ORG NASA"},
			not:  []string{"Atlantis", "Space Shuttle Atlantis", "Stardust"},
		},
		{
			name: "a craft named once as a craft is one in every mention",
			text: []string{"The Space Shuttle Discovery was retired last year.", "Discovery flew 39 missions. Launch of Spacecraft Stardust: Stardust carried dust, the NASA spacecraft team said."},
			want: []string{"NASA ORG NASA"},
			not:  []string{"Discovery", "Stardust", "Space Shuttle Discovery"},
		},
		{
			name: "a storm word elsewhere names no storm",
			text: []string{"Storm Warning author Jane Smith said the National Hurricane Center was right.", "Smith spoke after the storm."},
			want: []string{"Jane Smith PERSON Jane Smith", "Smith PERSON Jane Smith"},
		},
		{
			name: "a role names an unknown person",
			text: []string{"The talk was given by philosopher Zorvan Quillet in a small hall.", "According to the team's coach, Vardo Imrenko, the players were tired.",
				"A donation came from Brek Talloway, chief financial officer of the firm, in May."},
			want: []string{"Zorvan Quillet PERSON Zorvan Quillet", "Vardo Imrenko PERSON Vardo Imrenko", "Brek Talloway PERSON Brek Talloway"},
		},
		{
			name: "an apposition about a person names one, past a nationality or a place",
			text: []string{"Valeska Paris, an Australian woman and former member, spoke.", "After the match, Hernan Dario Gomez, Panama coach, said he was proud."},
			want: []string{"Valeska Paris PERSON Valeska Paris", "Hernan Dario Gomez PERSON Hernan Dario Gomez", "Panama GPE Panama"},
		},
		{
			name: "a role of something, then the name; players in a match report; said X",
			text: []string{"And the head of NATO, Hoop Scheffer, he has explained it. Institutional recipients, said Mauer, are required to exhibit the works.",
				"In the 69th minute Romelu Lukaku doubled the lead. The referee gave a penalty and the striker missed the goal; the league and the tournament go on after the match."},
			want: []string{"Hoop Scheffer PERSON Hoop Scheffer", "Mauer PERSON Mauer", "Romelu Lukaku PERSON Romelu Lukaku"},
		},
		{
			name: "names listed with a person, or a person's elsewhere, are people",
			text: []string{"The game started with Romelu Lukaku, Yannick Carrasco, and Dries Mertens making early attempts.", "Dries Mertens said the team played well."},
			want: []string{"Romelu Lukaku PERSON Romelu Lukaku", "Yannick Carrasco PERSON Yannick Carrasco", "Dries Mertens PERSON Dries Mertens"},
		},
		{
			name: "unknown words listed with a person are people",
			text: []string{"Many Greeks worship the ancient gods, such as Zeus, Hera, Poseidon, Aphrodite, and Athena.", "Search engines include Google, Bing, and Yahoo. Image: Snbehnke.", "Image: NASA."},
			want: []string{"Zeus PERSON Zeus", "Aphrodite PERSON Aphrodite", "Athena PERSON Athena", "Bing ORG Bing", "NASA ORG NASA"},
		},
		{
			name: "an unknown name that acts is a person",
			text: []string{"In the spring Orlin Vasko also proposed a new budget for the club."},
			want: []string{"Orlin Vasko PERSON Orlin Vasko"},
		},
		{
			name: "the West is a region, also beside someone called West",
			text: []string{"Kanye West said the songs were popular in the West."},
			want: []string{"Kanye West PERSON Kanye West", "West LOC West"},
		},
		{
			name: "a political adjective before a lower-case party names the party",
			text: []string{"My ties to the Republican party date back to 1979, and Democrats like the Democratic party less."},
			want: []string{"Republican party ORG Republican Party", "Democratic party ORG Democratic Party"},
			not:  []string{"Republican", "Democratic"},
		},
		{
			name: "newspapers and a canonical name written out",
			text: []string{"He told The Brooklyn Paper and the San Francisco Chronicle that he served in the United States Air Force."},
			want: []string{"Brooklyn Paper ORG Brooklyn Paper", "San Francisco Chronicle ORG San Francisco Chronicle", "United States Air Force ORG United States Air Force"},
			not:  []string{"San Francisco", "United States"},
		},
		{
			name: "initials and greetings",
			text: []string{"K.C. Maurer, chief financial officer and treasurer, said no.", "I'm Mario J. Lucero, and they say, 'Hey Frank, my name is John.'"},
			want: []string{"K.C. Maurer PERSON K.C. Maurer", "Mario J. Lucero PERSON Mario J. Lucero", "Frank PERSON Frank"},
			not:  []string{"I'm Mario J. Lucero", "Hey Frank", "Mario"},
		},
		{
			name: "a town before its state or country is a place",
			text: []string{"Ahmed Mohamed, a boy from Irving, Texas, was arrested.", "They met in Preston, Australia. Senator Jones, Texas Republican, spoke."},
			want: []string{"Irving GPE Irving", "Preston GPE Preston", "Jones PERSON Jones"},
		},
		{
			name: "a sentence ends after an abbreviated place",
			text: []string{"The competition was held in Washington D.C. The team won.", "It ended in Washington D.C. Image: United States Navy."},
			want: []string{"Washington D.C. GPE Washington, D.C.", "United States Navy ORG United States Navy"},
			not:  []string{"Washington D.C. The", "Washington D.C. Image"},
		},
		{
			name: "a city or state before a building's, a newspaper's or an agency's name is part of it",
			text: []string{"The Sydney Morning Herald reported it. Officials at Washington Dulles International Airport and the California Science Center agreed, as did the Chicago Police Department.",
				"She lives in Western Australia, near Taipei City."},
			want: []string{"Sydney Morning Herald ORG Sydney Morning Herald", "Washington Dulles International Airport FAC Washington Dulles International Airport",
				"California Science Center FAC California Science Center", "Chicago Police Department ORG Chicago Police Department",
				"Western Australia GPE Western Australia", "Taipei City GPE Taipei City"},
			not: []string{"Sydney", "Western"},
		},
		{
			name: "what is left of an institution's name is no person; an office's last word is not a name's",
			text: []string{"The orbiter went to Wright-Patterson Air Force Base in Ohio and to the Tang Teaching Museum and Art Gallery.", "Minister of Education Stefania Giannini said so, and Refugee Council Enver Solomon agreed."},
			want: []string{"Wright-Patterson Air Force Base FAC Wright-Patterson Air Force Base", "Stefania Giannini PERSON Stefania Giannini",
				"Refugee Council ORG Refugee Council", "Enver Solomon PERSON Enver Solomon"},
			not: []string{"Base", "Education Stefania Giannini"},
		},
		{
			name: "people, then the organisation they belong to",
			text: []string{"Voters elected Cheng Chung-tai of Civic Passion. Wikinews interviews Mario J. Lucero and Isabel Ruiz of Heaven Sent Gaming.",
				"So said Lydia Buchtmann for Food Standards Australia."},
			want: []string{"Cheng Chung-tai PERSON Cheng Chung-tai", "Mario J. Lucero PERSON Mario J. Lucero", "Isabel Ruiz PERSON Isabel Ruiz",
				"Heaven Sent Gaming ORG Heaven Sent Gaming", "Lydia Buchtmann PERSON Lydia Buchtmann"},
		},
		{
			name: "an event's name stays whole",
			text: []string{"We were leading into the World Cup in the Netherlands. The Gliders have never won the World Championship.", "It was a chill at the World Cup, and the World Cup was fun."},
			want: []string{"World Cup EVENT World Cup", "World Championship EVENT World Championship"},
			not:  []string{"World"},
		},
		{
			name: "a letter compound is no name",
			text: []string{"Images of the boy wearing a NASA T-shirt spread. — Edmonton Sun, August 16, 2008", "He had an X-ray and read the Japan Times."},
			want: []string{"NASA ORG NASA", "Japan Times ORG Japan Times"},
			not:  []string{"T-shirt", "X-ray", "Japan"},
		},
		{
			name: "two institutions joined by and; a person of an organisation before the next and",
			text: []string{"Researchers at the Massachusetts Institute of Technology and Colorado State University agreed. The Department of Health and Human Services disagreed.",
				"It showed publishers Jann Wenner of Rolling Stone Magazine and Carlo De Benedetti of Italy's la Repubblica."},
			want: []string{"Massachusetts Institute of Technology ORG Massachusetts Institute of Technology", "Colorado State University ORG Colorado State University",
				"Department of Health and Human Services ORG Department of Health and Human Services", "Jann Wenner PERSON Jann Wenner",
				"Rolling Stone Magazine ORG Rolling Stone Magazine", "Carlo De Benedetti PERSON Carlo De Benedetti"},
		},
		{
			name: "a nationality before an organisation's name is part of it",
			text: []string{"The British Red Cross and the Greek Ministry of Culture met the Italian Supreme Court of Cassation. American officials agreed."},
			want: []string{"British Red Cross ORG British Red Cross", "Greek Ministry of Culture ORG Greek Ministry of Culture",
				"Italian Supreme Court of Cassation ORG Italian Supreme Court of Cassation", "American NORP American"},
		},
		{
			name: "a known organisation before words that make no institution's name is the name",
			text: []string{"The recently released Google Chrome is gaining users. Photo: NASA Bill Ingalls.", "She studied at Harvard Business School and used Amazon Web Services. The case on which the Court has ruled was old."},
			want: []string{"Google ORG Google", "NASA ORG NASA", "Bill Ingalls PERSON Bill Ingalls", "Harvard Business School ORG Harvard Business School",
				"Amazon Web Services ORG Amazon Web Services"},
			not: []string{"Google Chrome"},
		},
		{
			name: "a dateline's place in capitals",
			text: []string{"AL-AIN , United Arab Emirates 1996-12-06", "Japan began the defence of their title.", "LONDON (Reuters) - The bank said rates would rise.",
				"WASHINGTON - The senator spoke.", "SOCCER - LATE GOALS WIN IT .", "NASA 2024-01-01 was a launch date."},
			want: []string{"AL-AIN GPE Al-Ain", "United Arab Emirates GPE United Arab Emirates", "LONDON GPE London", "WASHINGTON GPE Washington"},
			not:  []string{"SOCCER", "NASA GPE"},
		},
		{
			name: "roman numerals and time zones are not acronyms",
			text: []string{"The video was called Scientology vs. the Internet, part XVII. XVII was the last part.", "The site was back at 15:11 GMT, and GMT is the zone the ICC uses; the ICC said so."},
			not:  []string{"XVII", "GMT"},
		},
		{
			name: "brands written in camel case are organisations",
			text: []string{"Volunteers record books for ZentoVox and release them free.", "The trend started with #KeepZentoVox, not with McBride or DeSantis."},
			want: []string{"ZentoVox ORG ZentoVox"},
			not:  []string{"KeepZentoVox"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := docOf(tc.text...)
			ms := Find(d)
			got := map[string]bool{}
			texts := map[string]bool{}
			for _, m := range ms {
				if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End {
					t.Fatalf("mention %+v out of range", m)
				}
				got[fmt.Sprintf("%s %s %s", d.Text[m.Start:m.End], m.Label, m.Canonical)] = true
				texts[d.Text[m.Start:m.End]] = true
				texts[d.Text[m.Start:m.End]+" "+m.Label] = true
			}
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("missing %q; got %v", w, keys(got))
				}
			}
			for _, n := range tc.not {
				if texts[n] {
					t.Errorf("%q should not be an entity", n)
				}
			}
			for _, n := range tc.notAs {
				if texts[n] {
					t.Errorf("%q should not be found", n)
				}
			}
		})
	}
}

func keys(m map[string]bool) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return strings.Join(out, "; ")
}

// TestFindLongRuns: a megabyte paragraph that is one run of capitalised words, or names joined by
// "of" and "and", or names between numbers. The rules once scanned such a run again for every
// word in it ("and" ahead; the word before each candidate; the numbers of the paragraph for each
// word): minutes a megabyte. No time is asserted; the test's deadline is the guard.
func TestFindLongRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	for _, unit := range []string{"The Zorblax Qwerty ", "Mr. John Smith of Acme and Jane Doe ", "In 2015 Zorblax Qwerty 2016 and "} {
		d := docOf(strings.Repeat(unit, 1<<20/len(unit)))
		ms := Find(d)
		for i, m := range ms {
			if m.Start >= m.End || m.End > len(d.Text) || i > 0 && m.Start < ms[i-1].End {
				t.Fatalf("%q: bad mention %+v", unit, m)
			}
		}
		t.Logf("%q: %d mentions", unit, len(ms))
	}
}

func FuzzFind(f *testing.F) {
	f.Add("Mexican President Claudia Sheinbaum told the U.S. National Security Council (NSC) on April 16 that $1.5 billion was 12 percent.")
	f.Add("The The the Of of And and U.S.-Mexico 's ’s")
	f.Add("ROS [Reactive Oxygen Species] and the Interview of the Month (IOTM); KSC (Kennedy Space Center) left the town of Yeoncheon.")
	f.Add("Raymond Chan of People Power and Demosisto's Nathan Law, O.J. Simpson, Leung Che-cheung, Booker Prize-winner, attributed to Einstein.")
	f.Add("Zorblax officials; a member of İstanbul; Fox News Digital Adam Shaw Associated Press; History of England; X-")
	f.Fuzz(func(t *testing.T, s string) {
		d := docOf(strings.Split(s, "\n\n")...)
		last := -1
		for _, m := range Find(d) {
			if m.Start < last || m.Start >= m.End || m.End > len(d.Text) || m.Canonical == "" {
				t.Fatalf("bad mention %+v in %q", m, d.Text)
			}
			last = m.End
		}
	})
}

// TestNameList holds the binary search over the embedded given-name list to a plain scan of
// it: every name is found with its gender, and words around each name (and odd inputs) are not.
func TestNameList(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(givenNames, "\n"), "\n")[1:]
	want := map[string]byte{}
	prev := ""
	for _, line := range lines {
		g, name, ok := strings.Cut(line, " ")
		if !ok || len(g) != 1 || !strings.Contains("fmx", g) || name <= prev || name[0] < 'A' || name[0] > 'Z' {
			t.Fatalf("given-names.txt: %q is not a sorted \"g name\" line after %q", line, prev)
		}
		prev = name
		want[name] = map[string]byte{"f": 'f', "m": 'm', "x": 0}[g]
	}
	probes := []string{"", " ", "A", "a", "Aaa", "zzzz", "\xff", "Mary Ann", "\n"}
	for name := range want {
		probes = append(probes, name, name+"a", name[:len(name)-1], strings.ToLower(name), strings.ToUpper(name))
	}
	for _, p := range probes {
		g, ok := weakNames.find(p)
		wg, wok := want[p]
		if ok != wok || g != wg {
			t.Errorf("searchNames(%q) = %q, %v; want %q, %v", p, g, ok, wg, wok)
		}
	}
	small := []struct {
		list, name string
		g          byte
		ok         bool
	}{
		{"", "Ann", 0, false},
		{"#", "Ann", 0, false},
		{"# head\n", "Ann", 0, false},
		{"# head\nf Ann\n", "Ann", 'f', true},
		{"# head\nf Ann", "Ann", 'f', true},
		{"# head\nf Ann", "An", 0, false},
		{"# head\nm Al\nf Ann\nx Zoe\n", "Al", 'm', true},
		{"# head\nm Al\nf Ann\nx Zoe\n", "Zoe", 0, true},
		{"# head\nm Al\nf Ann\nx Zoe\n", "Anna", 0, false},
		{"# head\nm Al\nf Ann\nx Zoe\n", "B", 0, false},
		{"# head\nf Ann\nm Bob\nx Zed", "Bob", 'm', true},
		{"# head\nf Ann\nm Bob\nx Zed", "Zed", 0, true},
		{"# head\nf Ann\nm Bob\nx Zed", "Zoe", 0, false},
		{"# head\nf Ann\nm Bob\nx Zed", "bob", 0, false},
	}
	for _, tc := range small {
		if g, ok := newNameList(tc.list).find(tc.name); g != tc.g || ok != tc.ok {
			t.Errorf("newNameList(%q).find(%q) = %q, %v; want %q, %v", tc.list, tc.name, g, ok, tc.g, tc.ok)
		}
	}
}
