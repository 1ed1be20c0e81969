//! Property tests of every form validator (security-matrix.md B8): arbitrary input never panics, and
//! accept/reject agrees with a model built from how each input was generated.

use proptest::prelude::*;

use super::*;
use crate::models::ALL_DIVISIONS;

fn field_of(e: &Error) -> &'static str {
    match e {
        Error::InvalidInput { field, .. } => field,
        other => panic!("validators only return InvalidInput, got {other:?}"),
    }
}

/// A name from parts: surrounding spaces, a body of plain letters, maybe one bad character.
fn name_parts() -> impl Strategy<Value = (String, usize, Option<char>, String)> {
    let bad = prop_oneof![
        Just('\u{0}'),
        Just('\u{7}'),
        Just('\n'),
        Just('\u{7f}'),
        Just('\u{85}'),
        Just('\u{200B}'),
        Just('\u{200D}'),
        Just('\u{202E}'),
        Just('\u{2066}'),
        Just('\u{FEFF}'),
    ];
    (" {0,3}", 0usize..300, proptest::option::of(bad), " {0,3}")
        .prop_map(|(a, n, bad, b)| (a, n, bad, b))
}

proptest! {
    #[test]
    fn names_never_panic(text in any::<String>()) {
        let _ = client_name(&text);
        let _ = description(&text);
    }

    #[test]
    fn names_agree_with_the_model((lead, len, bad, trail) in name_parts(), letter in "[a-zA-Zéü漢]") {
        let body: String = letter.repeat(len);
        let text = match bad {
            Some(c) if len > 0 => format!("{lead}{}{c}{}{trail}", &body[..letter.len()], &body[letter.len()..]),
            Some(c) => format!("{lead}{c}{trail}"),
            None => format!("{lead}{body}{trail}"),
        };
        // Model: a bad character between two letters (len >= 2) is refused; at an edge (no
        // letter, or after the only one) whitespace such as '\n' or '\u{85}' is trimmed away
        // and anything else refused; otherwise 1..=256 letters are required.
        let inner_bad = bad.is_some_and(|c| len > 1 || !c.is_whitespace());
        let letters = len + usize::from(bad.is_some());
        let expect_ok = !inner_bad && (1..=256).contains(&if bad.is_some() { letters - 1 } else { letters });
        let got = client_name(&text);
        prop_assert_eq!(got.is_ok(), expect_ok, "{:?} -> {:?}", text, got);
        if let Ok(name) = got { prop_assert_eq!(name, body); }
        else { prop_assert_eq!(field_of(&got.unwrap_err()), "name"); }
    }

    #[test]
    fn token_durations_agree_with_the_model(n in -1_000_000i64..10_000_000_000i64, form in 0u8..6) {
        let text = match form {
            0 => n.to_string(),
            1 => format!(" {n} "),
            2 => format!("{n}.0"),
            3 => format!("+{n}"),
            4 => format!("{n}s"),
            _ => format!("{n}e0"),
        };
        let expect_ok = form <= 1 && (300..=172_800).contains(&n);
        let got = token_duration(&text);
        prop_assert_eq!(got.is_ok(), expect_ok, "{:?} -> {:?}", text, got);
        if let Ok(s) = got { prop_assert_eq!(i64::from(s), n); }
        else { prop_assert_eq!(field_of(&got.unwrap_err()), "tokenDuration"); }
    }

    #[test]
    fn token_durations_never_panic(text in any::<String>()) {
        if let Ok(s) = token_duration(&text) {
            prop_assert!(TOKEN_SECONDS.contains(&s));
        }
    }

    #[test]
    fn redirect_uris_never_panic(text in any::<String>(), tail in "\\PC{0,40}") {
        let _ = redirect_uri(&text);
        let _ = redirect_uri(&format!("https://{tail}"));
        let _ = redirect_uri(&format!("http://[{tail}"));
    }

    #[test]
    fn redirect_uris_agree_with_the_model(
        scheme in prop_oneof![Just("https"), Just("http"), Just("HTTPS"), Just("ftp"), Just("myapp")],
        host in prop_oneof![
            Just("127.0.0.1"), Just("[::1]"), Just("localhost"), Just("LocalHost"),
            Just("example.com"), Just("10.0.0.1"), Just("127.0.0.2"), Just(""), Just("*.example.com"),
        ],
        userinfo in prop_oneof![3 => Just(""), 1 => Just("user@"), 1 => Just("u:p@")],
        port in proptest::option::of(1u16..),
        path in "(/[a-z0-9]{0,8}){0,3}",
        fragment in prop_oneof![4 => Just(""), 1 => Just("#"), 1 => Just("#frag")],
        pad in 0usize..2100,
    ) {
        let port_text = port.map(|p| format!(":{p}")).unwrap_or_default();
        let padding = if pad > 2000 { format!("?q={}", "a".repeat(pad)) } else { String::new() };
        let uri = format!("{scheme}://{userinfo}{host}{port_text}{path}{padding}{fragment}");
        let loopback = matches!(host, "127.0.0.1" | "[::1]" | "localhost" | "LocalHost");
        let expect_ok = userinfo.is_empty()
            && fragment.is_empty()
            && !host.is_empty()
            && !host.contains('*')
            && uri.len() <= 2048
            && match scheme { "https" | "HTTPS" => true, "http" => loopback, _ => false };
        let got = redirect_uri(&uri);
        prop_assert_eq!(got.is_ok(), expect_ok, "{:?} -> {:?}", uri, got);
        if let Err(e) = got { prop_assert_eq!(field_of(&e), "redirectUris"); }
    }

    #[test]
    fn duplicates_after_normalisation_are_refused(host in "[a-z]{1,10}\\.com", path in "(/[a-z]{1,5}){0,2}") {
        let plain = format!("https://{host}{path}");
        let shouted = format!("HTTPS://{}:443{path}", host.to_uppercase());
        prop_assert!(redirect_uris(std::slice::from_ref(&plain)).is_ok());
        let both = redirect_uris(&[plain, shouted]);
        prop_assert_eq!(field_of(&both.expect_err("same URI twice")), "redirectUris");
    }

    #[test]
    fn scopes_agree_with_the_model(ids in proptest::collection::vec("[a-z:-]{0,12}( [a-z]{1,3})?", 0..5)) {
        let got = scopes(&ids);
        let expect_ok = ids.iter().all(|s| !s.trim().is_empty() && !s.trim().contains(' '));
        prop_assert_eq!(got.is_ok(), expect_ok, "{:?} -> {:?}", ids, got);
    }

    #[test]
    fn role_pairs_agree_with_the_model(
        held in proptest::collection::vec((0u8..4, 0u8..4), 0..6),
        wanted in proptest::collection::vec((0u8..4, 0u8..4), 0..5),
    ) {
        // Division 3 stands for `*` in held pairs.
        let pair = |(r, d): (u8, u8), star: bool| RoleDivision {
            role_id: format!("r{r}"),
            division_id: if star && d == 3 { ALL_DIVISIONS.into() } else { format!("d{d}") },
        };
        let held_pairs: Vec<_> = held.iter().map(|p| pair(*p, true)).collect();
        let wanted_pairs: Vec<_> = wanted.iter().map(|p| pair(*p, false)).collect();
        let covered = |(r, d): &(u8, u8)| held.iter().any(|(hr, hd)| hr == r && (hd == d || *hd == 3));
        let expect_ok = !wanted.is_empty() && wanted.iter().all(covered);
        let got = role_divisions(&wanted_pairs, &held_pairs);
        prop_assert_eq!(got.is_ok(), expect_ok, "{:?} of {:?} -> {:?}", wanted, held, got);
        let missing = not_held(&wanted_pairs, &held_pairs);
        prop_assert_eq!(missing.len(), wanted.iter().filter(|p| !covered(p)).count());
        if let Err(Error::InvalidInput { reason, .. }) = &got {
            for m in &missing { prop_assert!(reason.contains(&m.role_id)); }
        }
    }

    #[test]
    fn forms_agree_with_the_grant_rules(
        grant in prop_oneof![
            Just(GrantType::ClientCredentials), Just(GrantType::Code), Just(GrantType::Token),
            Just(GrantType::Saml2Bearer), Just(GrantType::Password), Just(GrantType::Unknown),
        ],
        redirects in 0usize..3, scope_count in 0usize..3, roles in 0usize..3,
    ) {
        let form = OAuthClientForm {
            name: "Data Actions".into(),
            description: String::new(),
            grant_type: grant,
            token_duration_seconds: String::new(),
            redirect_uris: (0..redirects).map(|n| format!("https://app.example/cb{n}")).collect(),
            scopes: (0..scope_count).map(|n| format!("scope{n}")).collect(),
            role_divisions: (0..roles).map(|n| RoleDivision { role_id: format!("r{n}"), division_id: "d".into() }).collect(),
            state: None,
        };
        let held: Vec<RoleDivision> = (0..3).map(|n| RoleDivision { role_id: format!("r{n}"), division_id: ALL_DIVISIONS.into() }).collect();
        let expect: Result<(), &str> = match grant {
            GrantType::Password | GrantType::Unknown => Err("grantType"),
            GrantType::ClientCredentials if redirects > 0 => Err("redirectUris"),
            GrantType::ClientCredentials if scope_count > 0 => Err("scopes"),
            GrantType::ClientCredentials if roles == 0 => Err("roleDivisions"),
            GrantType::ClientCredentials => Ok(()),
            GrantType::Code | GrantType::Token if redirects == 0 => Err("redirectUris"),
            _ if scope_count == 0 => Err("scopes"),
            _ if roles > 0 => Err("roleDivisions"),
            _ => Ok(()),
        };
        let got = form.validate(&held);
        match (&got, expect) {
            (Ok(request), Ok(())) => {
                prop_assert_eq!(request.access_token_validity_seconds, DEFAULT_TOKEN_SECONDS);
                prop_assert_eq!(request.authorized_grant_type, grant);
            }
            (Err(e), Err(field)) => prop_assert_eq!(field_of(e), field),
            _ => prop_assert!(false, "{:?}: expected {:?}, got {:?}", form, expect, got),
        }
    }
}

#[test]
fn the_issue_examples() {
    assert_eq!(
        client_name("  Data Actions  ").expect("trimmed"),
        "Data Actions"
    );
    assert!(client_name(&"x".repeat(256)).is_ok() && client_name(&"x".repeat(257)).is_err());
    assert!(client_name("evil\u{202E}txt").is_err() && client_name("a\u{200B}b").is_err());
    for ok in ["300", "86400", "172800", " 3600 "] {
        assert!(token_duration(ok).is_ok(), "{ok}");
    }
    for bad in [
        "299",
        "172801",
        "-300",
        "1.5",
        "abc",
        "99999999999999999999",
        "+300",
        "３００",
    ] {
        assert_eq!(
            field_of(&token_duration(bad).expect_err(bad)),
            "tokenDuration",
            "{bad}"
        );
    }
    for ok in [
        "https://app.example.com/callback",
        "http://127.0.0.1:8080/callback",
        "http://127.0.0.1",
        "http://[::1]:5000/cb",
        "http://localhost",
    ] {
        assert!(redirect_uri(ok).is_ok(), "{ok}");
    }
    for bad in [
        "http://example.com/cb",
        "https://user:pw@example.com/",
        "https://example.com/cb#x",
        "https://*.example.com/",
        "/callback",
        "https://",
        "javascript:alert(1)",
        "http://127.0.0.1.evil.com/",
        "http://localhost@evil.com/",
    ] {
        assert!(redirect_uri(bad).is_err(), "{bad}");
    }
    assert!(redirect_uris(&["https://a.com/x".into(), "HTTPS://A.COM:443/x".into()]).is_err());
    let pair = |d: &str| RoleDivision {
        role_id: "r".into(),
        division_id: d.into(),
    };
    assert!(
        role_divisions(&[pair("*")], &[pair("home")]).is_err(),
        "holding a role in one division does not cover all divisions"
    );
    assert!(role_divisions(&[pair("*"), pair("claims")], &[pair("*")]).is_ok());
}

proptest! {
    #[test]
    fn whole_forms_never_panic(
        name in any::<String>(), description_text in any::<String>(), seconds in any::<String>(),
        redirects in proptest::collection::vec(any::<String>(), 0..3),
        scope_ids in proptest::collection::vec(any::<String>(), 0..3),
        pairs in proptest::collection::vec((any::<String>(), any::<String>()), 0..3),
        credentials in any::<bool>(),
    ) {
        let role_divisions: Vec<RoleDivision> = pairs
            .into_iter()
            .map(|(role_id, division_id)| RoleDivision { role_id, division_id })
            .collect();
        let form = OAuthClientForm {
            name,
            description: description_text,
            grant_type: if credentials { GrantType::ClientCredentials } else { GrantType::Code },
            token_duration_seconds: seconds,
            redirect_uris: redirects,
            scopes: scope_ids,
            role_divisions: role_divisions.clone(),
            state: None,
        };
        if let Ok(request) = form.validate(&role_divisions) {
            prop_assert!(TOKEN_SECONDS.contains(&request.access_token_validity_seconds));
            prop_assert!(client_name(&request.name).is_ok());
        }
        let _ = form.validate_without_roles();
    }
}
