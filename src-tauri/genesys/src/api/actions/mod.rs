//! `/api/v2/integrations/actions*`, Genesys Cloud data actions (platform-client-sdk-python
//! build/docs/IntegrationsApi.md): drafts (`drafts.rs`), published actions (`published.rs`),
//! listings (`listings.rs`), test and execute (`run.rs`) and templates (`templates.rs`). What
//! saves an action is checked against `crate::action_rules` first; a change names the version it
//! changes, and a version conflict is read again and retried, as Terraform does.

mod drafts;
mod listings;
mod published;
mod run;
mod templates;

use std::future::Future;

use reqwest::Method;
use serde::Serialize;

pub use listings::ActionFilter;
pub use templates::{ActionStage, TemplateFile};

use super::answer::{api_error, parse};
use super::encode::{json_body, segment};
use super::integration_config::version_conflict;
use super::Client;
use crate::error::Result;
use crate::models::Action;
use crate::secrets::Secret;

/// Tries of a change whose version keeps moving: as many as Terraform's `RetryWhen` makes
/// (terraform-provider-genesyscloud genesyscloud/util/util_retries.go), as for configurations.
pub const MAX_ACTION_ATTEMPTS: u32 = super::integration_config::MAX_CONFIG_ATTEMPTS;
/// Actions asked for per page of a listing: Terraform reads them 100 at a time
/// (genesyscloud/integration_action/genesyscloud_integration_action_proxy.go,
/// `getAllIntegrationActionsFn`).
pub const ACTION_PAGE_SIZE: u32 = 100;

const ACTIONS: &str = "/api/v2/integrations/actions";
/// What a read of one action asks for: its contract and its config, as Terraform reads every
/// action and draft (`sdkGetIntegrationAction`, `getIntegrationActionDraftByIdFn` in the same
/// proxy). Without `includeConfig` the config is left out.
const WHOLE: &str = "expand=contract&includeConfig=true";

/// `/api/v2/integrations/actions/{id}` (the id as one path segment).
pub(crate) fn action_path(id: &str) -> String {
    format!("{ACTIONS}/{}", segment(id))
}

/// `/api/v2/integrations/actions/{id}/draft`.
pub(crate) fn draft_path(id: &str) -> String {
    format!("{}/draft", action_path(id))
}

impl Client {
    /// `PATCH path` with `body(version)`. A version conflict (409, 408, or a 400 saying "does not
    /// match the current version": Terraform's `IsVersionMismatch`) pauses as Terraform's
    /// `RetryWhen` does (the answer's `Retry-After`, else half a second more each time), reads
    /// the version again with `current` and tries again, at most [`MAX_ACTION_ATTEMPTS`] times
    /// in all. Terraform's update of an action reads its version and patches in such a loop
    /// (resource_genesyscloud_integration_action.go, `updateIntegrationAction`). The change is
    /// then made over what the other writer saved, for the fields it sends.
    async fn patch_at_version<B, F, Fut>(
        &self,
        path: &str,
        mut version: i64,
        body: impl Fn(i64) -> B,
        current: F,
        token: &Secret,
    ) -> Result<Action>
    where
        B: Serialize,
        F: Fn() -> Fut,
        Fut: Future<Output = Result<Action>>,
    {
        let mut conflicts = 0;
        loop {
            let bytes = json_body(&body(version))?;
            let answer = self
                .exchange(Method::PATCH, path, token, Some(bytes))
                .await?;
            if answer.status.is_success() {
                return parse(&answer);
            }
            let error = api_error(&answer);
            if !version_conflict(&error) || conflicts + 1 >= MAX_ACTION_ATTEMPTS {
                return Err(error);
            }
            let pause = self.pause_after_conflict(&answer, conflicts).await;
            conflicts += 1;
            log::debug!(
                "action version {version} is not current; reading it again, attempt {} after {pause:?}",
                conflicts + 1
            );
            version = current().await?.version;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_one_segment_of_the_action_paths() {
        assert_eq!(
            action_path("custom_-_7d1c"),
            "/api/v2/integrations/actions/custom_-_7d1c"
        );
        assert_eq!(
            draft_path("../x?y"),
            "/api/v2/integrations/actions/%2E%2E%2Fx%3Fy/draft"
        );
    }
}
