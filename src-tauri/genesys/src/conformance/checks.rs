//! The read-only checks: every endpoint the app reads, called once as the app calls it, each
//! answer parsed by the same models the screens use.

use std::future::Future;
use std::time::Instant;

use super::report::Check;
use crate::api::Client;
use crate::error::{Error, Result};
use crate::secrets::Secret;

async fn check<F>(name: &str, work: F) -> Check
where
    F: Future<Output = Result<String>>,
{
    let started = Instant::now();
    Check::timed(name, started, work.await)
}

fn count(what: &str, n: usize) -> String {
    format!("{n} {what}")
}

/// Each read the app makes, in the order a session makes them.
pub async fn read_only(client: &Client, token: &Secret) -> Vec<Check> {
    vec![
        check("GET /api/v2/tokens/me", async {
            let info = client.token_info(token).await?;
            Ok(format!("token of organization {}", info.organization.id))
        })
        .await,
        check("GET /api/v2/users/me", async {
            match client.user_me(token).await {
                Ok(me) => Ok(format!("user {}", me.id)),
                // A client-credentials token has no user; Genesys answers 400 `not.a.user`.
                Err(Error::Api {
                    status: 400, code, ..
                }) if code == "not.a.user" => {
                    Ok("no user behind a client-credentials token (400 not.a.user)".to_owned())
                }
                Err(e) => Err(e),
            }
        })
        .await,
        check("GET /api/v2/organizations/me", async {
            let org: serde_json::Value = client.get("/api/v2/organizations/me", token).await?;
            let name = org.get("name").and_then(|v| v.as_str()).unwrap_or("");
            Ok(format!("organization {name}"))
        })
        .await,
        check("GET /api/v2/authorization/roles (every page)", async {
            Ok(count("roles", client.roles(token).await?.len()))
        })
        .await,
        check("GET /api/v2/authorization/divisions (every page)", async {
            Ok(count("divisions", client.divisions(token).await?.len()))
        })
        .await,
        check("GET /api/v2/authorization/divisions/home", async {
            Ok(format!(
                "home division {}",
                client.home_division(token).await?.id
            ))
        })
        .await,
        check("GET /api/v2/authorization/subjects/me", async {
            match client.subject_me(token).await {
                Ok(me) => Ok(count("grants", me.grants.len())),
                // Whether a client-credentials token may read its own subject is one of the
                // forms probed (`subjects/me for a client`): a 403 is a finding, not a failure.
                Err(Error::Api { status: 403, .. }) => Ok("403 for this token".to_owned()),
                Err(e) => Err(e),
            }
        })
        .await,
        check("GET /api/v2/oauth/clients", async {
            Ok(count(
                "OAuth clients",
                client.oauth_clients(token).await?.len(),
            ))
        })
        .await,
        check("GET /api/v2/oauth/scopes", async {
            Ok(count("scopes", client.oauth_scopes(token).await?.len()))
        })
        .await,
        check(
            "GET /api/v2/integrations (Data Actions, every page)",
            async {
                Ok(count(
                    "Data Actions integrations",
                    client.data_actions_integrations(token).await?.len(),
                ))
            },
        )
        .await,
        check("GET /api/v2/integrations/credentials (every page)", async {
            Ok(count("credentials", client.credentials(token).await?.len()))
        })
        .await,
        check(
            "GET /api/v2/integrations/types/purecloud-data-actions",
            async {
                let kind: serde_json::Value = client
                    .get("/api/v2/integrations/types/purecloud-data-actions", token)
                    .await?;
                Ok(match kind.get("maxInstances").and_then(|v| v.as_u64()) {
                    Some(n) => format!("maxInstances {n}"),
                    None => "no maxInstances in the answer".to_owned(),
                })
            },
        )
        .await,
    ]
}
