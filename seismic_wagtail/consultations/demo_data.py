"""Text of the demo consultations, with real translations into Swedish, Turkish and German.

The agenda follows the five thematic priorities of the JPI Urban Europe Strategic Research and Innovation
Agenda (the themes of ``seismic_wagtail.core.demo_data``); the questions are the kind the SEiSMiC national
networks answered when they commented on it.
"""

TITLE = "JPI Urban Europe research and innovation agenda"
INTRO = (
    "JPI Urban Europe is preparing its next research and innovation agenda. Tell us which urban challenges "
    "research should tackle first, and how practitioners should take part."
)
PRIVACY = (
    "Your response is processed by the SEiSMiC consortium for this consultation only. Personal data is kept "
    "for two years and never shared. Write to the organisers to have your response erased."
)
THANKS = "Thank you! Your answers go into the agenda that JPI Urban Europe publishes next year."

SECTION_TEXTS = {
    "governance": "New ways for cities, citizens and business to steer urban change together.",
    "vibrancy": "Public space, culture and the mix of people that keeps neighbourhoods alive.",
    "welfare": "Jobs, social inclusion and new ways to finance urban services.",
    "environment": "Energy, climate adaptation and green infrastructure in the circular city.",
    "connectivity": "Mobility, digital access and the links between neighbourhoods and people.",
}

RATING_QUESTION = "How high a priority should this be for research funding?"
LOW = "Low priority"
HIGH = "High priority"

SCALE_QUESTION = "At which scale should research and innovation projects work first?"
SCALE_CHOICES = [
    ("neighbourhood", "The neighbourhood"),
    ("city", "The whole city"),
    ("region", "The city region"),
    ("europe", "Networks of European cities"),
]
ACTORS_QUESTION = "Who should co-create the research? Choose up to three."
ACTORS_CHOICES = [
    ("citizens", "Citizens"),
    ("civil-society", "Civil society organisations"),
    ("administration", "City administrations"),
    ("business", "Business"),
    ("researchers", "Researchers"),
]
METHODS_QUESTION = "Rank the ways of working you find most useful."
METHODS_CHOICES = [
    ("living-labs", "Urban living labs"),
    ("pilots", "Pilot projects"),
    ("mutual-learning", "Mutual learning between cities"),
    ("open-data", "Open data platforms"),
]
MISSING_QUESTION = "What is missing from the agenda?"

TRANSLATIONS = {
    "sv": {
        TITLE: "JPI Urban Europes forsknings- och innovationsagenda",
        INTRO: (
            "JPI Urban Europe förbereder sin nästa forsknings- och innovationsagenda. Berätta vilka urbana "
            "utmaningar forskningen bör ta itu med först, och hur praktiker ska delta."
        ),
        PRIVACY: (
            "Ditt svar behandlas av SEiSMiC-konsortiet enbart för denna konsultation. Personuppgifter sparas i "
            "två år och delas aldrig. Skriv till arrangörerna för att få ditt svar raderat."
        ),
        THANKS: "Tack! Dina svar går in i den agenda som JPI Urban Europe publicerar nästa år.",
        SECTION_TEXTS[
            "governance"
        ]: "Nya sätt för städer, medborgare och näringsliv att styra stadens förändring tillsammans.",
        SECTION_TEXTS[
            "vibrancy"
        ]: "Offentliga rum, kultur och den blandning av människor som håller grannskap levande.",
        SECTION_TEXTS["welfare"]: "Arbete, social inkludering och nya sätt att finansiera kommunala tjänster.",
        SECTION_TEXTS["environment"]: "Energi, klimatanpassning och grön infrastruktur i den cirkulära staden.",
        SECTION_TEXTS["connectivity"]: "Mobilitet, digital tillgång och kopplingarna mellan stadsdelar och människor.",
        RATING_QUESTION: "Hur högt bör detta prioriteras i forskningsfinansieringen?",
        LOW: "Låg prioritet",
        HIGH: "Hög prioritet",
        SCALE_QUESTION: "På vilken nivå bör forsknings- och innovationsprojekt arbeta först?",
        "The neighbourhood": "Grannskapet",
        "The whole city": "Hela staden",
        "The city region": "Stadsregionen",
        "Networks of European cities": "Nätverk av europeiska städer",
        ACTORS_QUESTION: "Vilka bör skapa forskningen tillsammans? Välj högst tre.",
        "Citizens": "Medborgare",
        "Civil society organisations": "Civilsamhällets organisationer",
        "City administrations": "Kommunala förvaltningar",
        "Business": "Näringsliv",
        "Researchers": "Forskare",
        METHODS_QUESTION: "Rangordna de arbetssätt du tycker är mest användbara.",
        "Urban living labs": "Urbana levande laboratorier",
        "Pilot projects": "Pilotprojekt",
        "Mutual learning between cities": "Ömsesidigt lärande mellan städer",
        "Open data platforms": "Öppna dataplattformar",
        MISSING_QUESTION: "Vad saknas i agendan?",
    },
    "tr": {
        TITLE: "JPI Urban Europe araştırma ve inovasyon gündemi",
        INTRO: (
            "JPI Urban Europe bir sonraki araştırma ve inovasyon gündemini hazırlıyor. Araştırmanın önce hangi "
            "kentsel sorunları ele alması gerektiğini ve uygulayıcıların nasıl katılması gerektiğini bize söyleyin."
        ),
        PRIVACY: (
            "Yanıtınız SEiSMiC konsorsiyumu tarafından yalnızca bu danışma için işlenir. Kişisel veriler iki yıl "
            "saklanır ve asla paylaşılmaz. Yanıtınızın silinmesi için düzenleyicilere yazın."
        ),
        THANKS: "Teşekkürler! Yanıtlarınız JPI Urban Europe'un gelecek yıl yayımlayacağı gündeme girecek.",
        SECTION_TEXTS[
            "governance"
        ]: "Şehirlerin, vatandaşların ve iş dünyasının kentsel değişimi birlikte yönlendirmesinin yeni yolları.",
        SECTION_TEXTS["vibrancy"]: "Kamusal alan, kültür ve mahalleleri canlı tutan insan çeşitliliği.",
        SECTION_TEXTS["welfare"]: "İstihdam, sosyal içerme ve kentsel hizmetleri finanse etmenin yeni yolları.",
        SECTION_TEXTS["environment"]: "Döngüsel şehirde enerji, iklime uyum ve yeşil altyapı.",
        SECTION_TEXTS["connectivity"]: "Ulaşım, dijital erişim ve mahalleler ile insanlar arasındaki bağlar.",
        RATING_QUESTION: "Bu konu araştırma fonlarında ne kadar öncelikli olmalı?",
        LOW: "Düşük öncelik",
        HIGH: "Yüksek öncelik",
        SCALE_QUESTION: "Araştırma ve inovasyon projeleri önce hangi ölçekte çalışmalı?",
        "The neighbourhood": "Mahalle",
        "The whole city": "Şehrin tamamı",
        "The city region": "Kent bölgesi",
        "Networks of European cities": "Avrupa şehir ağları",
        ACTORS_QUESTION: "Araştırmayı kimler birlikte üretmeli? En fazla üç seçin.",
        "Citizens": "Vatandaşlar",
        "Civil society organisations": "Sivil toplum kuruluşları",
        "City administrations": "Belediye yönetimleri",
        "Business": "İş dünyası",
        "Researchers": "Araştırmacılar",
        METHODS_QUESTION: "En yararlı bulduğunuz çalışma yöntemlerini sıralayın.",
        "Urban living labs": "Kentsel yaşayan laboratuvarlar",
        "Pilot projects": "Pilot projeler",
        "Mutual learning between cities": "Şehirler arası karşılıklı öğrenme",
        "Open data platforms": "Açık veri platformları",
        MISSING_QUESTION: "Gündemde eksik olan ne?",
    },
    "de": {
        TITLE: "Forschungs- und Innovationsagenda von JPI Urban Europe",
        INTRO: (
            "JPI Urban Europe bereitet seine nächste Forschungs- und Innovationsagenda vor. Sagen Sie uns, welche "
            "städtischen Herausforderungen die Forschung zuerst angehen soll und wie Praktiker mitwirken sollen."
        ),
        PRIVACY: (
            "Ihre Antwort wird vom SEiSMiC-Konsortium ausschließlich für diese Konsultation verarbeitet. "
            "Personenbezogene Daten werden zwei Jahre gespeichert und nie weitergegeben. Schreiben Sie den "
            "Veranstaltern, um Ihre Antwort löschen zu lassen."
        ),
        THANKS: "Vielen Dank! Ihre Antworten fließen in die Agenda ein, die JPI Urban Europe nächstes Jahr veröffentlicht.",
        SECTION_TEXTS[
            "governance"
        ]: "Neue Wege, wie Städte, Bürger und Wirtschaft den Wandel der Stadt gemeinsam steuern.",
        SECTION_TEXTS[
            "vibrancy"
        ]: "Öffentlicher Raum, Kultur und die Mischung von Menschen, die Quartiere lebendig hält.",
        SECTION_TEXTS["welfare"]: "Arbeit, soziale Inklusion und neue Wege, städtische Dienste zu finanzieren.",
        SECTION_TEXTS["environment"]: "Energie, Klimaanpassung und grüne Infrastruktur in der Kreislaufstadt.",
        SECTION_TEXTS[
            "connectivity"
        ]: "Mobilität, digitaler Zugang und die Verbindungen zwischen Quartieren und Menschen.",
        RATING_QUESTION: "Wie hoch sollte dies bei der Forschungsförderung priorisiert werden?",
        LOW: "Niedrige Priorität",
        HIGH: "Hohe Priorität",
        SCALE_QUESTION: "Auf welcher Ebene sollten Forschungs- und Innovationsprojekte zuerst ansetzen?",
        "The neighbourhood": "Das Quartier",
        "The whole city": "Die ganze Stadt",
        "The city region": "Die Stadtregion",
        "Networks of European cities": "Netzwerke europäischer Städte",
        ACTORS_QUESTION: "Wer sollte die Forschung mitgestalten? Wählen Sie bis zu drei.",
        "Citizens": "Bürgerinnen und Bürger",
        "Civil society organisations": "Zivilgesellschaftliche Organisationen",
        "City administrations": "Stadtverwaltungen",
        "Business": "Wirtschaft",
        "Researchers": "Forschende",
        METHODS_QUESTION: "Ordnen Sie die Arbeitsweisen, die Sie am nützlichsten finden.",
        "Urban living labs": "Urbane Reallabore",
        "Pilot projects": "Pilotprojekte",
        "Mutual learning between cities": "Gegenseitiges Lernen zwischen Städten",
        "Open data platforms": "Offene Datenplattformen",
        MISSING_QUESTION: "Was fehlt in der Agenda?",
    },
}

CLOSED_TITLE = "SEiSMiC consultation on urban research priorities 2015"
CLOSED_INTRO = (
    "In spring 2015 the ten SEiSMiC national networks commented on the draft Strategic Research and "
    "Innovation Agenda of JPI Urban Europe. These are the pooled results."
)
CLOSED_TRANSLATIONS = {
    "sv": {
        CLOSED_TITLE: "SEiSMiC-konsultation om urbana forskningsprioriteringar 2015",
        CLOSED_INTRO: (
            "Våren 2015 kommenterade de tio nationella SEiSMiC-nätverken utkastet till JPI Urban Europes "
            "strategiska forsknings- och innovationsagenda. Här är de sammanlagda resultaten."
        ),
    },
    "tr": {
        CLOSED_TITLE: "Kentsel araştırma öncelikleri üzerine SEiSMiC danışması 2015",
        CLOSED_INTRO: (
            "2015 baharında on SEiSMiC ulusal ağı, JPI Urban Europe'un Stratejik Araştırma ve İnovasyon "
            "Gündemi taslağını yorumladı. Bunlar birleştirilmiş sonuçlardır."
        ),
    },
    "de": {
        CLOSED_TITLE: "SEiSMiC-Konsultation zu städtischen Forschungsprioritäten 2015",
        CLOSED_INTRO: (
            "Im Frühjahr 2015 kommentierten die zehn nationalen SEiSMiC-Netzwerke den Entwurf der Strategischen "
            "Forschungs- und Innovationsagenda von JPI Urban Europe. Dies sind die zusammengeführten Ergebnisse."
        ),
    },
}

#: Free-text answers respondents might give, in the language they answered.
MISSING_ANSWERS = {
    "en": [
        "Housing affordability deserves its own section.",
        "More attention to small and medium-sized cities, not only capitals.",
        "How to keep citizens involved after a project ends.",
        "Evaluation methods that city officials can actually use.",
    ],
    "sv": [
        "Bostadsfrågan borde få ett eget avsnitt.",
        "Mer fokus på mindre kommuner och landsbygdens städer.",
        "Hur medborgare kan vara delaktiga även efter projektets slut.",
    ],
    "tr": [
        "Deprem dayanıklılığı ve kentsel dönüşüm eksik.",
        "Yerel yönetimlerin kapasitesini geliştirmek önemli.",
        "Gençlerin katılımı için daha fazla yöntem gerekli.",
    ],
    "de": [
        "Bezahlbares Wohnen verdient einen eigenen Schwerpunkt.",
        "Mehr Aufmerksamkeit für Klein- und Mittelstädte.",
        "Wie Bürger nach Projektende beteiligt bleiben können.",
    ],
}

#: Countries respondents come from, by the language they answered in.
COUNTRIES = {
    "en": ["GB", "GB", "IE", "BE", "NL", "HU", "CZ", "IT", "NO", "AT"],
    "sv": ["SE"],
    "tr": ["TR"],
    "de": ["DE", "DE", "AT"],
}
CITIES = {
    "GB": ["Manchester", "Bristol", "London"],
    "IE": ["Dublin"],
    "BE": ["Brussels", "Ghent"],
    "NL": ["Utrecht"],
    "HU": ["Budapest"],
    "CZ": ["Praha", "Brno"],
    "IT": ["Torino", "Roma"],
    "NO": ["Oslo"],
    "AT": ["Wien", "Graz"],
    "SE": ["Stockholm", "Malmö", "Göteborg"],
    "TR": ["İstanbul", "İzmir", "Ankara"],
    "DE": ["Berlin", "Leipzig", "Hamburg"],
}
NAMES = {
    "en": ["Alice Morgan", "Tom Byrne", "Anna Novák", "Luca Bianchi"],
    "sv": ["Karin Lindqvist", "Erik Johansson", "Sara Nilsson"],
    "tr": ["Ayşe Yılmaz", "Mehmet Demir", "Zeynep Kaya"],
    "de": ["Julia Schneider", "Lukas Weber", "Anna Gruber"],
}
ORGANISATIONS = [
    "Eurocities",
    "Cittalia",
    "IQ Samhällsbyggnad AB",
    "Humboldt-Universität zu Berlin",
    "Istanbul Teknik Universitesi",
    "Stadt Wien",
    "Malmö stad",
    "Urban Transition Network",
]
