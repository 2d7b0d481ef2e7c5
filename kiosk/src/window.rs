//! The wall's window in a meeting room: it covers the whole monitor it is on, even where no
//! window manager honours the full-screen request (a wall started by `xinit` or a systemd unit
//! runs an X server alone), and it tells systemd's watchdog that frames are still drawn.
//! Not the drawing itself ([`crate::app`]), nor keeping the screen awake
//! ([`crate::screen_awake`]).

use std::time::{Duration, Instant};

/// Differences under this, in points, are rounding, not a window to resize.
const TOLERANCE: f32 = 1.0;

/// How long to leave the window manager (or the X server) to act on a resize before asking
/// again; a compositor that keeps its own size is asked at most this often.
const RETRY: Duration = Duration::from_secs(2);

/// The size to ask for so that a window of inner rectangle `inner` covers a monitor of
/// `monitor` (both in points), or `None` when it already does or either is unknown.
pub fn size_to_cover(inner: Option<egui::Rect>, monitor: Option<egui::Vec2>) -> Option<egui::Vec2> {
    let (inner, monitor) = (inner?, monitor?);
    if monitor.x < 1.0 || monitor.y < 1.0 {
        return None;
    }
    let off = (inner.width() - monitor.x).abs() > TOLERANCE
        || (inner.height() - monitor.y).abs() > TOLERANCE;
    off.then_some(monitor)
}

/// Keeps a full-screen wall's window the size of its monitor, and its watchdog fed.
pub struct WallWindow {
    /// False with `--windowed`: the window keeps the size it was given.
    fill: bool,
    last_resize: Option<Instant>,
    watchdog: rasid_systemd::Watchdog,
    logged: bool,
}

impl WallWindow {
    /// `fill`: cover the monitor (full screen); the watchdog comes from systemd's environment.
    pub fn new(fill: bool) -> WallWindow {
        let notifier = rasid_systemd::Notifier::from_env();
        notifier.ready();
        WallWindow {
            fill,
            last_resize: None,
            watchdog: rasid_systemd::Watchdog::new(notifier),
            logged: false,
        }
    }

    /// Called from every frame: a frame drawn is the wall alive (`WATCHDOG=1`, paced); the
    /// next frame is asked for soon enough to ping in time even when nothing changes; a window
    /// smaller or larger than its monitor is resized to it.
    pub fn frame(&mut self, ctx: &egui::Context) {
        self.watchdog.alive();
        if let Some(every) = self.watchdog.interval() {
            ctx.request_repaint_after(every / 2);
        }
        let (inner, monitor) = ctx.input(|i| (i.viewport().inner_rect, i.viewport().monitor_size));
        if !self.logged
            && let (Some(inner), Some(monitor)) = (inner, monitor)
        {
            self.logged = true;
            tracing::info!(
                "window {}x{} points on a monitor of {}x{} points",
                inner.width(),
                inner.height(),
                monitor.x,
                monitor.y
            );
        }
        if !self.fill {
            return;
        }
        let due = self.last_resize.is_none_or(|t| t.elapsed() >= RETRY);
        if let Some(size) = size_to_cover(inner, monitor)
            && due
        {
            self.last_resize = Some(Instant::now());
            tracing::info!(
                "the window does not cover its monitor (no window manager?): resizing it to {}x{} points",
                size.x,
                size.y
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
            ctx.request_repaint_after(RETRY);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Rect, pos2, vec2};

    #[test]
    fn a_window_in_the_corner_is_grown_to_its_monitor() {
        let corner = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        let screen = vec2(1920.0, 1080.0);
        assert_eq!(size_to_cover(Some(corner), Some(screen)), Some(screen));
    }

    #[test]
    fn a_window_that_covers_its_monitor_is_left_alone() {
        let full = Rect::from_min_size(pos2(1920.0, 0.0), vec2(1920.4, 1079.6));
        assert_eq!(size_to_cover(Some(full), Some(vec2(1920.0, 1080.0))), None);
    }

    #[test]
    fn nothing_is_asked_while_a_size_is_unknown() {
        let w = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        assert_eq!(size_to_cover(None, Some(vec2(1920.0, 1080.0))), None);
        assert_eq!(size_to_cover(Some(w), None), None);
        assert_eq!(size_to_cover(Some(w), Some(vec2(0.0, 0.0))), None);
    }
}
