//! The table's words in the address bar: what a row stands for (`by`) and
//! the columns, which `sort` names. The query reads them, the table
//! ([`table.rs`](crate::table)) fills them.

/// What one row of the table stands for (`by=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum By {
    #[default]
    Review,
    State,
    From,
}

impl By {
    pub const ALL: [By; 3] = [By::Review, By::State, By::From];

    pub fn as_param(self) -> &'static str {
        match self {
            By::Review => "review",
            By::State => "state",
            By::From => "from",
        }
    }

    pub fn parse(value: &str) -> Option<By> {
        By::ALL
            .into_iter()
            .find(|b| b.as_param().eq_ignore_ascii_case(value))
    }

    /// The columns, left to right.
    pub fn columns(self) -> &'static [Column] {
        use Column::*;
        match self {
            By::Review => &[
                State,
                Session,
                Date,
                Region,
                ParticipatingStates,
                Members,
                Observers,
                Recommendations,
                Accepted,
                Noted,
                Themes,
            ],
            By::State => &[
                State,
                Region,
                Reviews,
                Recommendations,
                Accepted,
                Noted,
                Themes,
            ],
            By::From => &[
                From,
                Region,
                Recommendations,
                Recipients,
                Accepted,
                Noted,
                Themes,
            ],
        }
    }

    /// Reviews in time order, as the cards; States by name; recommending
    /// States most active first.
    pub fn default_sort(self) -> ColumnSort {
        match self {
            By::Review => ColumnSort {
                column: Column::Date,
                descending: false,
            },
            By::State => ColumnSort {
                column: Column::State,
                descending: false,
            },
            By::From => ColumnSort {
                column: Column::Recommendations,
                descending: true,
            },
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    State,
    Session,
    Date,
    Region,
    ParticipatingStates,
    Members,
    Observers,
    Recommendations,
    Accepted,
    Noted,
    Themes,
    Reviews,
    From,
    Recipients,
}

impl Column {
    pub const ALL: [Column; 14] = [
        Column::State,
        Column::Session,
        Column::Date,
        Column::Region,
        Column::ParticipatingStates,
        Column::Members,
        Column::Observers,
        Column::Recommendations,
        Column::Accepted,
        Column::Noted,
        Column::Themes,
        Column::Reviews,
        Column::From,
        Column::Recipients,
    ];

    /// The `sort` value; the card list's keys (`date`, `state`, `states`,
    /// `recommendations`) name the same columns.
    pub fn key(self) -> &'static str {
        match self {
            Column::State => "state",
            Column::Session => "session",
            Column::Date => "date",
            Column::Region => "region",
            Column::ParticipatingStates => "states",
            Column::Members => "members",
            Column::Observers => "observers",
            Column::Recommendations => "recommendations",
            Column::Accepted => "accepted",
            Column::Noted => "noted",
            Column::Themes => "themes",
            Column::Reviews => "reviews",
            Column::From => "from",
            Column::Recipients => "recipients",
        }
    }

    pub fn heading(self) -> &'static str {
        match self {
            Column::State => "State under review",
            Column::Session => "Session",
            Column::Date => "Date",
            Column::Region => "Region",
            Column::ParticipatingStates => "Participating States",
            Column::Members => "Members",
            Column::Observers => "Observers",
            Column::Recommendations => "Recommendations",
            Column::Accepted => "Accepted %",
            Column::Noted => "Noted %",
            Column::Themes => "Main themes",
            Column::Reviews => "Reviews",
            Column::From => "Recommending State",
            Column::Recipients => "States recommended to",
        }
    }

    /// Numbers are right-aligned and sort by value.
    pub fn numeric(self) -> bool {
        !matches!(
            self,
            Column::State | Column::Date | Column::Region | Column::Themes | Column::From
        )
    }

    /// Cells the search reads (State names, current and former): the table
    /// marks the searched terms in them.
    pub fn searched(self) -> bool {
        matches!(self, Column::State | Column::From)
    }

    pub fn from_key(key: &str) -> Option<Column> {
        Column::ALL
            .into_iter()
            .find(|c| c.key().eq_ignore_ascii_case(key))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnSort {
    pub column: Column,
    pub descending: bool,
}

impl ColumnSort {
    /// `recommendations`, or `-recommendations` for descending.
    pub fn parse(value: &str) -> Option<ColumnSort> {
        let (descending, key) = match value.strip_prefix('-') {
            Some(key) => (true, key),
            None => (false, value),
        };
        Some(ColumnSort {
            column: Column::from_key(key)?,
            descending,
        })
    }

    pub fn as_param(self) -> String {
        if self.descending {
            format!("-{}", self.column.key())
        } else {
            self.column.key().to_owned()
        }
    }
}
