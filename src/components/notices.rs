//! Loading, progress, errors, and what was ignored in the link: drawing
//! functions (see [`crate::components`]).

use crate::i18n::{Msg, Tr};
use crate::services::fetch::Progress;
use crate::services::loader;
use upr_core::dataset::load::LoadError;
use upr_core::query::QueryWarning;
use yew::prelude::*;

/// Nothing to show: the overview did not load. `onretry` loads again what
/// failed, without reloading the page.
pub fn load_error_notice(t: &Tr, error: &LoadError, onretry: &Callback<()>) -> Html {
    html! {
        <div data-testid="load-error" role="alert" class="load-error">
            <strong>{ format!("{} ", t.get(Msg::LoadFailed)) }</strong>
            { t.load_error(error) }
            { try_again(t, onretry) }
        </div>
    }
}

/// The cards are there, the texts are not. Offline, that is said as such:
/// they come by themselves once the connection is back.
pub fn texts_error_notice(t: &Tr, error: &LoadError, onretry: &Callback<()>) -> Html {
    let offline = matches!(error, LoadError::Fetch { .. }) && !loader::online();
    html! {
        <div data-testid="texts-error" role="alert" class="texts-error" data-offline={offline.then_some("true")}>
            if offline {
                { t.get(Msg::TextsOffline) }
            } else {
                { t.fmt(Msg::TextsFailed, &[("message", &t.load_error(error))]) }
            }
            { try_again(t, onretry) }
        </div>
    }
}

/// In the place of a view whose code is on its way (crate::extras), or
/// could not be fetched.
pub fn extras_notice(t: &Tr, failed: bool, onretry: &Callback<()>) -> Html {
    if failed {
        html! {
            <div data-testid="view-failed" role="alert" class="texts-error">
                { t.get(Msg::ViewFailed) }
                { try_again(t, onretry) }
            </div>
        }
    } else {
        html! { <p data-testid="view-loading" role="status">{ t.get(Msg::ViewLoading) }</p> }
    }
}

fn try_again(t: &Tr, onretry: &Callback<()>) -> Html {
    let onclick = onretry.reform(|_: MouseEvent| ());
    html! {
        <p><button type="button" data-testid="retry" {onclick}>{ t.get(Msg::TryAgain) }</button></p>
    }
}

/// The full texts arrive after the first cards: say how far along they are.
pub fn texts_progress(t: &Tr, progress: Progress) -> Html {
    let Progress { received, total } = progress;
    let megabytes = |bytes: u64| {
        let tenths = (bytes as f64 / 100_000.0).round() as u64;
        // The decimal separator as the language writes it.
        let point = if matches!(
            t.lang(),
            crate::i18n::Lang::Fr | crate::i18n::Lang::Ru | crate::i18n::Lang::Es
        ) {
            ','
        } else {
            '.'
        };
        t.fmt(
            Msg::Megabytes,
            &[("mb", &format!("{}{point}{}", tenths / 10, tenths % 10))],
        )
    };
    let label = match total {
        Some(total) => t.fmt(
            Msg::TextsProgressOf,
            &[
                ("received", &megabytes(received)),
                ("total", &megabytes(total)),
            ],
        ),
        None => t.fmt(Msg::TextsProgress, &[("received", &megabytes(received))]),
    };
    html! {
        <div class="texts-progress" data-testid="texts-progress" role="status">
            // The bar first: the words below it lengthen as the bytes come,
            // and may take a second line on a phone without moving it.
            <label>
                <progress max={total.unwrap_or(0).to_string()} value={received.to_string()} />
                { label }
            </label>
        </div>
    }
}

/// What the link asked for that was ignored, and why.
pub fn query_warnings(t: &Tr, warnings: &[QueryWarning]) -> Html {
    if warnings.is_empty() {
        return html! {};
    }
    html! {
        <div data-testid="query-warnings" role="status" class="query-warnings">
            <p>{ t.get(Msg::LinkIgnored) }</p>
            <ul>
                { for warnings.iter().map(|w| html! { <li>{ t.query_warning(w) }</li> }) }
            </ul>
        </div>
    }
}
