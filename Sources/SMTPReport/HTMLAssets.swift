/// The style sheet and script inlined in every HTML report (no network resources).
enum HTMLAssets {
    /// The style sheet.
    static let style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 0 auto; max-width: 980px; padding: 16px; color: #1b1f24; }
        h1 { font-size: 20px; margin: 0 0 4px; }
        .summary { margin: 0 0 12px; color: #444; }
        .summary .passed { color: #1a7f37; font-weight: 600; }
        .summary .failed { color: #cf222e; font-weight: 600; }
        .filters { display: flex; gap: 8px; align-items: center; margin: 12px 0; flex-wrap: wrap; }
        .filters button { border: 1px solid #bbb; background: #f6f8fa; border-radius: 4px; padding: 4px 10px; cursor: pointer; }
        .filters button.active { background: #0969da; color: #fff; border-color: #0969da; }
        .filters input { flex: 1; min-width: 200px; padding: 4px 8px; border: 1px solid #bbb; border-radius: 4px; }
        .case { border: 1px solid #d0d7de; border-radius: 6px; margin: 8px 0; background: #fff; }
        .case.failed { border-color: #cf222e; }
        .case > details > summary { padding: 8px 12px; cursor: pointer; list-style-position: inside; }
        .mark { font-weight: 700; }
        .case.passed .mark { color: #1a7f37; }
        .case.failed .mark { color: #cf222e; }
        .file, .duration { color: #57606a; margin-left: 8px; font-size: 12px; }
        .failure { margin: 0 12px 8px; padding: 8px 12px; background: #fff5f5; border-left: 4px solid #cf222e; }
        .failure h3 { font: 600 13px ui-monospace, monospace; margin: 0 0 6px; }
        .failure table { border-collapse: collapse; font: 13px ui-monospace, monospace; }
        .failure th { text-align: left; padding-right: 12px; vertical-align: top; color: #57606a; font-weight: 400; }
        .failure h4 { margin: 8px 0 2px; font-size: 13px; }
        .failure ul { margin: 0; padding-left: 20px; }
        .diagram { overflow-x: auto; padding: 0 12px 12px; }
        .invalid { border: 1px solid #cf222e; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
        pre { font: 12px ui-monospace, monospace; white-space: pre-wrap; margin: 4px 0; }
        .sequence { font: 12px ui-monospace, monospace; }
        .sequence .actor { fill: #f6f8fa; stroke: #57606a; }
        .sequence .actor-label { font-weight: 600; }
        .sequence .lifeline { stroke: #8c959f; stroke-dasharray: 4 3; }
        .sequence .arrow { stroke: #57606a; stroke-width: 1.2; }
        .sequence .head { fill: #57606a; }
        .sequence .arrow.failing { stroke: #cf222e; stroke-width: 2.5; }
        .sequence .head.failing { fill: #cf222e; }
        .sequence .msg { fill: #1b1f24; }
        .sequence .msg.failing, .sequence .note.failing, .sequence .why { fill: #cf222e; font-weight: 600; }
        .sequence .note { fill: #6e7781; font-style: italic; }
        [hidden] { display: none !important; }
        """

    /// The filter script: a status filter (all, passed, failed) and a text filter over each case's name, file
    /// and failure.
    static let script = """
        (function () {
          var state = "all";
          var input = document.getElementById("filter-text");
          var buttons = Array.prototype.slice.call(document.querySelectorAll(".filters button"));
          var cases = Array.prototype.slice.call(document.querySelectorAll(".case"));
          var none = document.getElementById("none");
          function apply() {
            var needle = input.value.trim().toLowerCase();
            var shown = 0;
            cases.forEach(function (element) {
              var statusMatches = state === "all" || element.getAttribute("data-status") === state;
              var textMatches = needle === "" || element.getAttribute("data-search").indexOf(needle) !== -1;
              element.hidden = !(statusMatches && textMatches);
              if (!element.hidden) { shown += 1; }
            });
            none.hidden = shown !== 0;
          }
          buttons.forEach(function (button) {
            button.addEventListener("click", function () {
              state = button.getAttribute("data-filter");
              buttons.forEach(function (other) { other.classList.toggle("active", other === button); });
              apply();
            });
          });
          input.addEventListener("input", apply);
          apply();
        })();
        """
}
