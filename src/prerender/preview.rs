//! The preview image of a review's page, what chat apps and social networks
//! show with a shared link: the State, session, recommendations and the
//! share accepted, drawn as SVG and rasterised to PNG with resvg.
//!
//! The text needs a font file: resvg draws no text without one, and a
//! build machine may have none (a fresh Debian has no fonts until a package
//! brings them). DejaVu Sans Bold (free licence, `static/fonts/`; it has
//! Arabic and Cyrillic), with the Chinese glyphs of Droid Sans Fallback, is
//! built into the prerender binary, so every build draws the same picture.

use super::escape;
use super::meta::{review_month, review_reach};
use crate::i18n::{Msg, Tr};
use crate::palette::LIGHT;
use std::collections::HashMap;
use std::sync::Arc;
use upr_core::dataset::load::Dataset;
use upr_core::format::percent;

/// Open Graph's recommended size for a large preview.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const FONT: &[u8] = include_bytes!("../../static/fonts/DejaVuSans-Bold.ttf");
const FONT_FAMILY: &str = "DejaVu Sans";
/// DejaVu Sans has Arabic and Cyrillic but no Chinese: these are the
/// Chinese glyphs of the messages and State names, cut from Droid Sans
/// Fallback (`scripts/cjk-font.sh`); resvg falls back to it for them.
const CJK_FONT: &[u8] = include_bytes!("../../static/fonts/DroidSansFallback-zh.ttf");

/// Draws previews; holds the font, loaded once.
pub struct Painter {
    pub(super) options: resvg::usvg::Options<'static>,
}

impl Default for Painter {
    fn default() -> Self {
        let mut fonts = resvg::usvg::fontdb::Database::new();
        fonts.load_font_data(FONT.to_vec());
        fonts.load_font_data(CJK_FONT.to_vec());
        let options = resvg::usvg::Options {
            font_family: FONT_FAMILY.to_owned(),
            fontdb: Arc::new(fonts),
            ..Default::default()
        };
        Painter { options }
    }
}

impl Painter {
    /// The review's preview as PNG, in the language of `t`.
    pub fn review_png(&self, t: &Tr, dataset: &Dataset, review: usize) -> Result<Vec<u8>, String> {
        encode_png(&self.review_pixels(t, dataset, review)?)
    }

    /// The review's preview as opaque RGBA pixels, row by row.
    pub fn review_pixels(
        &self,
        t: &Tr,
        dataset: &Dataset,
        review: usize,
    ) -> Result<Vec<u8>, String> {
        let svg = review_svg(t, dataset, review);
        let tree = resvg::usvg::Tree::from_str(&svg, &self.options).map_err(|e| e.to_string())?;
        let mut pixmap =
            resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("the preview has no size")?;
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::default(),
            &mut pixmap.as_mut(),
        );
        Ok(pixmap.take())
    }
}

/// The picture (opaque RGBA, [`WIDTH`] by [`HEIGHT`]) as PNG, losslessly:
/// with its own colours as an 8-bit palette, as every preview can be (a
/// card of seven flat colours, and the shades resvg gives the edges of
/// their text: 115 to 119 colours in all, of 256), else as RGB. The palette
/// PNG is half the RGB one (15 kB against 31 kB; 2,316 files in the site).
pub fn encode_png(rgba: &[u8]) -> Result<Vec<u8>, String> {
    encode_pixels(rgba, WIDTH, HEIGHT)
}

/// Straight (not premultiplied) RGBA pixels, `width` by `height`, as PNG,
/// losslessly: as an 8-bit palette where they have at most 256 colours
/// (their transparency, if any, in the palette's `tRNS`), else as RGBA.
/// The palette without filters, as the PNG standard advises for palette
/// images, and with zlib's best compression: 8% smaller for 20 ms a
/// picture.
pub fn encode_pixels(rgba: &[u8], width: u32, height: u32) -> Result<Vec<u8>, String> {
    let mut palette: Vec<[u8; 4]> = Vec::with_capacity(256);
    let mut known: HashMap<[u8; 4], u8> = HashMap::new();
    let mut indices = Vec::with_capacity(rgba.len() / 4);
    // Most pixels are as the one before: looked up once per run.
    let mut last: Option<([u8; 4], u8)> = None;
    for p in rgba.chunks_exact(4) {
        let colour = [p[0], p[1], p[2], p[3]];
        let index = match last {
            Some((c, i)) if c == colour => i,
            _ => {
                let index = match known.get(&colour) {
                    Some(&i) => i,
                    None => {
                        let Ok(i) = u8::try_from(known.len()) else {
                            return encode_rgba_png(rgba, width, height);
                        };
                        known.insert(colour, i);
                        palette.push(colour);
                        i
                    }
                };
                last = Some((colour, index));
                index
            }
        };
        indices.push(index);
    }
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, width, height);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(
        palette
            .iter()
            .flat_map(|c| [c[0], c[1], c[2]])
            .collect::<Vec<_>>(),
    );
    if palette.iter().any(|c| c[3] < u8::MAX) {
        encoder.set_trns(palette.iter().map(|c| c[3]).collect::<Vec<_>>());
    }
    encoder.set_filter(png::FilterType::NoFilter);
    encoder.set_compression(png::Compression::Best);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer
        .write_image_data(&indices)
        .map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(png)
}

/// The picture as an RGBA PNG with the Sub filter: for a picture of more
/// than 256 colours, which no preview or icon has been yet.
fn encode_rgba_png(rgba: &[u8], width: u32, height: u32) -> Result<Vec<u8>, String> {
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_filter(png::FilterType::Sub);
    encoder.set_compression(png::Compression::Default);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(rgba).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(png)
}

/// The card as SVG in the language of `t`, text escaped (a State's name is
/// data). In Arabic it is mirrored: text from the right, the bar filled
/// from the right.
pub fn review_svg(t: &Tr, dataset: &Dataset, review: usize) -> String {
    let summary = &dataset.reviews[review].summary;
    let name = t.state_name(dataset, dataset.reviews[review].state);
    let when = review_month(t, dataset, review)
        .map(|m| format!(" · {m}"))
        .unwrap_or_default();
    let accepted = t.fmt(
        Msg::SiteAcceptedShare,
        &[(
            "share",
            &t.pct(percent(summary.accepted, summary.recommendations)),
        )],
    );
    let bar = 1040.0;
    let accepted_width =
        bar * f64::from(summary.accepted) / f64::from(summary.recommendations.max(1));
    let noted_width = bar * f64::from(summary.noted) / f64::from(summary.recommendations.max(1));
    // Long names (`the Democratic Republic of the Congo`) in smaller type.
    let name_size = if name.chars().count() > 24 { 56 } else { 80 };
    let rtl = t.lang().is_rtl();
    // Where a line of text starts, and where the bar's two parts are.
    let (x, anchor) = if rtl { (1120, "end") } else { (80, "start") };
    // resvg orders the words of a line left to right whatever `direction`
    // says; an explicit right-to-left embedding makes it order Arabic's.
    let line = |text: &str| {
        if rtl {
            format!("\u{202B}{}\u{202C}", escape(text))
        } else {
            escape(text)
        }
    };
    let (accepted_x, noted_x) = if rtl {
        (
            1120.0 - accepted_width,
            1120.0 - accepted_width - noted_width,
        )
    } else {
        (80.0, 80.0 + accepted_width)
    };
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">
<rect width="{WIDTH}" height="{HEIGHT}" fill="{background}"/>
<rect x="40" y="40" width="1120" height="550" rx="24" fill="{surface}" stroke="{border}" stroke-width="3"/>
<g text-anchor="{anchor}">
<text x="{x}" y="120" font-size="34" fill="{muted}">{title}</text>
<text x="{x}" y="210" font-size="{name_size}" fill="{text}"{fit}>{name}</text>
<text x="{x}" y="300" font-size="40" fill="{muted}">{session}</text>
<text x="{x}" y="400" font-size="44" fill="{text}">{figures}</text>
<text x="{x}" y="550" font-size="36" fill="{accepted_colour}">{accepted}</text>
</g>
<rect x="80" y="450" width="{bar}" height="40" rx="8" fill="{border}"/>
<rect x="{accepted_x:.1}" y="450" width="{accepted_width:.1}" height="40" fill="{accepted_colour}"/>
<rect x="{noted_x:.1}" y="450" width="{noted_width:.1}" height="40" fill="{noted_colour}"/>
</svg>"##,
        background = LIGHT.background,
        surface = LIGHT.surface,
        border = LIGHT.border,
        muted = LIGHT.muted,
        text = LIGHT.text,
        accepted_colour = LIGHT.accepted,
        noted_colour = LIGHT.noted,
        // Squeezed to fit only when it would run over the card (DejaVu Sans
        // Bold is about 0.7 em a letter).
        fit = if name.chars().count() as f64 * f64::from(name_size) * 0.7 > 1040.0 {
            r#" textLength="1040" lengthAdjust="spacingAndGlyphs""#
        } else {
            ""
        },
        title = line(&t.get(Msg::Title)),
        name = line(&name),
        session = line(&format!(
            "{}{when}",
            t.fmt(Msg::SessionN, &[("session", &summary.session.to_string())])
        )),
        figures = line(&review_reach(t, dataset, review)),
        accepted = line(&accepted),
    )
}
