//! The prerendered site (src/prerender/): text from the data stays text in
//! every tag and attribute, every relative link between the pages reaches
//! a page, and the sitemap lists exactly the pages written.

mod common;

use common::data_file;
use std::collections::BTreeSet;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use upr_viewer::i18n::{Catalog, Lang, Tr};
use upr_viewer::palette::LIGHT;
use upr_viewer::prerender::preview::{review_svg, Painter};
use upr_viewer::prerender::site::{write_site, Datasets, Template};
use upr_viewer::prerender::{read_languages, sheet_file};

/// The shape of the built index.html that the pages are made from.
const TEMPLATE: &str = r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Universal Periodic Review viewer</title>
  <meta name="description" content="placeholder">
  <link rel="preload" href="data/overview.json" as="fetch" crossorigin>
  <script type="module" src="./start.js"></script>
</head>
<body>
  <div id="upr-viewer-page">
    <noscript>This viewer needs JavaScript.</noscript>
  </div>
</body>
</html>
"#;

const SITE: &str = "https://example.org/upr/";
const HOSTILE: &str = r#"Kazakh"stan <i id="pwned">x</i> & <script>alert(1)</script>"#;

fn datasets(overview_json: &str) -> Datasets {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let languages = read_languages(&root.join("static/i18n"), &root.join("data"))
        .expect("the language files load");
    Datasets::read(overview_json, &data_file("recommendations.json"), languages)
        .expect("the data loads")
        .0
}

#[test]
fn a_hostile_state_name_stays_text_in_the_title_the_preview_tags_and_the_card() {
    let mut overview: serde_json::Value =
        serde_json::from_str(&data_file("overview.json")).unwrap();
    let states = overview["states"].as_array_mut().unwrap();
    let kazakhstan = states.iter_mut().find(|s| s["id"] == "kazakhstan").unwrap();
    kazakhstan["name"] = HOSTILE.into();
    let data = datasets(&overview.to_string());
    let review = data.complete.review_by_id("kazakhstan-s7").unwrap();

    let (meta, page) =
        Template::parse(TEMPLATE)
            .unwrap()
            .review_page(&data, review, &Tr::english(), Some(SITE));

    assert!(
        meta.title.starts_with(HOSTILE),
        "the title names the State as the data spells it"
    );
    assert!(
        !page.contains("<i id=\"pwned\">") && !page.contains("alert(1)</script>"),
        "no markup from the data reaches the page"
    );
    assert_eq!(
        page.matches("<script").count(),
        TEMPLATE.matches("<script").count(),
        "no script is added"
    );
    let escaped = r#"Kazakh&quot;stan &lt;i id=&quot;pwned&quot;&gt;x&lt;/i&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;"#;
    assert!(
        page.contains(&format!("<title>{escaped}")),
        "the title holds the name as text"
    );
    for tag in [
        "property=\"og:title\"",
        "name=\"twitter:title\"",
        "property=\"og:description\"",
        "name=\"description\"",
    ] {
        let line = page
            .lines()
            .find(|l| l.contains(tag))
            .unwrap_or_else(|| panic!("{tag} is missing"));
        assert!(
            line.contains(escaped),
            "{tag} holds the name as text: {line}"
        );
    }
    assert!(page.contains(
        "<link rel=\"canonical\" href=\"https://example.org/upr/reviews/kazakhstan-s7.html\">"
    ));
    assert!(page.contains("<meta property=\"og:image\" content=\"https://example.org/upr/reviews/kazakhstan-s7.png\">"));
}

/// Every `href` of a page that leads to another file of the site (not a
/// query of the viewer, not another site), resolved from `page`'s folder.
fn local_links(page: &Path) -> Vec<PathBuf> {
    let html = std::fs::read_to_string(page).unwrap();
    let folder = page.parent().unwrap();
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| {
            !href.starts_with('?')
                && !href.starts_with("http")
                && !href.starts_with("data:")
                && !href.starts_with('#')
        })
        .map(|href| {
            let file = href.split('?').next().unwrap();
            let mut path = folder.to_path_buf();
            for part in file.split('/') {
                match part {
                    "." | "" => {}
                    ".." => {
                        path.pop();
                    }
                    part => path.push(part),
                }
            }
            path
        })
        .collect()
}

#[test]
fn every_link_between_the_pages_and_every_sitemap_entry_reaches_a_page() {
    let out = std::env::temp_dir().join(format!("upr-prerender-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("index.html"), TEMPLATE).unwrap();
    for file in ["start.js", "data/overview.json"] {
        std::fs::create_dir_all(out.join(file).parent().unwrap()).unwrap();
        std::fs::write(out.join(file), "").unwrap();
    }
    let overview = data_file("overview.json");
    // English, a left-to-right and a right-to-left language: the links are
    // made the same way in the other three, and each language costs seconds.
    let load = || {
        let mut data = datasets(&overview);
        data.languages
            .retain(|t| matches!(t.lang(), Lang::Fr | Lang::Ar));
        Ok(data)
    };
    let written = write_site(TEMPLATE, &load, &out, Some(SITE)).unwrap();
    let dataset = common::dataset();
    assert_eq!(written.reviews, dataset.reviews.len(), "a page per review");
    let reviewed: BTreeSet<_> = dataset.reviews.iter().map(|r| r.state).collect();
    assert_eq!(written.states, reviewed.len(), "a page per State reviewed");

    let pages: Vec<PathBuf> = ["reviews", "states"]
        .iter()
        .flat_map(|dir| {
            std::fs::read_dir(out.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
        })
        .chain(
            std::fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| {
                    p.file_name()
                        .unwrap()
                        .to_string_lossy()
                        .starts_with("index")
                }),
        )
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert_eq!(
        pages.len(),
        written.languages * (1 + written.reviews + written.states),
        "every page in every language"
    );
    assert_eq!(written.languages, 3);
    let mut reached = BTreeSet::new();
    for page in &pages {
        for link in local_links(page) {
            assert!(
                link.is_file(),
                "{} links to {}, which is not there",
                page.display(),
                link.display()
            );
            reached.insert(link);
        }
    }
    for page in &pages {
        assert!(
            reached.contains(page),
            "no page links to {}",
            page.display()
        );
    }

    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let listed: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|l| l.split("</loc>").next().unwrap())
        .collect();
    assert_eq!(
        listed.len(),
        pages.len(),
        "the sitemap lists every page once"
    );
    for address in listed {
        let path = address
            .strip_prefix(SITE)
            .unwrap_or_else(|| panic!("{address} is not on the site"));
        assert!(
            out.join(path).is_file(),
            "the sitemap lists {address}, which is not there"
        );
    }
    assert!(std::fs::read_to_string(out.join("robots.txt"))
        .unwrap()
        .contains("Sitemap: https://example.org/upr/sitemap.xml"));
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn without_the_site_address_there_is_no_sitemap_and_addresses_stay_relative() {
    let data = datasets(&data_file("overview.json"));
    let review = data.complete.review_by_id("kazakhstan-s7").unwrap();
    let (_, page) =
        Template::parse(TEMPLATE)
            .unwrap()
            .review_page(&data, review, &Tr::english(), None);
    assert!(page.contains("<meta property=\"og:image\" content=\"../reviews/kazakhstan-s7.png\">"));
    assert!(
        page.contains("<script type=\"module\" src=\"../start.js\"></script>"),
        "the code is found from one folder down"
    );
    assert!(
        page.contains("href=\"../data/overview.json\""),
        "the data is found from one folder down"
    );
}

#[test]
fn a_page_links_the_one_style_sheet_and_leaves_the_filters_options_to_the_app() {
    let data = datasets(&data_file("overview.json"));
    let review = data.complete.review_by_id("kazakhstan-s7").unwrap();
    let (_, page) =
        Template::parse(TEMPLATE)
            .unwrap()
            .review_page(&data, review, &Tr::english(), None);
    let sheet = sheet_file();
    assert_eq!(sheet.content, upr_viewer::style::sheet());
    assert!(
        page.contains(&format!(
            "<link rel=\"stylesheet\" href=\"../{}\">",
            sheet.name
        )),
        "the page links the viewer's sheet, from one folder down"
    );
    assert!(!page.contains("<style"), "and carries none of its own");
    assert!(page.contains("data-testid=\"theme-filter\""));
    assert!(
        !page.contains("data-testid=\"theme-option\""),
        "the filters' options are the app's to draw"
    );
    // An English page's rows need no lang of their own: the root's is en.
    assert_eq!(
        page.matches("<li><p>").count(),
        data.complete.reviews[review].summary.recommendations as usize,
        "the card is whole: its rows, each with its text, each once"
    );
}

/// French with the State names of CLDR, but Kazakhstan's hostile.
fn hostile_french() -> Tr {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let catalog =
        Catalog::parse(&std::fs::read_to_string(root.join("static/i18n/fr.json")).unwrap())
            .unwrap();
    let mut names: HashMap<String, String> =
        serde_json::from_str(&data_file("names-fr.json")).unwrap();
    names.insert("KZ".into(), HOSTILE.into());
    Tr::new(Lang::Fr, Rc::new(catalog)).with_states(Rc::new(names))
}

#[test]
fn a_page_in_another_language_says_its_language_in_its_head_and_a_hostile_name_stays_text() {
    let mut data = datasets(&data_file("overview.json"));
    let french = hostile_french();
    data.languages[Lang::ALL
        .iter()
        .filter(|&&l| l != Lang::En)
        .position(|&l| l == Lang::Fr)
        .unwrap()] = french.clone();
    let review = data.complete.review_by_id("kazakhstan-s7").unwrap();
    let template = Template::parse(TEMPLATE).unwrap();

    let (meta, page) = template.review_page(&data, review, &french, Some(SITE));
    assert!(
        page.contains("<html lang=\"fr\" dir=\"ltr\">"),
        "the page says its language"
    );
    assert!(
        meta.title.starts_with(HOSTILE),
        "the title names the State as the French names spell it"
    );
    assert!(
        meta.title
            .contains(&french.get(upr_viewer::i18n::Msg::Title)),
        "the title is in French: {}",
        meta.title
    );
    assert!(
        meta.title.ends_with("février 2010"),
        "the month as French writes it: {}",
        meta.title
    );
    assert!(
        !page.contains("<i id=\"pwned\">") && !page.contains("alert(1)</script>"),
        "no markup from the data reaches the page"
    );
    assert_eq!(
        page.matches("<script").count(),
        TEMPLATE.matches("<script").count(),
        "no script is added"
    );
    let escaped = r#"Kazakh&quot;stan &lt;i id=&quot;pwned&quot;&gt;x&lt;/i&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;"#;
    assert!(
        page.contains(&format!("<title>{escaped}")),
        "the title holds the name as text"
    );
    for tag in [
        "property=\"og:title\"",
        "name=\"twitter:title\"",
        "property=\"og:description\"",
        "name=\"description\"",
        "property=\"og:image:alt\"",
    ] {
        let line = page
            .lines()
            .find(|l| l.contains(tag))
            .unwrap_or_else(|| panic!("{tag} is missing"));
        assert!(
            line.contains(escaped),
            "{tag} holds the name as text: {line}"
        );
    }
    assert!(page.contains("<meta property=\"og:locale\" content=\"fr_FR\">"));
    assert_eq!(page.matches("property=\"og:locale:alternate\"").count(), 5);
    assert!(page.contains(
        "<link rel=\"canonical\" href=\"https://example.org/upr/reviews/kazakhstan-s7.fr.html\">"
    ));
    assert!(page.contains("<meta property=\"og:image\" content=\"https://example.org/upr/reviews/kazakhstan-s7.fr.png\">"));
    for (lang, file) in [
        ("ar", "kazakhstan-s7.ar.html"),
        ("en", "kazakhstan-s7.html"),
        ("x-default", "kazakhstan-s7.html"),
        ("fr", "kazakhstan-s7.fr.html"),
    ] {
        let link = format!("<link rel=\"alternate\" hreflang=\"{lang}\" href=\"https://example.org/upr/reviews/{file}\">");
        assert!(page.contains(&link), "{link} is missing");
    }
    assert_eq!(
        page.matches("rel=\"alternate\"").count(),
        7,
        "six languages and x-default"
    );
    assert!(
        page.contains("data-outline"),
        "the browser builds the lighter page afresh"
    );
    assert!(
        page.contains("data-query=\"?review=kazakhstan-s7&amp;lang=fr\""),
        "the browser is told the page's language"
    );

    let arabic = data
        .languages
        .iter()
        .find(|t| t.lang() == Lang::Ar)
        .unwrap();
    let (_, page) = template.review_page(&data, review, arabic, None);
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(
        !page.contains("rel=\"alternate\""),
        "no hreflang links without the site's address: they must be absolute"
    );
    assert!(
        page.contains("<a href=\"../reviews/kazakhstan-s7.zh.html\" hreflang=\"zh\" lang=\"zh\">"),
        "the page's list of languages links the others, relative"
    );
    // An English page is the whole page, hydrated, as before there were languages.
    let (_, english) = template.review_page(&data, review, &Tr::english(), None);
    assert!(
        english.starts_with("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">")
            && !english.contains("data-outline")
    );
}

#[test]
fn the_preview_fonts_have_every_character_of_every_preview_in_every_language() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fonts: Vec<Vec<u8>> = ["DejaVuSans-Bold.ttf", "DroidSansFallback-zh.ttf"]
        .iter()
        .map(|f| std::fs::read(root.join("static/fonts").join(f)).unwrap())
        .collect();
    let faces: Vec<ttf_parser::Face> = fonts
        .iter()
        .map(|f| ttf_parser::Face::parse(f, 0).unwrap())
        .collect();
    let data = datasets(&data_file("overview.json"));
    let mut missing = BTreeSet::new();
    for t in std::iter::once(Tr::english()).chain(data.languages.iter().cloned()) {
        for review in 0..data.complete.reviews.len() {
            let svg = review_svg(&t, &data.complete, review);
            // The text between the tags, as written (only `&` is escaped in it here).
            let text: String = svg
                .split('>')
                .filter_map(|part| part.split('<').next())
                .collect::<String>()
                .replace("&amp;", "&");
            for c in text.chars().filter(|c| {
                !c.is_whitespace()
                    && !c.is_control()
                    && !matches!(c, '\u{200E}' | '\u{202B}' | '\u{202C}')
            }) {
                if !faces.iter().any(|face| face.glyph_index(c).is_some()) {
                    missing.insert((t.lang().code(), c));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no font draws {missing:?}: run scripts/cjk-font.sh"
    );
}

#[test]
fn a_preview_is_a_small_palette_png_of_the_pixels_drawn_in_their_commonest_colours() {
    let data = datasets(&data_file("overview.json"));
    let review = data.complete.review_by_id("kazakhstan-s7").unwrap();
    let painter = Painter::default();
    // Arabic too: text from the right, and the most shades of any script here.
    for t in std::iter::once(Tr::english()).chain(
        data.languages
            .iter()
            .filter(|t| t.lang() == Lang::Ar)
            .cloned(),
    ) {
        let code = t.lang().code();
        let drawn = painter.review_pixels(&t, &data.complete, review).unwrap();
        let png = painter.review_png(&t, &data.complete, review).unwrap();
        let mut decoder = png::Decoder::new(std::io::Cursor::new(&png));
        let header = decoder.read_header_info().unwrap();
        assert_eq!(
            (
                header.width,
                header.height,
                header.color_type,
                header.bit_depth
            ),
            (600, 315, png::ColorType::Indexed, png::BitDepth::Four),
            "a 4-bit palette PNG, the least Open Graph shows as a large preview"
        );
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let palette: BTreeSet<[u8; 3]> = reader
            .info()
            .palette
            .as_deref()
            .unwrap()
            .chunks_exact(3)
            .map(|c| [c[0], c[1], c[2]])
            .collect();
        assert!(palette.len() <= 16);
        let mut pixels = vec![0; reader.output_buffer_size()];
        reader.next_frame(&mut pixels).unwrap();
        let written: Vec<&[u8]> = pixels.chunks_exact(3).collect();
        let drawn: Vec<[u8; 3]> = drawn.chunks_exact(4).map(|p| [p[0], p[1], p[2]]).collect();
        assert_eq!(written.len(), drawn.len());
        // The card's flat colours are kept exactly.
        let (mut changed, mut kept) = (0, 0);
        for (written, drawn) in written.iter().zip(&drawn) {
            if palette.contains(drawn) {
                assert_eq!(written, drawn, "{code}: a kept colour is written as drawn");
                kept += 1;
            } else {
                changed += 1;
            }
        }
        // Only rare shades at the edges of the text are written as the
        // nearest kept colour.
        assert!(
            changed * 50 < kept,
            "{code}: {changed} pixels of {} changed",
            drawn.len()
        );
        for colour in [LIGHT.background, LIGHT.surface, LIGHT.text, LIGHT.accepted] {
            let rgb = [1, 3, 5].map(|i| u8::from_str_radix(&colour[i..i + 2], 16).unwrap());
            assert!(palette.contains(&rgb), "{code}: {colour} kept");
        }
    }
}

#[test]
fn a_state_page_names_every_review_in_its_title_in_the_number_of_its_language() {
    let data = datasets(&data_file("overview.json"));
    let dataset = &data.complete;
    let state = |name: &str| dataset.find_state(name).expect("reviewed") as usize;
    let title =
        |t: &Tr, name: &str| upr_viewer::prerender::meta::state_meta(t, dataset, state(name)).title;
    assert_eq!(
        title(&Tr::english(), "Brazil"),
        "Brazil — Universal Periodic Review, sessions 1, 13 and 27"
    );
    assert_eq!(
        title(&Tr::english(), "Kazakhstan"),
        "Kazakhstan — Universal Periodic Review, sessions 7 and 20"
    );
    // Arabic has a dual: "the two sessions" for two reviews only.
    let arabic = data
        .languages
        .iter()
        .find(|t| t.lang() == Lang::Ar)
        .expect("Arabic");
    assert!(title(arabic, "Kazakhstan").contains("الدورتان 7 و20"));
    let brazil = title(arabic, "Brazil");
    assert!(
        brazil.contains("الدورات 1، 13 و27") && !brazil.contains("الدورتان"),
        "{brazil}"
    );
}
