//! action-engine: runs a Genesys Cloud data action's templates offline, for the Sandbox org and
//! the app's preview. JSONPath translation maps in Genesys's (Jayway) dialect over RFC 9535, the
//! Velocity subset of request and success templates, the two response steps built on them, and
//! the contracts applied to values (checked, and flattened as Architect sees them).

pub mod contract;
pub mod error;
pub mod lint;
pub mod names;
pub mod path;
pub mod response;
pub mod velocity;

pub use error::{EngineError, ErrorKind};
pub use path::{check_path, eval_path, PathResult};
pub use response::{success_output, success_output_with_raw, translate, SuccessOutput};
pub use velocity::{render, Context, RefUse, References, Rendered, Template, UndefinedRef, Value};
