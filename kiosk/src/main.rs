//! `rasid-kiosk`: the wall display. `--collector URL` follows a collector, signing its reads
//! with the wall's key (`rasid-kiosk init` makes it); `--demo` runs an embedded collector on the
//! demo dataset; `--screenshot` renders a board to PNG without a window.

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use rasid_kiosk::app::{Clock, Wall, default_env, wall_zoom};
use rasid_kiosk::collector_source::CollectorSource;
use rasid_kiosk::config::{self, ConfigOrigin, WallConfig};
use rasid_kiosk::feed::{BoardSource, StoryState};
use rasid_kiosk::identity::{self, WallIdentity};
use rasid_kiosk::playlist::{PlaylistItem, default_playlist};
use rasid_kiosk::theme::{Theme, ThemeName};
use rasid_kiosk::window::WallWindow;
use rasid_shared::board::{BoardContext, BoardFilter, BoardName, KpiThresholds};
use rasid_shared::model::DecisionNumber;
use rasid_shared::store::Store;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// The `--renderer` choices.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Renderer {
    Glow,
    Wgpu,
}

#[derive(Parser)]
#[command(
    name = "rasid-kiosk",
    version,
    about = "Rasid wall display: live boards of cabinet decisions and budget performance"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Run on the embedded demo dataset (the secretariat's 2023), with simulated live changes.
    #[arg(long)]
    demo: bool,
    /// Render one board to this PNG file and exit, without opening a window.
    #[arg(long, value_name = "FILE")]
    screenshot: Option<PathBuf>,
    /// The board for --screenshot (decision-execution, centers, overdue, budget, kpi, committees, reporting).
    #[arg(long, default_value = "decision-execution")]
    board: String,
    /// Open on this decision's story (e.g. 18/212/02; Arabic-Indic and Persian digits too):
    /// with --screenshot, render the story instead of a board.
    #[arg(long, value_name = "NUMBER", value_parser = parse_decision)]
    decision: Option<DecisionNumber>,
    /// Image size for --screenshot, or the window's size with --windowed, in pixels.
    #[arg(long, default_value = "1920x1080")]
    size: String,
    /// dark or light.
    #[arg(long, default_value = "dark")]
    theme: String,
    /// How frames are drawn: glow (OpenGL through egui_glow) or wgpu. glow costs a quarter of
    /// wgpu's CPU where there is no GPU (Mesa llvmpipe); see docs/BENCHMARKS.md.
    #[arg(long, value_enum, default_value = "glow", env = "RASID_RENDERER")]
    renderer: Renderer,
    /// Open a normal window instead of full screen (for trying things out).
    #[arg(long)]
    windowed: bool,
    /// Fill monitor N (0 is the first) on a machine driving several screens; without it, the
    /// monitor the window opens on. A number past the last monitor is ignored with a warning.
    #[arg(long, value_name = "N", conflicts_with = "windowed")]
    monitor: Option<usize>,
    /// Follow the collector at this address, e.g. http://collector.gsc.example:8440
    /// (`--hub URL` is the same, the name of earlier versions).
    #[arg(long, value_name = "URL", alias = "hub")]
    collector: Option<String>,
    /// Where the last boards are kept for when the collector cannot be reached.
    #[arg(long, default_value = "rasid-kiosk-cache")]
    cache: PathBuf,
    /// This wall's name: its `[[wall]]` name in the collector's centers.toml, signed on every
    /// read, and the name the reporting board lists.
    #[arg(long, default_value = "wall")]
    name: String,
    /// This wall's key file, as `rasid-kiosk init` wrote it; every read from the collector is
    /// signed with it.
    #[arg(long, value_name = "FILE", default_value = identity::DEFAULT_KEY_FILE)]
    key: PathBuf,
    /// The boards configuration file (screens, boards, durations, language, calendar, digits).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The screen of the configuration this wall shows; with --collector and no --config, its
    /// configuration is fetched from the collector.
    #[arg(long, value_name = "NAME")]
    screen: Option<String>,
    /// Check a boards configuration file, print every problem with its line, and exit.
    #[arg(long, value_name = "FILE")]
    check_config: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Make this wall's key, and print the [[wall]] lines that register it at the collector.
    Init {
        /// The wall's name (1-64 of ASCII letters, digits, '-', '_', '.'); start the wall with
        /// the same --name.
        #[arg(long, default_value = "wall")]
        name: String,
        /// Where to write the key (readable by its owner only).
        #[arg(long, value_name = "FILE", default_value = identity::DEFAULT_KEY_FILE)]
        key: PathBuf,
        /// Replace an existing key file (the new key must then be registered instead).
        #[arg(long)]
        force: bool,
    },
}

fn parse_decision(s: &str) -> Result<DecisionNumber, String> {
    s.parse().map_err(|_| {
        format!("'{s}' is not a decision number; write it government/session/item, e.g. 18/212/02")
    })
}

fn main() -> ExitCode {
    rasid_kiosk::memory::tune_allocator();
    init_tracing();
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Warnings (a configuration not applied, a stream event that cannot be read) go to the
/// standard error; `RASID_LOG=debug` shows more.
fn init_tracing() {
    let filter =
        tracing_subscriber::EnvFilter::try_from_env("RASID_LOG").unwrap_or_else(|_| "info".into());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

fn run(cli: Cli) -> Result<()> {
    let theme = match cli.theme.as_str() {
        "dark" => ThemeName::Dark,
        "light" => ThemeName::Light,
        other => bail!("--theme '{other}': use dark or light"),
    };
    if let Some(Command::Init { name, key, force }) = &cli.command {
        return init(name, key, *force);
    }
    if let Some(path) = &cli.check_config {
        return check_config(path);
    }
    if cli.demo == cli.collector.is_some() {
        bail!(
            "give either --demo (embedded demo data) or --collector URL (a collector), not both or neither"
        );
    }
    let today = if cli.demo {
        rasid_shared::demo::demo_today()
    } else {
        chrono::Local::now().date_naive()
    };
    let env = default_env(Theme::new(theme), today);
    if let Some(path) = &cli.screenshot {
        return screenshot(&cli, env, path);
    }
    open_wall(&cli, env)
}

/// Opens the wall's window on the collector of `--collector` (or the embedded one of `--demo`)
/// and runs it until it is closed.
fn open_wall(cli: &Cli, env: rasid_kiosk::widgets::Env) -> Result<()> {
    let demo = if cli.demo { Some(start_demo()?) } else { None };
    let (url, wall) = match (&demo, &cli.collector) {
        (Some(d), _) => (d.url.clone(), demo_wall(d)),
        (None, Some(u)) => (u.clone(), WallIdentity::load(&cli.name, &cli.key)),
        (None, None) => unreachable!("checked by run"),
    };
    let cache = if cli.demo {
        None
    } else {
        Some(
            Store::open(&cli.cache)
                .with_context(|| format!("opening the board cache {}", cli.cache.display()))?,
        )
    };
    let options = eframe::NativeOptions {
        viewport: viewport(cli)?,
        renderer: match cli.renderer {
            Renderer::Wgpu => eframe::Renderer::Wgpu,
            Renderer::Glow => eframe::Renderer::Glow,
        },
        ..Default::default()
    };
    let origin = config_origin(cli, &wall);
    let first = first_config(origin.as_ref())?;
    let screen = cli.screen.clone();
    // A file's screen must exist; the collector's configuration falls back to its first screen.
    let from_collector = matches!(origin, Some(ConfigOrigin::Collector { .. }));
    if !from_collector {
        first
            .config
            .screen(screen.as_deref())
            .map_err(|e| anyhow::anyhow!(e))?;
    }
    rasid_kiosk::screen_awake::keep_awake();
    let fill = !cli.windowed;
    let decision = cli.decision;
    eframe::run_native(
        "rasid-kiosk",
        options,
        Box::new(move |cc| {
            rasid_kiosk::text::fonts::install(&cc.egui_ctx);
            let wake = rasid_kiosk::collector_source::wake_frame(&cc.egui_ctx);
            let source = CollectorSource::start(&url, wall, cache, wake.clone());
            let mut wall = Wall::new(env, Box::new(source), default_playlist());
            if let Some(n) = decision {
                wall.open_story(n);
            }
            wall.screen_fallback = from_collector;
            // The window clears to the wall's background (`clear_color`): no second full fill.
            wall.paint_background = false;
            // Checked above: the screen exists, or falls back to the first one.
            let _ = wall.apply_config(&first.config, screen.as_deref());
            if let Some(detail) = first.note {
                wall.operator_note = Some(rasid_kiosk::trouble::Trouble::DefaultLook { detail });
            }
            if let Some(o) = origin {
                wall.follow_config(config::watch(o, first.text, wake), screen);
            }
            Ok(Box::new(KioskApp {
                wall,
                window: WallWindow::new(fill),
                _demo: demo,
                frames: 0,
                trimmer: Default::default(),
            }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the wall's window: {e}"))
}

/// Full screen (on monitor `--monitor`), or a window of `--size` with `--windowed`. Without a
/// window manager nobody honours the full-screen request: the window is then moved to its
/// monitor by winit and grown to it by [`WallWindow`] once the first frame knows its size.
fn viewport(cli: &Cli) -> Result<egui::ViewportBuilder> {
    // No icon: egui's own would be decoded and kept (a MiB) for a window nobody switches to.
    let none = std::sync::Arc::new(egui::IconData::default());
    Ok(if cli.windowed {
        let (w, h) = rasid_kiosk::render::parse_size(&cli.size)?;
        egui::ViewportBuilder::default()
            .with_inner_size([w as f32, h as f32])
            .with_title("Rasid")
            .with_icon(none)
    } else {
        let builder = egui::ViewportBuilder::default()
            .with_fullscreen(true)
            .with_decorations(false)
            .with_title("Rasid")
            .with_icon(none);
        match cli.monitor {
            Some(n) => builder.with_monitor(n),
            None => builder,
        }
    })
}

/// Where the configuration comes from: `--config`, or the collector's for `--screen`, read as
/// `wall`.
fn config_origin(cli: &Cli, wall: &WallIdentity) -> Option<ConfigOrigin> {
    match (&cli.config, &cli.screen, &cli.collector) {
        (Some(path), _, _) => Some(ConfigOrigin::File(path.clone())),
        (None, Some(screen), Some(url)) => Some(ConfigOrigin::Collector {
            url: url.clone(),
            screen: screen.clone(),
            wall: wall.clone(),
        }),
        _ => None,
    }
}

/// The configuration the wall starts with.
struct FirstConfig {
    config: WallConfig,
    /// Its text, when read from the origin (the watcher reports only changes from it).
    text: Option<String>,
    /// Why the default rotation is shown instead, for the operator line.
    note: Option<String>,
}

/// Reads the first configuration: a broken file stops here; a collector that cannot be asked
/// yet leaves the default rotation until it answers.
fn first_config(origin: Option<&ConfigOrigin>) -> Result<FirstConfig> {
    let fallback = |note| FirstConfig {
        config: config::default_config(),
        text: None,
        note,
    };
    let Some(o) = origin else {
        return Ok(fallback(None));
    };
    let is_file = matches!(o, ConfigOrigin::File(_));
    Ok(
        match config::read_origin(o).map(|t| (config::parse(&t), t)) {
            Ok((Ok(config), text)) => FirstConfig {
                config,
                text: Some(text),
                note: None,
            },
            Ok((Err(problems), _)) if is_file => bail!("{}", config::problems_text(&problems)),
            Ok((Err(problems), _)) => fallback(Some(config::problems_text(&problems))),
            Err(e) if is_file => bail!("{e}"),
            Err(e) => fallback(Some(e)),
        },
    )
}

/// The embedded collector of `--demo`, kept running as long as the window.
#[cfg(feature = "demo")]
type Demo = rasid_kiosk::live_demo::EmbeddedDemo;

/// Stands for the demo in a wall built without it: never made, `start_demo` refuses.
#[cfg(not(feature = "demo"))]
#[allow(dead_code)]
struct Demo {
    url: String,
}

/// The wall the embedded demo registered for itself.
#[cfg(feature = "demo")]
fn demo_wall(d: &Demo) -> WallIdentity {
    d.wall.clone()
}

#[cfg(not(feature = "demo"))]
fn demo_wall(_: &Demo) -> WallIdentity {
    unreachable!("a wall without the demo never starts one")
}

/// `rasid-kiosk init`: writes the wall's key and says how to register it.
fn init(name: &str, key: &std::path::Path, force: bool) -> Result<()> {
    let made = identity::init(name, key, force)?;
    println!(
        "Wrote this wall's key to {} (keep it private).",
        key.display()
    );
    println!("Register the wall in the collector's centers.toml with these lines:\n");
    println!("{}", made.registry_lines);
    println!(
        "Then start the wall with: rasid-kiosk --collector URL --name {name} --key {}",
        key.display()
    );
    Ok(())
}

/// Starts the embedded collector of `--demo`, with a live change every 3 s.
#[cfg(feature = "demo")]
fn start_demo() -> Result<Demo> {
    rasid_kiosk::live_demo::start(Some(Duration::from_secs(3)))
}

/// A wall built without the `demo` feature has no collector to embed.
#[cfg(not(feature = "demo"))]
fn start_demo() -> Result<Demo> {
    bail!(
        "this rasid-kiosk was built without its live demo (cargo feature `demo`): follow a collector with --collector URL, or build with the default features"
    )
}

fn check_config(path: &std::path::Path) -> Result<()> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    match config::parse(&text) {
        Ok(cfg) => {
            for s in &cfg.screens {
                println!("screen '{}': {} board(s)", s.name, s.playlist.len());
            }
            println!("{}: OK", path.display());
            Ok(())
        }
        Err(problems) => bail!("{}", config::problems_text(&problems)),
    }
}

/// Renders one board to PNG: from the demo data computed in process, or fetched from a collector.
fn screenshot(cli: &Cli, env: rasid_kiosk::widgets::Env, path: &std::path::Path) -> Result<()> {
    let board = BoardName::parse(&cli.board).ok_or_else(|| {
        anyhow::anyhow!(
            "--board '{}' is not a board; use one of: {}",
            cli.board,
            BoardName::list()
        )
    })?;
    let (w, h) = rasid_kiosk::render::parse_size(&cli.size)?;
    let item = PlaylistItem {
        board,
        seconds: 3600,
        filter: BoardFilter::default(),
    };
    // The screen's configuration (--config, or the collector's with --screen) decides what the
    // board looks like: language, digits, calendar, theme, and its center, year and period.
    let identity = WallIdentity::load(&cli.name, &cli.key);
    let origin = match &cli.collector {
        Some(_) => config_origin(cli, &identity),
        None => cli.config.clone().map(ConfigOrigin::File),
    };
    let first = first_config(origin.as_ref())?;
    if let Some(note) = &first.note {
        eprintln!("note: {note}; the default look is used");
    }
    let mut wall = match &cli.collector {
        None => {
            let ctx = BoardContext {
                today: env.today,
                kpi: KpiThresholds::default(),
            };
            let source = rasid_kiosk::demo::demo_source(ctx);
            Wall::new(env, Box::new(source), vec![item])
        }
        Some(url) => {
            // The collector's configuration falls back to its first screen, as the wall does.
            let cfg = &first.config;
            let filter = cfg
                .screen(cli.screen.as_deref())
                .or_else(|_| cfg.screen(None))
                .map(|s| rasid_kiosk::app::screen_item(&s.playlist, board).filter)
                .unwrap_or_default();
            let source = collector_board(url, identity, board, &filter, cli.decision)?;
            Wall::new(env, Box::new(source), vec![item])
        }
    };
    if origin.is_some() {
        wall.screen_fallback = cli.collector.is_some();
        wall.show_as_screen(&first.config, cli.screen.as_deref(), board)
            .map_err(|e| anyhow::anyhow!(e))?;
    }
    if let Some(n) = cli.decision {
        if wall.source.story(&n) == StoryState::NotFound {
            bail!("--decision {n}: no decision of that number was received");
        }
        wall.open_story(n);
    }
    wall.clock = Clock::Fixed(chrono::Local::now());
    rasid_kiosk::render::screenshot(wall, w, h, path)?;
    println!("wrote {}", path.display());
    Ok(())
}

/// A live source on the collector at `url` that has board `board` (or its error), and the story
/// of `decision` if one is asked, waiting at most 15 s for them.
fn collector_board(
    url: &str,
    wall: WallIdentity,
    board: BoardName,
    filter: &BoardFilter,
    decision: Option<DecisionNumber>,
) -> Result<CollectorSource> {
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let mut source = CollectorSource::start(
        url,
        wall,
        None,
        Arc::new(move || {
            let _ = tx.send(());
        }),
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        source.poll();
        let state = source.board(board, filter);
        let story_ready = decision.is_none_or(|n| source.story(&n) != StoryState::Loading);
        if (state.view.is_some() || state.error.is_some()) && story_ready {
            return Ok(source);
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            bail!("no answer from the collector at {url} within 15 s");
        }
        let _ = rx.recv_timeout(left);
    }
}

struct KioskApp {
    wall: Wall,
    /// Covers the monitor, feeds systemd's watchdog.
    window: WallWindow,
    /// The embedded collector of `--demo`, kept running as long as the window.
    _demo: Option<Demo>,
    /// Frames drawn so far: logged at trace level (`RASID_LOG=rasid_kiosk=trace`), which is how
    /// the CPU a frame costs is measured (docs/BENCHMARKS.md).
    frames: u64,
    /// Gives freed memory back to the system once a minute.
    trimmer: rasid_kiosk::memory::Trimmer,
}
impl eframe::App for KioskApp {
    /// The wall's background, so that the wall need not fill the screen a second time; opaque,
    /// and in gamma space as egui's painter expects.
    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        self.wall.background().to_opaque().to_normalized_gamma_f32()
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        tracing::trace!(frame = self.frames, "frame");
        let ctx = ui.ctx().clone();
        self.window.frame(&ctx);
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
        self.trimmer.tick();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_takes_the_walls_name_and_key_file_and_the_wall_its_key() {
        let cli = Cli::try_parse_from(["rasid-kiosk", "init", "--name", "hall-1", "--key", "k"])
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            cli.command,
            Some(Command::Init { ref name, ref key, force: false })
                if name == "hall-1" && key == std::path::Path::new("k")
        ));
        let cli = Cli::try_parse_from(["rasid-kiosk", "--collector", "http://c:8440"])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(cli.key, PathBuf::from(identity::DEFAULT_KEY_FILE));
    }

    #[test]
    fn hub_is_still_accepted_for_the_collector_flag() {
        for flag in ["--collector", "--hub"] {
            let cli = Cli::try_parse_from(["rasid-kiosk", flag, "http://c.example:8440"])
                .unwrap_or_else(|e| panic!("{flag}: {e}"));
            assert_eq!(cli.collector.as_deref(), Some("http://c.example:8440"));
        }
    }
}
