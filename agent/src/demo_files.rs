//! Writes the demo dataset as files: the registry, demo keys, and one import file per center
//! and record kind, in the formats the agent reads.

use anyhow::{Context, Result};
use rasid_collector::demo::{DEMO_WALL, demo_key, demo_registry, demo_wall_key};
use rasid_shared::demo;
use rasid_shared::model::{CenterCode, RecordEnvelope, RecordKind};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;

/// What `write_demo` wrote.
#[derive(Debug, Default)]
pub struct DemoSummary {
    pub files: usize,
    pub records: usize,
}

/// Writes `out/centers.toml`, `out/keys/CODE.key` and `out/CODE/KIND.json` for every center,
/// and the demo wall's key `out/keys/demo-wall.key`.
pub fn write_demo(out: &Path) -> Result<DemoSummary> {
    let data = demo::generate();
    std::fs::create_dir_all(out.join("keys"))
        .with_context(|| format!("creating {}", out.display()))?;
    let registry =
        toml::to_string_pretty(&demo_registry(&data)).context("writing the demo registry")?;
    std::fs::write(
        out.join("centers.toml"),
        format!("# Demo registry written by `rasid-agent demo-data`.\n{registry}"),
    )
    .with_context(|| format!("writing {}", out.join("centers.toml").display()))?;
    for c in &data.centers {
        std::fs::write(
            out.join("keys").join(format!("{}.key", c.code)),
            demo_key(&c.code).secret_base64(),
        )
        .context("writing demo keys")?;
    }
    std::fs::write(
        out.join("keys").join(format!("{DEMO_WALL}.key")),
        demo_wall_key().secret_base64(),
    )
    .context("writing the demo wall's key")?;
    let mut groups: BTreeMap<(CenterCode, RecordKind), Vec<&RecordEnvelope>> = BTreeMap::new();
    for e in &data.records {
        groups
            .entry((e.center.clone(), e.record.kind()))
            .or_default()
            .push(e);
    }
    let mut summary = DemoSummary::default();
    for ((center, kind), envs) in groups {
        let dir = out.join(center.as_str());
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let rows: Vec<Value> = envs
            .iter()
            .map(|e| {
                let mut v = serde_json::to_value(&e.record).unwrap_or(Value::Null);
                if let Value::Object(o) = &mut v {
                    o.remove("record");
                    o.insert("as_of".into(), json!(e.as_of));
                }
                v
            })
            .collect();
        summary.records += rows.len();
        let doc = json!({ "center": center, "records": rows });
        let path = dir.join(format!("{}.json", kind.as_str()));
        let text = serde_json::to_string_pretty(&doc).context("encoding demo records")?;
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        summary.files += 1;
    }
    Ok(summary)
}
