//! The file formats that one module writes and another reads: Verdict's JSON file ([`json`]),
//! the markers that make its Markdown readable back exactly ([`markers`]), the draft record
//! ([`draft`]) and the backup file's identity ([`backup`]); and the one JSON string writer that
//! the draft record and the markers are written with ([`json_string`]); and what every review
//! read from a file passes before it is kept ([`admit`], with [`controls`]). Export, import and
//! storage each use these and never one another, so that none of them depends on another's
//! internals.

pub mod admit;
pub mod backup;
pub mod controls;
pub mod csv;
pub mod draft;
pub mod goodreads;
pub mod json;
pub mod json_string;
pub mod markers;
