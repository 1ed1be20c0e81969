//! The client when the network is in the way (security-matrix.md C11): a host that does not
//! resolve and a proxy that refuses the tunnel each end in a typed network error after a
//! bounded number of paced attempts, and `HTTPS_PROXY` is honoured: every attempt asks the
//! proxy for a tunnel to the API host, and the token travels only inside the tunnel.
//! `HTTP_PROXY` is honoured too: signed-in reads of the Sandbox org complete through a
//! forwarding proxy, and a host in `NO_PROXY` is reached past it. Proxy settings live only in
//! child processes (this binary's ignored tests), so this process's environment is untouched. A
//! refused certificate is covered beside the loopback TLS server, in
//! `src-tauri/genesys/src/api/tls.rs`.

use std::time::Duration;

mod forwarding;

use super::recorder::{recording_host, Heads};
use super::{world, World};
use ::genesys::api::{Client, ClientOptions, RetryPolicy};
use ::genesys::secrets::Secret;
use ::genesys::{Endpoints, ErrorKind};
use forwarding::forwarding_proxy;

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
    let proxy = ("HTTPS_PROXY", format!("http://127.0.0.1:{port}"));
    let out = run_child("proxy_child", vec![proxy, (PROXY_CHILD, "1".to_owned())]).await;
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

/// A child's client: [`PROXY_ATTEMPTS`] attempts, short backoffs, timeouts of seconds.
fn child_options() -> ClientOptions {
    ClientOptions {
        retry: RetryPolicy {
            max_attempts: PROXY_ATTEMPTS,
            base: Duration::from_millis(5),
            max: Duration::from_millis(20),
            ..RetryPolicy::default()
        },
        connect_timeout: Duration::from_secs(5),
        request_timeout: Duration::from_secs(10),
        ..ClientOptions::default()
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// Run only by the proxy test, with `HTTPS_PROXY` set to its refusing proxy.
#[test]
#[ignore = "the proxy test's child process; run by network::c11_https_proxy_is_honoured_and_a_refused_tunnel_is_a_network_error"]
fn proxy_child() {
    assert!(
        std::env::var_os(PROXY_CHILD).is_some(),
        "{PROXY_CHILD}: run by the proxy test only"
    );
    let error = runtime().block_on(async {
        let api = Client::with_options(unresolvable(), child_options()).expect("a client");
        api.user_me(&Secret::new(PROXY_TOKEN))
            .await
            .expect_err("the proxy refuses the tunnel")
    });
    assert_eq!(error.kind(), ErrorKind::Network, "{error}");
}

/// The proxy settings a child starts without, so only those its test sets are in force
/// (`REQUEST_METHOD` too: reqwest ignores `HTTP_PROXY` in a CGI process, which sets it).
const PROXY_VARS: [&str; 9] = [
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
    "REQUEST_METHOD",
];
/// A child still running after this is stopped, and its test fails.
const CHILD_LIMIT: Duration = Duration::from_secs(90);

/// Runs this binary's ignored test `genesys::network::{test}` in a child process with `envs` as
/// its only proxy settings; fails unless the child passes, and returns its standard output.
async fn run_child(test: &str, envs: Vec<(&'static str, String)>) -> String {
    use std::io::Read;
    let name = format!("genesys::network::{test}");
    let exe = std::env::current_exe().expect("this test binary");
    let (status, out, err) = tokio::task::spawn_blocking(move || {
        let mut command = std::process::Command::new(exe);
        command.args([name.as_str(), "--exact", "--nocapture", "--ignored"]);
        for var in PROXY_VARS {
            command.env_remove(var);
        }
        let piped = std::process::Stdio::piped;
        let mut child =
            (command.envs(envs).stdout(piped()).stderr(piped()).spawn()).expect("the child starts");
        let drain = |mut pipe: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut text = String::new();
                let _ = pipe.read_to_string(&mut text);
                text
            })
        };
        let out = drain(Box::new(child.stdout.take().expect("stdout")));
        let err = drain(Box::new(child.stderr.take().expect("stderr")));
        let deadline = std::time::Instant::now() + CHILD_LIMIT;
        while child.try_wait().expect("the child's status").is_none() {
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let status = child.wait().expect("the child's status");
        let text = |t: std::thread::JoinHandle<String>| t.join().expect("a pipe's reader");
        (status, text(out), text(err))
    })
    .await
    .expect("the child's thread");
    assert!(status.success(), "{test} failed ({status}): {out}{err}");
    assert!(out.contains("1 passed"), "{test} ran in the child: {out}");
    out
}

/// Set in the child of the forwarding-proxy tests: the Sandbox org's API base URL, a token
/// of its admin, and what the child must read back (the admin's email, a seeded client's id).
const FORWARD_CHILD: &str = "DIP_STUDIO_FORWARD_TEST_CHILD";
const FORWARD_TOKEN: &str = "DIP_STUDIO_FORWARD_TEST_TOKEN";
const FORWARD_EMAIL: &str = "DIP_STUDIO_FORWARD_TEST_EMAIL";
const FORWARD_CLIENT: &str = "DIP_STUDIO_FORWARD_TEST_CLIENT";

/// What the forwarding child needs, and `proxy` (`HTTP_PROXY`, the forwarding proxy's URL).
async fn forward_env(w: &World, proxy: u16) -> Vec<(&'static str, String)> {
    let admin = super::oauth_clients::admin(w).await;
    let seed = w.org.seed();
    vec![
        ("HTTP_PROXY", format!("http://127.0.0.1:{proxy}")),
        (FORWARD_CHILD, w.org.api_base_url()),
        (FORWARD_TOKEN, admin.token().expose().to_owned()),
        (FORWARD_EMAIL, seed.admin_email.clone()),
        (FORWARD_CLIENT, seed.code_client_id.clone()),
    ]
}

/// The client reads `HTTP_PROXY` (the Sandbox org speaks plain HTTP on loopback, and reqwest
/// sends even loopback through it: only `NO_PROXY` exempts a host, in hyperium/hyper-util
/// src/client/proxy/matcher.rs, which reqwest 0.12 reads the environment with):
/// signed-in reads complete through a working proxy, which saw each of them on its way.
#[tokio::test]
async fn c11_http_proxy_is_honoured_and_requests_complete_through_a_working_proxy() {
    let w = world().await;
    let (port, heads) = forwarding_proxy().await;
    let env = forward_env(&w, port).await;
    run_child("forwarded_child", env).await;
    let heads = heads.lock().expect("heads").clone();
    let firsts: Vec<&str> = heads.iter().filter_map(|h| h.lines().next()).collect();
    let base = w.org.api_base_url();
    assert_eq!(
        firsts,
        [
            format!("GET {base}/api/v2/users/me?expand=organization HTTP/1.1"),
            format!("GET {base}/api/v2/oauth/clients HTTP/1.1"),
        ],
        "both reads went through the proxy: {heads:?}"
    );
}

/// A host listed in `NO_PROXY` is reached directly: the same reads complete, and the proxy
/// `HTTP_PROXY` names sees none of them.
#[tokio::test]
async fn c11_no_proxy_sends_a_listed_host_past_the_proxy() {
    let w = world().await;
    let (port, heads) = forwarding_proxy().await;
    let mut env = forward_env(&w, port).await;
    env.push(("NO_PROXY", "127.0.0.1".to_owned()));
    run_child("forwarded_child", env).await;
    let heads = heads.lock().expect("heads").clone();
    assert!(heads.is_empty(), "no request went through: {heads:?}");
}

/// Run only by the forwarding-proxy tests, with `HTTP_PROXY` set to their proxy: as the admin,
/// read the user and the OAuth clients of the Sandbox org, and check they are its own.
#[test]
#[ignore = "the forwarding-proxy tests' child process; run by network::c11_http_proxy_is_honoured_and_requests_complete_through_a_working_proxy"]
fn forwarded_child() {
    let var = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| panic!("{name}: run by the proxy tests only"))
    };
    let api_base = var(FORWARD_CHILD);
    let token = Secret::new(var(FORWARD_TOKEN));
    // Only the API host is asked; the login host is never contacted here.
    let endpoints = Endpoints {
        login_base: api_base.clone(),
        api_base,
    };
    let (me, clients) = runtime().block_on(async {
        let api = Client::with_options(endpoints, child_options()).expect("a client");
        let me = api
            .user_me(&token)
            .await
            .expect("users/me through the proxy");
        let clients = api.oauth_clients(&token).await.expect("the OAuth clients");
        (me, clients)
    });
    assert_eq!(me.email, Some(var(FORWARD_EMAIL)), "the org's own admin");
    let seeded = var(FORWARD_CLIENT);
    assert!(clients.iter().any(|c| c.id == seeded), "the org's clients");
}
