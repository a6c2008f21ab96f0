//! What a fetch tells the manifest about a URL input.

use serde::{Deserialize, Serialize};

/// The HTTP side of a URL input's manifest line (flattened into it; absent for files).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchRecord {
    /// The URL as given, credentials replaced by `***`.
    pub url: String,
    /// The URL that answered after redirects (credentials replaced), when one answered.
    pub final_url: Option<String>,
    /// The status of the last response (304 for "not modified"), when one arrived.
    pub http_status: Option<u16>,
    /// The `ETag` the server sent (sent back as `If-None-Match` by the next run).
    pub etag: Option<String>,
    /// The `Last-Modified` the server sent (sent back as `If-Modified-Since`).
    pub last_modified: Option<String>,
    /// The `Content-Type` the server sent.
    pub content_type: Option<String>,
    /// Bytes downloaded (the size of the known copy when not modified).
    pub bytes: Option<u64>,
}
