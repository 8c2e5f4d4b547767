package org.formhaus.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The builder's preview latency (bench/builder-preview.sh; not a test): in headless Chromium, a field's label is
 * changed in the field panel (a committed edit: its change event) and the time until the preview frame shows the new
 * label is measured in the page (performance.now()): the builder's debounce, the draft's PUT with the server's whole
 * definition check, the preview's GET rendered by the form page's code, and the frame's load. Prints the median, 90th
 * percentile and maximum over the measured edits, and the median PUT and preview GET from the Resource Timing API.
 * In-process Formhaus on H2 with the onOffice simulator, as the browser tests run it.
 *
 * <p>Arguments (all optional): measured edits (40), warm-up edits (10).
 */
public final class BuilderPreviewBench {

    private static final String MEASURE = """
            var done = arguments[arguments.length - 1];
            var text = arguments[0];
            var input = document.querySelector("#field-panel [data-setting='fields[].label'] input");
            var frame = document.getElementById('preview');
            performance.clearResourceTimings();
            var t0 = performance.now();
            input.value = text;
            input.dispatchEvent(new Event('change'));
            (function poll() {
                try {
                    var d = frame.contentDocument;
                    if (d && d.body && d.readyState !== 'loading' && d.body.textContent.indexOf(text) >= 0) {
                        var elapsed = performance.now() - t0;
                        var put = 0, get = 0;
                        performance.getEntriesByType('resource').forEach(function (e) {
                            if (e.name.indexOf('/draft') >= 0) { put = e.duration; }
                            if (e.name.indexOf('/preview') >= 0) { get = e.duration; }
                        });
                        done([elapsed, put, get]);
                        return;
                    }
                } catch (e) { /* the frame is between documents */ }
                setTimeout(poll, 1);
            })();""";

    private BuilderPreviewBench() {
    }

    public static void main(String[] args) throws Exception {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            server.admin("PUT", "/admin/api/forms/kontakt/draft?new=true", FormPageBench.FORM);
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(server.uri("/admin/build/kontakt").toString());
            wait.until(d -> d.getCurrentUrl().contains("/admin/login"));
            browser.findElement(By.id("email")).sendKeys("admin@formhaus.local");
            browser.findElement(By.id("password")).sendKeys(TestServer.ADMIN_PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit].primary")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/admin/build/kontakt"));
            wait.until(d -> d.findElements(By.cssSelector("#field-list li")).size() == 6);
            browser.findElement(By.cssSelector("#field-list li[data-index='0'] .label-button")).click();
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            JavascriptExecutor js = (JavascriptExecutor) browser;
            List<double[]> samples = new ArrayList<>();
            for (int i = 0; i < warmUp + measured; i++) {
                @SuppressWarnings("unchecked")
                List<Number> r = (List<Number>) js.executeAsyncScript(MEASURE, "Vorname " + i + " bench");
                if (i >= warmUp) {
                    samples.add(new double[] {r.get(0).doubleValue(), r.get(1).doubleValue(), r.get(2).doubleValue()});
                }
                // the next edit comes after the preview settled, as an admin's next change would
                wait.until(d -> "Draft saved.".equals(d.findElement(By.id("save-state")).getText()));
            }
            System.out.printf("Builder preview after an edit, %d edits (after %d warm-up), in-process Formhaus on H2:%n",
                    measured, warmUp);
            print("edit → preview shows it", samples, 0);
            print("  PUT draft (save + check)", samples, 1);
            print("  GET preview (render)", samples, 2);
            System.out.println("(the builder waits " + saveDelay(js) + " ms after an edit before saving; included in the "
                    + "first line)");
        }
    }

    private static long saveDelay(JavascriptExecutor js) {
        Object v = js.executeScript("return window.FormhausBuilder && window.FormhausBuilder.saveDelay");
        return v instanceof Number n ? n.longValue() : -1;
    }

    private static void print(String what, List<double[]> samples, int column) {
        double[] v = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
        System.out.printf("%-28s median %6.1f ms   p90 %6.1f ms   max %6.1f ms%n", what, v[v.length / 2],
                v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.9) - 1)], v[v.length - 1]);
    }
}
