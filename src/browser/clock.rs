//! Dates and ids from the browser's clock.

/// Today's date in the person's time zone, as `YYYY-MM-DD`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The current instant as an ISO 8601 UTC timestamp.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A new draft id, unique in practice: the time in milliseconds and a random part, base 36.
pub fn new_draft_id() -> String {
    let millis = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 2f64.powi(40)) as u64;
    format!("{}-{}", base36(millis), base36(random))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// `iso` (an ISO 8601 instant) as the person's browser writes dates and times, e.g.
/// "25 Nov 2026, 11:03"; the text itself if it is not a date.
pub fn local_time(iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(date.to_locale_string("default", &options))
}

/// The browser's clock, for the draft session.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserClock;

impl crate::storage::session::Clock for BrowserClock {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    fn now_iso(&self) -> String {
        now_iso()
    }
}
