//! Files in the layout of the OHCHR Universal Human Rights Index's export,
//! written from the project's own rows: the bundled dataset's
//! recommendations (`data/*.json`), each with its recommending State,
//! response, text, SDG goals, report and paragraph, and the themes and
//! groups of persons its sources gave it. Nothing here is made up but the
//! annotation ids and the quirk rows the tests add; the dates are those of
//! `sessions.csv`.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use upr_core::dataset::schema::{Overview, Recommendation, Region, Response, State, Texts};

/// The Index's sixteen columns, in its order, spelt as its .xlsx spells them.
pub const HEADER: [&str; 16] = [
    "Text",
    "Countries Concerned",
    "Reccomending Body",
    "Document Symbol",
    "Themes",
    "Affected Persons",
    "Sdgs",
    "Document Publication Date",
    "UPR Reccomending States",
    "UPR Position",
    "Type",
    "OHCHR Annotation Id",
    "UPR Session",
    "Regions Concerned",
    "Recommending Regions",
    "Date of publication on UHRI",
];

/// The header as some exports spell it, `Recommending` right.
pub fn header_spelt_right() -> [&'static str; 16] {
    HEADER.map(|h| match h {
        "Reccomending Body" => "Recommending Body",
        "UPR Reccomending States" => "UPR Recommending States",
        other => other,
    })
}

/// A cell: text (lists already joined as the Index joins them) or a number.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
}

/// `- A\n- B`: the Index's way of writing several values.
pub fn list<S: AsRef<str>>(values: &[S]) -> Cell {
    Cell::Text(
        values
            .iter()
            .map(|v| format!("- {}", v.as_ref()))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

pub fn text(value: &str) -> Cell {
    Cell::Text(value.to_owned())
}

pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("UPR_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir().join("../shared"));
    assert!(
        dir.join("data").is_dir(),
        "the raw data is not at {}: set UPR_SHARED to its folder",
        dir.display()
    );
    dir
}

pub struct Bundled {
    pub overview: Overview,
    pub texts: Texts,
}

pub fn bundled() -> Bundled {
    let read = |name: &str| {
        let path = dir().join("data").join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    Bundled {
        overview: serde_json::from_str(&read("overview.json")).expect("overview.json"),
        texts: serde_json::from_str(&read("recommendations.json")).expect("recommendations.json"),
    }
}

/// A State as the Index names it: its UN name, which of the names the
/// dataset knows for it is the longest (`United Kingdom of Great Britain
/// and Northern Ireland`, `Venezuela (Bolivarian Republic of)`).
pub fn un_name(state: &State) -> String {
    std::iter::once(&state.name)
        .chain(&state.aliases)
        .fold(
            &state.name,
            |best, n| if n.len() > best.len() { n } else { best },
        )
        .clone()
}

/// The name as the reports write it in a text: `Venezuela (Bolivarian
/// Republic of)` is `Bolivarian Republic of Venezuela` there.
pub fn name_in_text(un_name: &str) -> String {
    match un_name.split_once(" (") {
        Some((name, rest)) => format!("{} {name}", rest.trim_end_matches(')')),
        None => un_name.to_owned(),
    }
}

fn ordinal(n: u8) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `2014-11-07` as an Excel serial date.
pub fn serial(iso: &str) -> f64 {
    let (y, m, d): (i64, i64, i64) = (
        iso[..4].parse().unwrap(),
        iso[5..7].parse().unwrap(),
        iso[8..10].parse().unwrap(),
    );
    // Howard Hinnant's days_from_civil, then Excel's 1900 epoch.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468 + 25_569) as f64
}

/// What the import must give for one recommendation, worked out from the
/// bundled row it was written from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expected {
    pub from: String,
    pub response: &'static str,
    pub text: String,
    pub sdg_goals: Vec<u8>,
    pub document: String,
    pub paragraph: Option<String>,
    pub index_themes: Vec<String>,
    pub index_persons: Vec<String>,
}

impl Expected {
    pub fn of(r: &Recommendation) -> Expected {
        Expected {
            from: r.from.clone().unwrap_or_default(),
            response: r.response.code(),
            text: r.text.clone(),
            sdg_goals: r.sdg_goals.clone(),
            document: r.document.clone().unwrap_or_default(),
            paragraph: r.paragraph.clone(),
            index_themes: r.index_themes.clone(),
            index_persons: r.index_persons.clone(),
        }
    }
}

/// The rows written, and what they must give: (session, State id) -> the
/// recommendations, and counts of the rows' kinds.
#[derive(Default)]
pub struct Written {
    pub rows: Vec<[Cell; 16]>,
    pub expected: BTreeMap<(u8, String), Vec<Expected>>,
    /// Rows of several States, and rows of several wordings.
    pub joint: usize,
    pub several_wordings: usize,
    /// UPR recommendation rows of the sessions imported.
    pub recommendation_rows: usize,
}

/// Writes the reviews of `sessions` of the bundled data as the Index's
/// rows, placed in session `place(session)`. Recommendations of one
/// paragraph alike in all but their State are one row of several States
/// (their names at the end of the text, one a line in the States' cell);
/// those alike but in their wording too share a row whose wordings each
/// end with their States' names, as in the reports. A recommendation the
/// Explorer did not cite (no paragraph) is a row of its own, citing its
/// review's report.
pub fn write_sessions(
    bundled: &Bundled,
    sessions: &[u8],
    place: impl Fn(u8) -> u8,
    written: &mut Written,
) {
    let overview = &bundled.overview;
    let state = |id: &str| {
        overview
            .states
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let theme_label = |id: &str| {
        overview
            .themes
            .iter()
            .find(|t| t.id == id)
            .map_or(id.to_owned(), |t| t.label.clone())
    };
    let person_label = |id: &str| {
        overview
            .persons
            .iter()
            .find(|p| p.id == id)
            .map_or(id.to_owned(), |p| p.label.clone())
    };
    let goal_label = |n: u8| {
        let name = overview
            .sdg_goals
            .iter()
            .find(|g| g.number == n)
            .map_or(String::new(), |g| g.name.to_uppercase());
        format!("{n} - {name}")
    };
    for (summary, review) in overview.reviews.iter().zip(&bundled.texts.reviews) {
        if !sessions.contains(&summary.session) {
            continue;
        }
        let session = place(summary.session);
        let dates = overview
            .sessions
            .iter()
            .find(|s| s.number == session)
            .expect("a session of sessions.csv");
        let under_review = state(&summary.state);
        let mut documents: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &review.recommendations {
            if let Some(d) = &r.document {
                *documents.entry(d).or_default() += 1;
            }
        }
        // The Index cites a report for every row: a review the Explorer
        // never cited is left out.
        let Some(report) = documents
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(d, _)| d.to_string())
        else {
            continue;
        };
        // The Index's themes and groups of persons of each row: here those
        // the project's sources gave the recommendation.
        let themes = |r: &Recommendation| -> Vec<String> {
            r.themes.iter().map(|t| theme_label(t)).collect()
        };
        let persons = |r: &Recommendation| -> Vec<String> {
            r.persons.iter().map(|p| person_label(p)).collect()
        };
        // Rows: a key of everything but State and wording -> its rows, each
        // a list of (State, wording) of distinct States.
        type Key = (
            String,
            Option<String>,
            &'static str,
            Vec<u8>,
            Vec<String>,
            Vec<String>,
        );
        let mut order: Vec<Key> = Vec::new();
        let mut rows: BTreeMap<Key, Vec<Vec<(&str, &str)>>> = BTreeMap::new();
        for (i, r) in review.recommendations.iter().enumerate() {
            // The Index names the recommending States of every row: the
            // few UPR Info does not know are left out.
            let Some(from) = r.from.as_deref() else {
                continue;
            };
            let key: Key = (
                r.document.clone().unwrap_or_else(|| report.clone()),
                // Uncited recommendations stay apart.
                r.paragraph.clone().or_else(|| Some(format!("#{i}"))),
                r.response.code(),
                r.sdg_goals.clone(),
                themes(r),
                persons(r),
            );
            written
                .expected
                .entry((session, summary.state.clone()))
                .or_default()
                .push(Expected {
                    document: key.0.clone(),
                    index_themes: key.4.clone(),
                    index_persons: key.5.clone(),
                    ..Expected::of(r)
                });
            let slot = rows.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                Vec::new()
            });
            match slot
                .iter_mut()
                .find(|row| !row.iter().any(|(s, _)| *s == from))
            {
                Some(row) => row.push((from, &r.text)),
                None => slot.push(vec![(from, &r.text)]),
            }
        }
        for key in &order {
            for row in &rows[key] {
                let (document, paragraph, response, goals, themes, persons) = key;
                let mut wordings: Vec<(&str, Vec<&str>)> = Vec::new();
                for (from, text) in row {
                    match wordings.iter_mut().find(|(t, _)| t == text) {
                        Some((_, states)) => states.push(from),
                        None => wordings.push((text, vec![from])),
                    }
                }
                let names: Vec<String> = row.iter().map(|(s, _)| un_name(state(s))).collect();
                let body = wordings
                    .iter()
                    .map(|(text, states)| {
                        let named: String = states
                            .iter()
                            .map(|s| format!(" ({})", name_in_text(&un_name(state(s)))))
                            .collect();
                        format!("{text}{named}")
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                let text = match paragraph.as_deref().filter(|p| !p.starts_with('#')) {
                    Some(p) => format!("{p} {body};"),
                    None => format!("{body};"),
                };
                written.joint += (row.len() > 1) as usize;
                written.several_wordings += (wordings.len() > 1) as usize;
                written.recommendation_rows += 1;
                let position = match *response {
                    "accepted" => "Supported",
                    _ => "Noted",
                };
                let region = |s: &State| s.region.map_or("Others", Region::label).to_owned();
                written.rows.push([
                    text_cell(&text),
                    list(&[un_name(under_review)]),
                    list(&["UPR"]),
                    Cell::Text(document.clone()),
                    list(themes),
                    list(persons),
                    list(&goals.iter().map(|g| goal_label(*g)).collect::<Vec<_>>()),
                    Cell::Number(serial(&dates.end)),
                    list(&names),
                    list(&[position]),
                    list(&["Recommendation"]),
                    Cell::Text(annotation_id(written.rows.len())),
                    list(&[format!("{} session", ordinal(session))]),
                    list(&[region(under_review)]),
                    list(
                        &row.iter()
                            .map(|(s, _)| region(state(s)))
                            .collect::<Vec<_>>(),
                    ),
                    // A time of day, as the Index's own dates have.
                    Cell::Number(serial(&dates.end) + 30.499_628_240_7),
                ]);
            }
        }
    }
}

fn text_cell(text: &str) -> Cell {
    Cell::Text(text.to_owned())
}

/// Shaped as the Index's ids (UUIDs); only their being distinct matters.
pub fn annotation_id(n: usize) -> String {
    format!("{:08x}-6633-478d-9a9a-{:012x}", n / 4096, n)
}

pub fn response_of(position: Response) -> &'static str {
    match position {
        Response::Accepted => "Supported",
        Response::Noted => "Noted",
    }
}

/// The rows as the .json twin: an array of objects keyed by `header`;
/// dates as the numbers' text.
pub fn write_json(path: &Path, header: &[&str; 16], rows: &[[Cell; 16]]) {
    let file = std::fs::File::create(path).expect("created");
    let mut out = std::io::BufWriter::new(file);
    out.write_all(b"[\n").unwrap();
    for (i, row) in rows.iter().enumerate() {
        let object: serde_json::Map<String, serde_json::Value> = header
            .iter()
            .zip(row)
            .map(|(h, cell)| {
                let value = match cell {
                    Cell::Text(t) => t.clone(),
                    Cell::Number(n) => n.to_string(),
                };
                (h.to_string(), serde_json::Value::String(value))
            })
            .collect();
        if i > 0 {
            out.write_all(b",\n").unwrap();
        }
        serde_json::to_writer(&mut out, &object).unwrap();
    }
    out.write_all(b"\n]\n").unwrap();
    out.flush().unwrap();
}

/// How the .xlsx stores its cells: inline, as the project's other tests
/// write them, or in a shared strings table, as Excel does (the costlier
/// to read: the reader holds the table).
#[derive(Clone, Copy, PartialEq)]
pub enum Strings {
    Inline,
    Shared,
}

/// A minimal .xlsx of one sheet: a zip of stored or deflated entries,
/// text cells inline or shared, numbers as numbers. The technique of
/// tests/import.rs's `xlsx`, with numbers, shared strings and deflate
/// (flate2, already the importer's) for a file the size of the Index's.
pub fn write_xlsx(
    path: &Path,
    sheet: &str,
    header: &[&str],
    rows: &[[Cell; 16]],
    strings: Strings,
    deflate: bool,
) {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let column = |c: usize| ((b'A' + c as u8) as char).to_string();
    let mut shared: Vec<String> = Vec::new();
    let mut shared_index: std::collections::HashMap<String, usize> = Default::default();
    let mut text_cell = |reference: &str, value: &str, out: &mut Vec<u8>| match strings {
        Strings::Inline => write!(
            out,
            r#"<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
            escape(value)
        )
        .unwrap(),
        Strings::Shared => {
            let index = *shared_index.entry(value.to_owned()).or_insert_with(|| {
                shared.push(value.to_owned());
                shared.len() - 1
            });
            write!(out, r#"<c r="{reference}" t="s"><v>{index}</v></c>"#).unwrap();
        }
    };
    let mut sheet_xml = Vec::new();
    write!(
        sheet_xml,
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN}"><sheetData>"#
    )
    .unwrap();
    write!(sheet_xml, r#"<row r="1">"#).unwrap();
    for (c, h) in header.iter().enumerate() {
        text_cell(&format!("{}1", column(c)), h, &mut sheet_xml);
    }
    sheet_xml.extend_from_slice(b"</row>");
    for (r, row) in rows.iter().enumerate() {
        let n = r + 2;
        write!(sheet_xml, r#"<row r="{n}">"#).unwrap();
        for (c, cell) in row.iter().enumerate() {
            let reference = format!("{}{n}", column(c));
            match cell {
                Cell::Text(t) if t.is_empty() => {}
                Cell::Text(t) => text_cell(&reference, t, &mut sheet_xml),
                Cell::Number(v) => {
                    write!(sheet_xml, r#"<c r="{reference}"><v>{v}</v></c>"#).unwrap()
                }
            }
        }
        sheet_xml.extend_from_slice(b"</row>");
    }
    sheet_xml.extend_from_slice(b"</sheetData></worksheet>");

    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>{}</Types>"#,
                if strings == Strings::Shared { r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"# } else { "" }).into_bytes(),
        ),
        (
            "_rels/.rels".into(),
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).into_bytes(),
        ),
        (
            "xl/workbook.xml".into(),
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>"#).into_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels".into(),
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>{}</Relationships>"#,
                if strings == Strings::Shared { format!(r#"<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>"#) } else { String::new() }).into_bytes(),
        ),
        ("xl/worksheets/sheet1.xml".into(), sheet_xml),
    ];
    if strings == Strings::Shared {
        let mut sst = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MAIN}" count="{0}" uniqueCount="{0}">"#,
            shared.len()
        )
        .into_bytes();
        for s in &shared {
            write!(sst, r#"<si><t xml:space="preserve">{}</t></si>"#, escape(s)).unwrap();
        }
        sst.extend_from_slice(b"</sst>");
        files.push(("xl/sharedStrings.xml".into(), sst));
    }
    write_zip(path, &files, deflate);
}

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn write_zip(path: &Path, files: &[(String, Vec<u8>)], deflate: bool) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("created"));
    let (mut offset, mut central) = (0u32, Vec::new());
    let le16 = |v: u16| v.to_le_bytes();
    let le32 = |v: u32| v.to_le_bytes();
    for (name, data) in files {
        let mut crc = flate2::Crc::new();
        crc.update(data);
        let stored;
        let (method, body): (u16, &[u8]) = if deflate {
            let mut encoder =
                flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
            encoder.write_all(data).unwrap();
            stored = encoder.finish().unwrap();
            (8, &stored)
        } else {
            (0, data)
        };
        let sizes = [crc.sum(), body.len() as u32, data.len() as u32];
        let mut local = Vec::new();
        local.extend(le32(0x0403_4b50));
        local.extend([20u16, 0, method, 0, 0].iter().flat_map(|v| le16(*v)));
        local.extend(sizes.iter().flat_map(|v| le32(*v)));
        local.extend([name.len() as u16, 0].iter().flat_map(|v| le16(*v)));
        local.extend(name.as_bytes());
        out.write_all(&local).unwrap();
        out.write_all(body).unwrap();
        central.extend(le32(0x0201_4b50));
        central.extend([20u16, 20, 0, method, 0, 0].iter().flat_map(|v| le16(*v)));
        central.extend(sizes.iter().flat_map(|v| le32(*v)));
        central.extend(
            [name.len() as u16, 0, 0, 0, 0]
                .iter()
                .flat_map(|v| le16(*v)),
        );
        central.extend([0u32, offset].iter().flat_map(|v| le32(*v)));
        central.extend(name.as_bytes());
        offset += (local.len() + body.len()) as u32;
    }
    let central_size = central.len() as u32;
    out.write_all(&central).unwrap();
    let mut end = Vec::new();
    end.extend(le32(0x0605_4b50));
    end.extend(
        [0u16, 0, files.len() as u16, files.len() as u16]
            .iter()
            .flat_map(|v| le16(*v)),
    );
    end.extend([central_size, offset].iter().flat_map(|v| le32(*v)));
    end.extend(le16(0));
    out.write_all(&end).unwrap();
    out.flush().unwrap();
}
