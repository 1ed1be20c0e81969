//! Which pages of Genesys's own help the app may open in the system browser when a screen
//! says "Learn more": help.mypurecloud.com articles only, as one printable URL with no user
//! part, so nothing else can be opened through it.

const HELP_ARTICLES: &str = "https://help.mypurecloud.com/articles/";

/// True for an article URL of Genesys Cloud's help site.
pub fn help_page_allowed(url: &str) -> bool {
    url.starts_with(HELP_ARTICLES)
        && url.len() > HELP_ARTICLES.len()
        && url.bytes().all(|b| b.is_ascii_graphic())
        && !url.contains("..")
        && !url.contains('@')
        && !url.contains('\\')
}

#[cfg(test)]
mod tests {
    use super::help_page_allowed;

    #[test]
    fn only_help_articles_are_opened() {
        assert!(help_page_allowed(
            "https://help.mypurecloud.com/articles/create-an-oauth-client/"
        ));
        for url in [
            "https://help.mypurecloud.com/articles/",
            "http://help.mypurecloud.com/articles/x/",
            "https://help.mypurecloud.com.evil.example/articles/x/",
            "https://help.mypurecloud.com/articles/x/../../logout",
            "https://help.mypurecloud.com/articles/x y/",
            "https://help.mypurecloud.com/articles/@evil.example",
            "https://login.mypurecloud.com/oauth/authorize?x",
            "file:///etc/passwd",
        ] {
            assert!(!help_page_allowed(url), "{url}");
        }
    }
}
