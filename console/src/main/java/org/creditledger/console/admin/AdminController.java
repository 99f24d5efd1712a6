package org.creditledger.console.admin;

import org.creditledger.console.web.ApiProblem;
import org.creditledger.console.web.LedgerApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.List;
import java.util.Map;

/**
 * 系统管理 (ADMIN), read-only parts: the units with their yearly targets, and the catalogue (lists and measures, each
 * with its raw history of versions from the event store). The API answers units, lists and measures unpaged, so the
 * tables show them whole.
 */
@Controller
@RequestMapping("/console/admin")
class AdminController {

    private final com.fasterxml.jackson.databind.ObjectMapper json;

    AdminController(com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
    }

    @GetMapping
    String units(LedgerApi.Calls api, Model model) {
        model.addAttribute("units", api.getList("/units"));
        model.addAttribute("tab", "units");
        return "admin/units";
    }

    @GetMapping("/catalogue")
    String catalogue(LedgerApi.Calls api, Model model) {
        model.addAttribute("lists", api.getList("/lists"));
        model.addAttribute("measures", api.getList("/measures"));
        model.addAttribute("tab", "catalogue");
        return "admin/catalogue";
    }

    /**
     * A list's or measure's history: every version as the event store holds it ({@code GET /aggregates/{code}/events}),
     * who recorded it and when.
     */
    @GetMapping("/catalogue/{code}/history")
    String history(LedgerApi.Calls api, @PathVariable String code, Model model) {
        List<Map<String, Object>> events;
        try {
            events = api.getList("/aggregates/{code}/events", code);
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            events = List.of();
        }
        model.addAttribute("code", code);
        model.addAttribute("events", newestFirst(events));
        model.addAttribute("payloads", newestFirst(events).stream().map(event -> pretty(event.get("payload"))).toList());
        model.addAttribute("tab", "catalogue");
        return "admin/history";
    }

    private String pretty(Object payload) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(payload);
        }
    }

    private static List<Map<String, Object>> newestFirst(List<Map<String, Object>> events) {
        List<Map<String, Object>> copy = new java.util.ArrayList<>(events);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
