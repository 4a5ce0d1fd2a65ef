package io.devops.platform.schedule;

import io.devops.platform.identity.TenantAware;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A job's schedules, and the preview of a cron expression's or interval's next starts. */
@RestController
@TenantAware
class SchedulesController {

    private static final int MAX_PREVIEW = 50;

    private final ScheduleService schedules;
    private final Clock clock;

    SchedulesController(ScheduleService schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    @GetMapping("/api/v1/jobs/{jobId}/schedules")
    List<ScheduleView> ofJob(@PathVariable long jobId) {
        return schedules.ofJob(jobId).stream().map(ScheduleView::of).toList();
    }

    @PostMapping("/api/v1/jobs/{jobId}/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    ScheduleView create(@PathVariable long jobId, @RequestBody ScheduleRequest request) {
        return ScheduleView.of(schedules.create(jobId, request.settings()));
    }

    @GetMapping("/api/v1/schedules/{id}")
    ScheduleView get(@PathVariable long id) {
        return ScheduleView.of(schedules.get(id));
    }

    @PutMapping("/api/v1/schedules/{id}")
    ScheduleView update(@PathVariable long id, @RequestBody ScheduleRequest request, ExpectedVersion ifMatch) {
        return ScheduleView.of(schedules.update(id, ifMatch.and(request.version()), request.settings()));
    }

    @DeleteMapping("/api/v1/schedules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, ExpectedVersion ifMatch) {
        schedules.delete(id, ifMatch);
    }

    /** The next {@code count} starts after {@code from} (default now), as UTC instants. */
    @GetMapping("/api/v1/schedules/preview")
    List<Instant> preview(@RequestParam(required = false) String cron, @RequestParam(required = false) String timeZone,
                          @RequestParam(required = false) Long intervalSeconds, @RequestParam(required = false) Integer count,
                          @RequestParam(required = false) Instant from) {
        int shown = count == null ? ScheduleView.SHOWN_STARTS : count;
        if (shown < 1 || shown > MAX_PREVIEW) {
            throw new InvalidInputException("count", "must be from 1 to " + MAX_PREVIEW + ", not " + shown);
        }
        ScheduleSettings settings = ScheduleSettings.parse(cron, timeZone, intervalSeconds, true, null, null, null);
        return settings.recurrence().upcoming(from == null ? clock.instant() : from, shown, null);
    }

    /** {@code version} is optional: the version the edit is based on, like {@code If-Match}. */
    record ScheduleRequest(String cron, String timeZone, Long intervalSeconds, Boolean enabled, String overlap, String missed,
                           Instant endsAt, Long version) {

        ScheduleSettings settings() {
            return ScheduleSettings.parse(cron, timeZone, intervalSeconds, enabled, overlap, missed, endsAt);
        }
    }
}
