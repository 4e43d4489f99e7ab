// In the head of every page (index.html's, which the prerendered pages
// take), before the first paint. A link that asks for another view than
// the one the page was prerendered with (`?q=torture`) would first paint
// the page's own results, then the viewer's answer over them, moving all
// below. Marked pending, the page keeps its prerendered results hidden
// (static/page.css) until the viewer takes the page over and draws the
// link's own in their place (src/lib.rs removes the mark then). Should
// the viewer never start, the page shows what it has after a while.
(function () {
  var params = new URLSearchParams(location.search);
  params.delete('lang');
  if (params.toString() === '') return;
  var root = document.documentElement;
  root.setAttribute('data-upr-pending', '');
  setTimeout(function () { root.removeAttribute('data-upr-pending'); }, 15000);
})();
