package org.creditledger.console.admin;

import org.creditledger.console.web.ApiProblem;
import org.creditledger.console.web.LedgerApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Projections (ADMIN): each one's position in the event stream and its lag behind the stream's head (the audit
 * chain's last index plus the events not chained yet, {@code GET /audit/digest}), its latest rebuild, and a button
 * that starts one ({@code POST /admin/projections/{name}/rebuild}); htmx polls the rebuild's progress until it ends.
 */
@Controller
@RequestMapping("/console/admin/projections")
class ProjectionsController {

    @GetMapping
    String projections(LedgerApi.Calls api, Model model) {
        Map<String, Object> digest = api.get("/audit/digest");
        long head = number(digest.get("lastGlobalIndex")) + number(digest.get("unchainedEvents"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> projection : api.getList("/admin/projections")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", projection.get("name"));
            row.put("tables", projection.get("tables") == null ? List.of() : projection.get("tables"));
            row.put("position", projection.get("position"));
            row.put("processorRunning", Boolean.TRUE.equals(projection.get("processorRunning")));
            Object position = projection.get("position");
            row.put("lag", position == null ? null : Math.max(0, head - number(position)));
            row.put("rebuild", latest(api, (String) projection.get("name")));
            rows.add(row);
        }
        model.addAttribute("head", head);
        model.addAttribute("projections", rows);
        model.addAttribute("tab", "projections");
        return "admin/projections";
    }

    /** Starts a rebuild; answers its progress (the fragment htmx swaps in, or the page without JavaScript). */
    @PostMapping("/{name}/rebuild")
    String rebuild(LedgerApi.Calls api, @PathVariable String name,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        try {
            api.post(Map.of(), "/admin/projections/{name}/rebuild", name);
        } catch (ApiProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            model.addAttribute("problem", problem); // one already runs: show it and its progress
        }
        if (htmx == null) {
            return "redirect:/console/admin/projections";
        }
        return progress(api, name, model);
    }

    /** The rebuild's progress, polled by htmx while it runs. */
    @GetMapping("/{name}/rebuild")
    String progress(LedgerApi.Calls api, @PathVariable String name, Model model) {
        model.addAttribute("name", name);
        model.addAttribute("rebuild", latest(api, name));
        return "admin/projections :: progress";
    }

    private static Map<String, Object> latest(LedgerApi.Calls api, String name) {
        try {
            return api.get("/admin/projections/{name}/rebuild", name);
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return null;
            }
            throw problem;
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
