//! The crate's own error type: what can go wrong starting, loading or saving a Sandbox org.

use std::path::PathBuf;

/// Why the Sandbox org could not start or save its state.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A listener could not be bound (for example a fixed port already in use).
    #[error("could not listen on 127.0.0.1:{port}: {source}")]
    Bind {
        port: u16,
        #[source]
        source: std::io::Error,
    },
    /// The state file could not be read or written.
    #[error("state file {path}: {source}")]
    StateFileIo {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The state file exists but is not a Sandbox org: it is never silently replaced.
    #[error("state file {path} is not a valid Sandbox org: {source}")]
    StateFileCorrupt {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    /// The built-in seed fixture failed to parse (a build defect, caught by the unit tests).
    #[error("seed fixture: {0}")]
    Seed(#[source] serde_json::Error),
}
