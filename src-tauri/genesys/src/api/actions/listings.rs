//! The action listings, every page: published actions, drafts, and the categories in use
//! (platform-client-sdk-python build/docs/IntegrationsApi.md: `get_integrations_actions`,
//! `get_integrations_actions_drafts`, `get_integrations_actions_categories`). The listings take
//! `category` but no integration: an integration filter is applied here, on what they answer.

use super::{Client, ACTIONS, ACTION_PAGE_SIZE};
use crate::api::encode::segment;
use crate::error::Result;
use crate::models::{Action, Category};
use crate::secrets::Secret;

/// Which actions a listing keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFilter {
    /// Sent as `category`, and checked again here as exact equality: the SDK docs do not say
    /// whether Genesys matches it exactly (Terraform checks a `name` filter's answers again
    /// the same way: genesyscloud_integration_action_proxy.go, `getIntegrationActionsByNameFn`).
    pub category: Option<String>,
    /// Kept here only: the listings have no integration parameter.
    pub integration_id: Option<String>,
    /// `includeConfig=true`: each action's config too (listings never carry the contract).
    pub include_config: bool,
}

impl ActionFilter {
    /// The actions of one integration.
    pub fn integration(integration_id: &str) -> ActionFilter {
        ActionFilter {
            integration_id: Some(integration_id.to_owned()),
            ..ActionFilter::default()
        }
    }

    fn query(&self) -> String {
        let mut query = Vec::new();
        if let Some(category) = &self.category {
            query.push(format!("category={}", segment(category)));
        }
        if self.include_config {
            query.push("includeConfig=true".to_owned());
        }
        query.join("&")
    }

    fn keeps(&self, action: &Action) -> bool {
        self.category.as_ref().is_none_or(|c| action.category == *c)
            && self
                .integration_id
                .as_ref()
                .is_none_or(|i| action.integration_id == *i)
    }
}

fn listing_path(base: &str, filter: &ActionFilter) -> String {
    let query = filter.query();
    if query.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{query}")
    }
}

impl Client {
    /// `GET /api/v2/integrations/actions`, every page, filtered as `filter` says.
    pub async fn actions(&self, filter: &ActionFilter, token: &Secret) -> Result<Vec<Action>> {
        self.action_listing(ACTIONS, filter, token).await
    }

    /// `GET /api/v2/integrations/actions/drafts`, every page, filtered as `filter` says.
    pub async fn action_drafts(
        &self,
        filter: &ActionFilter,
        token: &Secret,
    ) -> Result<Vec<Action>> {
        self.action_listing(&format!("{ACTIONS}/drafts"), filter, token)
            .await
    }

    async fn action_listing(
        &self,
        base: &str,
        filter: &ActionFilter,
        token: &Secret,
    ) -> Result<Vec<Action>> {
        let path = listing_path(base, filter);
        let all: Vec<Action> = self
            .all_pages(&path, ACTION_PAGE_SIZE, token, |a: &Action| a.id.as_str())
            .await?;
        Ok(all.into_iter().filter(|a| filter.keeps(a)).collect())
    }

    /// `GET /api/v2/integrations/actions/categories`, every page: the category names, each once.
    pub async fn action_categories(&self, token: &Secret) -> Result<Vec<String>> {
        let path = format!("{ACTIONS}/categories");
        let all: Vec<Category> = self
            .all_pages(&path, ACTION_PAGE_SIZE, token, |c: &Category| {
                c.name.as_str()
            })
            .await?;
        Ok(all.into_iter().map(|c| c.name).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_category_and_the_config_go_in_the_query() {
        let mut filter = ActionFilter::integration("i1");
        assert_eq!(listing_path(ACTIONS, &filter), ACTIONS);
        filter.category = Some("Workshop Data Actions".into());
        filter.include_config = true;
        assert_eq!(
            listing_path(ACTIONS, &filter),
            "/api/v2/integrations/actions?category=Workshop%20Data%20Actions&includeConfig=true"
        );
    }

    #[test]
    fn the_integration_and_the_exact_category_are_kept_here() {
        let action = |integration: &str, category: &str| Action {
            id: "a".into(),
            name: "n".into(),
            integration_id: integration.into(),
            category: category.into(),
            version: 1,
            secure: false,
            config: None,
            contract: None,
            self_uri: None,
        };
        let filter = ActionFilter {
            category: Some("DA".into()),
            ..ActionFilter::integration("i1")
        };
        assert!(filter.keeps(&action("i1", "DA")));
        assert!(!filter.keeps(&action("i2", "DA")), "another integration");
        assert!(!filter.keeps(&action("i1", "da")), "another category");
        assert!(ActionFilter::default().keeps(&action("i2", "x")));
    }
}
