//! The KPI board's cost price: planned against actual over the indicators that report both, and
//! the indicators furthest over their plan. Pure arithmetic over a [`KpiBoard`]'s rows; the wall
//! only lays it out.

use super::KpiRow;

/// Cost price over the indicators that report a usable planned and actual cost (both finite,
/// planned above zero); the others are left out of every figure here.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiCost<'a> {
    /// Planned cost summed over the indicators counted.
    pub planned: f64,
    /// Actual cost summed over the same indicators.
    pub actual: f64,
    /// How many indicators are counted.
    pub indicators: usize,
    /// Actual against planned in percent: +8 is 8% over plan, -5 is 5% under.
    pub difference_pct: f64,
    /// The indicators whose actual cost is above plan, the largest overrun (actual / planned)
    /// first; equal overruns keep the rows' order.
    pub overruns: Vec<CostOverrun<'a>>,
}

/// One indicator over its planned cost.
#[derive(Debug, Clone, PartialEq)]
pub struct CostOverrun<'a> {
    /// The indicator's row on the KPI board, with its planned and actual cost price.
    pub row: &'a KpiRow,
    /// How far over plan, in percent of the plan (> 0).
    pub overrun_pct: f64,
}

/// The cost price of `rows` (a [`super::KpiBoard`]'s), or `None` when no row reports a usable
/// planned and actual cost.
pub fn kpi_cost(rows: &[KpiRow]) -> Option<KpiCost<'_>> {
    let with_cost: Vec<(&KpiRow, f64, f64)> = rows
        .iter()
        .filter_map(|k| match (k.cost_planned, k.cost_actual) {
            (Some(p), Some(a)) if p.is_finite() && a.is_finite() && p > 0.0 => Some((k, p, a)),
            _ => None,
        })
        .collect();
    if with_cost.is_empty() {
        return None;
    }
    let planned: f64 = with_cost.iter().map(|x| x.1).sum();
    let actual: f64 = with_cost.iter().map(|x| x.2).sum();
    let mut over: Vec<&(&KpiRow, f64, f64)> = with_cost.iter().filter(|x| x.2 > x.1).collect();
    over.sort_by(|a, b| (b.2 / b.1).total_cmp(&(a.2 / a.1)));
    Some(KpiCost {
        planned,
        actual,
        indicators: with_cost.len(),
        difference_pct: 100.0 * (actual - planned) / planned,
        overruns: over
            .into_iter()
            .map(|&(row, p, a)| CostOverrun {
                row,
                overrun_pct: 100.0 * (a - p) / p,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::Achievement;
    use crate::model::CenterCode;

    fn row(indicator: &str, cost: Option<(f64, f64)>) -> KpiRow {
        KpiRow {
            center: CenterCode::new("MOH").unwrap(),
            center_ar: "وزارة الصحة".into(),
            program: "P1".into(),
            indicator: indicator.into(),
            name: format!("indicator {indicator}"),
            unit: "%".into(),
            quarter: 2,
            quarter_target: 100.0,
            actual: 80.0,
            achievement_pct: Some(80.0),
            achievement: Achievement::Partly,
            first_quarter_target: None,
            achievement_first_pct: None,
            annual_target: 400.0,
            year_to_date: 160.0,
            cost_planned: cost.map(|c| c.0),
            cost_actual: cost.map(|c| c.1),
        }
    }

    #[test]
    fn totals_count_only_rows_with_a_usable_planned_and_actual_cost() {
        let rows = vec![
            row("a", Some((100.0, 110.0))),
            row("b", Some((300.0, 270.0))),
            row("none", None),
            row("zero-plan", Some((0.0, 50.0))),
            row("nan", Some((f64::NAN, 50.0))),
            row("inf", Some((10.0, f64::INFINITY))),
        ];
        let c = kpi_cost(&rows).unwrap();
        assert_eq!((c.planned, c.actual, c.indicators), (400.0, 380.0, 2));
        assert_eq!(c.difference_pct, -5.0);
    }

    #[test]
    fn overruns_are_ranked_by_how_far_over_plan_and_underruns_are_left_out() {
        let rows = vec![
            row("small", Some((100.0, 105.0))),
            row("under", Some((100.0, 90.0))),
            row("big", Some((10.0, 15.0))),
            row("mid", Some((200.0, 240.0))),
            row("exact", Some((50.0, 50.0))),
        ];
        let c = kpi_cost(&rows).unwrap();
        let ranked: Vec<(&str, f64)> = c
            .overruns
            .iter()
            .map(|o| (o.row.indicator.as_str(), o.overrun_pct))
            .collect();
        assert_eq!(ranked, vec![("big", 50.0), ("mid", 20.0), ("small", 5.0)]);
    }

    #[test]
    fn equal_overruns_keep_the_boards_order() {
        let rows = vec![
            row("first", Some((100.0, 120.0))),
            row("second", Some((50.0, 60.0))),
        ];
        let c = kpi_cost(&rows).unwrap();
        assert_eq!(c.overruns[0].row.indicator, "first");
        assert_eq!(c.overruns[1].row.indicator, "second");
    }

    #[test]
    fn no_usable_cost_is_no_figure_rather_than_a_zero() {
        assert_eq!(kpi_cost(&[]), None);
        assert_eq!(
            kpi_cost(&[row("a", None), row("b", Some((0.0, 0.0)))]),
            None
        );
    }
}
