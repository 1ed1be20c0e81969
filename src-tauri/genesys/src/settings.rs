//! The user's settings: the one model the shell persists (through tauri-plugin-store).
//! Unknown or tampered values fall back to defaults instead of failing the app.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::profile::Profile;

/// A UI language: the three languages of the workshop chapter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Language {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "es")]
    Es,
    #[serde(rename = "pt-BR")]
    PtBr,
}

impl Language {
    /// Its BCP 47 tag, as the UI's catalogues, HTML `lang` and `Accept-Language` name it.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
            Language::PtBr => "pt-BR",
        }
    }

    /// Maps an OS locale such as `es_MX.UTF-8`, `pt-BR` or `pt_PT` to the closest UI language.
    /// Every Portuguese locale gets pt-BR (the only Portuguese catalogue); anything unknown, English.
    pub fn from_locale(locale: &str) -> Language {
        let lang = locale
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match lang.as_str() {
            "es" => Language::Es,
            "pt" => Language::PtBr,
            _ => Language::En,
        }
    }
}

/// The language the user chose, or "follow the OS".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "mode", content = "language")]
#[ts(export)]
pub enum LanguagePreference {
    #[default]
    System,
    Fixed(Language),
}

impl LanguagePreference {
    pub fn resolve(self, os_locale: Option<&str>) -> Language {
        match self {
            LanguagePreference::Fixed(language) => language,
            LanguagePreference::System => os_locale.map_or(Language::En, Language::from_locale),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Everything the user can set on the Settings screen.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Settings {
    pub language: LanguagePreference,
    pub theme: Theme,
    /// Saved sign-in profiles, most recently used first.
    pub profiles: Vec<Profile>,
    /// The first profile was signed out: the next start stays signed out instead of restoring
    /// its session silently, even if its token could not be revoked or deleted. Signing in
    /// again clears it. Only Rust reads it, so the window's type leaves it out.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[ts(skip)]
    pub signed_out: bool,
}

/// What the window may change: how the app looks and which language it speaks. Saved
/// profiles are not in it: only Rust writes them (at sign-in and sign-out), so a window that
/// sends back what it loaded at start cannot undo a sign-in made since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Preferences {
    pub language: LanguagePreference,
    pub theme: Theme,
}

impl Settings {
    /// Takes the window's language and theme, keeping everything else.
    pub fn apply(&mut self, preferences: Preferences) {
        self.language = preferences.language;
        self.theme = preferences.theme;
    }

    /// Puts `profile` first (most recently used), replacing a saved one with the same key.
    pub fn remember(&mut self, profile: Profile) {
        self.profiles.retain(|p| p.key() != profile.key());
        self.profiles.insert(0, profile);
        self.signed_out = false;
    }

    /// The profile whose session is restored silently at start: the most recent one, unless
    /// it was signed out.
    pub fn restorable(&self) -> Option<&Profile> {
        self.profiles.first().filter(|_| !self.signed_out)
    }

    /// Reads settings from what the store holds. A missing, corrupted or tampered value
    /// yields the defaults and says so, so the caller can warn the user (security-matrix.md D4).
    pub fn from_stored(value: Option<serde_json::Value>) -> (Settings, bool) {
        match value {
            None => (Settings::default(), false),
            Some(v) => match serde_json::from_value::<Settings>(v) {
                Ok(mut settings) => {
                    // A profile naming an unknown region (a tampered store, security-matrix.md B6) is
                    // dropped: the user is asked for the region again.
                    let before = settings.profiles.len();
                    settings.profiles.retain(|p| p.target.region().is_ok());
                    let dropped = settings.profiles.len() != before;
                    (settings, dropped)
                }
                Err(_) => (Settings::default(), true),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn os_locales_map_to_the_three_catalogues() {
        for (locale, want) in [
            ("es_ES.UTF-8", Language::Es),
            ("es-419", Language::Es),
            ("pt_BR.UTF-8", Language::PtBr),
            ("pt-PT", Language::PtBr),
            ("en_GB", Language::En),
            ("de_DE.UTF-8", Language::En),
            ("C", Language::En),
            ("", Language::En),
        ] {
            assert_eq!(Language::from_locale(locale), want, "locale {locale:?}");
        }
        assert_eq!(LanguagePreference::System.resolve(None), Language::En);
        assert_eq!(
            LanguagePreference::Fixed(Language::Es).resolve(Some("pt_BR")),
            Language::Es,
            "a fixed choice wins over the OS"
        );
    }

    #[test]
    fn settings_round_trip_in_the_wire_shape_the_ui_expects() {
        let s = Settings {
            language: LanguagePreference::Fixed(Language::PtBr),
            theme: Theme::Dark,
            profiles: vec![],
            signed_out: false,
        };
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(
            v,
            json!({"language": {"mode": "fixed", "language": "pt-BR"}, "theme": "dark", "profiles": []})
        );
        assert_eq!(Settings::from_stored(Some(v)), (s, false));
    }

    #[test]
    fn tampered_or_corrupt_settings_fall_back_to_defaults_with_a_warning() {
        let bad = json!({"language": {"mode": "fixed", "language": "klingon"}});
        assert_eq!(
            Settings::from_stored(Some(bad)),
            (Settings::default(), true)
        );
        assert_eq!(
            Settings::from_stored(Some(json!(0))),
            (Settings::default(), true)
        );
        assert_eq!(Settings::from_stored(None), (Settings::default(), false));
        let partial = json!({"theme": "light"});
        assert_eq!(Settings::from_stored(Some(partial)).0.theme, Theme::Light);
    }

    #[test]
    fn a_profile_with_a_tampered_region_is_dropped_with_a_warning() {
        let stored = json!({"profiles": [
            {"target": {"kind": "region", "code": "evil.example"}, "method": "pkce", "clientId": "1b9e2c4a-0d5f-4f0e-8a66-3c1d2e4f5a01"},
            {"target": {"kind": "sandbox"}, "method": "pkce", "clientId": ""}
        ]});
        let (settings, warned) = Settings::from_stored(Some(stored));
        assert!(warned);
        assert_eq!(settings.profiles.len(), 1);
        assert_eq!(settings.profiles[0].target, crate::OrgTarget::Sandbox);
    }

    #[test]
    fn remembering_a_profile_puts_it_first_once() {
        use crate::{OrgTarget, Profile, SignInMethod};
        let mut s = Settings::default();
        let sandbox = Profile::new(OrgTarget::Sandbox, SignInMethod::Pkce, "").unwrap();
        let ie = Profile::new(
            OrgTarget::Region {
                code: "eu-west-1".into(),
            },
            SignInMethod::Pkce,
            "1b9e2c4a-0d5f-4f0e-8a66-3c1d2e4f5a01",
        )
        .unwrap();
        s.remember(sandbox.clone());
        s.remember(ie.clone());
        s.remember(sandbox.clone());
        assert_eq!(s.profiles, vec![sandbox, ie]);
    }
}
