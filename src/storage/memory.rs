//! An in-memory [`KeyValueStore`] with a byte quota, for tests and for when the browser offers
//! no storage at all.

use std::collections::BTreeMap;

use super::{KeyValueStore, StoreError};

/// Keys and values in memory, refusing writes past `quota` bytes as localStorage does.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    entries: BTreeMap<String, String>,
    /// The most bytes (keys plus values) the store holds; `None` for no limit.
    pub quota: Option<usize>,
    /// Writes still to succeed before one fails as a full store would (see
    /// [`MemoryStore::fail_write`]).
    fail_after: Option<usize>,
}

impl MemoryStore {
    /// An empty store with no quota.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// An empty store that holds at most `bytes` bytes.
    pub fn with_quota(bytes: usize) -> MemoryStore {
        MemoryStore {
            entries: BTreeMap::new(),
            quota: Some(bytes),
            fail_after: None,
        }
    }

    /// Makes the `nth` write from now (1 for the next) fail with [`StoreError::Full`], leaving
    /// the stored value as it was, as a quota reached mid-way through a save would; the writes
    /// after it succeed again.
    pub fn fail_write(&mut self, nth: usize) {
        self.fail_after = nth.checked_sub(1);
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| *k != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        match self.fail_after {
            Some(0) => {
                self.fail_after = None;
                return Err(StoreError::Full);
            }
            Some(n) => self.fail_after = Some(n - 1),
            None => {}
        }
        if let Some(quota) = self.quota {
            if self.used_without(key) + key.len() + value.len() > quota {
                return Err(StoreError::Full);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nth_write_fails_once_and_leaves_the_old_value() {
        let mut store = MemoryStore::new();
        store.set("k", "1").unwrap();
        store.fail_write(2);
        store.set("k", "2").unwrap();
        assert_eq!(store.set("k", "3"), Err(StoreError::Full));
        assert_eq!(store.get("k").unwrap().as_deref(), Some("2"));
        store.set("k", "4").unwrap();
        assert_eq!(store.get("k").unwrap().as_deref(), Some("4"));
    }
}
