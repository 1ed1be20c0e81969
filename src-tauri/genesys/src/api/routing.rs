//! `/api/v2/routing/queues` and a queue's `/members` (platform-client-sdk-python
//! build/docs/RoutingApi.md, `get_routing_queues` and `get_routing_queue_members`): every queue,
//! and every member of one queue with the expansions asked for, read page by page.

use super::encode::segment;
use super::Client;
use crate::error::Result;
use crate::models::{Queue, QueueMember};
use crate::secrets::Secret;

/// Members are asked for at the largest page the members listing takes ("Max value is 100",
/// RoutingApi.md), so a queue of a few hundred agents takes a few requests.
pub const MEMBER_PAGE_SIZE: u32 = 100;
/// Queues are asked for this many per page; RoutingApi.md states no maximum for the queues
/// listing, and the size a server answers with is followed from page 1 on (see `all_pages`).
pub const QUEUE_PAGE_SIZE: u32 = 100;

/// What a members listing can expand that the core reads (RoutingApi.md `expand` values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberExpand {
    /// `user.presence`.
    Presence,
    /// The member's `routingStatus`.
    RoutingStatus,
}

impl MemberExpand {
    fn name(self) -> &'static str {
        match self {
            MemberExpand::Presence => "presence",
            MemberExpand::RoutingStatus => "routingStatus",
        }
    }
}

/// The members path with each expansion as its own `expand` parameter.
fn members_path(queue_id: &str, expand: &[MemberExpand]) -> String {
    let mut path = format!("/api/v2/routing/queues/{}/members", segment(queue_id));
    for (n, e) in expand.iter().enumerate() {
        path.push(if n == 0 { '?' } else { '&' });
        path.push_str("expand=");
        path.push_str(e.name());
    }
    path
}

impl Client {
    /// `GET /api/v2/routing/queues` through every page, each queue once.
    pub async fn routing_queues(&self, token: &Secret) -> Result<Vec<Queue>> {
        self.all_pages("/api/v2/routing/queues", QUEUE_PAGE_SIZE, token, |q| {
            let queue: &Queue = q;
            queue.id.as_str()
        })
        .await
    }

    /// `GET /api/v2/routing/queues/{queueId}/members?expand=…` through every page, each member
    /// once. An unknown queue is 404 `not.found`; a token holding none of the listing's
    /// permissions is 403.
    pub async fn routing_queue_members(
        &self,
        queue_id: &str,
        expand: &[MemberExpand],
        token: &Secret,
    ) -> Result<Vec<QueueMember>> {
        let path = members_path(queue_id, expand);
        self.all_pages(&path, MEMBER_PAGE_SIZE, token, |m| {
            let member: &QueueMember = m;
            member.id.as_str()
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::{members_path, MemberExpand};

    #[test]
    fn each_expansion_is_its_own_parameter_and_the_id_one_segment() {
        assert_eq!(
            members_path("q/1", &[]),
            "/api/v2/routing/queues/q%2F1/members"
        );
        assert_eq!(
            members_path("q1", &[MemberExpand::Presence, MemberExpand::RoutingStatus]),
            "/api/v2/routing/queues/q1/members?expand=presence&expand=routingStatus"
        );
    }
}
