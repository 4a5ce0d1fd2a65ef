package io.devops.platform.agentgateway;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.context.request.async.DeferredResult;

/** One agent's held poll. Exactly one party takes it (delivery, expiry or a newer poll) and answers it. */
final class Waiter {

    private final AgentNode agent;
    private final DeferredResult<PollAnswer> result;
    private final Instant expiresAt;
    private final AtomicBoolean taken = new AtomicBoolean();

    Waiter(AgentNode agent, DeferredResult<PollAnswer> result, Instant expiresAt) {
        this.agent = agent;
        this.result = result;
        this.expiresAt = expiresAt;
    }

    AgentNode agent() {
        return agent;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean take() {
        return taken.compareAndSet(false, true);
    }

    void answer(PollAnswer answer) {
        result.setResult(answer);
    }

    void refuse(Exception error) {
        result.setErrorResult(error);
    }
}
