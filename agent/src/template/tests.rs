use super::texts::{ARABIC, ENGLISH, PERSIAN};
use rasid_shared::model::{BudgetCategory, ExecutionStatus, FollowUpKind, ProjectStatus};

#[test]
fn every_drop_down_word_is_read_back_as_what_it_stands_for() {
    for t in [&ARABIC, &PERSIAN, &ENGLISH] {
        let statuses = [
            ExecutionStatus::NotStarted,
            ExecutionStatus::InProgress,
            ExecutionStatus::Executed,
            ExecutionStatus::Blocked,
        ];
        for (w, s) in t.status_words.iter().zip(statuses) {
            assert_eq!(ExecutionStatus::parse(w), Some(s), "{w}");
        }
        let follow = [
            FollowUpKind::Call,
            FollowUpKind::Letter,
            FollowUpKind::Message,
            FollowUpKind::Memo,
        ];
        for (w, f) in t.follow_up_words.iter().zip(follow) {
            assert_eq!(FollowUpKind::parse(w), Some(f), "{w}");
        }
        let cats = [
            BudgetCategory::Operating,
            BudgetCategory::Development,
            BudgetCategory::Salaries,
        ];
        for (w, c) in t.category_words.iter().zip(cats) {
            assert_eq!(BudgetCategory::parse(w), Some(c), "{w}");
        }
        let ps = [
            ProjectStatus::OnTrack,
            ProjectStatus::Delayed,
            ProjectStatus::Stalled,
            ProjectStatus::Completed,
            ProjectStatus::Cancelled,
        ];
        for (w, p) in t.project_status_words.iter().zip(ps) {
            assert_eq!(ProjectStatus::parse(w), Some(p), "{w}");
        }
    }
}
