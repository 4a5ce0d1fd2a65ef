package io.devops.platform.execution;

import io.devops.platform.acceptance.Judgement;
import io.devops.platform.acceptance.NcclJudge;
import io.devops.platform.execution.RunReports.Report;
import io.devops.platform.execution.RunViews.RunDetail;
import io.devops.platform.execution.RunViews.RunSummary;
import io.devops.platform.execution.Runs.RunFilter;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1")
class RunsController {

    static final int MAX_WINDOW_CHUNKS = 64;

    private final RunStarter starter;
    private final RunActions actions;
    private final Runs runs;
    private final RunContents contents;
    private final RunLogs logs;
    private final RunReports reports;
    private final RunEvents events;
    private final NcclJudge ncclJudge;

    RunsController(RunStarter starter, RunActions actions, Runs runs, RunContents contents, RunLogs logs, RunReports reports,
                   RunEvents events, NcclJudge ncclJudge) {
        this.starter = starter;
        this.actions = actions;
        this.runs = runs;
        this.contents = contents;
        this.logs = logs;
        this.reports = reports;
        this.events = events;
        this.ncclJudge = ncclJudge;
    }

    @PostMapping("/jobs/{jobId}/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunSummary start(@PathVariable long jobId, @RequestBody(required = false) StartRequest request) {
        return RunSummary.of(starter.start(jobId, request == null ? null : request.version()));
    }

    @GetMapping("/runs")
    PageResult<RunSummary> list(@RequestParam(required = false) Long jobId, @RequestParam(required = false) RunStatus status,
                                @RequestParam(required = false) Long nodeId, @RequestParam(required = false) String user,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                @RequestParam(required = false) String sort) {
        return runs.page(new RunFilter(jobId, status, nodeId, user, from, to), PageQuery.of(page, size, sort, "id,desc"))
                .map(RunSummary::of);
    }

    @GetMapping("/runs/{id}")
    RunDetail get(@PathVariable long id) {
        RunRecord run = find(id);
        return RunDetail.of(run, contents.items(id), contents.hostResults(id), runs.history(id));
    }

    @GetMapping(value = "/runs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable long id, @RequestHeader(value = "Last-Event-ID", required = false) Long lastEventId,
                      @RequestParam(required = false) Long after) {
        find(id);
        // Last-Event-ID (a reconnect) wins; "after" lets a page that loaded the log's tail start the stream there.
        return events.stream(id, lastEventId != null ? lastEventId : after != null ? after : 0, CurrentActor.name());
    }

    /**
     * A window of the log, for a page that shows the tail first: the {@code chunks} chunks (each
     * at most 64 KB) before chunk {@code before}, or the last ones.
     */
    @GetMapping("/runs/{id}/log/window")
    LogWindow logWindow(@PathVariable long id, @RequestParam(required = false) Long before,
                        @RequestParam(defaultValue = "4") int chunks) {
        find(id);
        if (chunks < 1 || chunks > MAX_WINDOW_CHUNKS) {
            throw new InvalidInputException("chunks", "must be between 1 and " + MAX_WINDOW_CHUNKS);
        }
        List<RunLogs.LogChunk> window = logs.before(id, before, chunks);
        if (window.isEmpty()) {
            return new LogWindow(0, before == null ? 0 : before - 1, false, "");
        }
        long first = window.get(0).seq();
        StringBuilder content = new StringBuilder();
        window.forEach(chunk -> content.append(chunk.content()));
        return new LogWindow(first, window.get(window.size() - 1).seq(), logs.hasBefore(id, first), content.toString());
    }

    /**
     * The whole log, streamed; {@code outputId} narrows it to one step's output, and {@code nodeId}
     * further to that node's lines (without their "ip | " prefix) and the platform's lines about it.
     */
    @GetMapping(value = "/runs/{id}/log", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<StreamingResponseBody> log(@PathVariable long id, @RequestParam(required = false) Long outputId,
                                              @RequestParam(required = false) Long nodeId) {
        find(id);
        if (nodeId != null && outputId == null) {
            throw new InvalidInputException("outputId", "a node's output is read per step: give the step's outputId too");
        }
        NodeLines lines = nodeId == null ? null : NodeLines.of(contents.ipOf(id, nodeId)
                .orElseThrow(() -> new NotFoundException("Node of run " + id, nodeId)));
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (outputId == null) {
                logs.writeAll(id, writer);
            } else {
                for (RunLogs.LogChunk chunk : logs.ofTask(id, outputId)) {
                    writer.write(lines == null ? chunk.content() : lines.keep(chunk.content()));
                }
            }
            writer.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header("Content-Disposition", "inline; filename=\"run-" + id + ".log\"").body(body);
    }

    /** A window of the log: chunks {@code firstSeq}..{@code lastSeq}, and whether earlier ones exist. */
    record LogWindow(long firstSeq, long lastSeq, boolean hasEarlier, String content) {
    }

    @GetMapping("/runs/{id}/reports")
    List<Report> reports(@PathVariable long id, @RequestParam(required = false) Long nodeId) {
        find(id);
        return reports.of(id, nodeId);
    }

    /** PASS/FAIL/UNKNOWN for each NCCL report of the run (one per node and step), with the figures behind it. */
    @GetMapping("/runs/{id}/judgements")
    List<ReportJudgement> judgements(@PathVariable long id) {
        find(id);
        List<Report> all = reports.of(id, null);
        List<Optional<Judgement>> judged = ncclJudge.judgeAll(all.stream()
                .map(report -> new NcclJudge.ReportText(report.path(), report.content())).toList());
        List<ReportJudgement> answer = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Report report = all.get(i);
            judged.get(i).ifPresent(judgement -> answer.add(new ReportJudgement(report.id(), report.taskId(), report.nodeId(),
                    report.ip(), report.path(), judgement)));
        }
        return answer;
    }

    @PostMapping("/runs/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunSummary cancel(@PathVariable long id) {
        actions.cancel(id);
        return summary(id);
    }

    @PostMapping("/runs/{id}/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunSummary resume(@PathVariable long id) {
        actions.resume(id);
        return summary(id);
    }

    @PostMapping("/runs/{id}/rerun-failed")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunSummary rerunFailed(@PathVariable long id) {
        return RunSummary.of(starter.rerunFailed(id));
    }

    private RunSummary summary(long id) {
        return RunSummary.of(find(id));
    }

    private RunRecord find(long id) {
        return runs.get(id).orElseThrow(() -> new NotFoundException("Run", id));
    }

    record StartRequest(Integer version) {
    }

    record ReportJudgement(long reportId, long taskId, long nodeId, String ip, String path, Judgement judgement) {
    }
}
