package io.devops.platform.job;

import io.devops.platform.catalog.BasedOn;
import io.devops.platform.job.JobVersion.FailurePolicy;
import io.devops.platform.job.JobVersion.JobItem;
import io.devops.platform.job.JobVersion.Target;
import io.devops.platform.job.JobVersion.TargetType;
import io.devops.platform.job.Jobs.NewVersion;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import io.devops.platform.identity.TenantAware;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@TenantAware
@RequestMapping("/api/v1/jobs")
class JobsController {

    private final JobService jobs;

    JobsController(JobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    PageResult<JobView> list(@RequestParam(required = false) String name, @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return jobs.page(name, PageQuery.of(page, size, sort, "name,asc")).map(JobView::of);
    }

    @GetMapping("/{id}")
    JobView get(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return JobView.of(jobs.get(id, version));
    }

    @GetMapping("/{id}/versions")
    List<JobView> versions(@PathVariable long id) {
        return jobs.versions(id).stream().map(JobView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    JobView create(@Valid @RequestBody JobRequest request) {
        return JobView.of(jobs.create(request.draft()));
    }

    @PutMapping("/{id}")
    JobView update(@PathVariable long id, @Valid @RequestBody JobRequest request,
                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return JobView.of(jobs.update(id, request.draft(), BasedOn.ifMatch(ifMatch)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        jobs.delete(id, BasedOn.ifMatch(ifMatch));
    }

    record JobRequest(@NotBlank @Size(max = 128) String name, @Size(max = 2000) String comments, String failurePolicy,
                      @NotNull @Size(max = JobService.MAX_ITEMS) List<@Valid ItemRequest> items,
                      @Size(max = JobParameter.MAX_PARAMETERS) List<ParameterRequest> parameters) {

        NewVersion draft() {
            List<JobItem> parsed = IntStream.range(0, items.size())
                    .mapToObj(i -> items.get(i).item(i + 1)).toList();
            List<JobParameter> declared = parameters == null ? List.of() : IntStream.range(0, parameters.size())
                    .mapToObj(i -> parameters.get(i) == null ? null : parameters.get(i).parameter("parameters[" + i + "]")).toList();
            return new NewVersion(name, comments, policy(), parsed, declared);
        }

        /** A job saved without a policy lets healthy nodes go on when one fails (STOP_NODE). */
        private FailurePolicy policy() {
            if (failurePolicy == null || failurePolicy.isBlank()) {
                return FailurePolicy.STOP_NODE;
            }
            try {
                return FailurePolicy.valueOf(failurePolicy.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("failurePolicy", "must be STOP_NODE, STOP or CONTINUE, not '" + failurePolicy + "'");
            }
        }
    }

    /** {@code type}: string, int, bool or choice (any case). */
    record ParameterRequest(String name, String type, Boolean required, Object defaultValue, List<String> choices, String description) {

        JobParameter parameter(String where) {
            JobParameter.Type parsed;
            try {
                parsed = JobParameter.Type.valueOf(type == null ? "" : type.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(where + ".type", "must be string, int, bool or choice, not '" + type + "'");
            }
            return new JobParameter(name, parsed, Boolean.TRUE.equals(required), defaultValue, choices,
                    description == null || description.isBlank() ? null : description.trim());
        }
    }

    record ItemRequest(@NotNull Long templateId, @NotNull @Size(max = 1000) List<@Valid TargetRequest> targets) {

        JobItem item(int sequence) {
            return new JobItem(sequence, templateId, null, null,
                    targets.stream().map(target -> new Target(TargetType.parse(target.type()), target.id())).toList());
        }
    }

    record TargetRequest(@NotBlank String type, @NotNull Long id) {
    }

    /** A job version as the API shows it: {@code id} is the job, stable across versions. */
    record JobView(long id, int version, boolean latest, String name, String comments, FailurePolicy failurePolicy,
                   List<JobItem> items, List<JobParameter> parameters, java.time.Instant createdAt, String createdBy) {

        static JobView of(JobVersion version) {
            return new JobView(version.jobId(), version.version(), version.latest(), version.name(), version.comments(),
                    version.failurePolicy(), version.items(), version.parameters(), version.createdAt(), version.createdBy());
        }
    }
}
