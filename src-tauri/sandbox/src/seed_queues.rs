//! The seeded routing queues: the fixture's queues as they are, and the overflow queue whose
//! generated agents (no password, no roles, each system presence in turn) fill more than one
//! members page.

use serde::Deserialize;

use crate::org::{
    PresenceRecord, QueueMemberRecord, QueueRecord, RoutingStatus, SystemPresence, UserRecord,
};

/// A seeded user's presence and routing status.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FixturePresence {
    system_presence: SystemPresence,
    routing_status: RoutingStatus,
}

impl FixturePresence {
    /// The presence as set at `at`.
    pub fn record(&self, at: i64) -> PresenceRecord {
        PresenceRecord {
            system_presence: self.system_presence,
            presence_modified_ms: at,
            routing_status: self.routing_status,
            routing_status_ms: at,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FixtureQueue {
    id: String,
    name: String,
    description: String,
    division_id: String,
    members: Vec<QueueMemberRecord>,
}

/// A queue whose `members` generated agents make.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FixtureOverflow {
    id: String,
    name: String,
    description: String,
    division_id: String,
    members: usize,
}

/// The fixture's queues and the overflow queue, whose agents are appended to `users`.
pub fn seeded_queues(
    queues: Vec<FixtureQueue>,
    overflow: FixtureOverflow,
    at: i64,
    users: &mut Vec<UserRecord>,
) -> Vec<QueueRecord> {
    let mut out: Vec<QueueRecord> = queues
        .into_iter()
        .map(|q| QueueRecord {
            id: q.id,
            name: q.name,
            description: q.description,
            division_id: q.division_id,
            date_created_ms: at,
            members: q.members,
        })
        .collect();
    let agents: Vec<UserRecord> = (1..=overflow.members)
        .map(|n| overflow_agent(n, &overflow.division_id, at))
        .collect();
    out.push(QueueRecord {
        id: overflow.id,
        name: overflow.name,
        description: overflow.description,
        division_id: overflow.division_id,
        date_created_ms: at,
        members: agents
            .iter()
            .map(|a| QueueMemberRecord {
                user_id: a.id.clone(),
                ring_number: 1,
                joined: true,
            })
            .collect(),
    });
    users.extend(agents);
    out
}

/// Overflow agent `n` (from 1): the `n`-th system presence in turn, with its routing status.
fn overflow_agent(n: usize, division_id: &str, at: i64) -> UserRecord {
    let presence = SystemPresence::ALL[(n - 1) % SystemPresence::ALL.len()];
    UserRecord {
        id: format!("0a9e0000-0000-4000-8000-{n:012}"),
        name: format!("Overflow Agent {n:03}"),
        email: format!("overflow.agent.{n:03}@harborview-insurance.example"),
        title: "Surge Claims Agent".to_owned(),
        department: "Claims".to_owned(),
        // An empty digest matches no password: this agent cannot sign in.
        password_sha256: String::new(),
        division_id: division_id.to_owned(),
        grants: Vec::new(),
        pending_grants: None,
        version: 1,
        presence: PresenceRecord {
            system_presence: presence,
            presence_modified_ms: at,
            routing_status: RoutingStatus::for_presence(presence),
            routing_status_ms: at,
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::seed::seeded_org;

    #[test]
    fn every_member_is_a_user_and_every_presence_has_a_definition() {
        let (org, _) = seeded_org(0).expect("the fixture parses");
        assert!(org.queues.len() >= 3);
        for queue in &org.queues {
            assert!(org.division(&queue.division_id).is_some(), "{}", queue.name);
            for member in &queue.members {
                assert!(org.user(&member.user_id).is_some(), "{}", member.user_id);
            }
        }
        let overflow = org.queues.iter().map(|q| q.members.len()).max();
        assert!(overflow > Some(100), "one queue needs more than one page");
        for user in &org.users {
            let presence = user.presence.system_presence;
            assert!(org
                .presence_definitions
                .iter()
                .any(|d| d.system_presence == presence));
        }
        let ids: std::collections::BTreeSet<&str> =
            org.users.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids.len(), org.users.len(), "user ids are unique");
    }
}
