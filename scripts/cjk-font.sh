#!/usr/bin/env bash
# Writes static/fonts/DroidSansFallback-zh.ttf: the Chinese glyphs the
# preview pictures of the Chinese pages draw (src/prerender/preview.rs), cut
# from Debian's fonts-droid-fallback (Apache 2.0) with fontTools' pyftsubset
# (PyPI): every character of static/i18n/zh.json, data/names-zh.json and
# src/format.rs (the dates' 年 月 日), about 550 Chinese ones, 0.1 MB where
# the whole font is 4 MB. Run it again when those files gain a character
# (tests/prerender.rs fails on a preview's character that the fonts lack).
set -euo pipefail
cd "$(dirname "$0")/.."
font=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
[ -f "$font" ] || apt-get install -y fonts-droid-fallback
command -v pyftsubset >/dev/null || pip install fonttools
text=$(mktemp)
cat static/i18n/zh.json data/names-zh.json src/format.rs > "$text"
pyftsubset "$font" --text-file="$text" --output-file=static/fonts/DroidSansFallback-zh.ttf --no-hinting --layout-features='*'
cp /usr/share/doc/fonts-droid-fallback/copyright static/fonts/DroidSansFallback-LICENSE.txt
rm "$text"
ls -l static/fonts/DroidSansFallback-zh.ttf
