package org.creditledger.platform.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.creditledger.platform.i18n.Text;
import org.creditledger.text.api.Reason;
import org.springframework.context.MessageSourceResolvable;

/**
 * One invalid field of a request: {@code field} is its JSON path (e.g. {@code subject.code}), {@code message} a
 * {@link Text} worded in the reader's language when the problem is written (JSON: {@code {field, message}}).
 */
public record FieldProblem(String field,
                           @Schema(type = "string") MessageSourceResolvable message) {

    public static FieldProblem of(String field, String code, Object... arguments) {
        return new FieldProblem(field, Text.of(code, arguments));
    }

    public static FieldProblem of(String field, Reason reason) {
        return new FieldProblem(field, Text.of(reason));
    }

    /** Words that are no message code (stored texts read back, the import package's own texts). */
    @JsonCreator
    public FieldProblem(@JsonProperty("field") String field, @JsonProperty("message") String words) {
        this(field, Text.literal(words));
    }
}
