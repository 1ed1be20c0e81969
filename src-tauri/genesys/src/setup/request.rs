//! The guided setup's one short form ([`SetupRequest`]) and its validation in Rust before any
//! request: the client fields through the OAuth client form's own validators, the credential
//! and integration names with the same name rules.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::action_step::ActionStep;
use super::marker::{marked_description, marked_name, RUN_ID_LEN};
use crate::error::{Error, Result};
use crate::models::{ClientState, GrantType, OAuthClientRequest, RoleDivision};
use crate::oauth_client_form::{client_name, OAuthClientForm, MAX_NAME_CHARS};

/// The client name the form starts with (the workshop chapter leaves the name to the
/// reader).
pub const DEFAULT_CLIENT_NAME: &str = "Data Actions client";
/// The credential name the form starts with.
pub const DEFAULT_CREDENTIAL_NAME: &str = "Data Actions client credential";
/// The integration name the form starts with: the tile the workshop tells you to install.
pub const DEFAULT_INTEGRATION_NAME: &str = "Genesys Cloud Data Actions";

/// What the user fills in (or accepts) before **Run**. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SetupRequest {
    /// The new Client Credentials client's name.
    pub client_name: String,
    /// Its description; the run marker is appended to it.
    #[serde(default)]
    pub client_description: String,
    /// Token lifetime in seconds, as typed; empty means 86,400.
    #[serde(default)]
    pub token_duration_seconds: String,
    /// Role/division pairs for the client: each must be held by the signed-in user.
    pub role_divisions: Vec<RoleDivision>,
    /// The `pureCloudOAuthClient` credential's name (the run marker is appended).
    pub credential_name: String,
    /// The Data Actions integration's name (the run marker is appended).
    pub integration_name: String,
    /// The workshop's data action, made, tested and published after the integration is
    /// ACTIVE; `None` stops at the integration.
    #[serde(default)]
    #[ts(optional)]
    pub action: Option<ActionStep>,
}

impl SetupRequest {
    /// The form as it opens: the workshop's names, 24-hour tokens, and `role_divisions` (use
    /// [`super::suggest_role`] for the pre-selected pair).
    pub fn workshop_defaults(role_divisions: Vec<RoleDivision>) -> SetupRequest {
        SetupRequest {
            client_name: DEFAULT_CLIENT_NAME.to_owned(),
            client_description: String::new(),
            token_duration_seconds: String::new(),
            role_divisions,
            credential_name: DEFAULT_CREDENTIAL_NAME.to_owned(),
            integration_name: DEFAULT_INTEGRATION_NAME.to_owned(),
            action: None,
        }
    }

    /// The client part as the OAuth client form sees it.
    fn client_form(&self) -> OAuthClientForm {
        OAuthClientForm {
            name: self.client_name.clone(),
            description: self.client_description.clone(),
            grant_type: GrantType::ClientCredentials,
            token_duration_seconds: self.token_duration_seconds.clone(),
            redirect_uris: Vec::new(),
            scopes: Vec::new(),
            role_divisions: self.role_divisions.clone(),
            state: None,
        }
    }

    /// Every check that needs no request (field names as in the form: `clientName`,
    /// `clientDescription`, `tokenDurationSeconds`, `roleDivisions`, `credentialName`,
    /// `integrationName`, `actionName`, `actionQueueId`).
    pub fn validate_without_roles(&self) -> Result<()> {
        self.client_form()
            .validate_without_roles()
            .map_err(renamed_client_field)?;
        object_name("credentialName", &self.credential_name)?;
        object_name("integrationName", &self.integration_name)?;
        if let Some(action) = &self.action {
            action.validated(object_name)?;
        }
        Ok(())
    }

    /// Checks every field, the roles against `held` (what `subjects/me` says the user holds),
    /// and returns what the run will create.
    pub fn validate(&self, held: &[RoleDivision]) -> Result<ValidSetup> {
        let client = self
            .client_form()
            .validate(held)
            .map_err(renamed_client_field)?;
        Ok(ValidSetup {
            credential_name: object_name("credentialName", &self.credential_name)?,
            integration_name: object_name("integrationName", &self.integration_name)?,
            action: self
                .action
                .as_ref()
                .map(|a| a.validated(object_name))
                .transpose()?,
            client_name: client.name,
            client_description: client.description,
            token_duration_seconds: client.access_token_validity_seconds,
            role_divisions: client.role_divisions,
        })
    }
}

/// A validated request: what the run creates, before markers are added. The journal keeps it
/// so a resumed run creates exactly what was planned. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ValidSetup {
    pub client_name: String,
    /// As typed (trimmed); the marker is appended when the client is created.
    pub client_description: String,
    pub token_duration_seconds: u32,
    pub role_divisions: Vec<RoleDivision>,
    pub credential_name: String,
    pub integration_name: String,
    /// The data action part, validated (a journal of a build without it reads as none).
    #[serde(default)]
    pub action: Option<ActionStep>,
}

impl ValidSetup {
    /// The `POST /api/v2/oauth/clients` body of run `run_id`: marker in the description.
    pub fn client_request(&self, run_id: &str) -> OAuthClientRequest {
        OAuthClientRequest {
            name: self.client_name.clone(),
            authorized_grant_type: GrantType::ClientCredentials,
            description: marked_description(&self.client_description, run_id),
            access_token_validity_seconds: self.token_duration_seconds,
            registered_redirect_uri: Vec::new(),
            scope: Vec::new(),
            role_divisions: self.role_divisions.clone(),
            state: ClientState::Active,
        }
    }
}

/// The client form names its fields `name`, `description`...: the setup form says which name.
fn renamed_client_field(e: Error) -> Error {
    match e {
        Error::InvalidInput { field, reason } => Error::InvalidInput {
            field: match field {
                "name" => "clientName",
                "description" => "clientDescription",
                "tokenDuration" => "tokenDurationSeconds",
                other => other,
            },
            reason,
        },
        other => other,
    }
}

/// A credential or integration name: the client name rules, and room for the run marker.
/// Genesys documents no length limit for these names; the client's 256 characters is used.
fn object_name(field: &'static str, text: &str) -> Result<String> {
    let name = client_name(text).map_err(|e| match e {
        Error::InvalidInput { reason, .. } => Error::InvalidInput { field, reason },
        other => other,
    })?;
    let marked = marked_name(&name, &"0".repeat(RUN_ID_LEN));
    if marked.chars().count() > MAX_NAME_CHARS {
        let room = MAX_NAME_CHARS - (marked.chars().count() - name.chars().count());
        return Err(Error::InvalidInput {
            field,
            reason: format!("at most {room} characters (the run marker takes the rest)"),
        });
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair() -> RoleDivision {
        RoleDivision {
            role_id: "queue-viewer".into(),
            division_id: "*".into(),
        }
    }

    fn field_of(e: Error) -> &'static str {
        match e {
            Error::InvalidInput { field, .. } => field,
            other => panic!("not an input error: {other}"),
        }
    }

    #[test]
    fn defaults_validate_and_each_bad_field_is_named() {
        let held = [pair()];
        let ok = SetupRequest::workshop_defaults(vec![pair()]);
        let valid = ok.validate(&held).expect("the defaults are valid");
        assert_eq!(valid.client_name, DEFAULT_CLIENT_NAME);
        assert_eq!(valid.token_duration_seconds, 86_400);
        let body = valid.client_request("0123456789abcdef");
        assert_eq!(body.authorized_grant_type, GrantType::ClientCredentials);
        assert_eq!(body.description, "dip-studio-run:0123456789abcdef");
        assert_eq!(valid.integration_name, DEFAULT_INTEGRATION_NAME);
        let cases: Vec<(SetupRequest, &str)> = vec![
            (
                SetupRequest {
                    client_name: " ".into(),
                    ..ok.clone()
                },
                "clientName",
            ),
            (
                SetupRequest {
                    client_description: "a\u{202E}b".into(),
                    ..ok.clone()
                },
                "clientDescription",
            ),
            (
                SetupRequest {
                    token_duration_seconds: "1.5".into(),
                    ..ok.clone()
                },
                "tokenDurationSeconds",
            ),
            (
                SetupRequest {
                    role_divisions: vec![],
                    ..ok.clone()
                },
                "roleDivisions",
            ),
            (
                SetupRequest {
                    credential_name: "\u{200B}".into(),
                    ..ok.clone()
                },
                "credentialName",
            ),
            (
                SetupRequest {
                    integration_name: "x".repeat(240),
                    ..ok.clone()
                },
                "integrationName",
            ),
            (
                SetupRequest {
                    integration_name: "a\nb".into(),
                    ..ok.clone()
                },
                "integrationName",
            ),
        ];
        for (request, field) in cases {
            assert_eq!(field_of(request.validate(&held).expect_err(field)), field);
            assert_eq!(
                field_of(request.validate_without_roles().expect_err(field)),
                field
            );
        }
        let unheld = SetupRequest {
            role_divisions: vec![RoleDivision {
                role_id: "admin".into(),
                division_id: "*".into(),
            }],
            ..ok
        };
        assert!(
            unheld.validate_without_roles().is_ok(),
            "roles need subjects/me"
        );
        assert_eq!(
            field_of(unheld.validate(&held).expect_err("not held")),
            "roleDivisions"
        );
    }
}
