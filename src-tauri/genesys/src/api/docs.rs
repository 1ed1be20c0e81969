//! `GET /api/v2/docs/swagger`: the region's own API description, read into a permission
//! catalog. The Terraform provider's docs tool downloads it with a plain GET and no token
//! (terraform-provider-genesyscloud apidocs/main.go, `fetchSwaggerSpec`), so none is sent here.
//! It is not retried: it is a background download, and the caller keeps its cache on failure.

use std::time::Duration;

use reqwest::header::ACCEPT;

use super::answer::{api_error, network, read};
use super::Client;
use crate::error::{Error, Result};
use crate::permissions::{Catalog, MAX_DOCUMENT_BYTES};

/// A 20 MB document on a slow link takes a while; the client's own request timeout is for
/// small answers.
const DOCUMENT_TIMEOUT: Duration = Duration::from_secs(180);

impl Client {
    /// The region's API description as a permission catalog.
    pub async fn api_permission_catalog(&self) -> Result<Catalog> {
        let url = format!("{}/api/v2/docs/swagger", self.endpoints().api_base);
        let response = self
            .http()
            .get(url)
            .header(ACCEPT, "application/json")
            .timeout(DOCUMENT_TIMEOUT)
            .send()
            .await
            .map_err(network)?;
        let answer = read(response, MAX_DOCUMENT_BYTES).await?;
        if !answer.status.is_success() {
            return Err(api_error(&answer));
        }
        let body = answer.body;
        tokio::task::spawn_blocking(move || Catalog::from_swagger(&body))
            .await
            .map_err(|e| Error::Unexpected(e.to_string()))?
    }
}
