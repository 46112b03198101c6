//! Which remote images the preview may load: the rules, with no DOM.
//!
//! An image loads by itself, and its request tells the image's host that someone is reading,
//! when and from where. The writer's own addresses (typed in this browser) load at once; an
//! address that arrived in a file (opened, imported, restored from a backup) is recorded in the
//! review as *from outside* ([`super::Metadata::images_from_outside`]) and waits until the
//! writer allows it: once (for this page only), for this review (the record is emptied), or for
//! every image from its host (remembered in localStorage under [`IMAGE_HOSTS_KEY`]).

/// The localStorage key of the hosts whose images always load, one host a line.
pub const IMAGE_HOSTS_KEY: &str = "verdict:image-hosts";

/// The host of an absolute `https://` address, in lower case (`tracker.example`); `None` for
/// an address relative to the page (which loads from Verdict's own origin) or any other kind.
pub fn image_host(address: &str) -> Option<String> {
    let address = address.trim();
    let rest = address
        .get(..8)
        .filter(|scheme| scheme.eq_ignore_ascii_case("https://"))
        .map(|_| &address[8..])?;
    // Browsers read a backslash in an address as a slash.
    let authority = rest.split(['/', '\\', '?', '#']).next().unwrap_or("");
    // Anything up to an `@` is a user name, not the host.
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = if host_port.starts_with('[') {
        host_port
            .find(']')
            .map_or(host_port, |end| &host_port[..=end])
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The addresses from outside that must still wait: those not allowed `once` and whose host is
/// not one of `hosts` (the hosts the writer always allows).
pub fn held_images(outside: &[String], hosts: &[String], once: &[String]) -> Vec<String> {
    outside
        .iter()
        .filter(|address| !once.contains(address))
        .filter(|address| image_host(address).is_none_or(|host| !hosts.contains(&host)))
        .cloned()
        .collect()
}

/// The hosts stored under [`IMAGE_HOSTS_KEY`] (one a line; blank lines ignored).
pub fn read_hosts(stored: &str) -> Vec<String> {
    stored
        .lines()
        .map(|line| line.trim().to_ascii_lowercase())
        .filter(|line| !line.is_empty())
        .collect()
}

/// `hosts` with `host` added (once), as stored under [`IMAGE_HOSTS_KEY`].
pub fn add_host(hosts: &[String], host: &str) -> (Vec<String>, String) {
    let host = host.trim().to_ascii_lowercase();
    let mut hosts = hosts.to_vec();
    if !host.is_empty() && !hosts.contains(&host) {
        hosts.push(host);
    }
    let stored = hosts.join("\n");
    (hosts, stored)
}

/// Adds `addresses` to the record of addresses from outside, kept sorted and without repeats.
pub fn record_from_outside(outside: &mut Vec<String>, addresses: impl IntoIterator<Item = String>) {
    outside.extend(addresses);
    crate::sort::sort_by(outside, |a, b| a.cmp(b));
    outside.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn hosts_are_read_from_https_addresses_only() {
        for (address, host) in [
            ("https://tracker.example/p.gif?x=1", Some("tracker.example")),
            (
                "HTTPS://Tracker.Example:8443/p.gif",
                Some("tracker.example"),
            ),
            ("https://me:pw@cdn.example#x", Some("cdn.example")),
            (
                "https://evil.example\\@good.example/x",
                Some("evil.example"),
            ),
            ("https://[::1]:8080/x", Some("[::1]")),
            (" https://a.example ", Some("a.example")),
            ("https:///x", None),
            ("http://plain.example/x", None),
            ("cover.png", None),
            ("/c.png", None),
            ("", None),
        ] {
            assert_eq!(image_host(address).as_deref(), host, "{address}");
        }
    }

    #[test]
    fn an_address_from_outside_waits_until_allowed_once_or_by_host() {
        let outside = strings(&[
            "https://tracker.example/a.gif",
            "https://tracker.example/b.gif",
            "https://cdn.example/c.png",
        ]);
        assert_eq!(held_images(&outside, &[], &[]), outside);
        assert_eq!(
            held_images(&outside, &strings(&["tracker.example"]), &[]),
            strings(&["https://cdn.example/c.png"])
        );
        assert_eq!(
            held_images(&outside, &[], &strings(&["https://tracker.example/b.gif"])),
            strings(&["https://tracker.example/a.gif", "https://cdn.example/c.png"])
        );
        // Another host of a similar name is not allowed with it.
        assert_eq!(held_images(&outside, &strings(&["example"]), &[]).len(), 3);
        assert!(held_images(&[], &[], &[]).is_empty());
    }

    #[test]
    fn hosts_are_stored_one_a_line_without_repeats() {
        let (hosts, stored) = add_host(&[], "Tracker.Example");
        assert_eq!(stored, "tracker.example");
        let (hosts, stored) = add_host(&hosts, "cdn.example");
        let (hosts, again) = add_host(&hosts, "tracker.example");
        assert_eq!(stored, again);
        assert_eq!(read_hosts(&stored), hosts);
        assert_eq!(read_hosts("\n a.example \n\n"), strings(&["a.example"]));
    }

    #[test]
    fn the_record_stays_sorted_without_repeats() {
        let mut outside = strings(&["https://b.example/x"]);
        record_from_outside(
            &mut outside,
            strings(&["https://a.example/x", "https://b.example/x"]),
        );
        assert_eq!(
            outside,
            strings(&["https://a.example/x", "https://b.example/x"])
        );
    }
}
