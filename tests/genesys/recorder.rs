//! A one-answer HTTP host on loopback for tests of what the client sends: it records each
//! request head and answers every request with the same canned response, closing the
//! connection so each request is a head of its own.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The heads received so far, in order.
pub type Heads = Arc<Mutex<Vec<String>>>;

/// Starts the host; returns its port and the heads it records. `answer` is the whole HTTP
/// response sent to every request.
pub async fn recording_host(answer: &'static str) -> (u16, Heads) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let heads: Heads = Arc::new(Mutex::new(Vec::new()));
    let seen = heads.clone();
    tokio::spawn(async move {
        while let Ok((mut tcp, _)) = listener.accept().await {
            let mut head = Vec::new();
            let mut buf = [0u8; 1024];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match tcp.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            seen.lock()
                .expect("heads")
                .push(String::from_utf8_lossy(&head).into_owned());
            let _ = tcp.write_all(answer.as_bytes()).await;
            let _ = tcp.shutdown().await;
        }
    });
    (port, heads)
}
