// What a router does on navigation: replace the view, including a widget the page never had.
document.getElementById('open-laws').addEventListener('click', () => {
  history.pushState({}, '', '#van-ban');
  document.getElementById('view').innerHTML = '<h2 class="section">Văn bản pháp luật</h2><pbgdpl-latest-laws limit="5" show-search></pbgdpl-latest-laws>';
});
