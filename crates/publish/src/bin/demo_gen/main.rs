//! Writes the demo backend: a complete static tree of the API contract under
//! `public/api/`, in three editions, from the same types the app decodes.
//!
//! `cargo run -p newsfront-publish --bin demo-gen` rewrites the committed demo tree (deterministic: the same
//! output every run). `cargo run --release -p newsfront-publish --bin demo-gen -- --articles 50000 --out DIR`
//! writes a large corpus for benchmarks (not committed); `--index-only` writes only
//! what search needs (site.json, front page, search index); `--page-size N` puts N
//! stories on each feed page (tests use small pages to get many).
//!
//! All text is our own, assembled from the phrase tables below. The photos the stories
//! name (`img/`) are drawn at build time by `scripts/make/make-photos.mjs`, too large to commit.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use newsfront_core::contract::url::{FetchUrl, Link, MediaUrl, SrcSet};
use newsfront_core::contract::*;
use newsfront_core::logic::dates::Timestamp;
use newsfront_publish::cli;

mod live;

// The demo's own URLs, relative where they point into the tree: checked as the app
// checks what it decodes, and written as they are.
fn link(raw: &str) -> Link {
    Link::check(raw, "").expect("the demo's links are web links")
}

fn media(raw: &str) -> MediaUrl {
    MediaUrl::check(raw, "").expect("the demo's images are web images")
}

fn fetch(raw: &str) -> FetchUrl {
    FetchUrl::check(raw, "").expect("the demo's documents are web documents")
}

/// Stories per feed page, unless `--page-size` says otherwise.
const PAGE_SIZE: usize = 10;

/// With `--vocabulary`: titles, leads and bodies drawn from real word lists (Debian's
/// `wamerican-large`, `hunspell-ru`, `myspell-hy`) with a Zipf spread, for the search
/// benchmarks (the templates' eighty words flatter every index).
static VOCABULARY: OnceLock<Vec<Vocabulary>> = OnceLock::new();
/// Distinct words kept per language.
const VOCABULARY_WORDS: usize = 100_000;

struct Vocabulary {
    lang: &'static str,
    words: Vec<String>,
    /// The Zipf distribution's running sum over `words` (rank r weighs 1 / (r + 1)).
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn load(lang: &'static str, path: &str) -> Vocabulary {
        let text = fs::read_to_string(path).unwrap_or_else(|e| {
            panic!("{path}: {e} (install Debian's wamerican-large, hunspell-ru, myspell-hy)")
        });
        let mut seen = std::collections::HashSet::new();
        let mut words: Vec<String> = text
            .lines()
            .map(|l| l.split('/').next().unwrap_or_default().trim())
            .filter(|w| w.chars().count() > 1 && w.chars().all(char::is_alphabetic))
            .filter(|w| seen.insert(w.to_lowercase()))
            .map(str::to_string)
            .collect();
        // Ranks in no alphabetical order: the commonest words are anywhere in the list.
        let mut rng = Rng(0x5eed ^ lang.len() as u64 ^ (lang.as_bytes()[0] as u64) << 8);
        for i in (1..words.len()).rev() {
            words.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        words.truncate(VOCABULARY_WORDS);
        let mut sum = 0.0;
        let cumulative = (0..words.len())
            .map(|r| {
                sum += 1.0 / (r as f64 + 1.0);
                sum
            })
            .collect();
        Vocabulary {
            lang,
            words,
            cumulative,
        }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let at = self.cumulative.partition_point(|&c| c < u);
        &self.words[at.min(self.words.len() - 1)]
    }

    /// `min..=max` words, the first capitalised, ending with `end`.
    fn sentence(&self, rng: &mut Rng, min: usize, max: usize, end: &str) -> String {
        let n = min + (rng.next() as usize) % (max - min + 1);
        let mut out: Vec<String> = (0..n).map(|_| self.word(rng).to_lowercase()).collect();
        if let Some(first) = out.first_mut() {
            let mut chars = first.chars();
            if let Some(c) = chars.next() {
                *first = c.to_uppercase().chain(chars).collect();
            }
        }
        format!("{}{end}", out.join(" "))
    }
}

/// SplitMix64: a small deterministic source, so every run writes the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// The vocabulary's text for a story's `part` (0 title, 1 lead, 2… paragraphs), if
/// the corpus has one.
fn drawn(lang: &Lang, s: &Story, part: u64) -> Option<String> {
    let v = VOCABULARY.get()?.iter().find(|v| v.lang == lang.code)?;
    let mut rng = Rng((s.index as u64) << 8 ^ part ^ (lang.code.as_bytes()[0] as u64) << 40);
    Some(match part {
        0 => v.sentence(&mut rng, 6, 12, ""),
        1 => v.sentence(&mut rng, 20, 40, "."),
        _ => (0..4)
            .map(|_| v.sentence(&mut rng, 8, 22, "."))
            .collect::<Vec<_>>()
            .join(" "),
    })
}
const SECTIONS: [&str; 6] = [
    "world", "politics", "economy", "society", "sport", "culture",
];

struct Lang {
    code: &'static str,
    site_name: &'static str,
    notice: &'static str,
    sections: [(&'static str, &'static str); 6],
    places: [&'static str; 8],
    topics: [&'static str; 8],
    headlines: [&'static str; 6],
    leads: [&'static str; 3],
    sentences: [&'static str; 8],
    headings: [&'static str; 3],
    quotes: [&'static str; 3],
    list_items: [&'static str; 4],
    caption: &'static str,
    credit: &'static str,
    authors: [&'static str; 4],
    tags: [(&'static str, &'static str); 4],
    video: &'static str,
    archive_note: &'static str,
}

const EN: Lang = Lang {
    code: "en",
    site_name: "Meridian News",
    notice: "Any use of our materials is allowed only with a hyperlink to the source",
    sections: [
        ("World", "What matters beyond our borders"),
        ("Politics", "Decisions, debates and the people behind them"),
        ("Economy", "Markets, work and the cost of living"),
        ("Society", "How we live together"),
        ("Sport", "Results, records and the stories behind them"),
        ("Culture", "Books, stages, screens and galleries"),
    ],
    places: [
        "Northport",
        "Lakeview",
        "Eastbridge",
        "Stonehill",
        "Riverside",
        "Westmoor",
        "Clearwater",
        "Highgate",
    ],
    topics: [
        "water supply",
        "rail links",
        "school meals",
        "harbour repairs",
        "solar farms",
        "bus fares",
        "river cleanup",
        "library hours",
    ],
    headlines: [
        "{place} council agrees new plan for {topic}",
        "Residents of {place} debate the future of {topic}",
        "Report finds {topic} in {place} better than expected",
        "{place} opens public consultation on {topic}",
        "Volunteers in {place} take on {topic}",
        "Experts question cost of {topic} in {place}",
    ],
    leads: [
        "Officials in {place} say the changes to {topic} will take effect within a year.",
        "A new study of {topic} in {place} has prompted calls for a wider review.",
        "People in {place} have until the end of the month to comment on {topic}.",
    ],
    sentences: [
        "The proposal was first discussed at a public meeting in {place} last spring.",
        "Supporters say the work on {topic} is long overdue and will save money over time.",
        "Critics argue that the timetable is too tight and the budget too small.",
        "A spokesperson said the figures would be published in full next week.",
        "Local businesses have asked for clear dates so they can plan ahead.",
        "The regional authority has promised to review the results after six months.",
        "Several neighbouring towns are watching closely before making their own decisions.",
        "Independent auditors will check the accounts once the first phase is complete.",
    ],
    headings: [
        "What happens next",
        "How the plan is paid for",
        "Reaction in {place}",
    ],
    quotes: [
        "We listened to every comment, and the plan is better for it.",
        "Nobody is against progress, but the numbers have to add up.",
        "This is the most important decision the town has made in a decade.",
    ],
    list_items: [
        "a public hearing in the town hall",
        "an online survey open for four weeks",
        "a final vote by the council",
        "quarterly progress reports",
    ],
    caption: "A view of {place} on a quiet morning.",
    credit: "Photo: Meridian News",
    authors: [
        "Anna Lindqvist",
        "Marcus Webb",
        "Priya Raman",
        "Tomas Novak",
    ],
    tags: [
        ("local-government", "Local government"),
        ("infrastructure", "Infrastructure"),
        ("budget", "Budget"),
        ("environment", "Environment"),
    ],
    video: "Video: the plan explained in three minutes",
    archive_note: "From our archive",
};

const RU: Lang = Lang {
    code: "ru",
    site_name: "Меридиан",
    notice: "Любое использование материалов допускается только при наличии гиперссылки на источник",
    sections: [
        ("Мир", "Главное за пределами страны"),
        ("Политика", "Решения, споры и люди, которые за ними стоят"),
        ("Экономика", "Рынки, работа и стоимость жизни"),
        ("Общество", "Как мы живём вместе"),
        ("Спорт", "Результаты, рекорды и истории за ними"),
        ("Культура", "Книги, сцены, экраны и галереи"),
    ],
    places: [
        "Северный Порт",
        "Озёрск",
        "Восточный Мост",
        "Каменный Холм",
        "Приречье",
        "Западная Пустошь",
        "Светлые Воды",
        "Высокогорье",
    ],
    topics: [
        "водоснабжения",
        "железнодорожного сообщения",
        "школьного питания",
        "ремонта гавани",
        "солнечных станций",
        "тарифов на автобусы",
        "очистки реки",
        "работы библиотек",
    ],
    headlines: [
        "Совет города {place} одобрил новый план {topic}",
        "Жители города {place} спорят о будущем {topic}",
        "Доклад: положение {topic} в городе {place} лучше ожидаемого",
        "В городе {place} начались общественные слушания по вопросу {topic}",
        "Волонтёры города {place} взялись за улучшение {topic}",
        "Эксперты сомневаются в стоимости {topic} в городе {place}",
    ],
    leads: [
        "Власти города {place} говорят, что изменения {topic} вступят в силу в течение года.",
        "Новое исследование {topic} в городе {place} вызвало призывы к более широкой проверке.",
        "У жителей города {place} есть время до конца месяца, чтобы высказаться по поводу {topic}.",
    ],
    sentences: [
        "Впервые предложение обсуждалось на открытом собрании прошлой весной.",
        "Сторонники считают, что эта работа давно назрела и со временем сэкономит деньги.",
        "Критики утверждают, что сроки слишком сжатые, а бюджет слишком мал.",
        "Представитель администрации сообщил, что полные данные опубликуют на следующей неделе.",
        "Местные предприниматели попросили назвать точные даты, чтобы планировать работу.",
        "Региональные власти обещали пересмотреть результаты через полгода.",
        "Соседние города внимательно следят за происходящим, прежде чем принимать свои решения.",
        "Независимые аудиторы проверят расходы после завершения первого этапа.",
    ],
    headings: ["Что будет дальше", "Кто за это заплатит", "Реакция жителей"],
    quotes: [
        "Мы выслушали каждое замечание, и план от этого стал лучше.",
        "Никто не против перемен, но цифры должны сходиться.",
        "Это самое важное решение города за последние десять лет.",
    ],
    list_items: [
        "открытые слушания в ратуше",
        "онлайн-опрос в течение четырёх недель",
        "итоговое голосование совета",
        "ежеквартальные отчёты о ходе работ",
    ],
    caption: "Тихое утро в городе {place}.",
    credit: "Фото: Меридиан",
    authors: [
        "Анна Лебедева",
        "Марк Власов",
        "Ирина Романова",
        "Томас Новак",
    ],
    tags: [
        ("local-government", "Местная власть"),
        ("infrastructure", "Инфраструктура"),
        ("budget", "Бюджет"),
        ("environment", "Экология"),
    ],
    video: "Видео: план за три минуты",
    archive_note: "Из нашего архива",
};

const HY: Lang = Lang {
    code: "hy",
    site_name: "Մերիդիան",
    notice: "Նյութերի ցանկացած օգտագործում թույլատրվում է միայն աղբյուրին հղում տալու դեպքում",
    sections: [
        ("Աշխարհ", "Կարևորը մեր սահմաններից դուրս"),
        (
            "Քաղաքականություն",
            "Որոշումներ, բանավեճեր և դրանց հետևում կանգնած մարդիկ",
        ),
        ("Տնտեսություն", "Շուկաներ, աշխատանք և կյանքի արժեք"),
        ("Հասարակություն", "Ինչպես ենք ապրում միասին"),
        ("Սպորտ", "Արդյունքներ, ռեկորդներ և դրանց պատմությունները"),
        ("Մշակույթ", "Գրքեր, բեմեր, էկրաններ և պատկերասրահներ"),
    ],
    places: [
        "Հյուսիսային Նավահանգիստ",
        "Լճափ",
        "Արևելյան Կամուրջ",
        "Քարաբլուր",
        "Գետափ",
        "Արևմտյան Դաշտ",
        "Ջրաձոր",
        "Բարձրավան",
    ],
    topics: [
        "ջրամատակարարման",
        "երկաթուղային կապի",
        "դպրոցական սննդի",
        "նավահանգստի վերանորոգման",
        "արևային կայանների",
        "ավտոբուսային սակագների",
        "գետի մաքրման",
        "գրադարանների աշխատանքի",
    ],
    headlines: [
        "{place} համայնքի խորհուրդը հաստատեց {topic} նոր ծրագիրը",
        "{place} բնակիչները քննարկում են {topic} ապագան",
        "Զեկույց. {topic} վիճակը {place} համայնքում ավելի լավն է, քան սպասվում էր",
        "{place} համայնքում մեկնարկել են {topic} հանրային լսումները",
        "{place} կամավորները ձեռնամուխ են եղել {topic} բարելավմանը",
        "Փորձագետները կասկածում են {topic} արժեքի հարցում {place} համայնքում",
    ],
    leads: [
        "{place} իշխանությունները հայտնում են, որ {topic} փոփոխությունները ուժի մեջ կմտնեն մեկ տարվա ընթացքում։",
        "{topic} նոր ուսումնասիրությունը {place} համայնքում առաջացրել է ավելի լայն ստուգման կոչեր։",
        "{place} բնակիչները մինչև ամսվա վերջ կարող են կարծիք հայտնել {topic} վերաբերյալ։",
    ],
    sentences: [
        "Առաջարկն առաջին անգամ քննարկվել է անցյալ գարնանը կայացած բաց հանդիպման ժամանակ։",
        "Կողմնակիցները կարծում են, որ այս աշխատանքը վաղուց էր հասունացել և ժամանակի ընթացքում գումար կխնայի։",
        "Քննադատները պնդում են, որ ժամկետները չափազանց սեղմ են, իսկ բյուջեն՝ փոքր։",
        "Ներկայացուցիչը հայտնեց, որ ամբողջական տվյալները կհրապարակվեն հաջորդ շաբաթ։",
        "Տեղի ձեռնարկատերերը խնդրել են հստակ ժամկետներ, որպեսզի կարողանան պլանավորել։",
        "Մարզային իշխանությունները խոստացել են վեց ամիս անց վերանայել արդյունքները։",
        "Հարևան համայնքները ուշադիր հետևում են զարգացումներին, նախքան սեփական որոշումներ կայացնելը։",
        "Անկախ աուդիտորները կստուգեն ծախսերը առաջին փուլի ավարտից հետո։",
    ],
    headings: [
        "Ինչ է լինելու հետո",
        "Ով է վճարելու",
        "Բնակիչների արձագանքը",
    ],
    quotes: [
        "Մենք լսեցինք յուրաքանչյուր դիտողություն, և ծրագիրը դրանից ավելի լավը դարձավ։",
        "Ոչ ոք դեմ չէ փոփոխություններին, բայց թվերը պետք է համընկնեն։",
        "Սա վերջին տասնամյակում համայնքի ամենակարևոր որոշումն է։",
    ],
    list_items: [
        "հանրային լսումներ քաղաքապետարանում",
        "առցանց հարցում չորս շաբաթ",
        "խորհրդի վերջնական քվեարկություն",
        "եռամսյակային հաշվետվություններ",
    ],
    caption: "Հանգիստ առավոտ {place} համայնքում։",
    credit: "Լուսանկարը՝ Մերիդիան",
    authors: [
        "Աննա Պետրոսյան",
        "Մարկոս Վարդանյան",
        "Իրինա Ռոմանյան",
        "Թովմաս Նովակ",
    ],
    tags: [
        ("local-government", "Տեղական իշխանություն"),
        ("infrastructure", "Ենթակառուցվածք"),
        ("budget", "Բյուջե"),
        ("environment", "Շրջակա միջավայր"),
    ],
    video: "Տեսանյութ. ծրագիրը երեք րոպեում",
    archive_note: "Մեր արխիվից",
};

const LANGS: [&Lang; 3] = [&EN, &RU, &HY];

/// A story's place in the corpus: the same index is the same story in every edition.
struct Story {
    index: usize,
    section: usize,
}

fn fill(template: &str, lang: &Lang, s: &Story) -> String {
    template
        .replace("{place}", lang.places[(s.index * 5 + s.index / 8) % 8])
        .replace("{topic}", lang.topics[(s.index * 3 + s.index / 6) % 8])
}

fn slug(lang: &Lang, s: &Story) -> String {
    let base = [
        "council-plan",
        "residents-debate",
        "report-finds",
        "consultation-opens",
        "volunteers-step-in",
        "cost-questioned",
    ][(s.index + s.index / 6) % 6];
    match lang.code {
        "en" => format!("{base}-{}", s.index + 1),
        code => format!("{base}-{}-{code}", s.index + 1),
    }
}

/// When the demo's story `s` was published (for a live story: when its coverage began).
fn time(s: &Story) -> Timestamp {
    // Newest first: story 0 was published most recently, one every 97 minutes before.
    wall_clock(START - s.index as i64 * 97, 0)
}

/// 2026-11-26 09:00 in the newsroom's minutes since the epoch.
const START: i64 = 20_783 * 24 * 60 + 9 * 60;

/// The newsroom's wall-clock time `minutes` (and `seconds`) since the epoch, at its
/// offset, +04:00.
fn wall_clock(minutes: i64, seconds: i64) -> Timestamp {
    let (days, mins) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
    // 2,440,588 is 1970-01-01's Julian day.
    let date = time::Date::from_julian_day(2_440_588 + days as i32).expect("a date in range");
    let (y, m, d) = (date.year(), u8::from(date.month()), date.day());
    Timestamp::parse(&format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{seconds:02}+04:00",
        mins / 60,
        mins % 60
    ))
    .expect("generated time is valid")
}

/// The widths each demo photo is made in (`scripts/make/make-photos.mjs`, which draws them).
const PHOTO_WIDTHS: [u32; 4] = [480, 800, 1200, 1600];

fn image(lang: &Lang, s: &Story, depth: &str) -> Image {
    let name = format!("{depth}img/{}-{}", SECTIONS[s.section], s.index % 4);
    let srcset = |ext: &str| {
        let widths: Vec<String> = PHOTO_WIDTHS
            .iter()
            .map(|w| format!("{name}-{w}.{ext} {w}w"))
            .collect();
        SrcSet::check(&widths.join(", "), "").expect("the demo's photos are web images")
    };
    Image {
        src: media(&format!("{name}-1200.jpg")),
        width: Some(1200),
        height: Some(675),
        alt: Some(fill(lang.caption, lang, s)),
        caption: Some(fill(lang.caption, lang, s)),
        credit: Some(lang.credit.to_string()),
        srcset: Some(srcset("jpg")),
        sources: vec![
            Source {
                kind: ImageType::Avif,
                srcset: srcset("avif"),
            },
            Source {
                kind: ImageType::Webp,
                srcset: srcset("webp"),
            },
        ],
    }
}

fn text(t: String) -> Inline {
    Inline {
        text: t,
        marks: vec![],
        href: None,
    }
}

fn summary(lang: &Lang, s: &Story, depth: &str) -> Summary {
    Summary {
        slug: slug(lang, s),
        title: drawn(lang, s, 0)
            .unwrap_or_else(|| fill(lang.headlines[(s.index + s.index / 6) % 6], lang, s)),
        lead: Some(drawn(lang, s, 1).unwrap_or_else(|| fill(lang.leads[s.index % 3], lang, s))),
        section: SectionRef {
            slug: SECTIONS[s.section].to_string(),
            title: lang.sections[s.section].0.to_string(),
        },
        published_at: Some(time(s)),
        image: (s.index % 5 != 4).then(|| image(lang, s, depth)),
        views: Some((s.index as u64 * 7919) % 5000 + 40),
        live: live::status(s),
    }
}

fn paragraph(lang: &Lang, s: &Story, k: usize) -> Block {
    let a = fill(lang.sentences[(s.index + k) % 8], lang, s);
    let b = fill(lang.sentences[(s.index + k + 3) % 8], lang, s);
    let c = fill(lang.sentences[(s.index + k + 5) % 8], lang, s);
    let content = match k % 3 {
        0 => vec![
            text(format!("{a} ")),
            Inline {
                text: b,
                marks: vec![Mark::Strong],
                href: None,
            },
            text(format!(" {c}")),
        ],
        1 => vec![
            text(format!("{a} ")),
            Inline {
                text: b,
                marks: vec![Mark::Em],
                href: None,
            },
            text(format!(" {c}")),
        ],
        _ => vec![
            text(format!("{a} ")),
            Inline {
                text: b,
                marks: vec![],
                href: Some(link("https://example.org/report")),
            },
            text(format!(" {c}")),
        ],
    };
    Block::Paragraph(Paragraph { content })
}

fn body(lang: &Lang, s: &Story, all: &[Story]) -> Vec<Block> {
    if VOCABULARY.get().is_some() {
        // A few hundred words in five paragraphs.
        return (2..7)
            .filter_map(|part| drawn(lang, s, part))
            .map(|t| {
                Block::Paragraph(Paragraph {
                    content: vec![text(t)],
                })
            })
            .collect();
    }
    let mut blocks = vec![paragraph(lang, s, 0), paragraph(lang, s, 1)];
    blocks.push(Block::Heading(Heading {
        level: 2,
        content: vec![text(fill(lang.headings[s.index % 3], lang, s))],
    }));
    blocks.push(paragraph(lang, s, 2));
    if s.index.is_multiple_of(2) {
        blocks.push(Block::Quote(Quote {
            content: vec![text(lang.quotes[s.index % 3].to_string())],
            cite: Some(lang.authors[(s.index + 1) % 4].to_string()),
        }));
    }
    if s.index.is_multiple_of(3) {
        blocks.push(Block::List(List {
            ordered: s.index.is_multiple_of(2),
            items: lang
                .list_items
                .iter()
                .map(|i| vec![text(i.to_string())])
                .collect(),
        }));
    }
    if s.index % 4 == 1 {
        let other = &all[(s.index + 7) % all.len()];
        blocks.push(Block::Image(image(lang, other, "../../")));
    }
    if s.index % 5 == 2 {
        blocks.push(Block::Embed(Embed {
            provider: Provider::Youtube,
            url: Some(link("https://www.youtube.com/watch?v=aqz-KE-bpKQ")),
            title: Some(lang.video.to_string()),
        }));
    }
    if s.index % 7 == 4 {
        // The other providers, in turn; no title, so the card shows the address.
        let (provider, url) = [
            (Provider::Telegram, "https://t.me/meridian_demo/101"),
            (
                Provider::Twitter,
                "https://x.com/meridian_demo/status/1800000000000000001",
            ),
            (
                Provider::Instagram,
                "https://www.instagram.com/p/C0demo12345/",
            ),
            (
                Provider::Facebook,
                "https://www.facebook.com/meridian.demo/posts/100",
            ),
        ][(s.index / 7) % 4];
        blocks.push(Block::Embed(Embed {
            provider,
            url: Some(link(url)),
            title: None,
        }));
    }
    if s.index % 6 == 3 {
        blocks.push(Block::Html(Html::from_markup(
            &format!(
                "<p><b>{}</b></p><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">%</th></tr></thead>\
                 <tbody><tr><td>2024</td><td>41</td></tr><tr><td>2025</td><td>57</td></tr></tbody></table>",
                lang.archive_note,
                lang.topics[s.index % 8]
            ),
            "",
        )));
    }
    blocks.push(paragraph(lang, s, 3));
    blocks
}

/// Writes `value` as the file at `path`, whole or not at all (a tree being served may be
/// read at any moment: `--live-update`).
fn write(path: &Path, value: &impl serde::Serialize) {
    fs::create_dir_all(path.parent().expect("has a parent")).expect("create folder");
    let part = path.with_extension("json.part");
    fs::write(
        &part,
        serde_json::to_string_pretty(value).expect("serialise"),
    )
    .expect("write file");
    fs::rename(&part, path).expect("put the file in place");
}

/// `full`: the whole tree; otherwise site.json, front page and search index only.
fn generate(out: &Path, per_edition: usize, full: bool, page_size: usize) {
    let stories: Vec<Story> = (0..per_edition)
        .map(|i| Story {
            index: i,
            section: i % 6,
        })
        .collect();
    for lang in LANGS {
        let root = out.join(lang.code);
        write(&root.join("site.json"), &site(lang));
        write(&root.join("front.json"), &front(lang, &stories));
        if full {
            feed_pages(lang, &stories, page_size, &root);
        }
        let mut index = Vec::with_capacity(stories.len());
        for s in &stories {
            let sum = summary(lang, s, "../");
            let article = article(lang, s, &sum, &stories);
            if full {
                write(
                    &root.join(format!("articles/{}.json", article.slug)),
                    &article,
                );
                live::write_posts(lang, s, &root);
            }
            index.push(serde_json::json!({
                "slug": sum.slug,
                "title": sum.title,
                "lead": sum.lead,
                "section": SECTIONS[s.section],
                "published_at": sum.published_at,
            }));
        }
        write(
            &root.join("search-index.json"),
            &serde_json::json!({ "articles": index }),
        );
    }
}

/// An edition's `site.json`.
fn site(lang: &Lang) -> Site {
    Site {
        name: lang.site_name.to_string(),
        lang: lang.code.to_string(),
        editions: vec![
            EditionLink {
                lang: "en".into(),
                label: "EN".into(),
                path: "".into(),
            },
            EditionLink {
                lang: "ru".into(),
                label: "RU".into(),
                path: "ru".into(),
            },
            EditionLink {
                lang: "hy".into(),
                label: "ARM".into(),
                path: "arm".into(),
            },
        ],
        sections: SECTIONS
            .iter()
            .zip(lang.sections)
            .map(|(slug, (title, tagline))| SectionInfo {
                slug: slug.to_string(),
                title: title.to_string(),
                tagline: Some(tagline.to_string()),
            })
            .collect(),
        social: [
            (Network::Twitter, "https://x.com/example"),
            (Network::Youtube, "https://www.youtube.com/@example"),
            (Network::Instagram, "https://www.instagram.com/example"),
            (Network::Facebook, "https://www.facebook.com/example"),
            (Network::Telegram, "https://t.me/example"),
        ]
        .into_iter()
        .map(|(network, url)| Social {
            network,
            url: link(url),
        })
        .collect(),
        apps: vec![
            AppLink {
                store: Store::Apple,
                url: link("https://apps.apple.com/app/id0000000000"),
            },
            AppLink {
                store: Store::Google,
                url: link("https://play.google.com/store/apps/details?id=org.example.news"),
            },
        ],
        telegram: Some(link("https://t.me/example")),
        notice: Some(lang.notice.to_string()),
        copyright: Some("© 2025–2026".to_string()),
        search: Some(SearchConfig::Index(fetch("search-index.json"))),
        ads: vec![AdSpec {
            slot: "article-inline".into(),
            width: 728,
            height: 90,
        }],
        // The demo's live story changes every 20-30 s (`scripts/serve.sh`): looked for
        // twice as often as a newsroom's default, so that a newcomer sees it.
        live_poll_seconds: Some(15),
    }
}

/// An edition's front page: the five newest (a live story first: breaking news leads),
/// then four from each section.
fn front(lang: &Lang, stories: &[Story]) -> Front {
    let mut top: Vec<&Story> = stories.iter().take(5).collect();
    top.sort_by_key(|s| live::status(s) != Some(LiveStatus::Live));
    Front {
        top: top.into_iter().map(|s| summary(lang, s, "../")).collect(),
        sections: SECTIONS
            .iter()
            .enumerate()
            .map(|(i, slug)| FrontSection {
                slug: slug.to_string(),
                title: lang.sections[i].0.to_string(),
                items: stories
                    .iter()
                    .filter(|s| s.section == i)
                    .skip(1)
                    .take(4)
                    .map(|s| summary(lang, s, "../"))
                    .collect(),
            })
            .collect(),
    }
}

/// Each section's feed in pages of `page_size`.
fn feed_pages(lang: &Lang, stories: &[Story], page_size: usize, root: &Path) {
    for (i, slug) in SECTIONS.iter().enumerate() {
        let in_section: Vec<&Story> = stories.iter().filter(|s| s.section == i).collect();
        let pages: Vec<&[&Story]> = in_section.chunks(page_size).collect();
        for (p, chunk) in pages.iter().enumerate() {
            let mut items: Vec<Summary> = chunk
                .iter()
                .map(|s| summary(lang, s, "../../../"))
                .collect();
            // News arrived while the reader scrolled: the last story of the previous
            // page shows up again at the top of this one. The app shows it once.
            if p > 0 {
                let repeat = pages[p - 1].last().expect("pages are not empty");
                items.insert(0, summary(lang, repeat, "../../../"));
            }
            let page = FeedPage {
                section: SectionInfo {
                    slug: slug.to_string(),
                    title: lang.sections[i].0.to_string(),
                    tagline: Some(lang.sections[i].1.to_string()),
                },
                items,
                next: (p + 1 < pages.len()).then(|| fetch(&format!("{}.json", p + 2))),
            };
            write(&root.join(format!("sections/{slug}/{}.json", p + 1)), &page);
        }
    }
}

/// A story's whole document.
fn article(lang: &Lang, s: &Story, sum: &Summary, stories: &[Story]) -> Article {
    let live = live::of(lang, s);
    let related = stories
        .iter()
        .filter(|o| o.section == s.section && o.index != s.index)
        .skip(s.index / 6 % 3)
        .take(3)
        .map(|o| summary(lang, o, "../../"))
        .collect();
    Article {
        slug: sum.slug.clone(),
        section: sum.section.clone(),
        title: sum.title.clone(),
        lead: sum.lead.clone(),
        published_at: sum.published_at.clone(),
        // A live story was updated by its newest post; every seventh other story when
        // the next one came out.
        updated_at: live
            .as_ref()
            .and_then(|l| l.updated_at.clone())
            .or_else(|| {
                (s.index.is_multiple_of(7) && s.index > 0).then(|| {
                    time(&Story {
                        index: s.index - 1,
                        section: s.section,
                    })
                })
            }),
        authors: vec![Author {
            name: lang.authors[s.index % 4].to_string(),
        }],
        source: Some(lang.site_name.to_string()),
        views: sum.views,
        image: sum.image.as_ref().map(|_| image(lang, s, "../../")),
        // A live story's text is a short summary above its posts.
        body: {
            let mut blocks = body(lang, s, stories);
            if live.is_some() {
                blocks.truncate(2);
            }
            blocks
        },
        tags: vec![
            Tag {
                slug: lang.tags[s.index % 4].0.into(),
                title: lang.tags[s.index % 4].1.into(),
            },
            Tag {
                slug: lang.tags[(s.index + 1) % 4].0.into(),
                title: lang.tags[(s.index + 1) % 4].1.into(),
            },
        ],
        related,
        translations: LANGS
            .iter()
            .filter(|l| l.code != lang.code)
            .map(|l| Translation {
                lang: l.code.into(),
                slug: slug(l, s),
            })
            .collect(),
        live,
    }
}

const USAGE: &str = "\
demo-gen: writes the demo backend, a static tree of the API contract in three editions.

  --out DIR        where (default: public/api, the committed demo tree); cleared first
  --articles N     stories per edition (default: 144)
  --page-size N    stories per feed page (default: 10)
  --index-only     only what search needs: site.json, the front page, the search index
  --vocabulary     titles and text from Debian's word lists, Zipf-spread (benchmarks)
  --live-posts N   posts of each edition's live story (default: 240)
  --live-update    change the live story of each edition in the tree at --out (not
                   cleared): a new post, now and then a correction or a take-down
  --every SECONDS  with --live-update: again and again, every SECONDS to SECONDS + 10
  --step N         with --live-update: which change (default 0): every fifth is a
                   correction (4, 9, ...), every ninth a take-down (8, 17, ...)
";

fn main() -> ExitCode {
    let mut out = PathBuf::from("public/api");
    let mut articles = 144;
    let mut full = true;
    let mut page_size = PAGE_SIZE;
    let mut live_update = false;
    let mut every: Option<u64> = None;
    let mut first_step = 0;
    let parsed = cli::parse("demo-gen", USAGE, |name, p| {
        match name {
            "out" => out = cli::value(p)?,
            "articles" => articles = cli::value(p)?,
            "page-size" => {
                page_size = cli::value(p)?;
                if page_size == 0 {
                    return Err("--page-size wants a number above 0".into());
                }
            }
            "index-only" => full = false,
            "live-posts" => live::set_posts(cli::value(p)?),
            "live-update" => live_update = true,
            "every" => every = Some(cli::value(p)?),
            "step" => first_step = cli::value(p)?,
            "vocabulary" => {
                let lists = [
                    ("en", "/usr/share/dict/american-english-large"),
                    ("ru", "/usr/share/hunspell/ru_RU.dic"),
                    ("hy", "/usr/share/hunspell/hy_AM.dic"),
                ];
                let loaded = lists.map(|(lang, path)| Vocabulary::load(lang, path));
                let _ = VOCABULARY.set(loaded.into());
            }
            _ => return Err(cli::unknown(name)),
        }
        Ok(())
    });
    if let Err(code) = parsed {
        return code;
    }
    if live_update {
        for step in first_step.. {
            live::update(&out, step);
            let Some(every) = every else { break };
            std::thread::sleep(std::time::Duration::from_secs(every + step * 7 % 11));
        }
        return ExitCode::SUCCESS;
    }
    if out.exists() {
        fs::remove_dir_all(&out).expect("clear the output folder");
    }
    generate(&out, articles, full, page_size);
    println!("wrote {articles} articles per edition to {}", out.display());
    ExitCode::SUCCESS
}
