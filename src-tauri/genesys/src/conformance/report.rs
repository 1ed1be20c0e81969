//! What a conformance run found: each check's outcome, and for each uncertain behaviour the form
//! the org showed (named as the Sandbox's variants are), as JSON and as a plain table.

use std::time::Instant;

use serde::Serialize;

use crate::error::Error;

/// How one check ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "result", content = "detail")]
pub enum Outcome {
    Passed(String),
    Failed(String),
    Skipped(String),
}

/// One scenario or endpoint check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub name: String,
    pub outcome: Outcome,
    pub millis: u64,
}

impl Check {
    /// A check that took from `started` until now; an error reads with Genesys's message and
    /// its contextId.
    pub fn timed(name: &str, started: Instant, result: Result<String, Error>) -> Check {
        let millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let outcome = match result {
            Ok(detail) => Outcome::Passed(detail),
            Err(error) => Outcome::Failed(describe(&error)),
        };
        Check {
            name: name.to_owned(),
            outcome,
            millis,
        }
    }

    pub fn skipped(name: &str, why: &str) -> Check {
        Check {
            name: name.to_owned(),
            outcome: Outcome::Skipped(why.to_owned()),
            millis: 0,
        }
    }

    pub fn failed(&self) -> bool {
        matches!(self.outcome, Outcome::Failed(_))
    }
}

/// An error as one line: the message, then Genesys's code and contextId when it gave them.
pub fn describe(error: &Error) -> String {
    match error {
        Error::Api {
            status,
            code,
            message,
            context_id,
        } => format!(
            "HTTP {status} {code}: {message} (contextId {})",
            context_id.as_deref().unwrap_or("none")
        ),
        other => other.to_string(),
    }
}

/// The form one uncertain behaviour took on this org.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    /// The behaviour, as the Sandbox's variant table names it (`embedded config.current`).
    pub behaviour: String,
    /// The form seen, as a Sandbox variant name (`config-stub`); `None`: not determined.
    pub observed: Option<String>,
    /// What was seen, or why nothing could be.
    pub evidence: String,
}

impl Observation {
    pub fn seen(behaviour: &str, form: &str, evidence: impl Into<String>) -> Observation {
        Observation {
            behaviour: behaviour.to_owned(),
            observed: Some(form.to_owned()),
            evidence: evidence.into(),
        }
    }

    pub fn unknown(behaviour: &str, why: impl Into<String>) -> Observation {
        Observation {
            behaviour: behaviour.to_owned(),
            observed: None,
            evidence: why.into(),
        }
    }
}

/// Everything one run found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub checks: Vec<Check>,
    pub observations: Vec<Observation>,
}

impl Report {
    pub fn failures(&self) -> Vec<&Check> {
        self.checks.iter().filter(|c| c.failed()).collect()
    }

    /// The form seen for `behaviour`, if it was determined.
    pub fn observed(&self, behaviour: &str) -> Option<&str> {
        self.observations
            .iter()
            .find(|o| o.behaviour == behaviour)
            .and_then(|o| o.observed.as_deref())
    }

    /// Two plain-text tables: checks (result, time, detail) and observations (form, evidence).
    pub fn table(&self) -> String {
        let mut out = String::new();
        let width = self.checks.iter().map(|c| c.name.len()).max().unwrap_or(5);
        out.push_str(&format!("{:width$}  result   ms      detail\n", "check"));
        for check in &self.checks {
            let (word, detail) = match &check.outcome {
                Outcome::Passed(d) => ("passed", d),
                Outcome::Failed(d) => ("FAILED", d),
                Outcome::Skipped(d) => ("skipped", d),
            };
            out.push_str(&format!(
                "{:width$}  {word:7}  {:6}  {detail}\n",
                check.name, check.millis
            ));
        }
        let width = self
            .observations
            .iter()
            .map(|o| o.behaviour.len())
            .max()
            .unwrap_or(9);
        out.push_str(&format!(
            "\n{:width$}  {:24}  evidence\n",
            "behaviour", "form"
        ));
        for o in &self.observations {
            out.push_str(&format!(
                "{:width$}  {:24}  {}\n",
                o.behaviour,
                o.observed.as_deref().unwrap_or("(not determined)"),
                o.evidence
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_errors_read_with_their_context_id_and_the_table_marks_failures() {
        let error = Error::Api {
            status: 403,
            code: "missing.permissions".into(),
            message: "no".into(),
            context_id: Some("ctx-1".into()),
        };
        let mut report = Report::default();
        report
            .checks
            .push(Check::timed("x", Instant::now(), Err(error)));
        report
            .observations
            .push(Observation::seen("b", "config-stub", "no version"));
        assert_eq!(report.failures().len(), 1);
        let table = report.table();
        assert!(
            table.contains("FAILED") && table.contains("contextId ctx-1"),
            "{table}"
        );
        assert_eq!(report.observed("b"), Some("config-stub"));
        assert_eq!(report.observed("c"), None);
    }
}
