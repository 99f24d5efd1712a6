// The console's only script of its own (no inline scripts: the Content-Security-Policy allows none).
// 1. Every htmx request carries Spring Security's CSRF token, read from the page's meta tags.
document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("meta[name='_csrf']");
    var header = document.querySelector("meta[name='_csrf_header']");
    if (token && header && token.content) {
        event.detail.headers[header.content] = token.content;
    }
});
// 2. htmx swaps only 2xx answers; the console answers a refused action with the API's problem and its status,
//    which the person must see in place of the result.
document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status >= 400 && event.detail.xhr.status < 500) {
        event.detail.shouldSwap = true;
        event.detail.isError = false;
    }
});
// 3. Print buttons (no inline onclick under the policy).
document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-print]");
    if (button) {
        window.print();
    }
});
// 4. Charts: an element with data-chart names a <script type="application/json"> holding an ECharts option.
function drawCharts(root) {
    if (typeof echarts === "undefined") {
        return;
    }
    (root || document).querySelectorAll("[data-chart]").forEach(function (element) {
        var source = document.getElementById(element.dataset.chart);
        if (!source || element.dataset.drawn) {
            return;
        }
        element.dataset.drawn = "true";
        echarts.init(element, null, {renderer: "svg"}).setOption(JSON.parse(source.textContent));
    });
}
document.addEventListener("DOMContentLoaded", function () { drawCharts(document); });
document.addEventListener("htmx:afterSettle", function (event) { drawCharts(event.target); });
