//! The demo's centers as the collector knows them: a registry and keys derived from the center
//! codes, so every demo run (`rasid-kiosk --demo`, `rasid-agent demo-data`) has the same keys.
//! Never for a real deployment: anyone can derive these keys.

use crate::registry::{CenterEntry, CentersFile, WallEntry};
use rasid_shared::demo::{self, DemoData};
use rasid_shared::model::CenterCode;
use rasid_shared::sign::KeyPair;
use sha2::{Digest, Sha256};

/// The demo key of a center: derived from its code, so every demo run has the same keys.
/// Never use these outside the demo: anyone can derive them.
pub fn demo_key(center: &CenterCode) -> KeyPair {
    let seed: [u8; 32] = Sha256::digest(format!("rasid-demo-key:{center}").as_bytes()).into();
    KeyPair::from_seed(seed)
}

/// The name of the demo's wall, registered in the demo registry with [`demo_wall_key`].
pub const DEMO_WALL: &str = "demo-wall";

/// The demo wall's key, derived from its name like the centers' demo keys. Never use it
/// outside the demo: anyone can derive it.
pub fn demo_wall_key() -> KeyPair {
    let seed: [u8; 32] =
        Sha256::digest(format!("rasid-demo-wall-key:{DEMO_WALL}").as_bytes()).into();
    KeyPair::from_seed(seed)
}

/// The registry of the demo's centers, each with its demo key, and of the demo's wall
/// ([`DEMO_WALL`], with [`demo_wall_key`]).
pub fn demo_registry(data: &DemoData) -> CentersFile {
    CentersFile {
        secretariat: CenterCode::new(demo::SECRETARIAT).unwrap_or_else(|_| unreachable!()),
        centers: data
            .centers
            .iter()
            .map(|c| CenterEntry {
                code: c.code.clone(),
                name_ar: c.name_ar.clone(),
                name_en: c.name_en.clone(),
                parent: c.parent.clone(),
                keys: vec![demo_key(&c.code).public_base64()],
            })
            .collect(),
        walls: vec![WallEntry {
            name: DEMO_WALL.to_string(),
            keys: vec![demo_wall_key().public_base64()],
            description: Some("the demo's wall (rasid-kiosk --demo)".to_string()),
        }],
    }
}
