//! Loading, progress, errors, and what was ignored in the link.

use crate::palette::Palette;
use crate::query::QueryWarning;
use crate::services::fetch::Progress;
use stylist::yew::styled_component;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FailureProps {
    pub message: AttrValue,
    /// Loads again what failed, without reloading the page.
    pub onretry: Callback<()>,
}

/// Nothing to show: the overview did not load.
#[styled_component]
pub fn LoadErrorNotice(props: &FailureProps) -> Html {
    let palette = use_context::<Palette>().unwrap_or(crate::palette::LIGHT);
    html! {
        <div data-testid="load-error" role="alert" class={css!("background: ${bg}; padding: 1rem; border-radius: 6px;", bg = palette.error_bg)}>
            <strong>{ "The reviews could not be shown. " }</strong>
            { props.message.clone() }
            <TryAgain onretry={props.onretry.clone()} />
        </div>
    }
}

/// The cards are there, the texts are not.
#[component]
pub fn TextsErrorNotice(props: &FailureProps) -> Html {
    html! {
        <div data-testid="texts-error" role="alert" class="texts-error">
            { format!("The recommendation texts could not be loaded, so the cards show whole reviews only: {}", props.message) }
            <TryAgain onretry={props.onretry.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct TryAgainProps {
    onretry: Callback<()>,
}

#[component]
fn TryAgain(props: &TryAgainProps) -> Html {
    let onclick = props.onretry.reform(|_: MouseEvent| ());
    html! {
        <p><button type="button" data-testid="retry" {onclick}>{ "Try again" }</button></p>
    }
}

#[derive(Properties, PartialEq)]
pub struct TextsProgressProps {
    pub progress: Progress,
}

/// The full texts arrive after the first cards: say how far along they are.
#[component]
pub fn TextsProgress(props: &TextsProgressProps) -> Html {
    let Progress { received, total } = props.progress;
    let megabytes = |bytes: u64| format!("{:.1} MB", bytes as f64 / 1_000_000.0);
    let label = match total {
        Some(total) => format!("Loading recommendation texts: {} of {}", megabytes(received), megabytes(total)),
        None => format!("Loading recommendation texts: {}", megabytes(received)),
    };
    html! {
        <div data-testid="texts-progress" role="status">
            <label>
                { label }
                <progress max={total.unwrap_or(0).to_string()} value={received.to_string()} />
            </label>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct WarningsProps {
    pub warnings: Vec<QueryWarning>,
}

#[styled_component]
pub fn QueryWarnings(props: &WarningsProps) -> Html {
    let palette = use_context::<Palette>().unwrap_or(crate::palette::LIGHT);
    if props.warnings.is_empty() {
        return html! {};
    }
    html! {
        <div data-testid="query-warnings" role="status" class={css!("background: ${bg}; padding: 0.5rem 1rem; border-radius: 6px; margin-bottom: 1rem;", bg = palette.warning_bg)}>
            <p>{ "Part of this link could not be used and was ignored:" }</p>
            <ul>
                { for props.warnings.iter().map(|w| html! { <li>{ w.to_string() }</li> }) }
            </ul>
        </div>
    }
}
