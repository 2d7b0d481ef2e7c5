//! One decision's story from a real collector fed by real agents: the secretariat imports a
//! decision, the ministry reports its status and revises it twice (later imports of the same
//! decision), and `GET /v1/decisions/{number}` lists the three revisions, oldest first, with
//! the progress and day of each.

use rasid_e2e::{Agent, CollectorConfig, CollectorProc, DemoFiles, Workspace};
use serde_json::{Value, json};

const DECISIONS: &str = "\
رقم القرار,تاريخ القرار,النوع,عنوان القرار,روتيني,القطاع,الجهات المسؤولة,تاريخ التقرير
18/200/01,2023-03-01,قرار,صيانة الطرق الرئيسية,لا,البنية التحتية,MOH,2023-03-01
";

/// `[as_of, status, progress]` of each revision of `center` in `story`.
fn revisions(story: &Value, center: &str) -> Vec<Value> {
    let c = story["centers"]
        .as_array()
        .unwrap_or_else(|| panic!("no centers in {story}"))
        .iter()
        .find(|c| c["center"] == center)
        .unwrap_or_else(|| panic!("{center} is not in {story}"));
    c["revisions"]
        .as_array()
        .unwrap_or_else(|| panic!("no revisions in {c}"))
        .iter()
        .map(|r| json!([r["as_of"], r["status"], r["progress"]]))
        .collect()
}

#[test]
fn a_status_revised_twice_tells_its_three_revisions_in_order() {
    let ws = Workspace::new("decision-story");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let collector = CollectorProc::start_demo(&ws, &demo, CollectorConfig::default());
    let agent = |center: &str| Agent::of_demo(&ws, &demo, &collector.url(), center);
    let (gsc, moh) = (agent("GSC"), agent("MOH"));
    gsc.import_and_push(&ws.write("decision.csv", DECISIONS));
    let reports = [
        ("لم يبدأ", 0, "2023-04-01"),
        ("قيد التنفيذ", 40, "2023-06-01"),
        ("قيد التنفيذ", 75, "2023-09-01"),
    ];
    for (i, (status, progress, day)) in reports.iter().enumerate() {
        let text = format!(
            "رقم القرار,الحالة,نسبة الإنجاز,تاريخ التقرير\n18/200/01,{status},{progress},{day}\n"
        );
        moh.import_and_push(&ws.write(&format!("r{i}/moh-decision-status.csv"), &text));
    }

    let story = collector.get_json("/v1/decisions/18%2F200%2F01");
    assert_eq!(story["number"], "18/200/01");
    assert_eq!(story["title"], "صيانة الطرق الرئيسية");
    assert_eq!(
        revisions(&story, "MOH"),
        [
            json!(["2023-04-01", "not-started", 0]),
            json!(["2023-06-01", "in-progress", 40]),
            json!(["2023-09-01", "in-progress", 75]),
        ]
    );
    assert_eq!(
        (&story["execution"], &story["progress"]),
        (&json!("in-progress"), &json!(75))
    );
    // The same story by three path segments; an unknown number is a 404 saying so.
    assert_eq!(collector.get_json("/v1/decisions/18/200/01"), story);
    let (status, body) = collector.get("/v1/decisions/18/200/09");
    assert_eq!(status, 404, "{body}");
    assert!(body.contains("unknown-decision"), "{body}");
}
