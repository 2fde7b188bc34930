"""Good-practice stories for the demo content: social innovation in the cities of the ten SEiSMiC countries.

The practices are typical of what the national networks shared (energy cooperatives, participatory budgets,
urban gardens, co-housing, repair cafés, mobility hubs, refugee integration...). The text is written for
the demo and does not describe a specific real project. ``translations`` give real translated strings in the
story's national language (title, summary, city, hero image alt text); the rest of a translated story keeps
the English text until an editor translates it, as wagtail-localize does.
"""

#: The index page's title in each language.
INDEX_TITLES = {
    "en": "Stories",
    "de": "Geschichten",
    "fr": "Récits",
    "nl": "Verhalen",
    "cs": "Příběhy",
    "hu": "Történetek",
    "it": "Storie",
    "nb": "Historier",
    "sv": "Berättelser",
    "tr": "Hikâyeler",
}

INDEX_INTRO = (
    "<p>Good practices from the SEiSMiC national networks: what cities, residents and researchers tried, "
    "what came of it, and what others can take over. Filter by theme, country or year, or follow a filtered "
    "list as a feed.</p>"
)

#: Colours of the generated hero images, by first theme.
THEME_COLOURS = {
    "governance": ((40, 70, 140), (120, 160, 220)),
    "vibrancy": ((170, 60, 90), (245, 170, 120)),
    "welfare": ((110, 60, 140), (200, 160, 220)),
    "environment": ((30, 110, 60), (160, 210, 120)),
    "connectivity": ((20, 110, 130), (130, 210, 220)),
}

# Stories are listed so that a story's source comes before it (transfer links point backwards).
STORIES = [
    {
        "slug": "solar-cooperative-on-social-housing-roofs",
        "title": "A solar cooperative on social housing roofs",
        "summary": (
            "Tenants of three municipal housing estates founded an energy cooperative, put photovoltaic panels "
            "on their roofs and now share the savings on their electricity bills."
        ),
        "city": "Vienna",
        "country": "AT",
        "start_year": 2013,
        "end_year": None,
        "published": "2014-04-10",
        "themes": ["environment", "welfare"],
        "organisations": [("AIT", "technical monitoring")],
        "challenge": "Tenants of social housing pay a high share of their income for energy, yet they rarely "
        "own the roofs, the money or the knowledge to produce their own.",
        "approach": "A tenants' association, the housing company and researchers set up a cooperative in which "
        "each household can buy a share for 100 euros. The housing company leases the roofs for a symbolic "
        "fee; a local bank lends against the feed-in income.",
        "results": "Within two years 1,100 square metres of panels produce about a fifth of the estates' "
        "common electricity. Members get a yearly dividend and a lower service charge.",
        "lessons": "The lease contract between the housing company and the cooperative is the piece other "
        "cities ask for first. Monthly open evenings in the estates mattered as much as the technology.",
        "figures": [("420", "member households"), ("190 MWh", "solar power a year"), ("100 €", "price of a share")],
        "gallery": True,
        "translations": {
            "de": {
                "title": "Eine Solargenossenschaft auf den Dächern des Gemeindebaus",
                "summary": "Mieterinnen und Mieter dreier Gemeindebauten gründeten eine Energiegenossenschaft, "
                "bauten Photovoltaikanlagen auf ihre Dächer und teilen sich nun die Einsparungen bei der "
                "Stromrechnung.",
                "city": "Wien",
                "alt": "Abstrakte Illustration in Grüntönen: Sonnenkollektoren auf einem Wohnblock",
            },
        },
    },
    {
        "slug": "participatory-budget-lend",
        "title": "A participatory budget for the Lend district",
        "summary": "Residents of an inner-city district decide each year how 200,000 euros of the district "
        "budget are spent, from proposals to the final vote.",
        "city": "Graz",
        "country": "AT",
        "start_year": 2014,
        "end_year": 2016,
        "published": "2014-09-02",
        "themes": ["governance"],
        "organisations": [("AIT", "evaluation")],
        "challenge": "Turnout in district elections had fallen below forty per cent and residents felt the "
        "district council decided far from their streets.",
        "approach": "Anyone living or working in the district may propose a project. Volunteers check costs "
        "with the city departments; a vote open to residents from the age of fourteen picks the winners.",
        "results": "Three rounds brought 310 proposals and 41 funded projects, from benches and drinking "
        "fountains to a tool library. One voter in three had never voted in a district election.",
        "lessons": "Publish the cost checks, including the rejected ones: it builds trust. Keep a small budget "
        "for maintenance, or the projects of year one become the complaints of year three.",
        "figures": [("310", "proposals"), ("41", "projects funded"), ("5,800", "votes cast in 2016")],
    },
    {
        "slug": "community-gardens-on-vacant-lots",
        "title": "Community gardens on vacant lots",
        "summary": "Neighbours turned five vacant building plots into shared gardens with temporary-use "
        "agreements, growing vegetables, friendships and a voice in how the district develops.",
        "city": "Berlin",
        "country": "DE",
        "start_year": 2012,
        "end_year": None,
        "published": "2014-06-18",
        "themes": ["vibrancy", "environment"],
        "organisations": [("HU Berlin", "research partner")],
        "challenge": "Vacant plots waiting for investors were fenced off for years while the dense district "
        "around them had almost no green space.",
        "approach": "A residents' association negotiated five-year temporary-use agreements with the owners. "
        "Gardens are built in movable raised beds, so a plot can be handed back within three months.",
        "results": "Five gardens with 260 beds, a school garden programme and a seed library. Two owners "
        "extended the agreements; one plot became a permanent park in the district plan.",
        "lessons": "Movable beds make owners say yes. A written agreement on water, insurance and handing "
        "back the land avoids most conflicts.",
        "figures": [("5", "gardens"), ("260", "raised beds"), ("1", "plot turned into a permanent park")],
        "translations": {
            "de": {
                "title": "Gemeinschaftsgärten auf Brachflächen",
                "summary": "Nachbarinnen und Nachbarn verwandelten fünf leere Baugrundstücke mit "
                "Zwischennutzungsverträgen in Gemeinschaftsgärten und bauen dort Gemüse, Freundschaften und "
                "eine Stimme in der Entwicklung ihres Viertels an.",
                "city": "Berlin",
                "alt": "Abstrakte Illustration in Rosa- und Orangetönen: Hochbeete zwischen Wohnhäusern",
            },
        },
    },
    {
        "slug": "guardian-houses",
        "title": "Guardian houses: empty buildings for local initiatives",
        "summary": "An association matches empty houses with initiatives that look after them in return "
        "for rent-free use, saving old buildings and giving studios, cafés and workshops a home.",
        "city": "Leipzig",
        "country": "DE",
        "start_year": 2013,
        "end_year": None,
        "published": "2015-02-11",
        "themes": ["vibrancy", "welfare"],
        "organisations": [("HU Berlin", "")],
        "challenge": "Hundreds of historic houses stood empty and decaying, while young initiatives could not "
        "afford premises.",
        "approach": "The association signs five-year agreements with owners: users repair and heat the house "
        "and pay the running costs, the owner keeps the building safe from decay.",
        "results": "Twenty houses have been saved; several owners later sold to the users' own cooperatives.",
        "lessons": "A trusted intermediary between owners and users is the key role; the city's support was a "
        "small grant for legal advice.",
        "figures": [("20", "houses saved"), ("150", "initiatives housed")],
    },
    {
        "slug": "repair-cafes-in-every-district",
        "title": "Repair cafés in every district",
        "summary": "Volunteers fix toasters, bikes and clothes with their neighbours once a month in libraries "
        "and community centres, keeping tonnes of goods out of the waste stream.",
        "city": "Ghent",
        "country": "BE",
        "start_year": 2013,
        "end_year": None,
        "published": "2014-11-05",
        "themes": ["environment", "welfare"],
        "organisations": [("VITO", "waste data"), ("Eurocities", "dissemination")],
        "challenge": "Small appliances and textiles were the fastest growing part of household waste, and "
        "repair skills were disappearing.",
        "approach": "The city provides rooms, insurance and a toolkit; volunteers run a repair café in each of "
        "the districts once a month. Every repair is logged, so the results can be counted.",
        "results": "Fourteen repair cafés with 230 volunteers repair about seven in ten items brought in.",
        "lessons": "Logging every repair turned a friendly event into evidence that convinced the council to "
        "fund it for five years.",
        "figures": [("14", "repair cafés"), ("68 %", "items repaired"), ("230", "volunteers")],
        "gallery": True,
        "translations": {
            "nl": {
                "title": "Repair cafés in elke wijk",
                "summary": "Vrijwilligers herstellen eens per maand samen met hun buren broodroosters, fietsen "
                "en kleren in bibliotheken en buurtcentra, en houden zo tonnen spullen uit het afval.",
                "city": "Gent",
                "alt": "Abstracte illustratie in groentinten: gereedschap op een werktafel",
            },
        },
    },
    {
        "slug": "co-housing-for-older-people-and-students",
        "title": "Co-housing for older people and students",
        "summary": "Students live rent-reduced with older residents who have a spare room, in exchange for "
        "company and a few hours of help a week.",
        "city": "Brussels",
        "country": "BE",
        "start_year": 2014,
        "end_year": None,
        "published": "2015-05-20",
        "themes": ["welfare"],
        "organisations": [("Eurocities", "peer review")],
        "challenge": "Many older people live alone in homes that are too big for them, while students struggle "
        "to find affordable rooms.",
        "approach": "A non-profit matches pairs after interviews and home visits, writes a simple agreement "
        "and follows up every month during the first year.",
        "results": "Over 300 matches in three years; nine in ten pairs completed the academic year together.",
        "lessons": "Careful matching and follow-up are the whole method; the rent is secondary.",
        "figures": [("300+", "pairs matched"), ("90 %", "pairs completing the year")],
        "translations": {
            "fr": {
                "title": "Habitat partagé entre aînés et étudiants",
                "summary": "Des étudiants logent à loyer réduit chez des aînés qui ont une chambre libre, en "
                "échange de compagnie et de quelques heures d'aide par semaine.",
                "city": "Bruxelles",
                "alt": "Illustration abstraite dans des tons violets : deux fenêtres éclairées",
            },
        },
    },
    {
        "slug": "participatory-budgeting-prague-7",
        "title": "Participatory budgeting in Prague 7",
        "summary": "Prague's seventh district gives residents a say over part of its investment budget, "
        "adapting the Graz model to Czech public procurement rules.",
        "city": "Prague",
        "country": "CZ",
        "start_year": 2016,
        "end_year": None,
        "published": "2016-03-14",
        "themes": ["governance"],
        "organisations": [("CUNI", "evaluation")],
        "transfers": [
            (
                "participatory-budget-lend",
                "adapted",
                "The proposal and cost-check steps were taken over; the vote is online and on paper.",
            )
        ],
        "challenge": "Trust in local government was low and few residents took part in planning consultations.",
        "approach": "Residents submitted proposals, the district office checked feasibility, and everyone over "
        "fifteen could vote online or at the town hall with a plus-and-minus voting method.",
        "results": "The first round funded eight projects worth 5 million crowns; turnout beat expectations "
        "by a factor of three.",
        "lessons": "Adapting another city's model saved a year of design, but the procurement steps had to be "
        "rewritten for national law.",
        "figures": [("8", "projects funded"), ("5 million CZK", "budget")],
        "translations": {
            "cs": {
                "title": "Participativní rozpočet v Praze 7",
                "summary": "Městská část Praha 7 dává obyvatelům slovo při rozhodování o části svého "
                "investičního rozpočtu a přizpůsobila model z Grazu českým pravidlům veřejných zakázek.",
                "city": "Praha",
                "alt": "Abstraktní ilustrace v modrých tónech: hlasovací lístky a radnice",
            },
        },
    },
    {
        "slug": "housing-first-for-families",
        "title": "Housing First for families",
        "summary": "Fifty homeless families received a municipal flat with a regular lease first, and social "
        "support afterwards; a year later almost all still lived there.",
        "city": "Brno",
        "country": "CZ",
        "start_year": 2016,
        "end_year": None,
        "published": "2016-06-01",
        "themes": ["welfare"],
        "organisations": [("CUNI", "randomised evaluation")],
        "challenge": "Families in hostels moved from one temporary place to another, and children changed "
        "schools several times a year.",
        "approach": "The city reserved fifty flats; a social work team offered support without conditions. "
        "University researchers compared the families with a control group.",
        "results": "After twelve months 96 % of the families still lived in their flat; children's school "
        "attendance improved markedly.",
        "lessons": "A rigorous evaluation made the case for scaling up in the city budget.",
        "figures": [("50", "families housed"), ("96 %", "still housed after a year")],
    },
    {
        "slug": "courtyard-renovation-budapest",
        "title": "Residents renovate their courtyard together",
        "summary": "In a district of old tenement houses, residents, architects and the local authority "
        "redesigned shared courtyards into green meeting places.",
        "city": "Budapest",
        "country": "HU",
        "start_year": 2014,
        "end_year": 2015,
        "published": "2015-07-08",
        "themes": ["vibrancy", "environment"],
        "organisations": [("REC", "facilitation")],
        "challenge": "The courtyards of nineteenth-century tenement houses had become car parks and rubbish "
        "stores; neighbours barely knew each other.",
        "approach": "Design workshops in each house produced plans that the residents' associations voted on; "
        "the district co-financed planting and benches when residents contributed labour.",
        "results": "Twelve courtyards renovated, rainwater collected for the plants, and a summer programme of "
        "courtyard concerts.",
        "lessons": "Match funding for residents' own work proved to be a strong incentive.",
        "figures": [("12", "courtyards renovated"), ("1,400", "residents involved")],
        "translations": {
            "hu": {
                "title": "A lakók közösen újítják fel az udvarukat",
                "summary": "Egy régi bérházas kerületben a lakók, építészek és az önkormányzat közösen "
                "tervezték át a közös udvarokat zöld találkozóhelyekké.",
                "city": "Budapest",
                "alt": "Absztrakt illusztráció rózsaszín és narancs árnyalatokban: zöld belső udvar",
            },
        },
    },
    {
        "slug": "rain-gardens-szentendre",
        "title": "Rain gardens for a town by the river",
        "summary": "A small town tackled flash floods with rain gardens built by schools and residents along "
        "its steep streets.",
        "city": "Szentendre",
        "country": "HU",
        "start_year": 2015,
        "end_year": None,
        "published": "2015-10-21",
        "themes": ["environment"],
        "organisations": [("REC", "project lead")],
        "challenge": "Heavy summer storms overloaded the drains and flooded the old town's lower streets.",
        "approach": "Engineers mapped where water runs; pupils and neighbours planted rain gardens on public "
        "verges following a simple design guide.",
        "results": "Thirty rain gardens hold back an estimated 2,000 cubic metres of water a year.",
        "lessons": "A design guide written for non-experts let the idea spread beyond the pilot streets.",
        "figures": [("30", "rain gardens"), ("2,000 m³", "water held back a year")],
    },
    {
        "slug": "pacts-of-collaboration-for-urban-commons",
        "title": "Pacts of collaboration for the urban commons",
        "summary": "A city regulation lets residents and the municipality sign simple pacts to care for "
        "squares, gardens and buildings together.",
        "city": "Bologna",
        "country": "IT",
        "start_year": 2014,
        "end_year": None,
        "published": "2014-05-27",
        "themes": ["governance", "vibrancy"],
        "organisations": [("Cittalia", "legal research"), ("Eurocities", "")],
        "challenge": "Citizens who wanted to paint a bench or clean a park faced permits, liability questions and "
        "weeks of paperwork.",
        "approach": "The council adopted a regulation on collaboration between citizens and the city for the "
        "care of urban commons. A one-page pact fixes who does what, with which tools and insurance.",
        "results": "More than 280 pacts in the first two years, from graffiti removal to running a "
        "neighbourhood library.",
        "lessons": "The regulation is short and reusable: dozens of Italian towns have adopted it with few changes.",
        "figures": [("280+", "pacts signed"), ("2", "years")],
        "translations": {
            "it": {
                "title": "Patti di collaborazione per i beni comuni urbani",
                "summary": "Un regolamento comunale permette a cittadini e Comune di firmare patti semplici per "
                "prendersi cura insieme di piazze, giardini ed edifici.",
                "city": "Bologna",
                "alt": "Illustrazione astratta nei toni del blu: una piazza con persone al lavoro",
            },
        },
    },
    {
        "slug": "neighbourhood-houses-turin",
        "title": "Neighbourhood houses open to everyone",
        "summary": "A network of neighbourhood houses gives residents' groups a place to run courses, help "
        "desks and festivals, governed with pacts of collaboration.",
        "city": "Turin",
        "country": "IT",
        "start_year": 2015,
        "end_year": None,
        "published": "2016-01-19",
        "themes": ["vibrancy", "welfare"],
        "organisations": [("Cittalia", "")],
        "transfers": [
            (
                "pacts-of-collaboration-for-urban-commons",
                "reused",
                "The regulation text was reused for the houses' governance.",
            )
        ],
        "challenge": "Former public buildings stood empty while associations had nowhere to meet.",
        "approach": "The city and a foundation renovated eight buildings; each is run by a local association "
        "under a pact of collaboration with the city.",
        "results": "Eight houses host more than 1,000 activities a year.",
        "lessons": "Reusing an existing regulation made the legal part quick.",
        "figures": [("8", "houses"), ("1,000+", "activities a year")],
    },
    {
        "slug": "mobility-hubs-hamburg",
        "title": "Mobility hubs at suburban stations",
        "summary": "Car sharing, bike sharing and cargo bikes at one point next to the train, so that "
        "households can do without a second car.",
        "city": "Hamburg",
        "country": "DE",
        "start_year": 2013,
        "end_year": None,
        "published": "2014-08-12",
        "themes": ["connectivity", "environment"],
        "organisations": [("HU Berlin", "user survey")],
        "challenge": "Suburban households owned two cars because the last mile from the station was hard.",
        "approach": "The transport authority opened hubs with shared cars, bikes and cargo bikes, bookable with "
        "the same card as the train.",
        "results": "Hub users own fewer cars; one in eight gave up a car within two years.",
        "lessons": "One ticket and one app for every mode is what users value most.",
        "figures": [("12", "hubs"), ("1 in 8", "users gave up a car")],
    },
    {
        "slug": "mobility-hubs-oslo",
        "title": "Mobility hubs in new housing areas",
        "summary": "New housing areas were planned with fewer parking spaces and a shared mobility hub from the "
        "first day residents moved in.",
        "city": "Oslo",
        "country": "NO",
        "start_year": 2015,
        "end_year": None,
        "published": "2016-04-26",
        "themes": ["connectivity", "environment"],
        "organisations": [("ECWT", "gender analysis")],
        "transfers": [
            ("mobility-hubs-hamburg", "adapted", "The hub concept was adapted to new housing rather than stations.")
        ],
        "challenge": "Habits form when people move: new residents who buy a car keep it for years.",
        "approach": "Developers financed hubs in exchange for building fewer parking spaces; new residents "
        "received a year of free membership.",
        "results": "Car ownership in the pilot areas is a third lower than in similar areas.",
        "lessons": "The moving-in moment is the best time to change travel habits.",
        "figures": [("33 %", "fewer cars"), ("4", "housing areas")],
        "translations": {
            "nb": {
                "title": "Mobilitetspunkter i nye boligområder",
                "summary": "Nye boligområder ble planlagt med færre parkeringsplasser og et delt "
                "mobilitetspunkt fra den første dagen beboerne flyttet inn.",
                "city": "Oslo",
                "alt": "Abstrakt illustrasjon i blågrønne toner: sykler og en bil ved et knutepunkt",
            },
        },
    },
    {
        "slug": "girls-code-club-drammen",
        "title": "A code club for girls in the public library",
        "summary": "Volunteers from local companies teach girls aged ten to sixteen to program, in the library "
        "every Saturday.",
        "city": "Drammen",
        "country": "NO",
        "start_year": 2014,
        "end_year": None,
        "published": "2015-03-03",
        "themes": ["connectivity", "welfare"],
        "organisations": [("ECWT", "project lead")],
        "challenge": "Few girls chose technology subjects at school, and the region's companies lacked skilled staff.",
        "approach": "The library provides laptops and space; company volunteers mentor small groups through "
        "game and web projects.",
        "results": "Two hundred girls took part; a third went on to choose a technology subject.",
        "lessons": "Role models matter more than equipment.",
        "figures": [("200", "girls taking part"), ("35", "volunteer mentors")],
    },
    {
        "slug": "welcome-neighbour-mentoring",
        "title": "Welcome neighbour: mentors for newly arrived refugees",
        "summary": "Residents volunteer as mentors for refugee families in their first year, helping with "
        "language, school and finding work.",
        "city": "Stockholm",
        "country": "SE",
        "start_year": 2015,
        "end_year": None,
        "published": "2015-12-09",
        "themes": ["welfare"],
        "organisations": [("IQS", "coordination")],
        "challenge": "Newly arrived families waited months for courses and had few contacts outside official services.",
        "approach": "A civil society organisation trains and matches volunteer mentors with families; the "
        "city's introduction service refers families and follows up.",
        "results": "More than 600 mentor pairs; mentored adults found work on average four months sooner.",
        "lessons": "Short training and clear limits on what mentors do keep volunteers for longer.",
        "figures": [("600+", "mentor pairs"), ("4 months", "sooner into work")],
        "translations": {
            "sv": {
                "title": "Välkommen granne: mentorer för nyanlända flyktingar",
                "summary": "Boende blir frivilliga mentorer för flyktingfamiljer under deras första år och "
                "hjälper till med språk, skola och att hitta arbete.",
                "city": "Stockholm",
                "alt": "Abstrakt illustration i lila toner: två personer som samtalar vid ett bord",
            },
        },
    },
    {
        "slug": "green-roofs-augustenborg",
        "title": "Green roofs and open storm-water channels",
        "summary": "A post-war housing area was retrofitted with green roofs and open channels for rainwater, "
        "with residents in the lead of the redesign.",
        "city": "Malmö",
        "country": "SE",
        "start_year": 2014,
        "end_year": 2016,
        "published": "2016-08-30",
        "themes": ["environment", "vibrancy"],
        "organisations": [("IQS", "")],
        "challenge": "Basements flooded regularly and the area had a poor reputation.",
        "approach": "Residents designed the open channels and ponds with the housing company; roofs were "
        "greened step by step.",
        "results": "Flooding stopped and turnover of tenants fell by half.",
        "lessons": "Visible water management can become a source of pride for a neighbourhood.",
        "figures": [("11,000 m²", "green roofs"), ("50 %", "lower tenant turnover")],
    },
    {
        "slug": "earthquake-ready-neighbourhoods",
        "title": "Earthquake-ready neighbourhoods",
        "summary": "Volunteer teams trained in search and rescue, and a map of meeting points drawn by residents, "
        "prepare districts for the next earthquake.",
        "city": "Istanbul",
        "country": "TR",
        "start_year": 2013,
        "end_year": None,
        "published": "2014-10-14",
        "themes": ["governance", "environment"],
        "organisations": [("ITÜ", "risk mapping")],
        "challenge": "After a major earthquake, help from outside arrives late; neighbours are the first rescuers.",
        "approach": "University experts and the district trained volunteer teams, mapped safe meeting points and "
        "stocked equipment containers in each neighbourhood.",
        "results": "Forty volunteer teams with 1,500 trained members, and a public map of 300 meeting points.",
        "lessons": "Regular drills keep teams together; training alone fades within a year.",
        "figures": [("40", "volunteer teams"), ("1,500", "trained volunteers"), ("300", "meeting points")],
        "translations": {
            "tr": {
                "title": "Depreme hazır mahalleler",
                "summary": "Arama kurtarma eğitimi almış gönüllü ekipler ve mahalle sakinlerinin çizdiği "
                "toplanma alanları haritası, semtleri bir sonraki depreme hazırlıyor.",
                "city": "İstanbul",
                "alt": "Mavi tonlarda soyut illüstrasyon: bir mahalle haritası ve toplanma noktaları",
            },
        },
    },
    {
        "slug": "women-producers-cooperative-market",
        "title": "A cooperative market for women producers",
        "summary": "Women from surrounding villages sell cheese, olive oil and textiles directly in a weekly "
        "cooperative market in the city centre.",
        "city": "İzmir",
        "country": "TR",
        "start_year": 2014,
        "end_year": None,
        "published": "2015-09-15",
        "themes": ["welfare", "vibrancy"],
        "organisations": [("ITÜ", "")],
        "challenge": "Women producers depended on middlemen who paid little and late.",
        "approach": "The municipality gave stalls and training in pricing and hygiene; the women formed a "
        "cooperative that runs the market.",
        "results": "Ninety producers earn on average twice what they earned through middlemen.",
        "lessons": "A cooperative structure kept the market going after the municipal support ended.",
        "figures": [("90", "women producers"), ("2×", "income")],
    },
    {
        "slug": "community-energy-shares-bristol",
        "title": "Community energy shares",
        "summary": "Residents invested in community-owned solar and wind projects through share offers, with "
        "the profits funding energy-saving work in poorer homes.",
        "city": "Bristol",
        "country": "GB",
        "start_year": 2014,
        "end_year": None,
        "published": "2015-04-28",
        "themes": ["environment", "welfare"],
        "organisations": [("CSES", "evaluation")],
        "transfers": [
            (
                "solar-cooperative-on-social-housing-roofs",
                "inspired",
                "The idea of sharing savings with tenants came from Vienna.",
            )
        ],
        "challenge": "The city wanted more local renewable energy and fewer households in fuel poverty.",
        "approach": "A community energy company raised money through share offers; the city council leased "
        "roofs of schools and offices.",
        "results": "Share offers raised over 4 million pounds; a community fund pays for insulation work.",
        "lessons": "Linking investment returns to a social fund brought in investors who had never bought "
        "shares before.",
        "figures": [("£4m", "raised in share offers"), ("9 MW", "installed capacity")],
    },
    {
        "slug": "digital-inclusion-hubs",
        "title": "Digital inclusion hubs",
        "summary": "Libraries and community centres host hubs where volunteers help people get online, apply for "
        "jobs and use public services.",
        "city": "Manchester",
        "country": "GB",
        "start_year": 2015,
        "end_year": None,
        "published": "2016-09-20",
        "themes": ["connectivity", "welfare"],
        "organisations": [("CSES", "")],
        "challenge": "As services moved online, one adult in ten had never used the internet.",
        "approach": "Digital champions, trained volunteers, offer drop-in help in 30 locations, with donated "
        "refurbished laptops.",
        "results": "More than 9,000 people helped in the first year.",
        "lessons": "Help in familiar places reaches people that courses do not.",
        "figures": [("30", "hubs"), ("9,000", "people helped")],
    },
]

#: Images of the gallery of stories with ``"gallery": True`` (generated, with their alt texts and captions).
GALLERY = [
    ("Members meeting in the community room", "A members' meeting in the community room (illustration)."),
    ("Volunteers at work", "Volunteers at work (illustration)."),
]
