//! What makes the hosted site an app a browser can install and read
//! offline, written beside the pages: the web app manifest, its icons
//! (drawn like the previews, [`super::preview`]: SVG in the palette,
//! rasterised by resvg with the same font), and the page the service
//! worker (`static/sw.js`) answers with, offline, for a page never opened
//! before, in each language. Everything is addressed relative to the
//! site's root, so it works under any path.

use super::escape;
use super::meta::home_path;
use super::preview::{encode_pixels, Painter};
use crate::i18n::{Msg, Tr};
use crate::palette::LIGHT;
use std::path::Path;
use upr_core::lang::Lang;

pub const MANIFEST: &str = "manifest.webmanifest";

/// The icons' files and sizes: each size plain (`any`: a rounded square,
/// what a browser shows as it is) and maskable (full-bleed, its mark
/// inside the circle a platform may cut it to).
pub const ICON_SIZES: [u32; 2] = [192, 512];

fn icon_path(size: u32, maskable: bool) -> String {
    let kind = if maskable { "maskable" } else { "icon" };
    format!("icons/{kind}-{size}.png")
}

/// The page the service worker answers with, offline, for a page it never
/// saved, in `lang`.
pub fn offline_path(lang: Lang) -> String {
    match lang {
        Lang::En => "offline.html".to_owned(),
        _ => format!("offline.{}.html", lang.code()),
    }
}

/// Writes the manifest, the icons and the offline pages into `out` (the
/// built folder); `languages` are every language's messages. Returns the
/// files written, relative to `out`.
pub fn write_app_files(out: &Path, languages: &[Tr]) -> Result<Vec<String>, String> {
    let mut written = Vec::new();
    let mut write = |path: String, content: &[u8]| -> Result<(), String> {
        let target = out.join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("could not create {}: {e}", parent.display()))?;
        }
        std::fs::write(&target, content)
            .map_err(|e| format!("could not write {}: {e}", target.display()))?;
        written.push(path);
        Ok(())
    };
    let painter = Painter::default();
    for size in ICON_SIZES {
        for maskable in [false, true] {
            let png = encode_pixels(&icon_pixels(&painter, maskable, size)?, size, size)?;
            write(icon_path(size, maskable), &png)?;
        }
    }
    let english = Tr::english();
    write(MANIFEST.to_owned(), manifest(&english).as_bytes())?;
    for t in languages {
        write(offline_path(t.lang()), offline_page(t).as_bytes())?;
    }
    Ok(written)
}

/// The icon (drawn on a 512-unit square) as straight RGBA pixels of
/// `size` pixels square, its transparency kept (the plain icon's corners).
/// Written as a palette PNG ([`encode_pixels`]): a few flat colours and
/// their edges' shades, a third of the bytes of tiny-skia's RGBA PNG, and
/// the browser fetches an icon with the page.
pub fn icon_pixels(painter: &Painter, maskable: bool, size: u32) -> Result<Vec<u8>, String> {
    let svg = icon_svg(maskable);
    let tree = resvg::usvg::Tree::from_str(&svg, &painter.options).map_err(|e| e.to_string())?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size, size).ok_or("an icon has no size")?;
    let scale = size as f32 / 512.0;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // Straight colours for PNG: tiny-skia holds them premultiplied.
    Ok(pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect())
}

/// The web app manifest, in English (one manifest serves every page).
/// Its addresses are relative to itself, at the site's root.
pub fn manifest(t: &Tr) -> String {
    let icons: Vec<serde_json::Value> = ICON_SIZES
        .into_iter()
        .flat_map(|size| {
            [false, true].map(|maskable| {
                serde_json::json!({
                    "src": icon_path(size, maskable),
                    "sizes": format!("{size}x{size}"),
                    "type": "image/png",
                    "purpose": if maskable { "maskable" } else { "any" },
                })
            })
        })
        .collect();
    let manifest = serde_json::json!({
        "id": "./",
        "name": t.get(Msg::PageTitle),
        "short_name": "UPR viewer",
        "description": t.get(Msg::Intro),
        "lang": t.lang().code(),
        "dir": t.lang().dir(),
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": LIGHT.background,
        "theme_color": LIGHT.background,
        "icons": icons,
    });
    format!("{manifest:#}\n")
}

/// The mark: "UPR" above a bar in the accepted and noted colours, as the
/// previews draw a review's share, on the accent colour. Drawn on a
/// 512-unit square; a maskable icon fills the square and keeps the mark
/// inside the middle 80% (the safe zone is a circle of 40% radius).
pub fn icon_svg(maskable: bool) -> String {
    let (background, mark) = if maskable {
        (
            r#"<rect width="512" height="512""#,
            "translate(256 256) scale(0.8) translate(-256 -256)",
        )
    } else {
        (r#"<rect width="512" height="512" rx="96""#, "")
    };
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
{background} fill="{accent}"/>
<g transform="{mark}">
<text x="256" y="300" text-anchor="middle" font-size="168" fill="{on_accent}">UPR</text>
<rect x="96" y="350" width="320" height="44" rx="10" fill="{surface}"/>
<rect x="104" y="358" width="200" height="28" rx="5" fill="{accepted}"/>
<rect x="304" y="358" width="104" height="28" rx="5" fill="{noted}"/>
</g>
</svg>"##,
        accent = LIGHT.accent,
        on_accent = LIGHT.on_accent,
        surface = LIGHT.surface,
        accepted = LIGHT.accepted,
        noted = LIGHT.noted,
    )
}

/// The offline page in the language of `t`. Its link is relative to the
/// site's root: the service worker, which answers with it at any address,
/// puts the root in its `<base>` (`<!--base-->`).
pub fn offline_page(t: &Tr) -> String {
    let lang = t.lang();
    format!(
        r#"<!doctype html>
<html lang="{code}" dir="{dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<!--base-->
<title>{offline} — {title}</title>
<link rel="icon" href="icons/icon-192.png">
<style>body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em; }}</style>
</head>
<body>
<h1>{title}</h1>
<p>{message}</p>
<p><a href="{home}">{home_link}</a></p>
</body>
</html>
"#,
        code = lang.code(),
        dir = lang.dir(),
        offline = escape(&t.get(Msg::OfflineTitle)),
        title = escape(&t.get(Msg::PageTitle)),
        message = escape(&t.get(Msg::OfflinePage)),
        home = home_path(lang),
        home_link = escape(&t.get(Msg::OfflineHome)),
    )
}
