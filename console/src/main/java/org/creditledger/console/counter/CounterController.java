package org.creditledger.console.counter;

import org.creditledger.console.web.ApiProblem;
import org.creditledger.console.web.LedgerApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 窗口核查: the counter clerk's one form (subject code, service domain, matter) and the verdict card; the printed receipt
 * (核查回执); a batch of pasted codes. Each check is the API's {@code POST /checks}, so it is recorded like any other.
 */
@Controller
@RequestMapping("/console/counter")
class CounterController {

    @GetMapping
    String form(LedgerApi.Calls api, Model model) {
        model.addAttribute("domains", domains(api));
        model.addAttribute("once", UUID.randomUUID());
        return "counter/counter";
    }

    /** The verdict card, swapped into the page by htmx (or the whole page without JavaScript). */
    @PostMapping("/checks")
    String check(LedgerApi.Calls api, @RequestParam String subjectCode, @RequestParam String domain,
                 @RequestParam(required = false) String matter, @RequestParam(required = false) String once,
                 @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
                 Model model) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subjectCode", subjectCode.strip());
        request.put("domain", domain);
        if (matter != null && !matter.isBlank()) {
            request.put("matter", matter.strip());
        }
        try {
            model.addAttribute("check", api.once(once).post(request, "/checks"));
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 422) {
                throw problem;
            }
            model.addAttribute("problem", problem);
        }
        if (htmx != null) {
            model.addAttribute("nextOnce", UUID.randomUUID());
            return "counter/counter :: verdict";
        }
        model.addAttribute("domains", domains(api));
        model.addAttribute("once", UUID.randomUUID());
        return "counter/counter";
    }

    /** 核查回执: one printable page for a recorded check. */
    @GetMapping("/checks/{checkId}")
    String receipt(LedgerApi.Calls api, @PathVariable UUID checkId, Model model) {
        model.addAttribute("check", api.get("/checks/{checkId}", checkId));
        return "counter/receipt";
    }

    @GetMapping("/batch")
    String batchForm(LedgerApi.Calls api, Model model) {
        model.addAttribute("domains", domains(api));
        return "counter/batch";
    }

    /** Codes pasted one per line (or separated by commas or spaces), all checked for one domain and matter. */
    @PostMapping("/batch")
    String batch(LedgerApi.Calls api, @RequestParam String codes, @RequestParam String domain,
                 @RequestParam(required = false) String matter, Model model) {
        List<Map<String, Object>> items = Arrays.stream(codes.split("[\\s,，;；]+"))
                .filter(code -> !code.isBlank())
                .map(code -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("subjectCode", code);
                    item.put("domain", domain);
                    if (matter != null && !matter.isBlank()) {
                        item.put("matter", matter.strip());
                    }
                    return item;
                })
                .toList();
        model.addAttribute("codes", codes);
        model.addAttribute("domain", domain);
        model.addAttribute("matter", matter);
        model.addAttribute("domains", domains(api));
        try {
            model.addAttribute("batch", api.post(Map.of("items", items), "/checks/batch"));
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 422) {
                throw problem;
            }
            model.addAttribute("problem", problem);
        }
        return "counter/batch";
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> domains(LedgerApi.Calls api) {
        return (List<Map<String, Object>>) api.get("/vocabulary").get("MeasureDomain");
    }
}
