//! `cargo run -p sandbox`: start a Sandbox org on loopback, print how to reach and sign in to
//! it, and serve until Ctrl-C. `--state <file>` keeps the org across runs; `--ports L,A` fixes
//! the two ports; `--extra-roles N` seeds N more roles; `--variant NAME` (repeatable) picks how
//! the org answers where real orgs may differ (`--variant help` lists the names).

use std::path::PathBuf;
use std::process::ExitCode;

use sandbox::{Sandbox, SandboxOptions};

fn options() -> Result<SandboxOptions, String> {
    let mut options = SandboxOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--state" => options.state_file = Some(PathBuf::from(value()?)),
            "--extra-roles" => {
                options.extra_roles = value()?
                    .parse()
                    .map_err(|_| "--extra-roles takes a number".to_owned())?
            }
            "--ports" => {
                let text = value()?;
                let (login, api) = text.split_once(',').ok_or("--ports takes LOGIN,API")?;
                let port = |p: &str| p.trim().parse::<u16>().map_err(|_| format!("bad port {p}"));
                options.ports = Some((port(login)?, port(api)?));
            }
            "--variant" => options.variant.choose(&value()?)?,
            other => {
                return Err(format!(
                    "unknown argument {other} (try --state, --ports, --extra-roles, --variant)"
                ))
            }
        }
    }
    Ok(options)
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("sandbox: {message}");
            return ExitCode::from(2);
        }
    };
    let running = match Sandbox::start(options).await {
        Ok(running) => running,
        Err(error) => {
            eprintln!("sandbox: {error}");
            return ExitCode::FAILURE;
        }
    };
    let seed = running.seed();
    println!(
        "Sandbox org \"{}\" ({}) is running.",
        seed.org_name, seed.org_id
    );
    println!("  login host: {}", running.login_base_url());
    println!("  API host:   {}", running.api_base_url());
    println!(
        "  PKCE (CODE) sign-in client id:     {}",
        seed.code_client_id
    );
    println!(
        "  Implicit (TOKEN) sign-in client id: {}",
        seed.token_client_id
    );
    println!(
        "  user: {} <{}>  password: {}",
        seed.admin_name, seed.admin_email, seed.admin_password
    );
    println!("  variant: {}", options_label(&running));
    println!("Press Ctrl-C to stop.");
    if tokio::signal::ctrl_c().await.is_err() {
        eprintln!("sandbox: cannot wait for Ctrl-C; stopping");
    }
    running.shutdown().await;
    ExitCode::SUCCESS
}

fn options_label(running: &sandbox::RunningSandbox) -> String {
    running.knobs().variant().label()
}
