package org.creditledger.console.unit;

import org.creditledger.console.web.ApiProblem;
import org.creditledger.console.web.Downloads;
import org.creditledger.console.web.LedgerApi;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 单位承诺 — importing letters from a file: the upload goes to the API's {@code POST /commitments/imports}; the job
 * page shows a progress bar that htmx refreshes every second from {@code GET /commitments/imports/{id}} until the job
 * is DONE or FAILED, and the rejected rows with their sheet line numbers (also as a CSV); the API's template.
 */
@Controller
@RequestMapping("/console/unit/imports")
class UnitImportsController {

    private static final String ID = "{importId:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    @GetMapping
    String form() {
        return "unit/imports";
    }

    @PostMapping
    String upload(LedgerApi.Calls api, @RequestParam(name = "file", required = false) MultipartFile file, Model model) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        if (file != null && !file.isEmpty()) {
            try {
                byte[] bytes = file.getBytes();
                String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
                parts.add("file", new ByteArrayResource(bytes) {
                    @Override
                    public String getFilename() {
                        return name;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Map<String, Object> accepted = api.postMultipart(parts, "/commitments/imports");
            return "redirect:/console/unit/imports/" + accepted.get("importId");
        } catch (ApiProblem problem) {
            if (problem.status() == 401 || problem.status() >= 500) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            return "unit/imports";
        }
    }

    @GetMapping("/" + ID)
    String job(LedgerApi.Calls api, @PathVariable UUID importId, Model model) {
        read(api, importId, model);
        return "unit/import";
    }

    /** The job part of the page alone: what htmx polls. */
    @GetMapping("/" + ID + "/progress")
    String progress(LedgerApi.Calls api, @PathVariable UUID importId, Model model) {
        read(api, importId, model);
        return "unit/import :: job";
    }

    /** The rejected rows as a CSV (UTF-8 with BOM, so Excel reads the Chinese): line, row, field, message. */
    @GetMapping("/" + ID + "/rejected.csv")
    @SuppressWarnings("unchecked")
    ResponseEntity<byte[]> rejected(LedgerApi.Calls api, @PathVariable UUID importId) {
        Map<String, Object> job = api.get("/commitments/imports/{id}?rowStatus=REJECTED&rowsLimit=1000", importId);
        StringBuilder csv = new StringBuilder("\uFEFFline,row,field,message\r\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) job.get("rows")) {
            List<Map<String, Object>> errors = row.get("errors") == null ? List.of() : (List<Map<String, Object>>) row.get("errors");
            for (Map<String, Object> error : errors) {
                csv.append(cell(row.get("line"))).append(',').append(cell(row.get("row"))).append(',')
                        .append(cell(error.get("field"))).append(',').append(cell(error.get("message"))).append("\r\n");
            }
        }
        return Downloads.attachment(new MediaType("text", "csv", StandardCharsets.UTF_8), "rejected-" + importId + ".csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template(LedgerApi.Calls api) {
        return Downloads.attachment(Downloads.XLSX, "commitment-import-template.xlsx",
                api.download(Downloads.XLSX, "/commitments/imports/template.xlsx"));
    }

    private static void read(LedgerApi.Calls api, UUID importId, Model model) {
        Map<String, Object> job = api.get("/commitments/imports/{id}?rowStatus=REJECTED", importId);
        Object state = job.get("state");
        boolean finished = "DONE".equals(state) || "FAILED".equals(state);
        Object total = job.get("total");
        model.addAttribute("job", job);
        model.addAttribute("finished", finished);
        model.addAttribute("max", total instanceof Number n && n.intValue() > 0 ? n.intValue() : 1);
    }

    private static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") || text.startsWith("@")) {
            text = "'" + text; // never a formula in the clerk's spreadsheet
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
