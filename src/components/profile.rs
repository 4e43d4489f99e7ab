//! A recommending State's profile above the cards (`from` set): what it
//! recommended in the selection, to whom, on which themes and goals, and how
//! the States under review answered.

use crate::dataset::load::Dataset;
use crate::format::{count, percent, thousands};
use crate::state::Shared;
use crate::stats::{RecommenderProfile, Split};
use yew::prelude::*;

/// How many States under review, themes and goals each list names.
const TOP: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ProfileProps {
    pub dataset: Shared<Dataset>,
    pub profile: Shared<RecommenderProfile>,
}

fn answered(split: &Split) -> String {
    format!("{}, {}% accepted", thousands(split.total()), percent(split.accepted, split.total()))
}

#[component]
pub fn RecommenderProfileView(props: &ProfileProps) -> Html {
    let dataset = &props.dataset;
    let profile = &props.profile;
    let name = dataset.state_name(profile.state);
    let split = &profile.split;
    let list = |testid: &str, items: Vec<String>| html! {
        <ol data-testid={testid.to_owned()}>{ for items.into_iter().map(|item| html! { <li>{ item }</li> }) }</ol>
    };
    let recipients = profile.recipients.iter().take(TOP).map(|(state, n)| format!("{} ({})", dataset.state_name(*state), thousands(*n))).collect();
    html! {
        <section class="profile" data-testid="recommender-profile" aria-labelledby="recommender-profile-heading">
            <h2 id="recommender-profile-heading">{ format!("{name} as a recommending State") }</h2>
            <p data-testid="profile-summary">
                { format!("In this selection {name} made {} to {} in {}. The States under review accepted {} ({}%) and noted {}.",
                    count(split.total(), "recommendation", "recommendations"),
                    count(profile.recipients.len() as u32, "State", "States"),
                    count(profile.reviews, "review", "reviews"),
                    thousands(split.accepted), percent(split.accepted, split.total()), thousands(split.noted)) }
            </p>
            <div class="compare-columns">
                <div>
                    <h3>{ "Most often to" }</h3>
                    { list("profile-recipients", recipients) }
                </div>
                { for profile.facets.iter().filter(|(_, options)| !options.is_empty()).map(|(facet, options)| html! {
                    <div>
                        <h3>{ format!("Most frequent {}", facet.plural()) }</h3>
                        { list(&format!("profile-{}", facet.parameter()), options.iter().take(TOP).map(|(option, split)| format!("{} ({})", facet.label(dataset, *option), answered(split))).collect()) }
                    </div>
                }) }
            </div>
        </section>
    }
}
