//! `GET /api/v2/routing/queues/{queueId}/members`: a queue's members sorted by name, filtered by
//! `name`, `joined`, `presence`, `routingStatus` and `memberBy`, with `presence` and
//! `routingStatus` expanded only when asked, paged up to 100 a page. Parameters, their defaults
//! and the permissions: platform-client-sdk-python build/docs/RoutingApi.md
//! (`get_routing_queue_members`); fields: build/docs/QueueMember.md, UserPresence.md,
//! PresenceDefinition.md, RoutingStatus.md.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use super::routing_queues::sorted_descending;
use crate::caller::{permission_matches, Caller};
use crate::clock;
use crate::error_body::ApiError;
use crate::org::{Org, QueueMemberRecord, UserRecord};
use crate::paging::{Page, Query};
use crate::resource::{found, self_uri, PageRequest};
use crate::store::Ctx;
use crate::variants::OnQueueSpelling;

/// The members listing takes any one of these (RoutingApi.md, "Requires ANY permissions").
const MEMBER_PERMISSIONS: [&str; 4] = [
    "routing:queue:view",
    "routing:queue:edit",
    "routing:queue:readonly",
    "routing:queueMember:manage",
];

/// `pageSize` "Max value is 100" (RoutingApi.md); like every Sandbox listing, a larger one is
/// refused with 400 rather than cut.
pub const MAX_MEMBERS_PAGE: usize = 100;

pub async fn list(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(queue_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let asked = members_page(raw.as_deref())?;
    let query = &asked.query;
    let expand = query.all("expand");
    let with_presence = expand.iter().any(|e| e == "presence");
    let with_routing = expand.iter().any(|e| e == "routingStatus");
    // "contains-style search" (RoutingApi.md); case is ignored.
    let name = query.get("name").map(str::to_lowercase);
    let joined = query.get("joined").map(|v| v.eq_ignore_ascii_case("true"));
    let presences: Vec<String> = query.all("presence").iter().map(|p| folded(p)).collect();
    let statuses: Vec<String> = query
        .all("routingStatus")
        .iter()
        .map(|s| folded(s))
        .collect();
    // `memberBy` is `user` or `group`: every Sandbox member is a user.
    let groups_only = query
        .get("memberBy")
        .is_some_and(|m| m.eq_ignore_ascii_case("group"));
    let descending = sorted_descending(query);
    let now = ctx.now_ms();
    let spelling = ctx.variant().on_queue_spelling;
    ctx.read(|org| {
        require_any(&caller, org, now)?;
        let queue = found(org.queue(&queue_id))?;
        let mut members: Vec<(&QueueMemberRecord, &UserRecord)> = queue
            .members
            .iter()
            .filter_map(|m| org.user(&m.user_id).map(|u| (m, u)))
            .filter(|_| !groups_only)
            .filter(|(_, u)| {
                name.as_ref()
                    .is_none_or(|n| u.name.to_lowercase().contains(n))
            })
            .filter(|(m, _)| joined.is_none_or(|j| m.joined == j))
            .filter(|(_, u)| {
                presences.is_empty()
                    || presences.contains(&folded(u.presence.system_presence.name()))
            })
            .filter(|(_, u)| {
                statuses.is_empty() || statuses.contains(&folded(u.presence.routing_status.name()))
            })
            .collect();
        members.sort_by_key(|(_, u)| (u.name.to_lowercase(), u.id.clone()));
        if descending {
            members.reverse();
        }
        let path = format!("/api/v2/routing/queues/{}/members", queue.id);
        Ok(asked.answer(members, &path, |(m, u)| {
            member_view(
                org,
                &queue.id,
                m,
                u,
                with_presence.then_some(spelling),
                with_routing,
            )
        }))
    })
}

/// The page asked for: `pageSize` 1–100 (25 when absent), `pageNumber` from 1, or 400.
fn members_page(raw: Option<&str>) -> Result<PageRequest, ApiError> {
    let query = Query::parse(raw);
    let size = query.number("pageSize", 25)?;
    let number = query.number("pageNumber", 1)?;
    if size == 0 || size > MAX_MEMBERS_PAGE {
        return Err(ApiError::bad_request(format!(
            "pageSize must be between 1 and {MAX_MEMBERS_PAGE}."
        )));
    }
    if number == 0 {
        return Err(ApiError::bad_request("pageNumber must be 1 or more."));
    }
    Ok(PageRequest {
        query,
        page: Page { size, number },
    })
}

/// A filter value and a served value compare without case, spaces or `_` (`On Queue`,
/// `ON_QUEUE` and `OnQueue` are one presence): the filter's own format is not documented.
fn folded(value: &str) -> String {
    value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// 403 `missing.any.permissions` unless the caller holds one of [`MEMBER_PERMISSIONS`]; its
/// message is the `x-inin-error-codes` template of tests/sandbox/genesys-openapi.json.
fn require_any(caller: &Caller, org: &Org, now: i64) -> Result<(), ApiError> {
    let held = caller.permissions(org, now);
    let holds = |wanted: &&str| held.iter().any(|h| permission_matches(h, wanted));
    if MEMBER_PERMISSIONS.iter().any(holds) {
        return Ok(());
    }
    Err(ApiError::new(
        StatusCode::FORBIDDEN,
        "missing.any.permissions",
        format!(
            "Unable to perform the requested action. You must have at least one of the following permissions assigned: {}",
            MEMBER_PERMISSIONS.join(", ")
        ),
    ))
}

/// `QueueMember`: the user (with `presence` when expanded), `ringNumber`, `joined`, `memberBy`
/// and, when expanded, `routingStatus`.
fn member_view(
    org: &Org,
    queue_id: &str,
    member: &QueueMemberRecord,
    user: &UserRecord,
    presence: Option<OnQueueSpelling>,
    with_routing: bool,
) -> Value {
    let mut person = json!({
        "id": user.id,
        "name": user.name,
        "email": user.email,
        "username": user.email,
        "state": "active",
        "version": user.version,
        "selfUri": self_uri("users", &user.id),
    });
    if let Some(d) = org.division(&user.division_id) {
        let uri = self_uri("authorization/divisions", &d.id);
        person["division"] = json!({ "id": d.id, "name": d.name, "selfUri": uri });
    }
    if let Some(spelling) = presence {
        person["presence"] = presence_view(org, user, spelling);
    }
    let mut view = json!({
        "id": user.id,
        "name": user.name,
        "user": person,
        "ringNumber": member.ring_number,
        "joined": member.joined,
        "memberBy": "user",
        "selfUri": format!("/api/v2/routing/queues/{queue_id}/members/{}", user.id),
    });
    if with_routing {
        view["routingStatus"] = json!({
            "userId": user.id,
            "status": user.presence.routing_status.name(),
            "startTime": clock::iso(user.presence.routing_status_ms),
        });
    }
    view
}

/// `UserPresence` from the Genesys Cloud source (`PURECLOUD`, one of the sources UserPresence.md
/// names), with its `presenceDefinition`.
fn presence_view(org: &Org, user: &UserRecord, spelling: OnQueueSpelling) -> Value {
    let system = user.presence.system_presence;
    let mut definition = json!({ "systemPresence": system.served(spelling) });
    if let Some(d) = org
        .presence_definitions
        .iter()
        .find(|d| d.system_presence == system)
    {
        definition["id"] = json!(d.id);
        definition["selfUri"] = json!(self_uri("presencedefinitions", &d.id));
    }
    json!({
        "source": "PURECLOUD",
        "primary": true,
        "presenceDefinition": definition,
        "message": "",
        "modifiedDate": clock::iso(user.presence.presence_modified_ms),
        "selfUri": format!("/api/v2/users/{}/presences/purecloud", user.id),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn presence_spellings_fold_together() {
        assert_eq!(super::folded("On Queue"), super::folded("OnQueue"));
        assert_eq!(super::folded("ON_QUEUE"), "onqueue");
        assert_ne!(super::folded("OFF_QUEUE"), super::folded("ON_QUEUE"));
    }
}
