//! The boards on the wall as a cabinet member sees them: one snapshot per board at 1080p (and
//! the decision board at 4K) from the demo data; what a person reads, through the accessibility
//! tree; the operator's keys; and empty or malformed view models, which must never panic.
//!
//! Snapshots are made with `UPDATE_SNAPSHOTS=1 cargo test -p rasid-kiosk --test boards` and
//! looked at before they are committed.

use chrono::{Local, NaiveDate, TimeZone};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use rasid_kiosk::app::{Clock, Wall, default_env};
use rasid_kiosk::boards;
use rasid_kiosk::feed::DatasetSource;
use rasid_kiosk::playlist::PlaylistItem;
use rasid_kiosk::text::{self, layout_rtl_paragraph};
use rasid_kiosk::theme::{Theme, ThemeName};
use rasid_kiosk::widgets::Env;
use rasid_shared::board::*;
use rasid_shared::demo::demo_today;
use rasid_shared::model::{
    BudgetCategory, CenterCode, CommitteeStatus, DecisionKind, DecisionNumber, DecisionStatus,
    ExecutionStatus, LegislationStage, LegislationType, Record, RecordEnvelope,
};

fn env() -> Env {
    default_env(Theme::new(ThemeName::Dark), demo_today())
}

fn context() -> BoardContext {
    BoardContext {
        today: demo_today(),
        kpi: KpiThresholds::default(),
    }
}

fn demo() -> Dataset {
    rasid_kiosk::demo::demo_dataset()
}

/// The view of `board` over the demo data, as the wall computes it.
fn demo_view(board: BoardName) -> BoardView {
    build_board(board, &demo(), &BoardFilter::default(), &context())
}

/// Every board in order, each shown for an hour: rotation never happens during a test.
fn all_boards() -> Vec<PlaylistItem> {
    BoardName::ALL
        .iter()
        .map(|b| PlaylistItem {
            board: *b,
            seconds: 3600,
            filter: BoardFilter::default(),
        })
        .collect()
}

fn only(board: BoardName) -> Vec<PlaylistItem> {
    vec![PlaylistItem {
        board,
        seconds: 3600,
        filter: BoardFilter::default(),
    }]
}

/// A wall on `data` with a fixed clock, so the header is the same on every run.
fn wall(playlist: Vec<PlaylistItem>, data: Dataset) -> Wall {
    let source = DatasetSource::new(data, context());
    let mut wall = Wall::new(env(), Box::new(source), playlist);
    let fixed = Local
        .with_ymd_and_hms(2024, 2, 12, 10, 30, 0)
        .single()
        .expect("a plain local time");
    wall.clock = Clock::Fixed(fixed);
    wall
}

/// A wall in a harness without a renderer: for reading the accessibility tree and keys.
fn harness(wall: Wall) -> Harness<'static, Wall> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_context_setup(text::fonts::install)
        .build_ui_state(|ui, wall: &mut Wall| wall.ui(ui), wall);
    h.run_steps(2);
    h
}

/// A wall rendered through wgpu at `width`×`height` pixels (the 1080-point canvas scaled).
fn rendered(wall: Wall, width: f32, height: f32) -> Harness<'static, Wall> {
    let ppp = height / 1080.0;
    let mut h = Harness::builder()
        .with_size(egui::vec2(width / ppp, 1080.0))
        .with_pixels_per_point(ppp)
        .with_context_setup(text::fonts::install)
        .wgpu()
        .build_ui_state(|ui, wall: &mut Wall| wall.ui(ui), wall);
    h.run_steps(3);
    h
}

fn snapshot_1080p(board: BoardName) {
    let mut h = rendered(wall(only(board), demo()), 1920.0, 1080.0);
    h.snapshot(format!("board_{}_1080p", board.as_str()));
}

// ---- Snapshots -------------------------------------------------------------------------

#[test]
fn board_decision_execution_1080p() {
    snapshot_1080p(BoardName::DecisionExecution);
}

#[test]
fn board_centers_1080p() {
    snapshot_1080p(BoardName::Centers);
}

#[test]
fn board_overdue_1080p() {
    snapshot_1080p(BoardName::Overdue);
}

#[test]
fn board_budget_1080p() {
    snapshot_1080p(BoardName::Budget);
}

#[test]
fn board_kpi_1080p() {
    snapshot_1080p(BoardName::Kpi);
}

#[test]
fn board_committees_1080p() {
    snapshot_1080p(BoardName::Committees);
}

#[test]
fn board_projects_1080p() {
    snapshot_1080p(BoardName::Projects);
}

#[test]
fn board_reporting_1080p() {
    snapshot_1080p(BoardName::Reporting);
}

/// The budget board narrowed to the secretariat: the annual report's own figures.
#[test]
fn board_budget_secretariat_1080p() {
    let filter = BoardFilter {
        center: Some(CenterCode::new("GSC").expect("a valid code")),
        year: None,
        period: None,
        by: None,
    };
    let playlist = vec![PlaylistItem {
        board: BoardName::Budget,
        seconds: 3600,
        filter,
    }];
    let mut h = rendered(wall(playlist, demo()), 1920.0, 1080.0);
    h.snapshot("board_budget_secretariat_1080p");
}

#[test]
fn board_decision_execution_4k() {
    let mut h = rendered(
        wall(only(BoardName::DecisionExecution), demo()),
        3840.0,
        2160.0,
    );
    h.snapshot("board_decision-execution_4k");
}

#[test]
fn board_classification_1080p() {
    snapshot_1080p(BoardName::Classification);
}

#[test]
fn board_classification_4k() {
    let mut h = rendered(
        wall(only(BoardName::Classification), demo()),
        3840.0,
        2160.0,
    );
    h.snapshot("board_classification_4k");
}

#[test]
fn board_complaints_1080p() {
    snapshot_1080p(BoardName::Complaints);
}

#[test]
fn board_complaints_4k() {
    let mut h = rendered(wall(only(BoardName::Complaints), demo()), 3840.0, 2160.0);
    h.snapshot("board_complaints_4k");
}

#[test]
fn board_trends_1080p() {
    snapshot_1080p(BoardName::Trends);
}

#[test]
fn board_trends_4k() {
    let mut h = rendered(wall(only(BoardName::Trends), demo()), 3840.0, 2160.0);
    h.snapshot("board_trends_4k");
}

// ---- The wall in Persian ---------------------------------------------------------------

/// A Persian wall's boards.toml: Persian words and digits, Solar Hijri dates, every board.
const PERSIAN_WALL: &str = "[wall]\nlanguage = \"persian\"\ncalendar = \"solar-hijri\"\n\
    digits = \"persian\"\n[[screen]]\nname = \"tehran\"\nboards = [{ board = \"decision-execution\" }, \
    { board = \"centers\" }, { board = \"overdue\" }, { board = \"budget\" }, { board = \"kpi\" }, \
    { board = \"committees\" }, { board = \"projects\" }, { board = \"reporting\" }]\n";

/// `board` at 1080p as `rasid-kiosk --demo --screenshot` draws it with [`PERSIAN_WALL`].
fn snapshot_persian_1080p(board: BoardName) {
    let cfg = rasid_kiosk::config::parse(PERSIAN_WALL).expect("a valid boards.toml");
    let mut w = wall(all_boards(), demo());
    w.show_as_screen(&cfg, None, board)
        .expect("the configuration's first screen");
    let mut h = rendered(w, 1920.0, 1080.0);
    h.snapshot(format!("board_{}_fa_1080p", board.as_str()));
}

#[test]
fn board_decision_execution_fa_1080p() {
    snapshot_persian_1080p(BoardName::DecisionExecution);
}

#[test]
fn board_centers_fa_1080p() {
    snapshot_persian_1080p(BoardName::Centers);
}

#[test]
fn board_overdue_fa_1080p() {
    snapshot_persian_1080p(BoardName::Overdue);
}

#[test]
fn board_budget_fa_1080p() {
    snapshot_persian_1080p(BoardName::Budget);
}

#[test]
fn board_kpi_fa_1080p() {
    snapshot_persian_1080p(BoardName::Kpi);
}

#[test]
fn board_committees_fa_1080p() {
    snapshot_persian_1080p(BoardName::Committees);
}

#[test]
fn board_projects_fa_1080p() {
    snapshot_persian_1080p(BoardName::Projects);
}

#[test]
fn board_reporting_fa_1080p() {
    snapshot_persian_1080p(BoardName::Reporting);
}

#[test]
fn board_legislation_1080p() {
    snapshot_1080p(BoardName::Legislation);
}

#[test]
fn board_legislation_4k() {
    let mut h = rendered(wall(only(BoardName::Legislation), demo()), 3840.0, 2160.0);
    h.snapshot("board_legislation_4k");
}

#[test]
fn board_legislation_fa_1080p() {
    snapshot_persian_1080p(BoardName::Legislation);
}

#[test]
fn board_classification_fa_1080p() {
    snapshot_persian_1080p(BoardName::Classification);
}

#[test]
fn board_complaints_fa_1080p() {
    snapshot_persian_1080p(BoardName::Complaints);
}

#[test]
fn board_trends_fa_1080p() {
    snapshot_persian_1080p(BoardName::Trends);
}

// ---- What a person reads ---------------------------------------------------------------

#[test]
fn decision_board_shows_the_executed_share() {
    let h = harness(wall(only(BoardName::DecisionExecution), demo()));
    // The headline card and the ring's legend both say it.
    assert!(h.query_all_by_label("٤٥٪").count() >= 2);
    h.get_by_label(&boards::title(BoardName::DecisionExecution, &env()));
}

#[test]
fn overdue_board_lists_the_most_overdue_decision_first_by_number() {
    let BoardView::Overdue(view) = demo_view(BoardName::Overdue) else {
        unreachable!()
    };
    let first = &view.rows[0];
    let (number, _) = boards::decision_number(&first.number, &env());
    let h = harness(wall(only(BoardName::Overdue), demo()));
    let cell = h.get_by_label(&number);
    // Its row is the top one: no other decision number of the list is painted above it.
    let second = boards::decision_number(&view.rows[1].number, &env()).0;
    let below = h.get_by_label(&second);
    assert!(cell.rect().min.y < below.rect().min.y);
    h.get_by_label(&format!("القرار {number}"));
    h.get_by_label(&env().int(view.total));
}

#[test]
fn complaints_board_reads_the_reports_year() {
    let h = harness(wall(only(BoardName::Complaints), demo()));
    h.get_by_label("الشكاوى الواردة");
    h.get_by_label("٢٣٣");
    h.get_by_label("١٠٦");
    h.get_by_label("١٢٧");
    h.get_by_label("قُبلت ٦٨ ورُفضت ٥٩");
    assert_eq!(
        h.query_all_by_label("٩٦٪").count(),
        2,
        "the card and the center's bar"
    );
    h.get_by_label("عولجت ٦٥ من ٦٨ مقبولة");
    assert!(h.query_all_by_label("مقبولة قيد المعالجة").count() >= 1);
    h.get_by_label("منها ٢ عالقة بعد المدة المسموح بها");
    h.get_by_label("الأمانة العامة لمجلس الوزراء (٢ عالقة)");
}

#[test]
fn legislation_board_reads_the_plans_year() {
    let h = harness(wall(only(BoardName::Legislation), demo()));
    h.get_by_label("نسبة إنجاز الخطة");
    h.get_by_label("٣١٪");
    h.get_by_label("أُنجز ٢٨ من ٩١ في الخطة");
    h.get_by_label("قوانين نُسّبت للرئيس");
    h.get_by_label("و٣٢ قيد العمل");
    h.get_by_label("أنظمة ولوائح صودق عليها");
    h.get_by_label("و٣١ قيد العمل");
    h.get_by_label("و٤ قيد العمل");
    h.get_by_label("أُضيفت من خارج الخطة");
    h.get_by_label("أُنجز منها ٤");
    h.get_by_label("١٬٠٨٠");
    h.get_by_label("أُنجزت في الربع الرابع");
    h.get_by_label("قيد القراءات في المجلس");
}

#[test]
fn trends_board_reads_the_rate_now_and_three_months_before_and_last_years_spending() {
    let e = env();
    let BoardView::Trends(view) = demo_view(BoardName::Trends) else {
        unreachable!()
    };
    let h = harness(wall(only(BoardName::Trends), demo()));
    h.get_by_label("نسبة تنفيذ القرارات في نهاية ديسمبر");
    h.get_by_label("نسبة تنفيذ القرارات في نهاية سبتمبر");
    // December's share is the decision-execution board's.
    assert!(h.query_all_by_label("٤٥٪").count() >= 1);
    let dec = view.execution.last().expect("twelve months");
    h.get_by_label(&format!(
        "{} منفذة من {} ورد عنها تقرير",
        e.int(dec.counts.executed),
        e.int(dec.counts.analysed())
    ));
    let spent = view.spending.last().expect("a spending month");
    h.get_by_label(&e.pct(spent.rate.expect("a rate")));
    h.get_by_label(&format!(
        "العام السابق في الشهر نفسه: {}",
        e.pct(spent.previous_year_rate.expect("last year's"))
    ));
    h.get_by_label("نسبة القرارات المنفذة في نهاية كل شهر من ٢٠٢٣");
}

/// In its current month the trend is counted to the board's day, and the card says that day.
#[test]
fn the_current_months_rate_is_said_as_of_today_not_at_a_months_end() {
    let e = env();
    let mut data = demo();
    // A status of today's month: the board's year is now the wall's current one.
    let today = demo_today();
    let mut current = data
        .decisions
        .values()
        .find(|d| !d.value.routine && d.value.kind == DecisionKind::Decision)
        .expect("demo decisions")
        .value
        .clone();
    current.date = today;
    current.number = DecisionNumber::new(18, 999, 1);
    let center = current.centers[0].clone();
    let number = current.number;
    data.apply(RecordEnvelope {
        center: CenterCode::new("GSC").expect("a code"),
        as_of: today,
        revision: 1,
        record: Record::Decision(current),
    });
    data.apply(RecordEnvelope {
        center,
        as_of: today,
        revision: 1,
        record: Record::DecisionStatus(DecisionStatus {
            decision: number,
            status: ExecutionStatus::Executed,
            progress: 100,
            note: String::new(),
            follow_ups: vec![],
        }),
    });
    let h = harness(wall(only(BoardName::Trends), data));
    h.get_by_label(&format!("نسبة تنفيذ القرارات في {}", e.date(today)));
    assert!(
        h.query_by_label("نسبة تنفيذ القرارات في نهاية فبراير")
            .is_none()
    );
}

#[test]
fn moved_goalposts_are_read_with_who_moved_them_and_when() {
    let e = env();
    let BoardView::Overdue(overdue) = demo_view(BoardName::Overdue) else {
        unreachable!()
    };
    let h = harness(wall(only(BoardName::Overdue), demo()));
    h.get_by_label("مواعيد تنفيذ أُجّلت بعد تحديدها: ٣٠، منها ٢ لا تبدو متأخرة إلا بموعدها الأول");
    let m = &overdue.moved[0];
    h.get_by_label(&boards::decision_number(&m.number, &e).0);
    h.get_by_label(&format!(
        "من {} إلى {} · بتعديل من الأمانة العامة لمجلس الوزراء في {}",
        e.date(m.first_due),
        e.date(m.due.expect("moved, not removed")),
        e.date(m.as_of)
    ));
    h.get_by_label(&e.count("count-days", m.days_late_against_first));

    let BoardView::Kpi(kpi) = demo_view(BoardName::Kpi) else {
        unreachable!()
    };
    let h = harness(wall(only(BoardName::Kpi), demo()));
    h.get_by_label("مستهدفات خُفّضت بعد إعلانها: ٣٨ · والإنجاز مقيساً بالمستهدف الأول");
    let l = &kpi.lowered[0];
    h.get_by_label(&e.digits_of(&l.name));
    h.get_by_label(&format!(
        "{} · مستهدف الربع الأول من ٥ ورشة إلى ٣ ورشة · في {}",
        l.center_ar,
        e.date(l.as_of)
    ));
    h.get_by_label(&e.pct(l.achievement_first_pct.expect("a first target")));
}

#[test]
fn decision_number_reads_as_written_in_its_cell_and_inside_arabic() {
    let h = Harness::builder()
        .with_context_setup(text::fonts::install)
        .build_ui(|_ui| {});
    let (number, spec) = boards::decision_number(&DecisionNumber::new(18, 212, 2), &env());
    assert_eq!(number, "١٨/٢١٢/٠٢");
    let read = |s: &str, spec: &text::TextStyleSpec| -> String {
        let galley = h
            .ctx
            .fonts_mut(|f| layout_rtl_paragraph(f, s, spec, 2000.0, None));
        // Visible glyphs only: egui 0.37 adds zero-width duplicates after right-to-left runs.
        let mut glyphs: Vec<(f32, char)> = galley
            .rows
            .iter()
            .flat_map(|r| {
                r.row
                    .glyphs
                    .iter()
                    .filter(|g| g.advance_width > 0.0)
                    .map(move |g| (r.pos.x + g.pos.x, g.chr))
            })
            .filter(|(_, c)| c.is_numeric() || *c == '/')
            .collect();
        glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
        glyphs.into_iter().map(|(_, c)| c).collect()
    };
    assert_eq!(read(&number, &spec), "١٨/٢١٢/٠٢", "in its own cell");
    let in_sentence = rasid_kiosk::widgets::rtl(24.0, egui::Color32::WHITE);
    assert_eq!(
        read(&format!("القرار {number}"), &in_sentence),
        "١٨/٢١٢/٠٢",
        "inside an Arabic note"
    );
}

#[test]
fn centers_board_names_the_weakest_center_in_the_ranking_and_at_the_side() {
    let BoardView::Centers(view) = demo_view(BoardName::Centers) else {
        unreachable!()
    };
    let weakest = view
        .rows
        .iter()
        .rev()
        .find(|r| r.rate.is_some())
        .expect("demo centers report");
    let h = harness(wall(only(BoardName::Centers), demo()));
    assert_eq!(
        h.query_all_by_label(&weakest.name_ar).count(),
        2,
        "its bar and the weakest list"
    );
    let rate = env().pct(weakest.rate.unwrap_or_default());
    assert!(h.query_all_by_label(&rate).count() >= 1);
    h.get_by_label("الأضعف تنفيذاً");
}

#[test]
fn classification_board_reads_the_weakest_sector_first_with_its_rate_and_counts() {
    let BoardView::Classification(view) = demo_view(BoardName::Classification) else {
        unreachable!()
    };
    let e = env();
    let weakest = &view.rows[0];
    let name = weakest
        .class
        .as_deref()
        .expect("the demo classifies its decisions");
    let h = harness(wall(only(BoardName::Classification), demo()));
    h.get_by_label("نسبة التنفيذ حسب القطاع، الأضعف أولاً");
    let first = h.get_by_label(name);
    let strongest = view.rows[view.rows.len() - 2]
        .class
        .as_deref()
        .expect("a sector");
    assert!(
        first.rect().min.y < h.get_by_label(strongest).rect().min.y,
        "the weakest sector is above the strongest"
    );
    let rate = e.pct(weakest.rate.expect("reported"));
    assert_eq!(rate, "٢٧٪");
    h.get_by_label(&rate);
    h.get_by_label(&e.int(weakest.counts.not_started));
    // The unclassified: named in the last row, counted on the card at the side.
    let unclassified = h.get_by_label("غير مصنّفة");
    assert!(unclassified.rect().min.y > first.rect().min.y);
    h.get_by_label("قرارات بلا قطاع");
    assert_eq!(e.int(view.unclassified), "٣٠");
    assert!(
        h.query_all_by_label("٣٠").count() >= 2,
        "the card and the row's count"
    );
    h.get_by_label(&e.count("decisions-routine-excluded", view.routine_excluded));
}

#[test]
fn classification_board_by_program_says_so_and_elides_a_long_class_whole_words_first() {
    let long = "برنامج وطني لتعزيز صمود المواطنين في المناطق المهمشة والمهددة بالاستيطان والجدار ";
    let view = ClassificationBoard {
        by: ClassifyBy::Program,
        as_of: None,
        rows: vec![ClassRow {
            class: Some(long.repeat(2).trim().to_string()),
            counts: ExecutionCounts {
                executed: 3,
                in_progress: 1,
                ..Default::default()
            },
            rate: Some(75.0),
            as_of: None,
        }],
        decisions: 4,
        unclassified: 0,
        routine_excluded: 0,
    };
    let e = env();
    let v = BoardView::Classification(view);
    let h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_context_setup(text::fonts::install)
        .build_ui(move |ui| boards::show(ui, ui.max_rect(), &v, &e));
    h.get_by_label("نسبة التنفيذ حسب البرنامج الحكومي، الأضعف أولاً");
    h.get_by_label("البرنامج الحكومي");
    h.get_by_label("قرارات بلا برنامج حكومي");
    let full = long.repeat(2).trim().to_string();
    let name = h.get_by_label(&full);
    // Its column takes at most 42% of the bars' area: the name is cut, not the bar.
    assert!(name.rect().width() < 1920.0 * 0.42, "{:?}", name.rect());
}

#[test]
fn centers_without_a_report_say_so_and_never_zero_percent() {
    let mut view = match demo_view(BoardName::Centers) {
        BoardView::Centers(v) => v,
        _ => unreachable!(),
    };
    let last = view.rows.last_mut().expect("demo centers");
    last.rate = None;
    last.counts = ExecutionCounts {
        unreported: 4,
        ..Default::default()
    };
    let name = last.name_ar.clone();
    let view = BoardView::Centers(view);
    let env = env();
    let h = Harness::builder()
        .with_size(egui::vec2(1920.0, 916.0))
        .with_context_setup(text::fonts::install)
        .build_ui(move |ui| boards::show(ui, ui.max_rect().shrink(20.0), &view, &env));
    // In its row (and in the legend), and named among those without a report at the side.
    assert!(h.query_all_by_label("لم يرد تقرير").count() >= 2);
    assert!(h.query_all_by_label(&name).count() >= 1);
    h.get_by_label_contains("لم ترد تقارير بعد");
    assert!(
        h.query_by_label("٠٪").is_none(),
        "no 0% for a center that has not reported"
    );
}

#[test]
fn committees_board_shows_the_approval_rate() {
    let h = harness(wall(only(BoardName::Committees), demo()));
    h.get_by_label("٩١٪");
    h.get_by_label("١٩٥ توصية من ٢١٤");
    h.get_by_label("٣٠٠");
}

#[test]
fn budget_board_says_amounts_with_their_currency() {
    let BoardView::Budget(view) = demo_view(BoardName::Budget) else {
        unreachable!()
    };
    let env = env();
    let h = harness(wall(only(BoardName::Budget), demo()));
    h.get_by_label(&format!("{} شيكل", env.int(view.total.allocated)));
    h.get_by_label("المخصص (مليون شيكل)");
    let short = env.amount(view.total.allocated);
    h.get_by_label(short.rsplit_once(' ').map(|x| x.0).unwrap_or(&short));
}

#[test]
fn budget_board_of_the_secretariat_shows_the_reports_figures() {
    let filter = BoardFilter {
        center: Some(CenterCode::new("GSC").expect("a valid code")),
        year: None,
        period: None,
        by: None,
    };
    let playlist = vec![PlaylistItem {
        board: BoardName::Budget,
        seconds: 3600,
        filter,
    }];
    let h = harness(wall(playlist, demo()));
    h.get_by_label("٣٬٢٢٢٬٠٣٦ شيكل");
    h.get_by_label("٢٬١٦١٬٥٩٤ شيكل");
    assert!(
        h.query_all_by_label("٦٧٪").count() >= 1,
        "the execution rate"
    );
    h.get_by_label("٣٫٢");
}

#[test]
fn kpi_board_lists_the_weakest_indicator() {
    let BoardView::Kpi(view) = demo_view(BoardName::Kpi) else {
        unreachable!()
    };
    let weakest = &view.rows[0];
    let env = env();
    let h = harness(wall(only(BoardName::Kpi), demo()));
    assert!(h.query_all_by_label(&env.digits_of(&weakest.name)).count() >= 1);
    h.get_by_label("المؤشرات الأضعف إنجازاً في آخر ربع");
}

#[test]
fn reporting_board_names_what_a_late_center_owes() {
    let BoardView::Reporting(view) = demo_view(BoardName::Reporting) else {
        unreachable!()
    };
    assert!(view.late > 0, "the demo has a late center");
    let h = harness(wall(only(BoardName::Reporting), demo()));
    // The legal directorate and the tourism ministry owe December's budget and Q4's indicators.
    assert_eq!(
        h.query_all_by_label_contains("متأخرة: موازنة ديسمبر ٢٠٢٣، مؤشرات الربع الرابع ٢٠٢٣")
            .count(),
        2
    );
    h.get_by_label("موازنة سبتمبر–ديسمبر ٢٠٢٣");
    assert_eq!(
        h.query_all_by_label("استُحقت في ٣٠ يناير ٢٠٢٤").count(),
        2,
        "four-monthly budget and Q4 indicators"
    );
}

// ---- Operator keys ----------------------------------------------------------------------

fn shows(h: &Harness<'_, Wall>, board: BoardName) -> bool {
    h.query_by_label(&boards::title(board, &env())).is_some()
}

fn press(h: &mut Harness<'_, Wall>, key: Key) {
    h.key_press(key);
    h.run_steps(2);
}

#[test]
fn arrow_left_and_page_down_show_the_next_board() {
    let mut h = harness(wall(all_boards(), demo()));
    assert!(shows(&h, BoardName::DecisionExecution));
    press(&mut h, Key::ArrowLeft);
    assert!(shows(&h, BoardName::Centers) && !shows(&h, BoardName::DecisionExecution));
    press(&mut h, Key::PageDown);
    assert!(shows(&h, BoardName::Overdue));
}

/// The kiosk keeps the laid-out text of a board while others are shown (kiosk/src/text/cache.rs):
/// when the board comes round again, it must look exactly as it did the first time.
#[test]
fn a_board_shown_again_after_another_looks_the_same_as_the_first_time() {
    let mut h = rendered(wall(all_boards(), demo()), 1920.0, 1080.0);
    let first = h.render().expect("rendering the decision board");
    press(&mut h, Key::ArrowLeft);
    assert!(shows(&h, BoardName::Centers));
    let centers = h.render().expect("rendering the centers board");
    assert_ne!(first, centers, "another board was expected on screen");
    press(&mut h, Key::ArrowRight);
    assert!(shows(&h, BoardName::DecisionExecution));
    let again = h.render().expect("rendering the decision board again");
    let differing = first
        .pixels()
        .zip(again.pixels())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(differing, 0, "{differing} pixels differ the second time");
}

#[test]
fn arrow_right_and_page_up_show_the_previous_board_wrapping_around() {
    let mut h = harness(wall(all_boards(), demo()));
    press(&mut h, Key::ArrowRight);
    assert!(
        shows(&h, BoardName::Legislation),
        "before the first comes the last"
    );
    press(&mut h, Key::PageUp);
    assert!(shows(&h, BoardName::Complaints));
}

#[test]
fn a_digit_jumps_to_that_board() {
    let mut h = harness(wall(all_boards(), demo()));
    press(&mut h, Key::Num5);
    assert!(shows(&h, BoardName::Kpi));
    press(&mut h, Key::Num1);
    assert!(shows(&h, BoardName::DecisionExecution));
    press(&mut h, Key::Num9);
    assert!(shows(&h, BoardName::Classification));
    let mut eight = all_boards();
    eight.truncate(8);
    let mut h = harness(wall(eight, demo()));
    press(&mut h, Key::Num9);
    assert!(
        shows(&h, BoardName::DecisionExecution),
        "no ninth board: nothing happens"
    );
}

#[test]
fn h_and_f1_toggle_the_help_and_escape_closes_it() {
    let mut h = harness(wall(all_boards(), demo()));
    assert!(h.query_by_label("مفاتيح المشغّل").is_none());
    press(&mut h, Key::H);
    h.get_by_label("مفاتيح المشغّل");
    press(&mut h, Key::H);
    assert!(h.query_by_label("مفاتيح المشغّل").is_none());
    press(&mut h, Key::F1);
    h.get_by_label("مفاتيح المشغّل");
    press(&mut h, Key::Escape);
    assert!(h.query_by_label("مفاتيح المشغّل").is_none());
}

#[test]
fn space_pauses_the_rotation_and_resumes_it() {
    let mut h = harness(wall(all_boards(), demo()));
    press(&mut h, Key::Space);
    assert!(h.state().paused);
    h.run_steps(5);
    assert!(
        shows(&h, BoardName::DecisionExecution),
        "paused: the board stays"
    );
    // Paused, the operator still moves by hand.
    press(&mut h, Key::ArrowLeft);
    assert!(shows(&h, BoardName::Centers) && h.state().paused);
    press(&mut h, Key::Space);
    assert!(!h.state().paused);
}

// ---- Empty and malformed data -------------------------------------------------------------

#[test]
fn every_board_over_an_empty_dataset_says_there_is_no_data() {
    for board in BoardName::ALL {
        let h = harness(wall(only(board), Dataset::default()));
        assert!(shows(&h, board));
        assert_eq!(
            h.query_all_by_label(&boards::no_data_text(&env())).count(),
            1,
            "{board}: one no-data message, no zeros"
        );
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Rates at every edge, one after another: not a number, negative, over 100%, none, infinite.
fn edge_rate(i: usize) -> Option<f64> {
    [
        Some(f64::NAN),
        Some(-5.0),
        Some(250.0),
        None,
        Some(f64::INFINITY),
    ][i % 5]
}

/// View models with every field at an edge: NaN, infinities, negatives, huge numbers, empty
/// names, rows of one or of many.
fn malformed_views() -> Vec<BoardView> {
    let code = CenterCode::new("MOH").expect("a valid code");
    // Large, but summing within u32: `ExecutionCounts::analysed` (shared) adds without saturating.
    let counts = ExecutionCounts {
        executed: 4_000_000_000,
        in_progress: 0,
        not_started: 7,
        blocked: 3,
        unreported: 1,
    };
    let centers = CenterRankingBoard {
        as_of: None,
        rows: (0..60)
            .map(|i| CenterExecutionRow {
                center: code.clone(),
                name_ar: if i % 3 == 0 {
                    String::new()
                } else {
                    "جهة باسم طويل جداً لا يتسع له أي عمود مهما اتسع ".repeat(3)
                },
                name_en: String::new(),
                counts,
                rate: edge_rate(i),
                as_of: None,
                trend: match i % 4 {
                    0 => vec![],
                    1 => vec![None; 12],
                    2 => vec![Some(f64::NAN), Some(f64::INFINITY), Some(-5.0), Some(1e300)],
                    _ => (0..400).map(|k| Some(k as f64)).collect(),
                },
            })
            .collect(),
        trend_year: Some(i32::MAX),
    };
    let overdue = OverdueBoard {
        today: day(2024, 2, 12),
        as_of: None,
        checked: u32::MAX,
        total: u32::MAX,
        rows: vec![OverdueRow {
            number: DecisionNumber::new(u16::MAX, u32::MAX, u16::MAX),
            kind: DecisionKind::Assignment,
            date: NaiveDate::MIN,
            title: String::new(),
            centers: vec![],
            lead_center_ar: String::new(),
            due: NaiveDate::MAX,
            days_overdue: i64::MIN,
            first_due: Some(NaiveDate::MIN),
            days_overdue_first: Some(i64::MAX),
            execution: Execution::InProgress,
            progress: u8::MAX,
        }],
        moved: vec![MovedDue {
            number: DecisionNumber::new(u16::MAX, u32::MAX, u16::MAX),
            title: "\u{202e}".repeat(500),
            centers: vec![],
            lead_center_ar: String::new(),
            first_due: NaiveDate::MAX,
            due: None,
            by: code.clone(),
            by_ar: "\u{200f}".repeat(300),
            first_as_of: NaiveDate::MIN,
            as_of: NaiveDate::MAX,
            revision: u64::MAX,
            moved_after_due: true,
            days_late_against_first: i64::MAX,
            execution: Execution::Unreported,
        }],
        moved_total: u32::MAX,
        hidden_by_move: u32::MAX,
    };
    let totals = BudgetTotals {
        allocated: 0,
        committed: i64::MIN,
        spent: -1,
    };
    let budget = BudgetBoard {
        as_of: None,
        period: None,
        year: Some(i32::MAX),
        currency: String::new(),
        other_currencies: vec!["USD".into(), "???".into()],
        latest_month: 0,
        total: BudgetTotals {
            allocated: i64::MAX,
            committed: 0,
            spent: i64::MIN,
        },
        by_category: vec![CategoryBudgetRow {
            category: BudgetCategory::Salaries,
            totals,
        }],
        by_center: vec![CenterBudgetRow {
            center: code.clone(),
            name_ar: String::new(),
            totals,
        }],
        by_program: vec![],
        monthly: vec![MonthSpending {
            month: 13,
            spent: i64::MAX,
            cumulative_spent: i64::MIN,
            linear_plan: i64::MAX,
        }],
    };
    let kpi_row = KpiRow {
        center: code.clone(),
        center_ar: String::new(),
        program: String::new(),
        indicator: String::new(),
        name: String::new(),
        unit: "%".into(),
        quarter: 9,
        quarter_target: f64::NAN,
        actual: f64::INFINITY,
        achievement_pct: Some(f64::NAN),
        achievement: Achievement::Missed,
        first_quarter_target: Some(f64::NEG_INFINITY),
        achievement_first_pct: Some(f64::INFINITY),
        annual_target: -1.0,
        year_to_date: f64::NEG_INFINITY,
        cost_planned: Some(0.0),
        cost_actual: Some(f64::NAN),
    };
    let kpi = KpiBoard {
        as_of: None,
        year: Some(1),
        thresholds: KpiThresholds {
            met: f64::NAN,
            partly: -1.0,
        },
        quarters: vec![QuarterSummary {
            quarter: 9,
            indicators: 0,
            met: 0,
            partly: 0,
            missed: 0,
            mean_achievement: Some(f64::NAN),
        }],
        latest_quarter: 9,
        rows: vec![kpi_row; 3],
        lowered: vec![LoweredTarget {
            center: code.clone(),
            center_ar: "\u{0640}".repeat(400),
            program: String::new(),
            indicator: String::new(),
            name: "ا".repeat(2000),
            unit: "\u{202e}".into(),
            year: i32::MIN,
            quarter: 0,
            first_quarter_target: f64::NAN,
            quarter_target: f64::INFINITY,
            first_annual_target: -0.0,
            annual_target: f64::MAX,
            actual: f64::MIN,
            achievement_pct: Some(f64::NAN),
            achievement_first_pct: None,
            first_as_of: NaiveDate::MAX,
            as_of: NaiveDate::MIN,
            revision: 0,
        }],
        lowered_total: u32::MAX,
    };
    let committees = CommitteesBoard {
        as_of: None,
        year: Some(0),
        committees: 0,
        formed: u32::MAX,
        active: 0,
        finished: 0,
        meetings: 0,
        minutes: 0,
        minutes_to_cabinet: 0,
        recommendations_submitted: 0,
        recommendations_approved: u32::MAX,
        busiest: vec![CommitteeRow {
            committee: String::new(),
            name: String::new(),
            meetings: 0,
            recommendations_submitted: 0,
            recommendations_approved: 0,
            status: CommitteeStatus::Finished,
        }],
    };
    let reporting = ReportingBoard {
        as_of: None,
        today: day(2024, 2, 12),
        year: 2024,
        month: 0,
        quarter: 0,
        centers: (0..80)
            .map(|i| CenterReporting {
                center: code.clone(),
                name_ar: String::new(),
                name_en: String::new(),
                last_as_of: None,
                last_received: None,
                last_heard: None,
                budget_this_month: i % 2 == 0,
                kpi_this_quarter: false,
                cycles: vec![CycleState {
                    report: DueReport::FourMonthBudget {
                        year: i32::MAX,
                        period: 9,
                    },
                    received: false,
                    owed: true,
                }],
                late: i % 3 == 0,
                missing: vec![
                    DueReport::MonthlyBudget {
                        year: i32::MIN,
                        month: 99,
                    },
                    DueReport::QuarterlyKpi {
                        year: 2024,
                        quarter: 0,
                    },
                ],
            })
            .collect(),
        kiosks: vec![],
        walls: Vec::new(),
        budget_reported: 0,
        kpi_reported: 0,
        cycles: vec![CycleTotal {
            report: DueReport::YearlyBudget { year: i32::MAX },
            received: u32::MAX,
            owed: 0,
        }],
        late: 0,
    };
    let decisions = DecisionExecutionBoard {
        as_of: None,
        issued_decisions: u32::MAX,
        issued_assignments: 0,
        sessions: 0,
        decisions: counts,
        assignments: ExecutionCounts::default(),
        routine_excluded: u32::MAX,
        trend: vec![MonthExecution {
            year: 0,
            month: 0,
            counts,
        }],
        follow_ups: FollowUpCounts::default(),
    };
    let classification = ClassificationBoard {
        by: ClassifyBy::Type,
        as_of: None,
        rows: (0..60)
            .map(|i| ClassRow {
                class: match i % 4 {
                    0 => None,
                    1 => Some(String::new()),
                    _ => Some("تصنيف طويل جداً لا يتسع له أي عمود مهما اتسع ".repeat(4)),
                },
                counts,
                rate: edge_rate(i),
                as_of: None,
            })
            .collect(),
        decisions: 0,
        unclassified: u32::MAX,
        routine_excluded: u32::MAX,
    };
    let trends = TrendsBoard {
        as_of: None,
        year: Some(i32::MIN),
        execution: (0..40)
            .map(|i| ExecutionPoint {
                month: (i % 15) as u8,
                day: NaiveDate::MAX,
                counts,
                rate: edge_rate(i),
            })
            .collect(),
        currency: "\u{202e}".repeat(50),
        spending: (0..30)
            .map(|i| SpendingPoint {
                month: i as u8,
                rate: edge_rate(i),
                previous_year_rate: edge_rate(i + 1),
            })
            .collect(),
    };
    let n = ComplaintCounts {
        received: u64::MAX,
        referred: u64::MAX,
        accepted: 0,
        rejected: u64::MAX,
        processed: u64::MAX,
        pending: 0,
        overdue: u64::MAX,
    };
    let complaints = ComplaintsBoard {
        as_of: None,
        year: Some(i32::MAX),
        total: n,
        processing_rate: Some(f64::NAN),
        centers: (0..80)
            .map(|i| CenterComplaints {
                center: code.clone(),
                name_ar: "\u{202e}".repeat(i),
                counts: n,
                processing_rate: edge_rate(i),
                as_of: None,
            })
            .collect(),
        quarters: (0..30)
            .map(|i| QuarterComplaints {
                quarter: i as u8,
                counts: n,
                processing_rate: edge_rate(i),
            })
            .collect(),
    };
    let item = |i: usize| LegislationItemRow {
        code: "\u{202e}".repeat(i),
        title: "\u{202e}".repeat(i * 7),
        item_type: LegislationType::Law,
        stage: LegislationStage::Readings,
        responsible: code.clone(),
        responsible_ar: "\u{202e}".repeat(i),
        planned_quarter: Some(u8::MAX),
        done: None,
        quarters_late: u32::MAX,
    };
    let huge = LegislationCounts {
        items: 0,
        done: u64::MAX,
    };
    let legislation = LegislationBoard {
        as_of: None,
        year: Some(i32::MIN),
        day: None,
        plan: huge,
        plan_rate: Some(f64::INFINITY),
        outside_plan: huge,
        by_type: (0..30)
            .map(|_| LegislationTypeRow {
                item_type: LegislationType::Strategy,
                counts: huge,
            })
            .collect(),
        open_by_stage: (0..30)
            .map(|i| LegislationStageRow {
                stage: LegislationStage::Drafting,
                items: if i % 2 == 0 { u64::MAX } else { 0 },
            })
            .collect(),
        late: (0..300).map(item).collect(),
        this_quarter: Some(u8::MAX),
        done_this_quarter: (0..300).map(item).collect(),
        memoranda: u64::MAX,
        memoranda_quarters: Vec::new(),
    };
    vec![
        BoardView::Legislation(legislation),
        BoardView::Complaints(complaints),
        BoardView::Trends(trends),
        BoardView::Classification(classification),
        BoardView::DecisionExecution(decisions),
        BoardView::Centers(centers),
        BoardView::Overdue(overdue),
        BoardView::Budget(budget),
        BoardView::Kpi(kpi),
        BoardView::Committees(committees),
        BoardView::Reporting(reporting),
    ]
}

#[test]
fn malformed_view_models_never_panic_at_any_size() {
    for view in malformed_views() {
        for size in [
            egui::vec2(1920.0, 1080.0),
            egui::vec2(640.0, 360.0),
            egui::vec2(60.0, 40.0),
        ] {
            let env = env();
            let v = view.clone();
            let mut h = Harness::builder()
                .with_size(size)
                .with_context_setup(text::fonts::install)
                .build_ui(move |ui| boards::show(ui, ui.max_rect(), &v, &env));
            h.run_steps(2);
        }
    }
}

#[test]
fn overdue_board_says_nothing_is_overdue_rather_than_no_data() {
    use rasid_shared::model::*;
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let mut data = Dataset::default();
    data.apply(RecordEnvelope {
        center: CenterCode::new("GSC").unwrap(),
        as_of: day(2024, 1, 1),
        revision: 1,
        record: Record::Decision(Decision {
            number: DecisionNumber::new(18, 236, 1),
            date: day(2024, 1, 1),
            kind: DecisionKind::Decision,
            title: "قرار".into(),
            routine: false,
            classification: Classification::default(),
            centers: vec![CenterCode::new("MOH").unwrap()],
            due: Some(day(2024, 6, 1)),
            links: vec![],
        }),
    });
    let mut h = harness(wall(only(BoardName::Overdue), data));
    h.run_steps(2);
    h.query_by_label_contains("لا توجد قرارات متأخرة")
        .expect("good news is said, not hidden");
    assert!(h.query_by_label(&boards::no_data_text(&env())).is_none());
}
