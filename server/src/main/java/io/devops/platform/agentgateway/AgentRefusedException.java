package io.devops.platform.agentgateway;

import io.devops.platform.shared.PlatformException;
import org.springframework.http.HttpStatus;

/** An agent or a caller without the right credential: 401 (who are you?) or 403 (not yours). */
class AgentRefusedException extends PlatformException {

    private final HttpStatus status;

    private AgentRefusedException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    static AgentRefusedException unauthorized(String detail) {
        return new AgentRefusedException(HttpStatus.UNAUTHORIZED, detail);
    }

    static AgentRefusedException forbidden(String detail) {
        return new AgentRefusedException(HttpStatus.FORBIDDEN, detail);
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
