//! The prerendered site, written into the built folder: the home page
//! (`index.html`, the default view), a page per review and per State, their
//! preview images, `robots.txt`, and `sitemap.xml` when the site's address
//! is known. Every page is the built `index.html` with the view in its page
//! root, its own head, and links to the others, all relative, so the
//! folder works under any path and from disk.

use super::meta::{home_meta, review_meta, reviews_of, state_meta, state_path, review_path, PageMeta, SITE_TITLE};
use super::preview::Painter;
use super::{escape, render_view, Rendered};
use crate::dataset::load::Dataset;
use crate::query::Query;
use crate::fingerprint::of_page;
use crate::{FINGERPRINT_ATTRIBUTE, DATA_BASE_ATTRIBUTE, PAGE_QUERY_ATTRIBUTE, PAGE_ROOT_ID, PRERENDERED_ATTRIBUTE, PRERENDERED_WITH_TEXTS};
use std::fmt::Write as _;
use std::path::Path;
use std::rc::Rc;

/// The two stages of the dataset a page can be rendered with: the home
/// page shows what the overview alone can (as the browser does before the
/// texts are in), a review or State page the whole card.
pub struct Datasets {
    pub overview: Rc<Dataset>,
    pub complete: Rc<Dataset>,
    /// `fingerprint::of_file` of the overview and of the texts file.
    pub fingerprints: [String; 2],
}

#[derive(Debug)]
pub enum SiteError {
    /// The built `index.html` lacks what the pages are made from.
    Template(&'static str),
    Write { path: String, message: String },
    /// The dataset could not be read.
    Data(String),
}

impl std::fmt::Display for SiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SiteError::Template(what) => write!(f, "the built index.html has no {what}"),
            SiteError::Write { path, message } => write!(f, "could not write {path}: {message}"),
            SiteError::Data(message) => f.write_str(message),
        }
    }
}

/// How many pages of each kind were written.
#[derive(Debug, Default)]
pub struct Written {
    pub reviews: usize,
    pub states: usize,
    pub sitemap: bool,
}

/// Writes the site into `out` (the built folder holding `template`, its
/// `index.html`). `site_url`, ending in `/`, makes the canonical and preview
/// addresses absolute and allows a sitemap (which must hold absolute
/// addresses). `load` reads the dataset: each worker thread loads its own
/// (the dataset is shared through `Rc`, which cannot cross threads), and the
/// pages are split between them, which halves the time on two cores.
pub fn write_site(template: &str, load: &(dyn Fn() -> Result<Datasets, String> + Sync), out: &Path, site_url: Option<&str>) -> Result<Written, SiteError> {
    let template = Template::parse(template)?;
    let data = load().map_err(SiteError::Data)?;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    let results: Vec<Result<Written, SiteError>> = std::thread::scope(|scope| {
        let template = &template;
        let handles: Vec<_> = (1..workers)
            .map(|worker| {
                scope.spawn(move || {
                    let data = load().map_err(SiteError::Data)?;
                    write_pages(template, &data, out, site_url, worker, workers)
                })
            })
            .collect();
        let mut results = vec![write_pages(template, &data, out, site_url, 0, workers)];
        results.extend(handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err(SiteError::Data("a worker stopped".into())))));
        results
    });
    let mut written = Written::default();
    for result in results {
        let part = result?;
        written.reviews += part.reviews;
        written.states += part.states;
    }

    let home = render_view(&data.overview, Query::default(), "data/");
    let meta = home_meta(&data.complete);
    write(out, &meta.path, template.page(&meta, &home, (Stage::Overview, &data.fingerprints), &Query::default(), 0, &site_index(&data.complete), site_url))?;

    let mut robots = "User-agent: *\nAllow: /\n".to_owned();
    if let Some(site) = site_url {
        let reviews = data.complete.reviews.iter().map(|r| review_path(&r.summary.id));
        let states = pages_of_states(&data.complete).map(|s| state_path(&data.complete.states[s].id));
        let mut xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".to_owned();
        for path in std::iter::once(meta.path.clone()).chain(reviews).chain(states) {
            let _ = writeln!(xml, "<url><loc>{}</loc></url>", escape(&format!("{site}{path}")));
        }
        xml.push_str("</urlset>\n");
        write(out, "sitemap.xml", &xml)?;
        let _ = writeln!(robots, "Sitemap: {site}sitemap.xml");
        written.sitemap = true;
    }
    write(out, "robots.txt", &robots)?;
    Ok(written)
}

/// The States with a page: those reviewed.
fn pages_of_states(dataset: &Dataset) -> impl Iterator<Item = usize> + '_ {
    (0..dataset.states.len()).filter(|&s| !reviews_of(dataset, s).is_empty())
}

/// The review and State pages (with the reviews' previews) that fall to
/// worker `worker` of `workers`.
fn write_pages(template: &Template, data: &Datasets, out: &Path, site_url: Option<&str>, worker: usize, workers: usize) -> Result<Written, SiteError> {
    let mut written = Written::default();
    let painter = Painter::default();
    for review in (0..data.complete.reviews.len()).filter(|r| r % workers == worker) {
        let (meta, page) = template.review_page(data, review, site_url);
        if let Some(image) = &meta.image {
            let png = painter.review_png(&data.complete, review).map_err(|message| SiteError::Write { path: image.clone(), message })?;
            write(out, image, &png)?;
        }
        write(out, &meta.path, page)?;
        written.reviews += 1;
    }
    for state in pages_of_states(&data.complete).filter(|s| s % workers == worker) {
        let meta = state_meta(&data.complete, state);
        let query = Query { compare: Some(data.complete.states[state].id.clone()), ..Query::default() };
        let view = render_view(&data.complete, query.clone(), "../data/");
        let nav = state_links(&data.complete, state);
        write(out, &meta.path, template.page(&meta, &view, (Stage::Texts, &data.fingerprints), &query, 1, &nav, site_url))?;
        written.states += 1;
    }
    Ok(written)
}

#[derive(Clone, Copy)]
enum Stage {
    Overview,
    Texts,
}

/// The built `index.html`, cut where each page puts its own parts.
pub struct Template<'a> {
    before_title: &'a str,
    /// From after `</title>` up to the description's content.
    head: &'a str,
    /// From after the description's content up to `</head>`.
    head_rest: &'a str,
    /// From `</head>` up to the page root.
    body_start: &'a str,
    /// After the page root.
    after_root: &'a str,
}

impl<'a> Template<'a> {
    pub fn parse(html: &'a str) -> Result<Self, SiteError> {
        let (before_title, rest) = html.split_once("<title>").ok_or(SiteError::Template("<title>"))?;
        let (_, rest) = rest.split_once("</title>").ok_or(SiteError::Template("</title>"))?;
        let (head, rest) = rest.split_once("<meta name=\"description\" content=\"").ok_or(SiteError::Template("meta description"))?;
        let (_, rest) = rest.split_once('"').ok_or(SiteError::Template("end of the meta description"))?;
        let (head_rest, rest) = rest.split_once("</head>").ok_or(SiteError::Template("</head>"))?;
        let root_open = format!("<div id=\"{PAGE_ROOT_ID}\">");
        let (body_start, rest) = rest.split_once(&root_open).ok_or(SiteError::Template("page root"))?;
        // The root holds only its <noscript> note, which a prerendered page
        // does not need: its content is there without script.
        let (_, after_root) = rest.split_once("</div>").ok_or(SiteError::Template("end of the page root"))?;
        Ok(Template { before_title, head, head_rest, body_start, after_root })
    }

    /// The page of review `review` (of a dataset with its texts).
    pub fn review_page(&self, data: &Datasets, review: usize, site_url: Option<&str>) -> (PageMeta, String) {
        let dataset = &data.complete;
        let meta = review_meta(dataset, review);
        let query = Query { review: Some(dataset.reviews[review].summary.id.clone()), ..Query::default() };
        let view = render_view(dataset, query.clone(), "../data/");
        let page = self.page(&meta, &view, (Stage::Texts, &data.fingerprints), &query, 1, &review_links(dataset, review), site_url);
        (meta, page)
    }

    #[allow(clippy::too_many_arguments)]
    fn page(&self, meta: &PageMeta, view: &Rendered, (stage, fingerprints): (Stage, &[String; 2]), query: &Query, depth: usize, nav: &str, site_url: Option<&str>) -> String {
        let up = "../".repeat(depth);
        let address = |path: &str| match site_url {
            Some(site) => format!("{site}{path}"),
            None => format!("{up}{path}"),
        };
        let mut tags = String::new();
        // Only absolute: a relative canonical link is not valid to search
        // engines (Lighthouse fails it), and without the site's address
        // there is no absolute one.
        if let Some(site) = site_url {
            let _ = write!(tags, "<link rel=\"canonical\" href=\"{}\">\n  ", escape(&format!("{site}{}", meta.path)));
        }
        for (property, value) in [("og:type", "website"), ("og:site_name", SITE_TITLE), ("og:title", &meta.title), ("og:description", &meta.description)] {
            let _ = write!(tags, "<meta property=\"{property}\" content=\"{}\">\n  ", escape(value));
        }
        let _ = write!(tags, "<meta property=\"og:url\" content=\"{}\">", escape(&address(&meta.path)));
        let card = if meta.image.is_some() { "summary_large_image" } else { "summary" };
        let _ = write!(tags, "\n  <meta name=\"twitter:card\" content=\"{card}\">");
        let _ = write!(tags, "\n  <meta name=\"twitter:title\" content=\"{}\">", escape(&meta.title));
        let _ = write!(tags, "\n  <meta name=\"twitter:description\" content=\"{}\">", escape(&meta.description));
        if let Some(image) = &meta.image {
            let _ = write!(tags, "\n  <meta property=\"og:image\" content=\"{}\">", escape(&address(image)));
            let _ = write!(tags, "\n  <meta property=\"og:image:width\" content=\"{}\">", super::preview::WIDTH);
            let _ = write!(tags, "\n  <meta property=\"og:image:height\" content=\"{}\">", super::preview::HEIGHT);
            let _ = write!(tags, "\n  <meta property=\"og:image:alt\" content=\"{}\">", escape(&meta.description));
            let _ = write!(tags, "\n  <meta name=\"twitter:image\" content=\"{}\">", escape(&address(image)));
        }
        let (stage, fingerprint) = match stage {
            Stage::Overview => ("overview", of_page([fingerprints[0].as_str()])),
            Stage::Texts => (PRERENDERED_WITH_TEXTS, of_page(fingerprints.iter().map(String::as_str))),
        };
        format!(
            "{before}<title>{title}</title>{head}<meta name=\"description\" content=\"{description}\"{head_rest}  {tags}\n  {styles}\n</head>{body_start}<div id=\"{PAGE_ROOT_ID}\" {PRERENDERED_ATTRIBUTE}=\"{stage}\" {DATA_BASE_ATTRIBUTE}=\"{up}data/\" {PAGE_QUERY_ATTRIBUTE}=\"{query}\" {FINGERPRINT_ATTRIBUTE}=\"{fingerprint}\">{markup}</div>\n  {nav}{after}",
            before = relative(self.before_title, &up),
            title = escape(&meta.title),
            head = relative(self.head, &up),
            description = escape(&meta.description),
            head_rest = relative(self.head_rest, &up),
            styles = view.styles,
            body_start = self.body_start,
            query = escape(&query.to_search()),
            markup = view.markup,
            after = relative(self.after_root, &up),
        )
    }
}

/// The template's own references (`./app.js`, `data/overview.json`), from a
/// page `up` folders deeper.
fn relative(html: &str, up: &str) -> String {
    if up.is_empty() {
        return html.to_owned();
    }
    html.replace("href=\"./", &format!("href=\"{up}"))
        .replace("src=\"./", &format!("src=\"{up}"))
        .replace("href=\"data/", &format!("href=\"{up}data/"))
}

/// On the home page: every State and review as a page of its own, for
/// readers without script and for search engines.
fn site_index(dataset: &Dataset) -> String {
    let mut states: Vec<usize> = pages_of_states(dataset).collect();
    states.sort_by(|&a, &b| dataset.state_name(a as _).cmp(dataset.state_name(b as _)));
    let mut html = String::from("<nav class=\"site-index\" aria-label=\"Every State and review\"><details><summary>Every State and review, a page each</summary><ul>");
    for state in states {
        let _ = write!(html, "<li><a href=\"{}\">{}</a>:", escape(&state_path(&dataset.states[state].id)), escape(dataset.state_name(state as _)));
        for review in reviews_of(dataset, state) {
            let summary = &dataset.reviews[review].summary;
            let _ = write!(html, " <a href=\"{}\">session {}</a>", escape(&review_path(&summary.id)), summary.session);
        }
        html.push_str("</li>");
    }
    html.push_str("</ul></details></nav>");
    html
}

fn review_links(dataset: &Dataset, review: usize) -> String {
    let state = dataset.reviews[review].state as usize;
    let name = escape(dataset.state_name(state as _));
    format!(
        "<nav class=\"site-index\" aria-label=\"More\"><a href=\"../index.html\">All reviews</a> · <a href=\"../{}\">{name}: both reviews side by side</a></nav>",
        escape(&state_path(&dataset.states[state].id))
    )
}

fn state_links(dataset: &Dataset, state: usize) -> String {
    let mut html = String::from("<nav class=\"site-index\" aria-label=\"More\"><a href=\"../index.html\">All reviews</a>");
    for review in reviews_of(dataset, state) {
        let summary = &dataset.reviews[review].summary;
        let _ = write!(html, " · <a href=\"../{}\">Session {}</a>", escape(&review_path(&summary.id)), summary.session);
    }
    let compare = Query { compare: Some(dataset.states[state].id.clone()), ..Query::default() };
    let _ = write!(html, " · <a href=\"../index.html{}\">The comparison in the viewer</a></nav>", escape(&compare.to_search()));
    html
}

fn write(out: &Path, path: &str, content: impl AsRef<[u8]>) -> Result<(), SiteError> {
    let target = out.join(path);
    let error = |e: std::io::Error| SiteError::Write { path: target.display().to_string(), message: e.to_string() };
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(error)?;
    }
    std::fs::write(&target, content).map_err(error)
}
