//! A recommending State's profile above the cards (`from` set): what it
//! recommended in the selection, to whom, on which themes and goals, and how
//! the States under review answered.

use crate::i18n::{Msg, Tr};
use upr_core::dataset::load::Dataset;
use upr_core::format::percent;
use upr_core::state::Shared;
use upr_core::stats::{RecommenderProfile, Split};
use yew::prelude::*;

/// How many States under review, themes and goals each list names.
const TOP: usize = 5;

/// What [`recommender_profile`] draws.
pub struct ProfileProps {
    pub dataset: Shared<Dataset>,
    pub profile: Shared<RecommenderProfile>,
}

fn answered(t: &Tr, split: &Split) -> String {
    t.fmt(
        Msg::AnsweredShare,
        &[
            ("n", &t.num(split.total())),
            ("share", &t.pct(percent(split.accepted, split.total()))),
        ],
    )
}

pub fn recommender_profile(t: &Tr, props: &ProfileProps) -> Html {
    let dataset = &props.dataset;
    let profile = &props.profile;
    let name = &t.state_name(dataset, profile.state);
    let split = &profile.split;
    let list = |testid: &str, items: Vec<String>| {
        html! {
            <ol data-testid={testid.to_owned()}>{ for items.into_iter().map(|item| html! { <li>{ item }</li> }) }</ol>
        }
    };
    let recipients = profile
        .recipients
        .iter()
        .take(TOP)
        .map(|(state, n)| format!("{} ({})", t.state_name(dataset, *state), t.num(*n)))
        .collect();
    html! {
        <section class="profile" data-testid="recommender-profile" aria-labelledby="recommender-profile-heading">
            <h2 id="recommender-profile-heading">{ t.fmt(Msg::ProfileHeading, &[("name", name)]) }</h2>
            <p data-testid="profile-summary">
                { t.fmt(Msg::ProfileSummary, &[
                    ("name", name),
                    ("recommendations", &t.count(Msg::RecommendationsCount, split.total(), &[])),
                    ("states", &t.count(Msg::StatesCount, profile.recipients.len() as u32, &[])),
                    ("reviews", &t.count(Msg::ReviewsCount, profile.reviews, &[])),
                    ("accepted", &t.num(split.accepted)),
                    ("share", &t.pct(percent(split.accepted, split.total()))),
                    ("noted", &t.num(split.noted)),
                ]) }
            </p>
            <div class="compare-columns">
                <div>
                    <h3>{ t.get(Msg::MostOftenTo) }</h3>
                    { list("profile-recipients", recipients) }
                </div>
                { for profile.facets.iter().filter(|(_, options)| !options.is_empty()).map(|(facet, options)| html! {
                    <div>
                        <h3>{ t.fmt(Msg::MostFrequent, &[("options", &t.facet_plural(*facet))]) }</h3>
                        { list(&format!("profile-{}", facet.parameter()), options.iter().take(TOP).map(|(option, split)| format!("{} ({})", t.facet_label(*facet, dataset, *option), answered(t, split))).collect()) }
                    </div>
                }) }
            </div>
        </section>
    }
}
