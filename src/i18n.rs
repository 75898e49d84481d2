//! Every piece of interface text, per edition, in one typed table: a missing
//! translation is a missing struct field, so it fails to compile.

use crate::edition::Edition;

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
    pub crashed: &'static str,
    pub reload: &'static str,
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
    crashed: "Something went wrong and this page stopped working.",
    reload: "Reload the page",
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
    crashed: "Что-то пошло не так, и страница перестала работать.",
    reload: "Перезагрузить страницу",
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
    crashed: "Ինչ-որ բան այն չէ, և էջը դադարեց աշխատել։",
    reload: "Վերաբեռնել էջը",
};

pub fn text(edition: Edition) -> &'static Text {
    match edition {
        Edition::En => &EN,
        Edition::Ru => &RU,
        Edition::Hy => &HY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_have_their_own_script() {
        assert!(
            text(Edition::Ru)
                .retry
                .chars()
                .all(|c| ('а'..='я').contains(&c) || ('А'..='Я').contains(&c))
        );
        assert!(
            text(Edition::Hy)
                .retry
                .chars()
                .all(|c| ('\u{0531}'..='\u{058F}').contains(&c))
        );
        assert_eq!(text(Edition::En).follow_telegram, "Follow us on Telegram");
    }
}
