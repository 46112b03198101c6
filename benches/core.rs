//! Criterion benchmarks of the core at 1 KB, 100 KB and 1 MB: rendering one section (whole and
//! incrementally, as on a keystroke), rendering a whole review, the spoiler-leak check, each
//! export, and encoding and decoding a draft record. Run with `cargo bench --bench core` (or `scripts/bench`).

// Criterion is a native-only dev-dependency; the wasm32 build of this target is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::core();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
    use std::hint::black_box;
    use verdict::checks::leaks;
    use verdict::export::{html, markdown};
    use verdict::formats::draft::{parse_record, DraftRecord, ViewState, SCHEMA_VERSION};
    use verdict::markup::incremental::IncrementalRender;
    use verdict::markup::{render, SpoilerView};
    use verdict::review::{Rating, Review, Section};
    use verdict::storage::encoder::{DraftEncoder, SectionRef};

    const SIZES: [(&str, usize); 3] = [("1KB", 1024), ("100KB", 100 * 1024), ("1MB", 1024 * 1024)];

    /// Review-like Markdown of about `bytes` bytes: paragraphs with emphasis, links, inline
    /// spoilers, lists and the odd quote.
    fn text(bytes: usize) -> String {
        let paragraph = "Kathy, Ruth and Tommy leave *Hailsham* for the Cottages, where [Keffers](https://example.com/k) watches over them; ||the truth about the donations|| comes slowly. ";
        let mut out = String::with_capacity(bytes + 256);
        let mut i = 0;
        while out.len() < bytes {
            out.push_str(paragraph);
            i += 1;
            match i % 12 {
                4 => out.push_str("\n\n- a list item\n- another one\n\n"),
                8 => out.push_str("\n\n> A quoted line.\n\n"),
                _ if i % 3 == 0 => out.push_str("\n\n"),
                _ => {}
            }
        }
        out
    }

    /// A review of about `bytes` bytes in 5 KB sections, every fourth a spoiler.
    fn review(bytes: usize) -> Review {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.title = "Never Let Me Go".into();
        review.metadata.author = "Kazuo Ishiguro".into();
        review.rating = Rating::parse("3.5");
        let count = bytes.div_ceil(5 * 1024).max(1);
        review.sections = (0..count)
            .map(|i| Section {
                id: i as u64 + 1,
                heading: format!("Section {}", i + 1),
                body: text((bytes / count).max(64)),
                spoiler: i % 4 == 1,
            })
            .collect();
        review
    }

    fn record(review: &Review) -> DraftRecord {
        DraftRecord {
            schema: SCHEMA_VERSION,
            id: "bench".into(),
            revision: 1,
            saved_at: "2026-11-25T10:00:00Z".into(),
            created_at: "2026-11-25T10:00:00Z".into(),
            review: review.clone(),
            view: ViewState::default(),
        }
    }

    fn benches(c: &mut Criterion) {
        for (label, bytes) in SIZES {
            let body = text(bytes);
            let whole = review(bytes);
            let view = SpoilerView::closed("s");

            let mut group = c.benchmark_group("section");
            group.throughput(Throughput::Bytes(body.len() as u64));
            group.bench_with_input(BenchmarkId::new("render", label), &body, |b, body| {
                b.iter(|| render(black_box(body), &view))
            });
            // A keystroke at the end of one long section: what the preview pays per key.
            group.bench_with_input(
                BenchmarkId::new("keystroke (incremental)", label),
                &body,
                |b, body| {
                    let mut renderer = IncrementalRender::new("s");
                    renderer.update(body, false, &[]);
                    let mut edited = body.clone();
                    b.iter(|| {
                        edited.push('x');
                        black_box(renderer.update(&edited, false, &[]));
                    })
                },
            );
            group.finish();

            let mut group = c.benchmark_group("review");
            group.throughput(Throughput::Bytes(whole.text_len() as u64));
            group.bench_with_input(BenchmarkId::new("render article", label), &whole, |b, r| {
                b.iter(|| html::article_html(black_box(r)))
            });
            // What the editor runs when typing pauses.
            group.bench_with_input(
                BenchmarkId::new("spoiler-leak check", label),
                &whole,
                |b, r| b.iter(|| leaks::check(black_box(r))),
            );
            group.bench_with_input(
                BenchmarkId::new("export markdown", label),
                &whole,
                |b, r| b.iter(|| markdown::document(black_box(r))),
            );
            group.bench_with_input(BenchmarkId::new("export html", label), &whole, |b, r| {
                b.iter(|| html::document(black_box(r)))
            });
            let record = record(&whole);
            group.bench_with_input(
                BenchmarkId::new("serialize draft", label),
                &record,
                |b, r| b.iter(|| serde_json::to_string(black_box(r)).unwrap()),
            );
            let json = serde_json::to_string(&record).unwrap();
            group.bench_with_input(
                BenchmarkId::new("deserialize draft", label),
                &json,
                |b, j| b.iter(|| parse_record("k", black_box(j)).unwrap()),
            );
            // An autosave after a keystroke in one section: the other sections' JSON is reused.
            group.bench_with_input(
                BenchmarkId::new("encode draft (autosave)", label),
                &whole,
                |b, r| {
                    let mut encoder = DraftEncoder::new();
                    let mut last = r.sections.last().unwrap().body.clone();
                    b.iter(|| {
                        last.push('x');
                        let n = r.sections.len();
                        for (i, s) in r.sections.iter().enumerate() {
                            let body = if i + 1 == n {
                                last.as_str()
                            } else {
                                s.body.as_str()
                            };
                            encoder.section(SectionRef {
                                id: s.id,
                                heading: &s.heading,
                                body,
                                spoiler: s.spoiler,
                            });
                        }
                        black_box(encoder.finish(
                            "bench",
                            2,
                            "2026-11-25T10:00:00Z",
                            "2026-11-25T10:00:00Z",
                            &r.metadata,
                            &r.post_title,
                            r.rating,
                            &ViewState::default(),
                        ))
                    })
                },
            );
            group.finish();
        }
    }

    criterion_group! {
        name = group;
        config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_millis(300)).measurement_time(std::time::Duration::from_secs(1));
        targets = benches
    }

    /// Runs every benchmark of this file.
    pub fn core() {
        group();
    }
}
