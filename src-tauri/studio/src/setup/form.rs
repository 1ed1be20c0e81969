//! The guided setup's form: the roles the user holds with the suggested one, the divisions with
//! the home one, the integrations installed against the org's limit, whether the secret will
//! be kept, the org's routing queues the data action's test may read (none: the test is
//! skipped, and the screen says so), and the journals that cannot be read. The suggested role
//! is the held one that grants what the workshop's action needs, derived from the org's API
//! description when a copy has been read.

use std::path::Path;

use super::runs;
use crate::actions::privileges::{workshop_permission, CatalogCache};
use crate::wire::setup::SetupForm;
use crate::{actions, roles};
use crate::{CommandResult, OrgContext};

pub async fn form(
    org: &OrgContext,
    journal_dir: &Path,
    catalogs: &CatalogCache,
) -> CommandResult<SetupForm> {
    let (c, token) = (org.session.client(), org.session.token());
    let permission = workshop_permission(catalogs.cached(org.target().code()).as_ref());
    let (choices, installed, limit, queues) = tokio::join!(
        roles::choices_for(org, &permission),
        c.data_actions_integrations(token),
        c.data_actions_limit(token),
        actions::queues(org)
    );
    let (choices, installed, limit, queues) = (choices?, installed?, limit?, queues?);
    Ok(SetupForm {
        roles: choices.roles,
        suggested_role_id: choices.suggested_role_id,
        divisions: choices.divisions,
        home_division_id: choices.home_division_id,
        installed: u32::try_from(installed.len()).unwrap_or(u32::MAX),
        limit: u32::try_from(limit).unwrap_or(u32::MAX),
        secret_persists: org.secrets.store().persists(),
        queues,
        unreadable_journals: runs::unreadable(journal_dir)?,
    })
}
