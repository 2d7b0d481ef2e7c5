//! Synthetic Rasid data at any size, the same on every run: a registry of centers with Arabic
//! names, decisions with their statuses, and budget lines.
//!
//! For benchmarks only. `rasid_shared::demo` reproduces one real year (776 decisions, 19
//! centers); this scales the same shapes to 300 centers, 100,000 decisions and a million budget
//! lines. Compiled into `rasid-bench` and, through `#[path]`, into the criterion benches of
//! `rasid-shared` and `rasid-kiosk`, so every figure in docs/BENCHMARKS.md counts the same records.

// Each includer uses a different part of this module.
#![allow(dead_code)]

use chrono::{Duration, NaiveDate};
use rasid_shared::board::Dataset;
use rasid_shared::model::{
    BudgetCategory, BudgetLine, Center, CenterCode, Classification, Decision, DecisionKind,
    DecisionNumber, DecisionStatus, ExecutionStatus, FollowUp, FollowUpKind, Record,
    RecordEnvelope,
};

/// The secretariat's code: the only center that issues decisions.
pub const SECRETARIAT: &str = "GSC";

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// Registered centers, the secretariat included.
    pub centers: usize,
    /// Decisions and assignments; about 85% of their responsible centers report a status.
    pub decisions: usize,
    pub budget_lines: usize,
}

impl Sizes {
    /// The wall's heaviest case in the issue: 10,000 decisions over 300 centers.
    pub const WALL: Sizes = Sizes {
        centers: 300,
        decisions: 10_000,
        budget_lines: 100_000,
    };
}

/// Centers and records (revision 1 each, reported by the center named in each).
#[derive(Debug, Clone)]
pub struct Synthetic {
    pub centers: Vec<Center>,
    pub records: Vec<RecordEnvelope>,
}

impl Synthetic {
    /// The records indexed for aggregation, with the registry of centers.
    pub fn dataset(&self) -> Dataset {
        Dataset::from_envelopes(self.centers.clone(), self.records.iter().cloned())
    }

    /// How many of the records are decision statuses.
    pub fn status_count(&self) -> usize {
        self.records
            .iter()
            .filter(|e| matches!(e.record, Record::DecisionStatus(_)))
            .count()
    }
}

/// SplitMix64, as in `rasid_shared::demo`: tiny and stable across releases.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1).max(1) as u64)) as i64
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The code of center number `i`: the secretariat for 0, then `C0001`, `C0002` …
pub fn center_code(i: usize) -> CenterCode {
    let s = if i == 0 {
        SECRETARIAT.to_string()
    } else {
        format!("C{i:04}")
    };
    CenterCode::new(&s).unwrap_or_else(|_| unreachable!("generated center codes are valid"))
}

const DOMAINS: &[&str] = &[
    "الصحة",
    "التربية والتعليم",
    "المالية والتخطيط",
    "الزراعة",
    "العدل",
    "النقل والمواصلات",
    "الحكم المحلي",
    "الاقتصاد الوطني",
    "التنمية الاجتماعية",
    "الأشغال العامة والإسكان",
    "الاتصالات وتكنولوجيا المعلومات",
    "العمل",
    "السياحة والآثار",
    "جودة البيئة",
    "الطاقة والموارد الطبيعية",
];

const GOVERNORATES: &[&str] = &[
    "رام الله والبيرة",
    "نابلس",
    "الخليل",
    "بيت لحم",
    "جنين",
    "طولكرم",
    "قلقيلية",
    "أريحا والأغوار",
    "سلفيت",
    "طوباس",
    "غزة",
    "خان يونس",
    "رفح",
    "دير البلح",
    "القدس",
];

/// Arabic names of `n` centers (the secretariat first), each with the index of the center it
/// reports through: ministries, authorities and general directorates, then a directorate per
/// governorate and ministry, then numbered branches — names of 10 to 50 letters, some with digits.
pub fn center_names(n: usize) -> Vec<(String, Option<usize>)> {
    let mut out: Vec<(String, Option<usize>)> =
        vec![("الأمانة العامة لمجلس الوزراء".to_string(), None)];
    let ministry = |d: usize| 1 + d;
    for d in DOMAINS {
        out.push((format!("وزارة {d}"), None));
    }
    for (i, d) in DOMAINS.iter().enumerate() {
        out.push((format!("الهيئة العامة لشؤون {d}"), Some(ministry(i))));
    }
    for (i, d) in DOMAINS.iter().enumerate() {
        out.push((
            format!("الإدارة العامة للتخطيط في قطاع {d}"),
            Some(ministry(i)),
        ));
    }
    for g in GOVERNORATES {
        for (i, d) in DOMAINS.iter().enumerate() {
            out.push((format!("مديرية {d} في محافظة {g}"), Some(ministry(i))));
        }
    }
    let mut branch = 1;
    while out.len() < n {
        let i = branch % DOMAINS.len();
        out.push((
            format!("دائرة {} — الفرع {branch}", DOMAINS[i]),
            Some(ministry(i)),
        ));
        branch += 1;
    }
    out.truncate(n);
    out
}

/// The registry of `n` centers.
pub fn centers(n: usize) -> Vec<Center> {
    center_names(n.max(2))
        .into_iter()
        .enumerate()
        .map(|(i, (name_ar, parent))| Center {
            code: center_code(i),
            name_ar,
            name_en: format!("Center {i}"),
            parent: parent.map(center_code),
        })
        .collect()
}

const TITLES: &[&str] = &[
    "إعداد خطة وطنية لتطوير الخدمات الحكومية الإلكترونية",
    "المصادقة على نظام الأراضي الحكومية المعدل",
    "اعتماد الهيكل التنظيمي المعدل وتسكين الموظفين عليه",
    "إعداد تقرير حول تنفيذ خطة الطوارئ الصحية في المحافظات",
    "متابعة تنفيذ مشاريع قطاع المياه العادمة",
    "تعزيز الرقابة على الأسعار في الأسواق المحلية",
    "المصادقة على اتفاقية تعاون فني مع الاتحاد الأوروبي",
    "تطوير منظومة الشكاوى الحكومية وربطها إلكترونياً",
    "إعداد مشروع موازنة البرامج للعام القادم",
    "صيانة الطرق الرئيسية بين المحافظات",
];

const CATEGORIES: [BudgetCategory; 3] = [
    BudgetCategory::Salaries,
    BudgetCategory::Operating,
    BudgetCategory::Development,
];

/// Budget line number `index` of `center`: every index gives another key (month, category and
/// program vary with it), so any number of lines can be reported by one center.
pub fn budget_line(center: &CenterCode, index: usize) -> RecordEnvelope {
    let month = (index % 12) as u8 + 1;
    let category = CATEGORIES[(index / 12) % 3];
    let program = index / 36 + 1;
    // Amounts vary with the line but stay plausible: spent below the allocation's twelfth.
    let seed = (index as i64).wrapping_mul(2_654_435_761) & 0xFFFF;
    let allocated = 1_000_000 + seed * 100;
    let spent = allocated / 12 * (50 + seed % 50) / 100;
    RecordEnvelope {
        center: center.clone(),
        as_of: date(2023, month as u32, 1) + Duration::days(40),
        revision: 1,
        record: Record::Budget(BudgetLine {
            fiscal_year: 2023,
            month,
            program: format!("برنامج {program}"),
            category,
            allocated,
            revised: None,
            committed: spent + spent / 10,
            spent,
            currency: "ILS".into(),
        }),
    }
}

/// A status report of `center` on `decision`.
pub fn status(
    center: &CenterCode,
    decision: DecisionNumber,
    status: ExecutionStatus,
    progress: u8,
) -> RecordEnvelope {
    RecordEnvelope {
        center: center.clone(),
        as_of: date(2023, 12, 31),
        revision: 1,
        record: Record::DecisionStatus(DecisionStatus {
            decision,
            status,
            progress,
            note: String::new(),
            follow_ups: Vec::new(),
        }),
    }
}

/// Generates `sizes` worth of records: decisions first (the secretariat's), then statuses,
/// then budget lines spread over every center but the secretariat.
pub fn generate(sizes: Sizes) -> Synthetic {
    let centers = centers(sizes.centers);
    let responsible = centers.len() - 1;
    let mut rng = Rng(0x5241_5349_4442_454E); // "RASIDBEN"
    let mut records = Vec::with_capacity(sizes.decisions * 2 + sizes.budget_lines);
    let mut statuses = Vec::new();
    let first = date(2023, 1, 2);
    for i in 0..sizes.decisions {
        let number = DecisionNumber::new(18, 100 + (i / 40) as u32, (i % 40) as u16 + 1);
        let day = first + Duration::days((i * 360 / sizes.decisions.max(1)) as i64);
        let kind = if rng.below(100) < 55 {
            DecisionKind::Decision
        } else {
            DecisionKind::Assignment
        };
        let routine = kind == DecisionKind::Decision && rng.below(100) < 30;
        let lead = 1 + rng.below(responsible);
        let mut assigned = vec![center_code(lead)];
        if !routine && rng.below(100) < 15 {
            let second = 1 + rng.below(responsible);
            if second != lead {
                assigned.push(center_code(second));
            }
        }
        let decision = Decision {
            number,
            date: day,
            kind,
            title: TITLES[rng.below(TITLES.len())].to_string(),
            routine,
            classification: Classification {
                program: Some(format!("البرنامج {}", rng.below(8) + 1)),
                sector: Some(DOMAINS[rng.below(DOMAINS.len())].to_string()),
                level: None,
                decision_type: None,
            },
            centers: assigned.clone(),
            due: (!routine).then(|| day + Duration::days(rng.range(30, 200))),
            links: Vec::new(),
        };
        records.push(RecordEnvelope {
            center: center_code(0),
            as_of: day,
            revision: 1,
            record: Record::Decision(decision),
        });
        for center in &assigned {
            if rng.below(100) >= 85 {
                continue;
            }
            let (s, progress) = match rng.below(100) {
                0..45 => (ExecutionStatus::Executed, 100),
                45..82 => (ExecutionStatus::InProgress, rng.range(10, 90) as u8),
                _ => (ExecutionStatus::NotStarted, 0),
            };
            let mut env = status(center, number, s, progress);
            env.as_of = (day + Duration::days(rng.range(14, 120))).min(date(2023, 12, 31));
            if let Record::DecisionStatus(st) = &mut env.record {
                if s != ExecutionStatus::Executed {
                    st.note = "بانتظار استكمال الإجراءات مع الجهات الشريكة".into();
                }
                for k in 0..rng.below(3) {
                    let kind = [
                        FollowUpKind::Call,
                        FollowUpKind::Letter,
                        FollowUpKind::Message,
                    ][k];
                    st.follow_ups.push(FollowUp {
                        kind,
                        date: env.as_of - Duration::days(k as i64 + 1),
                    });
                }
            }
            statuses.push(env);
        }
    }
    records.append(&mut statuses);
    for i in 0..sizes.budget_lines {
        records.push(budget_line(
            &center_code(1 + i % responsible),
            i / responsible,
        ));
    }
    Synthetic { centers, records }
}
