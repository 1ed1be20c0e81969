//! The OS keychain for real (security-matrix.md E1, E4): a round trip through the Secret Service that
//! `cargo xtask test` starts (gnome-keyring under `dbus-run-session`), or, with no session bus
//! at all, the typed "keychain unavailable" error. It never passes without checking either.
//! Also E6: parallel writers of one entry neither fail nor tear it. Every entry a test writes
//! is deleted when the test ends, pass or fail.

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

/// Deletes `account` from `SERVICE` when dropped, so a failing assertion leaves nothing behind
/// in the keychain.
struct Cleanup(String);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let _ = KeychainStore::new(SERVICE).delete(&self.0);
    }
}

fn secret_service_expected() -> bool {
    !cfg!(target_os = "linux") || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}

#[test]
fn keychain_round_trip_or_a_typed_unavailable_error() {
    let store = KeychainStore::new(SERVICE);
    let account = account();
    let _cleanup = Cleanup(account.clone());
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

/// E6: 8 threads each write the same entry 50 times. Every write succeeds, and what is read
/// afterwards is one of the values written, whole.
#[test]
fn e6_parallel_writers_of_one_entry_lose_nothing() {
    if !secret_service_expected() {
        let err = KeychainStore::new(SERVICE)
            .probe()
            .expect_err("no Secret Service");
        assert_eq!(err.kind(), ErrorKind::KeychainUnavailable, "{err}");
        return;
    }
    const THREADS: usize = 8;
    const WRITES: usize = 50;
    let account = account();
    let _cleanup = Cleanup(account.clone());
    let writers: Vec<_> = (0..THREADS)
        .map(|t| {
            let account = account.clone();
            std::thread::spawn(move || {
                let store = KeychainStore::new(SERVICE);
                for i in 0..WRITES {
                    let value = Secret::new(format!("value-{t}-{i}"));
                    store
                        .set(&account, &value)
                        .unwrap_or_else(|e| panic!("thread {t}, write {i}: {e}"));
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("no writer failed");
    }
    let store = KeychainStore::new(SERVICE);
    let read = store.get(&account).expect("get").expect("the entry exists");
    let written: Vec<String> = (0..THREADS)
        .flat_map(|t| (0..WRITES).map(move |i| format!("value-{t}-{i}")))
        .collect();
    assert!(
        written.iter().any(|v| v == read.expose()),
        "{:?} is not one of the values written",
        read.expose()
    );
    // Each thread's last write came after its others: only a last write can be what is left.
    let last = (0..THREADS).map(|t| format!("value-{t}-{}", WRITES - 1));
    assert!(
        last.into_iter().any(|v| v == read.expose()),
        "an earlier write outlived its thread's last one: {}",
        read.expose()
    );
    store.delete(&account).expect("delete");
    assert_eq!(store.get(&account).expect("get"), None, "deleted");
}
