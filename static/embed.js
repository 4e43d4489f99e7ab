// embed.js: defines <upr-viewer>, the Universal Periodic Review viewer as
// an element for any page. Load it once, as a module or as a classic
// script (with or without async/defer), then place as many elements as you
// like, in the page or created later:
//
//   <script type="module" src="https://cdn.example.org/upr/v1/embed.js"></script>
//   <upr-viewer theme="Death penalty" states-min="40" compact></upr-viewer>
//
// Attributes mirror the viewer's address-bar parameters with `-` for `_`
// and commas between repeated values; `src` is the data folder (default:
// `data/` next to this file), `compact` hides the filters, `address-bar`
// lets the element read and write the page's address bar.
//
// This file is not content-hashed, so its URL stays stable; the build
// writes the hashed names of the files it loads into it.
//
// Where is this file? In a classic script `document.currentScript` says;
// in a module it is null (and `import.meta` would be a syntax error in a
// classic script), but there import() with a relative path resolves
// against this file's URL. (A classic script from another site cannot use
// that: its relative imports resolve against about:blank.) Beside the code
// is a one-line module whose default export is its own `import.meta.url`,
// from which the wasm and the data folder are found.
(() => {
  const GLUE = '__UPR_GLUE__';
  const WASM = '__UPR_WASM__';
  const LOCATION = '__UPR_LOCATION__';
  // The day the build was made, which the viewer's footer shows.
  const PUBLISHED = '__UPR_PUBLISHED__';
  const script = document.currentScript;
  const beside = (file) => (script ? new URL(file, script.src).href : file);
  let started;
  // The apps of removed elements, waiting for the next one (see src/embed.rs:
  // an app cannot be destroyed without leaking).
  const idle = [];

  // One download and one instance of the code, however many elements.
  function start() {
    started ??= Promise.all([import(beside(GLUE)), import(beside(LOCATION))]).then(async ([glue, { default: here }]) => {
      await glue.default({ module_or_path: new URL(WASM, here) });
      return { glue, data: new URL('data/', here).href };
    });
    return started;
  }

  class UprViewer extends HTMLElement {
    connectedCallback() {
      if (this.viewer || this.pending) return;
      this.pending = true;
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      start()
        .then(({ glue, data }) => {
          this.pending = false;
          if (!this.isConnected || this.viewer) return;
          this.viewer = idle.pop() ?? new glue.EmbeddedViewer(data, PUBLISHED);
          root.replaceChildren(this.viewer.element);
          this.viewer.show(this.pairs());
        })
        .catch((error) => {
          this.pending = false;
          root.replaceChildren(failure(error));
        });
    }

    attributeChangedCallback() {
      this.viewer?.update(this.pairs());
    }

    disconnectedCallback() {
      if (!this.viewer) return;
      this.viewer.hide();
      this.shadowRoot?.replaceChildren();
      idle.push(this.viewer);
      this.viewer = undefined;
    }

    pairs() {
      return Array.from(this.attributes, (a) => [a.name, a.value]);
    }

    static get observedAttributes() {
      // Every parameter of src/query.rs's PARAMETERS, `_` written `-`
      // (tests/query.rs holds the two lists together).
      return [
        'src', 'compact', 'address-bar', 'theme', 'sdg', 'persons', 'action', 'match', 'states-min', 'states-max',
        'members-min', 'members-max', 'observers-min', 'observers-max', 'sur', 'session', 'cycle', 'region',
        'response', 'from', 'from-region', 'q', 'review', 'sort', 'group', 'page', 'view', 'compare', 'by', 'lang',
      ];
    }
  }

  // The browser's reason names the file; the usual cause of a file that
  // is there but cannot be read is a server on another site that does not
  // allow it.
  function failure(error) {
    const notice = document.createElement('p');
    notice.setAttribute('role', 'alert');
    notice.setAttribute('data-testid', 'embed-error');
    notice.style.cssText = 'padding: 1em; border: 2px solid #b3260b; background: #fde2e1; color: #1b1f24; font: 16px/1.5 system-ui, sans-serif;';
    notice.textContent = `The UPR viewer could not start: ${String(error?.message ?? error).replace(/\.$/, '')}. `
      + "Its code and data are loaded from the folder of embed.js; when that folder is on another site, "
      + 'the site must send the header Access-Control-Allow-Origin with them.';
    return notice;
  }

  if (!customElements.get('upr-viewer')) customElements.define('upr-viewer', UprViewer);
})();
