//! Unit tests of `url`.

use super::*;

#[test]
fn only_http_and_https() {
    assert!(FetchUrl::parse("https://example.org/a.pdf").is_ok());
    assert!(FetchUrl::parse("HTTP://example.org/a.pdf").is_ok());
    for bad in ["ftp://example.org/a.pdf", "file:///etc/passwd", "data:application/pdf,xx", "javascript:alert(1)", "example.org/a.pdf"] {
        assert_eq!(FetchUrl::parse(bad).map_err(|e| e.code()), Err("url_refused"), "{bad}");
    }
}

#[test]
fn credentials_never_shown() {
    let u = FetchUrl::parse("https://alice:s3cret@example.org/x.pdf").unwrap();
    assert_eq!(u.redacted(), "https://***@example.org/x.pdf");
    assert!(!u.to_string().contains("s3cret"));
    assert_eq!(u.request_url(), "https://example.org/x.pdf");
    // RFC 7617's example: Aladdin / open sesame.
    let a = FetchUrl::parse("https://Aladdin:open%20sesame@example.org/").unwrap();
    assert_eq!(a.basic_auth().as_deref(), Some("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="));
    assert_eq!(FetchUrl::parse("https://example.org/").unwrap().basic_auth(), None);
    assert_eq!(base64(b"ab"), "YWI=");
    assert_eq!(base64(b"a"), "YQ==");
    let e = FetchUrl::parse("ftp://alice:s3cret@example.org/x.pdf").unwrap_err();
    assert!(!e.to_string().contains("s3cret"), "{e}");
    let e = FetchUrl::parse("https://alice:s3cret@[bad/x.pdf").unwrap_err();
    assert!(!e.to_string().contains("s3cret"), "{e}");
    assert_eq!(redact_text("http://u:p@h/x@y"), "http://***@h/x@y");
}

#[test]
fn redirects_keep_to_http_and_never_downgrade() {
    let u = FetchUrl::parse("https://example.org/a/b.pdf").unwrap();
    assert_eq!(u.redirect("c.pdf").unwrap().redacted(), "https://example.org/a/c.pdf");
    assert_eq!(u.redirect("/d.pdf").unwrap().redacted(), "https://example.org/d.pdf");
    assert_eq!(u.redirect("//cdn.example.org/e.pdf").unwrap().redacted(), "https://cdn.example.org/e.pdf");
    assert_eq!(u.redirect("ftp://example.org/x").map_err(|e| e.code()).unwrap_err(), "url_refused");
    assert_eq!(u.redirect("file:///etc/passwd").map_err(|e| e.code()).unwrap_err(), "url_refused");
    assert_eq!(u.redirect("http://example.org/x.pdf").map_err(|e| e.code()).unwrap_err(), "url_refused");
    let h = FetchUrl::parse("http://example.org/a.pdf").unwrap();
    assert_eq!(h.redirect("https://example.org/a.pdf").unwrap().scheme(), "https");
}

#[test]
fn allow_host_matches_host_and_subdomains() {
    let allow = vec!["mof.gov.vn".to_string()];
    assert!(FetchUrl::parse("https://mof.gov.vn/a.pdf").unwrap().host_allowed(&allow));
    assert!(FetchUrl::parse("https://www.MOF.gov.vn/a.pdf").unwrap().host_allowed(&allow));
    assert!(!FetchUrl::parse("https://evilmof.gov.vn/a.pdf").unwrap().host_allowed(&allow));
    assert!(!FetchUrl::parse("https://mof.gov.vn.evil.com/a.pdf").unwrap().host_allowed(&allow));
    assert!(FetchUrl::parse("https://anything.org/a.pdf").unwrap().host_allowed(&[]));
}

#[test]
fn output_names_stay_inside_and_differ_by_query() {
    let name = |s: &str| FetchUrl::parse(s).unwrap().output_relative().display().to_string();
    assert_eq!(name("https://example.org/budget/2024/plan.pdf"), "example.org/budget/2024/plan.pdf");
    assert_eq!(name("http://127.0.0.1:8080/a.pdf"), "127.0.0.1_8080/a.pdf");
    assert_eq!(name("https://example.org/"), "example.org/index");
    assert_eq!(name("https://example.org"), "example.org/index");
    assert_eq!(name("https://example.org/a/../../../etc/passwd"), "example.org/etc/passwd");
    // URL parsing (WHATWG) already takes "%2e%2e" as "..", at the root it goes nowhere.
    assert_eq!(name("https://example.org/%2e%2e/x y.pdf"), "example.org/x_20y.pdf");
    assert_eq!(name("https://example.org/a/%2E%2e/b/..%2F..%2Fc.pdf"), "example.org/b/.._2F.._2Fc.pdf");
    let (a, b) = (name("https://example.org/get.pdf?id=1"), name("https://example.org/get.pdf?id=2"));
    assert!(a.starts_with("example.org/get-q") && a.ends_with(".pdf") && a != b, "{a} {b}");
}
