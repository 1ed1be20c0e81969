//! The routing part of the org's state: queues with their members, each user's presence and
//! routing status, and the org's presence definitions. The names are the Genesys models'
//! (platform-client-sdk-python build/docs/Queue.md, QueueMember.md, UserPresence.md,
//! PresenceDefinition.md, RoutingStatus.md).

use serde::{Deserialize, Serialize};

use crate::org::{by_id_mut, Org};

/// A routing queue (`Queue`): who is a member, in which division.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueueRecord {
    pub id: String,
    pub name: String,
    pub description: String,
    pub division_id: String,
    pub date_created_ms: i64,
    pub members: Vec<QueueMemberRecord>,
}

/// One user's membership of a queue (`QueueMember`: `ringNumber`, `joined`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueueMemberRecord {
    pub user_id: String,
    pub ring_number: i32,
    pub joined: bool,
}

/// The system presences, spelt as the SDK enumerates them
/// (platform-client-sdk-python build/PureCloudPlatformClientV2/models/user_schedule_adherence.py,
/// `system_presence` allowed values). `PresenceDefinition.systemPresence` itself carries no
/// enumeration in the SDK (presence_definition.py), so that these spellings are what a user's
/// presence answers is the Sandbox's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SystemPresence {
    Available,
    Away,
    Busy,
    #[default]
    Offline,
    Idle,
    OnQueue,
    Meal,
    Training,
    Meeting,
    Break,
}

impl SystemPresence {
    pub const ALL: [SystemPresence; 10] = [
        SystemPresence::Available,
        SystemPresence::Away,
        SystemPresence::Busy,
        SystemPresence::Offline,
        SystemPresence::Idle,
        SystemPresence::OnQueue,
        SystemPresence::Meal,
        SystemPresence::Training,
        SystemPresence::Meeting,
        SystemPresence::Break,
    ];

    /// The name as served in `spelling` (`Available`, `On Queue` or `OnQueue`...).
    pub fn served(self, spelling: crate::variants::OnQueueSpelling) -> &'static str {
        match (self, spelling) {
            (SystemPresence::OnQueue, crate::variants::OnQueueSpelling::Words) => "On Queue",
            (other, _) => other.name(),
        }
    }

    /// The name in the SDKs' enum (`Available`, `OnQueue`...).
    pub fn name(self) -> &'static str {
        match self {
            SystemPresence::Available => "Available",
            SystemPresence::Away => "Away",
            SystemPresence::Busy => "Busy",
            SystemPresence::Offline => "Offline",
            SystemPresence::Idle => "Idle",
            SystemPresence::OnQueue => "OnQueue",
            SystemPresence::Meal => "Meal",
            SystemPresence::Training => "Training",
            SystemPresence::Meeting => "Meeting",
            SystemPresence::Break => "Break",
        }
    }
}

/// `RoutingStatus.status` (platform-client-sdk-python
/// build/PureCloudPlatformClientV2/models/routing_status.py, allowed values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RoutingStatus {
    #[default]
    OffQueue,
    Idle,
    Interacting,
    NotResponding,
    Communicating,
}

impl RoutingStatus {
    /// The value as served (`OFF_QUEUE`...).
    pub fn name(self) -> &'static str {
        match self {
            RoutingStatus::OffQueue => "OFF_QUEUE",
            RoutingStatus::Idle => "IDLE",
            RoutingStatus::Interacting => "INTERACTING",
            RoutingStatus::NotResponding => "NOT_RESPONDING",
            RoutingStatus::Communicating => "COMMUNICATING",
        }
    }

    /// The routing status that goes with a presence when none is given: on queue and waiting
    /// (`IDLE`) for On Queue, `OFF_QUEUE` for every other presence. No public source states
    /// this pairing; it is the Sandbox's rule.
    pub fn for_presence(presence: SystemPresence) -> RoutingStatus {
        match presence {
            SystemPresence::OnQueue => RoutingStatus::Idle,
            _ => RoutingStatus::OffQueue,
        }
    }
}

/// A user's Genesys Cloud presence and routing status, and when each last changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PresenceRecord {
    pub system_presence: SystemPresence,
    pub presence_modified_ms: i64,
    pub routing_status: RoutingStatus,
    pub routing_status_ms: i64,
}

/// One of the org's presence definitions (`PresenceDefinition`: `id`, `systemPresence`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PresenceDefinitionRecord {
    pub id: String,
    pub system_presence: SystemPresence,
}

impl Org {
    /// Set a user's presence at `now`, and their routing status (`routing`, or the one that
    /// goes with the presence); a status that does not change keeps its start time. `false`
    /// when no user has `user_id`.
    pub fn set_presence(
        &mut self,
        user_id: &str,
        presence: SystemPresence,
        routing: Option<RoutingStatus>,
        now: i64,
    ) -> bool {
        let Some(user) = by_id_mut(&mut self.users, user_id) else {
            return false;
        };
        let record = &mut user.presence;
        let routing = routing.unwrap_or(RoutingStatus::for_presence(presence));
        if record.system_presence != presence {
            record.system_presence = presence;
            record.presence_modified_ms = now;
        }
        if record.routing_status != routing {
            record.routing_status = routing;
            record.routing_status_ms = now;
        }
        true
    }
}
