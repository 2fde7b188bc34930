"""Data for the networks demo: the ten SEiSMiC national networks, their coordinators, members and events.

Countries and coordinating partners are the real ones of the SEiSMiC project (2013-2016). The members and
events are invented for the demo but read like the networks' real work: local practitioners who each run a
concrete project. Every text is given in English (the source language of the site) and in the network's
national language(s); ``days`` place events relative to the day the demo is loaded.
"""

NETWORKS = [
    {
        "country": "AT",
        "slug": "austria",
        "time_zone": "Europe/Vienna",
        "coordinators": ["AIT"],
        "contact_email": "austria@seismic.example.org",
        "title": {"en": "SEiSMiC Austria", "de": "SEiSMiC Österreich"},
        "intro": {
            "en": "Practitioners from Vienna, Graz, Linz and Salzburg who test new ways of living together in the city.",
            "de": "Praktikerinnen und Praktiker aus Wien, Graz, Linz und Salzburg, die neue Formen des Zusammenlebens in der Stadt erproben.",
        },
        "body": {
            "en": "The Austrian network meets twice a year and brings city administrations, research and civil society to one table.",
            "de": "Das österreichische Netzwerk trifft sich zweimal im Jahr und bringt Stadtverwaltung, Forschung und Zivilgesellschaft an einen Tisch.",
        },
        "members": [
            {
                "person_name": "Lena Huber",
                "role": {"en": "Chair, neighbourhood association", "de": "Obfrau, Grätzlverein"},
                "project_title": {"en": "Shared yards in Ottakring", "de": "Gemeinsame Höfe in Ottakring"},
                "project_description": {
                    "en": "Opening the inner yards of council housing blocks to the whole neighbourhood.",
                    "de": "Die Innenhöfe von Gemeindebauten für das ganze Grätzl öffnen.",
                },
                "city": {"en": "Vienna", "de": "Wien"},
            },
            {
                "person_name": "Markus Pichler",
                "role": {"en": "Mobility officer", "de": "Mobilitätsbeauftragter"},
                "project_title": {"en": "School streets Graz", "de": "Schulstraßen Graz"},
                "project_description": {
                    "en": "Streets in front of schools closed to cars at the start and end of the school day.",
                    "de": "Straßen vor Schulen, die zu Schulbeginn und -ende für Autos gesperrt sind.",
                },
                "city": {"en": "Graz", "de": "Graz"},
            },
            {
                "person_name": "Sabine Gruber",
                "role": {"en": "Social entrepreneur", "de": "Sozialunternehmerin"},
                "project_title": {"en": "Repair café Linz", "de": "Reparaturcafé Linz"},
                "project_description": {
                    "en": "Volunteers repair household appliances with their owners every Saturday.",
                    "de": "Freiwillige reparieren jeden Samstag Haushaltsgeräte gemeinsam mit ihren Besitzern.",
                },
                "city": {"en": "Linz", "de": "Linz"},
                "public": False,
            },
        ],
        "events": [
            {
                "slug": "kick-off-vienna",
                "days": -90,
                "start": "10:00",
                "hours": 6,
                "title": {"en": "Kick-off workshop in Vienna", "de": "Auftaktworkshop in Wien"},
                "venue": {"en": "AIT Tech Gate", "de": "AIT Tech Gate"},
                "address": "Donau-City-Straße 1\n1220 Wien",
                "description": {
                    "en": "Members present their projects and choose the themes the network works on this year.",
                    "de": "Die Mitglieder stellen ihre Projekte vor und wählen die Themen, an denen das Netzwerk dieses Jahr arbeitet.",
                },
            },
            {
                "slug": "agenda-dialogue-graz",
                "days": 40,
                "start": "14:00",
                "hours": 4,
                "title": {"en": "Agenda dialogue in Graz", "de": "Agenda-Dialog in Graz"},
                "venue": {"en": "Graz City Hall", "de": "Rathaus Graz"},
                "address": "Hauptplatz 1\n8010 Graz",
                "description": {
                    "en": "How should urban research change? Members comment on the JPI Urban Europe agenda.",
                    "de": "Wie soll sich die Stadtforschung verändern? Die Mitglieder kommentieren die Agenda von JPI Urban Europe.",
                },
            },
        ],
    },
    {
        "country": "BE",
        "slug": "belgium",
        "time_zone": "Europe/Brussels",
        "coordinators": ["VITO", "Eurocities"],
        "contact_email": "belgium@seismic.example.org",
        "title": {"en": "SEiSMiC Belgium", "nl": "SEiSMiC België", "fr": "SEiSMiC Belgique"},
        "intro": {
            "en": "City makers from Flanders, Brussels and Wallonia who share what works in their neighbourhoods.",
            "nl": "Stadsmakers uit Vlaanderen, Brussel en Wallonië die delen wat werkt in hun buurt.",
            "fr": "Des faiseurs de ville de Flandre, de Bruxelles et de Wallonie qui partagent ce qui marche dans leurs quartiers.",
        },
        "body": {
            "en": "The Belgian network works in Dutch and French and meets in a different city each time.",
            "nl": "Het Belgische netwerk werkt in het Nederlands en het Frans en komt telkens in een andere stad samen.",
            "fr": "Le réseau belge travaille en néerlandais et en français et se réunit chaque fois dans une autre ville.",
        },
        "members": [
            {
                "person_name": "Pieter Janssens",
                "role": {
                    "en": "Coordinator, city lab",
                    "nl": "Coördinator, stadslabo",
                    "fr": "Coordinateur, laboratoire urbain",
                },
                "project_title": {
                    "en": "Energy cooperative Genk",
                    "nl": "Energiecoöperatie Genk",
                    "fr": "Coopérative d'énergie de Genk",
                },
                "project_description": {
                    "en": "Residents of a former mining district own the solar panels on their school roofs.",
                    "nl": "Bewoners van een voormalige mijnwijk zijn eigenaar van de zonnepanelen op hun schooldaken.",
                    "fr": "Les habitants d'une ancienne cité minière possèdent les panneaux solaires sur les toits de leurs écoles.",
                },
                "city": {"en": "Genk", "nl": "Genk", "fr": "Genk"},
            },
            {
                "person_name": "Amélie Dubois",
                "role": {"en": "Community worker", "nl": "Opbouwwerker", "fr": "Travailleuse communautaire"},
                "project_title": {
                    "en": "Temporary use of empty shops",
                    "nl": "Tijdelijk gebruik van lege winkels",
                    "fr": "Occupation temporaire de commerces vides",
                },
                "project_description": {
                    "en": "Empty shop units in Liège host young makers until a tenant is found.",
                    "nl": "Leegstaande winkelpanden in Luik bieden jonge makers onderdak tot er een huurder is.",
                    "fr": "Des cellules commerciales vides à Liège accueillent de jeunes créateurs jusqu'à l'arrivée d'un locataire.",
                },
                "city": {"en": "Liège", "nl": "Luik", "fr": "Liège"},
            },
            {
                "person_name": "Youssef El Amrani",
                "role": {"en": "Youth worker", "nl": "Jeugdwerker", "fr": "Animateur jeunesse"},
                "project_title": {
                    "en": "Play streets Molenbeek",
                    "nl": "Speelstraten Molenbeek",
                    "fr": "Rues réservées au jeu à Molenbeek",
                },
                "project_description": {
                    "en": "Children and parents plan car-free play streets for the summer holidays.",
                    "nl": "Kinderen en ouders plannen autovrije speelstraten voor de zomervakantie.",
                    "fr": "Enfants et parents organisent des rues sans voitures pour les vacances d'été.",
                },
                "city": {"en": "Brussels", "nl": "Brussel", "fr": "Bruxelles"},
                "public": False,
            },
        ],
        "events": [
            {
                "slug": "network-day-antwerp",
                "days": -60,
                "start": "09:30",
                "hours": 7,
                "title": {
                    "en": "Network day in Antwerp",
                    "nl": "Netwerkdag in Antwerpen",
                    "fr": "Journée du réseau à Anvers",
                },
                "venue": {"en": "De Singel", "nl": "De Singel", "fr": "De Singel"},
                "address": "Desguinlei 25\n2018 Antwerpen",
                "description": {
                    "en": "A day of site visits and workshops on the temporary use of vacant buildings.",
                    "nl": "Een dag met bezoeken en workshops over tijdelijk gebruik van leegstaande gebouwen.",
                    "fr": "Une journée de visites et d'ateliers sur l'occupation temporaire de bâtiments vides.",
                },
            },
            {
                "slug": "webinar-energy-communities",
                "days": 21,
                "start": "12:30",
                "hours": 1,
                "online": "https://meet.seismic.example.org/belgium-energy",
                "title": {
                    "en": "Webinar: energy communities",
                    "nl": "Webinar: energiegemeenschappen",
                    "fr": "Webinaire : communautés d'énergie",
                },
                "venue": {},
                "address": "",
                "description": {
                    "en": "Three members explain how residents can own and share renewable energy.",
                    "nl": "Drie leden leggen uit hoe bewoners samen hernieuwbare energie kunnen bezitten en delen.",
                    "fr": "Trois membres expliquent comment les habitants peuvent posséder et partager de l'énergie renouvelable.",
                },
            },
        ],
    },
    {
        "country": "CZ",
        "slug": "czech-republic",
        "time_zone": "Europe/Prague",
        "coordinators": ["CUNI"],
        "contact_email": "czech@seismic.example.org",
        "title": {"en": "SEiSMiC Czech Republic", "cs": "SEiSMiC Česká republika"},
        "intro": {
            "en": "Civic initiatives, municipalities and researchers who make Czech cities more liveable.",
            "cs": "Občanské iniciativy, obce a výzkumníci, kteří dělají česká města příjemnějšími pro život.",
        },
        "body": {
            "en": "The Czech network grew out of the neighbourhood movements of Prague and Brno.",
            "cs": "Česká síť vyrostla z hnutí za lepší sousedství v Praze a v Brně.",
        },
        "members": [
            {
                "person_name": "Tereza Svobodová",
                "role": {"en": "Founder, civic association", "cs": "Zakladatelka, spolek"},
                "project_title": {"en": "Car-free Sundays on Letná", "cs": "Neděle bez aut na Letné"},
                "project_description": {
                    "en": "One Sunday a month the streets of Letná belong to people on foot and on bikes.",
                    "cs": "Jednu neděli v měsíci patří ulice Letné chodcům a cyklistům.",
                },
                "city": {"en": "Prague", "cs": "Praha"},
            },
            {
                "person_name": "Jan Dvořák",
                "role": {"en": "Urban planner", "cs": "Urbanista"},
                "project_title": {"en": "Participatory budget Brno", "cs": "Participativní rozpočet Brno"},
                "project_description": {
                    "en": "Residents propose and vote on small projects for their district.",
                    "cs": "Obyvatelé navrhují malé projekty pro svou čtvrť a hlasují o nich.",
                },
                "city": {"en": "Brno", "cs": "Brno"},
            },
            {
                "person_name": "Petra Králová",
                "role": {"en": "Teacher", "cs": "Učitelka"},
                "project_title": {"en": "School gardens Ostrava", "cs": "Školní zahrady Ostrava"},
                "project_description": {
                    "en": "Pupils grow vegetables on former industrial land next to their school.",
                    "cs": "Žáci pěstují zeleninu na bývalém průmyslovém pozemku vedle školy.",
                },
                "city": {"en": "Ostrava", "cs": "Ostrava"},
                "public": False,
            },
        ],
        "events": [
            {
                "slug": "meeting-prague",
                "days": -45,
                "start": "16:00",
                "hours": 3,
                "title": {"en": "Network meeting in Prague", "cs": "Setkání sítě v Praze"},
                "venue": {
                    "en": "Faculty of Science, Charles University",
                    "cs": "Přírodovědecká fakulta Univerzity Karlovy",
                },
                "address": "Albertov 6\n128 00 Praha 2",
                "description": {
                    "en": "Members discuss how research can support civic initiatives.",
                    "cs": "Členové diskutují, jak může výzkum podpořit občanské iniciativy.",
                },
            },
            {
                "slug": "workshop-brno",
                "days": 55,
                "start": "10:00",
                "hours": 5,
                "title": {
                    "en": "Workshop on participatory budgets in Brno",
                    "cs": "Workshop o participativních rozpočtech v Brně",
                },
                "venue": {"en": "Brno Observatory and Planetarium", "cs": "Hvězdárna a planetárium Brno"},
                "address": "Kraví hora 2\n616 00 Brno",
                "description": {
                    "en": "What did five years of participatory budgets change in Czech cities?",
                    "cs": "Co změnilo pět let participativních rozpočtů v českých městech?",
                },
            },
        ],
    },
    {
        "country": "DE",
        "slug": "germany",
        "time_zone": "Europe/Berlin",
        "coordinators": ["HU Berlin"],
        "contact_email": "germany@seismic.example.org",
        "title": {"en": "SEiSMiC Germany", "de": "SEiSMiC Deutschland"},
        "intro": {
            "en": "Urban pioneers, city administrations and universities who shape the transformation of German cities.",
            "de": "Stadtpioniere, Stadtverwaltungen und Hochschulen, die den Wandel deutscher Städte gestalten.",
        },
        "body": {
            "en": "The German network focuses on community-led housing and the shared use of urban space.",
            "de": "Das deutsche Netzwerk befasst sich mit gemeinschaftlichem Wohnen und der gemeinsamen Nutzung städtischer Räume.",
        },
        "members": [
            {
                "person_name": "Katrin Schulz",
                "role": {"en": "Board member, housing cooperative", "de": "Vorstand, Wohnungsgenossenschaft"},
                "project_title": {"en": "Cooperative housing Leipzig", "de": "Genossenschaftliches Wohnen Leipzig"},
                "project_description": {
                    "en": "Tenants buy and renovate a run-down building together and keep rents affordable.",
                    "de": "Mieterinnen und Mieter kaufen und sanieren gemeinsam ein verfallenes Haus und halten die Mieten bezahlbar.",
                },
                "city": {"en": "Leipzig", "de": "Leipzig"},
            },
            {
                "person_name": "Thomas Becker",
                "role": {"en": "Urban gardener", "de": "Stadtgärtner"},
                "project_title": {"en": "Community garden Tempelhof", "de": "Gemeinschaftsgarten Tempelhof"},
                "project_description": {
                    "en": "Five hundred neighbours garden in raised beds on the former airfield.",
                    "de": "Fünfhundert Nachbarinnen und Nachbarn gärtnern in Hochbeeten auf dem ehemaligen Flugfeld.",
                },
                "city": {"en": "Berlin", "de": "Berlin"},
            },
            {
                "person_name": "Aylin Yıldız",
                "role": {"en": "Neighbourhood manager", "de": "Quartiersmanagerin"},
                "project_title": {
                    "en": "Neighbourhood kitchen Duisburg-Marxloh",
                    "de": "Stadtteilküche Duisburg-Marxloh",
                },
                "project_description": {
                    "en": "A kitchen where residents of many origins cook and eat together every week.",
                    "de": "Eine Küche, in der Menschen unterschiedlicher Herkunft jede Woche gemeinsam kochen und essen.",
                },
                "city": {"en": "Duisburg", "de": "Duisburg"},
                "public": False,
            },
        ],
        "events": [
            {
                "slug": "network-forum-berlin",
                "days": -120,
                "start": "10:00",
                "hours": 7,
                "title": {"en": "Network forum in Berlin", "de": "Netzwerkforum in Berlin"},
                "venue": {"en": "Humboldt-Universität, main building", "de": "Humboldt-Universität, Hauptgebäude"},
                "address": "Unter den Linden 6\n10117 Berlin",
                "description": {
                    "en": "The German members meet the coordinators of the other national networks.",
                    "de": "Die deutschen Mitglieder treffen die Koordinatorinnen und Koordinatoren der anderen nationalen Netzwerke.",
                },
            },
            {
                "slug": "excursion-leipzig",
                "days": 35,
                "start": "11:00",
                "hours": 5,
                "title": {
                    "en": "Excursion to housing projects in Leipzig",
                    "de": "Exkursion zu Wohnprojekten in Leipzig",
                },
                "venue": {"en": "Leipzig Central Station, main hall", "de": "Leipzig Hauptbahnhof, Haupthalle"},
                "address": "Willy-Brandt-Platz 7\n04109 Leipzig",
                "description": {
                    "en": "A walk to three cooperative housing projects, with their residents as guides.",
                    "de": "Ein Rundgang zu drei genossenschaftlichen Wohnprojekten, geführt von ihren Bewohnerinnen und Bewohnern.",
                },
            },
        ],
    },
    {
        "country": "HU",
        "slug": "hungary",
        "time_zone": "Europe/Budapest",
        "coordinators": ["REC"],
        "contact_email": "hungary@seismic.example.org",
        "title": {"en": "SEiSMiC Hungary", "hu": "SEiSMiC Magyarország"},
        "intro": {
            "en": "Local groups, municipalities and experts who work for greener and fairer Hungarian towns.",
            "hu": "Helyi csoportok, önkormányzatok és szakértők, akik zöldebb és igazságosabb magyar településekért dolgoznak.",
        },
        "body": {
            "en": "The Hungarian network links projects in Budapest with those in smaller towns across the country.",
            "hu": "A magyar hálózat összeköti a budapesti kezdeményezéseket az ország kisebb városaiban működő projektekkel.",
        },
        "members": [
            {
                "person_name": "Kovács Eszter",
                "role": {"en": "Project manager, NGO", "hu": "Projektvezető, civil szervezet"},
                "project_title": {"en": "Community composting in Budapest", "hu": "Közösségi komposztálás Budapesten"},
                "project_description": {
                    "en": "Housing estates compost their kitchen waste in shared bins in the courtyard.",
                    "hu": "A lakótelepek a konyhai hulladékot közös udvari komposztálókban dolgozzák fel.",
                },
                "city": {"en": "Budapest", "hu": "Budapest"},
            },
            {
                "person_name": "Nagy Gábor",
                "role": {"en": "Deputy mayor", "hu": "Alpolgármester"},
                "project_title": {"en": "Green town centre Pécs", "hu": "Zöld belváros Pécs"},
                "project_description": {
                    "en": "Car parks in the old town become shaded squares with trees and benches.",
                    "hu": "A belvárosi parkolókból fákkal és padokkal árnyékolt terek lesznek.",
                },
                "city": {"en": "Pécs", "hu": "Pécs"},
            },
            {
                "person_name": "Tóth Anna",
                "role": {"en": "Researcher", "hu": "Kutató"},
                "project_title": {"en": "Heat map of Szeged", "hu": "Szeged hőtérképe"},
                "project_description": {
                    "en": "Volunteers measure summer temperatures street by street.",
                    "hu": "Önkéntesek utcáról utcára mérik a nyári hőmérsékletet.",
                },
                "city": {"en": "Szeged", "hu": "Szeged"},
                "public": False,
            },
        ],
        "events": [
            {
                "slug": "meeting-szentendre",
                "days": -30,
                "start": "10:00",
                "hours": 6,
                "title": {"en": "Network meeting in Szentendre", "hu": "Hálózati találkozó Szentendrén"},
                "venue": {"en": "REC Conference Centre", "hu": "REC Konferenciaközpont"},
                "address": "Ady Endre út 9-11\n2000 Szentendre",
                "description": {
                    "en": "Members compare how their towns adapt to hotter summers.",
                    "hu": "A tagok összevetik, hogyan alkalmazkodnak településeik a forróbb nyarakhoz.",
                },
            },
            {
                "slug": "study-visit-pecs",
                "days": 70,
                "start": "09:00",
                "hours": 8,
                "title": {"en": "Study visit to Pécs", "hu": "Tanulmányút Pécsre"},
                "venue": {"en": "Zsolnay Cultural Quarter", "hu": "Zsolnay Kulturális Negyed"},
                "address": "Zsolnay Vilmos utca 37\n7630 Pécs",
                "description": {
                    "en": "A day in Pécs to see how the town centre was made greener.",
                    "hu": "Egy nap Pécsett, hogy megnézzük, hogyan lett zöldebb a belváros.",
                },
            },
        ],
    },
    {
        "country": "IT",
        "slug": "italy",
        "time_zone": "Europe/Rome",
        "coordinators": ["Cittalia"],
        "contact_email": "italy@seismic.example.org",
        "title": {"en": "SEiSMiC Italy", "it": "SEiSMiC Italia"},
        "intro": {
            "en": "Associations, municipalities and social enterprises who take care of Italian cities as commons.",
            "it": "Associazioni, comuni e imprese sociali che si prendono cura delle città italiane come beni comuni.",
        },
        "body": {
            "en": "The Italian network follows the collaboration pacts between citizens and municipalities.",
            "it": "La rete italiana segue i patti di collaborazione tra cittadini e amministrazioni comunali.",
        },
        "members": [
            {
                "person_name": "Giulia Rossi",
                "role": {"en": "President, residents' association", "it": "Presidente, comitato di quartiere"},
                "project_title": {
                    "en": "Collaboration pact for a square in Bologna",
                    "it": "Patto di collaborazione per una piazza a Bologna",
                },
                "project_description": {
                    "en": "Residents look after a square together with the municipality.",
                    "it": "I residenti curano una piazza insieme al Comune.",
                },
                "city": {"en": "Bologna", "it": "Bologna"},
            },
            {
                "person_name": "Marco Esposito",
                "role": {"en": "Social entrepreneur", "it": "Imprenditore sociale"},
                "project_title": {"en": "Urban farm in Naples", "it": "Fattoria urbana a Napoli"},
                "project_description": {
                    "en": "Young people without work grow food on land confiscated from the mafia.",
                    "it": "Giovani senza lavoro coltivano terreni confiscati alla camorra.",
                },
                "city": {"en": "Naples", "it": "Napoli"},
            },
            {
                "person_name": "Chiara Bianchi",
                "role": {"en": "Architect", "it": "Architetta"},
                "project_title": {"en": "Temporary uses in Turin", "it": "Usi temporanei a Torino"},
                "project_description": {
                    "en": "Former factories host studios and workshops while their future is decided.",
                    "it": "Ex fabbriche ospitano laboratori e studi mentre si decide il loro futuro.",
                },
                "city": {"en": "Turin", "it": "Torino"},
                "public": False,
            },
        ],
        "events": [
            {
                "slug": "assembly-rome",
                "days": -75,
                "start": "10:00",
                "hours": 6,
                "title": {"en": "Network assembly in Rome", "it": "Assemblea della rete a Roma"},
                "venue": {"en": "ANCI headquarters", "it": "Sede ANCI"},
                "address": "Via dei Prefetti 46\n00186 Roma",
                "description": {
                    "en": "Members agree on the network's contribution to the urban research agenda.",
                    "it": "I membri concordano il contributo della rete all'agenda della ricerca urbana.",
                },
            },
            {
                "slug": "walk-bologna",
                "days": 28,
                "start": "17:00",
                "hours": 2,
                "title": {
                    "en": "Walk through the commons of Bologna",
                    "it": "Passeggiata tra i beni comuni di Bologna",
                },
                "venue": {"en": "Piazza Maggiore", "it": "Piazza Maggiore"},
                "address": "Piazza Maggiore\n40124 Bologna",
                "description": {
                    "en": "Residents show squares and gardens they look after under collaboration pacts.",
                    "it": "I residenti mostrano piazze e giardini di cui si prendono cura con i patti di collaborazione.",
                },
            },
        ],
    },
    {
        "country": "NO",
        "slug": "norway",
        "time_zone": "Europe/Oslo",
        "coordinators": ["ECWT"],
        "contact_email": "norway@seismic.example.org",
        "title": {"en": "SEiSMiC Norway", "nb": "SEiSMiC Norge"},
        "intro": {
            "en": "Women and men from Norwegian towns who make technology and planning work for everyone.",
            "nb": "Kvinner og menn fra norske byer som får teknologi og planlegging til å fungere for alle.",
        },
        "body": {
            "en": "The Norwegian network puts gender equality and inclusion at the centre of urban innovation.",
            "nb": "Det norske nettverket setter likestilling og inkludering i sentrum for byutvikling og innovasjon.",
        },
        "members": [
            {
                "person_name": "Ingrid Hansen",
                "role": {"en": "Planner, municipality", "nb": "Planlegger, kommune"},
                "project_title": {"en": "Safe routes in Drammen", "nb": "Trygge ruter i Drammen"},
                "project_description": {
                    "en": "Women and girls map the places in town where they feel unsafe after dark.",
                    "nb": "Kvinner og jenter kartlegger stedene i byen der de føler seg utrygge etter mørkets frembrudd.",
                },
                "city": {"en": "Drammen", "nb": "Drammen"},
            },
            {
                "person_name": "Ole Johansen",
                "role": {"en": "Volunteer", "nb": "Frivillig"},
                "project_title": {"en": "Digital help desk Bergen", "nb": "Digital hjelpepult Bergen"},
                "project_description": {
                    "en": "Young volunteers help older residents use public digital services.",
                    "nb": "Unge frivillige hjelper eldre innbyggere med å bruke offentlige digitale tjenester.",
                },
                "city": {"en": "Bergen", "nb": "Bergen"},
            },
            {
                "person_name": "Sara Nilsen",
                "role": {"en": "Researcher", "nb": "Forsker"},
                "project_title": {
                    "en": "Co-working for newcomers in Oslo",
                    "nb": "Kontorfellesskap for nyankomne i Oslo",
                },
                "project_description": {
                    "en": "Refugees with a business idea share an office with local entrepreneurs.",
                    "nb": "Flyktninger med en forretningsidé deler kontor med lokale gründere.",
                },
                "city": {"en": "Oslo", "nb": "Oslo"},
                "public": False,
            },
        ],
        "events": [
            {
                "slug": "network-meeting-drammen",
                "days": -50,
                "start": "12:00",
                "hours": 4,
                "title": {"en": "Network meeting in Drammen", "nb": "Nettverksmøte i Drammen"},
                "venue": {"en": "Drammen Library", "nb": "Drammensbiblioteket"},
                "address": "Grønland 32\n3045 Drammen",
                "description": {
                    "en": "How can towns plan with the people who are seldom heard?",
                    "nb": "Hvordan kan byer planlegge sammen med dem som sjelden blir hørt?",
                },
            },
            {
                "slug": "webinar-inclusive-technology",
                "days": 14,
                "start": "09:00",
                "hours": 1,
                "online": "https://meet.seismic.example.org/norway-technology",
                "title": {
                    "en": "Webinar: inclusive digital services",
                    "nb": "Webinar: inkluderende digitale tjenester",
                },
                "venue": {},
                "address": "",
                "description": {
                    "en": "Members share what they learnt from the digital help desks.",
                    "nb": "Medlemmene deler hva de har lært av de digitale hjelpepultene.",
                },
            },
        ],
    },
    {
        "country": "SE",
        "slug": "sweden",
        "time_zone": "Europe/Stockholm",
        "coordinators": ["IQS"],
        "contact_email": "sweden@seismic.example.org",
        "title": {"en": "SEiSMiC Sweden", "sv": "SEiSMiC Sverige"},
        "intro": {
            "en": "Municipalities, companies and civil society who develop sustainable Swedish cities together.",
            "sv": "Kommuner, företag och civilsamhälle som tillsammans utvecklar hållbara svenska städer.",
        },
        "body": {
            "en": "The Swedish network pays special attention to the large housing areas built in the 1960s and 1970s.",
            "sv": "Det svenska nätverket ägnar särskild uppmärksamhet åt de stora bostadsområden som byggdes på 1960- och 1970-talen.",
        },
        "members": [
            {
                "person_name": "Anna Lindqvist",
                "role": {"en": "Development manager, housing company", "sv": "Utvecklingschef, bostadsbolag"},
                "project_title": {"en": "Tenants renovate Rinkeby", "sv": "Hyresgäster renoverar Rinkeby"},
                "project_description": {
                    "en": "Tenants take part in planning the renovation of their own buildings.",
                    "sv": "Hyresgästerna är med och planerar renoveringen av sina egna hus.",
                },
                "city": {"en": "Stockholm", "sv": "Stockholm"},
            },
            {
                "person_name": "Erik Johansson",
                "role": {"en": "Entrepreneur", "sv": "Entreprenör"},
                "project_title": {"en": "Bike kitchen Malmö", "sv": "Cykelköket Malmö"},
                "project_description": {
                    "en": "A workshop where anyone can repair their bike with borrowed tools and advice.",
                    "sv": "En verkstad där alla kan laga sin cykel med lånade verktyg och goda råd.",
                },
                "city": {"en": "Malmö", "sv": "Malmö"},
            },
            {
                "person_name": "Maria Berg",
                "role": {"en": "Culture officer", "sv": "Kultursekreterare"},
                "project_title": {"en": "Art in the suburbs of Gothenburg", "sv": "Konst i Göteborgs förorter"},
                "project_description": {
                    "en": "Young artists paint murals together with residents.",
                    "sv": "Unga konstnärer målar väggmålningar tillsammans med de boende.",
                },
                "city": {"en": "Gothenburg", "sv": "Göteborg"},
                "public": False,
            },
        ],
        "events": [
            {
                "slug": "meeting-stockholm",
                "days": -100,
                "start": "13:00",
                "hours": 4,
                "title": {"en": "Network meeting in Stockholm", "sv": "Nätverksträff i Stockholm"},
                "venue": {"en": "Stockholm City Hall", "sv": "Stockholms stadshus"},
                "address": "Hantverkargatan 1\n111 52 Stockholm",
                "description": {
                    "en": "Members discuss how renovation can happen without pushing tenants out.",
                    "sv": "Medlemmarna diskuterar hur renovering kan ske utan att hyresgäster tvingas flytta.",
                },
            },
            {
                "slug": "study-visit-malmo",
                "days": 45,
                "start": "10:00",
                "hours": 6,
                "title": {"en": "Study visit to Malmö", "sv": "Studiebesök i Malmö"},
                "venue": {"en": "Malmö Live", "sv": "Malmö Live"},
                "address": "Dag Hammarskjölds torg 4\n211 18 Malmö",
                "description": {
                    "en": "A visit to the Western Harbour and to Augustenborg's green roofs.",
                    "sv": "Ett besök i Västra hamnen och på Augustenborgs gröna tak.",
                },
            },
        ],
    },
    {
        "country": "TR",
        "slug": "turkey",
        "time_zone": "Europe/Istanbul",
        "coordinators": ["ITÜ"],
        "contact_email": "turkey@seismic.example.org",
        "title": {"en": "SEiSMiC Turkey", "tr": "SEiSMiC Türkiye"},
        "intro": {
            "en": "Neighbourhood groups, municipalities and universities who work for resilient Turkish cities.",
            "tr": "Dayanıklı Türk kentleri için çalışan mahalle grupları, belediyeler ve üniversiteler.",
        },
        "body": {
            "en": "The Turkish network focuses on urban renewal and on preparing neighbourhoods for earthquakes.",
            "tr": "Türkiye ağı kentsel dönüşüme ve mahallelerin depreme hazırlanmasına odaklanıyor.",
        },
        "members": [
            {
                "person_name": "Elif Demir",
                "role": {"en": "Coordinator, neighbourhood association", "tr": "Koordinatör, mahalle derneği"},
                "project_title": {"en": "Earthquake-ready Kadıköy", "tr": "Depreme hazır Kadıköy"},
                "project_description": {
                    "en": "Neighbours train together and keep emergency kits in every building.",
                    "tr": "Komşular birlikte eğitim alıyor ve her binada acil durum çantası bulunduruyor.",
                },
                "city": {"en": "Istanbul", "tr": "İstanbul"},
            },
            {
                "person_name": "Mehmet Kaya",
                "role": {"en": "Architect, municipality", "tr": "Mimar, belediye"},
                "project_title": {"en": "Participatory renewal in Izmir", "tr": "İzmir'de katılımcı kentsel dönüşüm"},
                "project_description": {
                    "en": "Residents decide with the municipality how their neighbourhood is rebuilt.",
                    "tr": "Mahalle sakinleri mahallelerinin nasıl yeniden yapılacağına belediyeyle birlikte karar veriyor.",
                },
                "city": {"en": "Izmir", "tr": "İzmir"},
            },
            {
                "person_name": "Zeynep Arslan",
                "role": {"en": "Student", "tr": "Öğrenci"},
                "project_title": {"en": "Urban gardens in Ankara", "tr": "Ankara'da kent bostanları"},
                "project_description": {
                    "en": "Students and residents grow vegetables on empty plots between apartment blocks.",
                    "tr": "Öğrenciler ve mahalle sakinleri apartmanlar arasındaki boş arsalarda sebze yetiştiriyor.",
                },
                "city": {"en": "Ankara", "tr": "Ankara"},
                "public": False,
            },
        ],
        "events": [
            {
                "slug": "workshop-istanbul",
                "days": -40,
                "start": "10:00",
                "hours": 6,
                "title": {"en": "Workshop on urban renewal in Istanbul", "tr": "İstanbul'da kentsel dönüşüm çalıştayı"},
                "venue": {"en": "ITÜ Taşkışla Campus", "tr": "İTÜ Taşkışla Kampüsü"},
                "address": "Taşkışla Caddesi No: 2\n34367 Şişli/İstanbul",
                "description": {
                    "en": "How can renewal keep neighbourhoods together?",
                    "tr": "Kentsel dönüşüm mahalleleri nasıl bir arada tutabilir?",
                },
            },
            {
                "slug": "meeting-izmir",
                "days": 60,
                "start": "14:00",
                "hours": 3,
                "title": {"en": "Network meeting in Izmir", "tr": "İzmir'de ağ toplantısı"},
                "venue": {"en": "Izmir Metropolitan Municipality", "tr": "İzmir Büyükşehir Belediyesi"},
                "address": "Cumhuriyet Bulvarı No: 1\n35250 Konak/İzmir",
                "description": {
                    "en": "Members visit a participatory renewal project and meet its residents.",
                    "tr": "Üyeler katılımcı bir dönüşüm projesini ziyaret ediyor ve sakinleriyle tanışıyor.",
                },
            },
        ],
    },
    {
        "country": "GB",
        "slug": "united-kingdom",
        "time_zone": "Europe/London",
        "coordinators": ["CSES"],
        "contact_email": "uk@seismic.example.org",
        "title": {"en": "SEiSMiC United Kingdom"},
        "intro": {
            "en": "Community groups, councils and researchers who share practical answers to urban challenges.",
        },
        "body": {
            "en": "The UK network brings together community land trusts, local councils and universities.",
        },
        "members": [
            {
                "person_name": "Sarah Thompson",
                "role": {"en": "Director, community land trust"},
                "project_title": {"en": "Affordable homes in Bristol"},
                "project_description": {"en": "A community land trust builds homes that stay affordable for good."},
                "city": {"en": "Bristol"},
            },
            {
                "person_name": "David Okafor",
                "role": {"en": "Youth worker"},
                "project_title": {"en": "Pop-up parks in Manchester"},
                "project_description": {"en": "Young people turn parking spaces into small parks for a summer."},
                "city": {"en": "Manchester"},
            },
            {
                "person_name": "Fiona MacLeod",
                "role": {"en": "Councillor"},
                "project_title": {"en": "Warm homes Glasgow"},
                "project_description": {"en": "Volunteers help tenants insulate their flats and cut energy bills."},
                "city": {"en": "Glasgow"},
                "public": False,
            },
        ],
        "events": [
            {
                "slug": "network-day-london",
                "days": -80,
                "start": "10:00",
                "hours": 6,
                "title": {"en": "Network day in London"},
                "venue": {"en": "The Building Centre"},
                "address": "26 Store Street\nLondon WC1E 7BT",
                "description": {"en": "Members present their projects and plan the year's activities."},
            },
            {
                "slug": "visit-bristol",
                "days": 50,
                "start": "11:00",
                "hours": 4,
                "title": {"en": "Visit to community-led housing in Bristol"},
                "venue": {"en": "Bristol Community Land Trust"},
                "address": "Fishponds Road\nBristol BS5 6SA",
                "description": {"en": "A tour of homes built by residents, with the people who built them."},
            },
        ],
    },
]

#: The network index page, in the site's languages.
INDEX = {
    "title": {
        "en": "Networks",
        "de": "Netzwerke",
        "fr": "Réseaux",
        "nl": "Netwerken",
        "cs": "Sítě",
        "hu": "Hálózatok",
        "it": "Reti",
        "nb": "Nettverk",
        "sv": "Nätverk",
        "tr": "Ağlar",
    },
    "intro": {
        "en": "SEiSMiC brings urban actors together in national networks in ten European countries.",
        "de": "SEiSMiC bringt städtische Akteure in nationalen Netzwerken in zehn europäischen Ländern zusammen.",
        "fr": "SEiSMiC réunit les acteurs urbains dans des réseaux nationaux dans dix pays européens.",
        "nl": "SEiSMiC brengt stedelijke actoren samen in nationale netwerken in tien Europese landen.",
        "cs": "SEiSMiC spojuje městské aktéry v národních sítích v deseti evropských zemích.",
        "hu": "A SEiSMiC tíz európai ország nemzeti hálózataiban hozza össze a városi szereplőket.",
        "it": "SEiSMiC riunisce gli attori urbani in reti nazionali in dieci paesi europei.",
        "nb": "SEiSMiC samler aktører i byene i nasjonale nettverk i ti europeiske land.",
        "sv": "SEiSMiC samlar aktörer i städerna i nationella nätverk i tio europeiska länder.",
        "tr": "SEiSMiC, on Avrupa ülkesinde kentsel aktörleri ulusal ağlarda bir araya getiriyor.",
    },
}

#: The heading of the body, in the network languages.
BODY_HEADING = {
    "en": "What we do",
    "de": "Was wir tun",
    "fr": "Ce que nous faisons",
    "nl": "Wat we doen",
    "cs": "Co děláme",
    "hu": "Amit csinálunk",
    "it": "Cosa facciamo",
    "nb": "Hva vi gjør",
    "sv": "Vad vi gör",
    "tr": "Ne yapıyoruz",
}
