package io.devops.platform.execution;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.devops.platform.acceptance.Judgement;
import io.devops.platform.acceptance.NcclJudge;
import io.devops.platform.execution.RunStarter.RerunVersion;
import io.devops.platform.execution.logs.NodeLines;
import io.devops.platform.execution.logs.RunEvents;
import io.devops.platform.execution.logs.RunLogs;
import io.devops.platform.execution.reports.RunReports;
import io.devops.platform.execution.run.RunApprovalRecords;
import io.devops.platform.execution.run.RunContents;
import io.devops.platform.execution.run.RunOptions;
import io.devops.platform.execution.run.RunOptionsStore;
import io.devops.platform.inventory.NodeTargets.TargetNode;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;
import io.devops.platform.execution.run.RunRecord;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.execution.run.RunViews.RunDetail;
import io.devops.platform.execution.run.RunViews.RunSummary;
import io.devops.platform.execution.run.Runs;
import io.devops.platform.execution.run.Runs.RunFilter;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.identity.TenantAware;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import tools.jackson.databind.json.JsonMapper;

@RestController
@TenantAware
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
    private final JsonMapper json;
    private final RunAccess access;
    private final RunApprovals approvals;
    private final RunApprovalRecords approvalRecords;
    private final RunOptionsStore runOptions;

    RunsController(RunOptionsStore runOptions, RunAccess access, RunStarter starter, RunActions actions, Runs runs, RunContents contents,
                   RunLogs logs, RunReports reports, RunEvents events, NcclJudge ncclJudge, JsonMapper json, RunApprovals approvals,
                   RunApprovalRecords approvalRecords) {
        this.runOptions = runOptions;
        this.access = access;
        this.approvals = approvals;
        this.approvalRecords = approvalRecords;
        this.starter = starter;
        this.actions = actions;
        this.runs = runs;
        this.contents = contents;
        this.logs = logs;
        this.reports = reports;
        this.events = events;
        this.ncclJudge = ncclJudge;
        this.json = json;
    }

    @PostMapping("/jobs/{jobId}/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunSummary start(@PathVariable long jobId, @RequestBody(required = false) StartRequest request) {
        StartRequest asked = request == null ? StartRequest.PLAIN : request;
        return RunSummary.of(starter.start(jobId, asked.version(), asked.options()));
    }

    /** What a start with this body would run on, locked nodes with their lock; nothing is started. */
    @PostMapping("/jobs/{jobId}/runs/preview")
    StartPreview preview(@PathVariable long jobId, @RequestBody(required = false) StartRequest request) {
        StartRequest asked = request == null ? StartRequest.PLAIN : request;
        return StartPreview.of(starter.preview(jobId, asked.version(), asked.options()));
    }

    @GetMapping("/runs")
    PageResult<RunSummary> list(@RequestParam(required = false) Long jobId, @RequestParam(required = false) RunStatus status,
                                @RequestParam(required = false) Long nodeId, @RequestParam(required = false) String user,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                @RequestParam(required = false) String sort) {
        return runs.page(new RunFilter(jobId, status, nodeId, user, from, to), access.listCondition(), PageQuery.of(page, size, sort, "id,desc"))
                .map(RunSummary::of);
    }

    @GetMapping("/runs/{id}")
    RunDetailWithOptions get(@PathVariable long id) {
        RunRecord run = find(id);
        RunOptions options = runOptions.of(id);
        return new RunDetailWithOptions(RunDetail.of(run, contents.items(id), contents.hostResults(id), runs.history(id), runs.laterOf(id),
                approvalRecords.of(id).orElse(null)), StartOptionsView.of(options), options.checkMode(), runOptions.skipped(id));
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
    void log(@PathVariable long id, @RequestParam(required = false) Long outputId, @RequestParam(required = false) Long nodeId,
             HttpServletResponse response) throws IOException {
        find(id);
        if (nodeId != null && outputId == null) {
            throw new InvalidInputException("outputId", "a node's output is read per step: give the step's outputId too");
        }
        NodeLines lines = nodeId == null ? null : NodeLines.of(contents.ipOf(id, nodeId)
                .orElseThrow(() -> new NotFoundException("Node of run " + id, nodeId)));
        StreamedAnswer.text(response, "run-" + id + ".log", writer -> {
            if (outputId == null) {
                logs.writeAll(id, writer);
            } else {
                logs.eachOfTask(id, outputId, chunk -> writer.write(lines == null ? chunk.content() : lines.keep(chunk.content())));
            }
        });
    }

    /** A window of the log: chunks {@code firstSeq}..{@code lastSeq}, and whether earlier ones exist. */
    record LogWindow(long firstSeq, long lastSeq, boolean hasEarlier, String content) {
    }

    /**
     * The run's reports with their content (up to 1 MB each), written to the response a few at a
     * time so that thousands of them never sit in memory together: a plain array, as always, or,
     * with {@code page} or {@code size}, one page of them as every paged list answers.
     */
    @GetMapping("/runs/{id}/reports")
    void reports(@PathVariable long id, @RequestParam(required = false) Long nodeId, @RequestParam(required = false) Integer page,
                 @RequestParam(required = false) Integer size, HttpServletResponse response) throws IOException {
        find(id);
        // The order is fixed (step, node, collection), so a page takes no sort.
        PageQuery query = page == null && size == null ? null : PageQuery.of(page, size, null, "id");
        List<Long> ids = reports.ids(id, nodeId, query);
        Long total = query == null ? null : reports.count(id, nodeId);
        StreamedAnswer.json(response, json, generator -> {
            if (query != null) {
                generator.writeStartObject();
                generator.writeName("items");
            }
            generator.writeStartArray();
            reports.read(ids, batch -> batch.forEach(generator::writePOJO));
            generator.writeEndArray();
            if (query != null) {
                generator.writeNumberProperty("total", total);
                generator.writeNumberProperty("page", query.page());
                generator.writeNumberProperty("size", query.size());
                generator.writeEndObject();
            }
        });
    }

    /**
     * PASS/FAIL/UNKNOWN for each NCCL report of the run (one per node and step), with the figures
     * behind it: the reports are read and judged a few at a time, and each verdict written at once.
     */
    @GetMapping("/runs/{id}/judgements")
    void judgements(@PathVariable long id, HttpServletResponse response) throws IOException {
        find(id);
        List<Long> ids = reports.ids(id, null, null);
        var judge = ncclJudge.withCurrentThresholds();
        StreamedAnswer.json(response, json, generator -> {
            generator.writeStartArray();
            reports.read(ids, batch -> batch.forEach(report -> judge.apply(new NcclJudge.ReportText(report.path(), report.content()))
                    .ifPresent(judgement -> generator.writePOJO(new ReportJudgement(report.id(), report.taskId(), report.nodeId(),
                            report.ip(), report.path(), judgement)))));
            generator.writeEndArray();
        });
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

    @PostMapping("/runs/{id}/approve")
    RunSummary approve(@PathVariable long id, @RequestBody(required = false) DecisionRequest request) {
        approvals.approve(id, request == null ? null : request.comment());
        return summary(id);
    }

    @PostMapping("/runs/{id}/reject")
    RunSummary reject(@PathVariable long id, @RequestBody(required = false) DecisionRequest request) {
        approvals.reject(id, request == null ? null : request.comment());
        return summary(id);
    }

    @PostMapping("/runs/{id}/rerun-failed")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunSummary rerunFailed(@PathVariable long id, @RequestBody(required = false) RerunRequest request) {
        RerunRequest asked = request == null ? new RerunRequest(null, null) : request;
        return RunSummary.of(starter.rerunFailed(id, asked.version() == null ? RerunVersion.SAME : asked.version(),
                Boolean.TRUE.equals(asked.fromFailedStep())));
    }

    private RunSummary summary(long id) {
        return RunSummary.of(find(id));
    }

    private RunRecord find(long id) {
        return access.visible(id);
    }

    /** A start: {@code version} (the latest when absent) and the options of {@link RunOptions}. */
    record StartRequest(Integer version, SelectorRequest limit, SelectorRequest exclude, Map<String, Object> extraVars, Boolean checkMode,
                        Integer batchSize, Boolean skipLocked) {

        static final StartRequest PLAIN = new StartRequest(null, null, null, null, null, null, null);

        RunOptions options() {
            return new RunOptions(SelectorRequest.of(limit), SelectorRequest.of(exclude), extraVars, Boolean.TRUE.equals(checkMode), batchSize,
                    Boolean.TRUE.equals(skipLocked));
        }
    }

    record SelectorRequest(List<Long> nodeIds, Map<String, String> labels, List<Long> poolIds) {

        static RunOptions.Selector of(SelectorRequest request) {
            return request == null ? RunOptions.Selector.NONE : new RunOptions.Selector(request.nodeIds(), request.labels(), request.poolIds());
        }
    }

    /** The run detail with what its start asked for and the locked nodes it skipped. */
    record RunDetailWithOptions(@JsonUnwrapped RunDetail detail, StartOptionsView options, boolean checkMode,
                                List<RunOptionsStore.SkippedNode> skippedNodes) {
    }

    /** The options as the run shows them: extra variables by name, a secret-looking one's value masked. */
    record StartOptionsView(RunOptions.Selector limit, RunOptions.Selector exclude, Map<String, Object> extraVars, boolean checkMode,
                            Integer batchSize, boolean skipLocked) {

        static StartOptionsView of(RunOptions options) {
            return new StartOptionsView(options.limit(), options.exclude(), options.shownExtraVars(), options.checkMode(), options.batchSize(),
                    options.skipLocked());
        }
    }

    /** The nodes a start would run on ({@code locked}: those a lock holds, with its words), and how many of each. */
    record StartPreview(List<PreviewNode> nodes, int total, int runnable, int locked) {

        static StartPreview of(Map<TargetNode, String> nodes) {
            List<PreviewNode> list = nodes.entrySet().stream().map(entry -> new PreviewNode(entry.getKey().id(), entry.getKey().ip(),
                    entry.getKey().hostname(), entry.getKey().nodePoolId(), entry.getKey().nodePoolName(), entry.getValue() != null,
                    entry.getValue())).toList();
            int locked = (int) list.stream().filter(PreviewNode::locked).count();
            return new StartPreview(list, list.size(), list.size() - locked, locked);
        }
    }

    record PreviewNode(long id, String ip, String hostname, long nodePoolId, String nodePoolName, boolean locked, String lockReason) {
    }

    /**
     * {@code SAME} (the default): the failed run's job version; {@code LATEST}: the job's newest.
     * {@code fromFailedStep} (SAME only): each node starts at its first step that did not succeed.
     */
    record RerunRequest(@JsonAlias("jobVersion") RerunVersion version, Boolean fromFailedStep) {
    }

    record DecisionRequest(String comment) {
    }

    record ReportJudgement(long reportId, long taskId, long nodeId, String ip, String path, Judgement judgement) {
    }
}
