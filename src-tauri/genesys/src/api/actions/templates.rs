//! An action's (or draft's) Velocity templates, `GET …/templates/{fileName}` and
//! `GET …/draft/templates/{fileName}`, which answer `text/plain` (platform-client-sdk-javascript
//! build/src/purecloud-platform-client-v2/api/IntegrationsApi.js, the `text/plain` it accepts
//! for both), and filling them into an action read without them: a read may carry only their
//! links, and Terraform reads both files on every read for that reason
//! (terraform-provider-genesyscloud genesyscloud/integration_action/resource_genesyscloud_integration_action.go,
//! `readIntegrationAction`).

use reqwest::Method;

use super::{action_path, draft_path, Client};
use crate::api::answer::{api_error, text};
use crate::error::Result;
use crate::models::Action;
use crate::secrets::Secret;

/// Which definition of an action: the published one or its draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionStage {
    Published,
    Draft,
}

/// The two template files (the names terraform-provider-genesyscloud reads,
/// `reqTemplateFileName` and `successTemplateFileName` in genesyscloud/integration_action).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateFile {
    /// `requesttemplate.vm`: the request body template.
    Request,
    /// `successtemplate.vm`: the success template.
    Success,
}

impl TemplateFile {
    pub fn file_name(self) -> &'static str {
        match self {
            TemplateFile::Request => "requesttemplate.vm",
            TemplateFile::Success => "successtemplate.vm",
        }
    }
}

/// What a template read asks for: anything, as Terraform's template read does (`Accept: */*`
/// in `sdkGetIntegrationActionTemplate`, genesyscloud_integration_action_proxy.go).
const ANY: &str = "*/*";

fn template_path(id: &str, stage: ActionStage, file: TemplateFile) -> String {
    let base = match stage {
        ActionStage::Published => action_path(id),
        ActionStage::Draft => draft_path(id),
    };
    format!("{base}/templates/{}", file.file_name())
}

impl Client {
    /// `GET …/{id}[/draft]/templates/{requesttemplate.vm | successtemplate.vm}`: the template's
    /// text as stored.
    pub async fn action_template(
        &self,
        id: &str,
        stage: ActionStage,
        file: TemplateFile,
        token: &Secret,
    ) -> Result<String> {
        let path = template_path(id, stage, file);
        let answer = self
            .exchange_accepting(Method::GET, &path, token, None, ANY)
            .await?;
        if answer.status.is_success() {
            text(&answer)
        } else {
            Err(api_error(&answer))
        }
    }

    /// Reads each template `action`'s config does not carry, so that the action can be sent
    /// back whole. An action without a config is left as it is.
    pub(super) async fn fill_templates(
        &self,
        action: &mut Action,
        stage: ActionStage,
        token: &Secret,
    ) -> Result<()> {
        let Some(config) = action.config.as_mut() else {
            return Ok(());
        };
        // The two reads do not depend on each other: sent together, a whole read costs one
        // round trip more instead of two.
        let (request, success) = tokio::try_join!(
            self.template_if_missing(
                &action.id,
                stage,
                TemplateFile::Request,
                &config.request.request_template,
                token
            ),
            self.template_if_missing(
                &action.id,
                stage,
                TemplateFile::Success,
                &config.response.success_template,
                token
            ),
        )?;
        if request.is_some() {
            config.request.request_template = request;
        }
        if success.is_some() {
            config.response.success_template = success;
        }
        Ok(())
    }

    /// Template `file` of action `id`, read only when `inline` (what the answer carried) is
    /// absent.
    async fn template_if_missing(
        &self,
        id: &str,
        stage: ActionStage,
        file: TemplateFile,
        inline: &Option<String>,
        token: &Secret,
    ) -> Result<Option<String>> {
        match inline {
            Some(_) => Ok(None),
            None => self.action_template(id, stage, file, token).await.map(Some),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_paths_name_the_stage_and_the_file() {
        assert_eq!(
            template_path("a1", ActionStage::Published, TemplateFile::Request),
            "/api/v2/integrations/actions/a1/templates/requesttemplate.vm"
        );
        assert_eq!(
            template_path("a1", ActionStage::Draft, TemplateFile::Success),
            "/api/v2/integrations/actions/a1/draft/templates/successtemplate.vm"
        );
    }
}
