//! Fixed-port sign-in, for orgs whose OAuth client registers its loopback redirect URI with a
//! port (`http://127.0.0.1:8123`): which ports may be listed, and binding the first free one.
//! The `gc` CLI asks for such a port too ("Redirect URI port", 0 for any: requestRedirectURIPort
//! in platform-client-sdk-cli build/gc/cmd/profiles/createprofile.go); we take several, since
//! one registered port may be held by another program.

use tokio::net::TcpListener;

use crate::error::{Error, Result};

/// The ports a fixed-port sign-in may list: unprivileged ones only.
pub const PORT_RANGE: (u16, u16) = (1024, 65535);
/// At most this many ports in a sign-in request.
pub const MAX_PORTS: usize = 10;

/// Refuses a list longer than [`MAX_PORTS`], a port outside [`PORT_RANGE`], or one listed twice.
pub(crate) fn check(ports: &[u16]) -> Result<()> {
    let (lowest, highest) = PORT_RANGE;
    let ok = ports.len() <= MAX_PORTS
        && ports.iter().all(|p| (lowest..=highest).contains(p))
        && ports
            .iter()
            .enumerate()
            .all(|(i, p)| !ports[..i].contains(p));
    if ok {
        return Ok(());
    }
    Err(Error::InvalidInput {
        field: "ports",
        reason: format!("at most {MAX_PORTS} different ports, each from {lowest} to {highest}"),
    })
}

/// `127.0.0.1` on an ephemeral port, or on the first of `ports` that no other program holds;
/// [`Error::PortsInUse`] (naming them all) when every one is taken.
pub(crate) async fn bind(ports: &[u16]) -> Result<TcpListener> {
    let cannot =
        |e: std::io::Error| Error::Unexpected(format!("cannot listen on 127.0.0.1 ({})", e.kind()));
    if ports.is_empty() {
        return TcpListener::bind(("127.0.0.1", 0)).await.map_err(cannot);
    }
    for &port in ports {
        match TcpListener::bind(("127.0.0.1", port)).await {
            Ok(socket) => return Ok(socket),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => continue,
            Err(e) => return Err(cannot(e)),
        }
    }
    Err(Error::PortsInUse {
        ports: ports.to_vec(),
    })
}
