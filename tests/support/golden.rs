//! Golden files shared by the native export tests.

/// Compares `actual` with `tests/golden/<name>`. With `UPDATE_GOLDEN` set it writes the file
/// first (then read the diff by eye before committing it); without, a missing file fails like
/// a different one, so that a renamed or deleted golden file cannot pass unnoticed.
pub fn check_golden(name: &str, actual: &str) {
    let path = std::path::Path::new("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("golden directory");
        }
        std::fs::write(&path, actual).expect("write golden");
    }
    let Ok(expected) = std::fs::read_to_string(&path) else {
        panic!(
            "{name} has no golden file; run with UPDATE_GOLDEN=1 to write it, and read it by eye"
        )
    };
    assert!(
        expected == actual,
        "{name} differs from its golden file; run with UPDATE_GOLDEN=1 to accept"
    );
}
