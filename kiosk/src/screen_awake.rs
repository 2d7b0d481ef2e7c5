//! Keeping the wall's screen on under X: the X server's screen saver and DPMS power saving are
//! switched off for as long as the wall runs, and the idle timer is reset every 30 s in case a
//! session script turns them on again. Not needed under Wayland's cage, which has no idle
//! timeout of its own (docs/DEPLOY.md); nothing here runs without `DISPLAY`.
//!
//! Uses its own X connection on its own thread (Xlib is loaded at run time, x11-dl); a wall
//! whose X libraries or extensions are missing runs on with one warning.

use std::ffi::CString;
use std::time::Duration;
use x11_dl::{dpms, xlib};

/// How often the screen saver's idle timer is reset.
const RESET_EVERY: Duration = Duration::from_secs(30);

/// Starts keeping the X display named by `DISPLAY` awake, on a background thread for the life
/// of the process. Does nothing without `DISPLAY`.
pub fn keep_awake() {
    let Some(display) = std::env::var("DISPLAY").ok().filter(|d| !d.is_empty()) else {
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("screen-awake".into())
        .spawn(move || {
            if let Err(e) = run(&display) {
                tracing::warn!(
                    "cannot keep the screen on ({e}); run `xset s off -dpms` in the wall's session"
                );
            }
        });
    if let Err(e) = spawned {
        tracing::warn!("cannot keep the screen on: {e}");
    }
}

fn run(screen: &str) -> Result<(), String> {
    let x = xlib::Xlib::open().map_err(|e| format!("loading libX11: {e}"))?;
    let name = CString::new(screen).map_err(|_| format!("DISPLAY {screen:?} is not a name"))?;
    // SAFETY: a valid C string; a null result is checked. The connection is this thread's own
    // and is never closed: it lives as long as the process.
    let d = unsafe { (x.XOpenDisplay)(name.as_ptr()) };
    if d.is_null() {
        return Err(format!("cannot open X display {screen}"));
    }
    // SAFETY: `d` is an open display; timeout 0 disables the screen saver.
    unsafe {
        (x.XSetScreenSaver)(d, 0, 0, xlib::DontPreferBlanking, xlib::DefaultExposures);
        (x.XFlush)(d);
    }
    match dpms::Xext::open() {
        // SAFETY: `d` is an open display; DPMS calls are made only when the server has it.
        Ok(ext) => unsafe {
            let (mut event, mut error) = (0, 0);
            if (ext.DPMSQueryExtension)(d, &mut event, &mut error) != 0 && (ext.DPMSCapable)(d) != 0
            {
                (ext.DPMSDisable)(d);
                (x.XFlush)(d);
            }
        },
        Err(e) => {
            tracing::warn!("cannot switch DPMS off (loading libXext: {e}); the screen saver is off")
        }
    }
    tracing::info!("screen saver and DPMS off on X display {screen} while the wall runs");
    loop {
        std::thread::sleep(RESET_EVERY);
        // SAFETY: `d` stays open for the life of the process and only this thread uses it.
        unsafe {
            (x.XResetScreenSaver)(d);
            (x.XFlush)(d);
        }
    }
}
