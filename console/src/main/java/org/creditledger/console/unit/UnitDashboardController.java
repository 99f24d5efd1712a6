package org.creditledger.console.unit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditledger.console.web.ApiProblem;
import org.creditledger.console.web.Downloads;
import org.creditledger.console.web.LedgerApi;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 单位承诺 — the quota dashboard: for a year, the unit's letters and fulfilment records in each quarter against a
 * quarter of the annual target (the API's {@code GET /units/{unitId}/quota/{year}}), as a chart and a table, and the
 * same figures as the API's XLSX export.
 */
@Controller
@RequestMapping("/console/unit")
class UnitDashboardController {

    private final ObjectMapper json;
    private final MessageSource messages;

    UnitDashboardController(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    @GetMapping
    String dashboard(LedgerApi.Calls api, @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) String unitId, Model model, Locale locale) {
        int y = year == null ? UnitScope.today().getYear() : year;
        String unit = UnitScope.unit(unitId);
        model.addAttribute("year", y);
        model.addAttribute("unitId", unit);
        if (UnitScope.admin()) {
            model.addAttribute("units", api.getList("/units"));
        }
        if (unit != null) {
            try {
                Map<String, Object> quota = api.get("/units/{unitId}/quota/{year}", unit, y);
                model.addAttribute("quota", quota);
                model.addAttribute("quarterLine", quarterLine(quota));
                model.addAttribute("chart", chart(quota, locale));
            } catch (ApiProblem problem) {
                if (problem.status() == 401 || problem.status() >= 500) {
                    throw problem;
                }
                model.addAttribute("problem", problem);
            }
        }
        return "unit/dashboard";
    }

    /** The API's own XLSX of the unit's quota (Chinese headers). */
    @GetMapping("/quota.xlsx")
    ResponseEntity<byte[]> download(LedgerApi.Calls api, @RequestParam int year, @RequestParam(required = false) String unitId) {
        String unit = UnitScope.unit(unitId);
        byte[] file = api.download(Downloads.XLSX, "/units/{unitId}/quota/{year}", unit, year);
        return Downloads.attachment(Downloads.XLSX, "quota-" + unit + "-" + year + ".xlsx", file);
    }

    /** ¼ of the annual target, rounded up: the least quarterly amount with 4 × amount ≥ target. */
    static long quarterLine(Map<String, Object> quota) {
        long target = ((Number) quota.get("annualTarget")).longValue();
        return (target + 3) / 4;
    }

    /**
     * The ECharts option: one bar per quarter for letters and one for records (EACH: side by side, each must reach
     * the line; COMBINED: stacked, their sum must), and the ¼ line as a markLine.
     */
    @SuppressWarnings("unchecked")
    private String chart(Map<String, Object> quota, Locale locale) {
        List<Map<String, Object>> quarters = (List<Map<String, Object>>) quota.get("quarters");
        boolean combined = "COMBINED".equals(quota.get("counting"));
        // a target that includes the units below is judged on the rolled-up figures: the bars show those
        boolean rolledUp = Boolean.TRUE.equals(quota.get("includeSubUnits"));
        List<String> names = new ArrayList<>();
        List<Object> letters = new ArrayList<>();
        List<Object> records = new ArrayList<>();
        for (Map<String, Object> q : quarters) {
            names.add(text("console.unit.quarter", locale, q.get("quarter")));
            letters.add(q.get(rolledUp ? "rolledUpLetters" : "letters"));
            records.add(q.get(rolledUp ? "rolledUpRecords" : "records"));
        }
        long line = quarterLine(quota);
        Map<String, Object> markLine = Map.of(
                "symbol", "none",
                "lineStyle", Map.of("color", "#b42318", "type", "dashed", "width", 2),
                "label", Map.of("formatter", text("console.unit.chart.quarter-line", locale, line), "position", "insideEndTop"),
                "data", List.of(Map.of("yAxis", line)));
        Map<String, Object> letterSeries = new LinkedHashMap<>();
        letterSeries.put("name", text("console.unit.letters", locale));
        letterSeries.put("type", "bar");
        letterSeries.put("data", letters);
        letterSeries.put("itemStyle", Map.of("color", "#0b5cad"));
        Map<String, Object> recordSeries = new LinkedHashMap<>();
        recordSeries.put("name", text("console.unit.records", locale));
        recordSeries.put("type", "bar");
        recordSeries.put("data", records);
        recordSeries.put("itemStyle", Map.of("color", "#1a7f37"));
        if (combined) {
            letterSeries.put("stack", "amount");
            recordSeries.put("stack", "amount");
        }
        recordSeries.put("markLine", markLine);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 50, "right", 30, "top", 40, "bottom", 30));
        option.put("xAxis", Map.of("type", "category", "data", names));
        // the ¼ line must stay in sight even when every bar is far below it
        long highest = line;
        for (int i = 0; i < letters.size(); i++) {
            long l = ((Number) letters.get(i)).longValue();
            long r = ((Number) records.get(i)).longValue();
            highest = Math.max(highest, combined ? l + r : Math.max(l, r));
        }
        option.put("yAxis", Map.of("type", "value", "minInterval", 1, "max", highest + Math.max(1, highest / 10)));
        option.put("series", List.of(letterSeries, recordSeries));
        try {
            // a JSON island inside <script>: "</" would end the element early
            return json.writeValueAsString(option).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
