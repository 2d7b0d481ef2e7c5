//! The demo wall's data: the 2023 dataset of `rasid_shared::demo`, and a stream of made-up
//! status changes so the wall visibly moves (a decision progresses, another is executed).

use rasid_shared::board::Dataset;
use rasid_shared::demo;
use rasid_shared::model::{ExecutionStatus, Record, RecordEnvelope};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// The demo dataset with its registry of centers.
pub fn demo_dataset() -> Dataset {
    let d = demo::generate();
    Dataset::from_envelopes(d.centers, d.records)
}

/// Sends one changed decision status every `every`, forever, calling `wake` after each.
/// Each change moves an in-progress decision forward, or executes it.
pub fn simulate_changes(tx: Sender<Vec<RecordEnvelope>>, every: Duration, wake: impl Fn() + Send + 'static) {
    std::thread::spawn(move || {
        let mut statuses: Vec<RecordEnvelope> = demo::generate()
            .records
            .into_iter()
            .filter(|e| matches!(&e.record, Record::DecisionStatus(s) if s.status == ExecutionStatus::InProgress))
            .collect();
        let mut i = 0usize;
        while !statuses.is_empty() {
            std::thread::sleep(every);
            i = (i * 7 + 13) % statuses.len();
            let env = &mut statuses[i];
            if let Record::DecisionStatus(s) = &mut env.record {
                s.progress = (s.progress + 20).min(100);
                if s.progress == 100 {
                    s.status = ExecutionStatus::Executed;
                }
                env.revision += 1;
                env.as_of = demo::demo_today();
            }
            let sent = env.clone();
            if matches!(&env.record, Record::DecisionStatus(s) if s.status == ExecutionStatus::Executed) {
                statuses.swap_remove(i);
            }
            if tx.send(vec![sent]).is_err() {
                return;
            }
            wake();
        }
    });
}
