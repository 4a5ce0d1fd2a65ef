package io.devops.platform.identity;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.exc.StreamReadException;

/**
 * Bodies that carry passwords: a JSON syntax error is answered with its place only. The parser's
 * own message quotes the text it choked on, which here may be a password.
 */
@RestControllerAdvice(assignableTypes = {AuthController.class, UsersController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecretBodyProblems {

    @ExceptionHandler(StreamReadException.class)
    ProblemDetail malformedJson(StreamReadException e) {
        var where = e.getLocation();
        String place = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON" + place
                + "; check the quotes and commas (the text is not repeated here, as it may hold a password)");
    }
}
