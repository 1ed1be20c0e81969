//! `User` from `GET /api/v2/users/me?expand=organization`, and the `Organization` it expands.

use serde::Deserialize;

/// The signed-in user, with the organization expanded.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserMe {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub organization: Option<Organization>,
}

/// `Organization` (`GET /api/v2/organizations/me`, or expanded on the user).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub third_party_org_name: Option<String>,
}
