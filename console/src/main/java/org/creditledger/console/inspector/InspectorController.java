package org.creditledger.console.inspector;

import org.creditledger.console.web.ApiProblem;
import org.creditledger.console.web.Downloads;
import org.creditledger.console.web.LedgerApi;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 监督核查: a subject's timeline (who, when, why), its state as of an instant, its recorded counter checks (the
 * timeline's events of kind CHECK) each with a button that asks the same question again as of its {@code checkedAt}
 * and {@code ledgerPosition} and shows both answers side by side; the chain's verification and the dispute package.
 */
@Controller
@RequestMapping("/console/inspector")
class InspectorController {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int PAGE_SIZE = 20;
    private static final int CHECKS_SHOWN = 100;
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    @GetMapping
    String subject(LedgerApi.Calls api, @RequestParam(required = false) String code,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        if (code != null && !code.isBlank()) {
            String subject = code.strip().toUpperCase();
            model.addAttribute("code", subject);
            try {
                model.addAttribute("timeline", api.get("/subjects/{code}/timeline?page={page}&size={size}", subject,
                        Math.max(page, 0), PAGE_SIZE));
                model.addAttribute("checks", latestChecks(api, subject));
            } catch (ApiProblem problem) {
                if (problem.status() != 400) {
                    throw problem;
                }
                model.addAttribute("problem", problem);
            }
            model.addAttribute("link", org.springframework.web.util.UriComponentsBuilder.fromPath("/console/inspector")
                    .queryParam("code", subject).encode().build().toUriString());
        }
        return "inspector/inspector";
    }

    /**
     * 某一时刻的状态: the date-time picker's local time, read in Asia/Shanghai, asked as an ISO instant; blank is now.
     */
    @GetMapping("/state")
    String state(LedgerApi.Calls api, @RequestParam String code, @RequestParam(required = false) String asOf,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String subject = code.strip().toUpperCase();
        model.addAttribute("asOfInput", asOf);
        try {
            String instant = asOf == null || asOf.isBlank() ? null : instant(asOf.strip());
            model.addAttribute("state", instant == null ? api.get("/subjects/{code}/state", subject)
                    : api.get("/subjects/{code}/state?asOf={asOf}", subject, instant));
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            model.addAttribute("stateProblem", problem);
        }
        if (htmx != null) {
            return "inspector/inspector :: state";
        }
        return subject(api, subject, 0, model);
    }

    /**
     * 复现: the recorded receipt, and the same question asked again {@code asOf} its {@code checkedAt} and
     * {@code asOfPosition} its {@code ledgerPosition} — the ledger exactly as that answer read it, even when its
     * projection had not yet processed every event recorded before the check. The two answers agree unless the
     * ledger was changed behind the chain's back.
     */
    @PostMapping("/checks/{checkId}/reproduce")
    String reproduce(LedgerApi.Calls api, @PathVariable UUID checkId, @RequestParam(required = false) String once,
                     @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Map<String, Object> recorded = api.get("/checks/{checkId}", checkId);
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("subjectCode", recorded.get("subjectCode"));
        question.put("domain", recorded.get("domain"));
        if (recorded.get("matter") != null) {
            question.put("matter", recorded.get("matter"));
        }
        question.put("asOf", recorded.get("checkedAt"));
        question.put("asOfPosition", recorded.get("ledgerPosition"));
        Map<String, Object> again = api.once(once).post(question, "/checks");
        model.addAttribute("recorded", recorded);
        model.addAttribute("again", again);
        model.addAttribute("sameVerdict", Objects.equals(recorded.get("verdict"), again.get("verdict")));
        model.addAttribute("sameEntries", ids(recorded, "entries", "entryId").equals(ids(again, "entries", "entryId")));
        model.addAttribute("sameMeasures", ids(recorded, "measures", "measureCode").equals(ids(again, "measures", "measureCode")));
        if (htmx != null) {
            return "inspector/inspector :: reproduction";
        }
        return subject(api, String.valueOf(recorded.get("subjectCode")), 0, model);
    }

    /** 校验哈希链: the whole chain, or (with an earlier digest) that the ledger still extends it. */
    @PostMapping("/verify")
    String verify(LedgerApi.Calls api, @RequestParam(required = false) String lastGlobalIndex,
                  @RequestParam(required = false) String digest, @RequestParam(required = false) String code,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Map<String, Object> anchor = new LinkedHashMap<>();
        if (lastGlobalIndex != null && !lastGlobalIndex.isBlank()) {
            anchor.put("lastGlobalIndex", lastGlobalIndex.strip());
        }
        if (digest != null && !digest.isBlank()) {
            anchor.put("digest", digest.strip());
        }
        try {
            model.addAttribute("verification", api.post(anchor, "/audit/verify"));
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            model.addAttribute("verifyProblem", problem);
        }
        if (htmx != null) {
            return "inspector/inspector :: verification";
        }
        return subject(api, code, 0, model);
    }

    /** 争议材料包: the API's zip, as it gives it. */
    @GetMapping("/dispute-package")
    ResponseEntity<byte[]> disputePackage(LedgerApi.Calls api, @RequestParam String code) {
        String subject = code.strip().toUpperCase();
        byte[] zip = api.download(ZIP, "/subjects/{code}/dispute-package", subject);
        return Downloads.attachment(ZIP, "争议材料包-" + subject + ".zip", zip);
    }

    /**
     * The subject's recorded checks are its timeline's events of kind CHECK (the event identifier is the receipt id);
     * the timeline runs oldest first, so a subject checked more than a page's worth shows its latest page.
     */
    private static Map<String, Object> latestChecks(LedgerApi.Calls api, String subject) {
        Map<String, Object> first = api.get("/subjects/{code}/timeline?kind=CHECK&size={size}", subject, CHECKS_SHOWN);
        long total = ((Number) first.get("totalItems")).longValue();
        return total <= CHECKS_SHOWN ? first : api.get("/subjects/{code}/timeline?kind=CHECK&size={size}&page={page}", subject,
                CHECKS_SHOWN, (total - 1) / CHECKS_SHOWN);
    }

    /**
     * The picker's {@code yyyy-MM-ddTHH:mm[:ss]}, a wall-clock time in Asia/Shanghai, as an ISO instant; anything else
     * goes to the API as typed, so the page shows the API's own problem for it.
     */
    static String instant(String local) {
        try {
            return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant().toString();
        } catch (DateTimeParseException notLocal) {
            return local;
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> ids(Map<String, Object> answer, String list, String id) {
        Object items = answer.get(list);
        return items == null ? Set.of() : ((List<Map<String, Object>>) items).stream()
                .map(item -> item.get(id)).collect(Collectors.toSet());
    }
}
