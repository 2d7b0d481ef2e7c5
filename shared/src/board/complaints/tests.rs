//! The complaints board on figures added up by hand.

use super::*;
use crate::board::BoardFilter;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real day")
}

fn code(c: &str) -> CenterCode {
    CenterCode::new(c).expect("a center code")
}

/// `[received, referred, accepted, rejected, processed, pending, overdue]` of `center`'s quarter.
fn quarter(center: &str, year: i32, quarter: u8, n: [u32; 7]) -> RecordEnvelope {
    RecordEnvelope {
        center: code(center),
        as_of: d(year, u32::from(quarter) * 3, 28),
        revision: 1,
        record: Record::Complaints(ComplaintsQuarter::new(year, quarter, n)),
    }
}

fn board(envs: Vec<RecordEnvelope>, f: &BoardFilter) -> ComplaintsBoard {
    let data = Dataset::from_envelopes([], envs);
    aggregate_complaints(&data, f, d(2024, 2, 12))
}

#[test]
fn the_year_adds_up_by_center_and_quarter_the_weakest_processing_first() {
    let b = board(
        vec![
            // GSC: 60 + 40 received; 30 + 20 referred; 20 + 12 accepted (17 + 12 processed).
            quarter("GSC", 2023, 1, [60, 30, 20, 10, 17, 3, 1]),
            quarter("GSC", 2023, 2, [40, 20, 12, 8, 12, 0, 0]),
            // MOH: 10 received, 8 accepted, 4 processed: 50%, the weakest.
            quarter("MOH", 2023, 2, [10, 0, 8, 2, 4, 4, 2]),
            // Another year: not counted.
            quarter("MOH", 2022, 4, [99, 0, 99, 0, 0, 99, 0]),
        ],
        &BoardFilter::default(),
    );
    assert_eq!(b.year, Some(2023));
    assert_eq!(
        (b.total.received, b.total.referred, b.total.handled()),
        (110, 50, 60)
    );
    assert_eq!(
        (b.total.processed, b.total.pending, b.total.overdue),
        (33, 7, 3)
    );
    // 33 of 40 accepted.
    assert_eq!(b.processing_rate, Some(82.5));
    let order: Vec<&str> = b.centers.iter().map(|c| c.center.as_str()).collect();
    assert_eq!(order, ["MOH", "GSC"]);
    assert_eq!(b.centers[0].processing_rate, Some(50.0));
    assert!((b.centers[1].processing_rate.expect("accepted some") - 90.625).abs() < 1e-9);
    let quarters: Vec<(u8, u64, Option<f64>)> = b
        .quarters
        .iter()
        .map(|q| (q.quarter, q.counts.received, q.processing_rate))
        .collect();
    assert_eq!(quarters, [(1, 60, Some(85.0)), (2, 50, Some(80.0))]);
    assert_eq!(b.as_of, Some(d(2023, 6, 28)));
}

#[test]
fn none_accepted_is_no_rate_and_comes_last_never_zero_percent() {
    let b = board(
        vec![
            quarter("GSC", 2023, 1, [5, 5, 0, 0, 0, 0, 0]),
            quarter("MOH", 2023, 1, [4, 0, 4, 0, 4, 0, 0]),
        ],
        &BoardFilter::default(),
    );
    assert_eq!(b.centers[1].center.as_str(), "GSC");
    assert_eq!(b.centers[1].processing_rate, None);
    assert_eq!(b.processing_rate, Some(100.0));
}

#[test]
fn a_center_filter_and_an_empty_board() {
    let envs = vec![
        quarter("GSC", 2023, 1, [60, 30, 20, 10, 17, 3, 1]),
        quarter("MOH", 2023, 2, [10, 0, 8, 2, 4, 4, 2]),
    ];
    let f = BoardFilter {
        center: Some(code("MOH")),
        ..Default::default()
    };
    let b = board(envs, &f);
    assert_eq!((b.total.received, b.centers.len()), (10, 1));
    let empty = board(vec![], &BoardFilter::default());
    assert_eq!(
        (empty.year, empty.processing_rate, empty.total.received),
        (None, None, 0)
    );
}
