//! The one integration-test binary: every module below runs against real parts
//! (the Sandbox org over loopback HTTP, the Tauri mock runtime, a real Secret Service).

mod genesys;
mod ipc;
mod sandbox;
mod variants;
