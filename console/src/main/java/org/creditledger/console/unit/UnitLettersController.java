package org.creditledger.console.unit;

import org.creditledger.console.web.ApiProblem;
import org.creditledger.console.web.Downloads;
import org.creditledger.console.web.LedgerApi;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 单位承诺 — letters: post one (every field of {@code POST /commitments}; a refused post shows each field's message next
 * to its input and keeps what was typed), read one, list the unit's with filters and paging, record 履约/违约 from a
 * row (htmx replaces the row), and download the list as the API's XLSX.
 */
@Controller
@RequestMapping("/console/unit/letters")
class UnitLettersController {

    private static final String ID = "{commitmentId:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    /** What the clerk typed, kept as typed so a refused form comes back filled in. */
    record LetterForm(String unitId, String type, String subjectKind, String subjectCode, String subjectName,
                      String matter, String content, String signedOn, String dueDate, String letterNo) {

        Map<String, Object> body() {
            Map<String, Object> subject = new LinkedHashMap<>();
            subject.put("kind", UnitScope.blankToNull(subjectKind));
            subject.put("code", UnitScope.blankToNull(subjectCode));
            subject.put("name", UnitScope.blankToNull(subjectName));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("unitId", UnitScope.unit(unitId));
            body.put("type", UnitScope.blankToNull(type));
            body.put("subject", subject);
            body.put("matter", UnitScope.blankToNull(matter));
            body.put("content", UnitScope.blankToNull(content));
            body.put("signedOn", UnitScope.blankToNull(signedOn));
            body.put("dueDate", UnitScope.blankToNull(dueDate));
            body.put("letterNo", UnitScope.blankToNull(letterNo));
            return body;
        }
    }

    @GetMapping("/new")
    String form(LedgerApi.Calls api, Model model) {
        return formPage(api, new LetterForm(UnitScope.unit(null), null, null, null, null, null, null,
                UnitScope.today().toString(), null, null), null, model);
    }

    @PostMapping
    String post(LedgerApi.Calls api, @ModelAttribute LetterForm form, @RequestParam(required = false) String once, Model model) {
        Map<String, Object> posted;
        try {
            posted = api.once(once).post(form.body(), "/commitments");
        } catch (ApiProblem problem) {
            if (problem.status() == 401 || problem.status() >= 500) {
                throw problem;
            }
            return formPage(api, form, problem, model);
        }
        return "redirect:/console/unit/letters/" + posted.get("commitmentId") + "?posted";
    }

    @GetMapping("/" + ID)
    String show(LedgerApi.Calls api, @PathVariable UUID commitmentId, Model model) {
        model.addAttribute("letter", api.get("/commitments/{id}", commitmentId));
        return "unit/letter";
    }

    @GetMapping
    String list(LedgerApi.Calls api, @RequestParam(required = false) String unitId, @RequestParam(required = false) String status,
                @RequestParam(required = false) String type, @RequestParam(required = false) String subjectCode,
                @RequestParam(required = false) String letterNo, @RequestParam(defaultValue = "0") int page, Model model) {
        UnitScope.Query query = filters(unitId, status, type, subjectCode, letterNo);
        model.addAttribute("filter", Map.of("unitId", nullToBlank(UnitScope.unit(unitId)), "status", nullToBlank(status),
                "type", nullToBlank(type), "subjectCode", nullToBlank(subjectCode), "letterNo", nullToBlank(letterNo)));
        model.addAttribute("link", query.link());
        model.addAttribute("downloadLink", query.link("/console/unit/letters/export.xlsx"));
        model.addAttribute("admin", UnitScope.admin());
        vocabulary(api, model);
        int size = 20;
        query.add("page", Math.max(page, 0)).add("size", size);
        try {
            model.addAttribute("letters", api.get(query.template(), query.values()));
        } catch (ApiProblem problem) {
            if (problem.status() == 401 || problem.status() >= 500) {
                throw problem;
            }
            model.addAttribute("problem", problem);
        }
        model.addAttribute("today", UnitScope.today());
        return "unit/letters";
    }

    /** The API's XLSX of the letters the filters select. */
    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> download(LedgerApi.Calls api, @RequestParam(required = false) String unitId,
                                    @RequestParam(required = false) String status, @RequestParam(required = false) String type,
                                    @RequestParam(required = false) String subjectCode, @RequestParam(required = false) String letterNo) {
        UnitScope.Query query = filters(unitId, status, type, subjectCode, letterNo).add("size", 500);
        byte[] file = api.download(Downloads.XLSX, query.template(), query.values());
        return Downloads.attachment(Downloads.XLSX, "commitments-" + UnitScope.today() + ".xlsx", file);
    }

    /** 履约 or 违约 from a row: the row again (htmx), with the new status or the API's problem in it. */
    @PostMapping("/" + ID + "/outcome")
    String outcome(LedgerApi.Calls api, @PathVariable UUID commitmentId, @RequestParam(required = false) String outcome,
                   @RequestParam(required = false) String occurredOn, @RequestParam(required = false) String note,
                   @RequestParam(required = false) String once, @RequestHeader(name = "HX-Request", required = false) String htmx,
                   Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", UnitScope.blankToNull(outcome));
        body.put("occurredOn", UnitScope.blankToNull(occurredOn));
        body.put("note", UnitScope.blankToNull(note));
        try {
            api.once(once).post(body, "/commitments/{id}/outcome", commitmentId);
            model.addAttribute("recorded", true);
        } catch (ApiProblem problem) {
            if (problem.status() == 401 || problem.status() >= 500) {
                throw problem;
            }
            model.addAttribute("rowProblem", problem);
        }
        if (htmx == null) {
            if (model.getAttribute("rowProblem") instanceof ApiProblem problem) {
                throw problem;
            }
            return "redirect:/console/unit/letters";
        }
        model.addAttribute("l", api.get("/commitments/{id}", commitmentId));
        model.addAttribute("today", UnitScope.today());
        vocabulary(api, model);
        return "unit/letters :: row";
    }

    private static UnitScope.Query filters(String unitId, String status, String type, String subjectCode, String letterNo) {
        return new UnitScope.Query("/commitments", "/console/unit/letters")
                .add("unitId", UnitScope.unit(unitId)).add("status", status).add("type", type)
                .add("subjectCode", subjectCode).add("letterNo", letterNo);
    }

    private String formPage(LedgerApi.Calls api, LetterForm form, ApiProblem problem, Model model) {
        Map<String, String> errors = new HashMap<>();
        if (problem != null) {
            problem.fieldErrors().forEach((field, message) -> errors.put(switch (field) {
                case "subject.kind" -> "subjectKind";
                case "subject.code" -> "subjectCode";
                case "subject.name" -> "subjectName";
                default -> field;
            }, message));
            model.addAttribute("problem", problem);
        }
        model.addAttribute("form", form);
        model.addAttribute("unit", UnitScope.unit(form.unitId()));
        model.addAttribute("errors", errors);
        model.addAttribute("admin", UnitScope.admin());
        model.addAttribute("once", UUID.randomUUID());
        model.addAttribute("today", UnitScope.today());
        vocabulary(api, model);
        return "unit/letter-form";
    }

    @SuppressWarnings("unchecked")
    private static void vocabulary(LedgerApi.Calls api, Model model) {
        Map<String, Object> vocabulary = api.get("/vocabulary");
        model.addAttribute("types", (List<Map<String, Object>>) vocabulary.get("CommitmentType"));
        model.addAttribute("subjectKinds", (List<Map<String, Object>>) vocabulary.get("SubjectKind"));
        model.addAttribute("statuses", (List<Map<String, Object>>) vocabulary.get("CommitmentStatus"));
        model.addAttribute("outcomes", (List<Map<String, Object>>) vocabulary.get("Outcome"));
    }

    private static String nullToBlank(String value) {
        return value == null ? "" : value;
    }
}
