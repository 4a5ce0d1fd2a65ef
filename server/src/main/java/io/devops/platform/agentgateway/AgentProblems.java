package io.devops.platform.agentgateway;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 of the agent protocol as problem+json, like every other error of the API. */
final class AgentProblems {

    private final JsonMapper json;

    AgentProblems(JsonMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> write(response, 401,
                "The agent protocol needs 'Authorization: Bearer <agent credential>'; enrol first with POST /api/v1/agent/enroll");
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, 403, "Only enrolled agents may call " + request.getRequestURI());
    }

    void write(HttpServletResponse response, int status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
