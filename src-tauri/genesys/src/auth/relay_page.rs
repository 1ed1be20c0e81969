//! The legacy Implicit relay page: the loopback page that reads the token from the URL
//! fragment, hands it to the listener, and then shows what happened, styled like every other
//! listener page (see `page.rs`) and allowed to run exactly one hashed script.

use crate::settings::Language;

use super::page::{document, escape, text, Page};

/// The Implicit relay: hand the fragment to the listener in a POST body, wipe it from the
/// address bar and history, and show the listener's plain-text answer, whose first line is
/// its headline and the rest its message. An answer without a message (a bare refusal) or
/// no answer at all shows the page's own "did not reach Dip Studio" texts.
pub const RELAY_SCRIPT: &str = "var s=document.getElementById(\"relay\"),\
h=document.getElementById(\"h\"),m=document.getElementById(\"m\");\
function show(a,b){h.textContent=a;m.textContent=b}\
var f=location.hash.slice(1);history.replaceState(null,\"\",location.pathname);\
fetch(\"/relay\",{method:\"POST\",body:f,cache:\"no-store\",credentials:\"omit\",\
headers:{\"Content-Type\":\"text/plain;charset=UTF-8\"}})\
.then(function(r){return r.text()})\
.then(function(t){var l=t.split(\"\\n\");if(l.length<2)throw t;show(l.shift(),l.join(\"\\n\"))})\
.catch(function(){show(s.getAttribute(\"data-failed-heading\"),s.getAttribute(\"data-failed\"))});";

/// The relay page: a live status region (headline and message, which the script replaces with
/// the outcome) and, for a browser without JavaScript, its own headline and message instead
/// (the style hides the status region there).
pub(crate) fn relay(language: Language) -> Page {
    let t = |key| escape(&text(language, key));
    let main = format!(
        "<div id=\"relay\" role=\"status\" data-failed-heading=\"{}\" data-failed=\"{}\">\
<h1 id=\"h\">{}</h1><p id=\"m\">{}</p></div>\
<noscript><h1>{}</h1><p>{}</p></noscript>",
        t("relay_failed_heading"),
        t("relay_failed"),
        t("relay_heading"),
        t("relay_working"),
        t("relay_noscript_heading"),
        t("relay_noscript"),
    );
    document(200, language, &main, Some(RELAY_SCRIPT))
}

/// The plain-text answer to the relay POST; the page shows it with `textContent`.
pub(crate) fn relay_answer(status: u16, text: String) -> Page {
    Page::plain(status, text)
}

#[cfg(test)]
mod tests {
    use super::super::page::{bad_request, csp_hash, denied, failed, not_found, signed_in};
    use super::*;

    const LANGUAGES: [Language; 3] = [Language::En, Language::Es, Language::PtBr];
    const RELAY_KEYS: [&str; 6] = [
        "relay_heading",
        "relay_working",
        "relay_failed_heading",
        "relay_failed",
        "relay_noscript_heading",
        "relay_noscript",
    ];

    #[test]
    fn the_relay_page_shows_a_headline_and_message_for_relaying_and_for_no_javascript() {
        for language in LANGUAGES {
            let page = relay(language);
            let t = |key| escape(&text(language, key));
            let body = &page.body;
            assert!(body.contains(&format!("<html lang=\"{}\">", language.tag())));
            let status = format!(
                "<div id=\"relay\" role=\"status\" data-failed-heading=\"{}\" data-failed=\"{}\">\
<h1 id=\"h\">{}</h1><p id=\"m\">{}</p></div>",
                t("relay_failed_heading"),
                t("relay_failed"),
                t("relay_heading"),
                t("relay_working")
            );
            assert!(body.contains(&status), "{language:?}: {body}");
            let noscript = format!(
                "<noscript><h1>{}</h1><p>{}</p></noscript>",
                t("relay_noscript_heading"),
                t("relay_noscript")
            );
            assert!(body.contains(&noscript), "{language:?}: {body}");
            // The page is laid out and coloured by the one style every listener page uses.
            let style = |p: &Page| {
                let after = p.body.split("<style>").nth(1).unwrap_or_default();
                after
                    .split("</style>")
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            };
            let signed_in = signed_in(language, "o", "u");
            assert!(style(&page).contains("prefers-color-scheme:dark"));
            assert_eq!(style(&page), style(&signed_in));
            let style_src = |p: &Page| p.csp.split("style-src ").nth(1).map(str::to_owned);
            assert_eq!(style_src(&page), style_src(&signed_in));
        }
    }

    #[test]
    fn the_relay_texts_are_translated_and_differ_from_each_other() {
        for key in RELAY_KEYS {
            let en = text(Language::En, key);
            assert_ne!(en, key, "{key} is in en.json");
            for language in [Language::Es, Language::PtBr] {
                let translated = text(language, key);
                assert_ne!(translated, en, "{key} is translated for {language:?}");
            }
        }
        for language in LANGUAGES {
            let heading = text(language, "relay_heading");
            assert_ne!(heading, text(language, "relay_failed_heading"));
            assert_ne!(heading, text(language, "signed_in_heading"));
            assert_ne!(
                heading,
                text(language, "page_title"),
                "the headline is no title"
            );
        }
    }

    #[test]
    fn the_script_uses_only_what_the_page_carries() {
        let page = relay(Language::En);
        for id in ["relay", "h", "m"] {
            assert!(RELAY_SCRIPT.contains(&format!("getElementById(\"{id}\")")));
            assert!(page.body.contains(&format!(" id=\"{id}\"")), "#{id}");
        }
        for attribute in ["data-failed-heading", "data-failed"] {
            assert!(RELAY_SCRIPT.contains(&format!("getAttribute(\"{attribute}\")")));
            assert!(
                page.body.contains(&format!(" {attribute}=\"")),
                "{attribute}"
            );
        }
    }

    /// The script shows the first line of the answer as the headline: every page the relay
    /// can be answered with must put its headline first and have a message after it.
    #[test]
    fn every_relay_answer_starts_with_its_headline_and_has_a_message() {
        for language in LANGUAGES {
            let pages = [
                (signed_in(language, "Org", "Ana"), "signed_in_heading"),
                (denied(language, Some("no")), "denied_heading"),
                (failed(language, None), "failed_heading"),
                (bad_request(language), "bad_request_heading"),
                (not_found(language), "not_found_heading"),
            ];
            for (page, heading) in pages {
                let answer = relay_answer(page.status, page.text()).body;
                let mut lines = answer.lines();
                assert_eq!(lines.next(), Some(text(language, heading).as_str()));
                assert!(lines.next().is_some_and(|l| !l.is_empty()), "{answer}");
                assert!(!answer.contains('<'), "{answer}");
            }
        }
    }

    #[test]
    fn the_relay_csp_allows_exactly_the_relay_script() {
        let page = relay(Language::En);
        assert!(page
            .body
            .contains(&format!("<script>{RELAY_SCRIPT}</script>")));
        assert_eq!(page.body.matches("<script").count(), 1, "one script only");
        assert!(page.csp.contains(&csp_hash(RELAY_SCRIPT)));
        assert!(!page.csp.contains("unsafe-inline"), "{}", page.csp);
        assert!(failed(Language::En, None).csp.contains("script-src 'none'"));
        assert!(relay_answer(200, "a\nb".into())
            .csp
            .contains("script-src 'none'"));
    }
}
