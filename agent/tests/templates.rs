//! Templates round trip through a real collector: the agent writes a template, the clerk fills
//! it (here: the cells read with calamine and written again with typed values, the hidden marker
//! sheet kept) and LibreOffice Calc saves it, the filled file imports with no flags, is pushed,
//! and its figures reach the boards.
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use calamine::{Data, Reader, SheetVisible, open_workbook_auto};
use chrono::{Datelike, Local, NaiveDate, Utc};
use rasid_collector::demo::demo_key;
use rasid_collector::{self as collector, CollectorOptions, RegistrySource};
use rasid_shared::board::{BoardFilter, BoardName, BoardView};
use rasid_shared::model::*;
use rasid_shared::wire::{Batch, PROTOCOL_VERSION};
use std::path::Path;
use std::process::{Command, Output};

fn agent(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rasid-agent"))
        .env("RASID_LANG", "en")
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .expect("the agent runs")
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn decision(item: u16, due: NaiveDate) -> RecordEnvelope {
    let day = NaiveDate::from_ymd_opt(2024, 1, 7).unwrap();
    RecordEnvelope {
        center: CenterCode::new("GSC").unwrap(),
        as_of: day,
        revision: 1,
        record: Record::Decision(Decision {
            number: DecisionNumber::new(18, 240, item),
            date: day,
            kind: DecisionKind::Decision,
            title: format!("قرار رقم {item}"),
            routine: false,
            classification: Classification::default(),
            centers: vec![CenterCode::new("MOH").unwrap()],
            due: Some(due),
            links: vec![],
        }),
    }
}

/// Every sheet of a workbook: name, hidden or not, cells.
type Sheets = Vec<(String, bool, calamine::Range<Data>)>;

fn read_all(path: &Path) -> Sheets {
    let mut wb = open_workbook_auto(path).unwrap();
    let meta = wb.sheets_metadata().to_vec();
    meta.into_iter()
        .map(|m| {
            let r = wb.worksheet_range(&m.name).unwrap();
            (m.name, m.visible != SheetVisible::Visible, r)
        })
        .collect()
}

/// The column of `header` in the data sheet's first row.
fn column(range: &calamine::Range<Data>, header: &str) -> u32 {
    let row = range.rows().next().unwrap();
    row.iter()
        .position(|c| matches!(c, Data::String(s) if s == header))
        .unwrap_or_else(|| panic!("no column '{header}' in {row:?}")) as u32
}

/// Writes `sheets` again as an office suite saves a filled workbook: every cell with its type,
/// `fill` (sheet index, row, column, value) written over them, hidden sheets hidden.
fn save_filled(sheets: &Sheets, fill: &[(usize, u32, u32, Data)], out: &Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (i, (name, hidden, range)) in sheets.iter().enumerate() {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        let mut cells: Vec<(u32, u32, Data)> = range
            .cells()
            .map(|(r, c, d)| (r as u32, c as u32, d.clone()))
            .collect();
        for (s, r, c, d) in fill {
            if *s == i {
                cells.push((*r, *c, d.clone()));
            }
        }
        let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        for (r, c, d) in cells {
            let c = c as u16;
            match d {
                Data::String(s) => drop(ws.write_string(r, c, s).unwrap()),
                Data::Float(f) => drop(ws.write_number(r, c, f).unwrap()),
                Data::Int(n) => drop(ws.write_number(r, c, n as f64).unwrap()),
                Data::DateTime(dt) => drop(
                    ws.write_number_with_format(r, c, dt.as_f64(), &date)
                        .unwrap(),
                ),
                Data::Empty => {}
                other => panic!("unexpected cell {other:?}"),
            }
        }
        ws.set_hidden(*hidden);
    }
    wb.save(out).unwrap();
    saved_by_libreoffice(out);
}

/// Saves `path` again with LibreOffice Calc (headless), in place, so that what the agent
/// imports is a file LibreOffice wrote: its own styles, shared strings, hidden sheet and sheet
/// protection. `.ci/run` installs LibreOffice; on a machine without `soffice` this step is
/// skipped, saying so.
fn saved_by_libreoffice(path: &Path) {
    let Ok(soffice) = which_soffice() else {
        eprintln!("SKIPPED: no soffice on PATH; the filled template is not saved by LibreOffice");
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
        ])
        .arg(out.path())
        .arg(path)
        .output()
        .unwrap();
    let saved = out.path().join(path.file_name().unwrap());
    assert!(
        saved.exists(),
        "LibreOffice did not save {}: {}",
        path.display(),
        String::from_utf8_lossy(&status.stderr)
    );
    std::fs::copy(&saved, path).unwrap();
}

fn which_soffice() -> Result<std::path::PathBuf, ()> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join("soffice"))
        .find(|p| p.is_file())
        .ok_or(())
}

#[test]
fn filled_templates_import_with_no_flags_and_reach_the_boards() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("moh");
    let init = ok(agent(
        &data,
        &[
            "--json",
            "init",
            "--center",
            "MOH",
            "--upstream",
            "http://127.0.0.1:9",
        ],
    ));
    let init: serde_json::Value = serde_json::from_str(&init).unwrap();
    let public = init["public_key"].as_str().unwrap().to_string();
    let centers = dir.path().join("centers.toml");
    std::fs::write(
        &centers,
        format!(
            "secretariat = \"GSC\"\n\
             [[center]]\ncode = \"GSC\"\nname_ar = \"الأمانة العامة\"\nname_en = \"GSC\"\nkeys = [\"{}\"]\n\
             [[center]]\ncode = \"MOH\"\nname_ar = \"وزارة الصحة\"\nname_en = \"Health\"\nkeys = [\"{public}\"]\n",
            demo_key(&CenterCode::new("GSC").unwrap()).public_base64()
        ),
    )
    .unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut opts = CollectorOptions::new(
        Some(dir.path().join("collector")),
        RegistrySource::File(centers),
    );
    opts.today = None;
    let handle = rt.block_on(collector::start(opts)).unwrap();
    let gsc = CenterCode::new("GSC").unwrap();
    let today = Local::now().date_naive();
    let far = NaiveDate::from_ymd_opt(today.year() + 1, 12, 31).unwrap();
    let past = NaiveDate::from_ymd_opt(2024, 6, 30).unwrap();
    let batch = Batch {
        version: PROTOCOL_VERSION,
        center: gsc.clone(),
        agent: demo_key(&gsc).key_id(),
        epoch: String::new(),
        seq: 1,
        created: Utc::now(),
        records: vec![decision(2, far), decision(3, past)],
    };
    handle.collector().ingest(&gsc, batch).unwrap();
    let cfg = std::fs::read_to_string(data.join("rasid-agent.toml")).unwrap();
    std::fs::write(
        data.join("rasid-agent.toml"),
        cfg.replace("http://127.0.0.1:9", &handle.url()),
    )
    .unwrap();
    ok(agent(&data, &["decisions"]));

    // decision-status: the overdue decision comes first and is marked; fill the second row.
    let t = dir.path().join("ds.xlsx");
    ok(agent(
        &data,
        &["template", "decision-status", "--out", t.to_str().unwrap()],
    ));
    let sheets = read_all(&t);
    let names: Vec<(&str, bool)> = sheets.iter().map(|(n, h, _)| (n.as_str(), *h)).collect();
    assert_eq!(
        names,
        [("تعليمات", false), ("حالة القرار", false), ("rasid", true)]
    );
    let ds = &sheets[1].2;
    assert_eq!(
        ds.get_value((1, 0)),
        Some(&Data::String("18/240/03".into()))
    );
    assert_eq!(ds.get_value((1, 4)), Some(&Data::String("متأخر".into())));
    assert_eq!(
        ds.get_value((2, 0)),
        Some(&Data::String("18/240/02".into()))
    );
    let (status, progress) = (column(ds, "الحالة"), column(ds, "نسبة الإنجاز"));
    let filled = dir.path().join("حالة القرارات المعبأة.xlsx");
    save_filled(
        &sheets,
        &[
            (1, 2, status, Data::String("قيد التنفيذ".into())),
            (1, 2, progress, Data::Float(40.0)),
        ],
        &filled,
    );
    // An unfilled template is refused with a clear reason; the filled one imports, no flags.
    let empty = agent(&data, &["--lang", "ar", "import", t.to_str().unwrap()]);
    assert!(!empty.status.success());
    // Said in the language asked for: Arabic.
    assert!(String::from_utf8_lossy(&empty.stderr).contains("ولا صفوف تحته"));
    ok(agent(&data, &["import", filled.to_str().unwrap()]));

    // budget: a first report of this month, then the template prefilled from it.
    let csv = dir.path().join("budget.csv");
    std::fs::write(
        &csv,
        format!(
            "fiscal_year,month,program,category,allocated,committed,spent,currency\n{},{},P1,operating,1000000,0,100,ILS\n",
            today.year(),
            today.month()
        ),
    )
    .unwrap();
    ok(agent(&data, &["import", csv.to_str().unwrap()]));
    let t = dir.path().join("b.xlsx");
    ok(agent(
        &data,
        &[
            "template",
            "budget",
            "--lang",
            "en",
            "--out",
            t.to_str().unwrap(),
        ],
    ));
    let sheets = read_all(&t);
    assert_eq!(sheets[1].0, "budget");
    let b = &sheets[1].2;
    assert_eq!(
        b.get_value((1, column(b, "allocated"))),
        Some(&Data::Float(1_000_000.0))
    );
    assert_eq!(
        b.get_value((1, column(b, "category"))),
        Some(&Data::String("operating".into()))
    );
    let filled = dir.path().join("filled budget.xlsx");
    save_filled(
        &sheets,
        &[
            (1, 1, column(b, "committed"), Data::Float(250_000.0)),
            (1, 1, column(b, "spent"), Data::Float(125_000.0)),
        ],
        &filled,
    );
    ok(agent(&data, &["import", filled.to_str().unwrap()]));

    // kpi, in Persian: the indicator of this quarter's first report, its targets prefilled.
    let quarter = today.month0() / 3 + 1;
    let csv = dir.path().join("kpi.csv");
    std::fs::write(
        &csv,
        format!(
            "program,indicator,name,unit,year,quarter,annual_target,quarter_target,actual\nP1,K1,Vaccination,%,{},{quarter},100,25,10\n",
            today.year()
        ),
    )
    .unwrap();
    ok(agent(&data, &["import", csv.to_str().unwrap()]));
    let t = dir.path().join("k.xlsx");
    ok(agent(
        &data,
        &[
            "template",
            "kpi",
            "--lang",
            "fa",
            "--out",
            t.to_str().unwrap(),
        ],
    ));
    let sheets = read_all(&t);
    assert_eq!(sheets[0].0, "راهنما");
    let k = &sheets[1].2;
    assert_eq!(
        k.get_value((1, column(k, "هدف سالانه"))),
        Some(&Data::Float(100.0))
    );
    let filled = dir.path().join("k-filled.xlsx");
    save_filled(
        &sheets,
        &[(1, 1, column(k, "عملکرد"), Data::Float(20.0))],
        &filled,
    );
    ok(agent(&data, &["import", filled.to_str().unwrap()]));

    // project-progress: the center's project, its progress to fill.
    let csv = dir.path().join("project.csv");
    std::fs::write(
        &csv,
        "code,name_ar,sector,funding,start,planned_end,budget,currency\nPR1,مستشفى,health,treasury,2024-01-01,2027-12-31,5000000,ILS\n",
    )
    .unwrap();
    ok(agent(&data, &["import", csv.to_str().unwrap()]));
    let t = dir.path().join("p.xlsx");
    ok(agent(
        &data,
        &["template", "project-progress", "--out", t.to_str().unwrap()],
    ));
    let sheets = read_all(&t);
    let p = &sheets[1].2;
    assert_eq!(p.get_value((1, 0)), Some(&Data::String("PR1".into())));
    let filled = dir.path().join("p-filled.xlsx");
    save_filled(
        &sheets,
        &[
            (1, 1, column(p, "الإنجاز المخطط"), Data::Float(50.0)),
            (1, 1, column(p, "الإنجاز الفعلي"), Data::Float(30.0)),
            (1, 1, column(p, "الإنفاق التراكمي"), Data::Float(1000.0)),
            (1, 1, column(p, "الحالة"), Data::String("متأخر".into())),
            (
                1,
                1,
                column(p, "أبرز العوائق"),
                Data::String("تأخر التمويل".into()),
            ),
        ],
        &filled,
    );
    ok(agent(&data, &["import", filled.to_str().unwrap()]));
    ok(agent(&data, &["push"]));

    let c = handle.collector();
    match c.board(BoardName::DecisionExecution, &BoardFilter::default()) {
        BoardView::DecisionExecution(b) => assert_eq!(b.decisions.in_progress, 1, "{b:?}"),
        other => panic!("{other:?}"),
    }
    match c.board(BoardName::Budget, &BoardFilter::default()) {
        BoardView::Budget(b) => assert_eq!(
            (b.total.allocated, b.total.committed, b.total.spent),
            (1_000_000, 250_000, 125_000)
        ),
        other => panic!("{other:?}"),
    }
    match c.board(BoardName::Kpi, &BoardFilter::default()) {
        BoardView::Kpi(b) => assert_eq!(b.rows[0].actual, 20.0, "{b:?}"),
        other => panic!("{other:?}"),
    }
    match c.board(BoardName::Projects, &BoardFilter::default()) {
        BoardView::Projects(b) => assert!(
            b.by_status
                .iter()
                .any(|s| s.status == ProjectStatus::Delayed && s.projects == 1),
            "{b:?}"
        ),
        other => panic!("{other:?}"),
    }
    rt.block_on(handle.shutdown()).unwrap();
}
