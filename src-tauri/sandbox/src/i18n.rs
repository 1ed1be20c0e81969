//! The Sandbox's words in en, es and pt-BR: the sign-in page's (catalogues in `i18n/*.json`,
//! same keys in each) and the scope descriptions in es and pt-BR (`i18n/scopes/*.json`, keyed
//! by scope id; English is the seed's), and picking the language from a `lang` parameter or
//! `Accept-Language`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
    PtBr,
}

impl Lang {
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::PtBr => "pt-BR",
        }
    }

    fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            "pt" => Some(Lang::PtBr),
            _ => None,
        }
    }

    /// `lang` wins; otherwise the first supported tag of `Accept-Language` by quality; else en.
    pub fn pick(lang: Option<&str>, accept_language: Option<&str>) -> Lang {
        if let Some(lang) = lang.and_then(Lang::from_tag) {
            return lang;
        }
        let mut ranked: Vec<(f32, usize, Lang)> = accept_language
            .unwrap_or("")
            .split(',')
            .enumerate()
            .filter_map(|(i, item)| {
                let mut parts = item.split(';');
                let lang = Lang::from_tag(parts.next()?)?;
                let q = parts
                    .find_map(|p| {
                        p.trim()
                            .strip_prefix("q=")
                            .and_then(|q| q.parse::<f32>().ok())
                    })
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, i, lang))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.first().map_or(Lang::En, |r| r.2)
    }
}

type Catalogue = BTreeMap<String, String>;

fn parse(text: &str) -> Catalogue {
    serde_json::from_str(text).unwrap_or_default()
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    static EN: OnceLock<Catalogue> = OnceLock::new();
    static ES: OnceLock<Catalogue> = OnceLock::new();
    static PT_BR: OnceLock<Catalogue> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| parse(include_str!("i18n/en.json"))),
        Lang::Es => ES.get_or_init(|| parse(include_str!("i18n/es.json"))),
        Lang::PtBr => PT_BR.get_or_init(|| parse(include_str!("i18n/pt-BR.json"))),
    }
}

/// The text for `key`, falling back to English, then to the key itself.
pub fn text(lang: Lang, key: &str) -> String {
    catalogue(lang)
        .get(key)
        .or_else(|| catalogue(Lang::En).get(key))
        .cloned()
        .unwrap_or_else(|| key.to_owned())
}

/// A scope's description in `lang`, where the Sandbox has one; `None` for English (the seed's
/// text is English) and for a scope without one.
pub fn scope_description(lang: Lang, scope_id: &str) -> Option<&'static str> {
    static ES: OnceLock<Catalogue> = OnceLock::new();
    static PT_BR: OnceLock<Catalogue> = OnceLock::new();
    let catalogue = match lang {
        Lang::En => return None,
        Lang::Es => ES.get_or_init(|| parse(include_str!("i18n/scopes/es.json"))),
        Lang::PtBr => PT_BR.get_or_init(|| parse(include_str!("i18n/scopes/pt-BR.json"))),
    };
    catalogue.get(scope_id).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seeded_scope_is_described_in_es_and_pt_br() {
        let seed: serde_json::Value =
            serde_json::from_str(include_str!("seed.json")).expect("the seed parses");
        let ids: Vec<&str> = seed["scopes"]
            .as_array()
            .expect("the seed lists scopes")
            .iter()
            .filter_map(|s| s["id"].as_str())
            .collect();
        assert!(!ids.is_empty(), "the seed has scopes to describe");
        for lang in [Lang::Es, Lang::PtBr] {
            for id in &ids {
                assert!(
                    scope_description(lang, id).is_some(),
                    "{id} has no {} description",
                    lang.tag()
                );
            }
        }
        assert_eq!(
            scope_description(Lang::En, "oauth"),
            None,
            "English is the seed's"
        );
    }

    #[test]
    fn catalogues_parse_and_share_keys() {
        let en: Vec<&String> = catalogue(Lang::En).keys().collect();
        assert!(!en.is_empty(), "en.json must parse");
        for lang in [Lang::Es, Lang::PtBr] {
            let keys: Vec<&String> = catalogue(lang).keys().collect();
            assert_eq!(keys, en, "{} must have exactly the keys of en", lang.tag());
        }
    }

    #[test]
    fn picks_language() {
        assert_eq!(Lang::pick(Some("es"), Some("pt-BR")), Lang::Es);
        assert_eq!(
            Lang::pick(None, Some("fr-FR, pt-BR;q=0.8, en;q=0.5")),
            Lang::PtBr
        );
        assert_eq!(Lang::pick(None, Some("en;q=0.4, es;q=0.9")), Lang::Es);
        assert_eq!(Lang::pick(None, Some("de")), Lang::En);
        assert_eq!(Lang::pick(Some("xx"), None), Lang::En);
    }
}
