//! What a failed test step means for the action being built, beyond Genesys's own message:
//! the step's number says which part of the action failed (see `steps`), and the message says
//! what is missing (a variable, a permission). The window words the hint.

use crate::wire::actions::{StepError, StepHint};

/// The test tool's operations by number, as the org's admin UI shows them and as the
/// Sandbox org answers (workshop screenshot `testtool.PNG`; no SDK lists them).
pub mod steps {
    pub const REQUEST_IS_SIMPLE_JSON: u32 = 1;
    pub const DRAFT_IS_VALID: u32 = 2;
    pub const REQUEST_MATCHES_INPUT: u32 = 3;
    pub const AUTHENTICATION: u32 = 4;
    pub const URL_TEMPLATE: u32 = 5;
    pub const HEADER_TEMPLATES: u32 = 6;
    pub const BODY_TEMPLATE: u32 = 7;
    pub const EXECUTE: u32 = 8;
    pub const TRANSLATION_MAP: u32 = 9;
    pub const OUTPUT: u32 = 10;
}

/// The variable in a Velocity "has not been set" message: `Variable $Presences has not been
/// set at successTemplate[line 1, column 20]` names `Presences`.
fn unset_variable(message: &str) -> Option<String> {
    let rest = &message[message.find("Variable $")? + "Variable $".len()..];
    let rest = rest.strip_prefix('!').unwrap_or(rest);
    let rest = rest.strip_prefix('{').unwrap_or(rest);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    rest[name.len()..]
        .contains("has not been set")
        .then_some(name)
        .filter(|n| !n.is_empty())
}

/// The permissions a Genesys 403 message names ("…missing the following permission(s):
/// routing:queue:view"), each `domain:entity:action`.
fn named_permissions(message: &str) -> Vec<String> {
    message
        .split(|c: char| c.is_whitespace() || c == ',' || c == '"' || c == '\'')
        .map(|w| w.trim_end_matches(['.', ')', ']']))
        .filter(|w| w.split(':').count() == 3 && w.split(':').all(|p| !p.is_empty()))
        .filter(|w| {
            w.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ':' || c == '*')
        })
        .map(str::to_owned)
        .collect()
}

fn has_code(e: &StepError, code: &str) -> bool {
    e.code.as_deref() == Some(code) || e.error_codes.iter().any(|c| c == code)
}

/// The hint for a failed step `step`, given the translation map's keys.
pub fn hint(step: u32, error: &StepError, map_keys: &[String]) -> Option<StepHint> {
    if let Some(variable) = unset_variable(&error.message) {
        return Some(StepHint::UndefinedVariable {
            closest: action_engine::names::closest(&variable, map_keys),
            defined: map_keys.to_vec(),
            variable,
        });
    }
    let permissions = named_permissions(&error.message);
    if !permissions.is_empty() && (error.status == Some(403) || error.message.contains("403")) {
        return Some(StepHint::MissingPermission { permissions });
    }
    if has_code(error, "ACTION.AUTHENTICATION") || step == steps::AUTHENTICATION {
        return Some(StepHint::Authentication);
    }
    if has_code(error, "invalid.substitution") {
        return Some(StepHint::Substitution);
    }
    Some(match step {
        steps::REQUEST_IS_SIMPLE_JSON | steps::REQUEST_MATCHES_INPUT => StepHint::Input,
        steps::DRAFT_IS_VALID => StepHint::Draft,
        steps::URL_TEMPLATE | steps::HEADER_TEMPLATES | steps::BODY_TEMPLATE => {
            StepHint::Substitution
        }
        steps::EXECUTE => StepHint::RemoteEndpoint {
            status: error.status.filter(|s| *s != 400),
        },
        steps::OUTPUT if has_code(error, "invalid.schema") => StepHint::OutputSchema,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(message: &str, status: Option<u16>, codes: &[&str]) -> StepError {
        StepError {
            message: message.into(),
            code: None,
            status,
            context_id: None,
            error_codes: codes.iter().map(|c| c.to_string()).collect(),
            causes: Vec::new(),
        }
    }

    #[test]
    fn the_workshop_typo_names_the_variable_and_the_key_the_map_defines() {
        let e = error(
            "Transform failed to process result using 'successTemplate' template due to error:'Variable $Presences has not been set at successTemplate[line 1, column 20]'",
            Some(400),
            &["ACTION.PROCESSING"],
        );
        let keys = vec!["Presence".to_string()];
        assert_eq!(
            hint(steps::OUTPUT, &e, &keys),
            Some(StepHint::UndefinedVariable {
                variable: "Presences".into(),
                defined: keys.clone(),
                closest: Some("Presence".into()),
            })
        );
        // A name far from every key gets no guess.
        let e = error("Variable $queueSize has not been set at x", None, &[]);
        let Some(StepHint::UndefinedVariable { closest, .. }) = hint(10, &e, &keys) else {
            panic!("no hint")
        };
        assert_eq!(closest, None);
    }

    #[test]
    fn a_403_at_execute_names_the_missing_permission() {
        let e = error(
            "Unable to perform the requested action. You are missing the following permission(s): routing:queue:view",
            Some(403),
            &["ACTION.REMOTE_ENDPOINT"],
        );
        assert_eq!(
            hint(steps::EXECUTE, &e, &[]),
            Some(StepHint::MissingPermission {
                permissions: vec!["routing:queue:view".into()]
            })
        );
        let e = error("Not found", Some(404), &["ACTION.REMOTE_ENDPOINT"]);
        assert_eq!(
            hint(steps::EXECUTE, &e, &[]),
            Some(StepHint::RemoteEndpoint { status: Some(404) })
        );
    }

    #[test]
    fn authentication_and_substitution_failures_are_told_apart() {
        let auth = error("bad credentials", None, &["ACTION.AUTHENTICATION"]);
        assert_eq!(
            hint(steps::EXECUTE, &auth, &[]),
            Some(StepHint::Authentication)
        );
        let sub = error("could not substitute", None, &["invalid.substitution"]);
        assert_eq!(
            hint(steps::URL_TEMPLATE, &sub, &[]),
            Some(StepHint::Substitution)
        );
        assert_eq!(
            hint(steps::TRANSLATION_MAP, &error("x", None, &[]), &[]),
            None
        );
    }
}
