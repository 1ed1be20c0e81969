//! `/api/v2/routing/queues` and `/api/v2/routing/queues/{queueId}`: the org's queues, listed
//! (sorted by name, filtered by `name`, `id` and `divisionId`, paged like every listing) and by id.
//! Parameters and permissions: platform-client-sdk-python build/docs/RoutingApi.md
//! (`get_routing_queues`, `get_routing_queue`); fields: build/docs/Queue.md.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use serde_json::{json, Value};

use crate::caller::Caller;
use crate::clock;
use crate::error_body::ApiError;
use crate::org::{Org, QueueRecord};
use crate::paging::Query;
use crate::resource::{one, self_uri, PageRequest};
use crate::store::Ctx;

/// Both queue reads require `routing:queue:view` (RoutingApi.md; ../shared/data's
/// endpoint-permission table gives ANY for the listing, ALL for one queue: one permission
/// either way).
const QUEUE_VIEW: &str = "routing:queue:view";

pub async fn list(
    State(ctx): State<Ctx>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let asked = PageRequest::parse(raw.as_deref())?;
    let name = asked.query.get("name").map(NamePattern::parse);
    let ids = asked.query.all("id");
    let divisions = asked.query.all("divisionId");
    let descending = sorted_descending(&asked.query);
    ctx.read_as(&caller, QUEUE_VIEW, |org, _| {
        let mut queues: Vec<&QueueRecord> = org
            .queues
            .iter()
            .filter(|q| name.as_ref().is_none_or(|n| n.matches(&q.name)))
            .filter(|q| ids.is_empty() || ids.contains(&q.id))
            .filter(|q| divisions.is_empty() || divisions.contains(&q.division_id))
            .collect();
        queues.sort_by_key(|q| (q.name.to_lowercase(), q.id.clone()));
        if descending {
            queues.reverse();
        }
        Ok(asked.answer(queues, "/api/v2/routing/queues", |q| queue_view(org, q)))
    })
}

pub async fn get_one(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(queue_id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.read_as(&caller, QUEUE_VIEW, |org, _| {
        one(org.queue(&queue_id), |q| queue_view(org, q))
    })
}

/// `sortOrder=desc` (any case) reverses the name order; `asc` is the default (RoutingApi.md:
/// "results are sorted by name").
pub fn sorted_descending(query: &Query) -> bool {
    query
        .get("sortOrder")
        .is_some_and(|o| o.eq_ignore_ascii_case("desc"))
}

/// The `name` filter: "leading and trailing asterisks allowed" (RoutingApi.md), so `*x*`
/// contains, `x*` starts with, `*x` ends with, and `x` is the whole name. Whether Genesys
/// compares case-sensitively is not documented; the Sandbox ignores case.
struct NamePattern {
    text: String,
    leading: bool,
    trailing: bool,
}

impl NamePattern {
    fn parse(raw: &str) -> NamePattern {
        let raw = raw.trim();
        let leading = raw.starts_with('*');
        let trailing = raw.len() > 1 && raw.ends_with('*');
        let text = raw.trim_matches('*').to_lowercase();
        NamePattern {
            text,
            leading,
            trailing,
        }
    }

    fn matches(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        match (self.leading, self.trailing) {
            (true, true) => name.contains(&self.text),
            (false, true) => name.starts_with(&self.text),
            (true, false) => name.ends_with(&self.text),
            (false, false) => name == self.text,
        }
    }
}

/// `Queue`: its division, the member counts (`memberCount`, `userMemberCount`,
/// `joinedMemberCount`; every Sandbox member is a user) and its relative `selfUri`.
fn queue_view(org: &Org, queue: &QueueRecord) -> Value {
    let joined = queue.members.iter().filter(|m| m.joined).count();
    let mut view = json!({
        "id": queue.id,
        "name": queue.name,
        "description": queue.description,
        "dateCreated": clock::iso(queue.date_created_ms),
        "memberCount": queue.members.len(),
        "userMemberCount": queue.members.len(),
        "joinedMemberCount": joined,
        "selfUri": self_uri("routing/queues", &queue.id),
    });
    if let Some(d) = org.division(&queue.division_id) {
        let uri = self_uri("authorization/divisions", &d.id);
        view["division"] = json!({ "id": d.id, "name": d.name, "selfUri": uri });
    }
    view
}

#[cfg(test)]
mod tests {
    use super::NamePattern;

    #[test]
    fn asterisks_at_either_end_widen_the_name_filter() {
        let name = "Claims Intake";
        assert!(NamePattern::parse("claims intake").matches(name));
        assert!(!NamePattern::parse("Claims").matches(name));
        assert!(NamePattern::parse("Claims*").matches(name));
        assert!(NamePattern::parse("*intake").matches(name));
        assert!(NamePattern::parse("*ms In*").matches(name));
        assert!(!NamePattern::parse("*Policy*").matches(name));
    }
}
