//! Board `legislation`: the year's legislative plan — how much of it is done, each type's items
//! done and in progress, where the open ones stand, the planned items whose quarter is over and
//! are not done, those done this quarter — and the legal memoranda written for the cabinet.

use super::reporting::quarter_of;
use super::{BoardFilter, Dataset, default_year, latest};
use crate::model::*;
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Items counted, and of them the done ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LegislationCounts {
    /// Items.
    pub items: u64,
    /// Of them, done (at their type's last stage).
    pub done: u64,
}

impl LegislationCounts {
    fn add(&mut self, i: &LegislationItem) {
        self.items += 1;
        self.done += u64::from(i.is_done());
    }

    /// Items not done yet.
    pub fn in_progress(&self) -> u64 {
        self.items.saturating_sub(self.done)
    }

    /// Done as a percentage of the items; `None` when there is none.
    pub fn rate(&self) -> Option<f64> {
        (self.items > 0).then(|| 100.0 * self.done as f64 / self.items as f64)
    }
}

/// One type's items, in the plan and outside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LegislationTypeRow {
    /// Law, regulation or strategy.
    pub item_type: LegislationType,
    /// Its items and the done ones.
    pub counts: LegislationCounts,
}

/// How many open items stand at one stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LegislationStageRow {
    /// The stage.
    pub stage: LegislationStage,
    /// Items not done at this stage.
    pub items: u64,
}

/// One item, as the board lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LegislationItemRow {
    /// The item's code in the plan.
    pub code: String,
    /// Its title.
    pub title: String,
    /// Law, regulation or strategy.
    pub item_type: LegislationType,
    /// Where it stands.
    pub stage: LegislationStage,
    /// The responsible center.
    pub responsible: CenterCode,
    /// The responsible center's Arabic name (its code when it is not registered).
    pub responsible_ar: String,
    /// The quarter the plan set; `None` outside the plan.
    pub planned_quarter: Option<u8>,
    /// The day it was done.
    pub done: Option<NaiveDate>,
    /// For a late item, the quarters ended since its planned quarter ended, 1 or more (0
    /// otherwise).
    pub quarters_late: u32,
}

/// A quarter's legal memoranda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MemorandaQuarter {
    /// The quarter, 1 to 4.
    pub quarter: u8,
    /// Memoranda written in it.
    pub memoranda: u64,
}

/// Board `legislation`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LegislationBoard {
    /// The newest report date among the records counted.
    pub as_of: Option<NaiveDate>,
    /// The plan's year: the filter's, else one the board picks among the years reported; `None`
    /// when nothing is counted.
    pub year: Option<i32>,
    /// The day "late" and "this quarter" are counted against: today in the current year, the
    /// year's last day for a past year.
    pub day: Option<NaiveDate>,
    /// The items of the plan (with a planned quarter) and the done ones: the plan's completion.
    pub plan: LegislationCounts,
    /// [`LegislationCounts::rate`] of `plan`.
    pub plan_rate: Option<f64>,
    /// Items added during the year, outside the plan, and the done ones.
    pub outside_plan: LegislationCounts,
    /// Every type, in the plan and outside it: law, regulation, strategy.
    pub by_type: Vec<LegislationTypeRow>,
    /// The items not done, per stage, in the order an item passes them.
    pub open_by_stage: Vec<LegislationStageRow>,
    /// Planned items not done whose planned quarter ended before `day`: the longest late first.
    pub late: Vec<LegislationItemRow>,
    /// The quarter of `day`.
    pub this_quarter: Option<u8>,
    /// Items done in the quarter of `day`, the latest first.
    pub done_this_quarter: Vec<LegislationItemRow>,
    /// Legal memoranda written for the cabinet in the year.
    pub memoranda: u64,
    /// One row per quarter with memoranda reported, in order.
    pub memoranda_quarters: Vec<MemorandaQuarter>,
}

/// Board `legislation` of the filter's year; with a center in the filter, the items that center
/// (or a center reporting through it) is responsible for or reported, and the memoranda it
/// reported. Without a year in the filter, [`default_year`] of the years reported, against `today`.
pub fn aggregate_legislation(
    data: &Dataset,
    f: &BoardFilter,
    today: NaiveDate,
) -> LegislationBoard {
    let within = |c: &CenterCode| f.center.as_ref().is_none_or(|w| data.is_within(c, w));
    let items: Vec<&super::Stored<LegislationItem>> = data
        .legislation
        .values()
        .filter(|s| within(&s.center) || within(&s.value.responsible))
        .collect();
    let memos: Vec<&super::Stored<LegalMemoranda>> = data
        .memoranda
        .values()
        .filter(|s| within(&s.center))
        .collect();
    let years = items.iter().map(|s| s.value.year);
    let year = f
        .year
        .or_else(|| default_year(years.chain(memos.iter().map(|s| s.value.year)), today));
    let Some(year) = year else {
        return LegislationBoard::empty();
    };
    let mut board = LegislationBoard::empty();
    board.year = Some(year);
    let day = if year < today.year() {
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today)
    } else {
        today
    };
    let mut types: BTreeMap<LegislationType, LegislationCounts> = BTreeMap::new();
    let mut stages: BTreeMap<LegislationStage, u64> = BTreeMap::new();
    for s in items.iter().filter(|s| s.value.year == year) {
        let i = &s.value;
        board.as_of = latest(board.as_of, Some(s.as_of));
        if i.in_plan() {
            board.plan.add(i);
        } else {
            board.outside_plan.add(i);
        }
        types.entry(i.item_type).or_default().add(i);
        if !i.is_done() {
            *stages.entry(i.stage).or_default() += 1;
        }
        let row = |quarters_late| row_of(data, i, quarters_late);
        let late = late_by(i, day);
        if late > 0 {
            board.late.push(row(late));
        }
        if i.is_done() && i.done.is_some_and(|d| same_quarter(d, day)) {
            board.done_this_quarter.push(row(0));
        }
    }
    let mut per_quarter: BTreeMap<u8, u64> = BTreeMap::new();
    for s in memos.iter().filter(|s| s.value.year == year) {
        board.as_of = latest(board.as_of, Some(s.as_of));
        board.memoranda += u64::from(s.value.memoranda);
        *per_quarter.entry(s.value.quarter).or_default() += u64::from(s.value.memoranda);
    }
    if board.as_of.is_none() {
        return LegislationBoard::empty();
    }
    board.day = Some(day);
    board.this_quarter = Some(quarter_of(day));
    board.plan_rate = board.plan.rate();
    board.by_type = LegislationType::ALL
        .into_iter()
        .map(|t| LegislationTypeRow {
            item_type: t,
            counts: types.get(&t).copied().unwrap_or_default(),
        })
        .collect();
    board.open_by_stage = LegislationStage::ALL
        .into_iter()
        .filter(|s| *s != LegislationStage::Forwarded)
        .map(|stage| LegislationStageRow {
            stage,
            items: stages.get(&stage).copied().unwrap_or(0),
        })
        .collect();
    board.late.sort_by(|a, b| {
        b.quarters_late
            .cmp(&a.quarters_late)
            .then(a.item_type.cmp(&b.item_type))
            .then(a.code.cmp(&b.code))
    });
    board
        .done_this_quarter
        .sort_by(|a, b| b.done.cmp(&a.done).then(a.code.cmp(&b.code)));
    board.memoranda_quarters = per_quarter
        .into_iter()
        .map(|(quarter, memoranda)| MemorandaQuarter { quarter, memoranda })
        .collect();
    board
}

impl LegislationBoard {
    /// Nothing counted.
    fn empty() -> LegislationBoard {
        LegislationBoard {
            as_of: None,
            year: None,
            day: None,
            plan: LegislationCounts::default(),
            plan_rate: None,
            outside_plan: LegislationCounts::default(),
            by_type: Vec::new(),
            open_by_stage: Vec::new(),
            late: Vec::new(),
            this_quarter: None,
            done_this_quarter: Vec::new(),
            memoranda: 0,
            memoranda_quarters: Vec::new(),
        }
    }
}

/// Quarters ended between the end of `i`'s planned quarter and `day`'s quarter, for a planned
/// item not done; 0 for any other.
fn late_by(i: &LegislationItem, day: NaiveDate) -> u32 {
    let Some(q) = i.planned_quarter.filter(|_| !i.is_done()) else {
        return 0;
    };
    let planned = i64::from(i.year) * 4 + i64::from(q) - 1;
    let now = i64::from(day.year()) * 4 + i64::from(quarter_of(day)) - 1;
    u32::try_from(now - planned).unwrap_or(0)
}

fn same_quarter(a: NaiveDate, b: NaiveDate) -> bool {
    a.year() == b.year() && quarter_of(a) == quarter_of(b)
}

fn row_of(data: &Dataset, i: &LegislationItem, quarters_late: u32) -> LegislationItemRow {
    LegislationItemRow {
        code: i.code.clone(),
        title: i.title.clone(),
        item_type: i.item_type,
        stage: i.stage,
        responsible: i.responsible.clone(),
        responsible_ar: data.center_names(&i.responsible).0,
        planned_quarter: i.planned_quarter,
        done: i.done,
        quarters_late,
    }
}

#[cfg(test)]
mod tests;
