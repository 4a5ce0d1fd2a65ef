package io.devops.platform.agentgateway;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * One agent's held poll, as a plain servlet async request: the answer is written straight to the
 * socket by whoever takes the waiter (delivery, expiry or a newer poll of the same node), without
 * a second pass through the filter chain and the MVC dispatch. That is what lets one instance
 * answer thousands of held polls in one go. Exactly one party takes it.
 */
final class Waiter {

    private final AgentNode agent;
    private final AsyncContext async;
    private final JsonMapper json;
    private final Instant expiresAt;
    private final AtomicBoolean taken = new AtomicBoolean();

    Waiter(AgentNode agent, AsyncContext async, JsonMapper json, Instant expiresAt) {
        this.agent = agent;
        this.async = async;
        this.json = json;
        this.expiresAt = expiresAt;
    }

    AgentNode agent() {
        return agent;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** Calls {@code onEnd} when the request ends for any reason (answered, timed out, connection lost). */
    void onEnd(Runnable onEnd) {
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                onEnd.run();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                if (take()) {
                    answer(PollAnswer.EMPTY);
                }
                onEnd.run();
            }

            @Override
            public void onError(AsyncEvent event) {
                take();
                onEnd.run();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
    }

    boolean take() {
        return taken.compareAndSet(false, true);
    }

    void answer(PollAnswer answer) {
        write(200, MediaType.APPLICATION_JSON_VALUE, answer);
    }

    void refuse(AgentRefusedException error) {
        write(error.status().value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                ProblemDetail.forStatusAndDetail(error.status(), error.getMessage()));
    }

    private void write(int status, String contentType, Object body) {
        try {
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            response.setStatus(status);
            response.setContentType(contentType);
            response.setCharacterEncoding("UTF-8");
            byte[] bytes = json.writeValueAsBytes(body);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        } catch (IOException | IllegalStateException gone) {
            // The agent hung up; whatever it was given is reconciled at its next poll.
        } finally {
            try {
                async.complete();
            } catch (IllegalStateException alreadyCompleted) {
                // Timed out or failed meanwhile.
            }
        }
    }
}
