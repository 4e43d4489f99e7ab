//! The packed texts (`recommendations.bin`) give the browser exactly the
//! dataset the JSON gives, however the bytes arrive; a damaged or foreign
//! packed file is refused with a message, never read out of bounds.

mod common;

use common::data_file;
use proptest::prelude::*;
use std::sync::OnceLock;
use upr_core::dataset::load::Dataset;
use upr_core::dataset::packed::PackedReader;

fn overview() -> Dataset {
    Dataset::from_overview_json(&data_file("overview.json")).expect("overview loads")
}

fn packed() -> &'static [u8] {
    static PACKED: OnceLock<Vec<u8>> = OnceLock::new();
    PACKED.get_or_init(|| {
        overview()
            .pack_texts_json(&data_file("recommendations.json"))
            .expect("the bundled texts pack")
    })
}

/// The dataset read from `bytes` handed over in pieces of `sizes` (cycled).
fn read_in_pieces(bytes: &[u8], sizes: &[usize]) -> Result<Dataset, String> {
    let mut dataset = overview();
    let mut reader = PackedReader::new(&dataset);
    let mut rest = bytes;
    for size in sizes.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (piece, after) = rest.split_at((*size).clamp(1, rest.len()));
        reader.push(piece).map_err(|e| e.to_string())?;
        rest = after;
    }
    let texts = reader.finish().map_err(|e| e.to_string())?;
    dataset.attach(texts);
    Ok(dataset)
}

#[test]
fn the_packed_texts_give_the_dataset_the_json_gives() {
    let from_packed = read_in_pieces(packed(), &[usize::MAX]).expect("the packed texts load");
    assert_eq!(&from_packed, common::dataset());
    // And about half the bytes: the JSON's keys and quotes are gone.
    assert!(
        packed().len() < data_file("recommendations.json").len() * 2 / 3,
        "{} bytes",
        packed().len()
    );
}

#[test]
fn the_build_ships_them_gzipped() {
    use std::io::Read;
    let path = std::env::temp_dir().join(format!("upr-packed-{}.bin", std::process::id()));
    upr_import::write_gzipped(&path, packed()).expect("written");
    let file = std::fs::read(&path).expect("read back");
    std::fs::remove_file(&path).ok();
    assert_eq!(file[..2], [0x1f, 0x8b], "a gzip member");
    let mut inflated = Vec::new();
    flate2::read::GzDecoder::new(&file[..])
        .read_to_end(&mut inflated)
        .expect("inflates");
    assert!(inflated == packed(), "inflates to the packed texts");
    // A quarter of the packed size or less: what a host sends it as, compressed or not.
    assert!(
        file.len() * 4 < packed().len(),
        "{} of {} bytes",
        file.len(),
        packed().len()
    );
}

#[test]
fn foreign_or_damaged_files_are_refused_by_name() {
    let refusal = |bytes: &[u8]| read_in_pieces(bytes, &[65_536]).expect_err("refused");
    let mut other_format = packed().to_vec();
    other_format[8] = 9;
    let json = data_file("recommendations.json");
    let mut longer = packed().to_vec();
    longer.push(0);
    for (bytes, says) in [
        (json.as_bytes(), "it is not a packed texts file"),
        (
            &other_format[..],
            "it is packed in format 9, but this viewer reads format 2",
        ),
        (
            &packed()[..packed().len() - 1],
            "it ends before its last column does",
        ),
        (&packed()[..100], "it ends before its head does"),
        (&longer[..], "it goes on after its last column"),
    ] {
        let message = refusal(bytes);
        assert!(
            message.starts_with("recommendations.bin is not a valid dataset file: "),
            "{message}"
        );
        assert!(message.contains(says), "{message}");
    }
}

#[test]
fn texts_packed_for_another_overview_are_refused() {
    // The overview of another build, consistent in itself: one of a
    // review's member States counted as an observer.
    let mut overview: upr_core::dataset::schema::Overview =
        serde_json::from_str(&data_file("overview.json")).unwrap();
    overview.reviews[3].participation.members -= 1;
    overview.reviews[3].participation.observers += 1;
    let dataset = Dataset::from_overview(overview).expect("the overview is consistent in itself");
    let mut reader = PackedReader::new(&dataset);
    // Refused as soon as the rows' columns are in, before the texts.
    let refused = match reader.push(packed()) {
        Err(error) => error,
        Ok(()) => reader.finish().err().expect("refused"),
    };
    let message = refused.to_string();
    assert!(
        message.contains("recommendations.bin declares")
            && message.contains("member States in review"),
        "{message}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn pieces_of_any_size_read_the_same(sizes in prop::collection::vec(1usize..100_000, 1..20)) {
        let dataset = read_in_pieces(packed(), &sizes).expect("loads");
        prop_assert!(&dataset == common::dataset());
    }

    /// Bytes changed anywhere: refused, or read into a dataset whose every
    /// text, paragraph and target can be shown; never a panic.
    #[test]
    fn changed_bytes_are_refused_or_harmless(changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6), cut in any::<prop::sample::Index>(), truncate in any::<bool>()) {
        let mut bytes = packed().to_vec();
        // Most changes in the head and the columns, which are small.
        for (at, value) in &changes {
            let span = if at.index(3) == 0 { bytes.len() } else { bytes.len().min(2_000_000) };
            let at = at.index(span);
            bytes[at] = *value;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        if let Ok(dataset) = read_in_pieces(&bytes, &[70_001]) {
            for row in dataset.recommendations.iter() {
                let _ = (row.text(), row.paragraph(), row.document(), row.sdg_targets().count(), row.index_themes().count(), row.index_persons().count());
            }
            prop_assert!(dataset.texts_loaded);
        }
    }
}
