// embed.js: defines <upr-viewer>, the Universal Periodic Review viewer as
// an element for any page. Load it once, then place as many elements as
// you like:
//
//   <script src="https://cdn.example.org/upr/v1/embed.js" defer></script>
//   <upr-viewer theme="Death penalty" states-min="40" compact></upr-viewer>
//
// Attributes mirror the viewer's address-bar parameters with `-` for `_`
// and commas between repeated values; `src` is the data folder (default:
// `data/` next to this file), `compact` hides the filters, `address-bar`
// lets the element read and write the page's address bar.
//
// This file is not content-hashed, so its URL stays stable; the build
// writes the hashed names of the code it loads into it.
(() => {
  const GLUE = '__UPR_GLUE__';
  const WASM = '__UPR_WASM__';
  const script = document.currentScript;
  const base = new URL('.', script ? script.src : document.baseURI);
  let started;

  // One download and one instance of the code, however many elements.
  function start() {
    started ??= import(new URL(GLUE, base).href).then(async (glue) => {
      await glue.default({ module_or_path: new URL(WASM, base) });
      return glue;
    });
    return started;
  }

  class UprViewer extends HTMLElement {
    connectedCallback() {
      if (this.viewer || this.pending) return;
      this.pending = true;
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      start()
        .then((glue) => {
          this.pending = false;
          if (!this.isConnected || this.viewer) return;
          this.viewer = new glue.EmbeddedViewer(root, this.pairs(), new URL('data/', base).href);
        })
        .catch((error) => {
          this.pending = false;
          root.textContent = `The UPR viewer could not start: ${error.message}`;
        });
    }

    attributeChangedCallback() {
      this.viewer?.update(this.pairs());
    }

    disconnectedCallback() {
      if (!this.viewer) return;
      this.viewer.destroy();
      this.viewer.free();
      this.viewer = undefined;
      this.shadowRoot?.replaceChildren();
    }

    pairs() {
      return Array.from(this.attributes, (a) => [a.name, a.value]);
    }

    static get observedAttributes() {
      return [
        'src', 'compact', 'address-bar', 'theme', 'match', 'states-min', 'states-max', 'members-min',
        'members-max', 'observers-min', 'observers-max', 'sur', 'session', 'cycle', 'region',
        'response', 'from', 'q', 'review', 'sort', 'group', 'page',
      ];
    }
  }

  if (!customElements.get('upr-viewer')) customElements.define('upr-viewer', UprViewer);
})();
