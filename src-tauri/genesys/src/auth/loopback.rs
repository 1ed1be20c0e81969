//! The loopback listener of one sign-in: `127.0.0.1` on an ephemeral port (or the first free
//! one a fixed-port client registers), open only while the flow waits; at most 16 connections
//! (when full, the oldest still sending its request makes room), 5 s each to send it; `Host`
//! checked; the callback is `/` and the first valid one (code, relayed token or error, with
//! this sign-in's `state`) goes to the flow.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tokio::task::{AbortHandle, JoinHandle, JoinSet};
use tokio::time::{sleep_until, timeout, Instant};

use super::callback::{form_pairs, param, read_request, Request};
use super::page::{self, Page};
use super::pkce::same;
use super::ports;
use super::relay_page;
use crate::error::{Error, Result};
use crate::secrets::Secret;
use crate::settings::Language;

/// Each connection must deliver its request within this time (security-matrix.md A11).
pub const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// Connections served at once. One more closes the oldest connection that has not yet
/// delivered its whole request (so 16 local programs trickling bytes cannot keep the browser's
/// callback out); if every one has, the newcomer is closed at accept.
pub const MAX_CONNECTIONS: usize = 16;
/// Where the Implicit relay page POSTs the fragment (the app's own traffic, not a redirect URI).
pub const RELAY_PATH: &str = "/relay";
/// Where the login host sends the browser back: the redirect URI `http://127.0.0.1:{port}`.
const CALLBACK_PATH: &str = "/";

/// What the flow expects from the browser.
pub(crate) struct Expectation {
    pub implicit: bool,
    pub state: String,
    pub language: Language,
}

/// What arrived.
pub(crate) enum Callback {
    Code(Secret),
    Token {
        access_token: Secret,
        expires_in: Option<u64>,
    },
    Error {
        error: String,
        description: Option<String>,
    },
}

/// The connection that brought a valid callback, waiting for the flow's answer.
pub(crate) struct Reply {
    stream: TcpStream,
    plain_text: bool,
}

impl Reply {
    /// Answers with `page` (the relay gets its text only) and closes the connection.
    pub async fn send(mut self, page: Page) {
        let page = if self.plain_text {
            relay_page::relay_answer(page.status, page.text())
        } else {
            page
        };
        let _ = timeout(READ_TIMEOUT, async {
            let _ = self.stream.write_all(&page.to_http()).await;
            let _ = self.stream.shutdown().await;
        })
        .await;
    }
}

/// An open listener. Dropping it closes the port and every connection.
pub(crate) struct Listener {
    pub addr: SocketAddr,
    arrivals: mpsc::Receiver<(Callback, Reply)>,
    task: Option<JoinHandle<()>>,
    pub rejected: Arc<AtomicU32>,
}

impl Listener {
    /// Binds `127.0.0.1` on an ephemeral port, or on the first free one of `ports`, and
    /// serves until `deadline`, `stop`, or [`Listener::close`].
    pub async fn open(
        expect: Expectation,
        stop: watch::Receiver<bool>,
        deadline: Instant,
        ports: &[u16],
    ) -> Result<Listener> {
        let socket = ports::bind(ports).await?;
        let addr = socket
            .local_addr()
            .map_err(|e| Error::Unexpected(format!("no local address ({})", e.kind())))?;
        let (tx, arrivals) = mpsc::channel(1);
        let rejected = Arc::new(AtomicU32::new(0));
        let shared = Arc::new(Served {
            expect,
            port: addr.port(),
            tx,
            rejected: rejected.clone(),
        });
        let task = tokio::spawn(serve(socket, shared, stop, deadline));
        Ok(Listener {
            addr,
            arrivals,
            task: Some(task),
            rejected,
        })
    }

    /// The first valid callback, or `None` once the listener stopped serving.
    pub async fn next(&mut self) -> Option<(Callback, Reply)> {
        self.arrivals.recv().await
    }

    /// Closes the port and every other connection, and waits until they are gone.
    pub async fn shut(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
        self.arrivals.close();
    }

    /// Closes the port and every other connection now (without waiting).
    pub fn close(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
        self.arrivals.close();
    }
}

impl std::fmt::Debug for Listener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Listener")
            .field("addr", &self.addr)
            .finish()
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.close();
    }
}

struct Served {
    expect: Expectation,
    port: u16,
    tx: mpsc::Sender<(Callback, Reply)>,
    rejected: Arc<AtomicU32>,
}

async fn serve(
    socket: TcpListener,
    served: Arc<Served>,
    mut stop: watch::Receiver<bool>,
    deadline: Instant,
) {
    let mut connections = JoinSet::new();
    // The connections being served, in accept order: whether the request has fully arrived.
    let mut open: Vec<(Arc<AtomicBool>, AbortHandle)> = Vec::with_capacity(MAX_CONNECTIONS);
    let mut pause = false;
    loop {
        if std::mem::take(&mut pause) {
            // Out of file descriptors or similar: don't spin, try again shortly.
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::select! {
            accepted = socket.accept() => {
                let Ok((stream, _)) = accepted else {
                    pause = true;
                    continue;
                };
                open.retain(|(_, task)| !task.is_finished());
                if open.len() >= MAX_CONNECTIONS {
                    // Full: the oldest connection still sending its request goes.
                    match open.iter().position(|(read, _)| !read.load(Ordering::Acquire)) {
                        Some(oldest) => open.remove(oldest).1.abort(),
                        None => continue,
                    }
                }
                let read = Arc::new(AtomicBool::new(false));
                let abort = connections.spawn(handle(stream, served.clone(), read.clone()));
                open.push((read, abort));
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            _ = stop.wait_for(|stopped| *stopped) => return,
            _ = sleep_until(deadline) => return,
        }
        if served.tx.is_closed() {
            return;
        }
    }
}

async fn handle(mut stream: TcpStream, served: Arc<Served>, read: Arc<AtomicBool>) {
    let request = match timeout(READ_TIMEOUT, read_request(&mut stream)).await {
        Err(_) | Ok(Err(None)) => return,
        Ok(Err(Some(status))) => return answer(stream, page::refusal(status)).await,
        Ok(Ok(request)) => request,
    };
    // From here on the connection is being answered, and is never closed to make room.
    read.store(true, Ordering::Release);
    // The relay page shows whatever the relay POST is answered, refusals too, as plain text.
    let reply = Reply {
        stream,
        plain_text: served.expect.implicit && request.path == RELAY_PATH,
    };
    match route(&request, &served) {
        Ok(callback) => {
            if let Err(refused) = served.tx.try_send((callback, reply)) {
                let (_, reply) = refused.into_inner();
                reply.send(page::bad_request(served.expect.language)).await;
            }
        }
        Err(page) => {
            if page.status == 400 {
                served.rejected.fetch_add(1, Ordering::Relaxed);
            }
            reply.send(page).await;
        }
    }
}

async fn answer(stream: TcpStream, page: Page) {
    Reply {
        stream,
        plain_text: false,
    }
    .send(page)
    .await;
}

/// A valid callback, or the page that refuses this request (the flow keeps waiting).
fn route(request: &Request, served: &Served) -> std::result::Result<Callback, Page> {
    let expect = &served.expect;
    let language = expect.language;
    let origin = format!("127.0.0.1:{}", served.port);
    if request.host.as_deref() != Some(origin.as_str()) {
        return Err(page::bad_request(language));
    }
    let relay = expect.implicit && request.path == RELAY_PATH;
    if request.path != CALLBACK_PATH && !relay {
        return Err(page::not_found(language));
    }
    let wanted = if relay { "POST" } else { "GET" };
    if request.method != wanted {
        return Err(page::refusal(405));
    }
    let encoded = if relay {
        if request.origin.as_deref() != Some(format!("http://{origin}").as_str()) {
            return Err(page::refusal(403));
        }
        std::str::from_utf8(&request.body).map_err(|_| page::bad_request(language))?
    } else {
        request.query.as_deref().unwrap_or("")
    };
    let pairs = form_pairs(encoded);
    // Implicit: the answer is in the fragment, which only the relay page can read, unless the
    // login host put an error in the query string; that one is handled here and now.
    let query_error = pairs.as_ref().is_some_and(|p| param(p, "error").is_some());
    if expect.implicit && !relay && !query_error {
        return Err(relay_page::relay(language));
    }
    let pairs = pairs.ok_or_else(|| page::bad_request(language))?;
    let state = param(&pairs, "state");
    let state_ok = state.is_some_and(|s| same(s, &expect.state));
    if let Some(error) = param(&pairs, "error") {
        // An Implicit error may come back without `state` (some login hosts drop it): it ends
        // the sign-in at once. Unverified, it can only cancel; a wrong `state` is refused.
        let unverified_ok = expect.implicit && state.is_none();
        if !state_ok && !unverified_ok {
            return Err(page::bad_request(language));
        }
        return Ok(Callback::Error {
            error: error.to_owned(),
            description: param(&pairs, "error_description").map(str::to_owned),
        });
    }
    if !state_ok {
        return Err(page::bad_request(language));
    }
    match (relay, param(&pairs, "code"), param(&pairs, "access_token")) {
        (false, Some(code), _) if !code.is_empty() => Ok(Callback::Code(Secret::new(code))),
        (true, _, Some(token)) if !token.is_empty() => Ok(Callback::Token {
            access_token: Secret::new(token),
            expires_in: param(&pairs, "expires_in").and_then(|s| s.parse().ok()),
        }),
        _ => Err(page::bad_request(language)),
    }
}
