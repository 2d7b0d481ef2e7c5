//! The legislation board from a real collector fed by real agents: the secretariat's legal
//! affairs import their plan and their legal memoranda from CSV files as a clerk writes them
//! (Arabic headers, Arabic words for types and stages), a ministry imports its own item; the
//! board, read over HTTP, counts them as worked out by hand; a file with an item at a stage its
//! type cannot have is refused and stores nothing.

use rasid_e2e::{Agent, CollectorConfig, CollectorProc, DemoFiles, Workspace};
use serde_json::{Value, json};

const ITEMS: &str = "رمز البند,العنوان,النوع,المرحلة,الجهة المسؤولة,السنة,الربع المخطط,تاريخ الإنجاز,تاريخ التقرير\n";
const MEMORANDA: &str = "السنة,الربع,المذكرات القانونية,تاريخ التقرير\n";

fn csv(header: &str, rows: &[&str]) -> String {
    let mut s = header.to_string();
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s
}

fn codes(rows: &Value) -> Vec<Value> {
    rows.as_array()
        .unwrap_or_else(|| panic!("not a list: {rows}"))
        .iter()
        .map(|r| json!([r["code"], r["quarters_late"]]))
        .collect()
}

#[test]
fn a_legislative_plan_from_two_centers_is_counted_on_the_board() {
    let ws = Workspace::new("legislation");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let collector = CollectorProc::start_demo(&ws, &demo, CollectorConfig::default());
    let agent = |center: &str| Agent::of_demo(&ws, &demo, &collector.url(), center);
    let (legal, moh) = (agent("GSC-LEGAL"), agent("MOH"));
    legal.import_and_push(&ws.write(
        "legal/legislation.csv",
        &csv(
            ITEMS,
            &[
                // Forwarded in Q4: done this quarter (the year's last).
                "L1,مشروع قرار بقانون بشأن السياحة,قرار بقانون,منسب للرئيس,MOT,2023,3,2023-11-05,2023-11-06",
                // In the readings, planned for Q2: two quarters late on 31 December.
                "L2,مشروع قرار بقانون بشأن الصحة العامة,قانون,قيد القراءات,MOH,2023,2,,2024-01-10",
                "R1,نظام المتاحف,نظام,مصادق عليه,MOTA,2023,1,2023-02-01,2023-02-02",
                // Planned for Q4: not late on the quarter's last day.
                "S1,أجندة فلسطين الرقمية,أجندة,قيد الصياغة,MTIT,2023,4,,2024-01-10",
                // Outside the plan (no planned quarter).
                "R2,نظام المواد الخطرة,لائحة,قيد التشاور,MONE,2023,,,2024-01-10",
            ],
        ),
    ));
    legal.import_and_push(&ws.write(
        "legal/legal-memoranda.csv",
        &csv(
            MEMORANDA,
            &["2023,1,300,2023-04-10", "2023,4,250,2024-01-10"],
        ),
    ));
    moh.import_and_push(&ws.write(
        "moh/legislation.csv",
        &csv(
            ITEMS,
            &["M1,مشروع نظام التأمين الصحي,قانون,قيد الصياغة,MOH,2023,1,,2024-01-10"],
        ),
    ));
    // A regulation cannot be forwarded to the president: refused, nothing stored.
    let bad = moh.import(&[ws.write(
        "moh-bad/legislation.csv",
        &csv(
            ITEMS,
            &["M2,نظام مكافحة التدخين,نظام,منسب للرئيس,MOH,2023,2,2023-05-01,2023-05-02"],
        ),
    )]);
    assert!(!bad.status.success(), "a regulation forwarded is refused");
    assert_eq!(collector.record_count(), 8);

    let b = collector.get_json("/v1/boards/legislation");
    assert_eq!(b["board"], "legislation");
    assert_eq!(
        (b["year"].clone(), b["day"].clone()),
        (json!(2023), json!("2023-12-31"))
    );
    // Planned: L1, L2, R1, S1, M1; done L1 and R1: 40%.
    assert_eq!(b["plan"], json!({"items": 5, "done": 2}));
    assert_eq!(b["plan_rate"], 40.0);
    assert_eq!(b["outside_plan"], json!({"items": 1, "done": 0}));
    let by_type: Vec<Value> = b["by_type"]
        .as_array()
        .expect("by_type")
        .iter()
        .map(|r| json!([r["item_type"], r["counts"]["items"], r["counts"]["done"]]))
        .collect();
    assert_eq!(
        by_type,
        [
            json!(["law", 3, 1]),
            json!(["regulation", 2, 1]),
            json!(["strategy", 1, 0])
        ]
    );
    let stages: Vec<Value> = b["open_by_stage"]
        .as_array()
        .expect("open_by_stage")
        .iter()
        .map(|r| json!([r["stage"], r["items"]]))
        .collect();
    assert_eq!(
        stages,
        [
            json!(["drafting", 2]),
            json!(["consultation", 1]),
            json!(["readings", 1]),
            json!(["approved", 0])
        ]
    );
    assert_eq!(codes(&b["late"]), [json!(["M1", 3]), json!(["L2", 2])]);
    assert_eq!(b["late"][0]["responsible_ar"], "وزارة الصحة");
    assert_eq!(b["this_quarter"], 4);
    assert_eq!(codes(&b["done_this_quarter"]), [json!(["L1", 0])]);
    assert_eq!(b["memoranda"], 550);

    // The ministry's wall: the items it is responsible for or reported.
    let only_moh = collector.get_json("/v1/boards/legislation?center=MOH");
    assert_eq!(only_moh["plan"], json!({"items": 2, "done": 0}));
    assert_eq!(only_moh["memoranda"], 0);
}
