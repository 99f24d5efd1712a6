package org.creditledger.console.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.creditledger.console.web.ApiProblem;
import org.creditledger.console.web.LedgerApi;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * API keys (ADMIN): the list, issuing one, revoking one. The secret is in the API's answer to the issue once; the page
 * that shows it is reached by a redirect carrying the secret as a flash attribute, so it is shown on that one page view
 * and never again — reloading the page, or coming back to it, shows only that it was shown. Revoking takes a second
 * step: a page naming the key, with the button that revokes it.
 */
@Controller
@RequestMapping("/console/admin/keys")
class ApiKeysController {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int PAGE_SIZE = 50;

    private final MessageSource messages;

    ApiKeysController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping
    String list(LedgerApi.Calls api, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("keys", api.get("/admin/api-keys?page={page}&size={size}", Math.max(0, page), PAGE_SIZE));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new LinkedHashMap<String, String>());
        }
        formChoices(api, model);
        model.addAttribute("tab", "keys");
        return "admin/keys";
    }

    @PostMapping
    String issue(LedgerApi.Calls api, @RequestParam Map<String, String> form, RedirectAttributes redirect, Model model) {
        String role = form.getOrDefault("role", "");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", form.getOrDefault("name", "").strip());
        request.put("role", role);
        if ("UNIT_CLERK".equals(role) || "COUNTER".equals(role)) {
            request.put("unitId", blankToNull(form.get("unitId")));
        }
        if ("LIST_AUTHORITY".equals(role)) {
            request.put("authority", blankToNull(form.get("authority")));
        }
        try {
            String expiresAt = blankToNull(form.get("expiresAt"));
            if (expiresAt != null) {
                request.put("expiresAt", LocalDateTime.parse(expiresAt).atZone(SHANGHAI).toInstant().toString());
            }
            Map<String, Object> issued = api.once(form.get("once")).post(request, "/admin/api-keys");
            redirect.addFlashAttribute("issued", issued);
            return "redirect:/console/admin/keys/issued";
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 422) {
                throw problem;
            }
            model.addAttribute("problem", problem);
        } catch (DateTimeParseException notADate) {
            String message = messages.getMessage("console.form.field-invalid",
                    new Object[] {messages.getMessage("console.admin.keys.expires-at", null, LocaleContextHolder.getLocale())},
                    LocaleContextHolder.getLocale());
            model.addAttribute("problem", new ApiProblem(400, "", messages.getMessage("console.form.invalid", null,
                    LocaleContextHolder.getLocale()), message, Map.of("expiresAt", message)));
        }
        model.addAttribute("form", form);
        return list(api, 0, model);
    }

    /** The issued key with its secret, on this one view; without it (a reload, a bookmark) only that it was shown. */
    @GetMapping("/issued")
    String issued(HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("tab", "keys");
        return "admin/key-issued";
    }

    /** The first step of a revocation: which key, and the button that revokes it. */
    @GetMapping("/{keyId}/revoke")
    String confirmRevoke(LedgerApi.Calls api, @PathVariable UUID keyId, Model model) {
        model.addAttribute("key", find(api, keyId));
        model.addAttribute("tab", "keys");
        return "admin/key-revoke";
    }

    @PostMapping("/{keyId}/revoke")
    String revoke(LedgerApi.Calls api, @PathVariable UUID keyId, RedirectAttributes redirect) {
        api.delete("/admin/api-keys/{keyId}", keyId);
        redirect.addFlashAttribute("revoked", keyId.toString());
        return "redirect:/console/admin/keys";
    }

    /** The key in the API's list (newest first, so a recent one is on the first page), or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(LedgerApi.Calls api, UUID keyId) {
        for (int page = 0; ; page++) {
            Map<String, Object> answer = api.get("/admin/api-keys?page={page}&size=500", page);
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
            for (Map<String, Object> key : items) {
                if (keyId.toString().equals(key.get("keyId"))) {
                    return key;
                }
            }
            if (items.isEmpty() || (page + 1) * 500L >= ((Number) answer.get("totalItems")).longValue()) {
                return null;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void formChoices(LedgerApi.Calls api, Model model) {
        model.addAttribute("roles", api.get("/vocabulary").get("Role"));
        model.addAttribute("units", api.getList("/units"));
        model.addAttribute("authorities", api.getList("/lists").stream().map(list -> (String) list.get("authority"))
                .filter(Objects::nonNull).distinct().sorted().toList());
        model.addAttribute("once", UUID.randomUUID());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
