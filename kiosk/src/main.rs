//! `rasid-kiosk`: the wall display. `--demo` runs it on embedded data; `--screenshot` renders a
//! board to PNG without a window.

use anyhow::{Result, bail};
use clap::Parser;
use rasid_kiosk::app::{Clock, PlaylistItem, Wall, default_env, default_playlist, wall_zoom};
use rasid_kiosk::feed::DatasetSource;
use rasid_kiosk::theme::{Theme, ThemeName};
use rasid_shared::board::{BoardContext, BoardFilter, BoardName, KpiThresholds};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(name = "rasid-kiosk", version, about = "Rasid wall display: live boards of cabinet decisions and budget performance")]
struct Cli {
    /// Run on the embedded demo dataset (the secretariat's 2023), with simulated live changes.
    #[arg(long)]
    demo: bool,
    /// Render one board to this PNG file and exit, without opening a window.
    #[arg(long, value_name = "FILE")]
    screenshot: Option<PathBuf>,
    /// The board for --screenshot (decision-execution, centers, overdue, budget, kpi, committees).
    #[arg(long, default_value = "decision-execution")]
    board: String,
    /// Image size for --screenshot, in pixels.
    #[arg(long, default_value = "1920x1080")]
    size: String,
    /// dark or light.
    #[arg(long, default_value = "dark")]
    theme: String,
    /// Open a normal window instead of full screen (for trying things out).
    #[arg(long)]
    windowed: bool,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let theme = match cli.theme.as_str() {
        "dark" => ThemeName::Dark,
        "light" => ThemeName::Light,
        other => bail!("--theme '{other}': use dark or light"),
    };
    if !cli.demo {
        bail!("give --demo to run on the embedded demo dataset");
    }
    let today = rasid_shared::demo::demo_today();
    let ctx = BoardContext { today, kpi: KpiThresholds::default() };
    let env = default_env(Theme::new(theme), today);
    if let Some(path) = cli.screenshot {
        let board = BoardName::parse(&cli.board)
            .ok_or_else(|| anyhow::anyhow!("--board '{}' is not a board; use one of: {}", cli.board, BoardName::list()))?;
        let (w, h) = rasid_kiosk::render::parse_size(&cli.size)?;
        let source = DatasetSource::new(rasid_kiosk::demo::demo_dataset(), ctx);
        let mut wall = Wall::new(env, Box::new(source), vec![PlaylistItem { board, seconds: 3600, filter: BoardFilter::default() }]);
        wall.clock = Clock::Fixed(chrono::Local::now());
        rasid_kiosk::render::screenshot(wall, w, h, &path)?;
        println!("wrote {}", path.display());
        return Ok(());
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let source = DatasetSource::new(rasid_kiosk::demo::demo_dataset(), ctx).with_updates(rx);
    let wall = Wall::new(env, Box::new(source), default_playlist());
    let viewport = if cli.windowed {
        egui::ViewportBuilder::default().with_inner_size([1600.0, 900.0]).with_title("Rasid")
    } else {
        egui::ViewportBuilder::default().with_fullscreen(true).with_title("Rasid")
    };
    let options = eframe::NativeOptions { viewport, ..Default::default() };
    eframe::run_native(
        "rasid-kiosk",
        options,
        Box::new(move |cc| {
            rasid_kiosk::text::fonts::install(&cc.egui_ctx);
            let wake = cc.egui_ctx.clone();
            rasid_kiosk::demo::simulate_changes(tx, Duration::from_secs(3), move || wake.request_repaint());
            Ok(Box::new(KioskApp { wall }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the wall's window: {e}"))
}

struct KioskApp {
    wall: Wall,
}

impl eframe::App for KioskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let physical_h = ctx.content_rect().height() * ctx.pixels_per_point();
        let zoom = wall_zoom(physical_h, ctx.native_pixels_per_point().unwrap_or(1.0));
        if (ctx.zoom_factor() - zoom).abs() > 0.01 {
            ctx.set_zoom_factor(zoom);
        }
        ctx.set_cursor_icon(egui::CursorIcon::None);
        if ctx.input(|i| i.modifiers.command && i.key_pressed(egui::Key::Q)) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.wall.ui(ui);
    }
}
