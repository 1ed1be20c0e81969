//! The Sandbox's variants: where no public source says how a real org answers, each such
//! behaviour can take every plausible form, so the client is tested against all of them.
//! One `Variant` holds a choice per behaviour; each choice has a name for `--variant NAME`,
//! the `PUT /__sandbox/variants` knob and the test matrix.

use serde::{Deserialize, Serialize};

/// Declares one behaviour: an enum of its plausible forms, its first form the default, each
/// with the name used on the command line and in the test matrix's table.
macro_rules! behaviour {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// Every form with its name, the default first.
            pub const ALL: &'static [($name, &'static str)] = &[$(($name::$variant, $text)),+];

            pub fn name(self) -> &'static str {
                Self::ALL
                    .iter()
                    .find(|(v, _)| *v == self)
                    .map_or("", |(_, n)| n)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::ALL[0].0
            }
        }
    };
}

behaviour! {
    /// How `/oauth/authorize` compares a requested redirect URI's path with a registered one
    /// (the port of a loopback URI registered without one is free either way).
    RedirectPath {
        /// Scheme, host and path as registered.
        Exact = "redirect-exact",
        /// A longer path below the registered one is accepted too.
        Prefix = "redirect-prefix",
    }
}

behaviour! {
    /// What `GET /api/v2/integrations/{id}` embeds as `config.current`.
    EmbeddedConfig {
        /// The whole current config, as `config/current` answers it.
        Complete = "config-complete",
        /// Name and credentials only, without `version`.
        Stub = "config-stub",
        /// No `config` at all.
        Absent = "config-absent",
    }
}

behaviour! {
    /// Whether `GET /api/v2/users/me?expand=authorization` lists `authorization.permissions`.
    MePermissions {
        Listed = "me-permissions",
        Omitted = "me-no-permissions",
    }
}

behaviour! {
    /// How `GET /api/v2/authorization/subjects/me` answers a client-credentials token.
    ClientSubject {
        /// 200 with the client's own grants.
        Allowed = "cc-subject-200",
        /// 403, as if a subject must be a user.
        Forbidden = "cc-subject-403",
    }
}

behaviour! {
    /// The division in which `PUT /api/v2/users/{id}/roles` grants a newly added role.
    SelfAssignDivision {
        Home = "assign-home-division",
        All = "assign-all-divisions",
    }
}

behaviour! {
    /// The status of Genesys's refusal when a client is given a role its creator does not hold.
    UngrantableRole {
        BadRequest = "ungrantable-400",
        Forbidden = "ungrantable-403",
    }
}

behaviour! {
    /// What an integration whose credential's secret is wrong reports once enabled.
    WrongSecret {
        /// `reportedState` ERROR with a message.
        Error = "wrong-secret-error",
        /// `reportedState` ACTIVE anyway: only a token request shows the secret is wrong.
        Active = "wrong-secret-active",
    }
}

behaviour! {
    /// The largest `pageSize` `GET /api/v2/authorization/roles` honours; larger asks are cut.
    RolesPageCap {
        Cap500 = "roles-page-500",
        Cap100 = "roles-page-100",
        Cap25 = "roles-page-25",
    }
}

behaviour! {
    /// Whether an Implicit grant's error redirect carries the request's `state`.
    ImplicitErrorState {
        Echoed = "implicit-error-state",
        Dropped = "implicit-error-no-state",
    }
}

behaviour! {
    /// Whether a 429 carries `Retry-After`.
    RetryAfter {
        Sent = "retry-after",
        Omitted = "no-retry-after",
    }
}

behaviour! {
    /// How `presenceDefinition.systemPresence` spells the On Queue presence. No public source
    /// settles it: the SDKs' enum says `OnQueue` (platform-client-sdk-java
    /// build/docs/OrganizationPresenceDefinition.md, `SystemPresenceEnum`), while a data action
    /// built for a flow is read by comparing its output with the words `On Queue`. Both are
    /// served; the words are the default.
    OnQueueSpelling {
        Words = "on-queue-words",
        Joined = "on-queue-joined",
    }
}

behaviour! {
    /// Whether a data action read with `includeConfig=true` carries its request and success
    /// templates inline, or only their `requestTemplateUri`/`successTemplateUri`. Terraform reads
    /// both templates from the `templates/` routes after every read of an action and writes them
    /// over the config it got (terraform-provider-genesyscloud
    /// genesyscloud/integration_action/resource_genesyscloud_integration_action.go,
    /// `readIntegrationAction`), which suggests the config lacks them; no source shows an answer.
    ActionTemplates {
        /// Only the `*Uri` links; the templates come from the `templates/` routes.
        ByUri = "action-templates-by-uri",
        /// The templates inline as well as their links.
        Inline = "action-templates-inline",
    }
}

behaviour! {
    /// What a translation-map default that is not JSON text (`disconnected`, `Not Found`, as
    /// GenesysCloudBlueprints/automated-callback-blueprint files/Get-interaction-state.custom.json
    /// and GenesysCloudBlueprints/gc-presence-update-from-ms-teams
    /// exports/Get-Genesys-Cloud-User-Presence.custom.json publish) becomes when its path finds
    /// nothing.
    NonJsonDefault {
        /// Inserted into the success template as it is, so `{"state": ${state}}` is not JSON and
        /// step 10 fails.
        Verbatim = "default-verbatim",
        /// Taken as a JSON string (`"disconnected"`).
        AsString = "default-as-string",
    }
}

behaviour! {
    /// Whether a data action of an integration that is not ACTIVE can be tested or executed.
    /// No public source in a repository states it.
    InactiveIntegration {
        /// Refused at step 4, "Perform authentication", with `ACTION.AUTHENTICATION`.
        Refused = "action-needs-active",
        /// Run as long as the credential can get a token.
        Allowed = "action-any-state",
    }
}

impl RolesPageCap {
    pub fn max_page_size(self) -> u32 {
        match self {
            RolesPageCap::Cap500 => 500,
            RolesPageCap::Cap100 => 100,
            RolesPageCap::Cap25 => 25,
        }
    }
}

/// Declares `Variant`, one field per behaviour, with the behaviour's label in the test
/// matrix's table, and what reads every field in turn: `behaviours`, `choose` and `names`.
macro_rules! variant {
    ($($field:ident: $behaviour:ident = $label:literal),+ $(,)?) => {
        /// One choice for every behaviour whose real form no public source states.
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase", default)]
        pub struct Variant {
            $(pub $field: $behaviour),+
        }

        /// Every behaviour: its name in the table and the names of its forms, the default first.
        pub fn behaviours() -> Vec<(&'static str, Vec<&'static str>)> {
            vec![$(($label, $behaviour::ALL.iter().map(|(_, n)| *n).collect())),+]
        }

        impl Variant {
            /// Choose the form called `name` for its behaviour, keeping the other choices.
            pub fn choose(&mut self, name: &str) -> Result<(), String> {
                $(
                    if let Some((form, _)) = $behaviour::ALL.iter().find(|(_, n)| *n == name) {
                        self.$field = *form;
                        return Ok(());
                    }
                )+
                Err(format!(
                    "unknown variant {name} (one of: {})",
                    all_names().join(", ")
                ))
            }

            /// The names of this variant's choices that differ from the defaults (empty: the
            /// defaults).
            pub fn names(&self) -> Vec<&'static str> {
                let defaults = Variant::default();
                let mut out = Vec::new();
                $(
                    if self.$field != defaults.$field {
                        out.push(self.$field.name());
                    }
                )+
                out
            }
        }
    };
}

variant! {
    redirect_path: RedirectPath = "redirect path",
    embedded_config: EmbeddedConfig = "embedded config.current",
    me_permissions: MePermissions = "users/me permissions",
    client_subject: ClientSubject = "subjects/me for a client",
    self_assign_division: SelfAssignDivision = "self-assigned role's division",
    ungrantable_role: UngrantableRole = "ungrantable role",
    wrong_secret: WrongSecret = "wrong credential secret",
    roles_page_cap: RolesPageCap = "roles page cap",
    implicit_error_state: ImplicitErrorState = "Implicit error state",
    retry_after: RetryAfter = "429 Retry-After",
    on_queue_spelling: OnQueueSpelling = "On Queue spelling",
    action_templates: ActionTemplates = "action config templates",
    non_json_default: NonJsonDefault = "non-JSON translation default",
    inactive_integration: InactiveIntegration = "action of an inactive integration",
}

impl Variant {
    /// The defaults with the form called `name` chosen (e.g. `config-stub`).
    pub fn named(name: &str) -> Result<Variant, String> {
        let mut variant = Variant::default();
        variant.choose(name)?;
        Ok(variant)
    }

    /// The defaults, then one variant for every form that is not a default: the rows of the
    /// test matrix.
    pub fn matrix() -> Vec<Variant> {
        let mut out = vec![Variant::default()];
        for (_, forms) in behaviours() {
            for name in forms.into_iter().skip(1) {
                out.push(Variant::named(name).expect("a listed name"));
            }
        }
        out
    }

    /// A short label: `defaults`, or the names of the chosen forms.
    pub fn label(&self) -> String {
        let names = self.names();
        if names.is_empty() {
            "defaults".to_owned()
        } else {
            names.join("+")
        }
    }
}

/// Every form's name, behaviour by behaviour.
pub fn all_names() -> Vec<&'static str> {
    behaviours().into_iter().flat_map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_round_trips_and_unknown_names_are_refused() {
        for name in all_names() {
            let v = Variant::named(name).expect("listed");
            let label = v.label();
            assert!(
                label == name || label == "defaults",
                "{name} reads back as {label}"
            );
        }
        assert!(Variant::named("redirect-sideways")
            .unwrap_err()
            .contains("config-stub"));
    }

    #[test]
    fn the_matrix_has_the_defaults_and_each_other_form_once() {
        let m = Variant::matrix();
        let others: usize = behaviours().iter().map(|(_, f)| f.len() - 1).sum();
        assert_eq!(m.len(), 1 + others);
        assert_eq!(m[0], Variant::default());
        assert!(m[1..].iter().all(|v| v.names().len() == 1));
    }

    #[test]
    fn a_partial_json_keeps_the_other_defaults() {
        let v: Variant = serde_json::from_str(r#"{"embeddedConfig":"stub"}"#).expect("parses");
        assert_eq!(v.embedded_config, EmbeddedConfig::Stub);
        assert_eq!(v.redirect_path, RedirectPath::Exact);
    }
}
