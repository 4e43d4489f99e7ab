//! Where a viewer lives, which decides what it shows around its results
//! and whether it may touch the page's address bar.

/// The viewer's host: its own page, or an element in someone else's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host {
    /// A page of its own (`index.html`, the prerendered pages): the title
    /// block, the filters, and the address bar kept in step with the view.
    Page,
    /// A prerendered page in another language than English: a page whose
    /// filters and recommendation rows are left out (the browser builds
    /// the whole viewer afresh over it; `crate::prerender`).
    Outline,
    /// A `<upr-viewer>` element in someone else's page, which has its own
    /// title and address: the filters unless `compact`, the address bar
    /// only when the element asks for it (`address-bar`).
    Element { compact: bool, address_bar: bool },
}

impl Host {
    /// The title block and the page's `<main>`: only on a page of its own.
    pub fn masthead(self) -> bool {
        matches!(self, Host::Page | Host::Outline)
    }

    /// Whether the view is read from and written to the address bar.
    pub fn address_bar(self) -> bool {
        match self {
            Host::Page | Host::Outline => true,
            Host::Element { address_bar, .. } => address_bar,
        }
    }

    pub fn filters(self) -> bool {
        match self {
            Host::Page => true,
            Host::Outline => false,
            Host::Element { compact, .. } => !compact,
        }
    }

    /// The open card's recommendations as their groups' headings and
    /// counts, without the rows.
    pub fn outline(self) -> bool {
        self == Host::Outline
    }
}
