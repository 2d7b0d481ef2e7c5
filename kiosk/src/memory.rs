//! What the wall's process keeps of memory it no longer uses. A wall runs for weeks on small
//! PCs: memory freed after the start (the demo's data loaded into its collector, boards decoded
//! and replaced) goes back to the system instead of staying in the allocator's free lists.
//! Nothing here changes what the wall shows; on a C library other than glibc it does nothing.

/// Freed memory at the top of the heap above this goes back to the system at once. glibc's
/// default starts at 128 KiB but grows with every large block freed (a board's JSON), up to
/// 64 MiB, after which a wall could keep tens of MiB it no longer uses.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_THRESHOLD: libc::c_int = 256 * 1024;

/// At most this many allocator arenas. glibc gives threads that allocate at the same time
/// arenas of their own (up to eight per core), each keeping its own free memory; the wall's
/// threads (drawing, network, the demo's collector) allocate little and seldom at once.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const ARENA_MAX: libc::c_int = 2;

/// Fixes the allocator's trim threshold and number of arenas; call once, first thing in `main`.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets parameters of glibc's allocator; called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
        libc::mallopt(libc::M_ARENA_MAX, ARENA_MAX);
    }
}

/// Hands back to the system the free pages inside the heap (not only at its top), e.g. after the
/// demo's data is loaded into its collector and dropped.
pub fn release_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages to the system; it is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Hands freed memory back from the frame loop: once [`Trimmer::FIRST`] after the start (what
/// opening the window and fetching every board of the playlist took and let go), then at most
/// once every [`Trimmer::EVERY`] (what a board replaced or a rotation laid out and let go), so it
/// does not stay with the wall for weeks.
pub struct Trimmer {
    next: std::time::Instant,
}

impl Trimmer {
    /// The first time, after the start.
    pub const FIRST: std::time::Duration = std::time::Duration::from_secs(10);
    /// Then as often as the wall's clock changes.
    pub const EVERY: std::time::Duration = std::time::Duration::from_secs(60);

    pub fn new() -> Trimmer {
        Trimmer {
            next: std::time::Instant::now() + Self::FIRST,
        }
    }

    /// Called each frame; trims when the time has come.
    pub fn tick(&mut self) {
        let now = std::time::Instant::now();
        if now >= self.next {
            self.next = now + Self::EVERY;
            release_freed();
        }
    }
}

impl Default for Trimmer {
    fn default() -> Self {
        Self::new()
    }
}
