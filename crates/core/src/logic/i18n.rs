//! Every piece of interface text, per edition, in one typed table: a missing
//! translation is a missing struct field, so it fails to compile.

use crate::logic::edition::Edition;

pub struct Text {
    pub skip_to_content: &'static str,
    pub sections_nav: &'static str,
    pub follow_us: &'static str,
    pub app_store: &'static str,
    pub google_play: &'static str,
    pub home: &'static str,
    pub loading: &'static str,
    pub loading_more: &'static str,
    pub load_more: &'static str,
    pub end_of_feed: &'static str,
    pub retry: &'static str,
    pub top_stories: &'static str,
    pub more_in: &'static str,
    pub views: &'static str,
    pub by: &'static str,
    pub source: &'static str,
    pub updated: &'static str,
    pub tags: &'static str,
    pub related: &'static str,
    pub advertisement: &'static str,
    pub follow_telegram: &'static str,
    pub share_prompt: &'static str,
    pub open_embed: &'static str,
    pub widget_credit: &'static str,
    pub search: &'static str,
    pub search_prompt: &'static str,
    pub search_field: &'static str,
    pub search_open: &'static str,
    pub search_all: &'static str,
    pub search_more: &'static str,
    pub search_end: &'static str,
    pub search_none: &'static str,
    pub search_did_you_mean: &'static str,
    pub search_tips: &'static str,
    pub search_type: &'static str,
    pub fail_search: &'static str,
    pub result_one: &'static str,
    pub result_few: &'static str,
    pub result_many: &'static str,
    /// "N new stories" (one, few, many), offered on a list the reader is looking at.
    pub new_one: &'static str,
    pub new_few: &'static str,
    pub new_many: &'static str,
    pub embed_show: &'static str,
    pub embed_notice: &'static str,
    pub embed_player: &'static str,
    pub fail_site: &'static str,
    pub fail_front: &'static str,
    pub fail_feed: &'static str,
    pub fail_more: &'static str,
    pub fail_article: &'static str,
    pub why_offline: &'static str,
    pub why_timeout: &'static str,
    pub why_status: &'static str,
    pub why_decode: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,
    pub night_theme: &'static str,
    pub edition: &'static str,
    pub text_size: &'static str,
    pub text_larger: &'static str,
    pub text_smaller: &'static str,
    pub text_largest: &'static str,
    pub text_smallest: &'static str,
    pub share: &'static str,
    pub share_on: &'static str,
    pub print: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_by_hand: &'static str,
    pub close: &'static str,
    pub crashed: &'static str,
    pub reload: &'static str,
    pub live: &'static str,
    /// A live story's marker, and once the newsroom stopped posting.
    pub live_ended: &'static str,
    pub key_events: &'static str,
    pub all_key_events: &'static str,
    pub pinned_post: &'static str,
    pub posts_heading: &'static str,
    pub older_posts: &'static str,
    pub fail_posts: &'static str,
    pub fail_updates: &'static str,
    /// "3 new updates" (one, few, many): posts that arrived on a live story.
    pub update_one: &'static str,
    pub update_few: &'static str,
    pub update_many: &'static str,
    /// A post's time while fresh: "just now", "3 min ago", "2 h ago".
    pub just_now: &'static str,
    pub minutes_ago: &'static str,
    pub hours_ago: &'static str,
}

pub const EN: Text = Text {
    skip_to_content: "Skip to content",
    sections_nav: "Sections",
    follow_us: "Follow us",
    app_store: "Download on the App Store",
    google_play: "Get it on Google Play",
    home: "Front page",
    loading: "Loading…",
    loading_more: "Loading more stories…",
    load_more: "Load more stories",
    end_of_feed: "You have seen every story in this section.",
    retry: "Retry",
    top_stories: "Top stories",
    more_in: "More in",
    views: "Views",
    by: "By",
    source: "Source",
    updated: "Updated",
    tags: "Tags",
    related: "Related stories",
    advertisement: "Advertisement",
    follow_telegram: "Follow us on Telegram",
    share_prompt: "Liked the story? Share it on social media!",
    open_embed: "Open on",
    widget_credit: "From",
    search: "Search",
    search_prompt: "What are you looking for?",
    search_field: "Search the site",
    search_open: "Open search",
    search_all: "Show all results",
    search_more: "More results",
    search_end: "No more results.",
    search_none: "No stories match",
    search_did_you_mean: "Did you mean",
    search_tips: "Check the spelling, or try fewer or more general words.",
    search_type: "Type at least one word to search.",
    fail_search: "Search could not be loaded.",
    result_one: "result",
    result_few: "results",
    result_many: "results",
    new_one: "new story",
    new_few: "new stories",
    new_many: "new stories",
    embed_show: "Show the post",
    embed_notice: "It loads from the provider's site, which may set cookies.",
    embed_player: "Embedded post",
    fail_site: "The list of sections could not be loaded.",
    fail_front: "The front page could not be loaded.",
    fail_feed: "This section could not be loaded.",
    fail_more: "More stories could not be loaded.",
    fail_article: "This story could not be loaded.",
    why_offline: "The newsroom could not be reached. Check your connection.",
    why_timeout: "The newsroom took too long to answer.",
    why_status: "The newsroom answered with error",
    why_decode: "The newsroom sent data this page cannot read.",
    not_found_title: "Page not found",
    not_found_text: "There is no page at this address. It may have moved, or the link may be mistyped.",
    back_home: "Go to the front page",
    night_theme: "Night theme",
    edition: "Edition",
    text_size: "Text size",
    text_larger: "Larger text",
    text_smaller: "Smaller text",
    text_largest: "Text is at its largest",
    text_smallest: "Text is at its smallest",
    share: "Share",
    share_on: "Share on",
    print: "Print",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_by_hand: "Copy this link:",
    close: "Close",
    crashed: "Something went wrong and this page stopped working.",
    reload: "Reload the page",
    live: "Live",
    live_ended: "Ended",
    key_events: "Key events",
    all_key_events: "All key events",
    pinned_post: "Pinned",
    posts_heading: "Latest updates",
    older_posts: "Older updates",
    fail_posts: "The updates could not be loaded.",
    fail_updates: "New updates could not be checked for. What is shown stays.",
    update_one: "new update",
    update_few: "new updates",
    update_many: "new updates",
    just_now: "just now",
    minutes_ago: "min ago",
    hours_ago: "h ago",
};

pub const RU: Text = Text {
    skip_to_content: "Перейти к содержанию",
    sections_nav: "Разделы",
    follow_us: "Мы в соцсетях",
    app_store: "Загрузить в App Store",
    google_play: "Доступно в Google Play",
    home: "Главная",
    loading: "Загрузка…",
    loading_more: "Загружаем ещё новости…",
    load_more: "Показать ещё",
    end_of_feed: "Вы просмотрели все материалы раздела.",
    retry: "Повторить",
    top_stories: "Главное",
    more_in: "Ещё в разделе",
    views: "Просмотры",
    by: "Автор:",
    source: "Источник",
    updated: "Обновлено",
    tags: "Теги",
    related: "Читайте также",
    advertisement: "Реклама",
    follow_telegram: "Подписывайтесь на нас в Telegram",
    share_prompt: "Понравилась статья? Поделитесь ею в соцсетях!",
    open_embed: "Открыть в",
    widget_credit: "Источник:",
    search: "Поиск",
    search_prompt: "Что вы ищете?",
    search_field: "Поиск по сайту",
    search_open: "Открыть поиск",
    search_all: "Показать все результаты",
    search_more: "Ещё результаты",
    search_end: "Больше результатов нет.",
    search_none: "Ничего не найдено по запросу",
    search_did_you_mean: "Возможно, вы имели в виду",
    search_tips: "Проверьте написание или попробуйте меньше слов или более общие слова.",
    search_type: "Введите хотя бы одно слово.",
    fail_search: "Не удалось загрузить поиск.",
    result_one: "результат",
    result_few: "результата",
    result_many: "результатов",
    new_one: "новая новость",
    new_few: "новые новости",
    new_many: "новых новостей",
    embed_show: "Показать публикацию",
    embed_notice: "Она загрузится с сайта сервиса, который может сохранить cookie.",
    embed_player: "Встроенная публикация",
    fail_site: "Не удалось загрузить список разделов.",
    fail_front: "Не удалось загрузить главную страницу.",
    fail_feed: "Не удалось загрузить раздел.",
    fail_more: "Не удалось загрузить ещё новости.",
    fail_article: "Не удалось загрузить материал.",
    why_offline: "Нет связи с редакцией. Проверьте подключение.",
    why_timeout: "Редакция слишком долго не отвечает.",
    why_status: "Редакция ответила ошибкой",
    why_decode: "Редакция прислала данные, которые страница не может прочитать.",
    not_found_title: "Страница не найдена",
    not_found_text: "По этому адресу ничего нет. Возможно, страница переехала или в ссылке опечатка.",
    back_home: "На главную",
    night_theme: "Ночная тема",
    edition: "Версия сайта",
    text_size: "Размер текста",
    text_larger: "Крупнее текст",
    text_smaller: "Мельче текст",
    text_largest: "Текст уже самый крупный",
    text_smallest: "Текст уже самый мелкий",
    share: "Поделиться",
    share_on: "Поделиться в",
    print: "Печать",
    copy_link: "Копировать ссылку",
    link_copied: "Ссылка скопирована",
    copy_by_hand: "Скопируйте ссылку:",
    close: "Закрыть",
    crashed: "Что-то пошло не так, и страница перестала работать.",
    reload: "Перезагрузить страницу",
    live: "Онлайн",
    live_ended: "Завершено",
    key_events: "Главные события",
    all_key_events: "Все главные события",
    pinned_post: "Закреплено",
    posts_heading: "Последние обновления",
    older_posts: "Более ранние обновления",
    fail_posts: "Не удалось загрузить обновления.",
    fail_updates: "Не удалось проверить новые обновления. Показанное останется на месте.",
    update_one: "новое обновление",
    update_few: "новых обновления",
    update_many: "новых обновлений",
    just_now: "только что",
    minutes_ago: "мин назад",
    hours_ago: "ч назад",
};

pub const HY: Text = Text {
    skip_to_content: "Անցնել բովանդակությանը",
    sections_nav: "Բաժիններ",
    follow_us: "Հետևեք մեզ",
    app_store: "Ներբեռնել App Store-ից",
    google_play: "Ներբեռնել Google Play-ից",
    home: "Գլխավոր",
    loading: "Բեռնվում է…",
    loading_more: "Բեռնվում են նոր նյութեր…",
    load_more: "Ցույց տալ ավելին",
    end_of_feed: "Դուք տեսել եք այս բաժնի բոլոր նյութերը։",
    retry: "Կրկնել",
    top_stories: "Գլխավոր նյութեր",
    more_in: "Ավելին բաժնում՝",
    views: "Դիտումներ",
    by: "Հեղինակ՝",
    source: "Աղբյուր",
    updated: "Թարմացվել է",
    tags: "Պիտակներ",
    related: "Կարդացեք նաև",
    advertisement: "Գովազդ",
    follow_telegram: "Հետևեք մեզ Telegram-ում",
    share_prompt: "Հավանեցի՞ք նյութը։ Կիսվեք սոցիալական ցանցերում։",
    open_embed: "Բացել",
    widget_credit: "Աղբյուրը՝",
    search: "Որոնում",
    search_prompt: "Ի՞նչ եք փնտրում",
    search_field: "Որոնել կայքում",
    search_open: "Բացել որոնումը",
    search_all: "Ցույց տալ բոլոր արդյունքները",
    search_more: "Այլ արդյունքներ",
    search_end: "Այլ արդյունքներ չկան։",
    search_none: "Որոնմանը համապատասխանող նյութ չկա՝",
    search_did_you_mean: "Գուցե նկատի ունեիք",
    search_tips: "Ստուգեք ուղղագրությունը կամ փորձեք ավելի քիչ կամ ավելի ընդհանուր բառեր։",
    search_type: "Մուտքագրեք գոնե մեկ բառ։",
    fail_search: "Չհաջողվեց բեռնել որոնումը։",
    result_one: "արդյունք",
    result_few: "արդյունք",
    result_many: "արդյունք",
    new_one: "նոր նյութ",
    new_few: "նոր նյութ",
    new_many: "նոր նյութ",
    embed_show: "Ցույց տալ հրապարակումը",
    embed_notice: "Այն կբեռնվի ծառայության կայքից, որը կարող է պահել cookie-ներ։",
    embed_player: "Ներդրված հրապարակում",
    fail_site: "Չհաջողվեց բեռնել բաժինների ցանկը։",
    fail_front: "Չհաջողվեց բեռնել գլխավոր էջը։",
    fail_feed: "Չհաջողվեց բեռնել բաժինը։",
    fail_more: "Չհաջողվեց բեռնել նոր նյութեր։",
    fail_article: "Չհաջողվեց բեռնել նյութը։",
    why_offline: "Խմբագրության հետ կապ չկա։ Ստուգեք ձեր կապը։",
    why_timeout: "Խմբագրությունը չափազանց երկար չի պատասխանում։",
    why_status: "Խմբագրությունը պատասխանեց սխալով",
    why_decode: "Խմբագրությունն ուղարկել է տվյալներ, որոնք էջը չի կարող կարդալ։",
    not_found_title: "Էջը չի գտնվել",
    not_found_text: "Այս հասցեում էջ չկա։ Հնարավոր է՝ այն տեղափոխվել է, կամ հղման մեջ սխալ կա։",
    back_home: "Գլխավոր էջ",
    night_theme: "Գիշերային ռեժիմ",
    edition: "Տարբերակ",
    text_size: "Տառաչափ",
    text_larger: "Մեծացնել տառերը",
    text_smaller: "Փոքրացնել տառերը",
    text_largest: "Տառերն արդեն ամենամեծն են",
    text_smallest: "Տառերն արդեն ամենափոքրն են",
    share: "Կիսվել",
    share_on: "Կիսվել",
    print: "Տպել",
    copy_link: "Պատճենել հղումը",
    link_copied: "Հղումը պատճենված է",
    copy_by_hand: "Պատճենեք այս հղումը՝",
    close: "Փակել",
    crashed: "Ինչ-որ բան այն չէ, և էջը դադարեց աշխատել։",
    reload: "Վերաբեռնել էջը",
    live: "Ուղիղ",
    live_ended: "Ավարտված",
    key_events: "Հիմնական իրադարձություններ",
    all_key_events: "Բոլոր հիմնական իրադարձությունները",
    pinned_post: "Ամրացված",
    posts_heading: "Վերջին թարմացումները",
    older_posts: "Ավելի վաղ թարմացումներ",
    fail_posts: "Չհաջողվեց բեռնել թարմացումները։",
    fail_updates: "Չհաջողվեց ստուգել նոր թարմացումները։ Ցուցադրվածը կմնա։",
    update_one: "նոր թարմացում",
    update_few: "նոր թարմացում",
    update_many: "նոր թարմացում",
    just_now: "հենց նոր",
    minutes_ago: "րոպե առաջ",
    hours_ago: "ժամ առաջ",
};

pub fn text(edition: Edition) -> &'static Text {
    match edition {
        Edition::En => &EN,
        Edition::Ru => &RU,
        Edition::Hy => &HY,
    }
}

/// "12 results" in the edition's language (Russian has three plural forms).
/// `n` with the word in the edition's plural form for `n`: (one, few, many).
fn counted(edition: Edition, n: usize, [one, few, many]: [&str; 3]) -> String {
    let form = match edition {
        Edition::Ru => match (n % 10, n % 100) {
            (1, r) if r != 11 => one,
            (2..=4, r) if !(12..=14).contains(&r) => few,
            _ => many,
        },
        _ if n == 1 => one,
        _ => many,
    };
    format!("{n} {form}")
}

pub fn results(edition: Edition, n: usize) -> String {
    let t = text(edition);
    counted(edition, n, [t.result_one, t.result_few, t.result_many])
}

/// "3 new updates", for posts that arrived on a live story.
pub fn new_updates(edition: Edition, n: usize) -> String {
    let t = text(edition);
    counted(edition, n, [t.update_one, t.update_few, t.update_many])
}

/// How long ago a post was published, while that reads better than the clock: under a
/// minute, in minutes under an hour, in hours under twelve; `None` after (or for a time
/// ahead of the reader's clock by more than a minute, which a wrong clock gives).
pub fn ago(edition: Edition, seconds: i64) -> Option<String> {
    let t = text(edition);
    match seconds {
        -60..60 => Some(t.just_now.to_string()),
        60..3600 => Some(format!("{} {}", seconds / 60, t.minutes_ago)),
        3600..43200 => Some(format!("{} {}", seconds / 3600, t.hours_ago)),
        _ => None,
    }
}

/// "3 new stories", for the control that shows them.
pub fn new_stories(edition: Edition, n: usize) -> String {
    let t = text(edition);
    counted(edition, n, [t.new_one, t.new_few, t.new_many])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of a table. Destructured without `..`, so a new field that is not
    /// listed here fails to compile.
    fn all(t: &Text) -> Vec<&'static str> {
        let Text {
            skip_to_content,
            sections_nav,
            follow_us,
            app_store,
            google_play,
            home,
            loading,
            loading_more,
            load_more,
            end_of_feed,
            retry,
            top_stories,
            more_in,
            views,
            by,
            source,
            updated,
            tags,
            related,
            advertisement,
            follow_telegram,
            share_prompt,
            open_embed,
            widget_credit,
            search,
            search_prompt,
            search_field,
            search_open,
            search_all,
            search_more,
            search_end,
            search_none,
            search_did_you_mean,
            search_tips,
            search_type,
            fail_search,
            result_one,
            result_few,
            result_many,
            new_one,
            new_few,
            new_many,
            embed_show,
            embed_notice,
            embed_player,
            fail_site,
            fail_front,
            fail_feed,
            fail_more,
            fail_article,
            why_offline,
            why_timeout,
            why_status,
            why_decode,
            not_found_title,
            not_found_text,
            back_home,
            night_theme,
            edition,
            text_size,
            text_larger,
            text_smaller,
            text_largest,
            text_smallest,
            share,
            share_on,
            print,
            copy_link,
            link_copied,
            copy_by_hand,
            close,
            crashed,
            reload,
            live,
            live_ended,
            key_events,
            all_key_events,
            pinned_post,
            posts_heading,
            older_posts,
            fail_posts,
            fail_updates,
            update_one,
            update_few,
            update_many,
            just_now,
            minutes_ago,
            hours_ago,
        } = *t;
        vec![
            skip_to_content,
            sections_nav,
            follow_us,
            app_store,
            google_play,
            home,
            loading,
            loading_more,
            load_more,
            end_of_feed,
            retry,
            top_stories,
            more_in,
            views,
            by,
            source,
            updated,
            tags,
            related,
            advertisement,
            follow_telegram,
            share_prompt,
            open_embed,
            widget_credit,
            search,
            search_prompt,
            search_field,
            search_open,
            search_all,
            search_more,
            search_end,
            search_none,
            search_did_you_mean,
            search_tips,
            search_type,
            fail_search,
            result_one,
            result_few,
            result_many,
            new_one,
            new_few,
            new_many,
            embed_show,
            embed_notice,
            embed_player,
            fail_site,
            fail_front,
            fail_feed,
            fail_more,
            fail_article,
            why_offline,
            why_timeout,
            why_status,
            why_decode,
            not_found_title,
            not_found_text,
            back_home,
            night_theme,
            edition,
            text_size,
            text_larger,
            text_smaller,
            text_largest,
            text_smallest,
            share,
            share_on,
            print,
            copy_link,
            link_copied,
            copy_by_hand,
            close,
            crashed,
            reload,
            live,
            live_ended,
            key_events,
            all_key_events,
            pinned_post,
            posts_heading,
            older_posts,
            fail_posts,
            fail_updates,
            update_one,
            update_few,
            update_many,
            just_now,
            minutes_ago,
            hours_ago,
        ]
    }

    fn script_of(s: &str) -> (bool, bool) {
        let cyrillic = s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        let armenian = s.chars().any(|c| ('\u{0531}'..='\u{058F}').contains(&c));
        (cyrillic, armenian)
    }

    #[test]
    fn every_string_is_present_and_in_its_own_script() {
        for (i, ((en, ru), hy)) in all(&EN).into_iter().zip(all(&RU)).zip(all(&HY)).enumerate() {
            assert!(
                !en.trim().is_empty() && !ru.trim().is_empty() && !hy.trim().is_empty(),
                "entry {i}"
            );
            assert_eq!(script_of(en), (false, false), "English entry {i}: {en}");
            assert!(
                script_of(ru).0,
                "Russian entry {i} is not in Cyrillic: {ru}"
            );
            assert!(
                script_of(hy).1,
                "Armenian entry {i} is not in Armenian: {hy}"
            );
        }
    }

    #[test]
    fn result_counts_agree_with_their_number() {
        assert_eq!(results(Edition::En, 1), "1 result");
        assert_eq!(results(Edition::En, 12), "12 results");
        assert_eq!(results(Edition::Ru, 1), "1 результат");
        assert_eq!(results(Edition::Ru, 3), "3 результата");
        assert_eq!(results(Edition::Ru, 11), "11 результатов");
        assert_eq!(results(Edition::Ru, 22), "22 результата");
        assert_eq!(results(Edition::Ru, 25), "25 результатов");
        assert_eq!(results(Edition::Hy, 5), "5 արդյունք");
        assert_eq!(new_stories(Edition::En, 1), "1 new story");
        assert_eq!(new_stories(Edition::Ru, 2), "2 новые новости");
        assert_eq!(new_stories(Edition::Ru, 5), "5 новых новостей");
        assert_eq!(new_stories(Edition::Ru, 21), "21 новая новость");
        assert_eq!(new_updates(Edition::En, 3), "3 new updates");
        assert_eq!(new_updates(Edition::Ru, 3), "3 новых обновления");
        assert_eq!(new_updates(Edition::Ru, 11), "11 новых обновлений");
    }

    #[test]
    fn a_fresh_post_says_how_long_ago() {
        assert_eq!(ago(Edition::En, 20).as_deref(), Some("just now"));
        assert_eq!(ago(Edition::En, -30).as_deref(), Some("just now"));
        assert_eq!(ago(Edition::En, 185).as_deref(), Some("3 min ago"));
        assert_eq!(ago(Edition::Ru, 7300).as_deref(), Some("2 ч назад"));
        assert_eq!(ago(Edition::Hy, 600).as_deref(), Some("10 րոպե առաջ"));
        assert_eq!(ago(Edition::En, 43200), None);
        assert_eq!(ago(Edition::En, -3600), None);
    }

    #[test]
    fn the_reference_pages_strings() {
        assert_eq!(EN.follow_telegram, "Follow us on Telegram");
        assert_eq!(
            EN.share_prompt,
            "Liked the story? Share it on social media!"
        );
        assert_eq!(RU.link_copied, "Ссылка скопирована");
        assert_eq!(text(Edition::Hy).views, "Դիտումներ");
    }
}
