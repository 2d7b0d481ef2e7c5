//! The wall: header, the current board, footer; operator keys. The rotation's rules are
//! `playlist`'s; the wall gives them the time and draws what they say is up.
//!
//! [`Wall::ui`] draws one frame into any `Ui`, so the eframe window, `--screenshot` and the
//! kittest tests all draw the same thing. Repaints are requested only when the clock's minute,
//! a rotation or new data is due, so an idle wall costs next to nothing.

use crate::boards;
use crate::config::WallConfig;
use crate::feed::{BoardSource, SourceStatus, StoryState};
use crate::playlist::{Playlist, PlaylistItem};
use crate::theme::{CANVAS, Theme, dialog, radius, size, space};
use crate::trouble::Trouble;
use crate::widgets::{Env, RIGHT, rtl, text};
use chrono::{DateTime, Local, Timelike};
use egui::{Align2, Color32, CornerRadius, Key, Rect, Stroke, Ui, pos2, vec2};
use rasid_shared::board::{BoardFilter, BoardName};
use rasid_shared::model::{CenterCode, DecisionNumber};
use std::time::{Duration, Instant};

/// The wall's clock: the system's, or a fixed instant (screenshots and tests).
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    System,
    Fixed(DateTime<Local>),
}

impl Clock {
    pub fn now(&self) -> DateTime<Local> {
        match self {
            Clock::System => Local::now(),
            Clock::Fixed(t) => *t,
        }
    }
}

pub struct Wall {
    pub env: Env,
    pub source: Box<dyn BoardSource>,
    pub playlist: Playlist,
    /// The operator stopped the rotation (Space, or a center filter).
    pub paused: bool,
    pub show_help: bool,
    pub clock: Clock,
    /// Shown on the operator line (a configuration error, a key hint).
    pub operator_note: Option<Trouble>,
    /// The line under the board's title; `None`: the catalogue's (`wall-subtitle`).
    pub subtitle: Option<String>,
    /// Configuration edits to apply, as they arrive (see `config::watch`).
    config_updates: Option<std::sync::mpsc::Receiver<Result<String, String>>>,
    /// The screen this wall shows, in a multi-screen configuration.
    screen: Option<String>,
    /// When the configuration has no screen of that name, show its first screen and say so on
    /// the operator line, instead of refusing the configuration. A collector serves one
    /// boards.toml to every screen name, so a wall following it takes its own section when
    /// there is one and the default (first) screen otherwise.
    pub screen_fallback: bool,
    /// Whether [`Wall::ui`] fills its whole area with the theme's background first. A window
    /// clears to that colour before each frame ([`Wall::background`]), so it turns this off:
    /// without a GPU every pixel filled twice costs a full-screen pass of the software
    /// renderer (docs/BENCHMARKS.md, *The wall without a GPU*).
    pub paint_background: bool,
    /// The operator's type-ahead query for a center, while the filter box is open.
    pub filter_query: Option<String>,
    /// The center the operator narrowed the wall to (rotation pauses until Escape).
    pub center_override: Option<CenterCode>,
    /// Arabic names of centers the wall has shown a filter for.
    center_names: std::collections::HashMap<CenterCode, String>,
    /// The operator's decision number, while the "go to decision" box is open.
    pub story_query: Option<String>,
    /// The decision whose story is on screen (the rotation waits until Escape), and whether
    /// the rotation was paused before it opened.
    pub story: Option<(DecisionNumber, bool)>,
    /// What the operator is told about a number that opens no story, until the next key.
    pub story_notice: Option<String>,
}

impl Wall {
    pub fn new(env: Env, source: Box<dyn BoardSource>, playlist: Vec<PlaylistItem>) -> Wall {
        let mut wall = Wall {
            env,
            source,
            playlist: Playlist::new(playlist, Instant::now()),
            paused: false,
            show_help: false,
            clock: Clock::System,
            operator_note: None,
            subtitle: None,
            config_updates: None,
            screen: None,
            screen_fallback: false,
            paint_background: true,
            filter_query: None,
            center_override: None,
            center_names: Default::default(),
            story_query: None,
            story: None,
            story_notice: None,
        };
        wall.prefetch_playlist();
        wall
    }

    /// Every board of the rotation is fetched and cached from the start, not when its turn
    /// comes: a collector lost before the first rotation leaves every board with data.
    fn prefetch_playlist(&mut self) {
        let boards: Vec<_> = self
            .playlist
            .items()
            .iter()
            .map(|i| (i.board, i.filter.clone()))
            .collect();
        self.source.prefetch(&boards);
    }

    /// The board shown now: the playlist's, narrowed to the operator's center if one is chosen.
    pub fn shown(&self) -> PlaylistItem {
        self.playlist.shown(self.center_override.as_ref())
    }

    /// Centers matching the operator's query, best first (at most `limit`).
    pub fn filter_matches(&mut self, limit: usize) -> Vec<(CenterCode, String)> {
        let q = fold_for_search(self.filter_query.as_deref().unwrap_or(""));
        let mut found: Vec<(usize, CenterCode, String)> = self
            .source
            .centers()
            .into_iter()
            .filter_map(|(code, ar, en)| {
                let hay = [
                    fold_for_search(code.as_str()),
                    fold_for_search(&ar),
                    fold_for_search(&en),
                ];
                let rank = hay.iter().filter_map(|h| h.find(&q)).min()?;
                Some((rank, code, ar))
            })
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
        found
            .into_iter()
            .take(limit)
            .map(|(_, c, n)| (c, n))
            .collect()
    }

    /// Keys while the filter box is open: typing, Backspace, Enter (first match), Escape.
    fn handle_filter_keys(&mut self, ui: &Ui) {
        let events = ui.input(|i| i.events.clone());
        for e in events {
            match e {
                egui::Event::Text(t) => {
                    if let Some(q) = &mut self.filter_query {
                        q.push_str(&t);
                    }
                }
                egui::Event::Key {
                    key: Key::Backspace,
                    pressed: true,
                    ..
                } => {
                    if let Some(q) = &mut self.filter_query {
                        q.pop();
                    }
                }
                egui::Event::Key {
                    key: Key::Enter,
                    pressed: true,
                    ..
                } => {
                    if let Some((code, name)) = self.filter_matches(1).into_iter().next() {
                        self.center_names.insert(code.clone(), name);
                        self.center_override = Some(code);
                        self.paused = true;
                    }
                    self.filter_query = None;
                }
                egui::Event::Key {
                    key: Key::Escape,
                    pressed: true,
                    ..
                } => self.filter_query = None,
                _ => {}
            }
        }
    }

    /// Keys while the "go to decision" box is open: typing, Backspace, Enter, Escape.
    fn handle_story_keys(&mut self, ui: &Ui) {
        let events = ui.input(|i| i.events.clone());
        for e in events {
            let Some(q) = &mut self.story_query else {
                return;
            };
            match e {
                egui::Event::Text(t) => q.push_str(&t),
                egui::Event::Key {
                    key: Key::Backspace,
                    pressed: true,
                    ..
                } => {
                    q.pop();
                }
                egui::Event::Key {
                    key: Key::Enter,
                    pressed: true,
                    ..
                } => {
                    let query = std::mem::take(q);
                    self.story_query = None;
                    match query.parse::<DecisionNumber>() {
                        Ok(n) => self.open_story(n),
                        Err(_) => {
                            let shown = self.env.digits_of(query.trim());
                            self.story_notice = Some(
                                self.env
                                    .tr_args("story-not-a-number", &[("query", shown.into())]),
                            );
                        }
                    }
                }
                egui::Event::Key {
                    key: Key::Escape,
                    pressed: true,
                    ..
                } => self.story_query = None,
                _ => {}
            }
        }
    }

    /// Shows the story of decision `n` full screen; the rotation waits until it is closed.
    pub fn open_story(&mut self, n: DecisionNumber) {
        let was_paused = match self.story.take() {
            Some((_, p)) => p,
            None => self.paused,
        };
        self.source.forget_story();
        self.story = Some((n, was_paused));
        self.paused = true;
    }

    /// Back to the rotation as it was before the story opened.
    pub fn close_story(&mut self) {
        if let Some((_, was_paused)) = self.story.take() {
            self.paused = was_paused;
            self.source.forget_story();
            self.playlist.restart_dwell(Instant::now());
        }
    }

    /// Takes its configuration's screen `screen` (the first when `None`): playlist, theme,
    /// digits, calendar, language. Keeps showing the current board when it is still listed.
    pub fn apply_config(&mut self, cfg: &WallConfig, screen: Option<&str>) -> Result<(), String> {
        let (s, note) = match cfg.screen(screen) {
            Ok(s) => (s, None),
            Err(e) if self.screen_fallback && screen.is_some() => {
                let first = cfg.screen(None)?;
                let note = Trouble::ScreenFallback {
                    detail: e,
                    first: first.name.clone(),
                };
                (first, Some(note))
            }
            Err(e) => return Err(e),
        };
        self.env.theme = Theme::new(s.theme);
        self.env.digits = cfg.digits;
        self.env.calendar = cfg.calendar;
        self.env.language = cfg.language;
        self.playlist.replace(s.playlist.clone());
        self.prefetch_playlist();
        self.screen = screen.map(str::to_string);
        self.operator_note = note;
        Ok(())
    }

    /// Shows `board` as the screen `screen` of `cfg` would: the screen's language, digits,
    /// calendar and theme, and the center, year and period of the board's first item in the
    /// screen's playlist (the whole rotation when the playlist does not list the board). For
    /// `--screenshot`, which renders what that screen of the wall shows.
    pub fn show_as_screen(
        &mut self,
        cfg: &WallConfig,
        screen: Option<&str>,
        board: BoardName,
    ) -> Result<(), String> {
        self.apply_config(cfg, screen)?;
        let item = screen_item(self.playlist.items(), board);
        self.playlist.replace(vec![item]);
        self.prefetch_playlist();
        Ok(())
    }

    /// Applies configuration texts from `rx` as they come; a broken one is reported on the
    /// operator line and the last good configuration stays.
    pub fn follow_config(
        &mut self,
        rx: std::sync::mpsc::Receiver<Result<String, String>>,
        screen: Option<String>,
    ) {
        self.config_updates = Some(rx);
        self.screen = screen;
    }

    fn take_config_updates(&mut self) {
        let Some(rx) = &self.config_updates else {
            return;
        };
        let mut latest = None;
        while let Ok(u) = rx.try_recv() {
            latest = Some(u);
        }
        let Some(update) = latest else { return };
        let screen = self.screen.clone();
        let not_applied = |problem, more| Trouble::ConfigNotApplied { problem, more };
        let outcome = match update {
            Err(e) => Err(not_applied(e, 0)),
            Ok(text) => match crate::config::parse(&text) {
                Err(p) => {
                    let first = p.first().map(|x| x.to_string()).unwrap_or_default();
                    let more = p.len().saturating_sub(1);
                    Err(not_applied(format!("boards.toml: {first}"), more))
                }
                Ok(cfg) => self
                    .apply_config(&cfg, screen.as_deref())
                    .map_err(|e| not_applied(e, 0)),
            },
        };
        if let Err(e) = outcome {
            tracing::warn!("configuration not applied: {e}");
            self.operator_note = Some(e);
        }
    }

    pub fn current(&self) -> &PlaylistItem {
        self.playlist.current()
    }

    pub fn go_to(&mut self, index: usize) {
        self.playlist.go_to(index, Instant::now());
    }

    pub fn next(&mut self) {
        self.playlist.next(Instant::now());
    }

    pub fn previous(&mut self) {
        self.playlist.previous(Instant::now());
    }

    fn handle_keys(&mut self, ui: &Ui) {
        if self.filter_query.is_some() {
            self.handle_filter_keys(ui);
            return;
        }
        if self.story_query.is_some() {
            self.handle_story_keys(ui);
            return;
        }
        let pressed = |k: Key| ui.input(|i| i.key_pressed(k));
        if self.story_notice.is_some() && ui.input(|i| i.events.iter().any(is_key_press)) {
            self.story_notice = None;
            return;
        }
        let hash = ui.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::Text(t) if t == "#"))
        });
        if pressed(Key::D) || hash {
            self.story_query = Some(String::new());
            // The key that opened the box is not part of the number.
            ui.input_mut(|i| i.events.retain(|e| !matches!(e, egui::Event::Text(_))));
            return;
        }
        if self.story.is_some() {
            if pressed(Key::Escape) {
                self.close_story();
            }
            return;
        }
        if pressed(Key::F) || pressed(Key::Slash) {
            self.filter_query = Some(String::new());
            // The key that opened the box is not part of the query.
            ui.input_mut(|i| i.events.retain(|e| !matches!(e, egui::Event::Text(_))));
            return;
        }
        if pressed(Key::Space) {
            self.paused = !self.paused;
            self.playlist.restart_dwell(Instant::now());
        }
        // Reading goes right to left: the next board is to the left.
        if pressed(Key::ArrowLeft) || pressed(Key::PageDown) {
            self.next();
        }
        if pressed(Key::ArrowRight) || pressed(Key::PageUp) {
            self.previous();
        }
        let digits = [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
            Key::Num8,
            Key::Num9,
        ];
        for (i, k) in digits.iter().enumerate() {
            if pressed(*k) && i < self.playlist.len() {
                self.go_to(i);
            }
        }
        if pressed(Key::F1) || pressed(Key::H) || pressed(Key::Questionmark) {
            self.show_help = !self.show_help;
        }
        if pressed(Key::Escape) {
            // Back to the playlist: no help, no center filter, rotation on.
            self.show_help = false;
            if self.center_override.take().is_some() {
                self.paused = false;
                self.playlist.restart_dwell(Instant::now());
            }
        }
    }

    /// The colour behind every board: what a window clears to before each frame.
    pub fn background(&self) -> egui::Color32 {
        self.env.theme.background
    }

    /// Draws one frame into `ui` and schedules the next repaint.
    pub fn ui(&mut self, ui: &mut Ui) {
        self.take_config_updates();
        self.handle_keys(ui);
        // What arrived is drawn in this very frame: no second frame is needed for it.
        self.source.poll();
        self.playlist.advance(Instant::now(), self.paused);
        let item = self.shown();
        if let Some(c) = &item.filter.center
            && !self.center_names.contains_key(c)
        {
            let name = self
                .source
                .centers()
                .into_iter()
                .find(|x| &x.0 == c)
                .map(|x| x.1);
            self.center_names
                .insert(c.clone(), name.unwrap_or_else(|| c.to_string()));
        }
        let rect = ui.max_rect();
        if self.paint_background {
            ui.painter()
                .rect_filled(rect, CornerRadius::ZERO, self.env.theme.background);
        }
        let header = Rect::from_min_size(rect.min, vec2(rect.width(), space::HEADER_HEIGHT));
        let footer = Rect::from_min_max(
            pos2(rect.left(), rect.bottom() - space::FOOTER_HEIGHT),
            rect.max,
        );
        let body = Rect::from_min_max(
            pos2(rect.left(), header.bottom()),
            pos2(rect.right(), footer.top()),
        )
        .shrink2(vec2(space::MARGIN, space::GAP * 0.8));
        self.source.showing(item.board, &item.filter);
        let state = self.source.board(item.board, &item.filter);
        let story = self.story_state();
        let title = match story {
            Some(_) => self.env.tr("story-title"),
            None => boards::title(item.board, &self.env),
        };
        self.draw_header(ui, header, &item, &title);
        match (&story, &state.view, &state.error) {
            (Some(s), _, _) => self.draw_story(ui, body, s),
            (None, Some(v), _) => boards::show(ui, body, v, &self.env),
            (None, None, Some(e)) => error_box(ui, body, &self.env, &e.show(&self.env)),
            (None, None, None) => {
                let waiting = self.env.tr("wall-waiting-for-data");
                crate::widgets::no_data(ui, body, &self.env, &waiting)
            }
        }
        if let Some(n) = crate::story::take_asked(ui.ctx()) {
            self.open_story(n);
        }
        if let (Some(_), Some(e)) = (&state.view, &state.error) {
            self.operator_note.get_or_insert_with(|| e.clone());
        }
        let as_of = state.view.as_ref().and_then(|v| v.as_of());
        self.draw_footer(ui, footer, as_of, state.from_cache);
        if self.show_help {
            self.draw_help(ui, rect);
        }
        if self.filter_query.is_some() {
            self.draw_filter(ui, rect);
        }
        if let Some(q) = self.story_query.clone() {
            self.draw_story_box(ui, rect, &q);
        }
        if let Some(n) = self.story_notice.clone() {
            self.draw_notice(ui, rect, &n);
        }
        // Next repaint: the next minute of the clock, or the next rotation, whichever is sooner.
        let now = self.clock.now();
        let to_minute = Duration::from_secs(60 - now.second() as u64);
        let to_rotation = self
            .playlist
            .until_next(Instant::now(), self.paused)
            .unwrap_or(to_minute);
        ui.ctx()
            .request_repaint_after(to_minute.min(to_rotation).max(Duration::from_millis(50)));
    }

    /// The story on screen, if one is open: a number no decision has closes it and tells the
    /// operator so, and nothing else changes.
    fn story_state(&mut self) -> Option<StoryState> {
        let (n, _) = self.story?;
        let state = self.source.story(&n);
        if state == StoryState::NotFound {
            self.close_story();
            let number = self.env.digits_of(&n.to_string());
            self.story_notice = Some(
                self.env
                    .tr_args("story-not-found", &[("number", number.into())]),
            );
            return None;
        }
        Some(state)
    }

    fn draw_story(&self, ui: &Ui, body: Rect, state: &StoryState) {
        let env = &self.env;
        match state {
            StoryState::Found(s) => crate::story::show(ui, body, s, env),
            StoryState::Failed(e) => error_box(ui, body, env, &e.show(env)),
            StoryState::Loading | StoryState::NotFound => {
                let number = self
                    .story
                    .map(|(n, _)| env.digits_of(&n.to_string()))
                    .unwrap_or_default();
                let waiting = env.tr_args("story-loading", &[("number", number.into())]);
                crate::widgets::no_data(ui, body, env, &waiting)
            }
        }
    }

    /// The "go to decision" box: what was typed, or how to write a number.
    fn draw_story_box(&self, ui: &Ui, rect: Rect, query: &str) {
        let t = &self.env.theme;
        let card = story_card(ui, rect, t);
        let inner = card.shrink(dialog::FILTER_PAD);
        let rows = crate::widgets::rows(inner, &[1.0, 1.0], 8.0);
        let shown = if query.is_empty() {
            self.env.tr("story-prompt")
        } else {
            self.env.digits_of(query)
        };
        text(
            ui,
            rows[0],
            &self
                .env
                .tr_args("story-box-title", &[("query", shown.into())]),
            rtl(size::BODY * 1.15, t.title).bold(),
            RIGHT,
            Some(1),
        );
        text(
            ui,
            rows[1],
            &self.env.tr("story-box-hint"),
            rtl(size::SMALL, t.muted),
            RIGHT,
            Some(1),
        );
    }

    /// A message to the operator over the wall, until the next key.
    fn draw_notice(&self, ui: &Ui, rect: Rect, message: &str) {
        let t = &self.env.theme;
        let card = story_card(ui, rect, t);
        text(
            ui,
            card.shrink(dialog::FILTER_PAD),
            message,
            rtl(size::BODY, t.error).bold(),
            RIGHT,
            Some(2),
        );
    }

    fn draw_header(&self, ui: &Ui, rect: Rect, item: &PlaylistItem, title: &str) {
        let t = &self.env.theme;
        let inner = rect.shrink2(vec2(space::MARGIN, 12.0));
        let cols = crate::widgets::columns_rtl(inner, &[3.0, 1.0], space::GAP);
        let r = crate::widgets::rows(cols[0], &[1.5, 0.8], 0.0);
        text(
            ui,
            r[0],
            title,
            rtl(size::HEADER_TITLE, t.text).bold(),
            RIGHT,
            Some(1),
        );
        let mut sub = self
            .subtitle
            .clone()
            .unwrap_or_else(|| self.env.tr("wall-subtitle"));
        if let Some(c) = &item.filter.center {
            let name = self.center_name(c);
            sub = format!("{sub} — {name}");
        }
        if let Some(y) = item.filter.year {
            sub = format!("{sub} — {}", self.env.digits_of(&y.to_string()));
        }
        if let Some(p) = item.filter.period {
            sub = format!("{sub} — {}", period_in_words(p, &self.env));
        }
        text(
            ui,
            r[1],
            &sub,
            rtl(size::HEADER_SUB, t.muted),
            RIGHT,
            Some(1),
        );
        let now = self.clock.now();
        let l = crate::widgets::rows(cols[1], &[1.5, 0.8], 0.0);
        let time = self.env.digits_of(&now.format("%H:%M").to_string());
        text(
            ui,
            l[0],
            &time,
            rtl(size::CLOCK, t.text).bold(),
            Align2::LEFT_CENTER,
            Some(1),
        );
        text(
            ui,
            l[1],
            &self.env.date(now.date_naive()),
            rtl(size::HEADER_SUB, t.muted),
            Align2::LEFT_CENTER,
            Some(1),
        );
        ui.painter().line_segment(
            [
                pos2(rect.left() + space::MARGIN, rect.bottom() - 2.0),
                pos2(rect.right() - space::MARGIN, rect.bottom() - 2.0),
            ],
            Stroke::new(3.0, t.rule),
        );
    }

    fn draw_footer(&self, ui: &Ui, rect: Rect, as_of: Option<chrono::NaiveDate>, from_cache: bool) {
        let t = &self.env.theme;
        let inner = rect.shrink2(vec2(space::MARGIN, 6.0));
        let env = &self.env;
        let source = match self.source.status() {
            SourceStatus::Demo => env.tr_args(
                "wall-source-demo",
                &[("year", env.digits_of("2023").into())],
            ),
            SourceStatus::Live { .. } => env.tr("wall-source-live"),
            SourceStatus::Offline { since, .. } => env.tr_args(
                "wall-source-offline",
                &[("since", env.digits_of(&since).into())],
            ),
        };
        let as_of_text = match as_of {
            Some(d) => env.tr_args("wall-data-as-of", &[("date", env.date(d).into())]),
            None => env.tr("wall-no-data-yet"),
        };
        let offline = from_cache || matches!(self.source.status(), SourceStatus::Offline { .. });
        let color = if offline { t.stale } else { t.muted };
        text(
            ui,
            inner,
            &format!("{source} · {as_of_text}"),
            rtl(size::FOOTER, color),
            RIGHT,
            Some(1),
        );
        // Page dots at the left: the current board filled; a pause sign when paused.
        let n = self.playlist.len();
        let mut x = inner.left() + 10.0;
        if self.paused {
            let r = Rect::from_center_size(pos2(x + 6.0, inner.center().y), vec2(14.0, 18.0));
            ui.painter().rect_filled(
                Rect::from_min_size(r.min, vec2(5.0, 18.0)),
                CornerRadius::ZERO,
                t.text,
            );
            ui.painter().rect_filled(
                Rect::from_min_size(r.min + vec2(9.0, 0.0), vec2(5.0, 18.0)),
                CornerRadius::ZERO,
                t.text,
            );
            x += 28.0;
        }
        for i in 0..n {
            let c = pos2(x + i as f32 * 24.0, inner.center().y);
            if i == self.playlist.index() {
                ui.painter().circle_filled(c, 7.0, t.text);
            } else {
                ui.painter()
                    .circle_stroke(c, 7.0, Stroke::new(1.5, t.muted));
            }
        }
        if let Some(note) = &self.operator_line().map(|t| t.show(&self.env)) {
            let r = Rect::from_min_max(
                pos2(x + n as f32 * 24.0 + 20.0, inner.top()),
                pos2(inner.center().x, inner.bottom()),
            );
            text(
                ui,
                r,
                note,
                rtl(size::SMALL, t.error),
                Align2::LEFT_CENTER,
                Some(1),
            );
        }
    }

    /// What the operator line shows: the source's own trouble first (no key, the collector
    /// refusing the wall), else the configuration's note.
    pub fn operator_line(&self) -> Option<Trouble> {
        self.source
            .operator_note()
            .or_else(|| self.operator_note.clone())
    }

    fn center_name(&self, c: &CenterCode) -> String {
        self.center_names
            .get(c)
            .cloned()
            .unwrap_or_else(|| c.to_string())
    }

    fn draw_filter(&mut self, ui: &Ui, rect: Rect) {
        let matches = self.filter_matches(6);
        let t = &self.env.theme;
        let card = Rect::from_min_size(
            pos2(
                rect.center().x - dialog::FILTER_WIDTH / 2.0,
                rect.top() + dialog::FILTER_TOP,
            ),
            vec2(
                dialog::FILTER_WIDTH,
                dialog::FILTER_HEIGHT + dialog::FILTER_MATCH_PITCH * matches.len().max(1) as f32,
            ),
        );
        dialog_card(ui, card, t);
        let inner = card.shrink(dialog::FILTER_PAD);
        let head = Rect::from_min_size(inner.min, vec2(inner.width(), dialog::FILTER_QUERY_HEIGHT));
        let query = self.filter_query.clone().unwrap_or_default();
        let shown = if query.is_empty() {
            self.env.tr("filter-prompt")
        } else {
            query
        };
        text(
            ui,
            head,
            &self.env.tr_args("filter-title", &[("query", shown.into())]),
            rtl(size::BODY * 1.15, t.title).bold(),
            RIGHT,
            Some(1),
        );
        if matches.is_empty() {
            let r = Rect::from_min_size(
                pos2(inner.left(), head.bottom() + 20.0),
                vec2(inner.width(), dialog::FILTER_QUERY_HEIGHT),
            );
            text(
                ui,
                r,
                &self.env.tr("filter-no-match"),
                rtl(size::BODY, t.muted),
                RIGHT,
                Some(1),
            );
        }
        for (i, (code, name)) in matches.iter().enumerate() {
            let r = Rect::from_min_size(
                pos2(
                    inner.left(),
                    head.bottom() + 20.0 + dialog::FILTER_MATCH_PITCH * i as f32,
                ),
                vec2(inner.width(), dialog::FILTER_MATCH_HEIGHT),
            );
            let color = if i == 0 { t.text } else { t.muted };
            text(ui, r, name, rtl(size::BODY, color), RIGHT, Some(1));
            text(
                ui,
                r,
                code.as_str(),
                rtl(size::SMALL, t.muted),
                Align2::LEFT_CENTER,
                Some(1),
            );
        }
    }

    fn draw_help(&self, ui: &Ui, rect: Rect) {
        let t = &self.env.theme;
        ui.painter()
            .rect_filled(rect, CornerRadius::ZERO, Color32::from_black_alpha(170));
        let card = Rect::from_center_size(rect.center(), dialog::HELP);
        dialog_card(ui, card, t);
        let e = &self.env;
        let lines = [
            e.tr("help-title"),
            e.tr("help-space"),
            e.tr("help-next"),
            e.tr("help-previous"),
            e.tr("help-digits"),
            e.tr("help-filter"),
            e.tr("help-story"),
            e.tr("help-escape"),
            e.tr("help-help"),
        ];
        let r = crate::widgets::rows(
            card.shrink(dialog::HELP_PAD),
            &[1.3, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
            8.0,
        );
        for (i, l) in lines.iter().enumerate() {
            let spec = if i == 0 {
                rtl(size::HEADER_TITLE * 0.8, t.title).bold()
            } else {
                rtl(size::BODY, t.text)
            };
            text(ui, r[i], l, spec, RIGHT, Some(1));
        }
    }
}

/// The card of the "go to decision" box and of its messages, where the filter's box stands.
fn story_card(ui: &Ui, rect: Rect, t: &Theme) -> Rect {
    let card = Rect::from_min_size(
        pos2(
            rect.center().x - dialog::FILTER_WIDTH / 2.0,
            rect.top() + dialog::FILTER_TOP,
        ),
        vec2(dialog::FILTER_WIDTH, dialog::FILTER_HEIGHT),
    );
    dialog_card(ui, card, t);
    card
}

fn is_key_press(e: &egui::Event) -> bool {
    matches!(e, egui::Event::Key { pressed: true, .. })
}

/// A dialog's background over the wall: the panel colour, bordered in the rule's gold.
fn dialog_card(ui: &Ui, card: Rect, t: &Theme) {
    ui.painter().rect(
        card,
        CornerRadius::same(radius::DIALOG),
        t.panel,
        Stroke::new(dialog::STROKE, t.rule),
        egui::StrokeKind::Inside,
    );
}

fn error_box(ui: &Ui, rect: Rect, env: &Env, message: &str) {
    let t = &env.theme;
    ui.painter().rect_stroke(
        rect.shrink(8.0),
        CornerRadius::same(radius::PANEL),
        Stroke::new(2.0, t.error),
        egui::StrokeKind::Inside,
    );
    let r = crate::widgets::rows(rect.shrink(60.0), &[1.0, 1.0], 10.0);
    text(
        ui,
        r[0],
        &env.tr("wall-board-failed"),
        rtl(size::HEADER_TITLE, t.error).bold(),
        Align2::CENTER_BOTTOM,
        Some(1),
    );
    text(
        ui,
        r[1],
        message,
        rtl(size::BODY, t.muted),
        Align2::CENTER_TOP,
        Some(3),
    );
}

/// What a screen whose rotation is `playlist` shows of `board`: its first item there (with its
/// center, year and period), or the board unfiltered when the rotation does not list it.
pub fn screen_item(playlist: &[PlaylistItem], board: BoardName) -> PlaylistItem {
    playlist
        .iter()
        .find(|i| i.board == board)
        .cloned()
        .unwrap_or(PlaylistItem {
            board,
            seconds: 3600,
            filter: BoardFilter::default(),
        })
}

/// A part of the year in the wall's words: "سبتمبر–ديسمبر", "الربع الثاني", "مارس".
pub fn period_in_words(p: rasid_shared::board::Period, env: &Env) -> String {
    use rasid_shared::board::Period;
    let month = |m: u8| {
        rasid_shared::format::month_name(
            rasid_shared::format::CalendarKind::Gregorian,
            m,
            env.language,
        )
    };
    match p {
        Period::Month(m) => month(m),
        Period::FourMonths(_) => {
            let r = p.months();
            env.tr_args(
                "period-months",
                &[
                    ("first", month(*r.start()).into()),
                    ("last", month(*r.end()).into()),
                ],
            )
        }
        Period::Quarter(q) => crate::boards::quarter_name(q.clamp(1, 4), env),
        Period::Year => env.tr("period-whole-year"),
    }
}

/// Folds text for matching what an operator types: lower case, Arabic letter variants unified
/// (أ إ آ ٱ → ا, ة → ه, ى → ي), diacritics and tatweel dropped.
pub fn fold_for_search(s: &str) -> String {
    s.chars()
        .filter(|c| !('\u{064B}'..='\u{065F}').contains(c) && *c != '\u{0670}' && *c != '\u{0640}')
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The zoom that shows the 1920×1080-point canvas on a screen of `physical_height` pixels.
pub fn wall_zoom(physical_height: f32, native_pixels_per_point: f32) -> f32 {
    let ppp = (physical_height / CANVAS.y).max(0.25);
    ppp / native_pixels_per_point.max(0.25)
}

pub fn default_env(theme: Theme, today: chrono::NaiveDate) -> Env {
    Env {
        theme,
        digits: crate::text::Digits::ArabicIndic,
        calendar: rasid_shared::format::CalendarKind::Gregorian,
        language: rasid_shared::format::Language::Arabic,
        today,
    }
}
