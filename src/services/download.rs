//! A file made in the page, handed to the browser as a download.

use wasm_bindgen::JsCast;

/// Hands `content` to the browser as a file download.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement =
        gloo::utils::document().create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}
