//! CPU per wall frame for the heaviest boards over a large dataset (10,000 decisions with their
//! statuses, 300 centers): `Wall::ui` through `Context::run_ui` (layout and shapes), then with
//! `Context::tessellate` (the triangles handed to the GPU). No GPU is involved: upload and
//! rasterisation are not counted. The baseline is an empty frame of the same context.
//!
//! Three moments of a board's life on the wall:
//! - steady frames (`wall-ui`, `wall-ui+tessellate`): the repaint of a board already shown (the
//!   clock's minute, a live update);
//! - `shown-again`: its first frame when the rotation brings it back (egui's galley cache has
//!   let its text go, the kiosk's layout cache has kept it);
//! - `after-start`: the first frame of a new context (nothing laid out, no glyph rasterised).
//!
//! The board's view model is computed before timing (on the wall it comes from the collector).
//!
//! Run with `cargo bench -p rasid-kiosk --bench frame`; figures in docs/BENCHMARKS.md.

#[path = "../../bench/src/synthetic.rs"]
mod synthetic;

use chrono::{Local, TimeZone};
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Context, FullOutput, Pos2, RawInput, Rect, vec2};
use rasid_kiosk::app::{Clock, Wall, default_env};
use rasid_kiosk::feed::DatasetSource;
use rasid_kiosk::playlist::PlaylistItem;
use rasid_kiosk::text::fonts;
use rasid_kiosk::theme::{Theme, ThemeName};
use rasid_shared::board::{BoardContext, BoardFilter, BoardName, Dataset, KpiThresholds};
use std::hint::black_box;
use std::time::{Duration, Instant};
use synthetic::Sizes;

const BOARDS: [BoardName; 4] = [
    BoardName::DecisionExecution,
    BoardName::Centers,
    BoardName::Overdue,
    BoardName::Budget,
];

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0))),
        ..Default::default()
    }
}

fn context() -> Context {
    let ctx = Context::default();
    fonts::install(&ctx);
    ctx
}

/// A wall showing only `board`, with the clock fixed so every frame draws the same.
fn wall(board: BoardName, data: Dataset) -> Wall {
    let today = chrono::NaiveDate::from_ymd_opt(2024, 2, 12).unwrap_or_default();
    let source = DatasetSource::new(
        data,
        BoardContext {
            today,
            kpi: KpiThresholds::default(),
        },
    );
    let playlist = vec![PlaylistItem {
        board,
        seconds: 3600,
        filter: BoardFilter::default(),
    }];
    let mut wall = Wall::new(
        default_env(Theme::new(ThemeName::Dark), today),
        Box::new(source),
        playlist,
    );
    if let Some(t) = Local.with_ymd_and_hms(2024, 2, 12, 10, 30, 0).single() {
        wall.clock = Clock::Fixed(t);
    }
    wall
}

fn discard(mut out: FullOutput) {
    out.textures_delta.clear();
    black_box(out.shapes);
}

fn tessellate(ctx: &Context, mut out: FullOutput) {
    out.textures_delta.clear();
    let shapes = std::mem::take(&mut out.shapes);
    black_box(ctx.tessellate(shapes, out.pixels_per_point));
}

fn frames(c: &mut Criterion) {
    let data = synthetic::generate(Sizes::WALL).dataset();
    let mut group = c.benchmark_group("frame/10k-decisions-300-centers");
    group
        .sample_size(50)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5));

    let ctx = context();
    group.bench_function("baseline-empty-frame", |b| {
        b.iter(|| discard(ctx.run_ui(input(), |_| {})))
    });
    group.bench_function("baseline-empty-frame+tessellate", |b| {
        b.iter(|| tessellate(&ctx, ctx.run_ui(input(), |_| {})))
    });

    for board in BOARDS {
        let ctx = context();
        let mut wall = wall(board, data.clone());
        group.bench_function(format!("{board}/wall-ui"), |b| {
            b.iter(|| discard(ctx.run_ui(input(), |ui| wall.ui(ui))))
        });
        group.bench_function(format!("{board}/wall-ui+tessellate"), |b| {
            b.iter(|| tessellate(&ctx, ctx.run_ui(input(), |ui| wall.ui(ui))))
        });
        // The board comes round again in the rotation: egui's galley cache has let its text go
        // (two frames without it), the kiosk's layout cache has kept it.
        group.bench_function(format!("{board}/shown-again+tessellate"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    discard(ctx.run_ui(input(), |_| {}));
                    discard(ctx.run_ui(input(), |_| {}));
                    let started = Instant::now();
                    tessellate(&ctx, ctx.run_ui(input(), |ui| wall.ui(ui)));
                    total += started.elapsed();
                }
                total
            })
        });
    }
    group.finish();

    // The first frame after the kiosk starts: fonts loaded, nothing laid out or rasterised yet.
    // The board's view model is ready (on the wall it comes computed from the collector).
    let mut group = c.benchmark_group("first-frame/10k-decisions-300-centers");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for board in BOARDS {
        group.bench_function(format!("{board}/after-start+tessellate"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let mut wall = wall(board, data.clone());
                    discard(context().run_ui(input(), |ui| wall.ui(ui)));
                    let ctx = context();
                    discard(ctx.run_ui(input(), |_| {}));
                    let started = Instant::now();
                    tessellate(&ctx, ctx.run_ui(input(), |ui| wall.ui(ui)));
                    total += started.elapsed();
                }
                total
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
