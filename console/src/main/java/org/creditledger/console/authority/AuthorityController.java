package org.creditledger.console.authority;

import org.creditledger.console.web.ApiProblem;
import org.creditledger.console.web.LedgerApi;
import org.creditledger.console.web.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 名单认定: a list authority's entries (by list or subject, paged), entering a subject on a list, exiting an entry,
 * and the objections and repairs that await its decision. Every action is the API's own call with the signed-in key,
 * so the API decides which lists are the authority's and what it may do with them.
 */
@Controller
@RequestMapping("/console/authority")
class AuthorityController {

    private static final int PAGE_SIZE = 20;

    /** The entries of one of the authority's lists (its first when none is chosen), or of one subject. */
    @GetMapping
    String entries(LedgerApi.Calls api, @RequestParam(required = false) String listCode,
                   @RequestParam(required = false) String subjectCode, @RequestParam(defaultValue = "0") int page, Model model) {
        List<Map<String, Object>> lists = ownLists(api);
        String list = blank(listCode) ? null : listCode.strip();
        String subject = blank(subjectCode) ? null : subjectCode.strip();
        if (list == null && subject == null && !lists.isEmpty()) {
            list = (String) lists.get(0).get("listCode");
        }
        model.addAttribute("lists", lists);
        model.addAttribute("listCode", list);
        model.addAttribute("subjectCode", subject);
        if (list != null || subject != null) {
            UriComponentsBuilder query = UriComponentsBuilder.fromPath("/list-entries").queryParam("page", Math.max(page, 0))
                    .queryParam("size", PAGE_SIZE);
            UriComponentsBuilder link = UriComponentsBuilder.fromPath("/console/authority");
            if (list != null) {
                query.queryParam("listCode", "{list}");
                link.queryParam("listCode", list);
            }
            if (subject != null) {
                query.queryParam("subjectCode", "{subject}");
                link.queryParam("subjectCode", subject);
            }
            try {
                model.addAttribute("entries", api.get(query.build().toUriString(),
                        list == null ? new Object[] {subject} : subject == null ? new Object[] {list} : new Object[] {list, subject}));
            } catch (ApiProblem problem) {
                if (problem.status() != 400) {
                    throw problem;
                }
                model.addAttribute("problem", problem);
            }
            model.addAttribute("link", link.encode().build().toUriString());
        }
        return "authority/entries";
    }

    @GetMapping("/entries/new")
    String enterForm(LedgerApi.Calls api, @RequestParam(required = false) String listCode, Model model) {
        model.addAttribute("form", Map.of("listCode", listCode == null ? "" : listCode));
        return enterPage(api, model);
    }

    /** 列入: the API's {@code POST /list-entries}; a refusal comes back to the form with each field's message beside it. */
    @PostMapping("/entries")
    String enter(LedgerApi.Calls api, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("kind", form.get("subjectKind"));
        subject.put("code", trimmed(form.get("subjectCode")));
        subject.put("name", trimmed(form.get("subjectName")));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("listCode", form.get("listCode"));
        request.put("subject", subject);
        request.put("decisionNo", trimmed(form.get("decisionNo")));
        request.put("decidedOn", trimmed(form.get("decidedOn")));
        request.put("reason", trimmed(form.get("reason")));
        request.put("effectiveFrom", trimmed(form.get("effectiveFrom")));
        if (!blank(form.get("effectiveUntil"))) {
            request.put("effectiveUntil", form.get("effectiveUntil").strip());
        }
        if (!blank(form.get("legalRepresentative"))) {
            request.put("legalRepresentative", Map.of("name", form.get("legalRepresentative").strip()));
        }
        try {
            Map<String, Object> entered = api.once(form.get("once")).post(request, "/list-entries");
            return "redirect:/console/authority/entries/" + entered.get("entryId") + "?entered";
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("form", form);
            return enterPage(api, model);
        }
    }

    private String enterPage(LedgerApi.Calls api, Model model) {
        model.addAttribute("lists", ownLists(api));
        model.addAttribute("subjectKinds", vocabulary(api, "SubjectKind"));
        model.addAttribute("once", UUID.randomUUID());
        return "authority/enter";
    }

    /** One entry: its decision, state and history, and (while active) the form that exits it. */
    @GetMapping("/entries/{entryId}")
    String entry(LedgerApi.Calls api, @PathVariable UUID entryId, Model model) {
        model.addAttribute("entry", api.get("/list-entries/{entryId}", entryId));
        model.addAttribute("exitReasons", exitReasons(api));
        model.addAttribute("once", UUID.randomUUID());
        return "authority/entry";
    }

    /** 移出: the API's {@code POST /list-entries/{id}/exit} with a reason from the vocabulary. */
    @PostMapping("/entries/{entryId}/exit")
    String exit(LedgerApi.Calls api, @PathVariable UUID entryId, @RequestParam String reason,
                @RequestParam(required = false) String documentNo, @RequestParam(required = false) String note,
                @RequestParam(required = false) String once, Model model) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reason", reason);
        if (!blank(documentNo)) {
            request.put("documentNo", documentNo.strip());
        }
        if (!blank(note)) {
            request.put("note", note.strip());
        }
        try {
            api.once(once).post(request, "/list-entries/{entryId}/exit", entryId);
            return "redirect:/console/authority/entries/" + entryId + "?exited";
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("exitForm", Map.of("reason", reason, "documentNo", documentNo == null ? "" : documentNo,
                    "note", note == null ? "" : note));
            return entry(api, entryId, model);
        }
    }

    /** 待办: objections and repair applications awaiting the authority's decision, earliest deadline first. */
    @GetMapping("/pending")
    String pending(LedgerApi.Calls api, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("pending", api.get("/list-entries/pending?page={page}&size={size}", Math.max(page, 0), PAGE_SIZE));
        return "authority/pending";
    }

    /**
     * Decides one objection ({@code upheld}) or repair application ({@code approved}) from its row; htmx replaces the
     * row with the outcome (or with the API's problem), a plain form comes back to the list.
     */
    @PostMapping("/pending/{kind}/{entryId}/{itemId}")
    String decide(LedgerApi.Calls api, @PathVariable String kind, @PathVariable UUID entryId, @PathVariable UUID itemId,
                  @RequestParam boolean accept, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String once,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        boolean objection = "OBJECTION".equals(kind);
        if (!objection && !"REPAIR".equals(kind)) {
            throw new ApiProblem(404, "", "", "", Map.of());
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put(objection ? "upheld" : "approved", accept);
        request.put("reason", reason == null ? "" : reason.strip());
        model.addAttribute("kind", kind);
        model.addAttribute("entryId", entryId);
        model.addAttribute("itemId", itemId);
        model.addAttribute("accept", accept);
        try {
            api.once(once).post(request, objection ? "/list-entries/{entryId}/objections/{itemId}/decision"
                    : "/list-entries/{entryId}/repairs/{itemId}/decision", entryId, itemId);
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            model.addAttribute("problem", problem);
        }
        if (htmx != null) {
            return "authority/pending :: decided";
        }
        if (model.containsAttribute("problem")) {
            return pending(api, 0, model);
        }
        return "redirect:/console/authority/entries/" + entryId + "?decided";
    }

    /** The lists of the signed-in authority (every list for an administrator). */
    private static List<Map<String, Object>> ownLists(LedgerApi.Calls api) {
        String authority = SignedIn.current().map(SignedIn::boundTo).orElse(null);
        return api.getList("/lists").stream()
                .filter(list -> authority == null || authority.equals(list.get("authority")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> vocabulary(LedgerApi.Calls api, String name) {
        return (List<Map<String, Object>>) api.get("/vocabulary").get(name);
    }

    /** The reasons a person may choose: expiry and black-listing revocation happen by themselves. */
    private static List<Map<String, Object>> exitReasons(LedgerApi.Calls api) {
        List<Map<String, Object>> reasons = vocabulary(api, "ExitReason");
        return reasons == null ? List.of() : reasons.stream()
                .filter(reason -> !"EXPIRED".equals(reason.get("code")) && !"REVOKED_BY_BLACK_LISTING".equals(reason.get("code")))
                .toList();
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
