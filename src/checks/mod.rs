//! Checks over a whole review before it is published: today the spoiler-leak check and the parts
//! a review should not be without ([`leaks`]). They read the model and markup's spoiler syntax,
//! produce findings for the writer to judge, and only the UI runs them (`Before you publish`).

pub mod leaks;
