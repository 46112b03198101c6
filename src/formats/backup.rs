//! The backup file's identity: what a file made by `Back up all` says it is, and its layout
//! version. Storage writes and restores backups; `Open file` only needs to tell a backup from a
//! review, to send the person to `Restore from backup`.

/// What a backup file says it is.
pub const BACKUP_FORMAT: &str = "verdict-backup";

/// The backup layout this version writes (and the newest it reads).
pub const BACKUP_VERSION: u32 = 1;
