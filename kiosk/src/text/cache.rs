//! A bounded cache of laid-out paragraphs, so a board of hundreds of names does not run bidi
//! and measure every word each frame.
//!
//! For: remembering the [`LayoutJob`] built by [`build_rtl_layout_job`] per (text, style,
//! width, max lines, pixels per point), and the [`Galley`] egui laid out from it. egui's own
//! galley cache forgets a galley after one frame without it, so a board coming round again in
//! the rotation would have all its text shaped and tessellated again (about 5 ms for 300
//! names); the galleys kept here make that frame as cheap as any other.
//!
//! A galley points into egui's font atlas, so the galleys kept here are dropped (the jobs are
//! kept) whenever egui starts a new atlas: when its text options change or when it clears a
//! nearly full atlas, which shows as the atlas's fill ratio going down. Growing the atlas
//! keeps every glyph where it was, so it needs nothing. Not for: anything that outlives the
//! fonts installed at start-up.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};

use egui::epaint::text::{FontsView, TextOptions};
use egui::text::{Galley, LayoutJob};

use super::bidi::TextDirection;
use super::layout::{TextStyleSpec, build_rtl_layout_job};

/// Default number of entries kept before eviction; a wall shows a few hundred strings.
pub const DEFAULT_CAPACITY: usize = 4096;

/// What the cached job depends on. Floats are compared by bits.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    text: String,
    size: u32,
    color: [u8; 4],
    bold: bool,
    direction: TextDirection,
    max_width: u32,
    max_lines: Option<usize>,
    pixels_per_point: u32,
}

/// The same fields, borrowed, for allocation-free lookups.
#[derive(Hash)]
struct KeyRef<'a> {
    text: &'a str,
    size: u32,
    color: [u8; 4],
    bold: bool,
    direction: TextDirection,
    max_width: u32,
    max_lines: Option<usize>,
    pixels_per_point: u32,
}

impl KeyRef<'_> {
    fn matches(&self, key: &Key) -> bool {
        self.text == key.text
            && self.size == key.size
            && self.color == key.color
            && self.bold == key.bold
            && self.direction == key.direction
            && self.max_width == key.max_width
            && self.max_lines == key.max_lines
            && self.pixels_per_point == key.pixels_per_point
    }

    fn to_key(&self) -> Key {
        Key {
            text: self.text.to_owned(),
            size: self.size,
            color: self.color,
            bold: self.bold,
            direction: self.direction,
            max_width: self.max_width,
            max_lines: self.max_lines,
            pixels_per_point: self.pixels_per_point,
        }
    }

    fn hash_u64(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.hash(&mut hasher);
        hasher.finish()
    }
}

#[derive(Clone, Debug)]
struct Entry {
    key: Key,
    job: Arc<LayoutJob>,
    /// The galley egui laid out from `job` in the atlas that is current, if any.
    galley: Option<Arc<Galley>>,
    last_used: u64,
}

/// Which font atlas the kept galleys point into, as far as it can be told from outside egui.
#[derive(Clone, Debug, PartialEq)]
struct AtlasSeen {
    options: TextOptions,
    fill_ratio: f32,
}

/// Cache of laid-out paragraphs, bounded to `capacity` entries.
///
/// Eviction: when an insertion would exceed the capacity, entries not used in the current or
/// previous generation (frame) are dropped; if that is not enough, everything is dropped. So
/// memory stays bounded however long the wall runs and whatever text it is fed.
#[derive(Clone, Debug)]
pub struct TextCache {
    entries: HashMap<u64, Entry>,
    capacity: usize,
    hits: u64,
    misses: u64,
    atlas: Option<AtlasSeen>,
}

impl Default for TextCache {
    fn default() -> Self {
        Self::new(DEFAULT_CAPACITY)
    }
}

impl TextCache {
    /// An empty cache holding at most `capacity` entries (at least 1).
    pub fn new(capacity: usize) -> Self {
        Self {
            entries: HashMap::new(),
            capacity: capacity.max(1),
            hits: 0,
            misses: 0,
            atlas: None,
        }
    }

    /// Number of cached paragraphs (never more than the capacity).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Lookups answered from the cache, and lookups that had to lay out.
    pub fn hits_and_misses(&self) -> (u64, u64) {
        (self.hits, self.misses)
    }

    /// Drops every entry (e.g. after changing fonts).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.atlas = None;
    }

    /// How many entries hold a galley.
    pub fn galleys(&self) -> usize {
        self.entries.values().filter(|e| e.galley.is_some()).count()
    }

    /// The galley of [`super::layout_rtl_paragraph`] for these arguments: kept from an earlier
    /// call while egui's font atlas is the same one, else laid out by `fonts` from the cached
    /// job. `generation` is a frame counter (e.g. `ctx.cumulative_pass_nr()`) used for
    /// eviction; `pixels_per_point` must be the one `fonts` lays out with; a finite `max_width`
    /// counts in whole points.
    #[expect(clippy::too_many_arguments)] // Mirrors `layout_rtl_paragraph`, plus cache inputs.
    pub fn galley(
        &mut self,
        fonts: &mut FontsView<'_>,
        generation: u64,
        pixels_per_point: f32,
        text: &str,
        style: &TextStyleSpec,
        max_width: f32,
        max_lines: Option<usize>,
    ) -> Arc<Galley> {
        self.forget_galleys_of_an_old_atlas(fonts);
        // A width that jitters by a fraction of a point between frames (as
        // `Ui::available_width` can) must not lay out again.
        let max_width = if max_width.is_finite() {
            max_width.floor()
        } else {
            max_width
        };
        let key = KeyRef {
            text,
            size: style.size.to_bits(),
            color: style.color.to_array(),
            bold: style.bold,
            direction: style.direction,
            max_width: max_width.to_bits(),
            max_lines,
            pixels_per_point: pixels_per_point.to_bits(),
        };
        let hash = key.hash_u64();
        let job = match self.entries.get_mut(&hash) {
            Some(entry) if key.matches(&entry.key) => {
                entry.last_used = generation;
                self.hits += 1;
                if let Some(galley) = &entry.galley {
                    return Arc::clone(galley);
                }
                Arc::clone(&entry.job)
            }
            _ => {
                self.misses += 1;
                let job = Arc::new(build_rtl_layout_job(
                    fonts, text, style, max_width, max_lines,
                ));
                if self.entries.len() >= self.capacity && !self.entries.contains_key(&hash) {
                    self.evict(generation);
                }
                self.entries.insert(
                    hash,
                    Entry {
                        key: key.to_key(),
                        job: Arc::clone(&job),
                        galley: None,
                        last_used: generation,
                    },
                );
                job
            }
        };
        let galley = fonts.layout_job(LayoutJob::clone(&job));
        if let Some(entry) = self.entries.get_mut(&hash) {
            entry.galley = Some(Arc::clone(&galley));
        }
        // Laying out may have added glyphs: that is the atlas the galley belongs to.
        self.atlas = Some(atlas_seen(fonts));
        galley
    }

    /// Drops the galleys if egui's atlas is not the one they were laid out in.
    fn forget_galleys_of_an_old_atlas(&mut self, fonts: &FontsView<'_>) {
        let now = atlas_seen(fonts);
        let same = self.atlas.as_ref().is_some_and(|seen| {
            // Only a new atlas makes the fill ratio go down.
            seen.options == now.options && now.fill_ratio >= seen.fill_ratio
        });
        if !same {
            for entry in self.entries.values_mut() {
                entry.galley = None;
            }
        }
        self.atlas = Some(now);
    }

    fn evict(&mut self, generation: u64) {
        let recent = generation.saturating_sub(1);
        self.entries.retain(|_, entry| entry.last_used >= recent);
        if self.entries.len() >= self.capacity {
            self.entries.clear();
        }
    }
}

/// The [`TextCache`] kept in an egui context's temporary data.
#[derive(Clone, Default)]
struct SharedTextCache(Arc<Mutex<TextCache>>);

impl SharedTextCache {
    /// The context's cache, created on first use.
    fn of(ctx: &egui::Context) -> Self {
        ctx.data_mut(|data| {
            data.get_temp_mut_or_default::<Self>(egui::Id::unique("rasid_kiosk::text::TextCache"))
                .clone()
        })
    }
}

/// Lays out `text` like [`super::layout_rtl_paragraph`], through a [`TextCache`] stored in
/// `ctx` (created on first use with [`DEFAULT_CAPACITY`]).
///
/// Must not be called from inside a `ctx.fonts_mut` or `ctx.data_mut` closure (it takes both).
pub fn layout_cached(
    ctx: &egui::Context,
    text: &str,
    style: &TextStyleSpec,
    max_width: f32,
    max_lines: Option<usize>,
) -> Arc<Galley> {
    let shared = SharedTextCache::of(ctx);
    let generation = ctx.cumulative_pass_nr();
    let pixels_per_point = ctx.pixels_per_point();
    // A panic while laying out cannot leave the cache half-updated, so a poisoned lock is fine.
    let mut cache = shared.0.lock().unwrap_or_else(|poison| poison.into_inner());
    ctx.fonts_mut(|fonts| {
        cache.galley(
            fonts,
            generation,
            pixels_per_point,
            text,
            style,
            max_width,
            max_lines,
        )
    })
}

fn atlas_seen(fonts: &FontsView<'_>) -> AtlasSeen {
    AtlasSeen {
        options: *fonts.options(),
        fill_ratio: fonts.font_atlas_fill_ratio(),
    }
}

/// How many paragraphs the context's cache holds, and its hits and misses (for diagnostics
/// and tests).
pub fn context_cache_stats(ctx: &egui::Context) -> (usize, u64, u64) {
    let shared = SharedTextCache::of(ctx);
    let cache = shared.0.lock().unwrap_or_else(|poison| poison.into_inner());
    let (hits, misses) = cache.hits_and_misses();
    (cache.len(), hits, misses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fonts::font_definitions;
    use egui::Color32;
    use egui::epaint::text::Fonts;

    #[test]
    fn second_lookup_is_a_hit_and_size_stays_bounded() {
        let mut fonts = Fonts::new(Default::default(), font_definitions());
        let mut view = fonts.with_pixels_per_point(1.0);
        let style = TextStyleSpec::new(20.0, Color32::WHITE);
        let mut cache = TextCache::new(8);

        let first = cache.galley(&mut view, 1, 1.0, "تم", &style, 100.0, None);
        let again = cache.galley(&mut view, 1, 1.0, "تم", &style, 100.0, None);
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(cache.hits_and_misses(), (1, 1));

        // Another width is another entry.
        cache.galley(&mut view, 1, 1.0, "تم", &style, 50.0, None);
        assert_eq!(cache.len(), 2);

        for generation in 2..100 {
            let text = format!("مركز {generation}");
            cache.galley(&mut view, generation, 1.0, &text, &style, 100.0, None);
            assert!(cache.len() <= 8);
        }
    }

    #[test]
    fn a_galley_is_kept_across_frames_until_egui_starts_a_new_atlas() {
        use egui::epaint::text::{TextOptions, ViewportKey};
        let options = TextOptions::default();
        let viewport = ViewportKey::default();
        let mut fonts = Fonts::new(options, font_definitions());
        let style = TextStyleSpec::new(20.0, Color32::WHITE);
        let mut cache = TextCache::new(8);
        let galley = |cache: &mut TextCache, fonts: &mut Fonts, generation| {
            let mut view = fonts.with_pixels_per_point(1.0);
            cache.galley(
                &mut view,
                generation,
                1.0,
                "وزارة الصحة",
                &style,
                300.0,
                None,
            )
        };

        fonts.begin_pass(options, viewport);
        let first = galley(&mut cache, &mut fonts, 1);
        // Two passes without the text: egui's own cache lets the galley go, ours keeps it.
        fonts.begin_pass(options, viewport);
        fonts.begin_pass(options, viewport);
        assert_eq!(
            fonts.with_pixels_per_point(1.0).num_galleys_in_cache(),
            0,
            "egui's cache should have forgotten the galley"
        );
        let again = galley(&mut cache, &mut fonts, 3);
        assert!(Arc::ptr_eq(&first, &again), "the kept galley is used");

        // Other text options: egui starts a new atlas, so the galley is laid out anew in it.
        let other = TextOptions {
            font_hinting: !options.font_hinting,
            ..options
        };
        fonts.begin_pass(other, viewport);
        let renewed = galley(&mut cache, &mut fonts, 4);
        assert!(!Arc::ptr_eq(&again, &renewed), "a stale galley was kept");
        assert_eq!(renewed.text(), first.text());

        // A nearly full atlas is cleared by egui at the start of a pass: the fill ratio falls.
        let mut view = fonts.with_pixels_per_point(1.0);
        let mut n = 0u32;
        while view.font_atlas_fill_ratio() <= 0.8 && n < 200_000 {
            // Glyphs of many sizes fill the atlas quickly.
            let big = TextStyleSpec::new(8.0 + (n % 400) as f32, Color32::WHITE);
            view.layout_job(LayoutJob::simple_singleline(
                "أبتثجحخدذرزسشصضطظعغفقكلمنهوي0123456789".into(),
                big.font_id(),
                Color32::WHITE,
            ));
            n += 1;
        }
        assert!(
            view.font_atlas_fill_ratio() > 0.8,
            "could not fill the atlas"
        );
        let before_clear = cache.galley(&mut view, 5, 1.0, "وزارة الصحة", &style, 300.0, None);
        assert!(Arc::ptr_eq(&renewed, &before_clear));
        fonts.begin_pass(other, viewport);
        let after_clear = galley(&mut cache, &mut fonts, 6);
        assert!(
            !Arc::ptr_eq(&before_clear, &after_clear),
            "a galley of the cleared atlas was kept"
        );
        assert_eq!(cache.galleys(), 1);
    }

    #[test]
    fn entries_used_this_frame_survive_eviction() {
        let mut fonts = Fonts::new(Default::default(), font_definitions());
        let mut view = fonts.with_pixels_per_point(1.0);
        let style = TextStyleSpec::new(20.0, Color32::WHITE);
        let mut cache = TextCache::new(3);
        cache.galley(&mut view, 1, 1.0, "a", &style, 100.0, None);
        cache.galley(&mut view, 1, 1.0, "b", &style, 100.0, None);
        cache.galley(&mut view, 5, 1.0, "c", &style, 100.0, None);
        // Full: "a" and "b" are stale at generation 5 and go; "c" stays.
        cache.galley(&mut view, 5, 1.0, "d", &style, 100.0, None);
        assert_eq!(cache.len(), 2);
        cache.galley(&mut view, 5, 1.0, "c", &style, 100.0, None);
        assert_eq!(cache.hits_and_misses().0, 1);
    }
}
