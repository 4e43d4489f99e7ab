//! The installable site (src/prerender/install.rs, index.html): the
//! manifest says what a browser needs to install the site from any path,
//! its icons are the sizes it names, the offline pages are in every
//! language, and index.html's theme colours are the palette's.

use std::path::PathBuf;
use upr_viewer::i18n::{Lang, Msg, Tr};
use upr_viewer::palette::{DARK, LIGHT};
use upr_viewer::prerender::install::{
    icon_pixels, manifest, offline_page, write_app_files, ICON_SIZES, MANIFEST,
};
use upr_viewer::prerender::preview::Painter;
use upr_viewer::prerender::read_languages;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn every_language() -> Vec<Tr> {
    std::iter::once(Tr::english())
        .chain(read_languages(&root().join("static/i18n"), &root().join("data")).unwrap())
        .collect()
}

#[test]
fn the_manifest_installs_from_any_path() {
    let json: serde_json::Value = serde_json::from_str(&manifest(&Tr::english())).unwrap();
    // Relative to the manifest, which is at the site's root: the root,
    // wherever the site is.
    assert_eq!(json["start_url"], "./");
    assert_eq!(json["scope"], "./");
    assert_eq!(json["id"], "./");
    assert_eq!(json["display"], "standalone");
    assert_eq!(json["name"], Msg::PageTitle.english().pick(1));
    assert!(json["short_name"].as_str().unwrap().chars().count() <= 12);
    assert_eq!(json["background_color"], LIGHT.background);
    assert_eq!(json["theme_color"], LIGHT.background);
    let icons = json["icons"].as_array().unwrap();
    for purpose in ["any", "maskable"] {
        for size in ["192x192", "512x512"] {
            assert!(
                icons
                    .iter()
                    .any(|i| i["purpose"] == purpose && i["sizes"] == size),
                "no {purpose} icon of {size}"
            );
        }
    }
    for icon in icons {
        assert!(!icon["src"].as_str().unwrap().starts_with('/'), "{icon}");
    }
}

#[test]
fn the_files_are_written_as_the_manifest_names_them() {
    let out = std::env::temp_dir().join(format!("upr-install-{}", std::process::id()));
    let languages = every_language();
    let written = write_app_files(&out, &languages).unwrap();
    assert!(written.contains(&MANIFEST.to_owned()));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join(MANIFEST)).unwrap()).unwrap();
    for icon in json["icons"].as_array().unwrap() {
        let path = out.join(icon["src"].as_str().unwrap());
        let decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
        let info = decoder.read_info().unwrap().info().clone();
        let size = icon["sizes"].as_str().unwrap();
        assert_eq!(
            format!("{}x{}", info.width, info.height),
            size,
            "{}",
            path.display()
        );
    }
    for lang in Lang::ALL {
        let name = upr_viewer::prerender::install::offline_path(lang);
        assert!(written.contains(&name), "no {name}");
    }
    std::fs::remove_dir_all(&out).unwrap();
}

/// The icons are small palette PNGs (a phone fetches one with the page)
/// that keep every pixel as drawn, their transparent corners included.
#[test]
fn an_icon_is_a_palette_png_of_exactly_the_pixels_drawn() {
    let out = std::env::temp_dir().join(format!("upr-icons-{}", std::process::id()));
    write_app_files(&out, &[Tr::english()]).unwrap();
    let painter = Painter::default();
    for size in ICON_SIZES {
        for (maskable, kind) in [(false, "icon"), (true, "maskable")] {
            let path = out.join(format!("icons/{kind}-{size}.png"));
            let mut decoder =
                png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
            let header = decoder.read_header_info().unwrap();
            assert_eq!(
                (header.color_type, header.bit_depth),
                (png::ColorType::Indexed, png::BitDepth::Eight),
                "{} as an 8-bit palette",
                path.display()
            );
            // RGBA whether or not the palette has transparency.
            decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
            let mut reader = decoder.read_info().unwrap();
            let mut pixels = vec![0; reader.output_buffer_size()];
            reader.next_frame(&mut pixels).unwrap();
            let drawn = icon_pixels(&painter, maskable, size).unwrap();
            if !maskable {
                assert_eq!(drawn[3], 0, "the plain icon's corner is transparent");
            }
            assert!(
                pixels == drawn,
                "{} keeps every pixel as drawn",
                path.display()
            );
        }
    }
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn the_offline_page_is_in_its_language_and_leads_home() {
    for t in every_language() {
        let page = offline_page(&t);
        let lang = t.lang();
        assert!(page.contains(&format!(
            "<html lang=\"{}\" dir=\"{}\">",
            lang.code(),
            lang.dir()
        )));
        assert!(
            page.contains(&t.get(Msg::OfflinePage).replace('\'', "&#39;")),
            "{page}"
        );
        // The service worker puts the site's root here (static/sw.js).
        assert!(page.contains("<!--base-->"));
        let home = upr_viewer::prerender::meta::home_path(lang);
        assert!(page.contains(&format!("<a href=\"{home}\">")), "{page}");
    }
}

/// The browser's bars take the page's background, light or dark; the
/// prerendered pages take index.html's head, the manifest's link with it.
#[test]
fn index_html_names_the_manifest_and_the_palettes_colours() {
    let index = std::fs::read_to_string(root().join("index.html")).unwrap();
    assert!(index.contains(&format!(
        "<meta name=\"theme-color\" content=\"{}\" media=\"(prefers-color-scheme: light)\">",
        LIGHT.background
    )));
    assert!(index.contains(&format!(
        "<meta name=\"theme-color\" content=\"{}\" media=\"(prefers-color-scheme: dark)\">",
        DARK.background
    )));
    assert!(index.contains(&format!("<link rel=\"manifest\" href=\"./{MANIFEST}\">")));
}
