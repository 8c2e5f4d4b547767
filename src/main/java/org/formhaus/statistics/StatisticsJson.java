package org.formhaus.statistics;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** A {@link Report} as the JSON of {@code GET /admin/api/statistics/{key}} (README "Statistics"). Stateless. */
public final class StatisticsJson {

    private StatisticsJson() {
    }

    public static JsonObject of(Report report) {
        JsonObject out = new JsonObject();
        out.addProperty("form", report.formKey());
        out.addProperty("from", report.from().toString());
        out.addProperty("to", report.to().toString());
        Report.Totals t = report.totals();
        JsonObject totals = new JsonObject();
        totals.addProperty("views", t.views());
        totals.addProperty("starts", t.starts());
        totals.addProperty("submissions", t.submissions());
        totals.addProperty("spam", t.spam());
        totals.addProperty("conversion", t.conversion());
        totals.addProperty("startRate", t.startRate());
        out.add("totals", totals);
        JsonArray days = new JsonArray();
        for (Report.Day d : report.days()) {
            JsonObject day = new JsonObject();
            day.addProperty("day", d.day().toString());
            day.addProperty("views", d.views());
            day.addProperty("starts", d.starts());
            day.addProperty("submissions", d.submissions());
            day.addProperty("spam", d.spam());
            days.add(day);
        }
        out.add("days", days);
        JsonArray funnel = new JsonArray();
        for (Report.FunnelStep f : report.funnel()) {
            JsonObject stage = new JsonObject();
            stage.addProperty("stage", f.stage());
            if (f.step() > 0) {
                stage.addProperty("step", f.step());
            }
            stage.addProperty("count", f.count());
            stage.addProperty("dropOff", f.dropOff());
            funnel.add(stage);
        }
        out.add("funnel", funnel);
        JsonObject spam = new JsonObject();
        report.spamByReason().forEach(spam::addProperty);
        out.add("spamByReason", spam);
        JsonObject sources = new JsonObject();
        report.sources().forEach((kind, rows) -> {
            JsonArray list = new JsonArray();
            for (Report.SourceRow r : rows) {
                JsonObject row = new JsonObject();
                row.addProperty("value", r.value());
                row.addProperty("views", r.views());
                row.addProperty("starts", r.starts());
                row.addProperty("submissions", r.submissions());
                row.addProperty("conversion", r.conversion());
                list.add(row);
            }
            sources.add(kind, list);
        });
        out.add("sources", sources);
        return out;
    }
}
