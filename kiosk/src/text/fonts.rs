//! The kiosk's fonts: Vazirmatn Regular and Bold, embedded in the binary.
//!
//! For: one font setup shared by the app and its tests, so the wall and the snapshots shape
//! Arabic, Persian and Latin text with the same faces and never depend on system fonts.
//! Not for: sizes or colours (those are design tokens in the theme).

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Name of the regular Vazirmatn face in [`FontDefinitions::font_data`].
pub const VAZIRMATN_REGULAR: &str = "Vazirmatn-Regular";

/// Name of the bold Vazirmatn face in [`FontDefinitions::font_data`].
pub const VAZIRMATN_BOLD: &str = "Vazirmatn-Bold";

/// Name of the bold font family; see [`bold_family`].
pub const BOLD_FAMILY_NAME: &str = "bold";

static REGULAR_TTF: &[u8] = include_bytes!("../../fonts/Vazirmatn-Regular.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../fonts/Vazirmatn-Bold.ttf");

/// The family of bold text: Vazirmatn Bold first. Only valid once [`install`] has run.
pub fn bold_family() -> FontFamily {
    FontFamily::Name(BOLD_FAMILY_NAME.into())
}

/// Font definitions of the kiosk.
///
/// Afterwards: `FontFamily::Proportional` starts with Vazirmatn Regular and [`bold_family`]
/// with Vazirmatn Bold (then Regular); egui's built-in faces, if compiled in, stay behind them
/// as fallbacks for symbols Vazirmatn lacks. Monospace keeps its own first face and gains
/// Vazirmatn as a fallback for Arabic script.
pub fn font_definitions() -> FontDefinitions {
    let mut definitions = FontDefinitions::default();
    definitions.font_data.insert(
        VAZIRMATN_REGULAR.to_owned(),
        Arc::new(FontData::from_static(REGULAR_TTF)),
    );
    definitions.font_data.insert(
        VAZIRMATN_BOLD.to_owned(),
        Arc::new(FontData::from_static(BOLD_TTF)),
    );

    let fallbacks = definitions
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();

    let proportional = std::iter::once(VAZIRMATN_REGULAR.to_owned())
        .chain(fallbacks.iter().cloned())
        .collect();
    let bold = [VAZIRMATN_BOLD, VAZIRMATN_REGULAR]
        .into_iter()
        .map(str::to_owned)
        .chain(fallbacks.iter().cloned())
        .collect();

    definitions
        .families
        .insert(FontFamily::Proportional, proportional);
    definitions.families.insert(bold_family(), bold);
    definitions
        .families
        .entry(FontFamily::Monospace)
        .or_default()
        .push(VAZIRMATN_REGULAR.to_owned());
    definitions
}

/// Installs [`font_definitions`] into `ctx`.
///
/// Call once at start-up (eframe's creation context, or `HarnessBuilder::with_context_setup`
/// in tests): egui compares the whole font data on every call.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proportional_and_bold_families_start_with_vazirmatn() {
        let definitions = font_definitions();
        let first = |family: &FontFamily| {
            definitions
                .families
                .get(family)
                .and_then(|names| names.first())
                .cloned()
        };
        assert_eq!(
            first(&FontFamily::Proportional).as_deref(),
            Some(VAZIRMATN_REGULAR)
        );
        assert_eq!(first(&bold_family()).as_deref(), Some(VAZIRMATN_BOLD));
    }

    #[test]
    fn vazirmatn_covers_the_characters_of_the_wall() {
        let mut only_vazirmatn = font_definitions();
        only_vazirmatn
            .families
            .insert(FontFamily::Proportional, vec![VAZIRMATN_REGULAR.to_owned()]);
        let mut fonts = egui::epaint::text::Fonts::new(Default::default(), only_vazirmatn);
        let mut fonts = fonts.with_pixels_per_point(1.0);
        let font_id = egui::FontId::proportional(20.0);
        let needed = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى پچژگکی \u{200C}\
                      0123456789 ٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ٪٫٬،؛؟ %()[]/-:.,… ABCxyz";
        for c in needed.chars() {
            assert!(
                fonts.has_glyph(&font_id, c),
                "Vazirmatn lacks {c:?} (U+{:04X})",
                c as u32
            );
        }
    }
}
