//! The Genesys Cloud regions (platform-client-sdk-javascript build/src/purecloud-platform-client-v2/PureCloudRegionHosts.js) and the two base URLs a session talks to:
//! the login host and the API host. A real region and the Sandbox org differ only in those.

use serde::Serialize;
use ts_rs::TS;

/// One Genesys Cloud region, named by its AWS region code, as the SDKs do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Region {
    /// AWS region code, e.g. `us-east-1`.
    pub code: &'static str,
    /// Where it is, in English; the UI localizes by `code`. The sources give no friendly
    /// names, so these are the AWS locations of the region codes.
    pub location: &'static str,
    /// The region's domain, e.g. `mypurecloud.com`; hosts are `api.` and `login.` on it.
    pub domain: &'static str,
}

macro_rules! regions {
    ($(($code:literal, $location:literal, $domain:literal)),* $(,)?) => {
        /// All 18 customer regions, in the order of the JS SDK's `PureCloudRegionHosts`.
        pub const REGIONS: &[Region] = &[$(Region { code: $code, location: $location, domain: $domain }),*];
    };
}

regions![
    ("us-east-1", "US East (N. Virginia)", "mypurecloud.com"),
    (
        "us-east-2",
        "US East (Ohio), FedRAMP",
        "use2.us-gov-pure.cloud"
    ),
    ("us-west-2", "US West (Oregon)", "usw2.pure.cloud"),
    ("ca-central-1", "Canada (Central)", "cac1.pure.cloud"),
    ("sa-east-1", "South America (São Paulo)", "sae1.pure.cloud"),
    ("mx-central-1", "Mexico (Central)", "mxc1.pure.cloud"),
    ("eu-west-1", "Europe (Ireland)", "mypurecloud.ie"),
    ("eu-west-2", "Europe (London)", "euw2.pure.cloud"),
    ("eu-central-1", "Europe (Frankfurt)", "mypurecloud.de"),
    ("eu-central-2", "Europe (Zurich)", "euc2.pure.cloud"),
    ("me-central-1", "Middle East (UAE)", "mec1.pure.cloud"),
    ("ap-south-1", "Asia Pacific (Mumbai)", "aps1.pure.cloud"),
    ("ap-northeast-1", "Asia Pacific (Tokyo)", "mypurecloud.jp"),
    ("ap-northeast-2", "Asia Pacific (Seoul)", "apne2.pure.cloud"),
    ("ap-northeast-3", "Asia Pacific (Osaka)", "apne3.pure.cloud"),
    (
        "ap-southeast-1",
        "Asia Pacific (Singapore)",
        "apse1.pure.cloud"
    ),
    (
        "ap-southeast-2",
        "Asia Pacific (Sydney)",
        "mypurecloud.com.au"
    ),
    (
        "eusc-de-east-1",
        "EU Sovereign Cloud (Germany)",
        "edee1.eusc-pure.cloud"
    ),
];

impl Region {
    /// Looks a region up by its AWS code; settings naming any other region are refused.
    pub fn by_code(code: &str) -> Option<&'static Region> {
        REGIONS.iter().find(|r| r.code == code)
    }

    pub fn endpoints(&self) -> Endpoints {
        Endpoints {
            login_base: format!("https://login.{}", self.domain),
            api_base: format!("https://api.{}", self.domain),
        }
    }
}

/// The two base URLs of an org: where to sign in and where the Platform API lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    pub login_base: String,
    pub api_base: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_is_listed_once_with_its_hosts() {
        assert_eq!(REGIONS.len(), 18, "the JS SDK lists 18 regions");
        let mut codes: Vec<_> = REGIONS.iter().map(|r| r.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 18, "region codes must be unique");
        let ie = Region::by_code("eu-west-1").expect("eu-west-1 is a region");
        assert_eq!(ie.endpoints().api_base, "https://api.mypurecloud.ie");
        assert_eq!(ie.endpoints().login_base, "https://login.mypurecloud.ie");
        assert!(Region::by_code("mars-1").is_none());
    }
}
