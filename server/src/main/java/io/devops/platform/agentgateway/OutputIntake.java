package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.AgentCommands.Outcome;
import io.devops.platform.shared.PlatformException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Takes agents' output so that no step waits for output the server cannot store. When writing a
 * command's output fails (disk full, a database that refuses writes), the command ends FAILED at
 * once, saying why, and the run engine fails its step within seconds instead of at the command's
 * timeout. The agent gets 503 and keeps the output, so it is still stored once writes work again.
 * A transient failure (deadlock, lock wait) only gets the 503: the agent's retry settles it. Output
 * the database refuses as data (409) is for the agent to replace by a note.
 */
@Component
class OutputIntake {

    private static final Logger log = LoggerFactory.getLogger(OutputIntake.class);

    private final AgentChannel channel;

    OutputIntake(AgentChannel channel) {
        this.channel = channel;
    }

    int append(AgentNode agent, long commandId, List<OutputChunk> chunks) {
        try {
            return channel.appendOutput(agent, commandId, chunks);
        } catch (TransientDataAccessException | DataIntegrityViolationException e) {
            throw e;
        } catch (DataAccessException e) {
            throw notStored(agent, List.of(commandId), e);
        }
    }

    /** Ended commands carried by a poll, with their last output: all stored, or every one of them failed. */
    void ended(AgentNode agent, List<AgentChannel.Ended> ended) {
        try {
            channel.ended(agent, ended);
        } catch (TransientDataAccessException | DataIntegrityViolationException e) {
            throw e;
        } catch (DataAccessException e) {
            throw notStored(agent, ended.stream().map(AgentChannel.Ended::id).toList(), e);
        }
    }

    private OutputNotStoredException notStored(AgentNode agent, List<Long> commandIds, DataAccessException e) {
        String cause = firstLine(e.getMostSpecificCause());
        log.error("Could not store the output of agent command(s) {} of node {}; failing them: {}", commandIds,
                agent.nodeId(), cause, e);
        try {
            channel.failUnstored(agent, commandIds, Outcome.because("the server could not store the command's output ("
                    + cause + "); the agent keeps it and sends it again"));
        } catch (RuntimeException failedToo) {
            log.error("Could not fail agent command(s) {} either: {}", commandIds, failedToo.toString());
        }
        return new OutputNotStoredException(commandIds);
    }

    private static String firstLine(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String line = message.lines().findFirst().orElse(message);
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    /** 503: nothing was stored; the agent sends the same output again later. */
    static final class OutputNotStoredException extends PlatformException {

        OutputNotStoredException(List<Long> commandIds) {
            super("The server could not store the output of command(s) " + commandIds
                    + " (its database refused the write); keep it and send it again later");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
    }
}
