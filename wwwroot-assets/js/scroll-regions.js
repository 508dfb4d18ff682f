// A table wider than the screen scrolls inside its own box; keyboard users reach that box with Tab to scroll it
// (MudBlazor's table containers are not focusable themselves). Tables come and go as Blazor renders, hence the observer.
(() => {
  const mark = () => {
    for (const box of document.querySelectorAll('.mud-table-container:not([tabindex])')) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', 'Table, scrolls sideways');
    }
  };
  new MutationObserver(mark).observe(document.documentElement, { childList: true, subtree: true });
  mark();
})();
