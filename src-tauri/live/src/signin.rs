//! How the live suite signs in: PKCE through the system browser, a client-credentials client
//! from the environment, or the practice admin of an in-process Sandbox org.

use std::time::Duration;

use genesys::auth::{begin_sign_in, client_credentials, BrowserGrant, Session, SignInRequest};
use genesys::secrets::Secret;
use genesys::{Language, Region};
use sandbox::{RunningSandbox, Sandbox, SandboxOptions, Variant};

use super::args::{Args, Target};
use super::practice::sign_in_as_practice_admin;

/// The environment variables of a Client Credentials sign-in.
pub const CLIENT_ID_VAR: &str = "DIP_STUDIO_LIVE_CLIENT_ID";
pub const CLIENT_SECRET_VAR: &str = "DIP_STUDIO_LIVE_CLIENT_SECRET";

/// A session, and the Sandbox org it belongs to when there is one (kept running until the
/// suite ends).
pub async fn session(args: &Args) -> Result<(Session, Option<RunningSandbox>), String> {
    match &args.target {
        Target::Sandbox { variants } => {
            let mut variant = Variant::default();
            for name in variants {
                variant.choose(name)?;
            }
            let org = Sandbox::start(SandboxOptions {
                variant,
                activation_delay: Duration::from_millis(300),
                ..SandboxOptions::default()
            })
            .await
            .map_err(|e| format!("the Sandbox org does not start: {e}"))?;
            eprintln!("live: Sandbox org in variant {}", variant.label());
            let session = sign_in_as_practice_admin(&org).await?;
            Ok((session, Some(org)))
        }
        Target::Region {
            code, client_id, ..
        } => {
            let region = Region::by_code(code).ok_or(format!("unknown region {code}"))?;
            let session = match (client_id, std::env::var(CLIENT_ID_VAR).ok()) {
                (Some(id), _) => browser_sign_in(region, id).await?,
                (None, Some(id)) => {
                    let secret = std::env::var(CLIENT_SECRET_VAR)
                        .map(Secret::new)
                        .map_err(|_| format!("{CLIENT_ID_VAR} is set but {CLIENT_SECRET_VAR} is not"))?;
                    client_credentials(region.endpoints(), region.code, &id, &secret)
                        .await
                        .map_err(|e| format!("client-credentials sign-in failed: {e}"))?
                }
                (None, None) => {
                    return Err(format!(
                        "pass --client-id (PKCE in the browser) or set {CLIENT_ID_VAR} and {CLIENT_SECRET_VAR}"
                    ))
                }
            };
            Ok((session, None))
        }
    }
}

async fn browser_sign_in(region: &Region, client_id: &str) -> Result<Session, String> {
    let pending = begin_sign_in(SignInRequest {
        endpoints: region.endpoints(),
        region_code: region.code.to_owned(),
        client_id: client_id.to_owned(),
        grant: BrowserGrant::Pkce,
        prompt_login: false,
        language: Language::En,
        timeout: genesys::auth::DEFAULT_TIMEOUT,
        ports: Vec::new(),
    })
    .await
    .map_err(|e| format!("sign-in does not begin: {e}"))?;
    eprintln!(
        "live: sign in in your browser (opening it now):\n  {}",
        pending.authorize_url
    );
    open_browser(&pending.authorize_url);
    pending
        .finish()
        .await
        .map_err(|e| format!("sign-in failed: {e}"))
}

/// Opens the system browser; if none opens, the URL printed above is there to copy.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("rundll32", vec!["url.dll,FileProtocolHandler", url])
    } else {
        ("xdg-open", vec![url])
    };
    if std::process::Command::new(program)
        .args(args)
        .spawn()
        .is_err()
    {
        eprintln!("live: no browser could be opened; open the URL above yourself");
    }
}
