package io.devops.platform.notify;

import io.devops.platform.notify.RuleService.RuleRequest;
import io.devops.platform.notify.RuleService.RuleView;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Notification rules (ADMIN): which events of one job, or of every job, go to a channel. */
@RestController
@RequestMapping("/api/v1/notification-rules")
class NotificationRulesController {

    private final RuleService rules;

    NotificationRulesController(RuleService rules) {
        this.rules = rules;
    }

    @GetMapping
    PageResult<RuleView> list(@RequestParam(required = false) Long channelId, @RequestParam(required = false) Long jobId,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                              @RequestParam(required = false) String sort) {
        return rules.page(channelId, jobId, PageQuery.of(page, size, sort, "id,asc"));
    }

    @GetMapping("/{id}")
    RuleView get(@PathVariable long id) {
        return rules.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RuleView create(@Valid @RequestBody RuleRequest request) {
        return rules.create(request);
    }

    @PutMapping("/{id}")
    RuleView update(@PathVariable long id, @Valid @RequestBody RuleRequest request) {
        return rules.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        rules.delete(id);
    }
}
