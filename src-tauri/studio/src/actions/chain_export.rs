//! The use case behind "Export as Terraform" for a whole integration: reads the integration,
//! the OAuth client its credential names with that client's roles and divisions, and every
//! action (the draft where there is one), and writes them as one Terraform file
//! (`terraform_chain.rs`). The client's secret is never read.

use genesys::models::AuthzDivision;

use super::import::exported;
use super::privileges::{actions_of, client_of, roles_of};
use super::terraform_chain::{chain_file, Chain, ChainDivision, ChainRole};
use crate::{CommandResult, OrgContext};

fn division_of(id: &str, divisions: &[AuthzDivision]) -> ChainDivision {
    if id == "*" {
        return ChainDivision::Every;
    }
    match divisions.iter().find(|d| d.id == id) {
        Some(d) if d.home_division => ChainDivision::Home,
        Some(d) => ChainDivision::Named(d.name.clone().unwrap_or_else(|| d.id.clone())),
        // A division this user cannot see: named by its id, for the reader to fix.
        None => ChainDivision::Named(id.to_owned()),
    }
}

/// Integration `integration_id` with its client, credential and actions, as Terraform.
pub async fn integration_terraform(
    org: &OrgContext,
    integration_id: &str,
) -> CommandResult<String> {
    let (c, token) = (org.session.client(), org.session.token());
    let (integration, client, actions, divisions) = tokio::try_join!(
        async { Ok(c.integration(integration_id, token).await?) },
        client_of(org, integration_id),
        actions_of(org, integration_id),
        async { Ok(c.divisions(token).await?) },
    )?;
    let mut chain = Chain {
        integration_name: integration.name.clone(),
        client_name: format!("{} client", integration.name),
        client_description: None,
        token_seconds: None,
        roles: Vec::new(),
        credential_name: format!("{} credential", integration.name),
        actions: Vec::new(),
    };
    if let Some(client) = client {
        let roles = roles_of(org, &client).await?;
        for pair in &client.role_divisions {
            let Some(role) = roles.iter().find(|r| r.id == pair.role_id) else {
                continue;
            };
            chain.roles.push(ChainRole {
                name: role.name.clone(),
                description: role.description.clone(),
                policies: (!role.default).then(|| role.permission_policies.clone()),
                division: division_of(&pair.division_id, &divisions),
            });
        }
        chain.client_name = client.name.clone();
        chain.client_description = client.description.clone();
        chain.token_seconds = client.access_token_validity_seconds;
    }
    for action in &actions {
        chain.actions.push(exported(org, &action.id).await?);
    }
    Ok(chain_file(&chain))
}
