//! A whole Data Actions integration as CX as Code, for the `genesyscloud` Terraform provider:
//! its OAuth client (Client Credentials) with each role in its division, the credential, the
//! integration and every action. No secret is in the file or needed by it: the provider makes
//! the `pureCloudOAuthClient` credential itself from the new client when given
//! `integration_credential_name`, and exposes its id as `integration_credential_id`
//! (terraform-provider-genesyscloud
//! genesyscloud/oauth_client/resource_genesyscloud_oauth_client_schema.go). Roles Genesys ships
//! are looked up by name (`data "genesyscloud_auth_role"`); the org's own roles travel as
//! `genesyscloud_auth_role` resources with their `permission_policies` (same provider,
//! genesyscloud/auth_role/resource_genesyscloud_auth_role_schema.go). The home division is left
//! out (the provider then uses the home division), `*` is kept, any other is looked up by name.

use std::collections::BTreeSet;
use std::fmt::Write;

use genesys::models::{DomainPermissionPolicy, ExportedAction};

use super::terraform::{action_resource, label, quoted};

/// Where a role is held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainDivision {
    Home,
    Every,
    Named(String),
}

/// A role the client holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainRole {
    pub name: String,
    pub description: Option<String>,
    /// The org's own role: made by the file with these policies. `None`: one Genesys ships.
    pub policies: Option<Vec<DomainPermissionPolicy>>,
    pub division: ChainDivision,
}

/// Everything the file describes.
#[derive(Debug, Clone, PartialEq)]
pub struct Chain {
    pub integration_name: String,
    pub client_name: String,
    pub client_description: Option<String>,
    pub token_seconds: Option<u32>,
    pub roles: Vec<ChainRole>,
    pub credential_name: String,
    pub actions: Vec<ExportedAction>,
}

/// Labels unique within one kind of block: a repeated one gets `_2`, `_3`…
struct Labels(BTreeSet<String>);

impl Labels {
    fn take(&mut self, name: &str) -> String {
        let base = label(name);
        let mut candidate = base.clone();
        let mut n = 2;
        while !self.0.insert(candidate.clone()) {
            candidate = format!("{base}_{n}");
            n += 1;
        }
        candidate
    }
}

fn role_reference(out: &mut String, role: &ChainRole, labels: &mut Labels) -> String {
    let name = labels.take(&role.name);
    match &role.policies {
        None => {
            let _ = writeln!(out, "data \"genesyscloud_auth_role\" \"{name}\" {{");
            let _ = writeln!(out, "  name = {}", quoted(&role.name));
            let _ = writeln!(out, "}}\n");
            format!("data.genesyscloud_auth_role.{name}.id")
        }
        Some(policies) => {
            let _ = writeln!(out, "resource \"genesyscloud_auth_role\" \"{name}\" {{");
            let _ = writeln!(out, "  name        = {}", quoted(&role.name));
            if let Some(d) = role.description.as_deref().filter(|d| !d.is_empty()) {
                let _ = writeln!(out, "  description = {}", quoted(d));
            }
            for p in policies {
                let actions: Vec<String> = p.action_set.iter().map(|a| quoted(a)).collect();
                let _ = writeln!(out, "\n  permission_policies {{");
                let _ = writeln!(out, "    domain      = {}", quoted(&p.domain));
                let _ = writeln!(out, "    entity_name = {}", quoted(&p.entity_name));
                let _ = writeln!(out, "    action_set  = [{}]", actions.join(", "));
                let _ = writeln!(out, "  }}");
            }
            let _ = writeln!(out, "}}\n");
            format!("genesyscloud_auth_role.{name}.id")
        }
    }
}

/// The Terraform file of `chain`.
pub fn chain_file(chain: &Chain) -> String {
    let mut out = String::new();
    let mut roles = Labels(BTreeSet::new());
    let mut divisions = Labels(BTreeSet::new());
    let mut grants: Vec<(String, Option<String>)> = Vec::new();
    for role in &chain.roles {
        let role_id = role_reference(&mut out, role, &mut roles);
        let division = match &role.division {
            ChainDivision::Home => None,
            ChainDivision::Every => Some(quoted("*")),
            ChainDivision::Named(name) => {
                let label = divisions.take(name);
                let _ = writeln!(out, "data \"genesyscloud_auth_division\" \"{label}\" {{");
                let _ = writeln!(out, "  name = {}", quoted(name));
                let _ = writeln!(out, "}}\n");
                Some(format!("data.genesyscloud_auth_division.{label}.id"))
            }
        };
        grants.push((role_id, division));
    }
    let client = label(&chain.client_name);
    let _ = writeln!(
        out,
        "resource \"genesyscloud_oauth_client\" \"{client}\" {{"
    );
    let _ = writeln!(
        out,
        "  name                          = {}",
        quoted(&chain.client_name)
    );
    if let Some(d) = chain
        .client_description
        .as_deref()
        .filter(|d| !d.is_empty())
    {
        let _ = writeln!(out, "  description                   = {}", quoted(d));
    }
    let _ = writeln!(
        out,
        "  authorized_grant_type         = \"CLIENT-CREDENTIALS\""
    );
    if let Some(seconds) = chain.token_seconds {
        let _ = writeln!(out, "  access_token_validity_seconds = {seconds}");
    }
    let _ = writeln!(
        out,
        "  integration_credential_name   = {}",
        quoted(&chain.credential_name)
    );
    for (role_id, division) in &grants {
        let _ = writeln!(out, "\n  roles {{");
        let _ = writeln!(out, "    role_id     = {role_id}");
        if let Some(division) = division {
            let _ = writeln!(out, "    division_id = {division}");
        }
        let _ = writeln!(out, "  }}");
    }
    let _ = writeln!(out, "}}\n");
    let integration = label(&chain.integration_name);
    let _ = writeln!(
        out,
        "resource \"genesyscloud_integration\" \"{integration}\" {{"
    );
    let _ = writeln!(out, "  intended_state   = \"ENABLED\"");
    let _ = writeln!(out, "  integration_type = \"purecloud-data-actions\"");
    let _ = writeln!(out, "  config {{");
    let _ = writeln!(out, "    name       = {}", quoted(&chain.integration_name));
    let _ = writeln!(out, "    properties = jsonencode({{}})");
    let _ = writeln!(out, "    advanced   = jsonencode({{}})");
    let _ = writeln!(out, "    credentials = {{");
    let _ = writeln!(
        out,
        "      pureCloudOAuthClient = genesyscloud_oauth_client.{client}.integration_credential_id"
    );
    let _ = writeln!(out, "    }}");
    let _ = writeln!(out, "  }}");
    let _ = writeln!(out, "}}");
    let mut actions = Labels(BTreeSet::new());
    for action in &chain.actions {
        out.push('\n');
        let name = actions.take(&action.name);
        action_resource(
            &mut out,
            action,
            &name,
            &format!("genesyscloud_integration.{integration}.id"),
        );
    }
    out
}
