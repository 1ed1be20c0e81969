//! From a data action's `requestType` and `requestUrlTemplate` to what the call needs: the URL
//! template is cut to its path (host and query dropped), every segment holding Velocity (`$` or
//! `#`) becomes a placeholder, and the path is matched against the catalog's templates. At each
//! segment, from the left, a literal the template spells out beats a `{param}`, which beats a
//! placeholder laid over a literal; so `/api/v2/users/me` wins over `/api/v2/users/{userId}` for
//! that literal URL, and `/api/v2/users/${input.id}` matches `{userId}`.

use super::catalog::{Catalog, Need, NeedKind};
use super::least::least_of;

/// Why no requirement can be read from a URL template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotDerivable {
    /// The path itself comes from an input (`${input.path}`): only a run can tell.
    BuiltFromInput,
    /// Not a Platform API path (`/api/v2/...`): another host's permissions are its own.
    NotPlatformApi,
}

/// What one call needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requirement {
    /// The operation at `path` requires `need`; `least` is the weakest grant that satisfies it
    /// (one permission for ANY, every one for ALL).
    Needs {
        method: String,
        path: String,
        need: Need,
        least: Vec<String>,
    },
    /// The operation at `path` requires no permission.
    NoneNeeded {
        method: String,
        path: String,
    },
    /// The catalog has no such operation; `path` is the URL as matched, placeholders as `{}`.
    Unknown {
        method: String,
        path: String,
    },
    CannotDerive(NotDerivable),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    /// Velocity decides this segment when the action runs.
    Placeholder,
}

/// The path a URL template calls, as segments after `/api/v2`'s leading slash.
fn segments(url_template: &str) -> Result<Vec<Segment>, NotDerivable> {
    let mut url = url_template.trim();
    for scheme in ["https://", "http://"] {
        if let Some(rest) = url.strip_prefix(scheme) {
            url = rest.find('/').map_or("", |at| &rest[at..]);
        }
    }
    if url.starts_with('$') || url.starts_with('#') {
        return Err(NotDerivable::BuiltFromInput);
    }
    let path = cut_query(url);
    if !path.starts_with("/api/v2/") {
        return Err(NotDerivable::NotPlatformApi);
    }
    Ok(path
        .split('/')
        .skip(1)
        .filter(|s| !s.is_empty())
        .map(|s| {
            if s.contains('$') || s.contains('#') {
                Segment::Placeholder
            } else {
                Segment::Literal(s.to_owned())
            }
        })
        .collect())
}

/// The template up to its query string. A `?` inside a Velocity reference or call
/// (`${...}`, `$x.y(...)`) is not the query's start.
fn cut_query(url: &str) -> &str {
    let mut depth = 0usize;
    for (at, c) in url.char_indices() {
        match c {
            '{' | '(' => depth += 1,
            '}' | ')' => depth = depth.saturating_sub(1),
            '?' if depth == 0 => return &url[..at],
            _ => {}
        }
    }
    url
}

/// The URL a template calls, written as a path with `{}` for what Velocity fills in (for
/// display, and to name an unknown operation).
pub fn request_path(url_template: &str) -> Result<String, NotDerivable> {
    let mut out = String::new();
    for s in segments(url_template)? {
        out.push('/');
        match s {
            Segment::Literal(text) => out.push_str(&text),
            Segment::Placeholder => out.push_str("{}"),
        }
    }
    Ok(out)
}

fn is_param(template_segment: &str) -> bool {
    template_segment.starts_with('{') && template_segment.ends_with('}')
}

/// How well `url` fits `template`, segment by segment (higher is better), or `None`.
fn fit(url: &[Segment], template: &str) -> Option<Vec<u8>> {
    let parts: Vec<&str> = template
        .split('/')
        .skip(1)
        .filter(|s| !s.is_empty())
        .collect();
    if parts.len() != url.len() {
        return None;
    }
    url.iter()
        .zip(parts)
        .map(|(segment, part)| match segment {
            _ if is_param(part) => Some(1),
            Segment::Literal(text) if text == part => Some(2),
            Segment::Literal(_) => None,
            Segment::Placeholder => Some(0),
        })
        .collect()
}

impl Catalog {
    /// What `method url_template` needs, read from this catalog.
    pub fn requirement(&self, method: &str, url_template: &str) -> Requirement {
        let url = match segments(url_template) {
            Ok(url) => url,
            Err(why) => return Requirement::CannotDerive(why),
        };
        let method = method.trim().to_ascii_uppercase();
        let best = self
            .operations
            .iter()
            .filter(|o| o.method == method)
            .filter_map(|o| fit(&url, &o.path).map(|score| (score, o)))
            .max_by(|(a, _), (b, _)| a.cmp(b))
            .map(|(_, o)| o);
        match best {
            None => Requirement::Unknown {
                path: request_path(url_template).unwrap_or_default(),
                method,
            },
            Some(o) if o.need.kind == NeedKind::None => Requirement::NoneNeeded {
                method,
                path: o.path.clone(),
            },
            Some(o) => Requirement::Needs {
                method,
                path: o.path.clone(),
                least: least_of(&o.need),
                need: o.need.clone(),
            },
        }
    }
}
