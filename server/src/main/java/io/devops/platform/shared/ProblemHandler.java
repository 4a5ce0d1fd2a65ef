package io.devops.platform.shared;

import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** Turns every failure into {@code application/problem+json} with a detail a person can act on. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(PlatformException.class)
    ProblemDetail platform(PlatformException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + e.getName() + "' has an invalid value: '" + e.getValue() + "'");
    }

    /** A constraint the service did not foresee (a race on a unique key): never a 500 with SQL in it. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info("Refused a change that breaks a database constraint: {}", e.getMostSpecificCause().getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change conflicts with existing data (a duplicate or a reference still in use); reload and try again");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (LimitedBodyRequest.isBodyTooLarge(e)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than the configured limit (devops.http.max-body-size); send less at once");
            return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableBody(e));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InputError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new InputError(error.getField(), error.getDefaultMessage()))
                .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The last resort: a 500 that says nothing internal, with the cause in the server's log. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException) {
            throw e; // the client went away (an SSE stream closed): nothing to answer
        }
        log.error("Unexpected failure", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on the server; the error is in its log. Retry, and report it if it persists");
    }

    private static String unreadableBody(HttpMessageNotReadableException e) {
        // A syntax error's message quotes the text around it, which may be a secret: give the position only.
        if (e.getCause() instanceof tools.jackson.core.exc.StreamReadException syntax && syntax.getLocation() != null) {
            return "The request body is not valid JSON (line " + syntax.getLocation().getLineNr() + ", column "
                    + syntax.getLocation().getColumnNr() + ")";
        }
        if (e.getCause() instanceof JacksonException jackson) {
            String path = jackson.getPathReference();
            String where = path == null || path.isBlank() ? "" : " at " + path;
            return "The request body is not valid JSON for this call" + where + ": " + jackson.getOriginalMessage();
        }
        return "The request body is missing or is not valid JSON";
    }
}
