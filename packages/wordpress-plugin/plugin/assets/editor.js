/**
 * The PBGDPL blocks in the block editor. Plain JavaScript with no build step: edit it directly.
 *
 * Each block shows the real widget: the same <pbgdpl-…> element and the same loader a visitor
 * gets, reading the province's server, so what you see while editing is what the page shows.
 * The block sidebar has one control per attribute in widgets.json (passed here by
 * includes/blocks.php as window.pbgdplEditor, with labels in the user's language). Codes of
 * fields, types and issuers come from the server's GET /api/v1/meta as drop-down lists; when the
 * server cannot be reached, a text box takes the code instead.
 */
(function (wp, config) {
  'use strict';
  if (!wp || !wp.blocks || !config) {
    return;
  }
  var el = wp.element.createElement;
  var useState = wp.element.useState;
  var useEffect = wp.element.useEffect;
  var blockEditor = wp.blockEditor;
  var C = wp.components;
  var T = config.strings;
  var CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  /** "show-search" -> "showSearch": block attributes are camelCase. */
  function camel(name) {
    return name.replace(/-([a-z])/g, function (m, c) {
      return c.toUpperCase();
    });
  }

  /** Fetches JSON once per URL; resolves to null when it cannot. */
  var fetched = {};
  function fetchOnce(url) {
    if (!url) {
      return Promise.resolve(null);
    }
    if (!fetched[url]) {
      fetched[url] = window
        .fetch(url, { credentials: 'omit' })
        .then(function (r) {
          if (!r.ok) {
            throw new Error('HTTP ' + r.status);
          }
          return r.json();
        })
        .catch(function () {
          return null;
        });
    }
    return fetched[url];
  }

  /** A value that arrives later (the server's lists, the bundle's manifest). */
  function useFetched(url) {
    var state = useState(undefined);
    useEffect(
      function () {
        var live = true;
        fetchOnce(url).then(function (value) {
          if (live) {
            state[1](value);
          }
        });
        return function () {
          live = false;
        };
      },
      [url],
    );
    return state[0];
  }

  var metaUrl = config.api ? config.api + '/api/v1/meta?lang=' + encodeURIComponent(config.lang || 'vi') : '';

  /** The sidebar control of one attribute. */
  function control(attr, spec, value, set, meta) {
    var label = spec.label;
    var help = spec.help;
    if (spec.type === 'boolean') {
      return el(C.ToggleControl, {
        key: attr,
        label: label,
        help: help,
        checked: !!value,
        onChange: function (on) {
          set(on ? true : undefined);
        },
      });
    }
    if (spec.type === 'integer') {
      return el(C.RangeControl, {
        key: attr,
        label: label,
        help: help,
        min: spec.min,
        max: spec.max,
        value: value === undefined ? spec['default'] : value,
        allowReset: true,
        resetFallbackValue: spec['default'],
        onChange: function (n) {
          set(n === undefined || n === null || n === '' ? undefined : Number(n));
        },
      });
    }
    if (spec.type === 'enum') {
      var options = [];
      if (spec['default'] === undefined) {
        options.push({ value: '', label: T['default'] });
      }
      Object.keys(spec.values).forEach(function (code) {
        options.push({ value: code, label: spec.values[code] });
      });
      return el(C.SelectControl, {
        key: attr,
        label: label,
        help: help,
        value: value === undefined ? spec['default'] || '' : value,
        options: options,
        onChange: function (v) {
          set(v === '' ? undefined : v);
        },
      });
    }
    if (spec.type === 'code' && spec.meta && meta && Array.isArray(meta[spec.meta])) {
      var list = [{ value: '', label: T.all }];
      var known = false;
      meta[spec.meta].forEach(function (item) {
        list.push({ value: item.code, label: item.label + ' (' + item.code + ')' });
        known = known || item.code === value;
      });
      if (value && !known) {
        list.push({ value: value, label: value + ' ' + T.unknownCode });
      }
      return el(C.SelectControl, {
        key: attr,
        label: label,
        help: help,
        value: value || '',
        options: list,
        onChange: function (v) {
          set(v === '' ? undefined : v);
        },
      });
    }
    // Text, and codes without a list (or when the server's list could not be loaded).
    var bad = spec.type === 'code' && value && !CODE.test(value);
    var codeHelp = spec.type === 'code' ? (spec.meta && meta === null ? T.offlineList + ' ' : '') + (help || T.codeHelp) : help;
    return el(C.TextControl, {
      key: attr,
      label: label,
      help: bad ? T.badCode : codeHelp,
      value: value || '',
      maxLength: spec.max || 64,
      onChange: function (v) {
        set(v === '' ? undefined : v);
      },
    });
  }

  /** The element's attributes, as the placeholder would give them: switches on are "". */
  function elementAttributes(widget, attributes) {
    var out = {};
    Object.keys(widget.attributes).forEach(function (attr) {
      var v = attributes[camel(attr)];
      if (v === undefined || v === null || v === '' || v === false) {
        return;
      }
      out[attr] = v === true ? '' : String(v);
    });
    return out;
  }

  function makeEdit(name, widget) {
    return function Edit(props) {
      var attributes = props.attributes;
      var meta = useFetched(metaUrl);
      var manifest = useFetched(config.manifest);
      var style = config.accent ? { '--pbgdpl-accent': config.accent } : {};
      var blockProps = blockEditor.useBlockProps({ style: style });

      var controls = Object.keys(widget.attributes).map(function (attr) {
        var key = camel(attr);
        return control(
          attr,
          widget.attributes[attr],
          attributes[key],
          function (v) {
            var change = {};
            change[key] = v;
            props.setAttributes(change);
          },
          meta,
        );
      });

      var notices = [];
      if (!config.api) {
        notices.push(el(C.Notice, { key: 'setup', status: 'warning', isDismissible: false }, T.notConfigured));
      } else if (manifest && manifest.widgets && !manifest.widgets[name]) {
        notices.push(el(C.Notice, { key: 'missing', status: 'info', isDismissible: false }, T.notAvailable));
      }

      return el(
        'div',
        blockProps,
        el(blockEditor.InspectorControls, null, el(C.PanelBody, { title: T.settings, initialOpen: true }, controls)),
        notices,
        // The real widget. It ignores the pointer so that a click selects the block.
        el('div', { className: 'pbgdpl-editor-preview', style: { pointerEvents: 'none' } }, el(widget.tag, elementAttributes(widget, attributes))),
      );
    };
  }

  Object.keys(config.widgets).forEach(function (name) {
    var widget = config.widgets[name];
    wp.blocks.registerBlockType('pbgdpl/' + name, {
      edit: makeEdit(name, widget),
      save: function () {
        return null; // Rendered by blocks/<name>/render.php.
      },
    });
  });
})(window.wp, window.pbgdplEditor);
