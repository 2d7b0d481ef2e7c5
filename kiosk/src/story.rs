//! One decision's story, full screen: what it says, its status and delay, each responsible
//! center's reports over time, the follow-ups taken and the decisions linked to it. The story is
//! computed in `rasid_shared::board::story`; this module only lays it out, right to left.

use crate::boards::{days, decision_number, execution_text};
use crate::text::TextStyleSpec;
use crate::theme::{radius, size, space};
use crate::widgets::*;
use egui::{Align2, Rect, Ui, pos2, vec2};
use rasid_shared::board::{CenterStory, DecisionStory, Execution, StatusRevision};
use rasid_shared::i18n::Arg;
use rasid_shared::model::{DecisionKind, ExecutionStatus, FollowUpKind};

/// Paints `s` into `rect`.
pub fn show(ui: &Ui, rect: Rect, s: &DecisionStory, env: &Env) {
    let r = rows(rect, &[2.3, 3.6, 2.4], space::GAP);
    facts(ui, r[0], s, env);
    centers(ui, r[1], s, env);
    let bottom = columns_rtl(r[2], &[1.0, 1.0], space::GAP);
    follow_ups(ui, bottom[0], s, env);
    links(ui, bottom[1], s, env);
}

/// The number, title, session, classification; at the left, the status and the delay.
fn facts(ui: &Ui, rect: Rect, s: &DecisionStory, env: &Env) {
    let t = &env.theme;
    let (number, _) = decision_number(&s.number, env);
    let kind = match s.kind {
        DecisionKind::Decision => env.tr("story-kind-decision"),
        DecisionKind::Assignment => env.tr("story-kind-assignment"),
    };
    let heading = env.tr_args(
        "story-number",
        &[("kind", kind.into()), ("number", number.into())],
    );
    let body = panel(ui, rect, &heading, env);
    let cols = columns_rtl(body, &[3.0, 1.1], space::GAP);
    let left = rows(cols[0], &[2.2, 1.0], 6.0);
    // Long titles wrap over the lines there are, never cut mid-word at one line.
    text(
        ui,
        left[0],
        &s.title,
        rtl(size::BODY * 1.1, t.text).bold(),
        Align2::RIGHT_TOP,
        Some(3),
    );
    text(
        ui,
        left[1],
        &fact_line(s, env),
        rtl(size::SMALL, t.muted),
        Align2::RIGHT_TOP,
        Some(2),
    );
    let (status, color) = execution_text(s.execution, env);
    let side = rows(cols[1], &[1.2, 1.0, 1.0], 4.0);
    let status = if s.execution == Execution::InProgress || s.progress > 0 {
        env.tr_args(
            "story-status-progress",
            &[
                ("status", status.into()),
                ("progress", env.pct(f64::from(s.progress)).into()),
            ],
        )
    } else {
        status
    };
    text(
        ui,
        side[0],
        &status,
        rtl(size::BODY, color).bold(),
        RIGHT,
        Some(1),
    );
    let due = match s.due {
        Some(d) => env.tr_args("story-due", &[("date", env.date(d).into())]),
        None => env.tr("story-no-due"),
    };
    text(ui, side[1], &due, rtl(size::SMALL, t.text), RIGHT, Some(1));
    let (late, late_color) = match s.days_overdue {
        Some(n) => (
            env.tr_args("story-overdue", &[("days", days(env, n).into())]),
            t.not_started,
        ),
        None => (env.tr("story-not-overdue"), t.muted),
    };
    text(
        ui,
        side[2],
        &late,
        rtl(size::SMALL, late_color).bold(),
        RIGHT,
        Some(1),
    );
}

/// Session, issue date, routine, and every classification field given, joined by dots.
fn fact_line(s: &DecisionStory, env: &Env) -> String {
    let mut parts = vec![match s.session_date {
        Some(d) => env.tr_args(
            "story-session",
            &[
                (
                    "session",
                    env.digits_of(&s.number.session.to_string()).into(),
                ),
                ("date", env.date(d).into()),
            ],
        ),
        None => env.tr_args(
            "story-session-undated",
            &[(
                "session",
                env.digits_of(&s.number.session.to_string()).into(),
            )],
        ),
    }];
    parts.push(env.tr_args("story-issued", &[("date", env.date(s.date).into())]));
    if s.routine {
        parts.push(env.tr("story-routine"));
    }
    let c = &s.classification;
    fn value(v: &Option<String>) -> Option<[(&'static str, Arg<'_>); 1]> {
        v.as_deref().map(|v| [("value", v.into())])
    }
    if let Some(a) = value(&c.sector) {
        parts.push(env.tr_args("story-sector", &a));
    }
    if let Some(a) = value(&c.program) {
        parts.push(env.tr_args("story-program", &a));
    }
    if let Some(a) = value(&c.level) {
        parts.push(env.tr_args("story-level", &a));
    }
    if let Some(a) = value(&c.decision_type) {
        parts.push(env.tr_args("story-type", &a));
    }
    parts.join(" · ")
}

/// One row per responsible center: its name, then its reports oldest at the right.
fn centers(ui: &Ui, rect: Rect, s: &DecisionStory, env: &Env) {
    let body = panel(ui, rect, &env.tr("story-centers"), env);
    if s.centers.is_empty() {
        no_data(ui, body, env, &env.tr("story-no-centers"));
        return;
    }
    let fit = ((body.height() / (size::ROW * 3.0)).floor() as usize).max(1);
    let shown = &s.centers[..s.centers.len().min(fit)];
    let row_h = body.height() / shown.len() as f32;
    for (i, c) in shown.iter().enumerate() {
        let rr = Rect::from_min_size(
            pos2(body.left(), body.top() + row_h * i as f32),
            vec2(body.width(), row_h),
        );
        if i % 2 == 0 {
            row_stripe(ui, rr.shrink2(vec2(0.0, 2.0)), radius::ROW_STRIPE_TALL, env);
        }
        center_row(ui, rr, c, env);
    }
}

fn center_row(ui: &Ui, rect: Rect, c: &CenterStory, env: &Env) {
    let t = &env.theme;
    let cols = columns_rtl(rect.shrink2(vec2(8.0, 4.0)), &[1.1, 4.0], space::GAP);
    let name = if c.lead {
        env.tr_args(
            "story-lead-center",
            &[("center", c.name_ar.as_str().into())],
        )
    } else {
        c.name_ar.clone()
    };
    text(
        ui,
        cols[0],
        &name,
        rtl(size::ROW, t.text).bold(),
        RIGHT,
        Some(2),
    );
    if c.revisions.is_empty() {
        let none = env.tr("story-no-report");
        text(
            ui,
            cols[1],
            &none,
            rtl(size::ROW, t.unreported),
            RIGHT,
            Some(1),
        );
        return;
    }
    let cell_w = 300.0_f32;
    let fit = ((cols[1].width() / cell_w).floor() as usize).max(1);
    // Every revision when they fit; else the newest that do, and how many earlier ones are not
    // shown, in the first cell.
    let hidden = c.revisions.len().saturating_sub(fit);
    let hidden = if hidden > 0 { hidden + 1 } else { 0 };
    let shown = &c.revisions[hidden..];
    let mut right = cols[1].right();
    if hidden > 0 {
        let cell = Rect::from_min_max(
            pos2(right - cell_w, cols[1].top()),
            pos2(right, cols[1].bottom()),
        );
        let more = env.tr_args("story-earlier", &[("count", env.int(hidden as i64).into())]);
        text(ui, cell, &more, rtl(size::SMALL, t.muted), RIGHT, Some(2));
        right -= cell_w;
    }
    let notes = shown.iter().any(|r| !r.note.is_empty());
    for r in shown {
        let cell = Rect::from_min_max(
            pos2(right - cell_w, cols[1].top()),
            pos2(right, cols[1].bottom()),
        );
        revision_cell(ui, cell.shrink2(vec2(6.0, 0.0)), r, notes, env);
        right -= cell_w;
    }
}

/// One report: its day, its status and progress, and its note (two lines at most) when the
/// row has room for it; `notes`: some report of the row has a note.
fn revision_cell(ui: &Ui, rect: Rect, r: &StatusRevision, notes: bool, env: &Env) {
    let t = &env.theme;
    let (status, color) = revision_status(r.status, env);
    let line = size::SMALL * 1.4;
    // Every cell of a row starts at the same height, whether it has a note or not.
    let room = notes && rect.height() >= line * 4.0;
    let with_note = room && !r.note.is_empty();
    let lines = if room { 4.0 } else { 2.0 };
    let top = rect.center().y - line * lines / 2.0;
    let at = |i: f32, n: f32| {
        Rect::from_min_size(
            pos2(rect.left(), top + line * i),
            vec2(rect.width(), line * n),
        )
    };
    text(
        ui,
        at(0.0, 1.0),
        &env.date(r.as_of),
        rtl(size::SMALL, t.muted),
        RIGHT,
        Some(1),
    );
    let state = if r.status == ExecutionStatus::NotStarted {
        status
    } else {
        env.tr_args(
            "story-status-progress",
            &[
                ("status", status.into()),
                ("progress", env.pct(f64::from(r.progress)).into()),
            ],
        )
    };
    text(
        ui,
        at(1.0, 1.0),
        &state,
        rtl(size::SMALL, color).bold(),
        RIGHT,
        Some(1),
    );
    if with_note {
        text(
            ui,
            at(2.0, 2.0),
            &r.note,
            rtl(size::SMALL, t.text),
            Align2::RIGHT_TOP,
            Some(2),
        );
    }
}

fn revision_status(s: ExecutionStatus, env: &Env) -> (String, egui::Color32) {
    let e = match s {
        ExecutionStatus::NotStarted => Execution::NotStarted,
        ExecutionStatus::InProgress => Execution::InProgress,
        ExecutionStatus::Executed => Execution::Executed,
        ExecutionStatus::Blocked => Execution::Blocked,
    };
    execution_text(e, env)
}

fn follow_ups(ui: &Ui, rect: Rect, s: &DecisionStory, env: &Env) {
    let t = &env.theme;
    let body = panel(ui, rect, &env.tr("story-follow-ups"), env);
    if s.follow_ups.is_empty() {
        no_data(ui, body, env, &env.tr("story-no-follow-ups"));
        return;
    }
    let line_h = size::SMALL * 1.7;
    let fit = ((body.height() / line_h).floor() as usize).max(1);
    let (shown, more) = if s.follow_ups.len() > fit {
        (&s.follow_ups[..fit - 1], s.follow_ups.len() - (fit - 1))
    } else {
        (&s.follow_ups[..], 0)
    };
    let names = |code: &rasid_shared::model::CenterCode| {
        s.centers
            .iter()
            .find(|c| &c.center == code)
            .map(|c| c.name_ar.clone())
            .unwrap_or_else(|| code.to_string())
    };
    for (i, f) in shown.iter().enumerate() {
        let r = Rect::from_min_size(
            pos2(body.left(), body.top() + line_h * i as f32),
            vec2(body.width(), line_h),
        );
        let kind = match f.kind {
            FollowUpKind::Call => env.tr("follow-up-calls"),
            FollowUpKind::Letter => env.tr("follow-up-letters"),
            FollowUpKind::Message => env.tr("follow-up-messages"),
            FollowUpKind::Memo => env.tr("follow-up-memos"),
        };
        let line = env.tr_args(
            "story-follow-up",
            &[
                ("date", env.date(f.date).into()),
                ("kind", kind.into()),
                ("center", names(&f.center).into()),
            ],
        );
        text(ui, r, &line, rtl(size::SMALL, t.text), RIGHT, Some(1));
    }
    if more > 0 {
        let r = Rect::from_min_size(
            pos2(body.left(), body.top() + line_h * shown.len() as f32),
            vec2(body.width(), line_h),
        );
        let line = env.tr_args("story-more", &[("count", env.int(more as i64).into())]);
        text(ui, r, &line, rtl(size::SMALL, t.muted), RIGHT, Some(1));
    }
}

fn links(ui: &Ui, rect: Rect, s: &DecisionStory, env: &Env) {
    let t = &env.theme;
    let body = panel(ui, rect, &env.tr("story-links"), env);
    if s.links.is_empty() {
        no_data(ui, body, env, &env.tr("story-no-links"));
        return;
    }
    let line_h = size::SMALL * 2.0;
    let fit = ((body.height() / line_h).floor() as usize).max(1);
    for (i, l) in s.links.iter().take(fit).enumerate() {
        let r = Rect::from_min_size(
            pos2(body.left(), body.top() + line_h * i as f32),
            vec2(body.width(), line_h),
        );
        let cols = columns_rtl(r, &[1.0, 3.0, 1.3], 10.0);
        let (number, spec) = decision_number(&l.number, env);
        text(
            ui,
            cols[0],
            &number,
            TextStyleSpec {
                size: size::SMALL,
                ..spec
            },
            RIGHT,
            Some(1),
        );
        match (&l.title, l.execution) {
            (Some(title), Some(e)) => {
                text(ui, cols[1], title, rtl(size::SMALL, t.text), RIGHT, Some(1));
                let (status, color) = execution_text(e, env);
                text(
                    ui,
                    cols[2],
                    &status,
                    rtl(size::SMALL, color).bold(),
                    RIGHT,
                    Some(1),
                );
            }
            _ => {
                let unknown = env.tr("story-link-unknown");
                let wide = Rect::from_min_max(cols[2].min, cols[1].max);
                text(
                    ui,
                    wide,
                    &unknown,
                    rtl(size::SMALL, t.unreported),
                    RIGHT,
                    Some(1),
                );
            }
        }
    }
}

/// Where a board leaves the decision the operator picked (a row clicked or tapped), for the
/// wall to open its story after drawing the board.
fn asked_id() -> egui::Id {
    egui::Id::unique("rasid_kiosk::story::asked")
}

/// Makes `rect` open the story of `number` when clicked or tapped: a button named
/// "open the story of 18/212/02" for the accessibility tree.
pub fn open_on_click(ui: &Ui, rect: Rect, number: &rasid_shared::model::DecisionNumber, env: &Env) {
    let id = ui.scope_id().with(("open-story", number.to_string()));
    let response = ui
        .interact(rect, id, egui::Sense::click())
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    let (shown, _) = decision_number(number, env);
    let label = env.tr_args("story-open", &[("number", shown.into())]);
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if response.clicked() {
        let n = *number;
        ui.ctx().data_mut(|d| d.insert_temp(asked_id(), Some(n)));
    }
}

/// The decision a board asked to open this frame, if any (taken: asked once).
pub fn take_asked(ctx: &egui::Context) -> Option<rasid_shared::model::DecisionNumber> {
    ctx.data_mut(|d| d.remove_temp::<Option<rasid_shared::model::DecisionNumber>>(asked_id()))
        .flatten()
}
