package org.creditledger.console.overview;

import org.creditledger.console.web.Downloads;
import org.creditledger.console.web.LedgerApi;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * 全市概览 (ADMIN, INSPECTOR): every unit's quota progress for a year in one table, coloured by where it stands — met or
 * on track green, behind red, no target for the year grey — and the same table as the API's XLSX export. The rows are
 * the API's {@code GET /quota/{year}} (units with a target) and, in grey, the units of {@code GET /units} without one.
 */
@Controller
@RequestMapping("/console/overview")
class OverviewController {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @GetMapping
    String overview(LedgerApi.Calls api, @RequestParam(required = false) Integer year, Model model) {
        int thisYear = LocalDate.now(SHANGHAI).getYear();
        int shown = year == null ? thisYear : year;
        List<Map<String, Object>> quotas = api.getList("/quota/{year}", shown);
        Map<String, Map<String, Object>> byUnit = new LinkedHashMap<>();
        quotas.forEach(quota -> byUnit.put((String) quota.get("unitId"), quota));
        List<Row> rows = new ArrayList<>();
        quotas.forEach(quota -> rows.add(new Row((String) quota.get("unitId"), (String) quota.get("unitName"), quota)));
        for (Map<String, Object> unit : api.getList("/units")) {
            if (!byUnit.containsKey((String) unit.get("unitId"))) {
                rows.add(new Row((String) unit.get("unitId"), (String) unit.get("name"), null));
            }
        }
        model.addAttribute("year", shown);
        model.addAttribute("years", IntStream.rangeClosed(0, 6).mapToObj(back -> thisYear + 1 - back).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("asOf", quotas.isEmpty() ? null : quotas.get(0).get("asOf"));
        model.addAttribute("counts", Map.of(
                "ok", rows.stream().filter(row -> "ok".equals(row.standing())).count(),
                "behind", rows.stream().filter(row -> "behind".equals(row.standing())).count(),
                "none", rows.stream().filter(row -> "none".equals(row.standing())).count()));
        return "overview/overview";
    }

    /** The API's own XLSX export of the same figures. */
    @GetMapping("/{year}.xlsx")
    ResponseEntity<byte[]> download(LedgerApi.Calls api, @PathVariable int year) {
        return Downloads.attachment(Downloads.XLSX, "全市年度目标任务完成情况-" + year + ".xlsx", api.download(Downloads.XLSX, "/quota/{year}", year));
    }

    /**
     * One unit's line: its quota progress, or null when it has no target for the year. {@code standing}: "ok" (annual
     * target met, or on track at the last ended quarter), "behind", or "none".
     */
    record Row(String unitId, String unitName, Map<String, Object> quota) {
        public String standing() {
            if (quota == null) {
                return "none";
            }
            return Boolean.TRUE.equals(quota.get("annualMet")) || Boolean.TRUE.equals(quota.get("onTrack")) ? "ok" : "behind";
        }
    }
}
