//! `kiosk`: the real `rasid-kiosk` process, windowed, under an X server (Xvfb): time to its
//! first frame and to its first chart, then memory after it has settled and CPU over a minute.
//! With `--feed demo` it runs `--demo` (embedded collector, a live change every 3 s, rotation);
//! with `--feed quiet-hub` it follows (`--hub`) a collector in this process holding the same
//! demo data and receiving nothing: the wall idles but for its rotation and clock.
//! Nothing is added to the kiosk to be measured:
//!
//! - first frame: eframe keeps the window unmapped until its first frame is painted, so the
//!   moment the window titled "Rasid" becomes viewable is the first frame on screen;
//! - first chart: the board's panels cover most of the body, the "waiting for data" screen
//!   leaves it background; the first frame where over a third of a grid of body pixels differ
//!   from the background colour is the first chart;
//! - memory: VmRSS and PSS (/proc/PID/smaps_rollup); CPU: utime + stime (/proc/PID/stat), and
//!   apart, that of Mesa's software renderer threads (`llvmpipe-N`), which stand in for a GPU
//!   under Xvfb and would not run on the wall's machine.

use crate::measure::{self, Stats, spread, table_row};
use anyhow::{Context, Result, bail};
use std::ffi::{CStr, CString};
use std::os::raw::{c_int, c_ulong};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use x11_dl::xlib::{self, Xlib};

/// A connection to the X server, for watching one window.
pub(crate) struct X {
    xlib: Xlib,
    display: *mut xlib::Display,
}

unsafe extern "C" fn ignore_x_error(_: *mut xlib::Display, _: *mut xlib::XErrorEvent) -> c_int {
    // A window may vanish between two requests; Xlib's default handler would exit the program.
    0
}

/// A top-level window: its id, whether it is shown, its size.
struct Window {
    id: c_ulong,
    viewable: bool,
    width: i32,
    height: i32,
}

impl X {
    pub(crate) fn open(display: &str) -> Result<X> {
        let xlib = Xlib::open().context("loading libX11")?;
        let name = CString::new(display)?;
        // SAFETY: a valid C string; a null result is checked.
        let d = unsafe { (xlib.XOpenDisplay)(name.as_ptr()) };
        if d.is_null() {
            bail!(
                "cannot open X display {display}; start one with `Xvfb {display} -screen 0 1920x1080x24 &`"
            );
        }
        // SAFETY: installing a handler with the expected signature.
        unsafe { (xlib.XSetErrorHandler)(Some(ignore_x_error)) };
        Ok(X { xlib, display: d })
    }

    /// The top-level window titled `title`, if it exists.
    fn window(&self, title: &str) -> Option<Window> {
        // SAFETY: every pointer handed to Xlib is valid for the call; lists Xlib returns are
        // read within their length and freed with XFree.
        unsafe {
            let x = &self.xlib;
            let root = (x.XDefaultRootWindow)(self.display);
            let (mut r, mut p, mut children, mut n) = (0, 0, std::ptr::null_mut(), 0u32);
            if (x.XQueryTree)(self.display, root, &mut r, &mut p, &mut children, &mut n) == 0
                || children.is_null()
            {
                return None;
            }
            let mut found = None;
            for i in 0..n as usize {
                let w = *children.add(i);
                let mut name = std::ptr::null_mut();
                if (x.XFetchName)(self.display, w, &mut name) != 0 && !name.is_null() {
                    let matches = CStr::from_ptr(name).to_bytes() == title.as_bytes();
                    (x.XFree)(name.cast());
                    if matches {
                        let mut attrs: xlib::XWindowAttributes = std::mem::zeroed();
                        if (x.XGetWindowAttributes)(self.display, w, &mut attrs) != 0 {
                            found = Some(Window {
                                id: w,
                                viewable: attrs.map_state == xlib::IsViewable,
                                width: attrs.width,
                                height: attrs.height,
                            });
                        }
                        break;
                    }
                }
            }
            (x.XFree)(children.cast());
            found
        }
    }

    /// The width and height of the display's default screen, in pixels.
    pub(crate) fn screen_size(&self) -> (i32, i32) {
        // SAFETY: the display is open; its default screen exists.
        unsafe {
            let screen = (self.xlib.XDefaultScreen)(self.display);
            (
                (self.xlib.XDisplayWidth)(self.display, screen),
                (self.xlib.XDisplayHeight)(self.display, screen),
            )
        }
    }

    /// Fails when a wall's window (titled "Rasid") is already open on this display, as it
    /// would be taken for the one about to be measured.
    pub(crate) fn ensure_no_wall(&self, display: &str) -> Result<()> {
        if self.window("Rasid").is_some() {
            bail!("a window titled Rasid is already open on {display}; close it first");
        }
        Ok(())
    }

    /// The pixels (0xRRGGBB) of row `y` of window `w`.
    fn row(&self, w: &Window, y: i32) -> Option<Vec<u32>> {
        // SAFETY: the image Xlib returns is read within its width, at its bytes per line, and
        // destroyed once.
        unsafe {
            let img = (self.xlib.XGetImage)(
                self.display,
                w.id,
                0,
                y,
                w.width as u32,
                1,
                !0,
                xlib::ZPixmap,
            );
            if img.is_null() {
                return None;
            }
            let out = if (*img).bits_per_pixel == 32 && !(*img).data.is_null() {
                let data = (*img).data as *const u32;
                Some(
                    (0..(*img).width as usize)
                        .map(|i| data.add(i).read_unaligned() & 0x00FF_FFFF)
                        .collect(),
                )
            } else {
                None
            };
            (self.xlib.XDestroyImage)(img);
            out
        }
    }

    /// The share of a grid of points over the wall's body that differ from the background.
    fn body_coverage(&self, w: &Window) -> f64 {
        let Some(top) = self.row(w, 2) else {
            return 0.0;
        };
        let bg = top[top.len() / 2];
        let differs = |p: u32| {
            let d = |s: u32| ((p >> s) & 0xFF).abs_diff((bg >> s) & 0xFF);
            d(16) + d(8) + d(0) > 12
        };
        let (mut hit, mut all) = (0, 0);
        for f in [0.30, 0.45, 0.60, 0.72] {
            let Some(row) = self.row(w, (w.height as f64 * f) as i32) else {
                continue;
            };
            for k in 1..48 {
                let x = row.len() * k / 48;
                all += 1;
                hit += usize::from(differs(row[x]));
            }
        }
        if all == 0 {
            0.0
        } else {
            hit as f64 / all as f64
        }
    }
}

impl Drop for X {
    fn drop(&mut self) {
        // SAFETY: the display was opened by us and is closed once.
        unsafe { (self.xlib.XCloseDisplay)(self.display) };
    }
}

/// Where the measured kiosk gets its boards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Feed {
    /// `--demo`: embedded collector with a live change every 3 s.
    Demo,
    /// `--hub` to a collector holding the demo data that receives nothing.
    QuietHub,
}

/// What one start of the kiosk gave.
struct KioskRun {
    first_frame: f64,
    first_chart: f64,
    pss_mib: f64,
    rss_mib: f64,
    cpu_pct: f64,
    /// Of `cpu_pct`, the software renderer's share.
    render_pct: f64,
}

/// Mesa's software rasteriser threads.
const SOFTWARE_RENDERER: &str = "llvmpipe";

/// The kiosk's arguments to follow (`--hub`, windowed) the collector at `url`, reading as the
/// demo's wall (registered there) with its key written under `dir` and its cache in `dir/cache`.
pub(crate) fn hub_wall_args(url: &str, dir: &std::path::Path) -> Result<Vec<String>> {
    let key = dir.join("wall.key");
    std::fs::write(&key, rasid_collector::demo::demo_wall_key().secret_base64())?;
    Ok(vec![
        "--hub".to_string(),
        url.to_string(),
        "--windowed".into(),
        "--cache".into(),
        dir.join("cache").to_string_lossy().into_owned(),
        "--name".into(),
        rasid_collector::demo::DEMO_WALL.into(),
        "--key".into(),
        key.to_string_lossy().into_owned(),
    ])
}

/// Waits for the kiosk `child`, started at `started`, to show its window and then a chart:
/// the times from the start to each. Fails when either takes over 60 s or the kiosk stops.
pub(crate) fn wait_for_first_chart(
    x: &X,
    child: &mut Child,
    started: Instant,
) -> Result<(Duration, Duration)> {
    let deadline = started + Duration::from_secs(60);
    let (window, first_frame) = loop {
        if let Some(w) = x.window("Rasid").filter(|w| w.viewable) {
            break (w, started.elapsed());
        }
        if Instant::now() > deadline || child.try_wait()?.is_some() {
            bail!("the kiosk showed no window within 60 s");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let first_chart = loop {
        if x.body_coverage(&window) > 0.33 {
            break started.elapsed();
        }
        if Instant::now() > deadline {
            bail!("the kiosk showed no chart within 60 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Ok((first_frame, first_chart))
}

fn run_once(
    x: &X,
    display: &str,
    feed: Feed,
    settle: Duration,
    idle: Duration,
) -> Result<KioskRun> {
    let kiosk = measure::sibling_program("rasid-kiosk", "RASID_KIOSK_BIN")?;
    x.ensure_no_wall(display)?;
    let cwd = measure::TempDir::new("kiosk")?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let (args, hub) = match feed {
        Feed::Demo => (vec!["--demo".to_string(), "--windowed".into()], None),
        Feed::QuietHub => {
            let data = rasid_shared::demo::generate();
            let handle = rt.block_on(crate::fleet::start_demo_collector(
                &cwd.path().join("collector"),
                &data,
            ))?;
            (hub_wall_args(&handle.url(), cwd.path())?, Some(handle))
        }
    };
    let started = Instant::now();
    let mut child = Command::new(&kiosk)
        .args(&args)
        .env("DISPLAY", display)
        .current_dir(cwd.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("starting {}", kiosk.display()))?;
    let pid = child.id();
    let outcome = (|| {
        let (first_frame, first_chart) = wait_for_first_chart(x, &mut child, started)?;
        std::thread::sleep(settle.saturating_sub(started.elapsed()));
        let rss = measure::rss_kib(pid).context("reading the kiosk's memory")?;
        let pss = measure::pss_kib(pid).context("reading the kiosk's memory")?;
        let cpu = || measure::cpu_time(pid).context("reading the kiosk's CPU time");
        let render = || {
            measure::threads_cpu_time(pid, SOFTWARE_RENDERER)
                .context("reading the kiosk's CPU time")
        };
        let (cpu0, render0) = (cpu()?, render()?);
        let t0 = Instant::now();
        std::thread::sleep(idle);
        let (cpu1, render1) = (cpu()?, render()?);
        let pct = |d: Duration| 100.0 * d.as_secs_f64() / t0.elapsed().as_secs_f64();
        Ok(KioskRun {
            first_frame: first_frame.as_secs_f64(),
            first_chart: first_chart.as_secs_f64(),
            pss_mib: pss as f64 / 1024.0,
            rss_mib: rss as f64 / 1024.0,
            cpu_pct: pct(cpu1.saturating_sub(cpu0)),
            render_pct: pct(render1.saturating_sub(render0)),
        })
    })();
    measure::terminate(pid);
    let _ = child.wait();
    if let Some(h) = hub {
        rt.block_on(h.shutdown())?;
    }
    outcome
}

pub fn run(display: &str, feed: Feed, runs: usize, settle: Duration, idle: Duration) -> Result<()> {
    // One connection for all runs: an Xvfb started without -noreset resets when its last
    // client leaves, which would cut a connection opened at that moment.
    let x = X::open(display)?;
    let mut all = Vec::new();
    for _ in 0..runs.max(1) {
        all.push(run_once(&x, display, feed, settle, idle)?);
        std::thread::sleep(Duration::from_secs(2));
    }
    let n = all.len();
    let col = |f: fn(&KioskRun) -> f64| Stats::of(&all.iter().map(f).collect::<Vec<_>>());
    let browser = "browser (issue, quoted):";
    let who = match feed {
        Feed::Demo => "kiosk `--demo`",
        Feed::QuietHub => "kiosk `--hub` (quiet collector)",
    };
    let (ff, fc) = (col(|r| r.first_frame), col(|r| r.first_chart));
    table_row(
        &format!("{who}: first frame on screen, s"),
        n,
        spread(ff, 2),
        "–",
        "–",
    );
    table_row(
        &format!("{who}: first chart on screen, s"),
        n,
        spread(fc, 2),
        &format!("{browser} 0.9 s"),
        &format!("{:.2}×", fc.median / 0.9),
    );
    let s = settle.as_secs();
    let pss = col(|r| r.pss_mib);
    table_row(
        &format!("{who}: PSS after {s} s, MiB"),
        n,
        spread(pss, 0),
        &format!("{browser} 525 MiB"),
        &format!("{:.2}×", pss.median / 525.0),
    );
    table_row(
        &format!("{who}: RSS after {s} s, MiB"),
        n,
        spread(col(|r| r.rss_mib), 0),
        "–",
        "–",
    );
    let over = match feed {
        Feed::Demo => format!("over {} s with live updates and rotation", idle.as_secs()),
        Feed::QuietHub => format!("over {} s idle (rotation only)", idle.as_secs()),
    };
    let cpu = col(|r| r.cpu_pct);
    table_row(
        &format!("{who}: CPU {over}, % of a core"),
        n,
        spread(cpu, 2),
        &format!("{browser} 22%"),
        &format!("{:.3}×", cpu.median / 22.0),
    );
    let own = col(|r| r.cpu_pct - r.render_pct);
    table_row(
        &format!("{who}: CPU {over} without the software renderer, % of a core"),
        n,
        spread(own, 2),
        &format!("{browser} 22%"),
        &format!("{:.3}×", own.median / 22.0),
    );
    Ok(())
}
