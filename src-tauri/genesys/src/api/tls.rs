//! Which certificates the client trusts: the operating system's own verifier and trust store
//! (where an IT department installs the root of its TLS-inspection proxy), with Mozilla's roots
//! added so a machine with a thin store still reaches Genesys. Both run on the rustls (ring)
//! that reqwest uses. If the platform verifier cannot start, reqwest's built-in Mozilla roots
//! are used and a warning is logged.

use std::sync::Arc;

use rustls::crypto::{ring, CryptoProvider};
use rustls::ClientConfig;
use rustls_platform_verifier::Verifier;

/// ALPN as reqwest offers it with HTTP/2 on: h2 first, then HTTP/1.1.
const ALPN: [&[u8]; 2] = [b"h2", b"http/1.1"];

/// A rustls configuration verifying servers with the platform verifier, Mozilla's roots added.
pub(crate) fn platform_config() -> Result<ClientConfig, rustls::Error> {
    let provider: Arc<CryptoProvider> = Arc::new(ring::default_provider());
    let mozilla = webpki_root_certs::TLS_SERVER_ROOT_CERTS.iter().cloned();
    let verifier = Verifier::new_with_extra_roots(mozilla, provider.clone())?;
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    config.alpn_protocols = ALPN.iter().map(|p| p.to_vec()).collect();
    Ok(config)
}

/// A reqwest builder trusting what [`platform_config`] trusts (or, failing that, reqwest's own
/// Mozilla roots).
pub(crate) fn builder() -> reqwest::ClientBuilder {
    let builder = reqwest::Client::builder();
    match platform_config() {
        Ok(config) => builder.use_preconfigured_tls(config),
        Err(e) => {
            log::warn!("the OS certificate verifier did not start ({e}); using Mozilla's roots");
            builder
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_platform_verifier_starts_and_a_client_builds_with_it() {
        let config = platform_config().expect("the OS verifier starts here");
        assert_eq!(
            config.alpn_protocols,
            [b"h2".to_vec(), b"http/1.1".to_vec()]
        );
        builder()
            .use_preconfigured_tls(config)
            .build()
            .expect("reqwest takes the platform configuration");
    }

    /// Set in the child process of the test below, which trusts only the test root.
    const CHILD: &str = "DIP_STUDIO_TLS_TEST_CHILD";

    /// A TLS server on loopback whose certificate chains to `testdata/inspection-root/root.pem`
    /// (a stand-in for a TLS-inspection proxy), answering one HTTP/1.1 request per connection.
    async fn inspected_server() -> u16 {
        use rustls::pki_types::pem::PemObject;
        use rustls::pki_types::{CertificateDer, PrivateKeyDer};
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/inspection-root/");
        let cert = CertificateDer::from_pem_file(format!("{dir}localhost.pem")).expect("cert");
        let key = PrivateKeyDer::from_pem_file(format!("{dir}localhost.key.pem")).expect("key");
        let config =
            rustls::ServerConfig::builder_with_provider(Arc::new(ring::default_provider()))
                .with_safe_default_protocol_versions()
                .expect("versions")
                .with_no_client_auth()
                .with_single_cert(vec![cert], key)
                .expect("a server config");
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let port = listener.local_addr().expect("addr").port();
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    let Ok(mut tls) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let mut buf = [0u8; 4096];
                    let _ = tls.read(&mut buf).await;
                    let answer =
                        "HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok";
                    let _ = tls.write_all(answer.as_bytes()).await;
                    let _ = tls.shutdown().await;
                });
            }
        });
        port
    }

    /// A server whose certificate chains to a root in no store (the test root, outside its
    /// child process below) is refused at the handshake (security-matrix.md C11): the
    /// client's answer is [`ErrorKind::Network`] naming the certificate, not a timeout, after
    /// its bounded attempts.
    #[tokio::test]
    async fn a_certificate_of_an_unknown_issuer_is_refused_with_a_network_error() {
        use crate::api::{Client, ClientOptions, RetryPolicy};
        use crate::error::ErrorKind;
        let base = format!("https://localhost:{}", inspected_server().await);
        let endpoints = crate::region::Endpoints {
            login_base: base.clone(),
            api_base: base,
        };
        let options = ClientOptions {
            retry: RetryPolicy {
                max_attempts: 2,
                base: std::time::Duration::from_millis(5),
                max: std::time::Duration::from_millis(20),
                ..RetryPolicy::default()
            },
            ..ClientOptions::default()
        };
        let api = Client::with_options(endpoints, options).expect("a client");
        let error = api
            .user_me(&crate::secrets::Secret::new("tls-test-token"))
            .await
            .expect_err("an unknown issuer is refused");
        assert_eq!(error.kind(), ErrorKind::Network, "{error}");
        let message = error.to_string();
        assert!(message.contains("certificate"), "{message}");
        assert!(!message.contains("timed out"), "{message}");
        assert!(!message.contains("tls-test-token"), "{message}");
    }

    /// The OS store holds a TLS-inspection root (here: `SSL_CERT_FILE`, which the Linux
    /// platform verifier reads): the client trusts a server it issued for, which Mozilla's
    /// roots alone refuse. Run in a child process so this process's environment is untouched.
    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn a_root_in_the_os_store_is_trusted_where_mozillas_roots_alone_refuse() {
        if std::env::var_os(CHILD).is_none() {
            let root = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/testdata/inspection-root/root.pem"
            );
            let name = "api::tls::tests::a_root_in_the_os_store_is_trusted_where_mozillas_roots_alone_refuse";
            let child = std::process::Command::new(std::env::current_exe().expect("this test"))
                .args(["--exact", name, "--nocapture"])
                .env(CHILD, "1")
                .env("SSL_CERT_FILE", root)
                .env_remove("SSL_CERT_DIR")
                .output()
                .expect("the child runs");
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
            return;
        }
        let url = format!("https://localhost:{}/", inspected_server().await);
        let mozilla_only = reqwest::Client::builder().build().expect("a client");
        assert!(
            mozilla_only.get(&url).send().await.is_err(),
            "Mozilla's roots do not know the inspection root"
        );
        let client = builder().build().expect("a client");
        let answer = client
            .get(&url)
            .send()
            .await
            .expect("trusted through the OS store");
        assert_eq!(answer.text().await.expect("a body"), "ok");
    }
}
