//! The prerendered site, written into the built folder: the home page
//! (`index.html`, the default view), a page per review and per State, their
//! preview images, each in the six languages, `robots.txt`, and
//! `sitemap.xml` when the site's address is known. Every page is the built
//! `index.html` with the view in its page root, its own head, and links to
//! the others, all relative, so the folder works under any path and from
//! disk.
//!
//! English pages are whole (the viewer with its filters and every
//! recommendation, hydrated by the browser); the other languages' pages sit
//! beside them (`reviews/kazakhstan-s7.fr.html`) as outlines ([`Form::Outline`]:
//! no filter panel, the recommendations' groups without their rows, which
//! are in the English of the sources on the English page), built afresh by
//! the browser. Whole pages in five more languages would add about 600 MB
//! and a minute of build for texts that are English in all of them.

use super::meta::{
    home_meta, home_path, og_locale, review_meta, review_path, reviews_of, state_meta, state_path,
    PageMeta,
};
use super::preview::Painter;
use super::{escape, render_view, Form, Rendered};
use crate::i18n::{Msg, Tr};
use crate::{
    DATA_BASE_ATTRIBUTE, FINGERPRINT_ATTRIBUTE, OUTLINE_ATTRIBUTE, PAGE_QUERY_ATTRIBUTE,
    PAGE_ROOT_ID, PRERENDERED_ATTRIBUTE, PRERENDERED_WITH_TEXTS,
};
use std::fmt::Write as _;
use std::path::Path;
use std::rc::Rc;
use upr_core::dataset::load::Dataset;
use upr_core::dataset::packed::PackedTexts;
use upr_core::fingerprint::{of_bytes, of_file, of_page};
use upr_core::lang::Lang;
use upr_core::query::Query;

/// The stages of the dataset a page can be rendered with: the home page
/// shows what the overview alone can (as the browser does before it needs
/// the texts), a review or State page its State's whole cards, from the
/// overview and that State's texts, as the browser loads them.
pub struct Datasets {
    pub overview: Rc<Dataset>,
    /// With every review's texts: what the pages' descriptions, previews
    /// and links are written from.
    pub complete: Rc<Dataset>,
    /// [`fingerprint::of_file`] of the overview.
    ///
    /// [`fingerprint::of_file`]: upr_core::fingerprint::of_file
    pub overview_fingerprint: String,
    /// By State index, for the States under review: the overview with that
    /// State's texts, and the fingerprint of its texts file.
    pub states: Vec<Option<(Rc<Dataset>, String)>>,
    /// The languages other than English ([`super::read_languages`]).
    pub languages: Vec<Tr>,
}

impl Datasets {
    /// The datasets of the overview and texts files (`overview_json`,
    /// `texts_json`, as the importer writes them), and the texts packed as
    /// the browser reads them (every review's and each State's), which
    /// the pages are rendered from: read back here, so that the pages show
    /// what the browser will read, and hydrate from its fingerprints.
    pub fn read(
        overview_json: &str,
        texts_json: &str,
        languages: Vec<Tr>,
    ) -> Result<(Datasets, PackedTexts), String> {
        let overview = Dataset::from_overview_json(overview_json).map_err(|e| e.to_string())?;
        let packed = overview
            .pack_texts_json(texts_json)
            .map_err(|e| e.to_string())?;
        let with = |bytes: &[u8]| -> Result<Rc<Dataset>, String> {
            let mut dataset = overview.clone();
            dataset.attach_packed(bytes).map_err(|e| e.to_string())?;
            Ok(Rc::new(dataset))
        };
        let complete = with(&packed.whole)?;
        let mut states = vec![None; overview.states.len()];
        for (id, piece) in &packed.states {
            let index = overview
                .state_index(id)
                .ok_or_else(|| format!("texts packed for an unknown State {id}"))?;
            states[index as usize] = Some((with(piece)?, of_bytes(piece)));
        }
        let datasets = Datasets {
            overview_fingerprint: of_file(overview_json),
            overview: Rc::new(overview),
            complete,
            states,
            languages,
        };
        Ok((datasets, packed))
    }

    /// What the pages of `state` are rendered and hydrated from: the
    /// overview with its texts, and the fingerprints of the two files.
    fn of_state(&self, state: usize) -> (&Rc<Dataset>, [String; 2]) {
        match self.states.get(state).and_then(Option::as_ref) {
            Some((dataset, texts)) => (dataset, [self.overview_fingerprint.clone(), texts.clone()]),
            None => (
                &self.overview,
                [self.overview_fingerprint.clone(), String::new()],
            ),
        }
    }

    /// English, then the others: every language a page is written in.
    fn languages(&self) -> impl Iterator<Item = Tr> + '_ {
        std::iter::once(Tr::english()).chain(self.languages.iter().cloned())
    }
}

#[derive(Debug)]
pub enum SiteError {
    /// The built `index.html` lacks what the pages are made from.
    Template(&'static str),
    Write {
        path: String,
        message: String,
    },
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

/// How many reviews and States have pages (each in every language), in
/// how many languages.
#[derive(Debug, Default)]
pub struct Written {
    pub reviews: usize,
    pub states: usize,
    pub languages: usize,
    pub sitemap: bool,
}

/// Writes the site into `out` (the built folder holding `template`, its
/// `index.html`). `site_url`, ending in `/`, makes the canonical and preview
/// addresses absolute and allows a sitemap (which must hold absolute
/// addresses). `load` reads the dataset: each worker thread loads its own
/// (the dataset is shared through `Rc`, which cannot cross threads), and the
/// pages are split between them, which halves the time on two cores.
pub fn write_site(
    template: &str,
    load: &(dyn Fn() -> Result<Datasets, String> + Sync),
    out: &Path,
    site_url: Option<&str>,
) -> Result<Written, SiteError> {
    let template = Template::parse(template)?;
    let data = load().map_err(SiteError::Data)?;
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
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
        results.extend(handles.into_iter().map(|h| {
            h.join()
                .unwrap_or_else(|_| Err(SiteError::Data("a worker stopped".into())))
        }));
        results
    });
    let mut written = Written::default();
    for result in results {
        let part = result?;
        written.reviews += part.reviews;
        written.states += part.states;
    }

    written.languages = data.languages().count();
    for t in data.languages() {
        let query = in_language(Query::default(), &t);
        let form = form_of(&t);
        let home = render_view(&data.overview, query.clone(), "data/", &t, form);
        let meta = home_meta(&t, &data.complete);
        let versions: Vec<_> = data
            .languages()
            .map(|t| (t.lang(), home_path(t.lang())))
            .collect();
        let nav = format!(
            "{}{}",
            site_index(&t, &data.complete),
            languages_nav(&versions, &t, "")
        );
        let parts = PageParts {
            meta: &meta,
            view: &home,
            stage: Stage::Overview,
            query: &query,
            depth: 0,
            nav: &nav,
            t: &t,
            versions: &versions,
            form,
        };
        write(
            out,
            &meta.path,
            template.page(
                &parts,
                &[data.overview_fingerprint.clone(), String::new()],
                site_url,
            ),
        )?;
    }

    // The style sheet every page links (`render_view`).
    let sheet = super::sheet_file();
    write(out, &sheet.name, &sheet.content)?;

    let mut robots = "User-agent: *\nAllow: /\n".to_owned();
    if let Some(site) = site_url {
        let dataset = &data.complete;
        let mut paths = Vec::new();
        for lang in data.languages().map(|t| t.lang()) {
            paths.push(home_path(lang));
            paths.extend(
                dataset
                    .reviews
                    .iter()
                    .map(|r| review_path(&r.summary.id, lang)),
            );
            paths.extend(pages_of_states(dataset).map(|s| state_path(&dataset.states[s].id, lang)));
        }
        let mut xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".to_owned();
        for path in paths {
            let _ = writeln!(
                xml,
                "<url><loc>{}</loc></url>",
                escape(&format!("{site}{path}"))
            );
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
fn write_pages(
    template: &Template,
    data: &Datasets,
    out: &Path,
    site_url: Option<&str>,
    worker: usize,
    workers: usize,
) -> Result<Written, SiteError> {
    let mut written = Written::default();
    let painter = Painter::default();
    let dataset = &data.complete;
    for review in (0..dataset.reviews.len()).filter(|r| r % workers == worker) {
        for t in data.languages() {
            let (meta, page) = template.review_page(data, review, &t, site_url);
            if let Some(image) = &meta.image {
                let png = painter.review_png(&t, dataset, review).map_err(|message| {
                    SiteError::Write {
                        path: image.clone(),
                        message,
                    }
                })?;
                write(out, image, &png)?;
            }
            write(out, &meta.path, page)?;
        }
        written.reviews += 1;
    }
    for state in pages_of_states(dataset).filter(|s| s % workers == worker) {
        let id = &dataset.states[state].id;
        let versions: Vec<_> = data
            .languages()
            .map(|t| (t.lang(), state_path(id, t.lang())))
            .collect();
        for t in data.languages() {
            let meta = state_meta(&t, dataset, state);
            let query = in_language(
                Query {
                    compare: Some(id.clone()),
                    ..Query::default()
                },
                &t,
            );
            let form = form_of(&t);
            let (shown, fingerprints) = data.of_state(state);
            let view = render_view(shown, query.clone(), "../data/", &t, form);
            let nav = format!(
                "{}{}",
                state_links(&t, dataset, state),
                languages_nav(&versions, &t, "../")
            );
            let parts = PageParts {
                meta: &meta,
                view: &view,
                stage: Stage::Texts,
                query: &query,
                depth: 1,
                nav: &nav,
                t: &t,
                versions: &versions,
                form,
            };
            write(
                out,
                &meta.path,
                template.page(&parts, &fingerprints, site_url),
            )?;
        }
        written.states += 1;
    }
    Ok(written)
}

#[derive(Clone, Copy)]
enum Stage {
    Overview,
    Texts,
}

/// The query of a page in the language of `t`: English's names none (the
/// browser's preference decides there, as before there were languages).
fn in_language(query: Query, t: &Tr) -> Query {
    Query {
        lang: (t.lang() != Lang::En).then_some(t.lang()),
        ..query
    }
}

fn form_of(t: &Tr) -> Form {
    if t.lang() == Lang::En {
        Form::Whole
    } else {
        Form::Outline
    }
}

/// What one page is made of, besides the template.
pub struct PageParts<'p> {
    pub meta: &'p PageMeta,
    pub view: &'p Rendered,
    stage: Stage,
    pub query: &'p Query,
    /// How many folders below the site's root.
    pub depth: usize,
    /// The links after the page root.
    pub nav: &'p str,
    /// The page's language.
    pub t: &'p Tr,
    /// The same page in every language, from the site's root.
    pub versions: &'p [(Lang, String)],
    pub form: Form,
}

/// The built `index.html`, cut where each page puts its own parts.
pub struct Template<'a> {
    /// Up to `<html lang="en">`.
    before_html: &'a str,
    /// From after it up to `<title>`.
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
        let (before_html, rest) = html
            .split_once(HTML_EN)
            .ok_or(SiteError::Template("<html lang=\"en\">"))?;
        let (before_title, rest) = rest
            .split_once("<title>")
            .ok_or(SiteError::Template("<title>"))?;
        let (_, rest) = rest
            .split_once("</title>")
            .ok_or(SiteError::Template("</title>"))?;
        let (head, rest) = rest
            .split_once("<meta name=\"description\" content=\"")
            .ok_or(SiteError::Template("meta description"))?;
        let (_, rest) = rest
            .split_once('"')
            .ok_or(SiteError::Template("end of the meta description"))?;
        let (head_rest, rest) = rest
            .split_once("</head>")
            .ok_or(SiteError::Template("</head>"))?;
        let root_open = format!("<div id=\"{PAGE_ROOT_ID}\">");
        let (body_start, rest) = rest
            .split_once(&root_open)
            .ok_or(SiteError::Template("page root"))?;
        // The root holds only its <noscript> note, which a prerendered page
        // does not need: its content is there without script.
        let (_, after_root) = rest
            .split_once("</div>")
            .ok_or(SiteError::Template("end of the page root"))?;
        Ok(Template {
            before_html,
            before_title,
            head,
            head_rest,
            body_start,
            after_root,
        })
    }

    /// The page of review `review` (of a dataset with its texts) in the
    /// language of `t`.
    pub fn review_page(
        &self,
        data: &Datasets,
        review: usize,
        t: &Tr,
        site_url: Option<&str>,
    ) -> (PageMeta, String) {
        let dataset = &data.complete;
        let meta = review_meta(t, dataset, review);
        let id = &dataset.reviews[review].summary.id;
        let query = in_language(
            Query {
                review: Some(id.clone()),
                ..Query::default()
            },
            t,
        );
        let form = form_of(t);
        let (shown, fingerprints) = data.of_state(dataset.reviews[review].state as usize);
        let view = render_view(shown, query.clone(), "../data/", t, form);
        let versions: Vec<_> = data
            .languages()
            .map(|t| (t.lang(), review_path(id, t.lang())))
            .collect();
        let nav = format!(
            "{}{}",
            review_links(t, dataset, review),
            languages_nav(&versions, t, "../")
        );
        let parts = PageParts {
            meta: &meta,
            view: &view,
            stage: Stage::Texts,
            query: &query,
            depth: 1,
            nav: &nav,
            t,
            versions: &versions,
            form,
        };
        let page = self.page(&parts, &fingerprints, site_url);
        (meta, page)
    }

    fn page(
        &self,
        parts: &PageParts,
        fingerprints: &[String; 2],
        site_url: Option<&str>,
    ) -> String {
        let PageParts {
            meta,
            view,
            stage,
            query,
            depth,
            nav,
            t,
            versions,
            form,
        } = *parts;
        let (up, lang) = ("../".repeat(depth), t.lang());
        let address = |path: &str| match site_url {
            Some(site) => format!("{site}{path}"),
            None => format!("{up}{path}"),
        };
        let mut tags = String::new();
        // Only absolute: a relative canonical link is not valid to search
        // engines (Lighthouse fails it), and without the site's address
        // there is no absolute one.
        if let Some(site) = site_url {
            let _ = write!(
                tags,
                "<link rel=\"canonical\" href=\"{}\">\n  ",
                escape(&format!("{site}{}", meta.path))
            );
        }
        // The page in each language, and which to show a reader whose
        // language is none of them: for search engines, which take them
        // absolute only (Lighthouse's SEO audit fails relative ones), so
        // only with the site's address. Readers find the versions in the
        // page's own list of languages (`languages_nav`).
        if let Some(site) = site_url {
            for (other, path) in versions {
                let _ = write!(
                    tags,
                    "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n  ",
                    other.code(),
                    escape(&format!("{site}{path}"))
                );
            }
            if let Some((_, english)) = versions.iter().find(|(other, _)| *other == Lang::En) {
                let _ = write!(
                    tags,
                    "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n  ",
                    escape(&format!("{site}{english}"))
                );
            }
        }
        let _ = write!(
            tags,
            "<meta property=\"og:locale\" content=\"{}\">\n  ",
            og_locale(lang)
        );
        for (other, _) in versions.iter().filter(|(other, _)| *other != lang) {
            let _ = write!(
                tags,
                "<meta property=\"og:locale:alternate\" content=\"{}\">\n  ",
                og_locale(*other)
            );
        }
        let site_title = t.get(Msg::PageTitle);
        for (property, value) in [
            ("og:type", "website"),
            ("og:site_name", site_title.as_str()),
            ("og:title", &meta.title),
            ("og:description", &meta.description),
        ] {
            let _ = write!(
                tags,
                "<meta property=\"{property}\" content=\"{}\">\n  ",
                escape(value)
            );
        }
        let _ = write!(
            tags,
            "<meta property=\"og:url\" content=\"{}\">",
            escape(&address(&meta.path))
        );
        let card = if meta.image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        let _ = write!(tags, "\n  <meta name=\"twitter:card\" content=\"{card}\">");
        let _ = write!(
            tags,
            "\n  <meta name=\"twitter:title\" content=\"{}\">",
            escape(&meta.title)
        );
        let _ = write!(
            tags,
            "\n  <meta name=\"twitter:description\" content=\"{}\">",
            escape(&meta.description)
        );
        if let Some(image) = &meta.image {
            let _ = write!(
                tags,
                "\n  <meta property=\"og:image\" content=\"{}\">",
                escape(&address(image))
            );
            let _ = write!(
                tags,
                "\n  <meta property=\"og:image:width\" content=\"{}\">",
                super::preview::WIDTH
            );
            let _ = write!(
                tags,
                "\n  <meta property=\"og:image:height\" content=\"{}\">",
                super::preview::HEIGHT
            );
            let _ = write!(
                tags,
                "\n  <meta property=\"og:image:alt\" content=\"{}\">",
                escape(&meta.description)
            );
            let _ = write!(
                tags,
                "\n  <meta name=\"twitter:image\" content=\"{}\">",
                escape(&address(image))
            );
        }
        let (stage, fingerprint) = match stage {
            Stage::Overview => ("overview", of_page([fingerprints[0].as_str()])),
            Stage::Texts => (
                PRERENDERED_WITH_TEXTS,
                of_page(fingerprints.iter().map(String::as_str)),
            ),
        };
        // `dir` in English too: the viewer sets it when it starts, and a
        // change there makes the browser restyle the whole page.
        let html = format!("<html lang=\"{}\" dir=\"{}\">", lang.code(), lang.dir());
        let outline = if form == Form::Outline {
            format!(" {OUTLINE_ATTRIBUTE}")
        } else {
            String::new()
        };
        format!(
            "{before_html}{html}{before}<title>{title}</title>{head}<meta name=\"description\" content=\"{description}\"{head_rest}  {tags}\n</head>{body_start}<div id=\"{PAGE_ROOT_ID}\" {PRERENDERED_ATTRIBUTE}=\"{stage}\" {DATA_BASE_ATTRIBUTE}=\"{up}data/\" {PAGE_QUERY_ATTRIBUTE}=\"{query}\" {FINGERPRINT_ATTRIBUTE}=\"{fingerprint}\"{outline}>{markup}</div>\n  {nav}{after}",
            before_html = relative(self.before_html, &up),
            before = relative(self.before_title, &up),
            title = escape(&meta.title),
            head = relative(self.head, &up),
            description = escape(&meta.description),
            head_rest = relative(self.head_rest, &up),
            body_start = self.body_start,
            query = escape(&query.to_search()),
            markup = view.markup,
            after = relative(self.after_root, &up),
        )
    }
}

const HTML_EN: &str = "<html lang=\"en\">";

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
fn site_index(t: &Tr, dataset: &Dataset) -> String {
    let lang = t.lang();
    let mut states: Vec<(usize, String)> = pages_of_states(dataset)
        .map(|s| (s, t.state_name(dataset, s as _)))
        .collect();
    states.sort_by(|a, b| a.1.cmp(&b.1));
    let mut html = format!(
        "<nav class=\"site-index\" aria-label=\"{}\"><details><summary>{}</summary><ul>",
        escape(&t.get(Msg::SiteEveryPage)),
        escape(&t.get(Msg::SiteEveryPageSummary))
    );
    for (state, name) in states {
        let _ = write!(
            html,
            "<li><a href=\"{}\">{}</a>:",
            escape(&state_path(&dataset.states[state].id, lang)),
            escape(&name)
        );
        for review in reviews_of(dataset, state) {
            let summary = &dataset.reviews[review].summary;
            let session = t.fmt(
                Msg::SiteSessionLink,
                &[("session", &summary.session.to_string())],
            );
            let _ = write!(
                html,
                " <a href=\"{}\">{}</a>",
                escape(&review_path(&summary.id, lang)),
                escape(&session)
            );
        }
        html.push_str("</li>");
    }
    html.push_str("</ul></details></nav>");
    html
}

fn review_links(t: &Tr, dataset: &Dataset, review: usize) -> String {
    let lang = t.lang();
    let state = dataset.reviews[review].state as usize;
    let name = t.state_name(dataset, state as _);
    let mut html = format!(
        "<nav class=\"site-index\" aria-label=\"{}\"><a href=\"../{}\">{}</a> · <a href=\"../{}\">{}</a>",
        escape(&t.get(Msg::SiteMore)),
        home_path(lang),
        escape(&t.get(Msg::SiteAllReviews)),
        escape(&state_path(&dataset.states[state].id, lang)),
        escape(&t.fmt(
            Msg::SiteReviewsSideBySide,
            &[
                ("name", &name),
                (
                    "reviews",
                    &t.count(Msg::ReviewsCount, reviews_of(dataset, state).len() as u32, &[])
                )
            ]
        )),
    );
    // An outline leaves the recommendations' texts to the English page.
    if lang != Lang::En {
        let _ = write!(
            html,
            " · <a href=\"../{}\" hreflang=\"en\">{}</a>",
            escape(&review_path(&dataset.reviews[review].summary.id, Lang::En)),
            escape(&t.get(Msg::SiteTexts))
        );
    }
    html.push_str("</nav>");
    html
}

fn state_links(t: &Tr, dataset: &Dataset, state: usize) -> String {
    let lang = t.lang();
    let mut html = format!(
        "<nav class=\"site-index\" aria-label=\"{}\"><a href=\"../{}\">{}</a>",
        escape(&t.get(Msg::SiteMore)),
        home_path(lang),
        escape(&t.get(Msg::SiteAllReviews))
    );
    for review in reviews_of(dataset, state) {
        let summary = &dataset.reviews[review].summary;
        let session = t.fmt(Msg::SessionN, &[("session", &summary.session.to_string())]);
        let _ = write!(
            html,
            " · <a href=\"../{}\">{}</a>",
            escape(&review_path(&summary.id, lang)),
            escape(&session)
        );
    }
    let compare = in_language(
        Query {
            compare: Some(dataset.states[state].id.clone()),
            ..Query::default()
        },
        t,
    );
    let _ = write!(
        html,
        " · <a href=\"../{}{}\">{}</a></nav>",
        home_path(lang),
        escape(&compare.to_search()),
        escape(&t.get(Msg::SiteComparison))
    );
    html
}

/// The page in the other languages, each named in itself, for readers
/// without script (the viewer has its own switch); `up` leads from the
/// page to the site's root.
fn languages_nav(versions: &[(Lang, String)], t: &Tr, up: &str) -> String {
    let (lang, label) = (t.lang(), t.get(Msg::SiteOtherLanguages));
    let links: Vec<String> = versions
        .iter()
        .filter(|(other, _)| *other != lang)
        .map(|(other, path)| {
            format!(
                "<a href=\"{up}{}\" hreflang=\"{code}\" lang=\"{code}\">{}</a>",
                escape(path),
                other.native_name(),
                code = other.code()
            )
        })
        .collect();
    format!(
        "\n  <nav class=\"site-index\" aria-label=\"{}\">{}</nav>",
        escape(&label),
        links.join(" · ")
    )
}

fn write(out: &Path, path: &str, content: impl AsRef<[u8]>) -> Result<(), SiteError> {
    let target = out.join(path);
    let error = |e: std::io::Error| SiteError::Write {
        path: target.display().to_string(),
        message: e.to_string(),
    };
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(error)?;
    }
    std::fs::write(&target, content).map_err(error)
}
