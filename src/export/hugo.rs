//! What a Hugo site needs beside the exported post.

/// A `details` shortcode for Hugo older than 0.140, which has none built in (Debian's Hugo is
/// 0.111): saved as `layouts/shortcodes/details.html`, it renders the exports' spoilers as the
/// built-in one does, a closed `<details>` whose summary and content are Markdown.
pub const DETAILS_SHORTCODE: &str = r#"<details{{ if .Get "open" }} open{{ end }}>
<summary>{{ .Get "summary" | default "Details" | .Page.RenderString }}</summary>
{{ .Inner | .Page.RenderString (dict "display" "block") }}
</details>
"#;
