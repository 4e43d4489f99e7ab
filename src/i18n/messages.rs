//! The message ids and their English, compiled in. Other languages key
//! their files by the same ids ([`Msg::key`]). `[one, other]` marks a
//! message about a count `{n}`.

/// A message's English: one text, or the forms for one and for other counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum English {
    One(&'static str),
    Plural(&'static str, &'static str),
}

impl English {
    pub fn pick(self, n: u32) -> &'static str {
        match self {
            English::One(text) => text,
            English::Plural(one, other) => {
                if n == 1 {
                    one
                } else {
                    other
                }
            }
        }
    }

    /// Every text of the message (both forms of a plural).
    pub fn texts(self) -> Vec<&'static str> {
        match self {
            English::One(text) => vec![text],
            English::Plural(one, other) => vec![one, other],
        }
    }
}

macro_rules! messages {
    ($($id:ident = $english:tt;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($id),* }

        // Tables in the order of the variants, read by a message's number:
        // a `match` of as many arms was as many pieces of code in the wasm.
        const KEYS: &[&str] = &[$(stringify!($id)),*];
        const ENGLISH: &[English] = &[$(english!($english)),*];

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$id),*];

            /// The id in the language files.
            pub fn key(self) -> &'static str {
                KEYS[self as usize]
            }

            pub fn english(self) -> English {
                ENGLISH[self as usize]
            }
        }
    };
}

/// A message's English from its text, or its two texts for one and for
/// other counts.
macro_rules! english {
    ([$one:expr, $other:expr]) => {
        English::Plural($one, $other)
    };
    ($text:expr) => {
        English::One($text)
    };
}

messages! {
    // Page and layout
    Title = "Universal Periodic Review";
    PageTitle = "Universal Periodic Review viewer";
    Intro = "Recommendations made to every UN Member State by its peers in the Human Rights Council, sessions 1–27 (2008–2017): the first two cycles, every State twice, and the first session of the third.";
    Footer = "Universal Periodic Review, sessions 1–27. Recommendations: UPR Info database (sessions 1–20, and its export of 2018 for sessions 21–27) and the Danish Institute for Human Rights' SDG–Human Rights Data Explorer (SDG links and report paragraphs, sessions 1–26); media summary: OHCHR.";
    Language = "Language";
    LanguageFailed = "The {language} interface could not be loaded ({reason}); the viewer stays in English.";
    Loading = "Loading the reviews…";
    // When the copy being read was built (the footer); `{date}` as the
    // language writes a date.
    Published = "Published {date}";
    // A newer build of the site is waiting (its service worker), or the
    // data changed on the server: the notice and its button.
    UpdateAvailable = "A newer version of the data is available.";
    Reload = "Reload";
    // The page a reader gets offline for a page never opened before
    // (sw.js); the link leads to the home page, which works offline.
    OfflineTitle = "Offline";
    OfflinePage = "You are offline, and this page was not saved on this device.";
    OfflineHome = "Open the viewer, which works offline";
    ResultsLabel = "UPR recommendations";
    ShowAs = "Show as";
    ViewCards = "Cards";
    ViewCharts = "Charts";
    ViewTable = "Table";
    ShowFilters = "Show filters";
    HideFilters = "Hide filters";
    ChartsWaiting = "The charts appear once the recommendation texts have loaded.";
    TableWaiting = "The table appears once the recommendation texts have loaded.";
    ViewLoading = "Loading this view…";
    ViewFailed = "This view could not be loaded. Check the connection.";

    // Counts
    ReviewsCount = ["{n} review", "{n} reviews"];
    RecommendationsCount = ["{n} recommendation", "{n} recommendations"];
    StatesCount = ["{n} State", "{n} States"];
    ParticipatingStatesCount = ["{n} participating State", "{n} participating States"];
    PeopleCount = ["{n} person", "{n} people"];
    OfTotal = "of {total}";
    WaitingForTexts = "(waiting for the texts, which say which State made each recommendation)";
    ProvisionalCounts = "(whole reviews, until the texts have loaded)";
    ProvisionalSearch = "(only the States the search names, until the texts have loaded)";

    // Sort
    SortBy = "Sort by";
    SortOption = "{key}, {direction}";
    SortDate = "Date";
    SortState = "State under review";
    SortStates = "Participating States";
    SortRecommendations = "Recommendations";
    OldestFirst = "oldest first";
    NewestFirst = "newest first";
    AToZ = "A to Z";
    ZToA = "Z to A";
    FewestFirst = "fewest first";
    MostFirst = "most first";

    // Notices
    LoadFailed = "The reviews could not be shown.";
    TextsFailed = "The recommendation texts could not be loaded, so the cards show whole reviews only: {message}";
    TryAgain = "Try again";
    TextsProgressOf = "Loading recommendation texts: {received} of {total}";
    TextsProgress = "Loading recommendation texts: {received}";
    Megabytes = "{mb} MB";
    LinkIgnored = "Part of this link could not be used and was ignored:";
    Ignored = "ignored {parameter}={value}: {reason}";
    ReasonNotUtf8 = "not valid percent-encoded UTF-8";
    ReasonTooLong = "longer than {max} characters";
    ReasonEmpty = "empty";
    ReasonNotWholeNumber = "not a whole number of 0 or more";
    ReasonNotSession = "not a session number";
    ReasonNotCycle = "not a cycle number";
    ReasonNotGoal = "not a goal number from 1 to 17";
    ReasonNotActionCategory = "not an action category from 1 to 5";
    ReasonPagesStartAtOne = "pages start at 1";
    ReasonMustBe = "must be one of {values}";
    ReasonNotSortKey = "must be one of {columns}, with - before it for descending";
    ReasonTooManyValues = "at most {max} values of this parameter are read";
    ReasonNotParameter = "not a parameter of this viewer";
    ReasonSwapped = "greater than {parameter}={max}; the two were swapped";
    ReasonTableOnly = "applies only to the table (view=table)";
    ReasonNotColumn = "the table by {by} has the columns {columns}";
    ReasonUnknownOption = "not one of the {count} {options}";
    ReasonNoSuchState = "no State of that name in the data";
    ReasonNoSuchSession = "no such session in the data";
    ReasonNoSuchReview = "no review has that id";
    SearchUnbalancedQuote = "this quote is not closed, so the words after it are searched as plain words";
    SearchLoneMinus = "a minus excludes the word or \"phrase\" right after it; alone it excludes nothing";
    SearchDanglingOr = "OR needs a word or phrase on each side; it was searched as the plain word \"or\"";
    SearchEmptyPhrase = "an empty phrase finds nothing";
    LoadErrorFetch = "could not load {file}: {message}";
    LoadErrorJson = "{file} is not a valid dataset file: {message}";
    LoadErrorVersion = "{file} has schema version {found}, but this viewer reads version {version}";
    LoadErrorCount = "this data is damaged: {file} declares {declared} {what} but holds {found}";
    LoadErrorReference = "this data is damaged: {file} refers to an unknown {what} {id}";
    LoadErrorOtherBuild = "{file} belongs to a newer version of the data than this page: reload the page";
    TextsOffline = "You are offline, and the texts of the recommendations are not saved on this device yet: they will be fetched when the connection is back.";
    CompareUnknownState = "no State called {name} in the data";
    CompareReviewedOnce = ["{state} was reviewed {n} time in the data, so there is nothing to compare", "{state} was reviewed {n} times in the data, so there is nothing to compare"];
    CompareTextsLoading = "the comparison needs the recommendation texts, which are still loading";

    // Cards
    SessionN = "Session {session}";
    CycleN = "Cycle {cycle}";
    MembersObservers = "{members} members, {observers} observers";
    MatchCount = ["{n} match", "{n} match"];
    AcceptedNotedShares = "{accepted} accepted, {noted} noted";
    AcceptedWithShare = ["{n} accepted ({share})", "{n} accepted ({share})"];
    NotedCount = ["{n} noted", "{n} noted"];
    CardNotClassified = "Its recommendations are not classified by theme in the source.";
    MainThemes = "Main themes";
    MainSdgGoals = "Main SDG goals";
    NoResults = "No review matches these filters. Remove one to see more.";
    ReviewsList = "Reviews";
    Pages = "Pages";
    Previous = "Previous";
    Next = "Next";
    PageOf = "Page {page} of {pages}";
    DownloadSelected = "Download the selected recommendations";
    DownloadColon = "Download:";
    DownloadFailed = "The file could not be made: the code that writes it could not be loaded. Check the connection and press again.";

    // Recommending State's profile
    ProfileHeading = "{name} as a recommending State";
    ProfileSummary = "In this selection {name} made {recommendations} to {states} in {reviews}. The States under review accepted {accepted} ({share}) and noted {noted}.";
    AnsweredShare = "{n}, {share} accepted";
    MostOftenTo = "Most often to";
    MostFrequent = "Most frequent {options}";

    // Filters
    Filters = "Filters";
    SearchLabel = "Search recommendations and State names";
    SearchSyntax = "Search syntax";
    SearchHelpWords = ": both words, in any order, as word beginnings (tortur finds tortured); case and accents do not matter (cote finds Côte d'Ivoire)";
    SearchHelpPhrase = ": the exact phrase";
    SearchHelpOr = ": either term";
    SearchHelpNotWord = ": without that word";
    SearchHelpNotPhrase = ": without that phrase";
    ClearFilters = "Clear all filters";
    Coverage = "{source}'s {options} cover sessions {covered}; the recommendations of sessions {uncovered} are not classified by {option} in the source.";
    // Beside a theme that UPR Info's list had for some sessions only.
    ThemeSessionsOnly = "sessions {sessions} only";
    ReviewsMustHave = "Reviews must have";
    AnySelectedTheme = "any selected theme";
    AllSelectedThemes = "all selected themes";
    ParticipatingStates = "Participating States";
    ParticipatingHint = "States that made recommendations in the review.";
    AtLeast = "At least {n}";
    AtMost = "At most {n}";
    FewestStates = "Fewest participating States";
    MostStates = "Most participating States";
    MembersFrom = "Members from";
    ObserversFrom = "Observers from";
    RangeTo = "to";
    Any = "Any";
    SessionOption = "Session {session} ({year}, {reviews})";
    CycleOption = "Cycle {cycle} ({n})";
    ReviewLegend = "Review";
    StateUnderReview = "State under review";
    SessionLabel = "Session";
    CycleLabel = "Cycle";
    RegionalGroup = "Regional group";
    RecommendationLegend = "Recommendation";
    ResponseLabel = "Response";
    RecommendedBy = "Recommended by";
    RecommenderRegion = "Regional group of the recommending State";

    // Facets
    NounTheme = "theme";
    NounSdgGoal = "SDG goal";
    NounPersons = "group of persons";
    NounAction = "action category";
    PluralThemes = "themes";
    PluralSdgGoals = "SDG goals";
    PluralPersons = "groups of persons";
    PluralActions = "action categories";
    NoneThemeUnclassified = "Not classified by theme in the source";
    NoneActionUnclassified = "No action category in the source";
    NoneAction = "No action category";
    NoneTheme = "No theme";
    NoneSdgGoal = "No SDG goal linked";
    NonePersons = "No group of persons named";
    SourceUprInfo = "UPR Info";
    SourceDihr = "the DIHR SDG–Human Rights Data Explorer";
    GoalNumber = "Goal {goal}";
    Accepted = "Accepted";
    Noted = "Noted";
    ActionMinimal = "Minimal action";
    ActionContinuing = "Continuing action";
    ActionConsidering = "Considering action";
    ActionGeneral = "General action";
    ActionSpecific = "Specific action";
    ActionUnknown = "Unknown action";

    // Charts
    ChartPerTheme = "Recommendations per theme";
    ChartPerSdgGoal = "Recommendations per SDG goal";
    ChartPerPersons = "Recommendations per group of persons";
    ChartPerAction = "Recommendations per action category";
    ChartUncovered = [" (the source does not classify session {sessions} by {option})", " (the source does not classify sessions {sessions} by {option})"];
    ChartEmpty = "None of the selected recommendations is classified by {option}{uncovered}.";
    NoRegion = "No regional group or unknown";
    ChartRegions = "Recommendations by the regional group of the recommending State";
    ChartOverTime = "Recommendations per session, over time";
    ChartStateOverTime = "Recommendations per review, over time";
    OverTimeHint = "Each bar is a session, its cycle marked above it. Click one to filter by that session, and again to show every session.";
    OverTimeStateHint = "Each bar is a review. Click one to list its recommendations.";
    OverTimeUncovered = ["Filtered by {option}: the source does not classify session {sessions} by {option}, so it shows none here.", "Filtered by {option}: the source does not classify sessions {sessions} by {option}, so they show none here."];
    ColumnCycle = "Cycle";
    BarDetail = "{label}: {accepted} accepted, {noted} noted";
    FilterByIt = "{detail}. Filter by it.";
    TheNumbers = "The numbers";
    AcceptedShare = "Accepted share";
    LegendAccepted = "accepted";
    LegendNoted = "noted";
    HistogramBar = ["{from}–{to} States: {n} review", "{from}–{to} States: {n} reviews"];
    ChartParticipation = "Reviews by number of participating States";
    ParticipationHint = "Selected: {low} to {high} States. Drag across the chart or click a bar to change the range; the sliders in the filters do the same from the keyboard.";
    HistogramLabel = "Histogram of reviews by participating States; the selected range is {low} to {high}.";
    ColumnReviews = "Reviews";

    // Table
    TableByReview = "The selected reviews, one row per review";
    TableByState = "The selected reviews, one row per State under review";
    TableByFrom = "The passing recommendations, one row per recommending State";
    OneRowPer = "One row per";
    ByReview = "Review";
    ByState = "State under review";
    ByFrom = "Recommending State";
    DownloadTable = "Download table (CSV)";
    NoRow = "No row: nothing matches these filters.";
    ColumnSession = "Session";
    ColumnDate = "Date";
    ColumnRegion = "Region";
    ColumnMembers = "Members";
    ColumnObservers = "Observers";
    ColumnRecommendations = "Recommendations";
    ColumnAccepted = "Accepted %";
    ColumnNoted = "Noted %";
    ColumnThemes = "Main themes";
    ColumnRecipients = "States recommended to";

    // Comparison
    AllReviews = "← All reviews";
    RateOf = "{share} of {n}";
    RecommendationsAccepted = "{recommendations}, {share} accepted";
    ParticipationDetail = "{states} ({members} members, {observers} observers)";
    ReviewsCompared = "{name}: {reviews} compared";
    FirstInData = "The first review in the data.";
    GainedSince = "{options} new since session {session}";
    DroppedSince = "{options} of session {session} not raised again";
    NoneGainedSince = "None: every {option} of this review was raised in session {session} too.";
    NoneDroppedSince = "None: every {option} of session {session} was raised again.";
    NotComparedSince = ["Not compared with session {previous}: the source classifies the recommendations of session {sessions} neither by theme nor by SDG goal.", "Not compared with session {previous}: the source classifies the recommendations of sessions {sessions} neither by theme nor by SDG goal."];
    ComparedBySdg = ["Compared by SDG goal: the source does not classify the recommendations of session {sessions} by theme.", "Compared by SDG goal: the source does not classify the recommendations of sessions {sessions} by theme."];
    RecommendedInBoth = "{states} recommended both here and in session {session}.";
    AcceptancePerReview = "Acceptance per {option}, review by review";
    NotClassifiedCell = "not classified";
    NotClassifiedIn = ["Not classified: the source does not classify the recommendations of session {sessions} by {option}.", "Not classified: the source does not classify the recommendations of sessions {sessions} by {option}."];
    RecommendedEveryTime = "States that recommended in every review ({n})";

    // The open card
    ReviewTitle = "{name}, session {session}";
    ReviewedOn = "Reviewed {date}";
    Permalink = "Permanent link to this review";
    CompareLink = "Compare its {reviews}";
    Print = "Print";
    LiveView = "Live view: {link}";
    NationalReport = "National report";
    PositiveAchievements = "Positive achievements";
    IssuesRaised = "Issues and questions raised";
    AdoptionHeading = "Adoption of the report";
    AdoptionScheduled = "The Working Group's adoption of the report was scheduled on {date}";
    MediaSource = "Sections from the OHCHR media summary ({file}); recommendations from the UPR Info database and the DIHR SDG–Human Rights Data Explorer.";
    Delegation = "Delegation";
    DelegationSize = "Size";
    HeadedBy = "Headed by";
    PresentedBy = "National report presented by";
    Participation = "Participation";
    ParticipationMade = "{states} made recommendations: {members} members of the Human Rights Council and {observers} observers.";
    UnknownRecommender = " The source does not name the State behind {recommendations}.";
    MediaCount = "The OHCHR media summary counts {members} member and {observers} observer States taking part in the interactive discussion, with or without a recommendation.";
    WhichStates = "Which States";
    MembersColon = "Members: ";
    ObserversColon = "Observers: ";
    WhichStatesLater = "Which States: once the texts have loaded.";
    ResponseHeading = "Response of the State under review";
    ResponseSummary = "Of {recommendations}, it accepted {accepted} ({share}) and noted {noted}.";
    VoluntaryPledges = "Voluntary pledges ({n})";
    Recommendations = "Recommendations";
    SummarisedByOhchr = "As summarised by OHCHR";
    TextsStillLoading = "The recommendation texts are still loading.";
    AllRecommendations = "All {recommendations}";
    SomeMatch = "{n} of {recommendations} match the filters";
    GroupRecommendationsBy = "Group recommendations by";
    GroupBy = "Group by";
    GroupByState = "recommending State";
    NotClassifiedBy = "The source does not classify the recommendations of this review by {options}.";
    Or = " or ";
    UnknownState = "Unknown State";
    AmbiguousTarget = "The source does not say which of the two targets it means";
    TargetN = "Target {target}";
    CategoryN = "{action} (category {n})";
    SdgList = "Sustainable Development Goals";
    Concerns = "Concerns: {persons}";
    // A recommendation is written out in one of its groups and counted in
    // the others (upr_core::card_groups).
    AlsoUnder = "Also under: {groups}";
    WrittenOutUnder = "{n} of them written out under: {groups}";
    // Headings of the OHCHR Index's own labels, which follow in English.
    IndexThemes = "OHCHR Index themes:";
    IndexPersons = "OHCHR Index groups of persons:";

    // Pages of their own (the prerendered site: titles, descriptions,
    // preview pictures, the links between the pages)
    SiteReviewTitle = "{name} — Universal Periodic Review, session {session}, {month}";
    SiteReviewTitleUndated = "{name} — Universal Periodic Review, session {session}";
    SiteFrom = "{recommendations} from {states}";
    SiteFigures = "{from}; {accepted} accepted, {noted} noted.";
    SiteReviewDescription = "{name}'s Universal Periodic Review in session {session} of the Human Rights Council's Working Group: {figures}";
    SiteStateTitle = ["{name} — Universal Periodic Review, session {sessions}", "{name} — Universal Periodic Review, sessions {sessions}"];
    SiteAnd = " and ";
    SiteListSeparator = ", ";
    SiteSessionFigures = "session {session}: {figures}";
    SiteStateDescription = "{name}'s Universal Periodic Reviews side by side. {figures}";
    SiteHomeDescription = "Every recommendation of the UN Human Rights Council's Universal Periodic Review, sessions 1-27 (2008-2017): {recommendations} in {reviews} reviews, as interactive review cards.";
    SiteAcceptedShare = "{share} accepted";
    SiteEveryPage = "Every State and review";
    SiteEveryPageSummary = "Every State and review, a page each";
    SiteSessionLink = "session {session}";
    SiteMore = "More";
    SiteAllReviews = "All reviews";
    SiteReviewsSideBySide = "{name}: {reviews} side by side";
    SiteComparison = "The comparison in the viewer";
    SiteOtherLanguages = "This page in other languages";
    SiteTexts = "Every recommendation with its text (in English, as in the sources)";
}
