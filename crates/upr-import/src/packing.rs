//! Gzip for the packed texts the build writes.

/// Writes the packed texts to `path` gzipped, as the build ships them:
/// many hosts compress only text types and would send a `.bin` as it is
/// (11.5 MB today instead of 2.7). The browser inflates it natively, off
/// the page's thread where it can (`DecompressionStream`); a host that
/// compresses it again costs nothing but its own time.
pub fn write_gzipped(path: &std::path::Path, packed: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let failed = |e: std::io::Error| format!("could not write {}: {e}", path.display());
    let file = std::fs::File::create(path).map_err(failed)?;
    let mut gzip =
        flate2::write::GzEncoder::new(std::io::BufWriter::new(file), flate2::Compression::best());
    gzip.write_all(packed).map_err(failed)?;
    gzip.finish().map_err(failed)?.flush().map_err(failed)
}
