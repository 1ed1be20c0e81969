//! The live suite's command line.

pub const USAGE: &str = "usage: cargo xtask live --region CODE --org-confirm \"ORG NAME\" [--client-id ID] [--read-only]
       cargo xtask live --against-sandbox [--variant NAME]...

  --region CODE         the org's region (us-east-1, eu-west-1, ... as the app lists them)
  --org-confirm NAME    the org's exact name: nothing runs in another org
  --client-id ID        a Code Authorization (PKCE) client with http://127.0.0.1 registered;
                        sign-in opens the system browser
                        (or set DIP_STUDIO_LIVE_CLIENT_ID and DIP_STUDIO_LIVE_CLIENT_SECRET for a
                        Client Credentials client: read-only checks and probes only)
  --read-only           create nothing: read-only checks and the probes that need no objects
  --against-sandbox     the same suite against an in-process Sandbox org (what CI runs)
  --variant NAME        with --against-sandbox: a Sandbox variant (repeatable)";

/// Which org the suite runs against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Region {
        code: String,
        org_confirm: String,
        client_id: Option<String>,
    },
    Sandbox {
        variants: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub target: Target,
    pub read_only: bool,
}

impl Args {
    pub fn parse(args: &[String]) -> Result<Args, String> {
        let (mut region, mut confirm, mut client_id) = (None, None, None);
        let (mut sandbox, mut variants, mut read_only) = (false, Vec::new(), false);
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let mut value = || it.next().cloned().ok_or(format!("{arg} needs a value"));
            match arg.as_str() {
                "--region" => region = Some(value()?),
                "--org-confirm" => confirm = Some(value()?),
                "--client-id" => client_id = Some(value()?),
                "--variant" => variants.push(value()?),
                "--against-sandbox" => sandbox = true,
                "--read-only" => read_only = true,
                other => return Err(format!("unknown argument {other}\n{USAGE}")),
            }
        }
        let target = if sandbox {
            if region.is_some() || confirm.is_some() || client_id.is_some() {
                return Err(
                    "--against-sandbox takes no --region, --org-confirm or --client-id".into(),
                );
            }
            Target::Sandbox { variants }
        } else {
            if !variants.is_empty() {
                return Err("--variant goes with --against-sandbox".into());
            }
            let code = region.ok_or(format!("--region is required\n{USAGE}"))?;
            if genesys::Region::by_code(&code).is_none() {
                return Err(format!("unknown region {code}"));
            }
            // The suite creates (marked) objects in the org: it runs only in the org named.
            let org_confirm = confirm.filter(|c| !c.trim().is_empty()).ok_or(format!(
                "--org-confirm \"<org name>\" is required: the suite runs only in the org you name\n{USAGE}"
            ))?;
            Target::Region {
                code,
                org_confirm,
                client_id,
            }
        };
        Ok(Args { target, read_only })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, String> {
        Args::parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn a_real_org_needs_its_region_and_its_name_confirmed() {
        assert!(parse(&["--region", "us-east-1"])
            .unwrap_err()
            .contains("--org-confirm"));
        assert!(parse(&["--region", "mars-1", "--org-confirm", "x"])
            .unwrap_err()
            .contains("mars-1"));
        assert!(parse(&["--org-confirm", "x"])
            .unwrap_err()
            .contains("--region"));
        let ok = parse(&[
            "--region",
            "eu-west-1",
            "--org-confirm",
            "Acme",
            "--read-only",
        ])
        .unwrap();
        assert!(ok.read_only);
        assert!(
            matches!(ok.target, Target::Region { ref org_confirm, .. } if org_confirm == "Acme")
        );
    }

    #[test]
    fn the_sandbox_takes_variants_and_nothing_of_a_real_org() {
        let ok = parse(&["--against-sandbox", "--variant", "config-stub"]).unwrap();
        assert_eq!(
            ok.target,
            Target::Sandbox {
                variants: vec!["config-stub".into()]
            }
        );
        assert!(parse(&["--against-sandbox", "--region", "us-east-1"]).is_err());
        assert!(parse(&["--variant", "config-stub"]).is_err());
    }
}
