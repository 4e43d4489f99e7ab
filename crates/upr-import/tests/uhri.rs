//! The OHCHR Universal Human Rights Index's export, imported from files in
//! its layout written from the project's own rows (`index_layout`): the
//! bundled reviews of sessions 19 and 20, with every quirk of the export,
//! imported beside sources that do not hold those sessions (UPR Info's
//! files of sessions 1-17, the Explorer's of cycle 1). What the import
//! gives is checked against those rows, and the sessions' dates, cycle
//! and Council members against `sessions.csv` and `hrc-membership.csv`
//! read here.
//!
//! `write_a_large_index_export` (ignored) writes the file the README's
//! measurement of a full export reads.

mod index_layout;

use index_layout::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use upr_core::dataset::load::Dataset;
use upr_core::dataset::schema::Session;
use upr_core::dataset::slug::slug;
use upr_core::dataset::states::canonical_name;
use upr_import::{import, Imported, Sources, UhriFile};

/// The sessions the Index brings here, and one that UPR Info holds.
const SESSIONS: [u8; 2] = [19, 20];
const HELD: u8 = 17;

fn tmp() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// `shared/` without what holds sessions 18-27: UPR Info's files of
/// sessions 1-17 (their pledges too; its 2018 export left empty) and the
/// Explorer's of cycle 1.
fn partial_shared() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let shared = shared_dir();
        let dir = tmp().join("uhri-shared");
        let _ = std::fs::remove_dir_all(&dir);
        for sub in ["data/upr-info", "data/upr-info-2018", "data/dihr", "seed"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        let copy = |name: &str| std::fs::copy(shared.join(name), dir.join(name)).unwrap();
        copy("data/sessions.csv");
        copy("data/hrc-membership.csv");
        copy("data/dihr/upr-cycle-1.xlsx");
        for entry in std::fs::read_dir(shared.join("data/upr-info")).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.starts_with("recommendations-") && !name.contains("18-20") {
                copy(&format!("data/upr-info/{name}"));
            }
        }
        for entry in std::fs::read_dir(shared.join("seed")).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            copy(&format!("seed/{name}"));
        }
        let mut pledges =
            csv::Reader::from_path(shared.join("data/upr-info/voluntary-pledges.csv")).unwrap();
        let headers = pledges.headers().unwrap().clone();
        let session = headers.iter().position(|h| h == "Session").unwrap();
        let mut out =
            csv::Writer::from_path(dir.join("data/upr-info/voluntary-pledges.csv")).unwrap();
        out.write_record(&headers).unwrap();
        for record in pledges.records() {
            let record = record.unwrap();
            if record[session].trim().parse::<u8>().unwrap() <= HELD {
                out.write_record(&record).unwrap();
            }
        }
        out.flush().unwrap();
        dir
    })
}

struct Fixture {
    written: Written,
    /// Rows of the held session, of another body, a `Response of` row, a
    /// row without a position; the one row positioned `Supported/Noted`.
    held_rows: usize,
    pending_session: u8,
    xlsx: PathBuf,
    json: PathBuf,
    rows: usize,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let bundled = bundled();
        let mut held = Written::default();
        write_sessions(&bundled, &[HELD], |s| s, &mut held);
        held.rows.truncate(40);
        let mut written = Written::default();
        write_sessions(&bundled, &SESSIONS, |s| s, &mut written);

        // Quirks, each on a copy of a real row (or the row itself).
        let position = 9;
        let noted = written
            .rows
            .iter()
            .position(|r| {
                r[position] == list(&["Noted"])
                    && !matches!(&r[8], Cell::Text(t) if t.contains('\n'))
            })
            .expect("a noted recommendation of one State");
        written.rows[noted][position] = list(&["Supported/Noted"]);
        let mut extra = Vec::new();
        let mut other_body = written.rows[1].clone();
        other_body[2] = list(&["CRC"]);
        other_body[10] = list(&["Recommendations"]);
        for empty in [8, 9, 12, 14] {
            other_body[empty] = text("");
        }
        extra.push(other_body);
        let mut response = written.rows[2].clone();
        let Cell::Text(countries) = &response[1] else {
            unreachable!()
        };
        response[0] = text(&format!(
            "Response of {}: the recommendations are supported",
            countries.trim_start_matches("- ")
        ));
        extra.push(response);
        let mut pending = written.rows.last().unwrap().clone();
        pending[position] = text("");
        let Cell::Text(session) = &pending[12] else {
            unreachable!()
        };
        let pending_session: u8 = session
            .trim_start_matches("- ")
            .trim_end_matches(" session")
            .trim_end_matches(char::is_alphabetic)
            .parse()
            .unwrap();
        extra.push(pending);
        let held_rows = held.rows.len();
        let mut rows: Vec<[Cell; 16]> = held.rows;
        let half = written.rows.len() / 2;
        rows.extend(written.rows[..half].iter().cloned());
        rows.extend(extra);
        rows.extend(written.rows[half..].iter().cloned());
        for (n, row) in rows.iter_mut().enumerate() {
            row[11] = text(&annotation_id(n));
        }
        let xlsx = tmp().join("uhri-index.xlsx");
        write_xlsx(&xlsx, "Export", &HEADER, &rows, Strings::Inline, false);
        // The twin spells `Recommending` right, writes its session as
        // `19th Session` and its dates as text.
        let json_rows: Vec<[Cell; 16]> = rows
            .iter()
            .map(|row| {
                let mut row = row.clone();
                if let Cell::Text(s) = &row[12] {
                    row[12] = text(&s.trim_start_matches("- ").replace("session", "Session"));
                }
                row
            })
            .collect();
        let json = tmp().join("uhri-index.json");
        write_json(&json, &header_spelt_right(), &json_rows);
        Fixture {
            held_rows,
            pending_session,
            rows: rows.len(),
            written,
            xlsx,
            json,
        }
    })
}

fn sources(files: &[&Path]) -> Sources {
    let mut sources = Sources::read(partial_shared()).expect("the partial shared folder reads");
    sources.uhri = files.iter().map(|p| UhriFile::new(p)).collect();
    sources
}

fn imported(json: bool) -> &'static Imported {
    static XLSX: OnceLock<Imported> = OnceLock::new();
    static JSON: OnceLock<Imported> = OnceLock::new();
    let (cell, path) = match json {
        false => (&XLSX, &fixture().xlsx),
        true => (&JSON, &fixture().json),
    };
    cell.get_or_init(|| import(&sources(&[path])).unwrap_or_else(|e| panic!("{e}")))
}

#[test]
fn the_index_brings_its_sessions_as_the_real_rows_say() {
    let fixture = fixture();
    for json in [false, true] {
        let imported = imported(json);
        let overview = &imported.overview;
        let mut found = BTreeSet::new();
        for (summary, texts) in overview.reviews.iter().zip(&imported.texts.reviews) {
            if !SESSIONS.contains(&summary.session) {
                continue;
            }
            let key = (summary.session, summary.state.clone());
            let want = fixture
                .written
                .expected
                .get(&key)
                .unwrap_or_else(|| panic!("{key:?} was not written"));
            let mut got: Vec<Expected> = texts.recommendations.iter().map(Expected::of).collect();
            let mut want = want.clone();
            got.sort();
            want.sort();
            assert_eq!(got.len(), want.len(), "{}", summary.id);
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(g, w, "{}", summary.id);
            }
            let count = |code: &str| want.iter().filter(|e| e.response == code).count() as u32;
            assert_eq!(
                (summary.recommendations, summary.accepted, summary.noted),
                (want.len() as u32, count("accepted"), count("noted")),
                "{}",
                summary.id
            );
            // Goal `g` is counted at `g - 1`.
            let mut goals = vec![0u32; 17];
            for goal in want.iter().flat_map(|e| &e.sdg_goals) {
                goals[usize::from(*goal) - 1] += 1;
            }
            if goals.iter().all(|n| *n == 0) {
                goals.clear();
            }
            assert_eq!(summary.sdg_goals, goals, "{}", summary.id);
            // The Index's lists are kept apart: no UPR Info theme, action
            // category or Explorer group is made of them.
            assert!(
                !summary.themes_classified
                    && summary.themes.is_empty()
                    && summary.actions.is_empty()
                    && summary.persons.is_empty()
            );
            assert!(texts
                .recommendations
                .iter()
                .all(|r| r.themes.is_empty() && r.persons.is_empty() && r.action.is_none()));
            found.insert(key);
        }
        let written: BTreeSet<_> = fixture.written.expected.keys().cloned().collect();
        assert_eq!(found, written, "json: {json}");
        assert!(
            !overview.reviews.iter().any(|r| r.session == 18),
            "no source holds session 18"
        );
        assert!(overview.source.contains("Universal Human Rights Index"));
        // Joint rows and rows of several wordings were written, and read.
        assert!(fixture.written.joint > 10 && fixture.written.several_wordings > 5);
    }
}

#[test]
fn the_sessions_dates_cycle_and_members_come_from_the_shared_tables() {
    let shared = shared_dir();
    let mut sessions = csv::Reader::from_path(shared.join("data/sessions.csv")).unwrap();
    let listed: Vec<Session> = sessions
        .records()
        .map(|r| {
            let r = r.unwrap();
            Session {
                number: r[0].parse().unwrap(),
                cycle: r[1].parse().unwrap(),
                start: r[2].to_owned(),
                end: r[3].to_owned(),
            }
        })
        .collect();
    let mut terms = csv::Reader::from_path(shared.join("data/hrc-membership.csv")).unwrap();
    let terms: Vec<(String, String, String)> = terms
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                slug(&canonical_name(&r[0])),
                r[1].to_owned(),
                r[2].to_owned(),
            )
        })
        .collect();
    let imported = imported(false);
    for number in SESSIONS {
        let session = listed.iter().find(|s| s.number == number).unwrap();
        assert_eq!(
            imported
                .overview
                .sessions
                .iter()
                .find(|s| s.number == number),
            Some(session)
        );
        for (summary, texts) in imported
            .overview
            .reviews
            .iter()
            .zip(&imported.texts.reviews)
        {
            if summary.session != number {
                continue;
            }
            let from: BTreeSet<&str> = texts
                .recommendations
                .iter()
                .filter_map(|r| r.from.as_deref())
                .collect();
            let member = |id: &str| {
                terms.iter().any(|(s, start, end)| {
                    s == id && *start <= session.start && *end >= session.end
                })
            };
            let members: Vec<&str> = from.iter().copied().filter(|s| member(s)).collect();
            let observers: Vec<&str> = from.iter().copied().filter(|s| !member(s)).collect();
            // As sets: the importer orders them by name, not by id.
            let set = |list: &[&str]| {
                list.iter()
                    .map(|s| s.to_string())
                    .collect::<BTreeSet<String>>()
            };
            let got = |list: &[String]| list.iter().cloned().collect::<BTreeSet<String>>();
            assert_eq!(
                got(&texts.participants.members),
                set(&members),
                "{}",
                summary.id
            );
            assert_eq!(
                got(&texts.participants.observers),
                set(&observers),
                "{}",
                summary.id
            );
            assert_eq!(
                (
                    summary.participation.members,
                    summary.participation.observers
                ),
                (members.len() as u32, observers.len() as u32)
            );
            assert!(
                !members.is_empty() && !observers.is_empty(),
                "{}",
                summary.id
            );
        }
    }
}

#[test]
fn the_report_counts_every_row_by_what_became_of_it() {
    let fixture = fixture();
    let written = &fixture.written;
    let recommendations: usize = written.expected.values().map(Vec::len).sum();
    for (json, path) in [(false, &fixture.xlsx), (true, &fixture.json)] {
        let report = imported(json).report.join("\n");
        let want = [
            format!("read {} rows from {}", fixture.rows, path.display()),
            format!(
                "imported {} UPR recommendation rows as {recommendations} recommendations, one per recommending State ({} rows joint, of several States)",
                written.recommendation_rows, written.joint
            ),
            "1 of them Supported/Noted (partly supported): imported as noted".to_owned(),
            format!("{} of them hold several wordings, each given to the States it names", written.several_wordings),
            "skipped 1 rows of other bodies than the UPR".to_owned(),
            "skipped 1 rows whose text begins \"Response of\"".to_owned(),
            format!("skipped {} rows of sessions UPR Info's exports hold ({HELD})", fixture.held_rows),
            format!("skipped 1 rows without a position yet (session {}: 1)", fixture.pending_session),
        ];
        for line in want {
            assert!(report.contains(&line), "{line:?} not in\n{report}");
        }
        assert!(!report.contains("kept whole"), "{report}");
        for session in SESSIONS {
            let reviews = written
                .expected
                .keys()
                .filter(|(s, _)| *s == session)
                .count();
            let count: usize = written
                .expected
                .iter()
                .filter(|((s, _), _)| *s == session)
                .map(|(_, e)| e.len())
                .sum();
            let line = format!("from the OHCHR Index: session {session}: {reviews} reviews, {count} recommendations");
            assert!(report.contains(&line), "{line:?} not in\n{report}");
        }
        if !json {
            assert!(
                report.contains(&format!("{} (sheet Export)", path.display())),
                "{report}"
            );
        }
    }
}

#[test]
fn the_xlsx_and_its_json_twin_give_the_same_and_read_together_count_once() {
    let (a, b) = (imported(false), imported(true));
    assert_eq!(a.overview, b.overview);
    assert_eq!(a.texts, b.texts);
    let fixture = fixture();
    let both = import(&sources(&[&fixture.xlsx, &fixture.json])).expect("imports");
    assert_eq!(both.texts, a.texts);
    let report = both.report.join("\n");
    let line = format!(
        "skipped {} rows repeating an OHCHR Annotation Id read before",
        fixture.written.recommendation_rows
    );
    assert!(report.contains(&line), "{line:?} not in\n{report}");
}

#[test]
fn the_index_labels_reach_the_packed_texts_and_the_exports() {
    let imported = imported(false);
    let mut dataset =
        Dataset::from_overview(imported.overview.clone()).expect("the overview loads");
    let json = serde_json::to_string(&imported.texts).unwrap();
    let packed = dataset.pack_texts_json(&json).expect("packs");
    dataset
        .attach_packed(&packed.whole)
        .expect("the packed texts load");
    let all: Vec<_> = imported
        .texts
        .reviews
        .iter()
        .flat_map(|r| &r.recommendations)
        .collect();
    assert_eq!(dataset.recommendations.len(), all.len());
    let mut labelled = 0;
    for (row, r) in dataset.recommendations.iter().zip(&all) {
        assert_eq!(row.index_themes().collect::<Vec<_>>(), r.index_themes);
        assert_eq!(row.index_persons().collect::<Vec<_>>(), r.index_persons);
        labelled += !r.index_themes.is_empty() as usize;
    }
    assert!(labelled > 1_000, "{labelled}");
    // A State's own file, which a review page loads, carries them too.
    let (id, piece) = packed
        .states
        .iter()
        .find(|(id, _)| {
            dataset
                .reviews
                .iter()
                .any(|r| r.summary.state == *id && r.summary.session > HELD)
        })
        .expect("a State reviewed in a session the Index brings");
    let mut alone = Dataset::from_overview(imported.overview.clone()).expect("the overview loads");
    let mut reader = upr_core::dataset::packed::PackedReader::new(&alone);
    reader.push(piece).expect("the State's texts read");
    let texts = reader.finish().expect("the State's texts are whole");
    alone.attach(texts);
    let labels = |d: &Dataset| -> Vec<(Vec<String>, Vec<String>)> {
        d.recommendations
            .iter()
            .filter(|row| d.reviews[row.review as usize].summary.state == *id)
            .map(|row| {
                (
                    row.index_themes().map(str::to_owned).collect(),
                    row.index_persons().map(str::to_owned).collect(),
                )
            })
            .collect()
    };
    let from_piece = labels(&alone);
    assert!(
        from_piece.iter().any(|(themes, _)| !themes.is_empty()),
        "{id}"
    );
    assert_eq!(from_piece, labels(&dataset), "{id}");
    let (outcome, _) = upr_core::filter::apply(
        &dataset,
        &upr_core::query::Query::from_search("?session=20").0,
    );
    let exported = upr_core::export::rows(&dataset, &outcome);
    assert!(exported
        .iter()
        .any(|e| !e.index_themes.is_empty() && !e.index_persons.is_empty()));
    let csv = upr_core::export::to_csv(&exported);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = header
        .iter()
        .position(|h| h == "index_themes")
        .expect("an index_themes column");
    for (record, e) in reader.records().zip(&exported) {
        assert_eq!(record.unwrap()[column], e.index_themes.join("; "));
    }
}

/// Runs the importer's command with `--uhri file` into an empty folder.
fn run_import(file: &Path) -> (bool, String, Vec<PathBuf>) {
    let out = tmp().join(format!(
        "uhri-out-{}",
        file.file_stem().unwrap().to_string_lossy()
    ));
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_import"))
        .current_dir(dir())
        .arg("--uhri")
        .arg(file)
        .arg(partial_shared())
        .arg(&out)
        .output()
        .expect("the importer runs");
    let written = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    (
        run.status.success(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
        written,
    )
}

fn rows_of_fixture() -> Vec<[Cell; 16]> {
    // The xlsx's rows again: a few, enough to reach a session imported.
    let bundled = bundled();
    let mut written = Written::default();
    write_sessions(&bundled, &[20], |s| s, &mut written);
    written.rows.truncate(12);
    for (n, row) in written.rows.iter_mut().enumerate() {
        row[11] = text(&annotation_id(n));
    }
    written.rows
}

#[test]
fn a_missing_column_is_named_and_nothing_is_written() {
    let rows = rows_of_fixture();
    let mut header = HEADER;
    header[9] = "Position";
    let xlsx = tmp().join("uhri-missing-column.xlsx");
    write_xlsx(&xlsx, "Export", &header, &rows, Strings::Inline, false);
    let (ok, stderr, written) = run_import(&xlsx);
    assert!(!ok && written.is_empty(), "{stderr} {written:?}");
    let want = format!(
        "{}, sheet Export, row 1, column UPR Position: missing",
        xlsx.display()
    );
    assert!(stderr.contains(&want), "{want:?} not in {stderr}");

    let json = tmp().join("uhri-missing-column.json");
    let mut header = header_spelt_right();
    header[8] = "States";
    write_json(&json, &header, &rows);
    let (ok, stderr, written) = run_import(&json);
    assert!(!ok && written.is_empty(), "{stderr} {written:?}");
    let want = format!(
        "{}, object 1 of the array, key UPR Reccomending States (or UPR Recommending States): missing",
        json.display()
    );
    assert!(stderr.contains(&want), "{want:?} not in {stderr}");
}

#[test]
fn an_unknown_state_is_named_with_its_cell_and_nothing_is_written() {
    let mut rows = rows_of_fixture();
    rows[7][1] = list(&["Atlantis"]);
    let xlsx = tmp().join("uhri-unknown-state.xlsx");
    write_xlsx(&xlsx, "Export", &HEADER, &rows, Strings::Inline, false);
    let (ok, stderr, written) = run_import(&xlsx);
    assert!(!ok && written.is_empty(), "{stderr} {written:?}");
    // Row 9: the header, then the eighth row.
    let want = format!(
        "{}, sheet Export, row 9, column Countries Concerned: \"Atlantis\" is none of the States",
        xlsx.display()
    );
    assert!(stderr.contains(&want), "{want:?} not in {stderr}");

    let mut rows = rows_of_fixture();
    rows[4][8] = list(&["France", "Atlantis"]);
    let json = tmp().join("uhri-unknown-state.json");
    write_json(&json, &header_spelt_right(), &rows);
    let (ok, stderr, written) = run_import(&json);
    assert!(!ok && written.is_empty(), "{stderr} {written:?}");
    let want = format!(
        "{}, object 5 of the array, key UPR Recommending States: \"Atlantis\" is none of the States",
        json.display()
    );
    assert!(stderr.contains(&want), "{want:?} not in {stderr}");
}

/// Writes a file in the Index's layout of `UHRI_ROWS` rows (default
/// 250,000) to `UHRI_FILE` (default `.tmp/uhri-250k.xlsx`; `.json` for the
/// twin), for measuring the import of a full export (README, "Bring the
/// record up to date"). Every row is one of the project's own, as the full
/// export holds them: all the bundled reviews in their sessions (which the
/// other exports hold: skipped), those of cycle 2 again in the sessions
/// of cycles 3 and 4 (sessions 13-26 as 27-40, 13-22 as 41-50: imported),
/// and the texts again as rows of other bodies up to the count. Shared
/// strings and deflate, as Excel writes a workbook; `UHRI_INLINE=1` writes
/// every string in its cell, stored: a file of the full export's size
/// (about 360 MB), whose sheet the reader inflates and parses in full.
///
/// `UHRI_ROWS=250000 cargo test --release -p upr-import --test uhri -- --ignored --nocapture`
#[test]
#[ignore]
fn write_a_large_index_export() {
    let rows_wanted: usize = std::env::var("UHRI_ROWS").map_or(250_000, |n| n.parse().unwrap());
    let path = std::env::var_os("UHRI_FILE")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir().join(".tmp/uhri-250k.xlsx"));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let bundled = bundled();
    let mut written = Written::default();
    let all: Vec<u8> = (1..=26).collect();
    write_sessions(&bundled, &all, |s| s, &mut written);
    let cycle_2: Vec<u8> = (13..=26).collect();
    write_sessions(&bundled, &cycle_2, |s| s + 14, &mut written);
    let to_cycle_4: Vec<u8> = (13..=22).collect();
    write_sessions(&bundled, &to_cycle_4, |s| s + 28, &mut written);
    let upr_rows = written.rows.len();
    let mut rows = written.rows;
    let bodies = [
        "CRC",
        "CEDAW",
        "CCPR",
        "CESCR",
        "CAT",
        "CRPD",
        "SR on torture",
    ];
    let mut n = 0;
    while rows.len() < rows_wanted {
        let mut row = rows[n % upr_rows].clone();
        row[2] = list(&[bodies[n % bodies.len()]]);
        row[10] = list(&["Recommendations"]);
        for empty in [8, 9, 12, 14] {
            row[empty] = text("");
        }
        rows.push(row);
        n += 1;
    }
    rows.truncate(rows_wanted);
    for (n, row) in rows.iter_mut().enumerate() {
        row[11] = text(&annotation_id(n));
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => write_json(&path, &HEADER, &rows),
        _ if std::env::var_os("UHRI_INLINE").is_some() => {
            write_xlsx(&path, "Export", &HEADER, &rows, Strings::Inline, false)
        }
        _ => write_xlsx(&path, "Export", &HEADER, &rows, Strings::Shared, true),
    }
    println!(
        "wrote {} ({} rows, {} of the UPR, {} bytes)",
        path.display(),
        rows.len(),
        upr_rows.min(rows.len()),
        std::fs::metadata(&path).unwrap().len()
    );
}
