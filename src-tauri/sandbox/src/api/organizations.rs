//! `/api/v2/organizations/me`: the org the caller belongs to.

use axum::extract::State;
use axum::response::Response;
use serde_json::{json, Value};

use crate::caller::Caller;
use crate::error_body::ApiError;
use crate::org::Org;
use crate::resource::ok;
use crate::store::Ctx;

pub async fn get_me(State(ctx): State<Ctx>, _caller: Caller) -> Result<Response, ApiError> {
    Ok(ok(ctx.read(organization_view)))
}

pub fn organization_view(org: &Org) -> Value {
    let o = &org.organization;
    json!({
        "id": o.id,
        "name": o.name,
        "defaultLanguage": o.default_language,
        "defaultCountryCode": o.default_country_code,
        "thirdPartyOrgName": o.third_party_org_name,
        "domain": o.domain,
        "version": 1,
        "state": "active",
        "productPlatform": "GenesysCloud",
        "features": {},
        "selfUri": format!("/api/v2/organizations/{}", o.id),
    })
}
