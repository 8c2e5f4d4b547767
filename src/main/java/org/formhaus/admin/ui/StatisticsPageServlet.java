package org.formhaus.admin.ui;

import org.formhaus.admin.Endpoint;
import org.formhaus.admin.AdminEndpoints;
import org.formhaus.storage.Role;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.formhaus.admin.AdminSession;
import org.formhaus.admin.StatisticsApiServlet;
import org.formhaus.http.HttpProblem;
import org.formhaus.render.Templates;
import org.formhaus.statistics.FormStatistics;
import org.formhaus.statistics.FormTraffic;
import org.formhaus.statistics.Report;
import org.formhaus.statistics.SvgCharts;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;

/**
 * {@code /admin/statistics/{formKey}?days=7|30|90}: a form's statistics page. Each chart (server-rendered SVG) has
 * the same figures beside it as a table with a caption, which is what screen readers read; the period is chosen with
 * plain links. Another account's form or an unknown one is 404; without a session, the sign-in page.
 */
public final class StatisticsPageServlet extends PageServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/statistics/{form}", Role.VIEWER));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    private final AdminSession sessions;
    private final FormStore forms;
    private final FormStatistics statistics;

    public StatisticsPageServlet(Templates templates, AdminSession sessions, FormStore forms,
                                 FormStatistics statistics) {
        super(templates);
        this.sessions = sessions;
        this.forms = forms;
        this.statistics = statistics;
    }

    @Override
    protected void get(Page page) throws Exception {
        Optional<AdminSession.SignedIn> signedIn = sessions.current(page.request());
        if (signedIn.isEmpty()) {
            toLogin(page);
            return;
        }
        String info = page.request().getPathInfo();
        String key = info == null || info.length() <= 1 || info.indexOf('/', 1) >= 0 ? null : info.substring(1);
        long account = signedIn.get().accountId();
        Optional<StoredForm> found = key == null ? Optional.empty() : forms.current(key);
        StoredForm form = found.filter(f -> f.accountId() == account)
                .orElseThrow(() -> HttpProblem.notFound("Form '" + key + "'"));
        int days = StatisticsApiServlet.days(page.request().getParameter("days"));
        Report report = statistics.report(form.key(), form.definition().steps().size(), days);
        Map<String, Object> model = new HashMap<>();
        model.put("user", signedIn.get().user().email());
        model.put("key", form.key());
        model.put("title", Optional.ofNullable(form.definition().title()).orElse(form.key()));
        model.put("days", days);
        model.put("periods", FormStatistics.PERIODS);
        putFigures(page, report, model);
        render(page, 200, "admin/statistics.ftlh", model);
    }

    private static void putFigures(Page page, Report report, Map<String, Object> model) {
        UiText t = page.text();
        Locale locale = Locale.forLanguageTag(t.lang());
        Report.Totals totals = report.totals();
        model.put("totals", Map.of("views", totals.views(), "starts", totals.starts(),
                "submissions", totals.submissions(), "spam", totals.spam(),
                "conversion", percent(locale, totals.conversion()), "startRate", percent(locale, totals.startRate())));
        DateTimeFormatter date = DateTimeFormatter.ofPattern(t.lang().equals("de") ? "dd.MM.yyyy" : "yyyy-MM-dd");
        model.put("from", date.format(report.from()));
        model.put("to", date.format(report.to()));
        List<Map<String, Object>> days = new ArrayList<>();
        for (Report.Day d : report.days()) {
            days.add(Map.of("day", date.format(d.day()), "views", d.views(), "starts", d.starts(),
                    "submissions", d.submissions(), "spam", d.spam()));
        }
        model.put("dayRows", days);
        model.put("dailyChart", SvgCharts.daily(t.get("stats.daily.chart"), report.days(), List.of(
                new SvgCharts.Series(t.get("stats.views"), Report.Day::views),
                new SvgCharts.Series(t.get("stats.starts"), Report.Day::starts),
                new SvgCharts.Series(t.get("stats.submissions"), Report.Day::submissions)), locale));
        List<Map<String, Object>> funnel = new ArrayList<>();
        List<SvgCharts.Bar> funnelBars = new ArrayList<>();
        for (Report.FunnelStep f : report.funnel()) {
            String label = f.stage().equals(FormTraffic.STEP)
                    ? t.get("stats.stage.step").replace("{step}", Integer.toString(f.step()))
                    : t.get("stats.stage." + f.stage());
            funnel.add(Map.of("label", label, "count", f.count(), "dropOff", f.dropOff(),
                    "ofViews", percent(locale, share(f.count(), totals.views()))));
            funnelBars.add(new SvgCharts.Bar(label, f.count()));
        }
        model.put("funnelRows", funnel);
        model.put("funnelChart", SvgCharts.bars(t.get("stats.funnel.chart"), funnelBars));
        List<Map<String, Object>> spam = new ArrayList<>();
        List<SvgCharts.Bar> spamBars = new ArrayList<>();
        report.spamByReason().forEach((reason, hits) -> {
            String label = Optional.ofNullable(t.messages().get("stats.spam.reason." + reason)).orElse(reason);
            spam.add(Map.of("label", label, "count", hits));
            spamBars.add(new SvgCharts.Bar(label, hits));
        });
        model.put("spamRows", spam);
        model.put("spamChart", spam.isEmpty() ? "" : SvgCharts.bars(t.get("stats.spam.chart"), spamBars));
        Map<String, List<Map<String, Object>>> sources = new LinkedHashMap<>();
        report.sources().forEach((kind, rows) -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Report.SourceRow r : rows) {
                list.add(Map.of("value", r.value(), "views", r.views(), "starts", r.starts(),
                        "submissions", r.submissions(), "conversion", percent(locale, r.conversion())));
            }
            sources.put(kind, list);
        });
        model.put("sources", sources);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static String percent(Locale locale, double value) {
        return String.format(locale, "%.1f %%", value);
    }
}
