//! Writes a sample review (a spoiler section, inline spoilers, a list, a link) in every Markdown
//! target to a directory, for `scripts/check-publishing` to build with the real tools.
//! Usage: cargo run --example publishing_samples -- <directory>

use verdict::export::targets::Target;
use verdict::review::{Rating, Review};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/publishing".into());
    std::fs::create_dir_all(&dir).expect("output directory");
    let mut review = Review::new_book("2026-11-25");
    let m = &mut review.metadata;
    m.title = "Gilead".into();
    m.author = "Marilynne Robinson".into();
    m.publication_date = "2004-11-04".into();
    m.reviewer = "Mira: \"a reader\" #1".into();
    m.tags = "faith, letters".into();
    m.categories = "book review".into();
    review.rating = Rating::parse("4.5");
    review.sections[0].body = "John Ames is **dying**, and the son he writes to will read this SECTIONSECRET only as a man.".into();
    review.sections[0].spoiler = true;
    review.sections[1].body = "The prose, and how ||INLINESECRET|| is told.\n\n- grace\n- [Iowa](https://en.wikipedia.org/wiki/Iowa)".into();
    review.sections[2].body = "Slow in places.".into();
    // Typed text that a site generator's templates would run, were it not kept as text.
    review.sections[3].body = "Read it. TEMPLATES: {{ site.title }} {% include nothing.html %} {{< gist u 1 >}} {{% gist u 1 %}} {% endraw %} end.".into();
    for target in Target::ALL {
        let out = target.render(&review, false);
        let path = format!("{dir}/{}", target.file_name("sample", false));
        std::fs::write(&path, out.text).expect("write sample");
        println!("{path}");
    }
}
