//! Saved sign-in profiles: which org (the Sandbox org or a Genesys Cloud region), how to sign
//! in, and with which OAuth client. Validated here; the UI mirrors these rules.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::region::Region;

/// Where a profile signs in: the built-in Sandbox org or a real region (by AWS code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum OrgTarget {
    Sandbox,
    Region { code: String },
}

impl OrgTarget {
    /// The code sign-in binds callbacks to: the region's AWS code, or `sandbox`.
    pub fn code(&self) -> &str {
        match self {
            OrgTarget::Sandbox => "sandbox",
            OrgTarget::Region { code } => code,
        }
    }

    /// The region of a real org; an unknown code (a tampered store, security-matrix.md B6) is refused.
    pub fn region(&self) -> Result<Option<&'static Region>> {
        match self {
            OrgTarget::Sandbox => Ok(None),
            OrgTarget::Region { code } => {
                Region::by_code(code)
                    .map(Some)
                    .ok_or_else(|| Error::InvalidInput {
                        field: "region",
                        reason: format!("`{code}` is not a Genesys Cloud region"),
                    })
            }
        }
    }
}

/// How a profile signs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SignInMethod {
    /// Authorization Code with PKCE in the system browser (the default).
    Pkce,
    /// The legacy Implicit grant in the system browser.
    Implicit,
    /// A Client Credentials client's id and secret (the secret lives in the keychain).
    ClientCredentials,
}

/// One saved way into one org.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Profile {
    pub target: OrgTarget,
    pub method: SignInMethod,
    /// The OAuth client's id; empty for a browser sign-in to the Sandbox org, which uses
    /// its ready-made sign-in clients.
    pub client_id: String,
    /// The org's name, learned at the last sign-in, to tell profiles apart.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_name: Option<String>,
}

impl Profile {
    /// Checks and normalises what the user typed; nothing is sent before this passes.
    pub fn new(target: OrgTarget, method: SignInMethod, client_id: &str) -> Result<Profile> {
        target.region()?;
        let client_id = client_id.trim().to_ascii_lowercase();
        let needs_client =
            target != OrgTarget::Sandbox || method == SignInMethod::ClientCredentials;
        if needs_client || !client_id.is_empty() {
            validate_client_id(&client_id)?;
        }
        Ok(Profile {
            target,
            method,
            client_id,
            org_name: None,
        })
    }

    /// A stable key for this profile: also the keychain account names of its secrets.
    pub fn key(&self) -> String {
        let method = match self.method {
            SignInMethod::Pkce => "pkce",
            SignInMethod::Implicit => "implicit",
            SignInMethod::ClientCredentials => "client-credentials",
        };
        format!("{}/{method}/{}", self.target.code(), self.client_id)
    }

    /// The keychain account holding this profile's access token.
    pub fn token_account(&self) -> String {
        format!("token:{}", self.key())
    }

    /// The keychain account holding a client-credentials profile's client secret.
    pub fn secret_account(&self) -> String {
        format!("client-secret:{}", self.key())
    }
}

/// Genesys OAuth client ids are GUIDs (`8-4-4-4-12` hex digits).
pub fn validate_client_id(id: &str) -> Result<()> {
    let groups: Vec<&str> = id.split('-').collect();
    let shape_ok = groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()));
    if shape_ok {
        Ok(())
    } else {
        Err(Error::InvalidInput {
            field: "clientId",
            reason: "an OAuth client id looks like 1b9e2c4a-0d5f-4f0e-8a66-3c1d2e4f5a01".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(code: &str) -> OrgTarget {
        OrgTarget::Region { code: code.into() }
    }

    #[test]
    fn a_real_region_needs_a_guid_client_id() {
        let ok = Profile::new(
            region("eu-west-1"),
            SignInMethod::Pkce,
            "  1B9E2C4A-0d5f-4f0e-8a66-3c1d2e4f5a01 ",
        )
        .unwrap();
        assert_eq!(
            ok.client_id, "1b9e2c4a-0d5f-4f0e-8a66-3c1d2e4f5a01",
            "trimmed and lower-cased"
        );
        assert_eq!(
            ok.key(),
            "eu-west-1/pkce/1b9e2c4a-0d5f-4f0e-8a66-3c1d2e4f5a01"
        );
        for bad in [
            "",
            "abc",
            "1b9e2c4a0d5f4f0e8a663c1d2e4f5a01",
            "1b9e2c4a-0d5f-4f0e-8a66-3c1d2e4f5a0g",
            "1b9e2c4a-0d5f-4f0e-8a66-3c1d2e4f5a01-x",
        ] {
            let err = Profile::new(region("eu-west-1"), SignInMethod::Pkce, bad).unwrap_err();
            assert!(
                matches!(
                    err,
                    Error::InvalidInput {
                        field: "clientId",
                        ..
                    }
                ),
                "{bad:?} must be refused"
            );
        }
    }

    #[test]
    fn the_sandbox_browser_sign_in_needs_no_client_but_its_client_credentials_do() {
        let sandbox = Profile::new(OrgTarget::Sandbox, SignInMethod::Pkce, "").unwrap();
        assert_eq!(sandbox.key(), "sandbox/pkce/");
        assert!(Profile::new(OrgTarget::Sandbox, SignInMethod::ClientCredentials, "").is_err());
    }

    #[test]
    fn an_unknown_region_is_refused() {
        let err = Profile::new(
            region("mars-1"),
            SignInMethod::Pkce,
            "1b9e2c4a-0d5f-4f0e-8a66-3c1d2e4f5a01",
        )
        .unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidInput {
                field: "region",
                ..
            }
        ));
    }

    #[test]
    fn profiles_have_the_wire_shape_of_the_generated_type() {
        let p = Profile::new(
            region("us-east-1"),
            SignInMethod::ClientCredentials,
            "1b9e2c4a-0d5f-4f0e-8a66-3c1d2e4f5a01",
        )
        .unwrap();
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"target": {"kind": "region", "code": "us-east-1"}, "method": "clientCredentials", "clientId": "1b9e2c4a-0d5f-4f0e-8a66-3c1d2e4f5a01"})
        );
    }
}
