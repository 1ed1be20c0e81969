//! The loopback listener's lifecycle and defences: security-matrix.md A3, A5, A6, A10, A11, A12 (F10),
//! and D7 (the app killed mid-sign-in leaves its port free).

use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

use ::genesys::auth::{begin_sign_in, BrowserGrant, SignInRequest};
use ::genesys::{Endpoints, ErrorKind, Language};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::{accepts, world};

/// A request that needs no Sandbox org (the flow never reaches the token endpoint).
fn offline(timeout: Duration) -> SignInRequest {
    SignInRequest {
        endpoints: Endpoints {
            login_base: "http://127.0.0.1:9".into(),
            api_base: "http://127.0.0.1:9".into(),
        },
        region_code: "us-east-1".into(),
        client_id: "client".into(),
        grant: BrowserGrant::Pkce,
        prompt_login: false,
        language: Language::En,
        timeout,
        ports: Vec::new(),
    }
}

/// Sends raw bytes and returns the status code answered (`None`: closed without an answer).
async fn raw(addr: SocketAddr, bytes: &[u8]) -> Option<u16> {
    let mut stream = TcpStream::connect(addr).await.expect("connects");
    let _ = stream.write_all(bytes).await;
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(8), stream.read_to_end(&mut answer));
    read.await.expect("answered or closed in time").ok()?;
    let head = String::from_utf8_lossy(&answer);
    head.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()
}

/// This machine's address on a non-loopback interface, if it has one.
fn outside_ip() -> Option<IpAddr> {
    let probe = UdpSocket::bind("0.0.0.0:0").ok()?;
    probe.connect("192.0.2.1:9").ok()?;
    Some(probe.local_addr().ok()?.ip()).filter(|ip| !ip.is_loopback() && !ip.is_unspecified())
}

#[tokio::test]
async fn a3_only_127_0_0_1_listens_and_only_during_the_flow() {
    let pending = begin_sign_in(offline(Duration::from_secs(60)))
        .await
        .expect("begins");
    let addr = pending.local_addr();
    assert_eq!(addr.ip(), IpAddr::V4(Ipv4Addr::LOCALHOST));
    assert_ne!(addr.port(), 0, "an ephemeral port");
    assert!(accepts(addr).await);
    let v6 = SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, addr.port()));
    assert!(!accepts(v6).await, "nothing on [::1]");
    if let Some(ip) = outside_ip() {
        assert!(
            !accepts(SocketAddr::new(ip, addr.port())).await,
            "refused on {ip}"
        );
    }
    drop(pending);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(!accepts(addr).await, "dropping the sign-in closes the port");
}

#[tokio::test(start_paused = true)]
async fn a5_no_callback_times_out_and_releases_the_port() {
    for bad in [59, 601] {
        let err = begin_sign_in(offline(Duration::from_secs(bad)))
            .await
            .expect_err("range");
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad} s");
    }
    let pending = begin_sign_in(offline(Duration::from_secs(60)))
        .await
        .expect("begins");
    let addr = pending.local_addr();
    let err = pending.finish().await.expect_err("no callback");
    assert_eq!(err.kind(), ErrorKind::SignInTimedOut, "{err}");
    assert_eq!(err.to_string(), "no sign-in arrived within 60 s");
    std::net::TcpListener::bind(addr).expect("the port can be bound again");
}

#[tokio::test]
async fn a6_cancel_closes_the_listener_within_a_second() {
    let pending = begin_sign_in(offline(Duration::from_secs(300)))
        .await
        .expect("begins");
    let addr = pending.local_addr();
    let cancel = pending.cancel_handle();
    let finish = tokio::spawn(pending.finish());
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    cancel.cancel();
    let err = finish.await.expect("no panic").expect_err("cancelled");
    assert_eq!(err.kind(), ErrorKind::SignInCancelled);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert!(!accepts(addr).await, "a late callback is refused");

    // Cancelled before anyone waits on it: the listener still closes.
    let pending = begin_sign_in(offline(Duration::from_secs(300)))
        .await
        .expect("begins");
    let addr = pending.local_addr();
    let started = Instant::now();
    pending.cancel_handle().cancel();
    while accepts(addr).await {
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "closed within 1 s"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let err = pending.finish().await.expect_err("cancelled");
    assert_eq!(err.kind(), ErrorKind::SignInCancelled);
}

#[tokio::test]
async fn a10_a12_malformed_requests_get_4xx_and_the_listener_keeps_serving() {
    let w = world().await;
    let pending = w.begin(BrowserGrant::Pkce).await;
    let back = w.approve(&pending.authorize_url, "sign_in").await;
    let addr = pending.local_addr();
    let host = format!("Host: {addr}\r\n");
    let back_url = reqwest::Url::parse(&back).expect("an absolute callback URL");
    let target = &format!("{}?{}", back_url.path(), back_url.query().unwrap_or(""));
    let many: String = (0..101).map(|i| format!("X-{i}: 1\r\n")).collect();
    let cases: Vec<(String, Vec<u8>)> = vec![
        (
            "POST".into(),
            format!("POST {target} HTTP/1.1\r\n{host}Content-Length: 0\r\n\r\n").into(),
        ),
        (
            "DELETE".into(),
            format!("DELETE {target} HTTP/1.1\r\n{host}\r\n").into(),
        ),
        ("HTTP/0.9".into(), b"GET /\r\n\r\n".to_vec()),
        (
            "HTTP/2.0".into(),
            format!("GET {target} HTTP/2.0\r\n{host}\r\n").into(),
        ),
        (
            "9 KiB head".into(),
            format!(
                "GET {target} HTTP/1.1\r\n{host}X: {}\r\n\r\n",
                "a".repeat(9000)
            )
            .into(),
        ),
        (
            "101 headers".into(),
            format!("GET {target} HTTP/1.1\r\n{host}{many}\r\n").into(),
        ),
        (
            "raw invalid UTF-8".into(),
            [
                b"GET /?code=\xff\xfe HTTP/1.1\r\n".as_slice(),
                host.as_bytes(),
                b"\r\n",
            ]
            .concat(),
        ),
        (
            "escaped invalid UTF-8".into(),
            format!("GET {target}&x=%ff HTTP/1.1\r\n{host}\r\n").into(),
        ),
        (
            "two codes".into(),
            format!("GET {target}&code=other HTTP/1.1\r\n{host}\r\n").into(),
        ),
        (
            "two states".into(),
            format!("GET {target}&state=other HTTP/1.1\r\n{host}\r\n").into(),
        ),
        (
            "no Host".into(),
            format!("GET {target} HTTP/1.1\r\n\r\n").into(),
        ),
        (
            "Host localhost".into(),
            format!(
                "GET {target} HTTP/1.1\r\nHost: localhost:{}\r\n\r\n",
                addr.port()
            )
            .into(),
        ),
        (
            "Host evil".into(),
            format!("GET {target} HTTP/1.1\r\nHost: evil.example\r\n\r\n").into(),
        ),
        (
            "chunked".into(),
            format!("GET {target} HTTP/1.1\r\n{host}Transfer-Encoding: chunked\r\n\r\n").into(),
        ),
    ];
    for (name, bytes) in &cases {
        let status = raw(addr, bytes).await;
        assert!(
            status.is_some_and(|s| (400..500).contains(&s)),
            "{name}: answered {status:?}, expected 4xx"
        );
    }
    let finish = tokio::spawn(pending.finish());
    let page = w.browser.get(&back).send().await.expect("still serving");
    assert_eq!(page.status(), 200);
    finish
        .await
        .expect("no panic")
        .expect("signed in after all that");
}

#[tokio::test]
async fn a11_silent_connections_are_dropped_after_5_s_and_at_most_16_are_open() {
    let w = world().await;
    let pending = w.begin(BrowserGrant::Pkce).await;
    let back = w.approve(&pending.authorize_url, "sign_in").await;
    let addr = pending.local_addr();
    let started = Instant::now();
    let mut silent = Vec::new();
    for _ in 0..16 {
        let mut stream = TcpStream::connect(addr).await.expect("connects");
        stream
            .write_all(b"GET /callback/sandb")
            .await
            .expect("trickles");
        silent.push(stream);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let request = format!("GET / HTTP/1.1\r\nHost: {addr}\r\n\r\n");
    assert_eq!(
        raw(addr, request.as_bytes()).await,
        Some(400),
        "the 17th is served: the oldest unfinished connection made room for it"
    );
    for mut stream in silent {
        let mut buf = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut buf));
        let _ = read
            .await
            .expect("dropped by the listener, not by this test");
        assert!(buf.is_empty(), "no answer to a request that never finished");
    }
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(4),
        "read timeout is 5 s, took {waited:?}"
    );
    let finish = tokio::spawn(pending.finish());
    let page = w
        .browser
        .get(&back)
        .send()
        .await
        .expect("a second connection");
    assert_eq!(page.status(), 200);
    finish.await.expect("no panic").expect("signed in");
}

/// Sixteen local programs sending one byte a second fill every connection slot; the browser's
/// real callback still gets through, because the oldest unfinished connection makes room.
#[tokio::test]
async fn a11_sixteen_trickling_connections_cannot_keep_the_callback_out() {
    let w = world().await;
    let pending = w.begin(BrowserGrant::Pkce).await;
    let back = w.approve(&pending.authorize_url, "sign_in").await;
    let addr = pending.local_addr();
    let mut tricklers = tokio::task::JoinSet::new();
    for _ in 0..16 {
        let mut stream = TcpStream::connect(addr).await.expect("connects");
        stream.write_all(b"G").await.expect("a first byte");
        tricklers.spawn(async move {
            for byte in b"ET /?state=x HTTP/1.1\r\n".iter().cycle() {
                tokio::time::sleep(Duration::from_secs(1)).await;
                if stream.write_all(&[*byte]).await.is_err() {
                    return;
                }
            }
        });
    }
    // Every trickler is accepted (and holds a slot) before the browser comes back.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let finish = tokio::spawn(pending.finish());
    let page = w
        .browser
        .get(&back)
        .send()
        .await
        .expect("the callback is not closed at accept");
    assert_eq!(page.status(), 200);
    finish.await.expect("no panic").expect("signed in");
    tricklers.abort_all();
}

/// A free port on 127.0.0.1 now (bound, then released).
fn free_port() -> u16 {
    let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
    probe.local_addr().expect("an address").port()
}

/// Fixed-port mode: the client's registered ports are tried in order, the redirect URI carries
/// the one bound, and when every one is taken the error names them all.
#[tokio::test]
async fn a3_a_fixed_port_client_gets_the_first_free_registered_port() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("another program");
    let first = taken.local_addr().expect("an address").port();
    let second = free_port();
    let request = SignInRequest {
        ports: vec![first, second],
        ..offline(Duration::from_secs(60))
    };
    let pending = begin_sign_in(request.clone()).await.expect("begins");
    assert_eq!(pending.local_addr().port(), second, "the first is taken");
    assert_eq!(pending.redirect_uri, format!("http://127.0.0.1:{second}"));
    let sent = reqwest::Url::parse(&pending.authorize_url).expect("a URL");
    let redirect = sent.query_pairs().find(|(k, _)| k == "redirect_uri");
    assert_eq!(
        redirect.map(|(_, v)| v.into_owned()),
        Some(pending.redirect_uri.clone())
    );

    // Now the second is held too (by the pending sign-in): neither is free.
    let err = begin_sign_in(request).await.expect_err("every port taken");
    assert_eq!(err.kind(), ErrorKind::PortsInUse, "{err}");
    assert!(
        err.to_string().ends_with(&format!(": {first}, {second}")),
        "names the ports in order: {err}"
    );
    drop((pending, taken));

    let eleven: Vec<u16> = (40_000..40_011).collect();
    for ports in [vec![80], vec![0], vec![second, second], eleven] {
        let err = begin_sign_in(SignInRequest {
            ports: ports.clone(),
            ..offline(Duration::from_secs(60))
        })
        .await
        .expect_err("refused before binding");
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{ports:?}: {err}");
    }
}

/// The D7 child's environment: `_LOGIN`, `_API` (the Sandbox org's bases) and `_CLIENT`.
const KILLED_SIGN_IN_ENV: &str = "DIP_SIGN_IN_KILL_CHILD";

/// Run only by the D7 test: the app's side of a PKCE sign-in (this test binary re-run as a
/// child) begins against the parent's Sandbox org, prints `listening <port>`, and then waits
/// on stdin, holding the listener open, until it is killed.
#[test]
#[ignore = "the D7 test's child process; run by listener::d7_an_app_killed_during_sign_in_leaves_its_port_free"]
fn killed_sign_in_child() {
    let var = |name: &str| {
        std::env::var(format!("{KILLED_SIGN_IN_ENV}_{name}"))
            .unwrap_or_else(|_| panic!("{KILLED_SIGN_IN_ENV}_{name}: run by the D7 test only"))
    };
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        let pending = begin_sign_in(SignInRequest {
            endpoints: Endpoints {
                login_base: var("LOGIN"),
                api_base: var("API"),
            },
            client_id: var("CLIENT"),
            region_code: "sandbox".into(),
            ..offline(::genesys::auth::DEFAULT_TIMEOUT)
        })
        .await
        .expect("the sign-in begins");
        println!("\nlistening {}", pending.local_addr().port());
        let mut go = String::new();
        // Returns only if the parent went away (stdin closed): the sign-in ends with it.
        let _ = std::io::stdin().read_line(&mut go);
        drop(pending);
    });
}

/// D7: the app SIGKILLed while its sign-in waits for the browser. The OS closes the dead
/// process's listener: nothing accepts on its port any more, and the restarted app may bind
/// `127.0.0.1` on that very port (a client registering fixed ports needs it back).
#[tokio::test]
async fn d7_an_app_killed_during_sign_in_leaves_its_port_free() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};

    let w = world().await;
    let env = [
        ("LOGIN", w.org.login_base_url()),
        ("API", w.org.api_base_url()),
        ("CLIENT", w.org.seed().code_client_id.clone()),
    ]
    .map(|(k, v)| (format!("{KILLED_SIGN_IN_ENV}_{k}"), v));
    let exe = std::env::current_exe().expect("this test binary");
    let mut child = Command::new(exe)
        .args([
            "genesys::listener::killed_sign_in_child",
            "--exact",
            "--nocapture",
            "--ignored",
            "--test-threads=1",
        ])
        .envs(env)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts");
    let stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let port = stdout
        .lines()
        .map_while(Result::ok)
        .find_map(|line| line.strip_prefix("listening ")?.trim().parse::<u16>().ok());
    let Some(port) = port else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("the child never reported its listener");
    };
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let listened = accepts(addr).await;
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    assert!(listened, "the child's sign-in listened on {addr}");

    assert!(
        !accepts(addr).await,
        "nothing accepts on {addr} after the kill"
    );
    let rebound = std::net::TcpListener::bind(addr);
    assert!(rebound.is_ok(), "{addr} is free to bind: {rebound:?}");
    drop(rebound);
    // The restarted app's own sign-in gets that port back.
    let again = begin_sign_in(SignInRequest {
        ports: vec![port],
        ..w.request(BrowserGrant::Pkce)
    })
    .await
    .expect("a new sign-in begins");
    assert_eq!(
        again.local_addr(),
        addr,
        "the new sign-in listens on the freed port"
    );
}
