//! A finding's fix applied to the text of the template it is about: a variable renamed in its
//! every reference (`$x`, `${x}`, `$!x`, `$!{x}`, never `$xy`), a reference wrapped in
//! `$esc.url(...)` or `$esc.jsonString(...)`, a formal reference made quiet, and `pageSize=100`
//! added to a URL's query. Text the fix does not name is left as it is.

use super::Fix;

fn ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every reference to variable `from` renamed `to`.
fn rename(template: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let (prefix, body) = match after.strip_prefix('!') {
            Some(b) => ("!", b),
            None => ("", after),
        };
        let (brace, body) = match body.strip_prefix('{') {
            Some(b) => ("{", b),
            None => ("", body),
        };
        let end = body.find(|c: char| !ident_char(c)).unwrap_or(body.len());
        out.push('$');
        out.push_str(prefix);
        out.push_str(brace);
        out.push_str(if &body[..end] == from {
            to
        } else {
            &body[..end]
        });
        rest = &body[end..];
    }
    out.push_str(rest);
    out
}

/// The reference as an argument: `${input.x}` and `$!{input.x}` become `$input.x`.
fn as_argument(reference: &str) -> String {
    let bare = reference.trim_start_matches('$').trim_start_matches('!');
    let bare = bare
        .strip_prefix('{')
        .and_then(|b| b.strip_suffix('}'))
        .unwrap_or(bare);
    format!("${bare}")
}

fn quiet(reference: &str) -> String {
    match reference.strip_prefix('$') {
        Some(rest) if !rest.starts_with('!') => format!("$!{rest}"),
        _ => reference.to_owned(),
    }
}

fn with_page_size(url: &str) -> String {
    if url.contains("pageSize=") {
        return url.to_owned();
    }
    let joiner = match url.find('?') {
        None => "?",
        Some(_) if url.ends_with('?') || url.ends_with('&') => "",
        Some(_) => "&",
    };
    format!("{url}{joiner}pageSize=100")
}

/// `template` with `fix` applied.
pub fn apply(fix: &Fix, template: &str) -> String {
    match fix {
        Fix::RenameInTemplate { from, to } => rename(template, from, to),
        Fix::EscapeUrl { reference } => {
            template.replace(reference, &format!("$esc.url({})", as_argument(reference)))
        }
        Fix::EscapeJson { reference } => template.replace(
            reference,
            &format!("$esc.jsonString({})", as_argument(reference)),
        ),
        Fix::Quiet { reference } => template.replace(reference, &quiet(reference)),
        Fix::PageSize => with_page_size(template),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rename_touches_every_form_of_the_reference_and_nothing_longer() {
        let fix = Fix::RenameInTemplate {
            from: "Presences".into(),
            to: "Presence".into(),
        };
        assert_eq!(
            apply(
                &fix,
                r#"{"a": $Presences, "b": ${Presences}, "c": $!{Presences}, "d": $!Presences, "e": $PresencesX, "f": $x.Presences}"#
            ),
            r#"{"a": $Presence, "b": ${Presence}, "c": $!{Presence}, "d": $!Presence, "e": $PresencesX, "f": $x.Presences}"#
        );
        assert_eq!(
            apply(&fix, "no references, $ alone, $"),
            "no references, $ alone, $"
        );
    }

    #[test]
    fn escapes_wrap_the_reference_as_an_argument() {
        let url = Fix::EscapeUrl {
            reference: "${input.name}".into(),
        };
        assert_eq!(
            apply(&url, "/api/v2/users?name=${input.name}"),
            "/api/v2/users?name=$esc.url($input.name)"
        );
        let body = Fix::EscapeJson {
            reference: "$input.note".into(),
        };
        assert_eq!(
            apply(&body, r#"{"note": "$input.note"}"#),
            r#"{"note": "$esc.jsonString($input.note)"}"#
        );
    }

    #[test]
    fn quiet_and_page_size() {
        let q = Fix::Quiet {
            reference: "${input.x}".into(),
        };
        assert_eq!(apply(&q, "/a?x=${input.x}"), "/a?x=$!{input.x}");
        assert_eq!(apply(&q, "/a?x=$!{input.x}"), "/a?x=$!{input.x}");
        assert_eq!(
            apply(&Fix::PageSize, "/q/${input.id}/members"),
            "/q/${input.id}/members?pageSize=100"
        );
        assert_eq!(
            apply(&Fix::PageSize, "/q/m?expand=presence"),
            "/q/m?expand=presence&pageSize=100"
        );
        assert_eq!(apply(&Fix::PageSize, "/q/m?"), "/q/m?pageSize=100");
        assert_eq!(
            apply(&Fix::PageSize, "/q/m?pageSize=50"),
            "/q/m?pageSize=50"
        );
    }
}
