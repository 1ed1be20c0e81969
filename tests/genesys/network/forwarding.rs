//! A forwarding HTTP proxy on loopback for the tests of requests that complete through a proxy
//! (security-matrix.md C11): it records the head of each request it forwards.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;

use super::super::recorder::Heads;

/// Bounds each step of the forwarding proxy: reading a head, connecting, a whole exchange.
const PROXY_STEP: Duration = Duration::from_secs(20);

/// A forwarding HTTP proxy on loopback. Each connection carries one request in absolute form
/// (`GET http://host:port/path HTTP/1.1`, RFC 9112 section 3.2.2); the proxy records its head,
/// sends it to that host in origin form with `connection: close` (so the next request opens a
/// connection, and a head, of its own) and pipes the bytes both ways until either side closes.
pub async fn forwarding_proxy() -> (u16, Heads) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let heads = Heads::default();
    let seen = heads.clone();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            tokio::spawn(timeout(PROXY_STEP, forward(tcp, seen.clone())));
        }
    });
    (port, heads)
}

async fn forward(mut client: TcpStream, heads: Heads) -> Option<()> {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    let end = loop {
        if let Some(at) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let n = client.read(&mut buf).await.ok().filter(|n| *n > 0)?;
        head.extend_from_slice(&buf[..n]);
    };
    let text = String::from_utf8_lossy(&head[..end]).into_owned();
    heads.lock().expect("heads").push(text.clone());
    let mut lines = text.lines();
    let mut request = lines.next()?.split(' ');
    let (method, target, version) = (request.next()?, request.next()?, request.next()?);
    let (host, path) = target.strip_prefix("http://")?.split_once('/')?;
    let mut origin = format!("{method} /{path} {version}\r\n");
    for line in lines.filter(|l| !l.is_empty()) {
        let name = line
            .split(':')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if name != "connection" && name != "proxy-connection" {
            origin.push_str(&format!("{line}\r\n"));
        }
    }
    origin.push_str("connection: close\r\n\r\n");
    let mut upstream = TcpStream::connect(host).await.ok()?;
    upstream.write_all(origin.as_bytes()).await.ok()?;
    upstream.write_all(&head[end..]).await.ok()?;
    tokio::io::copy_bidirectional(&mut client, &mut upstream)
        .await
        .ok()
        .map(drop)
}
