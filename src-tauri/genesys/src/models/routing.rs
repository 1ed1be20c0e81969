//! `Queue` and `QueueMember` as the routing API answers them, with a member's `UserPresence`
//! and `RoutingStatus` when they are expanded (platform-client-sdk-python build/docs/Queue.md,
//! QueueMember.md, UserPresence.md, PresenceDefinition.md, RoutingStatus.md).

use serde::Deserialize;

use super::EntityRef;

/// A routing queue (`GET /api/v2/routing/queues`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Queue {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub division: Option<EntityRef>,
    #[serde(default)]
    pub member_count: Option<u64>,
    #[serde(default)]
    pub joined_member_count: Option<u64>,
}

/// One member of a queue (`GET /api/v2/routing/queues/{queueId}/members`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueueMember {
    /// The member's id (a user member's is the user's id).
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub user: Option<QueueMemberUser>,
    #[serde(default)]
    pub joined: Option<bool>,
    #[serde(default)]
    pub ring_number: Option<i64>,
    /// `user` or `group` (RoutingApi.md, `memberBy` values).
    #[serde(default)]
    pub member_by: Option<String>,
    /// Present when `routingStatus` was expanded.
    #[serde(default)]
    pub routing_status: Option<RoutingStatus>,
}

impl QueueMember {
    /// The member's system presence (`user.presence.presenceDefinition.systemPresence`, the
    /// path the workshop's action reads), when `presence` was expanded.
    pub fn system_presence(&self) -> Option<&str> {
        self.user
            .as_ref()?
            .presence
            .as_ref()?
            .presence_definition
            .as_ref()?
            .system_presence
            .as_deref()
    }

    /// Whether the member is On Queue, however the org spells it: the SDKs' enum says `OnQueue`
    /// (platform-client-sdk-java build/docs/OrganizationPresenceDefinition.md), flows compare
    /// the words `On Queue`; case, spaces and `_` are ignored.
    pub fn on_queue(&self) -> bool {
        self.system_presence().is_some_and(|p| {
            let folded: String = p
                .chars()
                .filter(|c| !matches!(c, ' ' | '_'))
                .flat_map(char::to_lowercase)
                .collect();
            folded == "onqueue"
        })
    }
}

/// The `User` of a queue member, as far as the core reads it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueueMemberUser {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    /// Present when `presence` was expanded.
    #[serde(default)]
    pub presence: Option<UserPresence>,
}

/// `UserPresence`: where the presence was set and which definition it is.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserPresence {
    /// `PURECLOUD`, `LYNC`, `OUTLOOK`... (UserPresence.md).
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub presence_definition: Option<PresenceDefinition>,
    #[serde(default)]
    pub modified_date: Option<String>,
}

/// `PresenceDefinition`: its id and the system presence it stands for (`Available`, `Away`...).
/// Kept as text: the SDK enumerates no values for it (presence_definition.py).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PresenceDefinition {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub system_presence: Option<String>,
}

/// `RoutingStatus`: the agent's routing state and since when.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoutingStatus {
    #[serde(default)]
    pub user_id: Option<String>,
    pub status: RoutingState,
    #[serde(default)]
    pub start_time: Option<String>,
}

/// `RoutingStatus.status` (platform-client-sdk-python
/// build/PureCloudPlatformClientV2/models/routing_status.py, allowed values); a value added
/// later reads as `Unknown` rather than failing the page, as the SDK keeps one it does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RoutingState {
    OffQueue,
    Idle,
    Interacting,
    NotResponding,
    Communicating,
    #[serde(other)]
    Unknown,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_reads_with_and_without_expansions() {
        let bare: QueueMember = serde_json::from_str(r#"{"id":"u1","name":"A"}"#).expect("bare");
        assert_eq!(bare.system_presence(), None);
        let full: QueueMember = serde_json::from_str(
            r#"{"id":"u1","user":{"id":"u1","presence":{"presenceDefinition":{"systemPresence":"Away"}}},
                "routingStatus":{"status":"SOMETHING_NEW"}}"#,
        )
        .expect("expanded");
        assert_eq!(full.system_presence(), Some("Away"));
        assert_eq!(
            full.routing_status.map(|r| r.status),
            Some(RoutingState::Unknown)
        );
    }

    #[test]
    fn on_queue_is_read_in_either_spelling() {
        let member = |presence: &str| -> QueueMember {
            let json = format!(
                r#"{{"id":"u","user":{{"id":"u","presence":{{"presenceDefinition":{{"systemPresence":"{presence}"}}}}}}}}"#
            );
            serde_json::from_str(&json).expect("a member")
        };
        for spelled in ["On Queue", "OnQueue", "ON_QUEUE"] {
            assert!(member(spelled).on_queue(), "{spelled}");
        }
        assert!(!member("Available").on_queue());
        assert!(!member("Queue").on_queue());
    }
}
