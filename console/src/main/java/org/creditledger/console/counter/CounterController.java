package org.creditledger.console.counter;

import jakarta.servlet.http.HttpSession;
import org.creditledger.console.web.ApiProblem;
import org.creditledger.console.web.Downloads;
import org.creditledger.console.web.LedgerApi;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * 窗口核查: the counter clerk's one form (subject code, service domain, matter) and the verdict card; the printed receipt
 * (核查回执); a batch of pasted codes. Each check is the API's {@code POST /checks}, so it is recorded like any other.
 */
@Controller
@RequestMapping("/console/counter")
class CounterController {

    /** The session attribute holding the last batch's rows, for its download. */
    private static final String LAST_BATCH = "ledger.console.counter.last-batch";

    private final MessageSource messages;

    CounterController(MessageSource messages) {
        this.messages = messages;
    }

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
        model.addAttribute("once", UUID.randomUUID());
        return "counter/batch";
    }

    /**
     * Codes pasted one per line (or separated by commas or spaces), or read from an uploaded file, all checked for one
     * domain and matter. The results stay in the session for their Excel download (checking again would record new
     * checks).
     */
    @PostMapping("/batch")
    String batch(LedgerApi.Calls api, @RequestParam(required = false) String codes,
                 @RequestParam(required = false) MultipartFile file, @RequestParam String domain,
                 @RequestParam(required = false) String matter, @RequestParam(required = false) String once,
                 HttpSession session, Locale locale, Model model) throws IOException {
        List<String> asked = file != null && !file.isEmpty()
                ? BatchSheets.codes(file.getOriginalFilename(), file.getBytes())
                : Arrays.stream((codes == null ? "" : codes).split("[\\s,，;；]+")).filter(code -> !code.isBlank()).toList();
        List<Map<String, Object>> items = asked.stream()
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
        model.addAttribute("codes", file != null && !file.isEmpty() ? String.join("\n", asked) : codes);
        model.addAttribute("asked", asked);
        model.addAttribute("domain", domain);
        model.addAttribute("matter", matter);
        model.addAttribute("domains", domains(api));
        model.addAttribute("once", UUID.randomUUID());
        try {
            Map<String, Object> batch = api.once(once).post(Map.of("items", items), "/checks/batch");
            model.addAttribute("batch", batch);
            session.setAttribute(LAST_BATCH, sheet(batch, asked, locale));
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 422 && problem.status() != 429) {
                throw problem;
            }
            model.addAttribute("problem", problem);
        }
        return "counter/batch";
    }

    /** The last batch's results as an Excel sheet. */
    @GetMapping("/batch.xlsx")
    ResponseEntity<byte[]> batchSheet(HttpSession session, Locale locale) throws IOException {
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) session.getAttribute(LAST_BATCH);
        List<String> headers = Stream.of("index", "subject", "verdict", "entries", "measures", "receipt", "problems")
                .map(column -> messages.getMessage("console.counter.batch.column." + column, null, locale)).toList();
        String sheet = messages.getMessage("console.counter.batch", null, locale);
        return Downloads.attachment(Downloads.XLSX, sheet + ".xlsx", BatchSheets.xlsx(sheet, headers, rows == null ? List.of() : rows));
    }

    /** One row per item: what the counter prints or files. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> sheet(Map<String, Object> batch, List<String> asked, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> result : (List<Map<String, Object>>) batch.get("results")) {
            int index = ((Number) result.get("index")).intValue();
            Map<String, Object> check = (Map<String, Object>) result.get("check");
            List<Map<String, Object>> errors = (List<Map<String, Object>>) result.get("errors");
            if (check != null) {
                List<Map<String, Object>> entries = (List<Map<String, Object>>) check.get("entries");
                List<Map<String, Object>> measures = (List<Map<String, Object>>) check.get("measures");
                rows.add(BatchSheets.row(String.valueOf(index + 1), String.valueOf(check.get("subjectCode")),
                        String.valueOf(check.get("verdictLabel")),
                        entries.stream().map(e -> e.get("listCode") + " " + e.get("decisionNo")).collect(Collectors.joining("；")),
                        measures.stream().map(m -> String.valueOf(m.get("name"))).collect(Collectors.joining("；")),
                        String.valueOf(check.get("checkId")), ""));
            } else {
                rows.add(BatchSheets.row(String.valueOf(index + 1), index < asked.size() ? asked.get(index) : "", "", "", "", "",
                        errors == null ? "" : errors.stream().map(e -> String.valueOf(e.get("message"))).collect(Collectors.joining("；"))));
            }
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> domains(LedgerApi.Calls api) {
        return (List<Map<String, Object>>) api.get("/vocabulary").get("MeasureDomain");
    }
}
