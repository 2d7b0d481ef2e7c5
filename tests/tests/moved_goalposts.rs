//! Moved goalposts from a real collector fed by real agents: the secretariat imports a decision
//! due on 1 April 2023, then imports it again on 10 May with the date pushed to 1 September; a
//! ministry reports a KPI quarter with a target of 100, then lowers it to 60. The boards served
//! over HTTP measure against both plans and name who moved what and as of when; a restarted
//! collector says the same (the first plan lives only in its history).

use rasid_e2e::{Agent, CollectorConfig, CollectorProc, DemoFiles, Workspace};
use serde_json::{Value, json};

const DECISION_FIRST: &str = "\
رقم القرار,تاريخ القرار,النوع,عنوان القرار,الجهات المسؤولة,تاريخ الاستحقاق,تاريخ التقرير
18/200/01,2023-03-01,قرار,صيانة الطرق الرئيسية,MOH,2023-04-01,2023-03-01
";
const DECISION_MOVED: &str = "\
رقم القرار,تاريخ القرار,النوع,عنوان القرار,الجهات المسؤولة,تاريخ الاستحقاق,تاريخ التقرير
18/200/01,2023-03-01,قرار,صيانة الطرق الرئيسية,MOH,2023-09-01,2023-05-10
";
const STATUS: &str = "\
رقم القرار,الحالة,نسبة الإنجاز,تاريخ التقرير
18/200/01,قيد التنفيذ,40,2023-05-20
";
const KPI_FIRST: &str = "\
البرنامج,رمز المؤشر,اسم المؤشر,وحدة القياس,السنة,الربع,المستهدف السنوي,المستهدف الربعي,الفعلي,تاريخ التقرير
P1,I1,نسبة التغطية,%,2023,1,400,100,0,2023-04-02
";
const KPI_LOWERED: &str = "\
البرنامج,رمز المؤشر,اسم المؤشر,وحدة القياس,السنة,الربع,المستهدف السنوي,المستهدف الربعي,الفعلي,تاريخ التقرير
P1,I1,نسبة التغطية,%,2023,1,400,60,55,2023-07-05
";

/// What the two boards say of the moves, as `[overdue row, moved entry, lowered entry, KPI row]`.
fn moves(collector: &CollectorProc) -> Value {
    let overdue = collector.get_json("/v1/boards/overdue");
    let kpi = collector.get_json("/v1/boards/kpi");
    let row = &overdue["rows"][0];
    let m = &overdue["moved"][0];
    let l = &kpi["lowered"][0];
    let k = &kpi["rows"][0];
    json!([
        [
            row["number"],
            row["due"],
            row["first_due"],
            row["days_overdue"],
            row["days_overdue_first"]
        ],
        [
            m["number"],
            m["first_due"],
            m["due"],
            m["by"],
            m["as_of"],
            m["moved_after_due"],
            m["days_late_against_first"],
            overdue["moved_total"],
            overdue["hidden_by_move"]
        ],
        [
            l["center"],
            l["quarter"],
            l["first_quarter_target"],
            l["quarter_target"],
            l["first_as_of"],
            l["as_of"],
            l["achievement_first_pct"],
            kpi["lowered_total"]
        ],
        [
            k["quarter_target"],
            k["first_quarter_target"],
            k["achievement_pct"].as_f64().map(f64::round),
            k["achievement_first_pct"],
            k["achievement"]
        ],
    ])
}

#[test]
fn a_pushed_back_due_date_and_a_lowered_target_are_shown_beside_the_first_plan() {
    let ws = Workspace::new("moved-goalposts");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let mut collector = CollectorProc::start_demo(&ws, &demo, CollectorConfig::default());
    let agent = |center: &str| Agent::of_demo(&ws, &demo, &collector.url(), center);
    let (gsc, moh) = (agent("GSC"), agent("MOH"));
    for (a, name, text) in [
        (&gsc, "first/decision.csv", DECISION_FIRST),
        (&moh, "first/decision-status.csv", STATUS),
        (&moh, "first/kpi.csv", KPI_FIRST),
        (&gsc, "moved/decision.csv", DECISION_MOVED),
        (&moh, "moved/kpi.csv", KPI_LOWERED),
    ] {
        a.import_and_push(&ws.write(name, text));
    }
    assert_eq!(
        collector.record_count(),
        3,
        "one decision, one status, one KPI"
    );

    // The collector's day is the demo's, 12 February 2024: 164 days past 1 September 2023 and
    // 317 past 1 April.
    let expected = json!([
        ["18/200/01", "2023-09-01", "2023-04-01", 164, 317],
        [
            "18/200/01",
            "2023-04-01",
            "2023-09-01",
            "GSC",
            "2023-05-10",
            true,
            317,
            1,
            0
        ],
        ["MOH", 1, 100.0, 60.0, "2023-04-02", "2023-07-05", 55.0, 1],
        [60.0, 100.0, 92.0, 55.0, "met"],
    ]);
    assert_eq!(moves(&collector), expected);

    collector.stop();
    collector.restart();
    assert_eq!(moves(&collector), expected, "after a restart");
}
