//! The classification board from a real collector fed by real agents: the secretariat imports
//! its decisions, classified by sector and government programme, from a CSV file as a clerk
//! writes it; two ministries import their statuses; the board is read over HTTP, by sector, by
//! programme and for one ministry, and every figure is the one worked out by hand below.

use rasid_e2e::{Agent, CollectorConfig, CollectorProc, DemoFiles, Workspace};
use serde_json::{Value, json};
use std::path::PathBuf;

/// Eight decisions of session 200. By sector: infrastructure 01 (MOH and MOF), 02, 03, 08;
/// social 04, 05 and the routine 07; 06 has no sector. By programme: خدمات 01, 03, 05, 06
/// (and 07); صمود 02, 04; 08 has none.
const DECISIONS: &str = "\
رقم القرار,تاريخ القرار,النوع,عنوان القرار,روتيني,القطاع,البرنامج الحكومي,الجهات المسؤولة,تاريخ التقرير
18/200/01,2023-03-01,قرار,صيانة الطرق الرئيسية,لا,البنية التحتية,خدمات,\"MOH، MOF\",2023-03-01
18/200/02,2023-03-01,تكليف,شبكة المياه العادمة,لا,البنية التحتية,صمود,MOF,2023-03-01
18/200/03,2023-03-01,قرار,تأهيل المستشفيات,لا,  البنية التحتية ,خدمات,MOH,2023-03-01
18/200/04,2023-03-01,قرار,التأمين الصحي,لا,الاجتماعي,صمود,MOH,2023-03-01
18/200/05,2023-03-01,قرار,حملة التطعيم,لا,الاجتماعي,خدمات,MOH,2023-03-01
18/200/06,2023-03-01,قرار,ترشيد النفقات,لا,,خدمات,MOF,2023-03-01
18/200/07,2023-03-01,قرار,المصادقة على المحضر,نعم,الاجتماعي,خدمات,MOH,2023-03-01
18/200/08,2023-03-01,قرار,صيانة الجسور,لا,البنية التحتية,,MOF,2023-03-01
";

/// 01: MOH executed, MOF in progress → in progress (every center must execute). 08 is not
/// reported on.
const MOH_STATUSES: &str = "\
رقم القرار,الحالة,نسبة الإنجاز,تاريخ التقرير
18/200/01,منفذ,100,2023-06-01
18/200/03,منفذ,100,2023-06-01
18/200/04,منفذ,100,2023-06-01
18/200/05,قيد التنفيذ,40,2023-06-01
18/200/07,منفذ,100,2023-06-01
";
const MOF_STATUSES: &str = "\
رقم القرار,الحالة,نسبة الإنجاز,تاريخ التقرير
18/200/01,قيد التنفيذ,50,2023-06-01
18/200/02,لم يبدأ,0,2023-06-01
18/200/06,منفذ,100,2023-06-01
";

fn write(ws: &Workspace, name: &str, text: &str) -> PathBuf {
    let path = ws.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    path
}

/// Each row as `[class, executed, in progress, not started, awaiting a report, rate rounded]`.
fn rows(board: &Value) -> Vec<Value> {
    board["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("no rows in {board}"))
        .iter()
        .map(|r| {
            let c = &r["counts"];
            json!([
                r["class"],
                c["executed"],
                c["in_progress"],
                c["not_started"],
                c["unreported"],
                r["rate"].as_f64().map(f64::round),
            ])
        })
        .collect()
}

#[test]
fn classification_board_from_agents_reads_weakest_class_first_with_hand_counted_figures() {
    let ws = Workspace::new("classification");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let collector = CollectorProc::start_demo(&ws, &demo, CollectorConfig::default());
    let agent = |center: &str| {
        Agent::init(
            &ws.join(format!("agent-{center}")),
            center,
            &collector.url(),
            Some(&demo.key_file(center)),
            &ws.logs(),
        )
    };
    let (gsc, moh, mof) = (agent("GSC"), agent("MOH"), agent("MOF"));
    gsc.import(&[write(&ws, "decision.csv", DECISIONS)])
        .expect_success();
    gsc.push().expect_success();
    for (a, name, text) in [
        (&moh, "moh-decision-status.csv", MOH_STATUSES),
        (&mof, "mof-decision-status.csv", MOF_STATUSES),
    ] {
        a.import(&[write(&ws, name, text)]).expect_success();
        a.push().expect_success();
    }
    assert_eq!(collector.record_count(), 8 + 5 + 3);

    let by_sector = collector.get_json("/v1/boards/classification");
    assert_eq!(by_sector["board"], "classification");
    assert_eq!(by_sector["by"], "sector");
    assert_eq!(by_sector["as_of"], "2023-06-01");
    assert_eq!(
        rows(&by_sector),
        [
            // 1 executed of 3 reported (33%); 08 awaits its first report.
            json!(["البنية التحتية", 1, 1, 1, 1, 33.0]),
            json!(["الاجتماعي", 1, 1, 0, 0, 50.0]),
            // No sector: last, although 100% executed.
            json!([null, 1, 0, 0, 0, 100.0]),
        ]
    );
    assert_eq!(
        (
            &by_sector["decisions"],
            &by_sector["unclassified"],
            &by_sector["routine_excluded"]
        ),
        (&json!(7), &json!(1), &json!(1))
    );

    // Both programmes at 50%: the one with more decisions first; 08 is unclassified
    // and not reported on.
    let by_program = collector.get_json("/v1/boards/classification?by=program");
    assert_eq!(by_program["by"], "program");
    assert_eq!(
        rows(&by_program),
        [
            json!(["خدمات", 2, 2, 0, 0, 50.0]),
            json!(["صمود", 1, 0, 1, 0, 50.0]),
            json!([null, 0, 0, 0, 1, null]),
        ]
    );

    // For MOF only its own statuses count: 01 is in progress there, 06 executed.
    let mof_only = collector.get_json("/v1/boards/classification?center=MOF");
    assert_eq!(
        rows(&mof_only),
        [
            json!(["البنية التحتية", 0, 1, 1, 1, 0.0]),
            json!([null, 1, 0, 0, 0, 100.0]),
        ]
    );

    let (status, body) = collector.get("/v1/boards/classification?by=ministry");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("bad-query"), "{body}");
}
