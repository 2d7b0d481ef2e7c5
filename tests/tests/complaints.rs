//! The complaints board from a real collector fed by real agents: the secretariat's complaints
//! department and a ministry's unit each import their quarters from a CSV file as a clerk
//! writes it (Arabic headers); the board, read over HTTP, adds them up as worked out by hand; a
//! file whose figures do not add up is refused and stores nothing.

use rasid_e2e::{Agent, CollectorConfig, CollectorProc, DemoFiles, Workspace};
use serde_json::{Value, json};

const HEADER: &str = "السنة,الربع,الشكاوى الواردة,المحالة للجهات المختصة,المقبولة,المرفوضة,المعالجة,قيد المعالجة,العالقة,تاريخ التقرير\n";

fn csv(rows: &[&str]) -> String {
    let mut s = HEADER.to_string();
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s
}

/// `[center, received, processed, accepted, overdue, rate]` per center row.
fn centers(b: &Value) -> Vec<Value> {
    b["centers"]
        .as_array()
        .unwrap_or_else(|| panic!("no centers in {b}"))
        .iter()
        .map(|c| {
            let n = &c["counts"];
            json!([
                c["center"],
                n["received"],
                n["processed"],
                n["accepted"],
                n["overdue"],
                c["processing_rate"]
                    .as_f64()
                    .map(|r| (r * 10.0).round() / 10.0)
            ])
        })
        .collect()
}

#[test]
fn complaints_from_two_units_add_up_on_the_board() {
    let ws = Workspace::new("complaints");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let collector = CollectorProc::start_demo(&ws, &demo, CollectorConfig::default());
    let agent = |center: &str| Agent::of_demo(&ws, &demo, &collector.url(), center);
    let (gsc, moh) = (agent("GSC"), agent("MOH"));
    // The secretariat's year, as the 2023 report tells it: 233 = 106 + 68 + 59; 65 + 3 = 68.
    gsc.import_and_push(&ws.write(
        "gsc/complaints.csv",
        &csv(&[
            "2023,1,120,50,40,30,40,0,0,2023-04-10",
            "2023,2,113,56,28,29,25,3,2,2023-07-10",
        ]),
    ));
    moh.import_and_push(&ws.write(
        "moh/complaints.csv",
        &csv(&["2023,2,20,0,10,10,5,5,4,2023-07-12"]),
    ));
    // Processed and pending that are not the accepted: refused, nothing stored.
    let bad = moh.import(&[ws.write(
        "moh-bad/complaints.csv",
        &csv(&["2023,3,20,0,10,10,5,4,0,2023-10-12"]),
    )]);
    assert!(
        !bad.status.success(),
        "a quarter that does not add up is refused"
    );
    assert_eq!(collector.record_count(), 3);

    let b = collector.get_json("/v1/boards/complaints");
    assert_eq!(b["board"], "complaints");
    assert_eq!(b["year"], 2023);
    let t = &b["total"];
    assert_eq!(
        json!([
            t["received"],
            t["referred"],
            t["accepted"],
            t["rejected"],
            t["processed"],
            t["pending"],
            t["overdue"]
        ]),
        json!([253, 106, 78, 69, 70, 8, 6])
    );
    // 70 of 78 accepted: 89.7%. MOH 5 of 10 first, the secretariat 65 of 68 (95.6%) after.
    assert_eq!(
        b["processing_rate"]
            .as_f64()
            .map(|r| (r * 10.0).round() / 10.0),
        Some(89.7)
    );
    assert_eq!(
        centers(&b),
        [
            json!(["MOH", 20, 5, 10, 4, 50.0]),
            json!(["GSC", 233, 65, 68, 2, 95.6]),
        ]
    );
    let only_gsc = collector.get_json("/v1/boards/complaints?center=GSC");
    assert_eq!(only_gsc["total"]["received"], 233);
    assert_eq!(only_gsc["quarters"].as_array().map(Vec::len), Some(2));
}
