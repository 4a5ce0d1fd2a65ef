package io.devops.platform.shared;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The request itself is wrong; {@code errors} says where (a field, or a line of an import). */
public class InvalidInputException extends PlatformException {

    private final List<InputError> errors;

    public InvalidInputException(String detail, List<InputError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(field + ": " + message, List.of(new InputError(field, message)));
    }

    public List<InputError> errors() {
        return errors;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    public Map<String, Object> properties() {
        return errors.isEmpty() ? Map.of() : Map.of("errors", errors);
    }

    /**
     * One problem with the input: {@code field} names the member, or "line 3" for imports. Where a
     * named rule refused it, {@code rule} says which ({@code name.length}) and {@code limit} its
     * bound, so that a console can say so in its user's language.
     */
    public record InputError(String field, String message, String rule, Integer limit) {

        public InputError(String field, String message) {
            this(field, message, null, null);
        }
    }
}
