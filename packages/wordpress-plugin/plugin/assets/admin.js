/* Settings → PBGDPL: WordPress's colour picker on the accent colour field. */
(function ($) {
  $(function () {
    $('.pbgdpl-color-field').wpColorPicker();
  });
})(window.jQuery);
