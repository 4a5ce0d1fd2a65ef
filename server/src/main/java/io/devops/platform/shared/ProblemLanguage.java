package io.devops.platform.shared;

import io.devops.platform.shared.InvalidInputException.InputError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Problem details in the caller's language: Chinese when the request's {@code Accept-Language}
 * prefers {@code zh} to {@code en}, otherwise English as raised. Only the words change: status,
 * fields, rules, limits and every other member stay as they are, so scripts read the same answer.
 */
@Component
public class ProblemLanguage {

    static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    private final ProblemTranslations chinese = ProblemTranslations.chinese();

    /** Rewrites {@code problem}'s title, detail and field messages for {@code request}'s language. */
    public void localize(ProblemDetail problem, HttpServletRequest request, HttpHeaders responseHeaders) {
        if (!prefersChinese(request)) {
            return;
        }
        List<InputError> errors = inputErrors(problem);
        if (problem.getTitle() != null) {
            problem.setTitle(chinese.translateOrKeep(problem.getTitle()));
        }
        problem.setDetail(detail(problem.getDetail(), errors));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(this::translated).toList());
        }
        responseHeaders.set(HttpHeaders.CONTENT_LANGUAGE, CHINESE.toLanguageTag());
    }

    /** The first of the caller's languages that the server speaks decides; none means English. */
    static boolean prefersChinese(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return false;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            if (locale.getLanguage().equals("zh")) {
                return true;
            }
            if (locale.getLanguage().equals("en")) {
                return false;
            }
        }
        return false;
    }

    /**
     * The detail as a whole where the catalogue knows it; otherwise, for the shapes refusals of
     * fields are written in ("field: message", "field message; field message"), rebuilt from the
     * translated fields.
     */
    private String detail(String detail, List<InputError> errors) {
        if (detail == null) {
            return null;
        }
        Optional<String> whole = chinese.translate(detail);
        if (whole.isPresent() || errors.isEmpty()) {
            return whole.orElse(detail);
        }
        if (errors.size() == 1 && detail.equals(errors.get(0).field() + ": " + errors.get(0).message())) {
            return errors.get(0).field() + "：" + chinese.translateOrKeep(errors.get(0).message());
        }
        String joined = errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
        if (detail.equals(joined)) {
            return errors.stream().map(error -> error.field() + " " + chinese.translateOrKeep(error.message()))
                    .collect(Collectors.joining("；"));
        }
        return detail;
    }

    private InputError translated(InputError error) {
        return new InputError(error.field(), chinese.translateOrKeep(error.message()), error.rule(), error.limit());
    }

    private static List<InputError> inputErrors(ProblemDetail problem) {
        Object errors = problem.getProperties() == null ? null : problem.getProperties().get("errors");
        if (!(errors instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(InputError.class::isInstance)) {
            return List.of();
        }
        return list.stream().map(InputError.class::cast).toList();
    }
}
