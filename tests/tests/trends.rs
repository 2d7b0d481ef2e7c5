//! The trends board and the centers board's sparklines from a real collector fed by real agents:
//! a ministry reports a decision in progress in February, then executed in April (a second
//! import of the same row); it sends its budget for 2022 and for the first three months of 2023.
//! The boards are read over HTTP, month by month, and again after a restart (the earlier
//! revisions live only in the collector's history).

use rasid_e2e::{Agent, CollectorConfig, CollectorProc, DemoFiles, Workspace};
use serde_json::{Value, json};

const DECISIONS: &str = "\
رقم القرار,تاريخ القرار,النوع,عنوان القرار,الجهات المسؤولة,تاريخ الاستحقاق,تاريخ التقرير
18/200/01,2023-01-10,قرار,صيانة الطرق الرئيسية,MOH,2023-12-01,2023-01-10
18/200/02,2023-03-01,قرار,تأهيل المستشفيات,MOH,2023-12-01,2023-03-01
";
const STATUS_FEBRUARY: &str = "\
رقم القرار,الحالة,نسبة الإنجاز,تاريخ التقرير
18/200/01,قيد التنفيذ,30,2023-02-05
";
const STATUS_APRIL: &str = "\
رقم القرار,الحالة,نسبة الإنجاز,تاريخ التقرير
18/200/01,منفذ,100,2023-04-20
18/200/02,لم يبدأ,0,2023-04-20
";

/// MOH's budget: 1,200 allocated; 100 spent a month in 2023 (January to March), 60 in 2022.
fn budget() -> String {
    let mut csv =
        String::from("السنة المالية,الشهر,البرنامج,التصنيف,المخصص,المصروف,العملة,تاريخ التقرير\n");
    for m in 1..=12 {
        csv.push_str(&format!("2022,{m},P1,تشغيلية,1200,60,ILS,2022-{m:02}-28\n"));
    }
    for m in 1..=3 {
        csv.push_str(&format!(
            "2023,{m},P1,تشغيلية,1200,100,ILS,2023-{m:02}-28\n"
        ));
    }
    csv
}

fn rounded(v: &Value) -> Value {
    v.as_f64()
        .map_or(Value::Null, |x| json!((x * 10.0).round() / 10.0))
}

/// `[execution rate per month, MOH's sparkline, spending [this year, last year] per month]`.
fn trends(collector: &CollectorProc) -> Value {
    let t = collector.get_json("/v1/boards/trends?year=2023");
    let c = collector.get_json("/v1/boards/centers?year=2023");
    let moh = c["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["center"] == "MOH"))
        .unwrap_or_else(|| panic!("no MOH row in {c}"));
    let list = |v: &Value| -> Vec<Value> { v.as_array().cloned().unwrap_or_default() };
    json!([
        list(&t["execution"])
            .iter()
            .map(|p| rounded(&p["rate"]))
            .collect::<Vec<_>>(),
        list(&moh["trend"]).iter().map(rounded).collect::<Vec<_>>(),
        list(&t["spending"])
            .iter()
            .map(|p| json!([rounded(&p["rate"]), rounded(&p["previous_year_rate"])]))
            .collect::<Vec<_>>(),
    ])
}

#[test]
fn the_year_month_by_month_from_revisions_sent_over_time() {
    let ws = Workspace::new("trends");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let mut collector = CollectorProc::start_demo(&ws, &demo, CollectorConfig::default());
    let agent = |center: &str| Agent::of_demo(&ws, &demo, &collector.url(), center);
    let (gsc, moh) = (agent("GSC"), agent("MOH"));
    let budget = budget();
    for (a, name, text) in [
        (&gsc, "gsc/decision.csv", DECISIONS),
        (&moh, "february/decision-status.csv", STATUS_FEBRUARY),
        (&moh, "april/decision-status.csv", STATUS_APRIL),
        (&moh, "moh/budget.csv", budget.as_str()),
    ] {
        a.import_and_push(&ws.write(name, text));
    }

    // January: 01 issued, not reported. February, March: 01 in progress (02 issued in March, not
    // reported). April on: 01 executed, 02 not started: 50%.
    let by_month = json!([
        null, 0.0, 0.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0
    ]);
    let expected = json!([by_month, by_month, [[8.3, 5.0], [16.7, 10.0], [25.0, 15.0]],]);
    assert_eq!(trends(&collector), expected);

    collector.stop();
    collector.restart();
    assert_eq!(trends(&collector), expected, "after a restart");
}
