// Sets the theme class before the first paint (the CSP forbids inline scripts).
(function () {
  try {
    var t = localStorage.getItem('bf.theme');
    var dark = t === 'dark' || (t !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', dark);
  } catch (e) {}
})();
