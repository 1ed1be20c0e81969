//! The guided setup's optional last part ([`ActionStep`]): the workshop's data action made on
//! the new integration, tested against a queue the user picked, and published. Without a
//! queue (an org with none) the action is still made and published and the test is skipped,
//! saying so, since a test needs a queue id the org knows.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// The action's name the form starts with (the workshop's action).
pub const DEFAULT_ACTION_NAME: &str = "Get queue presences";

/// The action part of the form: the action's name (the run marker is appended) and the queue
/// its test reads. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionStep {
    pub name: String,
    /// A routing queue's id; `None` (or blank) skips the test.
    #[serde(default)]
    pub queue_id: Option<String>,
}

impl ActionStep {
    /// The workshop's action with `queue_id` to test against.
    pub fn workshop(queue_id: Option<String>) -> ActionStep {
        ActionStep {
            name: DEFAULT_ACTION_NAME.to_owned(),
            queue_id,
        }
    }

    /// The step with its name checked by `name_rule` (the other names' rules, field
    /// `actionName`) and a blank queue read as none. A queue id is a Genesys id: no spaces or
    /// control characters (it goes in the action's URL).
    pub(crate) fn validated(
        &self,
        name_rule: impl Fn(&'static str, &str) -> Result<String>,
    ) -> Result<ActionStep> {
        let name = name_rule("actionName", &self.name)?;
        let queue_id = self
            .queue_id
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty());
        if let Some(q) = queue_id {
            if q.chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '/')
            {
                return Err(Error::InvalidInput {
                    field: "actionQueueId",
                    reason: "not a queue id".to_owned(),
                });
            }
        }
        Ok(ActionStep {
            name,
            queue_id: queue_id.map(str::to_owned),
        })
    }
}
