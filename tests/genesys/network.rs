//! The client when the network is in the way (security-matrix.md C11): a host that does not
//! resolve and a proxy that refuses the tunnel each end in a typed network error after a
//! bounded number of paced attempts, and `HTTPS_PROXY` is honoured: every attempt asks the
//! proxy for a tunnel to the API host, and the token travels only inside the tunnel. A refused
//! certificate is covered beside the loopback TLS server, in `src-tauri/genesys/src/api/tls.rs`.

use std::time::Duration;

use super::recorder::{recording_host, Heads};
use ::genesys::api::{Client, ClientOptions, RetryPolicy};
use ::genesys::secrets::Secret;
use ::genesys::{Endpoints, ErrorKind};

/// RFC 6761 reserves `.invalid`: no resolver answers for it.
const API_HOST: &str = "api.no-such-host.invalid";

fn unresolvable() -> Endpoints {
    Endpoints {
        login_base: "https://login.no-such-host.invalid".to_owned(),
        api_base: format!("https://{API_HOST}"),
    }
}

/// With the app's own timeouts and retries, a DNS failure is retried (a resolver may be
/// briefly down) with the jittered backoff between attempts, never in a tight loop, and ends
/// in [`ErrorKind::Network`]. Paused time measures the waits: at least the shortest backoffs of
/// every retry, at most the longest ones plus one connect timeout per attempt.
#[tokio::test(start_paused = true)]
async fn c11_a_dns_failure_ends_in_a_network_error_after_paced_bounded_retries() {
    let options = ClientOptions::default();
    let policy = options.retry;
    let api = Client::with_options(unresolvable(), options).expect("a client");
    let start = tokio::time::Instant::now();
    let error = api
        .user_me(&Secret::new("dns-test-token"))
        .await
        .expect_err("nothing answers for .invalid");
    let waited = start.elapsed();
    assert_eq!(error.kind(), ErrorKind::Network, "{error}");
    assert!(
        !error.to_string().contains("dns-test-token"),
        "no token in the message: {error}"
    );
    let retries = 1..policy.max_attempts;
    let shortest: Duration = retries.clone().map(|a| policy.backoff(a, 0.0)).sum();
    let longest: Duration = retries.map(|a| policy.backoff(a, 1.0)).sum::<Duration>()
        + options.connect_timeout * policy.max_attempts;
    assert!(
        waited >= shortest,
        "each retry waits its backoff: {waited:?} < {shortest:?}"
    );
    assert!(
        waited <= longest,
        "the attempts are bounded: {waited:?} > {longest:?}"
    );
}

/// Set in the child process of the proxy test below; its value is the proxy's URL.
const PROXY_CHILD: &str = "DIP_STUDIO_PROXY_TEST_CHILD";
/// Attempts the child's client makes (two: the retry goes through the proxy too).
const PROXY_ATTEMPTS: u32 = 2;
const PROXY_TOKEN: &str = "proxy-test-token";

/// A proxy on loopback that records each request head it gets and refuses every tunnel (403).
async fn refusing_proxy() -> (u16, Heads) {
    let refusal = "HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
    recording_host(refusal).await
}

/// The client reads `HTTPS_PROXY` (corporate networks need it): each attempt is a `CONNECT` to
/// the API host through the proxy (so the client never resolves that host itself), the bearer
/// token is never shown to the proxy, and the proxy's refusal is [`ErrorKind::Network`]. The
/// environment is the child's own, so this process's stays untouched.
#[tokio::test]
async fn c11_https_proxy_is_honoured_and_a_refused_tunnel_is_a_network_error() {
    let (port, heads) = refusing_proxy().await;
    let name = "genesys::network::proxy_child";
    let exe = std::env::current_exe().expect("this test binary");
    let child = tokio::task::spawn_blocking(move || {
        let mut command = std::process::Command::new(exe);
        command.args([name, "--exact", "--nocapture", "--ignored"]);
        for var in [
            "https_proxy",
            "http_proxy",
            "HTTP_PROXY",
            "ALL_PROXY",
            "all_proxy",
        ] {
            command.env_remove(var);
        }
        command
            .env_remove("NO_PROXY")
            .env_remove("no_proxy")
            .env("HTTPS_PROXY", format!("http://127.0.0.1:{port}"))
            .env(PROXY_CHILD, "1")
            .output()
            .expect("the child runs")
    })
    .await
    .expect("the child's thread");
    let out = String::from_utf8_lossy(&child.stdout);
    assert!(
        child.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&child.stderr)
    );
    assert!(
        out.contains("1 passed"),
        "the check ran in the child: {out}"
    );
    let heads = heads.lock().expect("heads").clone();
    assert_eq!(
        heads.len(),
        PROXY_ATTEMPTS as usize,
        "every attempt asked the proxy: {heads:?}"
    );
    for head in &heads {
        let first = head.lines().next().unwrap_or_default();
        assert_eq!(first, format!("CONNECT {API_HOST}:443 HTTP/1.1"), "{head}");
        assert!(!head.contains(PROXY_TOKEN), "the token is for Genesys only");
    }
}

/// Run only by the proxy test, with `HTTPS_PROXY` set to its refusing proxy.
#[test]
#[ignore = "the proxy test's child process; run by network::c11_https_proxy_is_honoured_and_a_refused_tunnel_is_a_network_error"]
fn proxy_child() {
    assert!(
        std::env::var_os(PROXY_CHILD).is_some(),
        "{PROXY_CHILD}: run by the proxy test only"
    );
    let options = ClientOptions {
        retry: RetryPolicy {
            max_attempts: PROXY_ATTEMPTS,
            base: Duration::from_millis(5),
            max: Duration::from_millis(20),
            ..RetryPolicy::default()
        },
        connect_timeout: Duration::from_secs(5),
        request_timeout: Duration::from_secs(10),
        ..ClientOptions::default()
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let error = runtime.block_on(async {
        let api = Client::with_options(unresolvable(), options).expect("a client");
        api.user_me(&Secret::new(PROXY_TOKEN))
            .await
            .expect_err("the proxy refuses the tunnel")
    });
    assert_eq!(error.kind(), ErrorKind::Network, "{error}");
}
