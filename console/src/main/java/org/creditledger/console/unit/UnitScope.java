package org.creditledger.console.unit;

import org.creditledger.console.web.SignedIn;
import org.creditledger.platform.access.Role;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Which unit a unit page is about: a clerk's own (whatever the address says; the API would refuse another anyway), or
 * the one an administrator picked. Also builds API paths with only the filters that were filled in.
 */
final class UnitScope {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private UnitScope() {
    }

    static boolean admin() {
        return SignedIn.current().map(s -> s.role() == Role.ADMIN).orElse(false);
    }

    /** The clerk's own unit; for an administrator the requested one, or null when none was picked. */
    static String unit(String requested) {
        SignedIn signedIn = SignedIn.current().orElseThrow();
        if (signedIn.role() == Role.ADMIN) {
            return blankToNull(requested);
        }
        return signedIn.caller().unitId();
    }

    static LocalDate today() {
        return LocalDate.now(BUSINESS_ZONE);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A URI template with a query parameter for each filled-in value, and the values to expand it with. */
    static final class Query {
        private final StringBuilder template;
        private final List<Object> values = new ArrayList<>();
        private final String console;
        private final StringBuilder link = new StringBuilder();

        Query(String path, String consolePath) {
            this.template = new StringBuilder(path);
            this.console = consolePath;
        }

        Query add(String name, Object value) {
            Object v = value instanceof String s ? blankToNull(s) : value;
            if (v != null) {
                template.append(values.isEmpty() ? '?' : '&').append(name).append("={").append(name).append('}');
                values.add(v);
                link.append(link.isEmpty() ? '?' : '&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(v.toString(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return this;
        }

        String template() {
            return template.toString();
        }

        Object[] values() {
            return values.toArray();
        }

        /** The console page's own address with the same filters (for the pager and the download link). */
        String link() {
            return console + link;
        }

        String link(String consolePath) {
            return consolePath + link;
        }
    }
}
