//! Grouping a preview body's blocks into chunks. A section of a few thousand blocks laid out as
//! one flat list makes the browser walk every block's box after each keystroke, even though only
//! one changed. With the blocks in plain `<div>` chunks of a few dozen, it walks the chunks and
//! the one chunk that changed, a fraction of the layout (measured: docs/performance.md).
//!
//! A chunk is a bare `<div>` with no box of its own (no border, padding or containment), so the
//! margins of the blocks on either side of it still collapse and the preview looks exactly like
//! the flat published page.
//!
//! [`Chunks`] keeps how many blocks each chunk holds and turns each [`Patch`] of the incremental
//! renderer into [`ChunkOp`]s for the preview to apply to its DOM, in order.

use super::incremental::Patch;

/// The opening tag of a chunk.
pub const CHUNK_OPEN: &str = "<div class=\"preview-chunk\">";
/// The closing tag of a chunk.
pub const CHUNK_CLOSE: &str = "</div>";
/// The class a chunk made in the DOM (by [`ChunkOp::Split`]) must carry, as in [`CHUNK_OPEN`].
pub const CHUNK_CLASS: &str = "preview-chunk";

/// How many blocks a new chunk is given.
pub const CHUNK_BLOCKS: usize = 32;
/// A chunk that grows past this many blocks is split in two.
pub const MAX_CHUNK_BLOCKS: usize = 2 * CHUNK_BLOCKS;

/// One change to the chunked DOM. Indices are those of the moment the operation is applied
/// (after the operations before it in the same list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChunkOp {
    /// Replace the container's whole content with this HTML (every block in its chunk).
    ReplaceAll(String),
    /// Insert the HTML of some blocks into chunk `chunk`, before its block `at` (at its end
    /// when `at` is its number of blocks).
    InsertBlocks {
        /// The chunk.
        chunk: usize,
        /// The block of the chunk they go before.
        at: usize,
        /// The blocks' HTML.
        html: String,
    },
    /// Insert whole chunks (HTML with their wrappers) before chunk `before` (at the end when
    /// `before` is the number of chunks).
    InsertChunks {
        /// The chunk they go before.
        before: usize,
        /// The chunks' HTML.
        html: String,
    },
    /// Move the blocks of chunk `chunk` from block `at` on into a new, empty chunk (class
    /// [`CHUNK_CLASS`]) right after it.
    Split {
        /// The chunk.
        chunk: usize,
        /// The first block that moves.
        at: usize,
    },
    /// Remove `count` blocks of chunk `chunk`, from its block `at`.
    RemoveBlocks {
        /// The chunk.
        chunk: usize,
        /// The first block removed.
        at: usize,
        /// How many go.
        count: usize,
    },
    /// Remove chunk `chunk` with all its blocks.
    RemoveChunk {
        /// The chunk.
        chunk: usize,
    },
}

/// How the blocks of one preview body are grouped: the number of blocks in each chunk, none
/// empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chunks {
    sizes: Vec<usize>,
}

/// The HTML of `blocks` as chunks of [`CHUNK_BLOCKS`], and their sizes.
fn wrap(blocks: &[String]) -> (String, Vec<usize>) {
    let bytes: usize = blocks.iter().map(String::len).sum();
    let chunks = blocks.len().div_ceil(CHUNK_BLOCKS);
    let mut html = String::with_capacity(bytes + chunks * (CHUNK_OPEN.len() + CHUNK_CLOSE.len()));
    let mut sizes = Vec::with_capacity(chunks);
    for group in blocks.chunks(CHUNK_BLOCKS) {
        html.push_str(CHUNK_OPEN);
        group.iter().for_each(|block| html.push_str(block));
        html.push_str(CHUNK_CLOSE);
        sizes.push(group.len());
    }
    (html, sizes)
}

impl Chunks {
    /// No blocks yet (an empty container).
    pub fn new() -> Chunks {
        Chunks::default()
    }

    /// The number of blocks in each chunk, in order.
    pub fn sizes(&self) -> &[usize] {
        &self.sizes
    }

    /// The number of blocks in all chunks.
    pub fn blocks(&self) -> usize {
        self.sizes.iter().sum()
    }

    /// The whole content for these blocks, replacing whatever was there.
    pub fn replace_all(&mut self, blocks: &[String]) -> ChunkOp {
        let (html, sizes) = wrap(blocks);
        self.sizes = sizes;
        ChunkOp::ReplaceAll(html)
    }

    /// The chunk and the block within it where block `index` is (or, for the index just past
    /// the last block, the end of the last chunk).
    fn locate(&self, index: usize) -> (usize, usize) {
        let mut left = index;
        for (chunk, &size) in self.sizes.iter().enumerate() {
            if left < size {
                return (chunk, left);
            }
            left -= size;
        }
        let last = self.sizes.len().saturating_sub(1);
        (last, self.sizes.get(last).copied().unwrap_or(0))
    }

    /// The operations that apply `patch` (blocks `start..start + remove` replaced with
    /// `insert`) to chunked DOM in the state this describes; this then describes the result.
    pub fn apply(&mut self, patch: &Patch) -> Vec<ChunkOp> {
        let total = self.blocks();
        if self.sizes.is_empty() || patch.start == 0 && patch.remove >= total {
            return vec![self.replace_all(&patch.insert)];
        }
        let start = patch.start.min(total);
        let mut ops = Vec::new();
        let (mut chunk, mut at) = self.locate(start);
        // First the new blocks, before the ones they replace, so that a chunk they go into is
        // never emptied on the way.
        let count = patch.insert.len();
        if count > 0 && count <= CHUNK_BLOCKS {
            ops.push(ChunkOp::InsertBlocks {
                chunk,
                at,
                html: patch.insert.concat(),
            });
            self.sizes[chunk] += count;
            at += count;
        } else if count > 0 {
            // Many blocks (a paste): chunks of their own, after the first part of this chunk.
            let before = if at == 0 {
                chunk
            } else {
                if at < self.sizes[chunk] {
                    ops.push(ChunkOp::Split { chunk, at });
                    let tail = self.sizes[chunk] - at;
                    self.sizes[chunk] = at;
                    self.sizes.insert(chunk + 1, tail);
                }
                chunk + 1
            };
            let (html, sizes) = wrap(&patch.insert);
            let added = sizes.len();
            ops.push(ChunkOp::InsertChunks { before, html });
            self.sizes.splice(before..before, sizes);
            chunk = before + added;
            at = 0;
        }
        // Then the replaced blocks, from where the new ones end.
        let mut left = patch.remove.min(total - start);
        while left > 0 && chunk < self.sizes.len() {
            if at >= self.sizes[chunk] {
                chunk += 1;
                at = 0;
                continue;
            }
            let here = left.min(self.sizes[chunk] - at);
            if here == self.sizes[chunk] {
                ops.push(ChunkOp::RemoveChunk { chunk });
                self.sizes.remove(chunk);
            } else {
                ops.push(ChunkOp::RemoveBlocks {
                    chunk,
                    at,
                    count: here,
                });
                self.sizes[chunk] -= here;
                chunk += 1;
                at = 0;
            }
            left -= here;
        }
        // A chunk that grew one block at a time is halved before it gets long.
        if let Some(grown) = self.sizes.iter().position(|&s| s > MAX_CHUNK_BLOCKS) {
            let at = self.sizes[grown] / 2;
            ops.push(ChunkOp::Split { chunk: grown, at });
            let tail = self.sizes[grown] - at;
            self.sizes[grown] = at;
            self.sizes.insert(grown + 1, tail);
        }
        ops
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A model of the container: each chunk's blocks.
    fn apply_ops(dom: &mut Vec<Vec<String>>, ops: &[ChunkOp]) {
        for op in ops {
            match op {
                ChunkOp::ReplaceAll(html) => *dom = parse(html),
                ChunkOp::InsertBlocks { chunk, at, html } => {
                    let blocks = blocks_of(html);
                    dom[*chunk].splice(*at..*at, blocks);
                }
                ChunkOp::InsertChunks { before, html } => {
                    let chunks = parse(html);
                    dom.splice(*before..*before, chunks);
                }
                ChunkOp::Split { chunk, at } => {
                    let tail = dom[*chunk].split_off(*at);
                    dom.insert(chunk + 1, tail);
                }
                ChunkOp::RemoveBlocks { chunk, at, count } => {
                    assert!(*count > 0 && at + count <= dom[*chunk].len());
                    dom[*chunk].drain(*at..at + count);
                    assert!(!dom[*chunk].is_empty(), "a chunk left empty");
                }
                ChunkOp::RemoveChunk { chunk } => {
                    dom.remove(*chunk);
                }
            }
        }
    }

    /// Blocks are written `<p>n</p>` in these tests.
    fn blocks_of(html: &str) -> Vec<String> {
        html.split_inclusive("</p>").map(str::to_string).collect()
    }

    fn parse(html: &str) -> Vec<Vec<String>> {
        html.split(CHUNK_CLOSE)
            .filter(|c| !c.is_empty())
            .map(|c| blocks_of(c.strip_prefix(CHUNK_OPEN).expect("a chunk's opening tag")))
            .collect()
    }

    fn block(n: usize) -> String {
        format!("<p>{n}</p>")
    }

    #[test]
    fn the_first_render_is_chunks_of_the_target_size() {
        let mut chunks = Chunks::new();
        let blocks: Vec<String> = (0..70).map(block).collect();
        let ops = chunks.apply(&Patch {
            start: 0,
            remove: 0,
            insert: blocks.clone(),
        });
        assert_eq!(chunks.sizes(), &[32, 32, 6]);
        let mut dom = Vec::new();
        apply_ops(&mut dom, &ops);
        assert_eq!(dom.concat(), blocks);
    }

    #[test]
    fn a_keystroke_in_the_last_block_touches_only_the_last_chunk() {
        let mut chunks = Chunks::new();
        chunks.replace_all(&(0..100).map(block).collect::<Vec<_>>());
        let ops = chunks.apply(&Patch {
            start: 99,
            remove: 1,
            insert: vec![block(1000)],
        });
        assert_eq!(
            ops,
            vec![
                ChunkOp::InsertBlocks {
                    chunk: 3,
                    at: 3,
                    html: block(1000)
                },
                ChunkOp::RemoveBlocks {
                    chunk: 3,
                    at: 4,
                    count: 1
                },
            ]
        );
    }

    #[test]
    fn emptied_chunks_are_removed_whole() {
        let mut chunks = Chunks::new();
        chunks.replace_all(&(0..100).map(block).collect::<Vec<_>>());
        let ops = chunks.apply(&Patch {
            start: 10,
            remove: 60,
            insert: vec![],
        });
        assert_eq!(
            ops,
            vec![
                ChunkOp::RemoveBlocks {
                    chunk: 0,
                    at: 10,
                    count: 22
                },
                ChunkOp::RemoveChunk { chunk: 1 },
                ChunkOp::RemoveBlocks {
                    chunk: 1,
                    at: 0,
                    count: 6
                },
            ]
        );
        assert_eq!(chunks.sizes(), &[10, 26, 4]);
    }

    #[test]
    fn a_chunk_typed_long_one_block_at_a_time_is_split() {
        let mut chunks = Chunks::new();
        let mut dom = Vec::new();
        let mut expected: Vec<String> = (0..10).map(block).collect();
        apply_ops(&mut dom, &[chunks.replace_all(&expected)]);
        for n in 10..200 {
            let ops = chunks.apply(&Patch {
                start: n,
                remove: 0,
                insert: vec![block(n)],
            });
            apply_ops(&mut dom, &ops);
            expected.push(block(n));
        }
        assert_eq!(dom.concat(), expected);
        assert!(chunks.sizes().iter().all(|&s| s <= MAX_CHUNK_BLOCKS));
    }

    proptest! {
        /// After any sequence of patches, the DOM the operations build holds exactly the
        /// blocks, in order, with no empty or overlong chunk, and `sizes` describes it.
        #[test]
        fn operations_keep_the_dom_equal_to_the_blocks(
            first in 0usize..150,
            patches in prop::collection::vec((0.0f64..1.0, 0usize..80, 0usize..80), 1..30),
        ) {
            let mut chunks = Chunks::new();
            let mut dom = Vec::new();
            let mut next = 0usize;
            let mut fresh = |n: usize| -> Vec<String> {
                (0..n).map(|_| { next += 1; block(next) }).collect()
            };
            let mut expected = fresh(first);
            let ops = chunks.apply(&Patch { start: 0, remove: 0, insert: expected.clone() });
            apply_ops(&mut dom, &ops);
            for (at, remove, insert) in patches {
                let start = ((expected.len() as f64) * at) as usize;
                let remove = remove.min(expected.len() - start);
                let insert = fresh(insert);
                let ops = chunks.apply(&Patch { start, remove, insert: insert.clone() });
                apply_ops(&mut dom, &ops);
                expected.splice(start..start + remove, insert);
                prop_assert_eq!(dom.concat(), expected.clone());
                prop_assert_eq!(dom.iter().map(Vec::len).collect::<Vec<_>>(), chunks.sizes().to_vec());
                prop_assert!(dom.iter().all(|c| !c.is_empty() && c.len() <= MAX_CHUNK_BLOCKS));
            }
        }
    }
}
