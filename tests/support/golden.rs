//! Golden files shared by the native export tests.

/// Compares `actual` with `tests/golden/<name>`; writes the file when it is missing or when
/// `UPDATE_GOLDEN` is set (then read the diff by eye before committing it).
pub fn check_golden(name: &str, actual: &str) {
    let path = std::path::Path::new("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() || !path.exists() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("golden directory");
        }
        std::fs::write(&path, actual).expect("write golden");
    }
    let expected = std::fs::read_to_string(&path).expect("golden file");
    assert!(
        expected == actual,
        "{name} differs from its golden file; run with UPDATE_GOLDEN=1 to accept"
    );
}
