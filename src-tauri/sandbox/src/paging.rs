//! Query strings and Genesys page-number listings: `pageSize` (1–500), `pageNumber`, `total`,
//! `pageCount` and the relative `firstUri`/`previousUri`/`nextUri`/`lastUri`/`selfUri`.

use serde_json::{json, Value};

use crate::error_body::ApiError;

/// Largest page served. No public source states Genesys's maximum; the Sandbox
/// takes 500 and answers 400 above it.
pub const MAX_PAGE_SIZE: usize = 500;

/// Decoded query parameters in order (repeated names kept).
pub struct Query(pub Vec<(String, String)>);

impl Query {
    pub fn parse(raw: Option<&str>) -> Query {
        let raw = raw.unwrap_or("");
        Query(
            form_urlencoded::parse(raw.as_bytes())
                .into_owned()
                .collect(),
        )
    }
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    /// Every value of `name`, also splitting comma-separated lists (`id=a,b&id=c`).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split(',').map(str::trim).map(str::to_owned))
            .filter(|v| !v.is_empty())
            .collect()
    }
    pub fn number(&self, name: &str, default: usize) -> Result<usize, ApiError> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => v.trim().parse().map_err(|_| {
                ApiError::bad_request(format!("The value [{v}] of {name} is not a number."))
            }),
        }
    }
    pub fn flag(&self, name: &str, default: bool) -> bool {
        self.get(name)
            .map_or(default, |v| v.eq_ignore_ascii_case("true"))
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub size: usize,
    pub number: usize,
}

impl Page {
    pub fn from_query(query: &Query) -> Result<Page, ApiError> {
        let size = query.number("pageSize", 25)?;
        let number = query.number("pageNumber", 1)?;
        if size == 0 || size > MAX_PAGE_SIZE {
            return Err(ApiError::bad_request(format!(
                "pageSize must be between 1 and {MAX_PAGE_SIZE}."
            )));
        }
        if number == 0 {
            return Err(ApiError::bad_request("pageNumber must be 1 or more."));
        }
        Ok(Page { size, number })
    }
}

/// One page of `all` as a Genesys `*EntityListing` (only that page goes through `view`), URIs
/// relative to the API host. `pageCount` is 0 when there is nothing to list (no source says
/// otherwise).
pub fn listing<T>(
    all: Vec<T>,
    page: Page,
    path: &str,
    query: &Query,
    view: impl Fn(T) -> Value,
) -> Value {
    let total = all.len();
    let page_count = total.div_ceil(page.size);
    let entities: Vec<Value> = all
        .into_iter()
        .skip((page.number - 1).saturating_mul(page.size))
        .take(page.size)
        .map(view)
        .collect();
    let kept: String = query
        .0
        .iter()
        .filter(|(k, _)| k != "pageSize" && k != "pageNumber")
        .map(|(k, v)| {
            form_urlencoded::Serializer::new(String::new())
                .append_pair(k, v)
                .finish()
        })
        .map(|pair| format!("&{pair}"))
        .collect();
    let uri = |n: usize| format!("{path}?pageSize={}&pageNumber={n}{kept}", page.size);
    let mut out = json!({
        "entities": entities,
        "pageSize": page.size,
        "pageNumber": page.number,
        "total": total,
        "pageCount": page_count,
        "firstUri": uri(1),
        "selfUri": uri(page.number),
        "lastUri": uri(page_count.max(1)),
    });
    if page.number < page_count {
        out["nextUri"] = json!(uri(page.number + 1));
    }
    if page.number > 1 {
        out["previousUri"] = json!(uri(page.number - 1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_page_has_no_next_uri() {
        let all: Vec<Value> = (0..5).map(|n| json!(n)).collect();
        let query = Query::parse(Some("pageSize=2&pageNumber=3&name=a b"));
        let page = Page::from_query(&query).expect("valid page");
        let out = listing(all, page, "/api/v2/x", &query, |v| v);
        assert_eq!(out["pageCount"], 3);
        assert_eq!(out["entities"], json!([4]));
        assert!(out.get("nextUri").is_none());
        assert_eq!(
            out["previousUri"],
            "/api/v2/x?pageSize=2&pageNumber=2&name=a+b"
        );
    }

    #[test]
    fn page_size_is_bounded() {
        assert!(Page::from_query(&Query::parse(Some("pageSize=501"))).is_err());
        assert!(Page::from_query(&Query::parse(Some("pageSize=500"))).is_ok());
        assert!(Page::from_query(&Query::parse(Some("pageNumber=0"))).is_err());
        assert!(Page::from_query(&Query::parse(Some("pageSize=abc"))).is_err());
    }
}
