//! The HTTP plumbing: loopback listeners, one hyper connection per accepted socket, and the
//! per-connection handle that lets a fault reset the TCP connection instead of answering.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::Request;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tokio::task::JoinHandle;
use tower::ServiceExt;

use crate::error::Error;

/// Whether the request names this host in `Host`: a loopback name with this listener's port.
/// A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends its
/// own name, and is refused.
fn addressed_to(request: &Request<Incoming>, port: u16) -> bool {
    let Some(host) = request
        .headers()
        .get(hyper::header::HOST)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let Some((name, given)) = host.rsplit_once(':') else {
        return false;
    };
    given == port.to_string() && matches!(name, "127.0.0.1" | "localhost" | "[::1]")
}

fn misdirected() -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        axum::http::StatusCode::MISDIRECTED_REQUEST,
        "This host only answers requests addressed to it by its loopback address.",
    )
        .into_response()
}

/// The connection a request arrived on (a request extension).
#[derive(Clone)]
pub struct Connection {
    pub peer: SocketAddr,
    reset: Arc<Notify>,
}

impl Connection {
    /// Abort the connection with a TCP reset; the request never gets an answer.
    pub fn reset(&self) {
        self.reset.notify_one();
    }
}

/// Listen on `127.0.0.1:port` (port 0 picks a free one). Never on other interfaces.
pub async fn bind(port: u16) -> Result<TcpListener, Error> {
    TcpListener::bind(("127.0.0.1", port))
        .await
        .map_err(|source| Error::Bind { port, source })
}

/// Serve `router` on `listener` until `shutdown` fires or its sender is dropped.
pub fn spawn(
    listener: TcpListener,
    router: Router,
    shutdown: watch::Receiver<bool>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut stop = shutdown.clone();
        loop {
            tokio::select! {
                _ = stop.changed() => break,
                accepted = listener.accept() => {
                    if let Ok((stream, peer)) = accepted {
                        tokio::spawn(serve(stream, peer, router.clone(), shutdown.clone()));
                    }
                }
            }
        }
    })
}

async fn serve(
    stream: TcpStream,
    peer: SocketAddr,
    router: Router,
    mut shutdown: watch::Receiver<bool>,
) {
    // Keep a second handle on the socket so a reset can set SO_LINGER=0 before the close.
    let Ok(std_stream) = stream.into_std() else {
        return;
    };
    let Ok(dup) = std_stream.try_clone() else {
        return;
    };
    let Ok(stream) = TcpStream::from_std(std_stream) else {
        return;
    };
    let Ok(local) = dup.local_addr() else {
        return;
    };
    let reset = Arc::new(Notify::new());
    let connection = Connection {
        peer,
        reset: reset.clone(),
    };
    let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
        let router = router.clone();
        let known = addressed_to(&request, local.port());
        request.extensions_mut().insert(connection.clone());
        async move {
            if known {
                router.oneshot(request).await
            } else {
                Ok(misdirected())
            }
        }
    });
    let served = http1::Builder::new()
        .timer(TokioTimer::new())
        .serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = served => {}
        _ = reset.notified() => {
            let _ = socket2::SockRef::from(&dup).set_linger(Some(Duration::ZERO));
        }
        _ = shutdown.changed() => {}
    }
    // Dropping the connection and `dup` closes the socket (with RST after a reset).
}
