//! Finding what a run created by its marker (security-matrix.md C2, C3, D1): before any POST is repeated,
//! and when rolling back (objects whose create answer never reached the journal).

use serde::Serialize;
use ts_rs::TS;

use super::marker::carries;
use crate::api::{ActionFilter, Client};
use crate::error::Result;
use crate::secrets::Secret;

/// The kinds of object a run creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "SetupObject")]
pub enum Object {
    Client,
    Credential,
    Integration,
    /// The workshop's data action (draft, then published).
    Action,
}

/// The ids of every `object` carrying the marker of `run_id`: a client in its description, a
/// credential (which has no description), a Data Actions integration or a data action in its
/// name. An action is looked for among the published actions and the drafts: one whose
/// publish answer was lost, or never published, is in one of the two listings only.
pub async fn find(
    client: &Client,
    object: Object,
    run_id: &str,
    token: &Secret,
) -> Result<Vec<String>> {
    let marked = |text: Option<&str>| text.is_some_and(|t| carries(t, run_id));
    Ok(match object {
        Object::Client => client
            .oauth_clients(token)
            .await?
            .into_iter()
            .filter_map(|c| marked(c.description.as_deref()).then_some(c.id))
            .collect(),
        Object::Credential => client
            .credentials(token)
            .await?
            .into_iter()
            .filter_map(|c| marked(c.name.as_deref()).then_some(c.id))
            .collect(),
        Object::Integration => client
            .data_actions_integrations(token)
            .await?
            .into_iter()
            .filter_map(|i| marked(Some(&i.name)).then_some(i.id))
            .collect(),
        Object::Action => {
            let every = ActionFilter::default();
            let (published, drafts) = tokio::join!(
                client.actions(&every, token),
                client.action_drafts(&every, token)
            );
            let mut ids: Vec<String> = Vec::new();
            for action in published?.into_iter().chain(drafts?) {
                if marked(Some(&action.name)) && !ids.contains(&action.id) {
                    ids.push(action.id);
                }
            }
            ids
        }
    })
}

/// Deletes `object` `id`; already gone (404) counts as done (security-matrix.md D6). A client is deleted
/// the Genesys way (inactive, DELETE, read until 404); one Genesys keeps inactive for its
/// 30-day rule counts as deleted too.
pub async fn remove(client: &Client, object: Object, id: &str, token: &Secret) -> Result<()> {
    match object {
        Object::Client => client.delete_oauth_client(id, token).await.map(drop),
        Object::Credential => client.delete_credential(id, token).await.map(drop),
        Object::Integration => client.delete_integration(id, token).await.map(drop),
        // The published action with its draft, then a draft never published (a 404 from either
        // is already gone: `Removal::AlreadyGone`).
        Object::Action => {
            client.delete_action(id, token).await?;
            client.delete_action_draft(id, token).await.map(drop)
        }
    }
}

/// Of the ids found, the one to keep (the journal's, else the first) and the extra ones (a
/// duplicate only a lost answer could have made: deleted so exactly one remains).
pub fn keep_one(found: Vec<String>, journaled: Option<&str>) -> Option<(String, Vec<String>)> {
    let keep = journaled
        .filter(|j| found.iter().any(|f| f == j))
        .map(str::to_owned)
        .or_else(|| found.first().cloned())?;
    let extra = found.into_iter().filter(|f| *f != keep).collect();
    Some((keep, extra))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_journaled_id_is_kept_and_the_rest_are_extra() {
        let ids = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(super::keep_one(ids(&[]), Some("a")), None);
        assert_eq!(
            super::keep_one(ids(&["a", "b"]), Some("b")),
            Some(("b".into(), ids(&["a"])))
        );
        assert_eq!(
            super::keep_one(ids(&["a", "b"]), Some("z")),
            Some(("a".into(), ids(&["b"])))
        );
    }
}
