"""Word lists for the generated leads: real first names and surnames from several languages,
syllables to build many more, and places. Lists are ordered by how common a name is, roughly;
synthetic.py draws from them with Zipf-like frequencies."""

# Turkish names keep their dotless i (as in Yilmaz, written with it); word lists read better as
# text than as quoted strings.
# ruff: noqa: RUF001, SIM905

from __future__ import annotations

from itertools import product

# Real first names, about the most common first, in English, German, French, Spanish,
# Portuguese, Italian, Dutch, Nordic, Polish, Czech, Russian, Turkish, Arabic, Persian, Indian,
# Chinese, Japanese, Korean, Vietnamese, Greek and Hungarian use.
REAL_FIRST = """
Maria Anna John David Michael Thomas Daniel Laura Sarah Peter Paul James Andrea Mohammed Ahmed
Julia Martin Elena Sofia Alexander Christian Robert Marco Emma Jan Lucas Anne Sandra Mark
Stefan Andreas Markus Claudia Petra Sabine Katharina Monika Jürgen Klaus Wolfgang Frank Uwe
Bernd Ralf Dirk Jens Torsten Matthias Tobias Sebastian Florian Lukas Jonas Leon Felix Finn
Lena Lea Hannah Mia Lina Marie Johanna Charlotte Greta Ida Frieda Heike Birgit Ursula Renate
Jean Pierre Philippe Michel Alain Nicolas Julien Antoine François Camille Chloé Léa Manon
Inès Élodie Céline Nathalie Isabelle Sylvie Valérie Sophie Amélie Mathieu Guillaume Théo Hugo
José Juan Carlos Luis Javier Miguel Antonio Manuel Francisco Pablo Diego Sergio Alejandro
Carmen Lucía Paula Marta Cristina Ana Isabel Pilar Rosa Beatriz Raquel Silvia Nuria Alba
João Pedro Tiago Rafael Gonçalo Rodrigo Inês Beatriz Mariana Catarina Joana Leonor Matilde
Giuseppe Giovanni Francesco Alessandro Luca Matteo Lorenzo Davide Simone Federico Riccardo
Giulia Chiara Francesca Sara Valentina Alessia Martina Giorgia Elisa Federica Silvia Ilaria
Jeroen Bas Thijs Sander Niels Pieter Joost Ruud Sanne Fleur Eva Anouk Lotte Femke Ilse Mirthe
Lars Anders Erik Nils Olof Magnus Henrik Mikael Björn Astrid Ingrid Karin Sigrid Linnea Freja
Piotr Krzysztof Tomasz Paweł Michał Marcin Grzegorz Agnieszka Katarzyna Małgorzata Magdalena
Jakub Petr Tomáš Lucie Tereza Veronika Zuzana Ondřej Vojtěch
Ivan Sergei Dmitri Andrei Alexei Nikolai Vladimir Olga Natalia Tatiana Irina Svetlana Ekaterina
Mehmet Mustafa Ali Hüseyin Hasan İbrahim Emre Burak Zeynep Elif Ayşe Fatma Emine Merve
Omar Youssef Karim Hassan Khalid Tariq Fatima Aisha Layla Noor Yasmin Mariam Salma Hind
Reza Amir Hossein Mehdi Parisa Shirin Leila Nasrin
Rahul Amit Rajesh Sanjay Vikram Arjun Rohan Anil Priya Anjali Pooja Neha Kavya Divya Sunita
Wei Li Jing Ming Hui Yan Fang Lei Xin Yu Hao Jun Tao Chen Lin Hong Mei Xiaoming Zhiwei
Hiroshi Takashi Kenji Yuki Haruto Sota Ren Yuto Aiko Yui Sakura Hina Emi Keiko Naoko
Minjun Seojun Jiho Jisoo Seoyeon Minseo Jiwoo Hyun Sungmin
Minh Anh Linh Tuan Hung Thanh Huong Lan Mai Phuong
Georgios Dimitrios Konstantinos Nikos Eleni Katerina Sofia Vasiliki
László István Zoltán Gábor Katalin Erzsébet Zsófia Eszter
William Oliver Jack Harry George Charlie Noah Liam Ethan Benjamin Samuel Joseph Henry Jacob
Emily Olivia Amelia Isla Ava Grace Chloe Ella Lily Jessica Jennifer Elizabeth Susan Karen Linda
Patricia Barbara Nancy Lisa Betty Margaret Ashley Kimberly Donna Michelle Carol Amanda Melissa
Richard Charles Christopher Matthew Anthony Steven Andrew Joshua Kevin Brian Edward Ronald
Timothy Jason Jeffrey Ryan Gary Eric Stephen Jonathan Larry Justin Scott Brandon Gregory
Frank Raymond Patrick Dennis Jerry Tyler Aaron Adam Nathan Henry Zachary Kyle Walter Ethan
Rebecca Stephanie Rachel Catherine Heather Nicole Samantha Katherine Christine Debra Rachel
Carolyn Janet Emma Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Cheryl
Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Jean Alice
Madison Doris Abigail Julie Judy Grace Denise Amber Marilyn Beverly Danielle Theresa Sophia
"""

# Real surnames, common first, from the same languages.
REAL_LAST = """
Smith Müller García Rossi Martin Nguyen Wang Kowalski Yılmaz Jansen Johnson Schmidt Fernández
Russo Bernard Tran Li Nowak Kaya De~Jong Williams Schneider González Ferrari Dubois Le Zhang
Wiśniewski Demir Brown Fischer Rodríguez Esposito Thomas Pham Liu Wójcik Şahin Bakker Jones
Weber López Bianchi Robert Hoang Chen Kowalczyk Çelik Visser Miller Meyer Martínez Romano
Richard Phan Yang Kamiński Yıldız Smit Davis Wagner Sánchez Colombo Petit Vu Huang
Lewandowski Yıldırım Meijer Wilson Becker Pérez Ricci Durand Vo Zhao Zieliński Öztürk De~Boer
Anderson Schulz Gómez Marino Leroy Dang Wu Szymański Aydın Mulder Taylor Hoffmann Martin Greco
Moreau Bui Zhou Woźniak Özdemir De~Groot Moore Schäfer Jiménez Bruno Simon Do Xu Dąbrowski
Arslan Bos Jackson Koch Ruiz Gallo Laurent Ho Sun Kozłowski Doğan Vos White Bauer Hernández
Conti Lefebvre Ngo Ma Jankowski Kılıç Peters Harris Richter Díaz De~Luca Michel Duong Zhu
Mazur Aslan Hendriks Clark Klein Moreno Mancini Garcia Ly Hu Kwiatkowski Çetin Van~Dijk Lewis
Wolf Muñoz Costa Leroux Guo Krawczyk Kara Dekker Robinson Schröder Álvarez Giordano Roux He
Kaczmarek Koç Brouwer Walker Neumann Romero Rizzo Fournier Lin Piotrowski Kurt De~Wit Young
Schwarz Alonso Lombardi Girard Luo Grabowski Özkan Dijkstra Allen Zimmermann Gutiérrez Moretti
Bonnet Gao Pawłowski Şimşek Smits King Braun Navarro Barbieri Dupont Zheng Michalski Polat
Wright Krüger Torres Fontana Lambert Liang Nowakowski Korkmaz Scott Hofmann Domínguez Santoro
Fontaine Xie Adamczyk Özer Green Hartmann Vázquez Mariani Rousseau Song Dudek Adams Lange
Ramos Rinaldi Vincent Tang Zając Baker Schmitt Gil Caruso Muller Han Wieczorek Hall Werner
Ramírez Ferrara Lefevre Feng Jabłoński Nelson Schmitz Serrano Gatti Mercier Deng Król Hill
Krause Blanco Pellegrini Boyer Cao Majewski Campbell Meier Molina Palumbo Garnier Peng Olszewski
Mitchell Lehmann Morales Sanna Chevalier Zeng Jaworski Roberts Schmid Suárez Farina Francois
Xiao Wróbel Carter Schulze Ortega Rizzi Legrand Tian Malinowski Phillips Maier Delgado Monti
Gauthier Dong Pawlak Evans Köhler Castro Cattaneo Garcia Pan Witkowski Turner Herrmann Ortiz
Morelli Perrin Yuan Walczak Torres König Rubio Amato Robin Cai Stępień Parker Walter Marín
Silvestri Clement Jiang Górski Collins Mayer Sanz Mazza Morin Wei Rutkowski Edwards Huber
Núñez Testa Nicolas Yu Michalak Stewart Kaiser Iglesias Grassi Henry Lu Sikora Morris Fuchs
Medina Pellegrino Roussel Ye Ostrowski Murphy Peters Garrido Carbone Mathieu Kumar Singh Sharma
Patel Gupta Shah Reddy Rao Iyer Nair Khan Ahmed Hassan Hussein Ali Ibrahim Mahmoud Rahman
Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Kim Lee Park Choi
Jung Kang Cho Yoon Jang Lim Silva Santos Oliveira Souza Pereira Almeida Ferreira Rodrigues
Carvalho Gomes Martins Lopes Ribeiro Papadopoulos Nagy Kovács Tóth Szabó Horváth Novák
Svoboda Dvořák Černý Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsen Hansen
Nielsen Jensen Pedersen Korhonen Virtanen Ivanov Smirnov Kuznetsov Popov Sokolov Lebedev
"""

# First-name building blocks: onset + vowel + ending gives names like "Maren", "Talia".
GIVEN_ONSETS = (
    "B Br C Ch D Dr E El F G Gr H I J K Kr L M N O P R S Sh St T Th V W Y Z A Al An Ar Ad Em "
    "Er Ev Is Jo Ka Le Li Lu Ma Mi Na Ni Ra Ro Sa Se Ta Ti Va Vi"
).split()
GIVEN_VOWELS = "a e i o u ia ie ea ei ai au".split()
GIVEN_ENDINGS = "n na ne ra ri ro la le lo ta to sa se ssa nda ndro lia rin ron dan der".split()

# Surname building blocks (Germanic, Romance, Slavic, Nordic and English sounds).
SURNAME_STARTS = (
    "Ber Mor Hal Stein Kov Lind Fal Dor Mar Wes Bran Cal Dun Eck Fen Gar Hol Jor Kel Lan "
    "Ad Al Bal Bel Bir Bor Brock Bur Car Cas Cor Dal Dev Dil Dom Ed El Em Er Fab Far Fel Fin "
    "Gal Gil Gol Gor Gren Hag Ham Hart Hel Her Hof Hun Ib Iv Jak Jan Kal Kar Kir Kl Kn Kr Lam "
    "Lar Lev Lor Lub Mad Mal Mat Mel Mil Mon Nad Nor Ob Ol Or Pal Par Pel Pet Pol Quin Rad Ral "
    "Ren Rob Ros Sal San Sel Sil Sor Stan Tal Tar Tor Ul Val Ven Vil Vor Wal Wil Wol Zan Zel"
).split()
SURNAME_MIDDLES = ("", "", "", "en", "ar", "il", "or", "un", "es", "ak", "ol", "im", "an", "er")
SURNAME_ENDS = (
    "mann son berg ski ton ley wood feld ford ova ini ez sen dahl strom by well croft ham ner "
    "ic ich ov ev enko escu ides opoulos ez es as os is ero ardi etti elli oni ucci ard ault "
    "ier ot et er el in ing inger hardt stedt holm qvist gaard lund rup vik kamp hoff huis "
    "dijk stra sma inga ema"
).split()
SURNAME_TAILS = ("", "", "a", "e", "i", "s")

# Company name parts: "Nordwind Data GmbH", "Brightpeak Systems Ltd".
COMPANY_STARTS = (
    "Nord Sud Ost West Blue Red Green Silver Gold Bright Clear Deep High Iron Star Sun Moon "
    "Sky Sea Rock Stone River Lake Oak Pine Cedar Maple Alp Terra Aqua Nova Vita Opti Pro "
    "Inno Tech Data Info Net Web Cloud Smart Quick Swift True Prime Core Peak Summit Bridge "
    "Harbor Vertex Apex Zen Flux Pixel Quant Vector Orbit Atlas Titan Helix Nexus Arc Beacon"
).split()
COMPANY_ENDS = (
    "wind peak field works gate line point way bay wave light stone bridge path hub lab mark "
    "port scape side view wise ify ly io ex on ia ico ora ent ant ium"
).split()
COMPANY_KINDS = (
    "",
    "",
    "Data",
    "Systems",
    "Software",
    "Consulting",
    "Logistics",
    "Energy",
    "Media",
    "Health",
    "Solutions",
    "Partners",
    "Group",
    "Labs",
    "Analytics",
    "Engineering",
    "Finance",
    "Retail",
)
LEGAL_FORMS = ("GmbH", "Ltd", "Inc", "SA", "SAS", "BV", "AG", "Srl", "")
TLDS = (".com", ".de", ".io", ".co.uk", ".fr", ".nl", ".es", ".it")

# Cities with their country dialling code, area code and postcode prefix (2 digits), the
# biggest first.
CITIES = (
    ("Berlin", "49", "30", "10"),
    ("London", "44", "20", "EC"),
    ("Paris", "33", "1", "75"),
    ("Madrid", "34", "91", "28"),
    ("Hamburg", "49", "40", "20"),
    ("Munich", "49", "89", "80"),
    ("Milan", "39", "02", "20"),
    ("Barcelona", "34", "93", "08"),
    ("Vienna", "43", "1", "11"),
    ("Amsterdam", "31", "20", "10"),
    ("Cologne", "49", "221", "50"),
    ("Frankfurt", "49", "69", "60"),
    ("Rome", "39", "06", "00"),
    ("Lyon", "33", "4", "69"),
    ("Stuttgart", "49", "711", "70"),
    ("Zurich", "41", "44", "80"),
    ("Düsseldorf", "49", "211", "40"),
    ("Manchester", "44", "161", "M1"),
    ("Rotterdam", "31", "10", "30"),
    ("Leipzig", "49", "341", "04"),
    ("Lisbon", "351", "21", "11"),
    ("Dortmund", "49", "231", "44"),
    ("Essen", "49", "201", "45"),
    ("Bremen", "49", "421", "28"),
    ("Dresden", "49", "351", "01"),
    ("Hanover", "49", "511", "30"),
    ("Nuremberg", "49", "911", "90"),
    ("Marseille", "33", "4", "13"),
    ("Toulouse", "33", "5", "31"),
    ("Valencia", "34", "96", "46"),
    ("Seville", "34", "95", "41"),
    ("Turin", "39", "011", "10"),
    ("Naples", "39", "081", "80"),
    ("Leeds", "44", "113", "LS"),
    ("Birmingham", "44", "121", "B1"),
    ("Glasgow", "44", "141", "G1"),
    ("Oslo", "47", "2", "01"),
    ("Stockholm", "46", "8", "11"),
    ("Copenhagen", "45", "3", "10"),
    ("Warsaw", "48", "22", "00"),
    ("Prague", "420", "2", "11"),
    ("Brussels", "32", "2", "10"),
    ("Antwerp", "32", "3", "20"),
    ("Geneva", "41", "22", "12"),
    ("Bonn", "49", "228", "53"),
    ("Münster", "49", "251", "48"),
    ("Utrecht", "31", "30", "35"),
    ("Bologna", "39", "051", "40"),
    ("Porto", "351", "22", "40"),
    ("Nice", "33", "4", "06"),
)


def words(text: str) -> list[str]:
    """The distinct words of a list, first occurrence kept (the lists repeat a few names); "~"
    joins the words of one name ("De~Jong")."""
    return list(dict.fromkeys(word.replace("~", " ") for word in text.split()))


def built_given_names() -> list[str]:
    """Some 10,000 name-like words: onset, vowel and ending, filtered to plausible lengths."""
    names = (o + v + e for o, v, e in product(GIVEN_ONSETS, GIVEN_VOWELS, GIVEN_ENDINGS))
    return [n for n in dict.fromkeys(names) if 4 <= len(n) <= 9]


def built_surnames() -> list[str]:
    """Some 400,000 surname-like words from start, middle, end and tail syllables."""
    names = (
        s + m + e + t
        for s, m, e, t in product(SURNAME_STARTS, SURNAME_MIDDLES, SURNAME_ENDS, SURNAME_TAILS)
    )
    return list(dict.fromkeys(names))
