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

/// The card is drawn on a surface of Open Graph's recommended size for a
/// large preview...
const DRAWN_WIDTH: u32 = 1200;
const DRAWN_HEIGHT: u32 = 630;
/// ...and written at 1/SCALE of that: 600×315, the least Open Graph shows
/// as a large preview, and about the size chat apps draw it (1 gives back
/// the full size, for about 15 MB more in dist/).
const SCALE: u32 = 2;
pub const WIDTH: u32 = DRAWN_WIDTH / SCALE;
pub const HEIGHT: u32 = DRAWN_HEIGHT / SCALE;
/// The colours a preview is written with: its flat colours, and the
/// commonest shades of their edges.
const PREVIEW_COLOURS: usize = 16;

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
        let scale = WIDTH as f32 / DRAWN_WIDTH as f32;
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        Ok(pixmap.take())
    }
}

/// The picture (opaque RGBA, [`WIDTH`] by [`HEIGHT`]) as PNG, in
/// 16 colours ([`reduce_colours`]): a 4-bit palette.
pub fn encode_png(rgba: &[u8]) -> Result<Vec<u8>, String> {
    encode_pixels(&reduce_colours(rgba, PREVIEW_COLOURS), WIDTH, HEIGHT)
}

/// The picture (RGBA) in its `n` commonest colours (the first in the
/// order of their values where counts tie), every other colour written as
/// the nearest of them. A preview is a few flat colours and the shades
/// resvg gives the edges of their text; the rarest shades, each a few
/// pixels at an edge, go to the nearest kept one.
pub fn reduce_colours(rgba: &[u8], n: usize) -> Vec<u8> {
    let mut counts: HashMap<[u8; 4], u32> = HashMap::new();
    for p in rgba.chunks_exact(4) {
        *counts.entry([p[0], p[1], p[2], p[3]]).or_default() += 1;
    }
    let mut by_count: Vec<([u8; 4], u32)> = counts.into_iter().collect();
    by_count.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let kept: Vec<[u8; 4]> = by_count.iter().take(n).map(|(c, _)| *c).collect();
    let distance = |a: &[u8; 4], b: &[u8; 4]| -> u32 {
        a.iter()
            .zip(b)
            .map(|(x, y)| (i32::from(*x) - i32::from(*y)).unsigned_abs().pow(2))
            .sum()
    };
    let nearest: HashMap<[u8; 4], [u8; 4]> = by_count
        .iter()
        .map(|(colour, _)| {
            let to = kept
                .iter()
                .min_by_key(|k| distance(colour, k))
                .copied()
                .unwrap_or(*colour);
            (*colour, to)
        })
        .collect();
    rgba.chunks_exact(4)
        .flat_map(|p| nearest[&[p[0], p[1], p[2], p[3]]])
        .collect()
}

/// Straight (not premultiplied) RGBA pixels, `width` by `height`, as PNG,
/// losslessly: as a palette where they have at most 256 colours (their
/// transparency, if any, in the palette's `tRNS`), of 4 bits a pixel where
/// 16 colours do, else as RGBA.
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
    let (depth, data) = if palette.len() <= 16 {
        (png::BitDepth::Four, pack_nibbles(&indices, width as usize))
    } else {
        (png::BitDepth::Eight, indices)
    };
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, width, height);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(depth);
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
    writer.write_image_data(&data).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(png)
}

/// Palette indices below 16, two a byte, each row from a new byte (PNG's
/// layout for 4-bit pixels).
fn pack_nibbles(indices: &[u8], width: usize) -> Vec<u8> {
    indices
        .chunks(width)
        .flat_map(|row| {
            row.chunks(2)
                .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
        })
        .collect()
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
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{DRAWN_WIDTH}" height="{DRAWN_HEIGHT}" viewBox="0 0 {DRAWN_WIDTH} {DRAWN_HEIGHT}">
<rect width="{DRAWN_WIDTH}" height="{DRAWN_HEIGHT}" fill="{background}"/>
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
