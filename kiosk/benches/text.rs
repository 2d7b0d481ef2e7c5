//! Right-to-left layout of the 300 center names a ranking board can show: built every time
//! (`layout_rtl_paragraph`) against the context's cache (`layout_cached`, second frame on), with
//! egui's own `layout_no_wrap` of the same strings (no bidi, no wrapping) as the baseline.
//!
//! Each measured unit is one egui frame (`Context::run_ui`) laying out all 300 names; the empty
//! frame is measured too, so its cost can be taken off. "cold" and "shown-again" frames come
//! after two frames that lay out nothing, which evicts the strings from egui's galley cache (not
//! from ours): the first frame a board is shown, or shown again after the rotation. Glyphs stay
//! rasterised in the font atlas throughout (that is paid once per process).
//!
//! Run with `cargo bench -p rasid-kiosk --bench text`; figures in docs/BENCHMARKS.md.

#[path = "../../bench/src/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use egui::{Color32, Context, FullOutput, Pos2, RawInput, Rect, vec2};
use rasid_kiosk::text::{TextStyleSpec, fonts, layout_cached, layout_rtl_paragraph};
use rasid_kiosk::theme::size;
use std::hint::black_box;
use std::time::{Duration, Instant};

const NAMES: usize = 300;
/// The name column of a ranking row, in points.
const NAME_WIDTH: f32 = 560.0;

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0))),
        ..Default::default()
    }
}

fn context() -> Context {
    let ctx = Context::default();
    fonts::install(&ctx);
    // Fonts are ready after the first frame.
    finish(ctx.run_ui(input(), |_| {}));
    ctx
}

fn finish(mut out: FullOutput) {
    out.textures_delta.clear();
    black_box(out.shapes);
}

#[derive(Clone, Copy)]
enum Method {
    EguiNoWrap,
    RtlParagraph,
    RtlCached,
}

/// One frame laying out every name with `method`.
fn frame(ctx: &Context, names: &[String], method: Method) {
    let style = TextStyleSpec::new(size::BODY, Color32::WHITE);
    let out = ctx.run_ui(input(), |ui| {
        for name in names {
            let galley = match method {
                Method::EguiNoWrap => ui
                    .fonts_mut(|f| f.layout_no_wrap(name.clone(), style.font_id(), Color32::WHITE)),
                Method::RtlParagraph => {
                    ui.fonts_mut(|f| layout_rtl_paragraph(f, name, &style, NAME_WIDTH, Some(1)))
                }
                Method::RtlCached => layout_cached(ui.ctx(), name, &style, NAME_WIDTH, Some(1)),
            };
            black_box(galley);
        }
    });
    finish(out);
}

fn rtl_layout(c: &mut Criterion) {
    let names: Vec<String> = synthetic::center_names(NAMES)
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    let mut group = c.benchmark_group("rtl-300-names");
    group.throughput(Throughput::Elements(NAMES as u64));
    group
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));

    let ctx = context();
    group.bench_function("empty-frame", |b| {
        b.iter(|| finish(ctx.run_ui(input(), |_| {})))
    });

    let methods = [
        ("baseline-egui-layout-no-wrap", Method::EguiNoWrap),
        ("layout-rtl-paragraph", Method::RtlParagraph),
        ("layout-cached", Method::RtlCached),
    ];
    // Every frame the same names: egui's galley cache (and ours, for layout-cached) is warm.
    for (name, method) in methods {
        let ctx = context();
        group.bench_function(format!("{name}/every-frame"), |b| {
            b.iter(|| frame(&ctx, &names, method))
        });
    }
    // The first frame the names are seen again: egui's galley cache emptied by two frames
    // without them (untimed). Without our cache that is a cold layout; with it (bounded, kept
    // across frames) only egui's galley is rebuilt, as when a board comes round again.
    for (name, method) in methods {
        let ctx = context();
        let when = if matches!(method, Method::RtlCached) {
            "shown-again"
        } else {
            "cold"
        };
        group.bench_function(format!("{name}/{when}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    finish(ctx.run_ui(input(), |_| {}));
                    finish(ctx.run_ui(input(), |_| {}));
                    let start = Instant::now();
                    frame(&ctx, &names, method);
                    total += start.elapsed();
                }
                total
            })
        });
    }
    group.finish();
}

criterion_group!(benches, rtl_layout);
criterion_main!(benches);
