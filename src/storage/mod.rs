//! Keeping drafts: a small key-value seam (the browser's localStorage in the app, memory in
//! tests) and the draft records stored through it.

pub mod backup;
pub mod batch;
pub mod drafts;
pub mod encoder;
pub mod history;
pub mod library;
pub mod memory;
pub mod session;

/// Why a storage operation failed, in terms the UI can explain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage cannot be used at all (disabled site data, a sandboxed frame, private modes).
    Unavailable(String),
    /// The write did not fit (QuotaExceededError); what was stored before is unchanged.
    Full,
    /// Any other failure, with the browser's words.
    Other(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(
                f,
                "This browser is not letting Verdict keep anything ({why}). You can go on writing, but nothing will be kept when you close the page: download your review to keep it."
            ),
            StoreError::Full => write!(
                f,
                "Your latest changes could not be saved: the browser's storage for this site is full. The last saved copy is intact and your review is still here. Download it now from the Menu (Download Markdown (GitHub) or Download HTML page) to keep it, then make room: empty the trash or delete old reviews (Menu, Reviews), or delete older versions (Menu, History). Saving resumes by itself once there is room."
            ),
            StoreError::Other(why) => write!(
                f,
                "Your latest changes could not be saved ({why}). Your review is still here: download it to keep it."
            ),
        }
    }
}

/// A string key-value store with the semantics of localStorage: each `set` replaces the whole
/// value at once or fails leaving the old one, so a record is never half written.
pub trait KeyValueStore {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` (no error if it was absent).
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key currently stored.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// The start of the value under `key`: at least its first `chars` characters where it has
    /// that many (cut on a character boundary), for reading a record's header without copying
    /// a long value out of the browser.
    fn head(&self, key: &str, chars: usize) -> Result<Option<String>, StoreError> {
        Ok(self.get(key)?.map(|mut value| {
            if let Some((at, _)) = value.char_indices().nth(chars) {
                value.truncate(at);
            }
            value
        }))
    }
}
