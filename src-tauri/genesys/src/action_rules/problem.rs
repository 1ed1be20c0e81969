//! A rule a data action breaks, as the window words it: where (`field`, a dotted path into the
//! request body such as `contract.input.inputSchema.properties.orgId`), which rule (`code`, the
//! key the window's catalogues word it under, `actions.problem.<code>`) and what the words need
//! (`value`: a name, a limit).

use serde::Serialize;
use ts_rs::TS;

/// Which rule. Serialized in camelCase: the window's catalogue key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ContractRule {
    /// A required text (name, category, integration) is empty.
    Required,
    /// Longer than `value` characters.
    TooLong,
    /// The input contract's root is not an object schema.
    InputNotObject,
    /// An input is not of a simple type (string, integer, number, boolean, null): inputs are flat.
    NotSimpleType,
    /// An input name does not start with a letter or holds more than letters, digits, `-`, `_`.
    NameChars,
    /// An input name Genesys fills in itself (`value`).
    ReservedName,
    /// A `$ref` somewhere in a contract.
    Ref,
    /// An array inside an array in the output contract.
    NestedArray,
    /// The output contract's root is neither an object nor an array schema.
    OutputNotObject,
    /// `timeoutSeconds` outside 1–60.
    TimeoutRange,
    /// A method other than GET, PUT, POST, PATCH and DELETE.
    Method,
    /// The contract or `secure` of a published action would change.
    Frozen,
}

impl ContractRule {
    /// The catalogue key's last part (`actions.problem.<code>`).
    pub fn code(self) -> &'static str {
        match self {
            ContractRule::Required => "required",
            ContractRule::TooLong => "tooLong",
            ContractRule::InputNotObject => "inputNotObject",
            ContractRule::NotSimpleType => "notSimpleType",
            ContractRule::NameChars => "nameChars",
            ContractRule::ReservedName => "reservedName",
            ContractRule::Ref => "ref",
            ContractRule::NestedArray => "nestedArray",
            ContractRule::OutputNotObject => "outputNotObject",
            ContractRule::TimeoutRange => "timeoutRange",
            ContractRule::Method => "method",
            ContractRule::Frozen => "frozen",
        }
    }

    /// The rule in English, for logs and error messages (the window words it itself).
    fn english(self) -> &'static str {
        match self {
            ContractRule::Required => "is required",
            ContractRule::TooLong => "is too long",
            ContractRule::InputNotObject => "must be an object schema",
            ContractRule::NotSimpleType => {
                "must be of type string, integer, number, boolean or null (inputs are flat)"
            }
            ContractRule::NameChars => {
                "must start with a letter and hold only letters, digits, - and _"
            }
            ContractRule::ReservedName => "is a name Genesys reserves",
            ContractRule::Ref => "is a $ref, which contracts do not support",
            ContractRule::NestedArray => "is an array inside an array",
            ContractRule::OutputNotObject => "must be an object or array schema",
            ContractRule::TimeoutRange => "must be a whole number of seconds from 1 to 60",
            ContractRule::Method => "must be GET, PUT, POST, PATCH or DELETE",
            ContractRule::Frozen => "cannot change once the action is published",
        }
    }
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContractProblem {
    pub field: String,
    pub code: ContractRule,
    pub value: Option<String>,
}

impl ContractProblem {
    pub(crate) fn new(field: impl Into<String>, code: ContractRule) -> ContractProblem {
        ContractProblem {
            field: field.into(),
            code,
            value: None,
        }
    }

    pub(crate) fn with(
        field: impl Into<String>,
        code: ContractRule,
        value: impl Into<String>,
    ) -> ContractProblem {
        ContractProblem {
            field: field.into(),
            code,
            value: Some(value.into()),
        }
    }
}

impl std::fmt::Display for ContractProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.field, self.code.english())?;
        match &self.value {
            Some(value) => write!(f, " ({value})"),
            None => Ok(()),
        }
    }
}
