//! Download exactly what is selected, as CSV or JSON.

use crate::extras::{self, Format, Loaded};
use crate::i18n::{Msg, Tr};
use crate::services::download::download;
use upr_core::dataset::load::Dataset;
use upr_core::filter::Outcome;
use upr_core::state::Shared;
use yew::prelude::*;

/// The CSV and JSON buttons. `loading`: every review's texts are on their
/// way (their progress shows at the foot of the results); `onwant` asks
/// for them, which a download needs. `failed`: the last press could not
/// fetch the code that writes the file (crate::extras), which `onfailed`
/// reports (`true`) or clears at the next press (`false`).
pub fn export_buttons(
    t: &Tr,
    dataset: &Shared<Dataset>,
    outcome: &Shared<Outcome>,
    loading: bool,
    onwant: &Callback<()>,
    failed: bool,
    onfailed: &Callback<bool>,
) -> Html {
    // There before the texts are in, asking for them: buttons that appeared
    // then took a line of their own on a phone and moved every card down
    // (a layout shift). Once they are in, a press downloads.
    let waiting = !dataset.texts_loaded;
    let button = |label: &str, name: &'static str, mime: &'static str, format: Format| {
        let dataset = dataset.clone();
        let outcome = outcome.clone();
        let onwant = onwant.clone();
        let onfailed = onfailed.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            onfailed.emit(false);
            if !dataset.texts_loaded {
                onwant.emit(());
                // The code that writes the file, while the texts come.
                extras::prefetch();
                return;
            }
            let (dataset, outcome) = (dataset.clone(), outcome.clone());
            let save = move |extras: &Loaded| {
                let text = (extras.export)(&dataset, &outcome, format);
                if let Err(error) = download(name, mime, &text) {
                    gloo::console::error!("the download could not start", error);
                }
            };
            match extras::loaded() {
                Some(extras) => save(extras),
                None => {
                    let onfailed = onfailed.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        match extras::load().await {
                            Ok(extras) => save(extras),
                            Err(_) => onfailed.emit(true),
                        }
                    })
                }
            }
        });
        let loading = waiting && loading;
        html! { <button type="button" data-testid={format!("export-{}", name.rsplit('.').next().unwrap_or(name))} aria-disabled={loading.then_some("true")} {onclick}>{ label.to_owned() }</button> }
    };
    html! {
        <div class="export" role="group" aria-label={t.get(Msg::DownloadSelected)}>
            { format!("{} ", t.get(Msg::DownloadColon)) }
            { button("CSV", "upr-recommendations.csv", "text/csv;charset=utf-8", Format::Csv) }
            { button("JSON", "upr-recommendations.json", "application/json", Format::Json) }
            if failed {
                <p role="alert" class="export-failed" data-testid="export-failed">{ t.get(Msg::DownloadFailed) }</p>
            }
        </div>
    }
}
