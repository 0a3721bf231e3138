/*
 * Repairs two ARIA defects inside Vaadin's own components (see ComponentAriaFixes): the
 * side-nav item's list of children gets the id its toggle names, and the tabs' scroll
 * container loses its tabindex. Follows every element added later (dialogs, views).
 */
(() => {
  if (window.$omnichatAriaFixes) return;
  window.$omnichatAriaFixes = true;
  const fixItem = async item => {
    await customElements.whenDefined('vaadin-side-nav-item');
    if (item.updateComplete) await item.updateComplete;
    const button = item.shadowRoot && item.shadowRoot.querySelector('[aria-controls="children"]');
    const list = item.shadowRoot && item.shadowRoot.querySelector('[part="children"]');
    if (button && list && !list.id) list.id = 'children';
  };
  const fixTabs = async tabs => {
    await customElements.whenDefined('vaadin-tabs');
    if (tabs.updateComplete) await tabs.updateComplete;
    const scroll = tabs.shadowRoot && tabs.shadowRoot.querySelector('#scroll[tabindex]');
    if (scroll) scroll.removeAttribute('tabindex');
  };
  const fixAll = () => {
    document.querySelectorAll('vaadin-side-nav-item').forEach(fixItem);
    document.querySelectorAll('vaadin-tabs').forEach(fixTabs);
  };
  let pending = false;
  const start = () => {
    new MutationObserver(() => {
      if (!pending) {
        pending = true;
        requestAnimationFrame(() => { pending = false; fixAll(); });
      }
    }).observe(document.body, {childList: true, subtree: true});
    fixAll();
  };
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})();
