//! The OS keychain for real (matrix E1, E4): a round trip through the Secret Service that
//! `cargo xtask test` starts (gnome-keyring under `dbus-run-session`), or, with no session bus
//! at all, the typed "keychain unavailable" error. It never passes without checking either.
//! Also E6: parallel writers lose nothing.

use ::genesys::secrets::{KeychainStore, Secret, SecretStore};
use ::genesys::ErrorKind;

const SERVICE: &str = "dip-studio-integration-test";

fn account() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("test-{}-{nanos}", std::process::id())
}

fn secret_service_expected() -> bool {
    !cfg!(target_os = "linux") || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}

#[test]
fn keychain_round_trip_or_a_typed_unavailable_error() {
    let store = KeychainStore::new(SERVICE);
    let account = account();
    let secret = Secret::new("CANARY-keychain-7d1f0c2e");
    if secret_service_expected() {
        store
            .probe()
            .expect("a keychain is reachable: the probe round trip works");
        store.set(&account, &secret).expect("set");
        let fresh = KeychainStore::new(SERVICE);
        assert_eq!(
            fresh.get(&account).expect("get"),
            Some(secret.clone()),
            "a new entry reads it back"
        );
        fresh.delete(&account).expect("delete");
        assert_eq!(
            store.get(&account).expect("get after delete"),
            None,
            "NoEntry is None"
        );
        store
            .delete(&account)
            .expect("deleting an absent entry is fine");
    } else {
        let err = store
            .probe()
            .expect_err("no session bus: no Secret Service");
        assert_eq!(err.kind(), ErrorKind::KeychainUnavailable, "{err}");
        let err = store.set(&account, &secret).expect_err("cannot write");
        assert_eq!(err.kind(), ErrorKind::KeychainUnavailable, "{err}");
        assert!(!format!("{err} {err:?}").contains("CANARY"), "{err:?}");
    }
}

#[test]
fn e6_parallel_writers_lose_nothing() {
    if !secret_service_expected() {
        let err = KeychainStore::new(SERVICE)
            .probe()
            .expect_err("no Secret Service");
        assert_eq!(err.kind(), ErrorKind::KeychainUnavailable, "{err}");
        return;
    }
    let base = account();
    let writers: Vec<_> = (0..4)
        .map(|t| {
            let base = base.clone();
            std::thread::spawn(move || {
                let store = KeychainStore::new(SERVICE);
                for i in 0..25 {
                    let value = Secret::new(format!("value-{t}-{i}"));
                    store.set(&format!("{base}-{t}-{i}"), &value).expect("set");
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("no panic");
    }
    let store = KeychainStore::new(SERVICE);
    for t in 0..4 {
        for i in 0..25 {
            let account = format!("{base}-{t}-{i}");
            let got = store.get(&account).expect("get");
            assert_eq!(
                got,
                Some(Secret::new(format!("value-{t}-{i}"))),
                "{account} kept"
            );
            store.delete(&account).expect("clean up");
        }
    }
}
